import { serviceContainerPorts } from '../project/images.js';
import type { ProjectView, UpstreamRef } from '../project/view.js';
import { finding, type Rule } from './rule.js';

/** The service the user probably meant: one that publishes the port (host thinking) or listens on it. */
function meant(view: ProjectView, ref: UpstreamRef): string | undefined {
  for (const s of view.peers) {
    const published = s.ports.find((m) => m.published === ref.effectivePort);
    if (published) return `${s.name}:${published.target}`;
  }
  for (const s of view.peers) {
    if (serviceContainerPorts(s)?.ports.includes(ref.effectivePort)) return `${s.name}:${ref.effectivePort}`;
  }
  return undefined;
}

export const upstreamLocalhost: Rule = {
  id: 'upstream-localhost',
  severity: 'warning',
  title: 'A localhost upstream in a proxy with its own network namespace',
  check(view) {
    const proxy = view.proxy;
    if (!proxy?.active) return [];
    const mode = proxy.networkMode.kind;
    // With host networking or another container's namespace, localhost is somebody else.
    if (mode === 'host' || mode === 'service' || mode === 'container') return [];
    const out = [];
    for (const ref of view.upstreamRefs) {
      if (!view.isLoopback(ref.host)) continue;
      const selfLoop = view.listens.some((l) => l.port === ref.effectivePort);
      const target = meant(view, ref);
      out.push(
        finding(
          upstreamLocalhost,
          ref.pos,
          `"${ref.written}" is the "${proxy.name}" container itself, not the Docker host or another service${selfLoop ? `: nginx listens on ${ref.effectivePort} there, so requests loop back into nginx` : `: nothing listens on ${ref.effectivePort} there, so requests get 502`}`,
          target
            ? `Use the service name and its container port: ${target}.`
            : 'Use the backend service name and its container port; for a process on the Docker host use host.docker.internal with `extra_hosts: ["host.docker.internal:host-gateway"]`.',
          { service: proxy.name },
        ),
      );
    }
    return out;
  },
};
