import { argPosOf, posOf } from '../project/scope.js';
import { ifRegex } from '../project/variable-taint.js';
import type { PlacedDirective } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

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
const OPTIONAL = /^(?:[?*]|\{0)/;

type RegexNode = { kind: 'atom'; text: string } | { kind: 'group'; text: string; branches: Item[][] };
interface Item {
  node: RegexNode;
  quantifier: string;
}

/** Parses a PCRE pattern into sequences of quantified atoms and groups (enough for the shapes below). */
function parseRegex(pattern: string): Item[][] {
  let i = 0;
  const branches = (): Item[][] => {
    const out: Item[][] = [[]];
    while (i < pattern.length) {
      const c = pattern[i]!;
      if (c === ')') break;
      if (c === '|') {
        out.push([]);
        i++;
        continue;
      }
      const start = i;
      let node: RegexNode;
      if (c === '(') {
        i++;
        const prefix = /^\?(?::|P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|>|[=!]|<[=!]|[a-zA-Z-]*\))/.exec(
          pattern.slice(i),
        );
        if (prefix) i += prefix[0].length;
        const inner = prefix?.[0].endsWith(')') && prefix[0] !== '?:)' ? [[]] : branches();
        i++; // the ")"
        node = { kind: 'group', text: pattern.slice(start, i), branches: inner };
      } else if (c === '[') {
        let j = i + 1;
        if (pattern[j] === '^') j++;
        if (pattern[j] === ']') j++;
        while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
        i = j + 1;
        node = { kind: 'atom', text: pattern.slice(start, i) };
      } else {
        i += c === '\\' ? 2 : 1;
        node = { kind: 'atom', text: pattern.slice(start, i) };
      }
      const quantifier = /^(?:[*+?]|\{\d*,?\d*\})[?+]?/.exec(pattern.slice(i))?.[0] ?? '';
      i += quantifier.length;
      if (node.kind === 'atom' && (node.text === '^' || node.text === '$')) continue;
      out[out.length - 1]!.push({ node, quantifier });
    }
    return out;
  };
  return branches();
}

const SAMPLE_CHARS = ['a', 'b', 'x', 'A', '0', '9', '/', '.', '-', '_', ' ', '%', '?', '=', '&'];

/** The characters (from a sample) that can begin a match of the item; every sample when unknown. */
function firstChars(items: readonly Item[]): Set<string> {
  const out = new Set<string>();
  for (const item of items) {
    if (item.node.kind === 'atom') {
      const text = item.node.text;
      try {
        const re = new RegExp(`^${text === '.' ? '[^\\n]' : text}$`);
        for (const ch of SAMPLE_CHARS) if (re.test(ch)) out.add(ch);
        if (!re.test('\n') && text.length === 1 && !SAMPLE_CHARS.includes(text)) out.add(text);
      } catch {
        for (const ch of SAMPLE_CHARS) out.add(ch);
      }
    } else for (const b of item.node.branches) for (const ch of firstChars(b)) out.add(ch);
    if (!OPTIONAL.test(item.quantifier)) break;
  }
  return out;
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const ch of a) if (b.has(ch)) return true;
  return false;
}

function unbounded(item: Item): boolean {
  return UNBOUNDED.test(item.quantifier);
}

/** Whether a sequence contains, at any depth, an item that repeats without bound. */
function hasUnbounded(items: readonly Item[]): boolean {
  return items.some(
    (it) => unbounded(it) || (it.node.kind === 'group' && it.node.branches.some(hasUnbounded)),
  );
}

/**
 * Whether one string can be split between a repeated group's iterations in many ways: every part of
 * the body that must appear can also be matched by an unbounded part ((a+)+, (\w+\s?)+, (.+/)+, ((ab)+)+),
 * unlike ([a-z]+/)* whose "/" no other part matches.
 */
function ambiguousBody(items: readonly Item[]): boolean {
  if (!hasUnbounded(items)) return false;
  const loose = new Set<string>();
  for (const it of items) if (unbounded(it)) for (const ch of firstChars([it])) loose.add(ch);
  return items.every((it) => {
    if (unbounded(it) || OPTIONAL.test(it.quantifier)) return true;
    if (it.node.kind === 'group') return true;
    return overlaps(firstChars([{ node: it.node, quantifier: '' }]), loose);
  });
}

/**
 * The first part of a pattern that backtracks catastrophically: a repeated group whose iterations can
 * split the same text in many ways (nested quantifiers, overlapping alternatives such as (a|ab)+ or
 * (.|x)+), or two adjacent unbounded parts that match the same characters (.*.*).
 */
export function nestedQuantifier(pattern: string): string | undefined {
  const visit = (items: readonly Item[]): string | undefined => {
    for (const [k, it] of items.entries()) {
      const next = items[k + 1];
      if (next && unbounded(it) && unbounded(next) && overlaps(firstChars([it]), firstChars([next])))
        return `${it.node.text}${it.quantifier}${next.node.text}${next.quantifier}`;
      if (it.node.kind !== 'group') continue;
      const { branches } = it.node;
      if (unbounded(it)) {
        const shape = `${it.node.text}${it.quantifier}`;
        if (branches.length === 1 && ambiguousBody(branches[0]!)) return shape;
        for (let x = 0; x < branches.length; x++)
          for (let y = x + 1; y < branches.length; y++)
            if (overlaps(firstChars(branches[x]!), firstChars(branches[y]!))) return shape;
      }
      for (const b of branches) {
        const hit = visit(b);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  for (const branch of parseRegex(pattern)) {
    const hit = visit(branch);
    if (hit) return hit;
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
          `"${regex.pattern}" repeats ${part}, which can split the same text in many ways: on a long request path that almost matches, PCRE tries exponentially many ways to split it, and one request can hold a worker for seconds (ReDoS; nginx's PCRE JIT limits only stack, not time).`,
          'Make the inner and outer repetition unambiguous: drop the outer quantifier, or use a class that cannot overlap (e.g. "([a-z0-9-]+/)*" with a separator), or an atomic group / possessive quantifier ("(?>…)", "++").',
          {
            ...proxyService(view),
            related: [{ pos: posOf(p.d), message: p.d.directive }],
          },
        ),
      );
    }
    return out;
  },
};
