import { anyHostServers } from '../project/proxied-locations.js';
import { argPosOf, childrenNamed, directivesNamed, enclosing } from '../project/scope.js';
import { definitionsOf, splitValue, variableTaint } from '../project/variable-taint.js';
import type { PlacedDirective, ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

const PASSES = ['proxy_pass', 'grpc_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass'];
/** These take a URL; the others take host:port (or unix:…) with an optional scheme only for uwsgi. */
const URL_PASSES = new Set(['proxy_pass', 'grpc_pass']);

/** `internal` locations and named locations (`@x`) cannot be requested directly. */
function internalOnly(view: ProjectView, p: PlacedDirective): boolean {
  return p.parents.some(
    (b) =>
      b.directive === 'location' &&
      (b.args[0]?.startsWith('@') || childrenNamed(view, b, 'internal').length > 0),
  );
}

/**
 * The target with each variable that one `set` defines replaced by that value, so that
 * `set $u "http://host$request_uri"; proxy_pass $u;` is judged as the URL it builds.
 */
function expandSets(view: ProjectView, value: string, depth = 0): string {
  if (depth > 4) return value;
  return splitValue(value)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      const defs = /^\d$/.test(part.name) ? [] : definitionsOf(view, part.name);
      const only = defs.length === 1 && defs[0]!.d.directive === 'set' ? defs[0]!.d.args[1] : undefined;
      return only === undefined ? `\${${part.name}}` : expandSets(view, only, depth + 1);
    })
    .join('');
}

/**
 * The variables in the scheme or host:port part of a pass target that the client controls. The authority
 * ends at the first literal "/" after "scheme://", or at a variable that always starts with "/"
 * (`http://backend$request_uri` is safe; `http://backend$1` with `location ~ ^/api(.*)` is not).
 */
function userControlledTargetVars(view: ProjectView, p: PlacedDirective, anyHost: Set<unknown>): string[] {
  const value = expandSets(view, p.d.args[0] ?? '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0];
  let state: 'scheme' | 'authority' = scheme || !URL_PASSES.has(p.d.directive) ? 'authority' : 'scheme';
  const hits: string[] = [];
  const parts = splitValue(value.slice(scheme?.length ?? 0));
  for (const part of parts) {
    if (part.kind === 'text') {
      if (state === 'scheme') {
        const at = part.text.indexOf('://');
        if (at < 0) continue;
        state = 'authority';
        if (part.text.slice(at + 3).includes('/')) return hits;
        continue;
      }
      if (part.text.includes('/')) return hits;
      continue;
    }
    const name = part.name.toLowerCase();
    if (name === 'host') {
      const server = enclosing(p, 'server');
      if (server && anyHost.has(server)) hits.push(`$${part.name}`);
      continue;
    }
    const t = variableTaint(view, p, part.name);
    if (state === 'authority' && t.slashFirst) return hits;
    if (t.user) hits.push(`$${part.name}`);
  }
  return hits;
}

export const ssrf: Rule = {
  id: 'ssrf',
  severity: 'warning',
  title:
    'The client controls the host a proxy_pass (or fastcgi/uwsgi/scgi/grpc_pass) connects to (server-side request forgery)',
  check(view) {
    const out = [];
    const anyHost = anyHostServers(view);
    for (const p of directivesNamed(view, ...PASSES)) {
      if (!p.d.args[0]?.includes('$') || internalOnly(view, p)) continue;
      const vars = userControlledTargetVars(view, p, anyHost);
      if (vars.length === 0) continue;
      out.push(
        finding(
          ssrf,
          argPosOf(p.d, 0),
          `${p.d.directive} ${p.d.args[0]} takes its scheme or host from ${vars.join(', ')}, which the client controls: anyone can make nginx request internal services or other hosts.`,
          'Proxy to a fixed host or upstream block, keep only the path variable (e.g. "proxy_pass http://backend$request_uri"), or map the client value to an allow-list with "map" and reject the rest.',
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
