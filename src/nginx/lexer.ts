/**
 * The nginx tokenizer. It follows nginx's ngx_conf_read_token where nginx and crossplane agree, and
 * nginx where they differ (see docs/nginx-parser.md):
 * - whitespace is space, tab, CR and LF only; lines are counted on LF;
 * - `#` starts a comment only at the start of a token; comments are skipped;
 * - a quote starts a quoted token only at the start of a token; inside it `\<quote>` is the quote and
 *   every other escape stays as written (crossplane's args keep `\n`, `\\` raw);
 * - outside quotes `\x` is kept as written and never ends a token;
 * - an unquoted token ends at whitespace, `;` or `{` (but not at the `{` of `${`); a `}` inside a token
 *   is part of it, as in nginx (crossplane splits there).
 * Positions are 1-based lines and 1-based columns in UTF-16 code units (SARIF's default column kind),
 * offsets are 0-based indexes into the text. A leading UTF-8 BOM is not counted in columns.
 */
import { lastIndexAtOrBefore } from '../core/sorted.js';

export type TokenKind = 'word' | 'quoted' | '{' | '}' | ';' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The token as crossplane reports it (quotes removed from quoted tokens). */
  value: string;
  line: number;
  column: number;
  /** [start, end) offsets in the text, including the quotes of a quoted token. */
  start: number;
  end: number;
}

export interface LexError {
  line: number;
  column: number;
  offset: number;
  message: string;
  nginx?: string;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const HASH = 35;
const DOLLAR = 36;
const SEMICOLON = 59;
const LBRACE = 123;
const RBRACE = 125;
const DQUOTE = 34;
const SQUOTE = 39;
const RPAREN = 41;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

export class Lexer {
  private pos = 0;
  /** Line bookkeeping: `line` is the line of offset `lineScan`, whose line starts at `lineStart`. */
  private line = 1;
  private lineStart: number;
  private lineScan = 0;
  /** Start offset of each line seen so far (index 0 is line 1). */
  private readonly lineStarts: number[];
  readonly errors: LexError[] = [];
  /** After an unclosed quote the directive is ended at that line's end (a zero-width ';'). */
  private pendingTerminator = -1;

  constructor(private readonly text: string) {
    this.lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.lineStarts = [this.lineStart];
    if (this.lineStart === 1) {
      this.pos = 1;
      this.lineScan = 1;
    }
  }

  /** Line and column of an offset. Forward queries are amortized linear; earlier offsets use a binary search. */
  position(offset: number): { line: number; column: number } {
    const text = this.text;
    if (offset < this.lineScan) return this.earlierPosition(offset);
    for (let i = this.lineScan; i < offset; i++) {
      if (text.charCodeAt(i) === LF) {
        this.line++;
        this.lineStart = i + 1;
        this.lineStarts.push(i + 1);
      }
    }
    this.lineScan = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  private earlierPosition(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    const lo = lastIndexAtOrBefore(starts, offset);
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  private error(offset: number, message: string, nginx?: string): void {
    const { line, column } = this.position(offset);
    this.errors.push(
      nginx === undefined ? { line, column, offset, message } : { line, column, offset, message, nginx },
    );
  }

  private token(kind: TokenKind, value: string, start: number, end: number): Token {
    const { line, column } = this.position(start);
    return { kind, value, line, column, start, end };
  }

  next(): Token {
    const text = this.text;
    const n = text.length;
    if (this.pendingTerminator >= 0) {
      const at = this.pendingTerminator;
      this.pendingTerminator = -1;
      return this.token(';', ';', at, at);
    }
    for (;;) {
      while (this.pos < n && isSpace(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= n) return this.token('eof', '', n, n);
      const c = text.charCodeAt(this.pos);
      if (c === HASH) {
        const nl = text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? n : nl;
        continue;
      }
      const start = this.pos;
      if (c === LBRACE || c === RBRACE || c === SEMICOLON) {
        this.pos++;
        return this.token(text[start] as '{' | '}' | ';', text[start]!, start, this.pos);
      }
      if (c === DQUOTE || c === SQUOTE) return this.quoted(c);
      return this.word();
    }
  }

  private word(): Token {
    const text = this.text;
    const n = text.length;
    const start = this.pos;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        i += 2;
        continue;
      }
      if (isSpace(c) || c === SEMICOLON) break;
      // `${name}` is a variable, not a block: nginx keeps the `{` after `$` in the token.
      if (c === LBRACE && !(i > start && text.charCodeAt(i - 1) === DOLLAR && !escapedAt(text, start, i - 1)))
        break;
      i++;
    }
    this.pos = Math.min(i, n);
    return this.token('word', text.slice(start, this.pos), start, this.pos);
  }

  private quoted(quote: number): Token {
    const text = this.text;
    const n = text.length;
    const start = this.pos;
    let i = start + 1;
    let hasEscapedQuote = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        if (text.charCodeAt(i + 1) === quote) hasEscapedQuote = true;
        i += 2;
        continue;
      }
      if (c === quote) break;
      i++;
    }
    const q = String.fromCharCode(quote);
    if (i >= n) {
      // Recovery: nginx reads to the end of the file; we end the string at the end of its line so that
      // the rest of the file is still checked.
      this.error(
        start,
        `unclosed quote ${q}: unexpected end of file, expecting ";" or "}"`,
        'unexpected end of file, expecting ";" or "}"',
      );
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? n : nl;
      this.pos = end;
      this.pendingTerminator = end;
      return this.token('quoted', unescapeQuote(text.slice(start + 1, end), q, hasEscapedQuote), start, end);
    }
    const value = unescapeQuote(text.slice(start + 1, i), q, hasEscapedQuote);
    this.pos = i + 1;
    const tok = this.token('quoted', value, start, this.pos);
    if (this.pos < n) {
      const after = text.charCodeAt(this.pos);
      if (!isSpace(after) && after !== SEMICOLON && after !== LBRACE && after !== RPAREN) {
        const ch = String.fromCodePoint(text.codePointAt(this.pos)!);
        this.error(
          this.pos,
          `unexpected "${ch}" right after a quoted string: nginx needs a space, ";" or "{" there`,
          `unexpected "${ch}"`,
        );
      }
    }
    return tok;
  }
}

/** Whether the character at `at` is escaped by an odd run of backslashes that starts at or after `from`. */
function escapedAt(text: string, from: number, at: number): boolean {
  let k = 0;
  for (let j = at - 1; j >= from && text.charCodeAt(j) === BACKSLASH; j--) k++;
  return k % 2 === 1;
}

/** Inside quotes, `\<quote>` stands for the quote; crossplane keeps every other escape as written. */
function unescapeQuote(raw: string, quote: string, hasEscapedQuote: boolean): string {
  if (!hasEscapedQuote) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const d = raw[i + 1]!;
      out += d === quote ? d : c + d;
      i++;
    } else out += c;
  }
  return out;
}
