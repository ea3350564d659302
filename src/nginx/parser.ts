import type { NginxDirective, NginxSyntaxError } from './ast.js';
import { isKnownDirective } from './directives.js';
import { Lexer, type Token } from './lexer.js';

/** Deeper blocks are still read (to keep braces balanced) but dropped, so no consumer recurses without bound. */
export const MAX_BLOCK_DEPTH = 200;
/**
 * Larger files are refused with one error: real configurations are kilobytes (even big geo/map lists
 * stay in single megabytes), and a huge AST would cost seconds and gigabytes for nothing useful.
 */
export const MAX_CONFIG_CHARS = 16 * 1024 * 1024;
/** One broken file must not flood the report. */
export const MAX_SYNTAX_ERRORS = 200;

export interface ParseResult {
  parsed: NginxDirective[];
  errors: NginxSyntaxError[];
}

interface Frame {
  /** The block directive this frame fills; undefined for the file itself and for dropped blocks. */
  owner?: NginxDirective;
  children: NginxDirective[];
}

/**
 * Parses one nginx configuration file into a crossplane-shaped AST, recovering from errors so that
 * all of them are reported. Never recurses: blocks live on an explicit stack.
 */
export function parseNginxText(text: string, file: string): ParseResult {
  const errors: NginxSyntaxError[] = [];
  const parsed: NginxDirective[] = [];
  if (text.length > MAX_CONFIG_CHARS) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    errors.push({
      file,
      line: 1,
      column: 1,
      offset: 0,
      message: `file too large for an nginx configuration (${mb(text.length)}; the limit is ${mb(MAX_CONFIG_CHARS)}): is this the right file?`,
    });
    return { parsed, errors };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const lexer = new Lexer(text);
    const { line, column } = lexer.position(nul);
    errors.push({
      file,
      line,
      column,
      offset: nul,
      message: 'binary data (a NUL byte): this is not an nginx configuration file',
    });
    return { parsed, errors };
  }

  const lexer = new Lexer(text);
  const stack: Frame[] = [{ children: parsed }];
  let tooDeepReported = false;
  const report = (
    at: { line: number; column: number },
    offset: number,
    message: string,
    nginx?: string,
    nginxLine?: number,
  ) => {
    const e: NginxSyntaxError = { file, line: at.line, column: at.column, message, offset };
    if (nginx !== undefined && nginx !== message) e.nginx = nginx;
    if (nginxLine !== undefined && nginxLine !== at.line) e.nginxLine = nginxLine;
    errors.push(e);
  };

  const closeBlock = (close: Token) => {
    if (stack.length === 1) {
      report(close, close.start, 'unexpected "}": no block is open here', 'unexpected "}"');
      return;
    }
    const frame = stack.pop()!;
    if (frame.owner) {
      frame.owner.end = close.end;
      frame.owner.block = frame.children.slice();
    }
  };

  const openBlock = (owner: NginxDirective | undefined, brace: Token) => {
    if (stack.length >= MAX_BLOCK_DEPTH) {
      if (!tooDeepReported) {
        report(
          brace,
          brace.start,
          `blocks nested deeper than ${MAX_BLOCK_DEPTH} levels; deeper blocks are ignored`,
        );
        tooDeepReported = true;
      }
      owner = undefined;
    }
    const children: NginxDirective[] = [];
    if (owner) owner.block = children;
    stack.push(owner ? { owner, children } : { children });
  };

  // A token read ahead that starts the next directive (see the missing-';' heuristic below).
  let pending: Token | undefined;
  const take = (): Token => {
    const t = pending ?? lexer.next();
    pending = undefined;
    return t;
  };

  for (;;) {
    const tok = take();
    if (tok.kind === 'eof') break;
    if (tok.kind === '}') {
      closeBlock(tok);
      continue;
    }
    if (tok.kind === ';') {
      report(tok, tok.start, 'unexpected ";": an empty directive', 'unexpected ";"');
      continue;
    }
    if (tok.kind === '{') {
      report(tok, tok.start, 'unexpected "{": a block without a directive name', 'unexpected "{"');
      openBlock(undefined, tok);
      continue;
    }

    const d: NginxDirective = {
      directive: tok.value,
      args: [],
      file,
      line: tok.line,
      column: tok.column,
      argPos: [],
      start: tok.start,
      end: tok.end,
    };
    let last = tok;
    let term: Token;
    for (;;) {
      term = take();
      if (term.kind !== 'word' && term.kind !== 'quoted') break;
      if (
        term.kind === 'word' &&
        term.line > last.line &&
        isKnownDirective(term.value) &&
        isKnownDirective(d.directive)
      ) {
        // A known directive name opening a later line is almost always a forgotten ';'. nginx would
        // read it as one more argument (and usually fail on it); we report it and split there.
        pending = term;
        const missing = lexer.position(last.end);
        report(
          missing,
          last.end,
          `directive "${d.directive}" is not terminated by ";" before "${term.value}" on line ${term.line} (nginx would read "${term.value}" as one of its arguments)`,
        );
        term = { ...last, kind: ';', value: ';', start: last.end, end: last.end };
        break;
      }
      d.args.push(term.value);
      d.argPos.push({ line: term.line, column: term.column });
      last = term;
    }
    if (d.directive === 'if') stripIfParens(d);
    // Arrays grown by push keep spare capacity; exact copies halve the AST's memory on big configs.
    d.args = d.args.slice();
    d.argPos = d.argPos.slice();
    stack[stack.length - 1]!.children.push(d);

    if (term.kind === ';') {
      d.end = term.end;
    } else if (term.kind === '{') {
      openBlock(d, term);
    } else {
      // Recovery: the directive ends after its last token, as if the ';' were there.
      d.end = last.end;
      const missing = lexer.position(last.end);
      if (term.kind === '}') {
        report(
          missing,
          last.end,
          `directive "${d.directive}" is not terminated by ";"`,
          'unexpected "}"',
          term.line,
        );
        closeBlock(term);
      } else {
        report(
          missing,
          last.end,
          `directive "${d.directive}" is not terminated by ";" (unexpected end of file)`,
          'unexpected end of file, expecting ";" or "}"',
          lexer.position(text.length).line,
        );
        break;
      }
    }
  }

  if (stack.length > 1) {
    const eof = lexer.position(text.length);
    const open = stack[stack.length - 1]!.owner;
    const what = open
      ? `block "${open.directive}" opened at line ${open.line} is not closed`
      : 'a block is not closed';
    report(
      eof,
      text.length,
      `unexpected end of file, expecting "}": ${what}`,
      'unexpected end of file, expecting "}"',
    );
    for (let i = stack.length - 1; i > 0; i--) {
      const owner = stack[i]!.owner;
      if (owner) owner.end = text.length;
    }
  }
  if (text.charCodeAt(0) === 0xfeff) {
    errors.unshift({
      file,
      line: 1,
      column: 1,
      offset: 0,
      message:
        'the file starts with a UTF-8 byte order mark, which nginx reads as part of the first directive name; save it without BOM',
      nginx: `unknown directive "\\xEF\\xBB\\xBF${parsed[0]?.directive ?? ''}"`,
    });
  }
  for (const e of lexer.errors) {
    const err: NginxSyntaxError = {
      file,
      line: e.line,
      column: e.column,
      message: e.message,
      offset: e.offset,
    };
    if (e.nginx !== undefined) err.nginx = e.nginx;
    errors.push(err);
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  if (errors.length > MAX_SYNTAX_ERRORS) {
    const dropped = errors.length - MAX_SYNTAX_ERRORS;
    errors.length = MAX_SYNTAX_ERRORS;
    const { line, column } = errors[MAX_SYNTAX_ERRORS - 1]!;
    errors.push({ file, line, column, message: `${dropped} more syntax errors in this file not shown` });
  }
  return { parsed, errors };
}

/**
 * Removes the parentheses of `if (...)` from its arguments, exactly as crossplane does, keeping argPos
 * aligned with args.
 */
function stripIfParens(d: NginxDirective): void {
  const args = d.args;
  if (args.length === 0 || !args[0]!.startsWith('(') || !args[args.length - 1]!.endsWith(')')) return;
  const first = args[0]!;
  const strippedFirst = first.slice(1).trimStart();
  args[0] = strippedFirst;
  d.argPos[0] = { ...d.argPos[0]!, column: d.argPos[0]!.column + first.length - strippedFirst.length };
  const lastArg = args[args.length - 1]!;
  args[args.length - 1] = lastArg.slice(0, -1).trimEnd();
  const from = args[0] === '' ? 1 : 0;
  const to = args.length - (args[args.length - 1] === '' ? 1 : 0);
  d.args = args.slice(from, Math.max(from, to));
  d.argPos = d.argPos.slice(from, Math.max(from, to));
}
