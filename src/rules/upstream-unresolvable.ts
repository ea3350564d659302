import type { ComposeService } from '../compose/model.js';
import type { Fix } from '../core/finding.js';
import { addToServiceKey, fixWith } from '../fix/yaml-edit.js';
import { effectiveNetworks } from '../project/resolve.js';
import { nginxPathOf, posOf, unreadIncludesIn } from '../project/scope.js';
import type { ProjectView, UpstreamRef } from '../project/view.js';
import { finding, type Rule } from './rule.js';

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The closest active service or container name, for "did you mean". */
function closestName(view: ProjectView, host: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const s of view.services.values()) {
    if (!s.active || s === view.proxy) continue;
    for (const name of [s.name, s.containerName]) {
      const d = editDistance(host.toLowerCase(), name.toLowerCase());
      if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
    }
  }
  return best?.name;
}

function fixFor(view: ProjectView, ref: UpstreamRef, candidate: ComposeService | undefined): Fix {
  const proxy = view.proxy!;
  if (candidate?.active && proxy.networkMode.kind === 'default') {
    const targetNets = effectiveNetworks(candidate, view.services);
    const net = targetNets[0];
    if (net !== undefined) {
      const edit =
        net === 'default' && proxy.networks.length === 0
          ? undefined
          : addToServiceKey(proxy.pos.file, proxy.name, 'networks', { item: net, mapKey: net });
      return fixWith(
        `Put "${proxy.name}" on a network that "${candidate.name}" is on: add "${net}" to services.${proxy.name}.networks.`,
        edit,
      );
    }
  }
  if (
    proxy.networkMode.kind === 'host' ||
    proxy.networkMode.kind === 'bridge' ||
    proxy.networkMode.kind === 'none'
  ) {
    return {
      description: `Remove "network_mode: ${proxy.networkMode.kind}" from "${proxy.name}" so it joins the project's network${candidate ? ` with "${candidate.name}"` : ''}${candidate?.networkMode.kind === 'bridge' ? ` (and from "${candidate.name}")` : ''}.`,
    };
  }
  if (candidate && !candidate.active) {
    return {
      description: `Enable "${candidate.name}" (${candidate.inactiveReason ?? 'inactive'}), or make the upstream resolve at request time (a variable with "resolver 127.0.0.11").`,
    };
  }
  const near = closestName(view, ref.host);
  return {
    description: near
      ? `Did you mean "${near}"? Use a service name, container name or network alias on a network shared with "${proxy.name}".`
      : `Use a service name, container name or network alias on a network shared with "${proxy.name}", or add an extra_hosts entry for "${ref.host}".`,
  };
}

export const upstreamUnresolvable: Rule = {
  id: 'upstream-unresolvable',
  severity: 'error',
  title: 'nginx resolves an upstream host at load time that no shared network provides',
  fixable: true,
  check(view) {
    if (!view.proxy?.active) return [];
    const out = [];
    for (const ref of view.upstreamRefs) {
      if (ref.resolveAt !== 'load') continue;
      const res = view.resolve(ref.host);
      if (res.ok) continue;
      const where = `${nginxPathOf(ref.directive)}:${ref.directive.d.line}`;
      // nginx stops at an include it cannot read first, and that file may define an upstream block of
      // this name: the finding follows from that error, one level lower, saying so.
      const unread = ref.kind === 'pass' ? unreadIncludesIn(view, ref.directive.parents)[0] : undefined;
      const followOn = unread
        ? ` (this follows from the include at ${nginxPathOf(unread)}:${unread.d.line}, which nginx cannot read and stops at first; it may define upstream "${ref.host}")`
        : '';
      const related = [
        ...(res.candidate ? [{ pos: res.candidate.pos, message: `service "${res.candidate.name}"` }] : []),
        ...(unread ? [{ pos: posOf(unread.d), message: 'the include that cannot be read' }] : []),
      ];
      out.push(
        finding(
          upstreamUnresolvable,
          ref.pos,
          `nginx will exit at start: [emerg] host not found in upstream "${ref.quoted}" in ${where}: ${res.why}${followOn}`,
          fixFor(view, ref, res.candidate),
          {
            service: view.proxy.name,
            ...(res.externalOnly || unread ? { severity: 'warning' as const } : {}),
            ...(related.length ? { related } : {}),
          },
        ),
      );
    }
    return out;
  },
};
