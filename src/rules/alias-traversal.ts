import { argPosOf, directivesNamed, posOf } from '../project/scope.js';
import { finding, type Rule } from './rule.js';

export const aliasTraversal: Rule = {
  id: 'alias-traversal',
  severity: 'warning',
  title: 'A prefix location without a trailing slash uses an alias with one (path traversal)',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'alias')) {
      const location = p.parents.at(-1);
      const target = p.d.args[0];
      if (location?.directive !== 'location' || target === undefined) continue;
      // Only plain and ^~ prefix locations: "=", regex and named locations do not append the rest of the URI.
      const [first, second] = location.args;
      const prefix = first === '^~' ? second : first;
      if (prefix === undefined || prefix.startsWith('@') || ['=', '~', '~*'].includes(first ?? '')) continue;
      if (prefix.endsWith('/') || !target.endsWith('/')) continue;
      out.push(
        finding(
          aliasTraversal,
          argPosOf(p.d, 0),
          `location ${prefix} has no trailing slash but alias ${target} has one: a request for ${prefix}../ is mapped to ${target}../ and reads files outside ${target} (path traversal, e.g. the parent directory of ${target}).`,
          `Make both end in a slash: "location ${prefix}/ { alias ${target}; }" (or drop the slash from both).`,
          {
            ...(view.proxy ? { service: view.proxy.name } : {}),
            related: [{ pos: posOf(location), message: 'the location' }],
          },
        ),
      );
    }
    return out;
  },
};
