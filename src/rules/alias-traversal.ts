import type { NginxDirective } from '../nginx/ast.js';
import { argPosOf, directivesNamed, posOf } from '../project/scope.js';
import { captureGroups, splitValue, startsWithSlash } from '../project/variable-taint.js';
import type { PlacedDirective, ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

/** Strings a capture would need to match to step out of the aliased directory with "..". */
const DOT_STARTS = ['.', '..', '../', '../x', '.x', './x'];

/** Whether a capture pattern can match a value that begins with a dot (PCRE read as JS; unknown → yes). */
function canStartWithDot(source: string, icase: boolean): boolean {
  try {
    const re = new RegExp(`^(?:${source.replace(/\(\?P</g, '(?<')})$`, icase ? 'i' : '');
    return DOT_STARTS.some((s) => re.test(s));
  } catch {
    return true;
  }
}

/**
 * The capture of a regex location that can carry "../" (or a sibling name) into the alias path, as
 * gixy-ng judges it: the capture is not behind a "/" of the location, or the alias glues it to a
 * name without its own "/".
 */
function unsafeCapture(location: NginxDirective, alias: string): string | undefined {
  const pattern = location.args[1] ?? '';
  const icase = location.args[0] === '~*';
  const groups = captureGroups(pattern);
  const parts = splitValue(alias);
  for (const [i, part] of parts.entries()) {
    if (part.kind !== 'var') continue;
    const group = groups.get(part.name);
    if (!group) continue;
    const prev = parts[i - 1];
    if (!prev) return `$${part.name}`;
    const slashFirst = startsWithSlash(group.source);
    const slashBefore = pattern[group.open - 1] === '/' || slashFirst;
    const aliasSlashBefore = prev.kind === 'text' && prev.text.endsWith('/');
    if (!slashBefore) {
      if (!aliasSlashBefore || canStartWithDot(group.source, icase)) return `$${part.name}`;
    } else if (!aliasSlashBefore && !slashFirst) return `$${part.name}`;
  }
  return undefined;
}

function report(
  view: ProjectView,
  p: PlacedDirective,
  location: NginxDirective,
  message: string,
  fix: string,
  severity?: 'note',
) {
  return finding(aliasTraversal, argPosOf(p.d, 0), message, fix, {
    ...proxyService(view),
    ...(severity ? { severity } : {}),
    related: [{ pos: posOf(location), message: 'the location' }],
  });
}

export const aliasTraversal: Rule = {
  id: 'alias-traversal',
  severity: 'warning',
  title: 'An alias can be reached with paths outside its directory (path traversal)',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'alias')) {
      const location = p.parents.at(-1);
      const target = p.d.args[0];
      if (location?.directive !== 'location' || target === undefined) continue;
      const [first, second] = location.args;
      if (first === '~' || first === '~*') {
        const capture = second === undefined ? undefined : unsafeCapture(location, target);
        if (capture)
          out.push(
            report(
              view,
              p,
              location,
              `alias ${target} takes ${capture} from location ${first} ${second}, and that capture can begin with ".." or glue onto a name: a request such as /…../secret reads files outside the aliased directory (path traversal).`,
              'Put a "/" in the location right before the capture and in the alias right before the variable (e.g. "location ~ ^/images/(.*)$ { alias /app/static/$1; }"), or exclude dots from the capture.',
            ),
          );
        continue;
      }
      // Only plain and ^~ prefix locations: "=" and named locations do not append the rest of the URI.
      const prefix = first === '^~' ? second : first;
      if (prefix === undefined || prefix.startsWith('@') || first === '=' || prefix.endsWith('/')) continue;
      if (target.endsWith('/')) {
        out.push(
          report(
            view,
            p,
            location,
            `location ${prefix} has no trailing slash but alias ${target} has one: a request for ${prefix}../ is mapped to ${target}../ and reads files outside ${target} (path traversal, e.g. the parent directory of ${target}).`,
            `Make both end in a slash: "location ${prefix}/ { alias ${target}; }" (or drop the slash from both).`,
          ),
        );
        continue;
      }
      // Same file name in both (location /favicon.ico { alias …/favicon.ico; }): only longer names leak.
      const sameFile = /\.[a-z0-9]+$/i.test(target) && target.split('/').at(-1) === prefix.split('/').at(-1);
      out.push(
        report(
          view,
          p,
          location,
          `location ${prefix} has no trailing slash: a request for ${prefix}<anything> is served from ${target}<anything>, so sibling ${sameFile ? 'files' : 'folders'} such as ${target}-backup or ${target}.old are readable too.`,
          sameFile
            ? `Use an exact match: "location = ${prefix} { alias ${target}; }".`
            : `End both in a slash: "location ${prefix}/ { alias ${target}/; }".`,
          sameFile ? 'note' : undefined,
        ),
      );
    }
    return out;
  },
};
