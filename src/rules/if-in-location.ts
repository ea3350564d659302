import { childrenOf, posOf } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

/**
 * What nginx documents as safe inside "if" in a location besides return (an if holding a return is skipped
 * before this is asked): rewrite … last/redirect/permanent.
 */
function safeInIf(directive: string, args: readonly string[]): boolean {
  return directive === 'rewrite' && ['last', 'redirect', 'permanent'].includes(args.at(-1) ?? '');
}

export const ifInLocation: Rule = {
  id: 'if-in-location',
  severity: 'warning',
  title: '"if" in a location with directives other than return/rewrite (if is evil)',
  check(view) {
    const out = [];
    for (const p of view.directives) {
      if (p.d.directive !== 'if' || !p.d.block || p.parents.at(-1)?.directive !== 'location') continue;
      // An if that ends in return answers the request itself, so its own settings apply as written.
      // What the if holds as nginx reads it: an include stands for the directives it brings in.
      const body = childrenOf(view, p.d)
        .map((c) => c.d)
        .filter((c) => c.directive !== 'include');
      if (body.some((c) => c.directive === 'return')) continue;
      const unsafe = body.filter((c) => !safeInIf(c.directive, c.args));
      if (unsafe.length === 0) continue;
      const first = unsafe[0]!;
      out.push(
        finding(
          ifInLocation,
          posOf(first),
          `"${first.directive}" inside "if (${p.d.args.join(' ')})" in a location: when the condition is true nginx serves the request with the if's own configuration, in which ${first.directive} and the location's other settings combine in surprising ways (directives dropped, proxy_pass or try_files ignored; the nginx wiki's "If is evil").`,
          'Keep only "return" or "rewrite … last" inside the if, and move the rest into a separate location (or choose the value with "map" and use it outside the if).',
          {
            ...proxyService(view),
            related: [{ pos: posOf(p.d), message: 'the if' }],
          },
        ),
      );
    }
    return out;
  },
};
