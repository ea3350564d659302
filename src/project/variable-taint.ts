import { addTo } from '../core/multimap.js';
// What an attacker controls in an nginx value: the taint model behind ssrf and http-splitting.
import type { NginxDirective } from '../nginx/ast.js';
import { childrenOf, directivesNamed } from './scope.js';
import type { PlacedDirective, ProjectView } from './view.js';

export interface Taint {
  /** The client chooses (part of) the content. */
  user: boolean;
  /** May contain a line feed (decoded from %0A), so it can split a header or request. */
  newline: boolean;
  /** May contain a carriage return (%0D): splits a response header for some clients, not a request. */
  cr: boolean;
  /** Always starts with "/" (so after a host it stays in the path). */
  slashFirst: boolean;
}

const CLEAN: Taint = { user: false, newline: false, cr: false, slashFirst: false };

export type ValuePart = { kind: 'text'; text: string } | { kind: 'var'; name: string };

/** Splits an nginx value into literal text and `$name` / `${name}` / `$1` references. */
export function splitValue(value: string): ValuePart[] {
  const parts: ValuePart[] = [];
  const re = /\$(?:\{([A-Za-z0-9_]+)\}|([0-9]|[A-Za-z_][A-Za-z0-9_]*))/g;
  let last = 0;
  for (const m of value.matchAll(re)) {
    if (m.index > last) parts.push({ kind: 'text', text: value.slice(last, m.index) });
    parts.push({ kind: 'var', name: (m[1] ?? m[2])! });
    last = m.index + m[0].length;
  }
  if (last < value.length) parts.push({ kind: 'text', text: value.slice(last) });
  return parts;
}

/** Built-in variables that carry request data (nginx decodes $uri, so %0A becomes a line feed there). */
function builtinTaint(name: string): Taint | undefined {
  const n = name.toLowerCase();
  if (n === 'uri' || n === 'document_uri' || n === 'fastcgi_path_info')
    return { user: true, newline: true, cr: true, slashFirst: n !== 'fastcgi_path_info' };
  if (n === 'request_uri') return { user: true, newline: false, cr: false, slashFirst: true };
  if (n === 'request_body') return { user: true, newline: true, cr: true, slashFirst: false };
  if (n === 'args' || n === 'query_string' || n === 'request' || n === 'http_host' || n === 'content_type')
    return { user: true, newline: false, cr: false, slashFirst: false };
  if (/^(arg|http|cookie)_/.test(n)) return { user: true, newline: false, cr: false, slashFirst: false };
  return undefined;
}

export interface Group {
  source: string;
  /** Index of the group's "(" in the pattern. */
  open: number;
}

/** Capture groups of a PCRE pattern, by number ("1") and by name. */
export function captureGroups(pattern: string): Map<string, Group> {
  const groups = new Map<string, Group>();
  const open: { at: number; start: number; key?: string; name?: string }[] = [];
  let count = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      i = classEnd(pattern, i);
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] !== '?') {
        open.push({ at: i, start: i + 1, key: String(++count) });
        continue;
      }
      const named = /^\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(i));
      if (named) {
        open.push({
          at: i,
          start: i + named[0].length,
          key: String(++count),
          name: (named[1] ?? named[2])!,
        });
        i += named[0].length - 1;
      } else open.push({ at: i, start: i + 1 });
      continue;
    }
    if (c === ')') {
      const g = open.pop();
      if (!g?.key) continue;
      const group = { source: pattern.slice(g.start, i), open: g.at };
      groups.set(g.key, group);
      if (g.name) groups.set(g.name, group);
    }
  }
  return groups;
}

/** Index of the `]` closing the class that starts at `start`. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}

/** The single-character atoms of a pattern (classes, escapes, `.`, literals), ignoring structure. */
function atoms(pattern: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out.push(pattern.slice(i, i + 2));
      i++;
    } else if (c === '[') {
      const end = classEnd(pattern, i);
      out.push(pattern.slice(i, end + 1));
      i = end;
    } else if (c === '(' && pattern[i + 1] === '?') {
      // Skip group syntax: (?:  (?<name>  (?P<name>  (?=  (?i)
      const m = /^\(\?(?:P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|<?[=!]|[:>|]|[a-zA-Z-]*[:)])/.exec(pattern.slice(i));
      if (m) i += m[0].length - 1;
    } else if (c === '{') {
      const m = /^\{\d*,?\d*\}/.exec(pattern.slice(i));
      if (m) i += m[0].length - 1;
      else out.push(c);
    } else if (!'()|*+?^$'.includes(c)) out.push(c);
  }
  return out;
}

/** Whether some atom of `pattern` matches `ch` (PCRE and JS agree on classes, escapes and `.` here). */
export function canMatchChar(pattern: string, ch: string, ignoreCase = false): boolean {
  if (/\(\?[a-z]*s[a-z]*[):]/.test(pattern) && ch === '\n' && /(^|[^\\])\./.test(pattern)) return true; // (?s) dotall
  for (const atom of atoms(pattern)) {
    // PCRE's "." excludes only LF; JS's also excludes CR and U+2028/9.
    if (atom === '.') {
      if (ch !== '\n') return true;
      continue;
    }
    if (atom === '\\R' || atom === '\\v' || atom === '\\N') {
      if (ch === '\n' && atom !== '\\N') return true;
      continue;
    }
    try {
      if (new RegExp(`^(?:${atom})$`, ignoreCase ? 'i' : '').test(ch)) return true;
    } catch {
      // A PCRE-only construct: assume it does not match rather than invent a finding.
    }
  }
  return false;
}

