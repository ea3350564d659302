import { argPosOf, directivesNamed } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

/** An extension match such as \.php or \.(jpg|png) that is not tied to the end of the path. */
function unanchoredExtension(pattern: string): boolean {
  if (/\$\)?$/.test(pattern)) return false;
  return /\\\.(?:[a-z0-9]+|\((?:[a-z0-9]+\|?)+\)|\[[^\]]+\][+*])\)?$/i.test(pattern);
}

/** The extension as a request would spell it: \.php → .php, \.(jpg|png) → .jpg. */
function example(pattern: string): string {
  const m = /\\\.\(?\[?([a-z0-9]+)/i.exec(pattern);
  return `.${m?.[1] ?? 'php'}`;
}

export const unanchoredRegex: Rule = {
  id: 'unanchored-regex',
  severity: 'note',
  title: 'A regex location matches a file extension anywhere in the path',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'location')) {
      const [modifier, pattern] = p.d.args;
      if ((modifier !== '~' && modifier !== '~*') || pattern === undefined || !unanchoredExtension(pattern))
        continue;
      out.push(
        finding(
          unanchoredRegex,
          argPosOf(p.d, 1),
          `location ${modifier} ${pattern} is not anchored with "$": it also matches paths that only contain the extension, such as /uploads/avatar${example(pattern)}/x.jpg or /x${example(pattern)}.bak, which then reach the handler meant for those files (e.g. PHP or a cache rule).`,
          `Anchor it at the end: "location ${modifier} ${pattern}$".`,
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
