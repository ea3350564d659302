import type { Finding } from '../core/finding.js';
import { argPosOf, nginxPathOf, posOf } from '../project/scope.js';
import type { ListenSpec } from '../project/view.js';
import { finding, generatedAtStart, type Rule } from './rule.js';

export const listenNotPublished: Rule = {
  id: 'listen-not-published',
  severity: 'warning',
  title:
    'nginx listens on a port compose does not publish, or compose publishes one nginx does not listen on',
  check(view) {
    const proxy = view.proxy;
    if (!proxy?.active || !view.nginx || !view.listens.length) return [];
    // Under service:X the proxy shares X's namespace, and X's ports publish it.
    const owner =
      proxy.networkMode.kind === 'service' ? (view.services.get(proxy.networkMode.service) ?? proxy) : proxy;
    const published = owner.ports.filter((m) => m.protocol === 'tcp');
    const listened = new Set(view.listens.map((l) => l.port));
    const out: Finding[] = [];
    const atStart = generatedAtStart(view);
    const extra = atStart
      ? { service: owner.name, severity: atStart.severity, related: atStart.related }
      : { service: owner.name };

    if (owner.networkMode.kind !== 'host') {
      const firstPerPort = new Map<number, ListenSpec>();
      for (const l of view.listens)
        if (!(l.address !== undefined && view.isLoopback(l.address)) && !firstPerPort.has(l.port))
          firstPerPort.set(l.port, l);
      for (const [port, l] of firstPerPort) {
        if (published.some((m) => m.target === port) || owner.expose.some((e) => e.port === port)) continue;
        const d = l.directive.d;
        const what = l.implicit
          ? `a server without "listen" (nginx's default *:80)`
          : `listen ${d.args.join(' ')}`;
        out.push(
          finding(
            listenNotPublished,
            l.implicit ? posOf(d) : argPosOf(d, 0),
            `nginx listens on ${port} (${what} in ${nginxPathOf(l.directive)}:${d.line}), but "${owner.name}" does not publish container port ${port}: nothing outside the compose network can reach it${atStart?.message ?? ''}`,
            `Add \`- "${port}:${port}"\` to services.${owner.name}.ports (or \`expose: ["${port}"]\` if only other containers use it), or remove the server.`,
            extra,
          ),
        );
      }
    }
    for (const m of published) {
      if (listened.has(m.target)) continue;
      const ports = [...listened].sort((a, b) => a - b).join(', ');
      out.push(
        finding(
          listenNotPublished,
          m.pos,
          `"${owner.name}" publishes container port ${m.target}${m.published !== undefined ? ` on host port ${m.published}` : ''}, but nginx listens only on ${ports}: connections to it are refused${atStart?.message ?? ''}`,
          `Publish the port nginx listens on (e.g. "${m.published ?? m.target}:${[...listened][0]}"), or add \`listen ${m.target};\` to the server that should answer.`,
          extra,
        ),
      );
    }
    return out;
  },
};