/** A capture always starts with "/" when its pattern begins with a mandatory literal slash. */
export function startsWithSlash(source: string): boolean {
  return /^(?:\^)?(?:\\\/|\/)(?![?*]|\{0)/.test(source);
}

export interface CaptureSource {
  pattern: string;
  subject: Taint;
  icase: boolean;
}

/** Regexes whose captures may be in effect at a directive, innermost first (regex `if`s, then a regex location). */
export function captureSources(p: PlacedDirective, view: ProjectView, depth: number): CaptureSource[] {
  const out: CaptureSource[] = [];
  for (let i = p.parents.length - 1; i >= 0; i--) {
    const b = p.parents[i]!;
    if (b.directive === 'location' && (b.args[0] === '~' || b.args[0] === '~*') && b.args[1] !== undefined) {
      out.push({
        pattern: b.args[1],
        subject: { user: true, newline: true, cr: true, slashFirst: true },
        icase: b.args[0] === '~*',
      });
    }
    if (b.directive === 'if') {
      const cond = ifRegex(b);
      if (cond)
        out.push({
          pattern: cond.pattern,
          subject: valueTaint(view, p, cond.subject, depth + 1),
          icase: cond.icase,
        });
    }
  }
  return out;
}

/** `if ($var ~ regex)` → its parts; undefined for other conditions. */
export function ifRegex(
  b: NginxDirective,
): { subject: string; op: string; pattern: string; icase: boolean } | undefined {
  // The parser already removed the parentheses, as crossplane does.
  const [subject, op, pattern] = b.args;
  if (subject === undefined || op === undefined || pattern === undefined || !/^!?~\*?$/.test(op))
    return undefined;
  return { subject, op, pattern, icase: op.endsWith('*') };
}

const definitionCache = new WeakMap<ProjectView, Map<string, PlacedDirective[]>>();

/** The `set $name …` and `map … $name {…}` directives that define a variable (names are case-insensitive). */
export function definitionsOf(view: ProjectView, name: string): PlacedDirective[] {
  let index = definitionCache.get(view);
  if (!index) {
    index = new Map();
    for (const p of directivesNamed(view, 'set', 'map')) {
      const target = p.d.args[p.d.directive === 'set' ? 0 : 1]?.replace(/^\$/, '').toLowerCase();
      if (target === undefined || (p.d.directive === 'map' && !p.d.block)) continue;
      addTo(index, target, p);
    }
    definitionCache.set(view, index);
  }
  return index.get(name.toLowerCase()) ?? [];
}

/** The taint of one variable as seen by directive `p`. */
export function variableTaint(
  view: ProjectView,
  p: PlacedDirective,
  name: string,
  depth = 0,
  innermost?: CaptureSource,
): Taint {
  if (depth > 8) return CLEAN;
  // $1…$9 come from the last regex that matched; named captures stay set from any of them.
  const sources = [...(innermost ? [innermost] : []), ...captureSources(p, view, depth)];
  for (const source of /^\d$/.test(name) ? sources.slice(0, 1) : sources) {
    const group = captureGroups(source.pattern).get(name);
    if (group) {
      if (!source.subject.user) return CLEAN;
      return {
        user: true,
        newline: source.subject.newline && canMatchChar(group.source, '\n', source.icase),
        cr: source.subject.cr && canMatchChar(group.source, '\r', source.icase),
        slashFirst: startsWithSlash(group.source),
      };
    }
  }
  if (/^\d$/.test(name)) return CLEAN;
  const builtin = builtinTaint(name);
  if (builtin) return builtin;
  // `set $x …;` and `map $src $x {…}` make user data flow into $x.
  let acc: Taint | undefined;
  const merge = (t: Taint) => {
    acc = acc
      ? {
          user: acc.user || t.user,
          newline: acc.newline || t.newline,
          cr: acc.cr || t.cr,
          slashFirst: acc.slashFirst && t.slashFirst,
        }
      : t;
  };
  for (const def of definitionsOf(view, name)) {
    if (def.d.directive === 'set') {
      if (def.d.args[1] !== undefined) merge(valueTaint(view, def, def.d.args[1], depth + 1));
      continue;
    }
    for (const { d: entry } of childrenOf(view, def.d)) {
      const v = entry.args[0];
      if (v === undefined || entry.directive === 'hostnames' || entry.directive === 'include') continue;
      // `~regex value`: $1 / named captures in the value come from matching the map's source.
      const regex = /^~(\*?)(.+)$/s.exec(entry.directive);
      const captures = regex
        ? {
            pattern: regex[2]!,
            subject: valueTaint(view, def, def.d.args[0] ?? '', depth + 1),
            icase: regex[1] === '*',
          }
        : undefined;
      merge(valueTaint(view, def, v, depth + 1, captures));
    }
  }
  return acc ?? CLEAN;
}

/** The combined taint of a value; slashFirst when it begins with "/" or a slash-first variable. */
export function valueTaint(
  view: ProjectView,
  p: PlacedDirective,
  value: string,
  depth = 0,
  innermost?: CaptureSource,
): Taint {
  const parts = splitValue(value);
  let user = false;
  let newline = false;
  let cr = false;
  for (const part of parts) {
    if (part.kind !== 'var') continue;
    const t = variableTaint(view, p, part.name, depth, innermost);
    user ||= t.user;
    newline ||= t.newline;
    cr ||= t.cr;
  }
  const first = parts[0];
  const slashFirst =
    first === undefined
      ? false
      : first.kind === 'text'
        ? first.text.startsWith('/')
        : variableTaint(view, p, first.name, depth, innermost).slashFirst;
  return { user, newline, cr, slashFirst };
}
