import type { ComposeService } from '../compose/model.js';
import type { Finding } from '../core/finding.js';
import { isLoopbackAddress } from '../project/loopback.js';
import { finding, type Rule } from './rule.js';

export const backendPortPublished: Rule = {
  id: 'backend-port-published',
  severity: 'warning',
  title: 'A service behind the proxy publishes host ports, bypassing nginx',
  check(view) {
    const proxy = view.proxy;
    if (!proxy?.active) return [];
    const out: Finding[] = [];
    const backends = new Map<ComposeService, string>();
    for (const t of view.upstreamTargets)
      if (!backends.has(t.service)) backends.set(t.service, `${t.ref.host}:${t.ref.effectivePort}`);
    for (const [service, via] of backends) {
      if (!service.active || service.networkMode.kind === 'host') continue;
      const open = service.ports.filter((m) => !(m.hostIp !== undefined && isLoopbackAddress(m.hostIp)));
      const [first, ...more] = open;
      if (!first) continue;
      // One finding per service: the ports are one decision (the service should not publish at all).
      const shown = open.map((m) =>
        m.published === undefined
          ? `${m.target} (on a random host port)`
          : `${m.target} on host port ${m.published}`,
      );
      const loopback = open.map((m) => `"127.0.0.1:${m.published ?? m.target}:${m.target}"`);
      out.push(
        finding(
          backendPortPublished,
          first.pos,
          `"${service.name}" sits behind "${proxy.name}" (nginx reaches it as ${via}) but also publishes container port${open.length > 1 ? 's' : ''} ${shown.join(', ')}: clients can bypass nginx and its TLS, headers and limits, and Docker's published ports skip host firewalls such as UFW`,
          `Remove ${open.length > 1 ? 'these ports entries' : 'this ports entry'} (nginx reaches "${service.name}" over the compose network), or bind ${open.length > 1 ? 'them' : 'it'} to loopback for debugging: ${loopback.join(', ')}.`,
          {
            service: service.name,
            ...(more.length
              ? { related: more.map((m) => ({ pos: m.pos, message: `also published: ${m.target}` })) }
              : {}),
          },
        ),
      );
    }
    return out;
  },
};
