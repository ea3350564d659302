import { serviceContainerPorts } from '../project/images.js';
import { nginxPathOf } from '../project/scope.js';
import { finding, type Rule } from './rule.js';

export const upstreamPortMismatch: Rule = {
  id: 'upstream-port-mismatch',
  severity: 'error',
  title: 'The upstream port is not a container port of the target service',
  check(view) {
    if (!view.proxy?.active) return [];
    const out = [];
    for (const { ref, service } of view.upstreamTargets) {
      // A port taken from a variable is unknowable here.
      if (ref.port === undefined && ref.written.includes('$')) continue;
      const known = serviceContainerPorts(service);
      if (!known || known.ports.includes(ref.effectivePort)) continue;
      const port = ref.effectivePort;
      const written = ref.port === undefined ? `${ref.written} (port ${port} by default)` : ref.written;
      const where = `${ref.directive.d.directive} in ${nginxPathOf(ref.directive)}:${ref.directive.d.line}`;
      const published = service.ports.find((m) => m.published === port && m.target !== port);
      const listening = known.ports.join(', ');
      const message = published
        ? `port ${port} is the host port "${service.name}" publishes (${published.published}:${published.target}); inside the network use the container port ${published.target} (${where})`
        : `"${service.name}" listens on ${listening}, not ${port} (${known.source}): ${written} gets "connection refused" and nginx answers 502 (${where})`;
      const right = published?.target ?? known.ports[0]!;
      out.push(
        finding(
          upstreamPortMismatch,
          ref.pos,
          message,
          `Use ${ref.host}:${right} in ${ref.directive.d.directive}.`,
          {
            service: view.proxy.name,
            related: [{ pos: published?.pos ?? service.pos, message: `service "${service.name}"` }],
          },
        ),
      );
    }
    return out;
  },
};
