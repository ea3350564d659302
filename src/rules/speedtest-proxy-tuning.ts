import type { ComposeService } from '../compose/model.js';
import type { TextEdit } from '../core/finding.js';
import { insertAtLocation } from '../fix/location-edit.js';
import { versionAtLeast } from '../nginx/versions.js';
import { isLibreSpeedImage } from '../project/images.js';
import {
  type ProxiedLocation,
  proxiedLocations,
  proxyNginxVersion,
  targetServices,
} from '../project/proxied-locations.js';
import { argPosOf, effective, isEditableInPlace } from '../project/scope.js';
import type { ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

/** LibreSpeed's client uploads 20 MiB blobs; 21m leaves room for the request overhead (librespeed#553). */
const MIN_BODY = 21 * 1024 * 1024;
/** From nginx 1.29.7 proxy_http_version defaults to 1.1. */
const HTTP11_DEFAULT_FROM = [1, 29, 7];

/** nginx sizes: `1024`, `8k`, `21m`, `1g` (case-insensitive); undefined when unparsable. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)([kmg]?)$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** The LibreSpeed service a proxied location reaches, directly or through an upstream block. */
function libreSpeedTargets(view: ProjectView): (pl: ProxiedLocation) => ComposeService | undefined {
  const targetOf = targetServices(view);
  return (pl) => targetOf(pl).find((service) => isLibreSpeedImage(service.image?.value));
}

export const speedtestProxyTuning: Rule = {
  id: 'speedtest-proxy-tuning',
  severity: 'warning',
  title:
    'The proxy in front of LibreSpeed limits or buffers uploads, compresses, or speaks HTTP/1.0 upstream',
  fixable: true,
  check(view) {
    const out = [];
    const version = proxyNginxVersion(view);
    const libreSpeedTarget = libreSpeedTargets(view);
    for (const pl of proxiedLocations(view)) {
      const service = libreSpeedTarget(pl);
      if (!service) continue;
      const setting = (name: string) => effective(view, pl.chain, name).at(-1);
      const value = (name: string) => setting(name)?.d.args[0]?.toLowerCase();
      const problems: { what: string; line: string; name: string }[] = [];
      const body = value('client_max_body_size') ?? '1m';
      const bytes = parseSize(body);
      if (bytes !== undefined && bytes !== 0 && bytes < MIN_BODY) {
        problems.push({
          what: `client_max_body_size is ${body} (uploads of 20 MB get "413 Request Entity Too Large")`,
          line: 'client_max_body_size 21m;',
          name: 'client_max_body_size',
        });
      }
      if (value('proxy_buffering') !== 'off') {
        problems.push({
          what: 'responses are buffered (proxy_buffering on)',
          line: 'proxy_buffering off;',
          name: 'proxy_buffering',
        });
      }
      if (value('proxy_request_buffering') !== 'off') {
        problems.push({
          what: 'uploads are buffered before reaching the backend (proxy_request_buffering on)',
          line: 'proxy_request_buffering off;',
          name: 'proxy_request_buffering',
        });
      }
      const http = value('proxy_http_version');
      if (http === undefined ? !(version && versionAtLeast(version, HTTP11_DEFAULT_FROM)) : http !== '1.1') {
        problems.push({
          what: `the upstream connection uses HTTP/${http ?? '1.0'}${http === undefined ? ' (the default before nginx 1.29.7)' : ''}`,
          line: 'proxy_http_version 1.1;',
          name: 'proxy_http_version',
        });
      }
      if (value('gzip') === 'on')
        problems.push({ what: 'gzip is on (skews the download figure)', line: 'gzip off;', name: 'gzip' });
      if (problems.length === 0) continue;
      const lines = problems.map((p) => p.line);
      // A wrong value written in the location itself is rewritten in place (a second one would be a
      // "directive is duplicate" emerg); everything else goes in after the proxy_pass.
      const edits: TextEdit[] = [];
      const toInsert: string[] = [];
      for (const p of problems) {
        const own = setting(p.name);
        const editable = own && own.parents.at(-1) === pl.location && isEditableInPlace(own.file);
        if (editable) edits.push({ file: own.file.file, start: own.d.start, end: own.d.end, text: p.line });
        else toInsert.push(p.line);
      }
      const insert = insertAtLocation(pl, toInsert);
      if (insert) edits.push(insert);
      const complete = edits.length > 0 && (insert !== undefined || toInsert.length === 0);
      out.push(
        finding(
          speedtestProxyTuning,
          argPosOf(pl.pass.d, 0),
          `location "${pl.location.args.join(' ')}" proxies to LibreSpeed ("${service.name}", ${service.image?.value}) but ${problems.map((p) => p.what).join('; ')}.`,
          { description: `Set in the location: ${lines.join(' ')}`, ...(complete ? { edits } : {}) },
          {
            ...proxyService(view),
            related: [{ pos: service.pos, message: `LibreSpeed service "${service.name}"` }],
          },
        ),
      );
    }
    return out;
  },
};
