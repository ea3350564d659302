import { blockLabel, effective, posOf, redefinedList } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

const SECURITY_HEADERS = new Set([
  'strict-transport-security',
  'content-security-policy',
  'content-security-policy-report-only',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
  'x-xss-protection',
  'x-permitted-cross-domain-policies',
]);

const FIELD_DIRECTIVES = ['add_header', 'add_trailer'];

export const addHeaderRedefinition: Rule = {
  id: 'add-header-redefinition',
  severity: 'warning',
  title: 'A nested add_header silently drops every add_header of the outer level',
  check(view) {
    const out = [];
    for (const block of view.directives) {
      if (!block.d.block || !['server', 'location', 'if'].includes(block.d.directive)) continue;
      for (const name of FIELD_DIRECTIVES) {
        // nginx ≥ 1.29.3: "add_header_inherit merge" keeps the outer ones.
        const mode = effective(view, [...block.parents, block.d], `${name}_inherit`).at(-1)?.d.args[0];
        if (mode?.toLowerCase() === 'merge') continue;
        const lost = redefinedList(view, block, name);
        if (!lost) continue;
        const { own, inherited, dropped } = lost;
        const levelName = blockLabel(inherited[0]!.parents.at(-1));
        const where = blockLabel(block.d);
        const security = dropped.filter((c) => SECURITY_HEADERS.has(c.d.args[0]!.toLowerCase()));
        const names = dropped.map((c) => `"${c.d.args[0]}"`).join(', ');
        out.push(
          finding(
            addHeaderRedefinition,
            posOf(own[0]!.d),
            `${where} has its own ${name}, so nginx drops ${names} set in ${levelName} (line ${inherited[0]!.d.line}) for these responses${security.length ? `, including the security header(s) ${security.map((c) => `"${c.d.args[0]}"`).join(', ')}` : ''}.`,
            `Repeat the outer ${name} lines in ${where} (or move them into an include used at both levels), or on nginx 1.29.3+ add "${name}_inherit merge;".`,
            {
              ...proxyService(view),
              related: dropped.map((c) => ({ pos: posOf(c.d), message: `dropped: ${c.d.args[0]}` })),
            },
          ),
        );
      }
    }
    return out;
  },
};
