import { argPosOf, posOf } from '../project/scope.js';
import type { PlacedDirective } from '../project/view.js';
import { finding, type Rule } from './rule.js';
import { ifRegex } from './variables.js';

/** The regexes a directive matches against request data, with the index of the pattern argument. */
function regexOf(p: PlacedDirective): { pattern: string; index: number } | undefined {
  const { directive, args } = p.d;
  if (directive === 'location' && (args[0] === '~' || args[0] === '~*') && args[1] !== undefined)
    return { pattern: args[1], index: 1 };
  if (directive === 'if') {
    const cond = ifRegex(p.d);
    return cond ? { pattern: cond.pattern, index: 2 } : undefined;
  }
  if (directive === 'rewrite' && args[0] !== undefined) return { pattern: args[0], index: 0 };
  return undefined;
}

const UNBOUNDED = /^(?:[*+]|\{\d+,\})/;

interface Token {
  atom: string;
  quantifier: string;
}

/** The top-level atoms of a group's body with their quantifiers; undefined for alternations and nested groups. */
function tokens(body: string): Token[] | undefined {
  const out: Token[] = [];
  let i = /^\?(?::|P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|>)/.exec(body)?.[0].length ?? 0;
  for (; i < body.length; i++) {
    let atom = body[i]!;
    if (atom === '|' || atom === '(' || atom === ')') return undefined;
    if (atom === '\\') atom = body.slice(i, ++i + 1);
    else if (atom === '[') {
      let j = i + 1;
      if (body[j] === '^') j++;
      if (body[j] === ']') j++;
      while (j < body.length && body[j] !== ']') j += body[j] === '\\' ? 2 : 1;
      atom = body.slice(i, j + 1);
      i = j;
    }
    const quantifier = /^(?:[*+?]|\{\d*,?\d*\})[?+]?/.exec(body.slice(i + 1))?.[0] ?? '';
    i += quantifier.length;
    out.push({ atom, quantifier });
  }
  return out;
}

/** Whether an atom (a class, an escape, ".", a literal) can match the character. */
function atomMatches(atom: string, ch: string): boolean {
  try {
    return new RegExp(`^${atom === '.' ? '[^\\n]' : atom}$`).test(ch);
  } catch {
    return true;
  }
}

/**
 * Whether one string can be split between the group's repetitions in many ways: every part that must
 * appear is something the unbounded part can match too ((a+)+, (\w+\s?)+, (.+/)+), unlike ([a-z]+/)*.
 */
function ambiguous(body: string): boolean {
  const parts = tokens(body);
  if (!parts) return false;
  const unbounded = parts.filter((t) => UNBOUNDED.test(t.quantifier));
  if (unbounded.length === 0) return false;
  const required = parts.filter((t) => !UNBOUNDED.test(t.quantifier) && !/^(?:\?|\*|\{0)/.test(t.quantifier));
  return required.every((r) => {
    const literal = /^\\[^a-zA-Z0-9]$/.test(r.atom) ? r.atom[1]! : r.atom.length === 1 ? r.atom : undefined;
    // A class or escape as the separator: assume it may overlap.
    if (literal === undefined) return true;
    return unbounded.some((u) => atomMatches(u.atom, literal));
  });
}

/**
 * A group that can repeat without bound and contains a part that can itself repeat without bound,
 * e.g. (a+)+, (.*)*, (\w+\s?)+: the classic shape of catastrophic backtracking.
 */
export function nestedQuantifier(pattern: string): string | undefined {
  const open: { at: number; inner: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      if (UNBOUNDED.test(pattern.slice(i + 1)) && open.length) open[open.length - 1]!.inner = true;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      if (UNBOUNDED.test(pattern.slice(i + 1)) && open.length) open[open.length - 1]!.inner = true;
      continue;
    }
    if (c === '(') {
      open.push({ at: i, inner: false });
      continue;
    }
    if (c === ')') {
      const g = open.pop();
      if (!g) continue;
      const after = pattern.slice(i + 1);
      if (g.inner && UNBOUNDED.test(after) && ambiguous(pattern.slice(g.at + 1, i)))
        return pattern.slice(g.at, i + 1 + UNBOUNDED.exec(after)![0].length);
      if (g.inner && open.length) open[open.length - 1]!.inner = true;
      continue;
    }
    if (c !== undefined && !'|^$'.includes(c) && UNBOUNDED.test(pattern.slice(i + 1)) && open.length)
      open[open.length - 1]!.inner = true;
  }
  return undefined;
}

export const regexRedos: Rule = {
  id: 'regex-redos',
  severity: 'warning',
  title: 'A regex on request data has nested unbounded repetition (catastrophic backtracking)',
  check(view) {
    const out = [];
    for (const p of view.directives) {
      const regex = regexOf(p);
      if (!regex) continue;
      const part = nestedQuantifier(regex.pattern);
      if (!part) continue;
      out.push(
        finding(
          regexRedos,
          argPosOf(p.d, regex.index),
          `"${regex.pattern}" repeats ${part}, a group that itself repeats without bound: on a long request path that almost matches, PCRE tries exponentially many ways to split it, and one request can hold a worker for seconds (ReDoS; nginx's PCRE JIT limits only stack, not time).`,
          'Make the inner and outer repetition unambiguous: drop the outer quantifier, or use a class that cannot overlap (e.g. "([a-z0-9-]+/)*" with a separator), or an atomic group / possessive quantifier ("(?>…)", "++").',
          {
            ...(view.proxy ? { service: view.proxy.name } : {}),
            related: [{ pos: posOf(p.d), message: p.d.directive }],
          },
        ),
      );
    }
    return out;
  },
};
