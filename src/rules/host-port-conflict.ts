import type { ComposeService, PortMapping } from '../compose/model.js';
import type { Finding } from '../core/finding.js';
import { ipFamily } from '../dns/ip.js';
import { finding, type Rule } from './rule.js';

/** Whether two host IPs can collide: no IP binds every address; 0.0.0.0 covers IPv4, :: covers IPv6. */
function overlaps(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const norm = (ip: string) => ip.replace(/^\[|\]$/g, '');
  const [x, y] = [norm(a), norm(b)];
  if (x === y) return true;
  const family = (ip: string) => ipFamily(ip);
  if (x === '0.0.0.0') return family(y) === 4;
  if (y === '0.0.0.0') return family(x) === 4;
  if (x === '::') return family(y) === 6;
  if (y === '::') return family(x) === 6;
  return false;
}

function hostLabel(m: PortMapping): string {
  return `${m.hostIp ?? '0.0.0.0'}:${m.published}`;
}

export const hostPortConflict: Rule = {
  id: 'host-port-conflict',
  severity: 'error',
  title: 'Two services (or one twice) publish the same host port and protocol',
  check(view) {
    const out: Finding[] = [];
    const seen: { service: ComposeService; m: PortMapping }[] = [];
    for (const service of view.compose.services) {
      // Host networking discards `ports`; inactive services never start.
      if (!service.active || service.networkMode.kind === 'host') continue;
      for (const m of service.ports) {
        if (m.published === undefined) continue;
        const clash = seen.find(
          (s) =>
            s.m.published === m.published && s.m.protocol === m.protocol && overlaps(s.m.hostIp, m.hostIp),
        );
        seen.push({ service, m });
        if (!clash) continue;
        const same = clash.service === service;
        const who = same
          ? `"${service.name}" publishes it twice`
          : `"${clash.service.name}" publishes it too`;
        out.push(
          finding(
            hostPortConflict,
            m.pos,
            `host port ${m.published}/${m.protocol} is already taken: ${who}; docker compose up fails with "Bind for ${hostLabel(m)} failed: port is already allocated"`,
            same
              ? `Remove the duplicate ports entry of "${service.name}", or publish a different host port.`
              : `Publish a different host port for "${service.name}" (e.g. "${m.published + 1}:${m.target}"), or drop the mapping if only the proxy needs to reach it.`,
            {
              service: service.name,
              related: [
                {
                  pos: clash.m.pos,
                  message: `"${clash.service.name}" publishes ${m.published}/${m.protocol} here`,
                },
              ],
            },
          ),
        );
      }
    }
    return out;
  },
};
