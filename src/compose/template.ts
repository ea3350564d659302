/**
 * Variable substitution exactly as compose-go's `template` package does it: `$VAR`, `${VAR}`,
 * `${VAR:-d}`, `${VAR-d}`, `${VAR:?msg}`, `${VAR?msg}`, `${VAR:+alt}`, `${VAR+alt}`, `$$`, with
 * defaults, alternatives and messages substituted recursively.
 */

import type { ExpansionBudget } from './expansion.js';

/** Returns the value, or undefined when the variable is unset (which differs from empty). */
export type Lookup = (name: string) => string | undefined;

export interface TemplateError {
  kind: 'invalid' | 'required' | 'too-large';
  message: string;
  /** Offset in the template of the `$` that failed. */
  index: number;
}

export interface Substituted {
  value: string;
  /** The first error, as compose reports one per value. */
  error?: TemplateError;
  /** Plain references to unset variables: compose warns and substitutes "". */
  unset: string[];
}

const NAME_START = /[_a-zA-Z]/;
const NAME_CHAR = /[_a-zA-Z0-9]/;
const BRACED = /^[_a-zA-Z][_a-zA-Z0-9]*(?::?[-+?](.*))?$/;
const OPERATORS = [':?', '?', ':-', '-', ':+', '+'] as const;

/** Expands `template`; with a budget, output beyond its per-value or per-run bound is a `too-large` error. */
export function substitute(template: string, lookup: Lookup, budget?: ExpansionBudget): Substituted {
  const unset: string[] = [];
  let error: TemplateError | undefined;
  let out = '';
  let i = 0;
  // Checked after every append: each appended piece is itself bounded, so `out` never grows far past it.
  const tooLarge = (): TemplateError | undefined => {
    if (!budget) return undefined;
    if (out.length > budget.perValue)
      return {
        kind: 'too-large',
        message: `the value expands to more than ${budget.perValue} characters (variables that repeat each other)`,
        index: 0,
      };
    if (out.length > budget.remaining)
      return {
        kind: 'too-large',
        message: `interpolation of this project expands to more than ${budget.perRun} characters in all`,
        index: 0,
      };
    return undefined;
  };
  while (i < template.length) {
    const over = tooLarge();
    if (over) return { value: '', error: over, unset };
    const dollar = template.indexOf('$', i);
    if (dollar < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, dollar);
    const next = template[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = dollar + 2;
      while (end < template.length && NAME_CHAR.test(template[end]!)) end++;
      const name = template.slice(dollar + 1, end);
      const value = lookup(name);
      if (value === undefined) unset.push(name);
      out += value ?? '';
      i = end;
      continue;
    }
    if (next !== '{') {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const close = closingBrace(template, dollar + 1);
    const body = close < 0 ? undefined : template.slice(dollar + 2, close);
    if (body === undefined || !BRACED.test(body)) {
      error ??= {
        kind: 'invalid',
        message: `Invalid template: "${template}"`,
        index: dollar,
      };
      i = close < 0 ? template.length : close + 1;
      continue;
    }
    const result = substituteBraced(body, lookup, unset, budget);
    if (result.error) error ??= { ...result.error, index: dollar };
    out += result.value;
    i = close + 1;
  }
  const over = tooLarge();
  if (over) return { value: '', error: over, unset };
  if (budget) budget.remaining -= out.length;
  return error ? { value: out, error, unset } : { value: out, unset };
}

/** compose-go's brace matching: `{` opens (and skips the next character), `}` closes. */
function closingBrace(s: string, openAt: number): number {
  let depth = 0;
  for (let i = openAt; i < s.length; i++) {
    if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
    if (s[i] === '{') {
      depth++;
      i++;
    }
  }
  return -1;
}

function substituteBraced(
  body: string,
  lookup: Lookup,
  unset: string[],
  budget: ExpansionBudget | undefined,
): { value: string; error?: Omit<TemplateError, 'index'> } {
  let op: (typeof OPERATORS)[number] | undefined;
  let at = Number.POSITIVE_INFINITY;
  for (const candidate of OPERATORS) {
    const idx = body.indexOf(candidate);
    if (idx >= 0 && idx < at) {
      at = idx;
      op = candidate;
    }
  }
  if (op === undefined) {
    const value = lookup(body);
    if (value === undefined) unset.push(body);
    return { value: value ?? '' };
  }
  const name = body.slice(0, at);
  const rest = body.slice(at + op.length);
  const value = lookup(name);
  const nested = () => {
    const r = substitute(rest, lookup, budget);
    unset.push(...r.unset);
    return r;
  };
  switch (op) {
    case ':-':
    case '-': {
      if (value === undefined || (op === ':-' && value === '')) return fromNested(nested());
      return { value };
    }
    case ':+':
    case '+': {
      if (value !== undefined && (op === '+' || value !== '')) return fromNested(nested());
      return { value: value ?? '' };
    }
    case ':?':
    case '?': {
      if (value !== undefined && (op === '?' || value !== '')) return { value };
      const reason = nested();
      if (reason.error) return { value: '', error: reason.error };
      return {
        value: '',
        error: {
          kind: 'required',
          message: reason.value
            ? `required variable ${name} is missing a value: ${reason.value}`
            : `required variable ${name} is missing a value`,
        },
      };
    }
  }
}

function fromNested(r: Substituted): { value: string; error?: Omit<TemplateError, 'index'> } {
  return r.error
    ? { value: r.value, error: { kind: r.error.kind, message: r.error.message } }
    : { value: r.value };
}
