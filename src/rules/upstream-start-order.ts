import type { ComposeService } from '../compose/model.js';
import { addToServiceKey, fixWith } from '../fix/yaml-edit.js';
import { nginxPathOf } from '../project/scope.js';
import type { UpstreamTarget } from '../project/view.js';
import { finding, type Rule } from './rule.js';

/** Whether `proxy` waits for `target`: depends_on (links count, the loader lists them as implicit) or service:X. */
function waitsFor(proxy: ComposeService, target: ComposeService): boolean {
  if (proxy.dependsOn.some((d) => d.service === target.name)) return true;
  if (proxy.links.some((l) => l.service === target.name)) return true;
  return proxy.networkMode.kind === 'service' && proxy.networkMode.service === target.name;
}

export const upstreamStartOrder: Rule = {
  id: 'upstream-start-order',
  severity: 'warning',
  title: 'nginx resolves a service at start that it does not depend on',
  fixable: true,
  check(view) {
    const proxy = view.proxy;
    if (!proxy?.active) return [];
    const byTarget = new Map<ComposeService, UpstreamTarget[]>();
    for (const t of view.upstreamTargets) {
      if (t.ref.resolveAt !== 'load' || !t.service.active || waitsFor(proxy, t.service)) continue;
      const refs = byTarget.get(t.service);
      if (refs) refs.push(t);
      else byTarget.set(t.service, [t]);
    }
    if (!byTarget.size) return [];
    const edit = addToServiceKey(
      proxy.pos.file,
      proxy.name,
      'depends_on',
      [...byTarget.keys()].map((t) => ({
        item: t.name,
        mapKey: t.name,
        mapValue: { condition: t.healthcheck ? 'service_healthy' : 'service_started' },
      })),
    );
    return [...byTarget].map(([service, refs]) => {
      const first = refs[0]!.ref;
      const condition = service.healthcheck ? 'service_healthy' : 'service_started';
      return finding(
        upstreamStartOrder,
        first.pos,
        `nginx in "${proxy.name}" resolves "${service.name}" when it starts (${first.directive.d.directive} in ${nginxPathOf(first.directive)}:${first.directive.d.line}), but "${proxy.name}" has no depends_on "${service.name}": \`docker compose up ${proxy.name}\`, or a restart of nginx while "${service.name}" is down, makes nginx exit with [emerg] host not found in upstream "${first.quoted}"`,
        fixWith(
          `Add "${service.name}" to services.${proxy.name}.depends_on (condition: ${condition}).`,
          edit,
        ),
        { service: proxy.name, related: [{ pos: proxy.pos, message: `service "${proxy.name}"` }] },
      );
    });
  },
};
