import { InputError } from '../core/errors.js';
import type { ExpansionBudget } from './expansion.js';
import { type Lookup, substitute } from './template.js';

/**
 * Parses a `.env` file with compose-go's dotenv rules: `KEY=VAL` or `KEY: VAL`, optional `export `,
 * `#` comments (inline only after a space in unquoted values), single quotes literal, double quotes
 * with escapes and interpolation, unquoted values interpolated, and a bare `KEY` inheriting from `lookup`.
 * Interpolation inside values looks up `lookup` (the process environment) first, then earlier keys.
 */
export function parseDotenv(
  text: string,
  file: string,
  lookup: Lookup,
  budget?: ExpansionBudget,
): Record<string, string> {
  const out: Record<string, string> = {};
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const resolve: Lookup = (k) => lookup(k) ?? (Object.hasOwn(out, k) ? out[k] : undefined);
  let i = 0;
  let line = 1;
  const fail = (msg: string): never => {
    throw new InputError(`${file}:${line}: ${msg}`, { file, line, column: 1 });
  };
  const expand = (value: string): string => {
    const r = substitute(value, resolve, budget);
    if (r.error)
      fail(r.error.kind === 'too-large' ? `${r.error.message}; shorten the value` : r.error.message);
    return r.value;
  };
  while (i < src.length) {
    // Skip blank space and comment lines.
    while (i < src.length && /\s/.test(src[i]!)) {
      if (src[i] === '\n') line++;
      i++;
    }
    if (i >= src.length) break;
    if (src[i] === '#') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    let rest = src.slice(i);
    const exported = /^export\s+/.exec(rest);
    let consumed = 0;
    if (exported) {
      consumed = exported[0].length;
      rest = rest.slice(consumed);
    }
    let keyEnd = 0;
    let separator: string | undefined;
    for (; keyEnd < rest.length; keyEnd++) {
      const ch = rest[keyEnd]!;
      if (ch === '=' || ch === ':' || ch === '\n') {
        separator = ch;
        break;
      }
      if (ch === ' ' || ch === '\t' || /[\p{L}\p{N}_.\-[\]]/u.test(ch)) continue;
      fail(`unexpected character "${ch}" in variable name "${rest.split('\n')[0]}"`);
    }
    const key = rest.slice(0, keyEnd).trimEnd();
    if (key.includes(' ')) fail('key cannot contain a space');
    if (separator === undefined || separator === '\n') {
      // A bare name inherits the value from the environment, if it is set there.
      const inherited = lookup(key);
      if (inherited !== undefined) out[key] = inherited;
      i += consumed + keyEnd;
      continue;
    }
    let pos = keyEnd + 1;
    while (pos < rest.length && (rest[pos] === ' ' || rest[pos] === '\t')) pos++;
    const quote = rest[pos];
    if (quote === '"' || quote === "'") {
      let chars = '';
      let escaped = false;
      let j = pos + 1;
      let closed = false;
      for (; j < rest.length; j++) {
        const ch = rest[j]!;
        if (ch === '\n') line++;
        if (ch !== quote) {
          if (!escaped && ch === '\\') {
            escaped = true;
            continue;
          }
          if (escaped) {
            escaped = false;
            chars += '\\';
          }
          chars += ch;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars += ch;
          continue;
        }
        closed = true;
        break;
      }
      if (!closed) fail(`unterminated quoted value ${rest.slice(pos).split('\n')[0]}`);
      out[key] = quote === '"' ? expand(expandEscapes(chars)) : chars;
      i += consumed + j + 1;
      continue;
    }
    const nl = rest.indexOf('\n', pos);
    let value = rest.slice(pos, nl < 0 ? rest.length : nl);
    const comment = value.indexOf(' #');
    if (comment >= 0) value = value.slice(0, comment);
    out[key] = expand(value.trimEnd());
    i += consumed + (nl < 0 ? rest.length : nl);
  }
  return out;
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
};

function expandEscapes(value: string): string {
  return value.replace(/\\([abfnrtv$"\\]|0[0-7]{0,3})/g, (match, code: string) => {
    if (code === '$') return '$$';
    if (code.startsWith('0')) return String.fromCharCode(Number.parseInt(code.slice(1) || '0', 8));
    return ESCAPES[code] ?? match;
  });
}
