import { argPosOf, childrenNamed, posOf } from '../project/scope.js';
import { captureGroups, captureSources, splitValue } from '../project/variable-taint.js';
import type { PlacedDirective, ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

/** The number of numbered groups in a PCRE pattern. */
function groupCount(pattern: string): number {
  let n = 0;
  for (const key of captureGroups(pattern).keys()) if (/^\d+$/.test(key)) n = Math.max(n, Number(key));
  return n;
}

/** Server blocks with a regex server_name set captures for the whole server; they are not followed here. */
function underRegexServerName(view: ProjectView, p: PlacedDirective): boolean {
  return p.parents.some(
    (b) =>
      b.directive === 'server' &&
      childrenNamed(view, b, 'server_name').some((c) => c.d.args.some((a) => a.startsWith('~'))),
  );
}

export const captureGroupMissing: Rule = {
  id: 'capture-group-missing',
  severity: 'warning',
  title: 'A $N refers to a capture group that the regex in effect does not have',
  check(view) {
    const out = [];
    for (const p of view.directives) {
      const { directive, args } = p.d;
      if (directive === 'if' || p.parents.at(-1)?.directive === 'map' || !args.some((a) => /\$\{?\d/.test(a)))
        continue;
      if (underRegexServerName(view, p)) continue;
      // A rewrite's replacement uses its own pattern; elsewhere the innermost regex location or if.
      const pattern = directive === 'rewrite' ? args[0] : captureSources(p, view, 0)[0]?.pattern;
      if (pattern === undefined) continue;
      const count = groupCount(pattern);
      for (const [i, arg] of args.entries()) {
        if (directive === 'rewrite' && i === 0) continue;
        const missing = splitValue(arg).find(
          (part) => part.kind === 'var' && /^\d$/.test(part.name) && Number(part.name) > count,
        );
        if (missing?.kind !== 'var') continue;
        out.push(
          finding(
            captureGroupMissing,
            argPosOf(p.d, i),
            `${directive} uses $${missing.name}, but "${pattern}" has ${count === 0 ? 'no capture groups' : `only ${count} capture group${count === 1 ? '' : 's'}`}: $${missing.name} is always empty here, so the value is not what it looks like.`,
            count === 0
              ? `Add parentheses around the part to capture in "${pattern}", or drop $${missing.name}.`
              : `Use $1…$${count}, or add the missing group to "${pattern}".`,
            {
              ...proxyService(view),
              ...(directive === 'rewrite'
                ? {}
                : { related: [{ pos: posOf(p.parents.at(-1)!), message: 'the block' }] }),
            },
          ),
        );
        break;
      }
    }
    return out;
  },
};
