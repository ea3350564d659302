import { accessRules } from '../project/access.js';
import { chainOf, directivesNamed, posOf } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

/** A return that serves content or a redirect (an error status is no bypass). */
function servesSomething(args: readonly string[]): boolean {
  const code = args[0] ?? '';
  if (!/^\d+$/.test(code)) return true;
  const n = Number(code);
  return n < 400;
}

export const returnBypassesAllowDeny: Rule = {
  id: 'return-bypasses-allow-deny',
  severity: 'warning',
  title: 'A return runs before allow/deny, so the access rules do not apply to it',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'return')) {
      if (!servesSomething(p.d.args)) continue;
      const chain = chainOf(p).filter((b) => b.directive !== 'if');
      const rules = accessRules(view, chain);
      const deny = rules.find((r) => r.d.directive === 'deny');
      if (!deny) continue;
      out.push(
        finding(
          returnBypassesAllowDeny,
          posOf(p.d),
          `return ${p.d.args.join(' ')} runs in nginx's rewrite phase, before the access phase where "deny ${deny.d.args.join(' ')}" (line ${deny.d.line}) is checked: every client gets this response, denied or not.`,
          'Move the return into a location that is not meant to be protected, or guard it explicitly (e.g. a "geo"/"map" on $remote_addr and "if ($denied) { return 403; }" before it).',
          {
            ...proxyService(view),
            related: [{ pos: posOf(deny.d), message: 'the access rule it bypasses' }],
          },
        ),
      );
    }
    return out;
  },
};
