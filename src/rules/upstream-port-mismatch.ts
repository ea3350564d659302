import type { Severity } from '../core/finding.js';
import { imageContainerPorts } from '../project/images.js';
import { nginxPathOf } from '../project/scope.js';
import { finding, type Rule } from './rule.js';

/**
 * Evidence ranked by how sure it is: what the image (or its Dockerfile) listens on, then `ports`
 * targets, then `expose` alone. A port any of them names is accepted; `expose` alone only warns, since
 * it documents a port but does not make the container listen on it.
 */
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
      const port = ref.effectivePort;
      const build = view.builds.get(service.name);
      const image = imageContainerPorts(service, build);
      const targets = service.ports.map((p) => p.target);
      const exposed = service.expose.map((e) => e.port);
      if (image?.ports.includes(port) || targets.includes(port) || exposed.includes(port)) continue;
      const evidence = [
        ...(image ? [image.source] : []),
        ...(targets.length ? [`ports targets ${targets.join(', ')}`] : []),
        ...(exposed.length ? [`expose ${exposed.join(', ')}`] : []),
      ];
      if (!evidence.length) continue;
      const listening = [...new Set([...(image?.ports ?? []), ...targets, ...exposed])];
      const written = ref.port === undefined ? `${ref.written} (port ${port} by default)` : ref.written;
      const where = `${ref.directive.d.directive} in ${nginxPathOf(ref.directive)}:${ref.directive.d.line}`;
      const published = service.ports.find((m) => m.published === port && m.target !== port);
      const onlyExpose = !published && !image && !targets.length;
      const severity: Severity = onlyExpose ? 'warning' : 'error';
      const message = published
        ? `port ${port} is the host port "${service.name}" publishes (${published.published}:${published.target}); inside the network use the container port ${published.target} (${where})`
        : onlyExpose
          ? `"${service.name}" declares only \`expose: ${exposed.join(', ')}\`, not ${port}: if it really listens there, ${written} gets "connection refused" and nginx answers 502; expose documents a port but does not prove it (${where})`
          : `"${service.name}" listens on ${listening.join(', ')}, not ${port} (${evidence.join('; ')}): ${written} gets "connection refused" and nginx answers 502 (${where})`;
      const right = published?.target ?? listening[0]!;
      const exposeAt = build?.final.expose[0]?.pos;
      out.push(
        finding(
          upstreamPortMismatch,
          ref.pos,
          message,
          `Use ${ref.host}:${right} in ${ref.directive.d.directive}.`,
          {
            service: view.proxy.name,
            severity,
            related: [
              { pos: published?.pos ?? service.pos, message: `service "${service.name}"` },
              ...(exposeAt && !published ? [{ pos: exposeAt, message: 'EXPOSE in its Dockerfile' }] : []),
            ],
          },
        ),
      );
    }
    return out;
  },
};
