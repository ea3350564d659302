import { deniesAll } from '../project/access.js';
import { argPosOf, blockLabel, childrenOf, posOf } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const allowWithoutDeny: Rule = {
  id: 'allow-without-deny',
  severity: 'warning',
  title: 'allow without a final "deny all" restricts nothing',
  check(view) {
    const out = [];
    const levels = [undefined, ...view.directives.filter((p) => p.d.block).map((p) => p.d)];
    for (const level of levels) {
      const rules = childrenOf(view, level).filter(
        (p) => p.d.directive === 'allow' || p.d.directive === 'deny',
      );
      const firstAllow = rules.find((p) => p.d.directive === 'allow');
      if (!firstAllow) continue;
      if (deniesAll(rules)) continue;
      // `allow all` on its own says what it means.
      if (rules.every((p) => p.d.directive === 'allow' && p.d.args[0]?.toLowerCase() === 'all')) continue;
      const where = blockLabel(level);
      out.push(
        finding(
          allowWithoutDeny,
          argPosOf(firstAllow.d, 0),
          `${where} has "allow ${firstAllow.d.args.join(' ')}" but no "deny all" after it: nginx allows every address that no rule matches, so the allow list keeps nobody out.`,
          `Add "deny all;" after the last allow in ${where}.`,
          {
            ...proxyService(view),
            ...(level ? { related: [{ pos: posOf(level), message: 'the block' }] } : {}),
          },
        ),
      );
    }
    return out;
  },
};
