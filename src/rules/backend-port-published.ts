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
      for (const m of service.ports) {
        if (m.hostIp !== undefined && isLoopbackAddress(m.hostIp)) continue;
        const host = m.published === undefined ? 'a random host port' : `host port ${m.published}`;
        out.push(
          finding(
            backendPortPublished,
            m.pos,
            `"${service.name}" sits behind "${proxy.name}" (nginx reaches it as ${via}) but also publishes container port ${m.target} on ${host}: clients can bypass nginx and its TLS, headers and limits, and Docker's published ports skip host firewalls such as UFW`,
            `Remove this ports entry (nginx reaches "${service.name}" over the compose network), or bind it to loopback for debugging: "127.0.0.1:${m.published ?? m.target}:${m.target}".`,
            { service: service.name },
          ),
        );
      }
    }
    return out;
  },
};
