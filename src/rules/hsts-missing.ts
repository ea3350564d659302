import type { Finding } from '../core/finding.js';
import { directivesInServer, sslServers } from '../project/proxied-locations.js';
import { chainOf, effective, posOf } from '../project/scope.js';
import type { PlacedDirective, ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

const HSTS_LINE = 'add_header Strict-Transport-Security "max-age=31536000" always;';

function hasHsts(view: ProjectView, chain: PlacedDirective['parents']): boolean {
  return effective(view, chain, 'add_header').some(
    (p) => p.d.args[0]?.toLowerCase() === 'strict-transport-security',
  );
}

export const hstsMissing: Rule = {
  id: 'hsts-missing',
  severity: 'note',
  title: 'An HTTPS server does not send Strict-Transport-Security',
  check(view) {
    const out: Finding[] = [];
    const extra = proxyService(view);
    for (const { server, listen } of sslServers(view)) {
      if (listen.parents.at(-1) !== server) continue;
      if (!hasHsts(view, listen.parents)) {
        out.push(
          finding(
            hstsMissing,
            posOf(listen.d),
            `This HTTPS server (listen ${listen.d.args.join(' ')}) sends no Strict-Transport-Security header: browsers keep trying plain http:// first, where a network attacker can strip TLS.`,
            `Add "${HSTS_LINE}" to the server block (and to any location that has its own add_header).`,
            extra,
          ),
        );
        continue;
      }
      // The server sends it, but a location with its own add_header drops it.
      for (const loc of directivesInServer(view, server)) {
        if (loc.d.directive !== 'location' || !loc.d.block) continue;
        const chain = chainOf(loc);
        if (effective(view, chain, 'add_header_inherit').at(-1)?.d.args[0]?.toLowerCase() === 'merge')
          continue;
        if (hasHsts(view, chain)) continue;
        out.push(
          finding(
            hstsMissing,
            posOf(loc.d),
            `location ${loc.d.args.join(' ')} has its own add_header, so the server's Strict-Transport-Security header is not sent for it.`,
            `Repeat "${HSTS_LINE}" inside this location.`,
            extra,
          ),
        );
      }
    }
    return out;
  },
};
