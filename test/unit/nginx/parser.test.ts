// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${var}` here is nginx and envsubst syntax, not a template.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NginxDirective } from '../../../src/nginx/ast.js';
import {
  MAX_BLOCK_DEPTH,
  MAX_CONFIG_CHARS,
  MAX_SYNTAX_ERRORS,
  parseNginxText,
} from '../../../src/nginx/parser.js';

const F = '/p/nginx.conf';

function parse(text: string) {
  return parseNginxText(text, F);
}

/** [directive, args] pairs, depth-first, for compact assertions. */
function flat(ds: readonly NginxDirective[], out: [string, string[]][] = []): [string, string[]][] {
  for (const d of ds) {
    out.push([d.directive, d.args]);
    if (d.block) flat(d.block, out);
  }
  return out;
}

function messages(text: string): string[] {
  return parse(text).errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

describe('tokens', () => {
  it('reads directives, args, blocks and positions', () => {
    const { parsed, errors } = parse('http {\n  server { listen  80 default_server; }\n}\n');
    assert.deepEqual(errors, []);
    const http = parsed[0]!;
    assert.equal(http.directive, 'http');
    assert.equal(http.file, F);
    assert.deepEqual([http.line, http.column, http.start, http.end], [1, 1, 0, 48]);
    const listen = http.block![0]!.block![0]!;
    assert.deepEqual(listen.args, ['80', 'default_server']);
    assert.deepEqual([listen.line, listen.column], [2, 12]);
    assert.deepEqual(listen.argPos, [
      { line: 2, column: 20 },
      { line: 2, column: 23 },
    ]);
    assert.equal(
      'http {\n  server { listen  80 default_server; }\n}\n'.slice(listen.start, listen.end),
      'listen  80 default_server;',
    );
  });

  it('handles both quotes, escaped quotes and specials inside quotes', () => {
    const { parsed, errors } = parse(`a "x;y{z}#w" 'it\\'s' "say \\"hi\\"" "keep \\n \\\\ raw";`);
    assert.deepEqual(errors, []);
    assert.deepEqual(parsed[0]!.args, ['x;y{z}#w', "it's", 'say "hi"', 'keep \\n \\\\ raw']);
  });

  it('keeps escapes outside quotes as written and never ends a word on them', () => {
    assert.deepEqual(parse('a b\\;c d\\ e;').parsed[0]!.args, ['b\\;c', 'd\\ e']);
  });

  it('treats quotes and # inside a word as ordinary characters', () => {
    assert.deepEqual(parse('a b"c" d#e f\'g;').parsed[0]!.args, ['b"c"', 'd#e', "f'g"]);
  });

  it('keeps ${var} in one word but ends a word at a bare {', () => {
    const { parsed } = parse('set $a ${b}c;\nlocation /x{ return 204; }');
    assert.deepEqual(flat(parsed), [
      ['set', ['$a', '${b}c']],
      ['location', ['/x']],
      ['return', ['204']],
    ]);
  });

  it('keeps a } inside a word, as nginx does', () => {
    assert.deepEqual(parse('add_header X a}b;').parsed[0]!.args, ['X', 'a}b']);
  });

  it('drops comments, including ones between arguments and at end of file without newline', () => {
    const { parsed, errors } = parse('# head\na 1 # mid\n 2; # tail\n#last');
    assert.deepEqual(errors, []);
    assert.deepEqual(flat(parsed), [['a', ['1', '2']]]);
  });

  it('strips if parentheses like crossplane and keeps argPos aligned', () => {
    const { parsed } = parse('if ( $a = "b c" ) { }\nif ($x) { }');
    assert.deepEqual(parsed[0]!.args, ['$a', '=', 'b c']);
    assert.deepEqual(parsed[0]!.argPos, [
      { line: 1, column: 6 },
      { line: 1, column: 9 },
      { line: 1, column: 11 },
    ]);
    assert.deepEqual(parsed[1]!.args, ['$x']);
    assert.deepEqual(parsed[1]!.argPos, [{ line: 2, column: 5 }]);
  });

  it('counts lines across multi-line quoted args and CRLF files', () => {
    const { parsed } = parse('a "one\r\ntwo";\r\nb 1;\r\n');
    assert.equal(parsed[1]!.line, 3);
    assert.equal(parsed[1]!.column, 1);
    assert.equal(parsed[0]!.args[0], 'one\r\ntwo');
  });

  it('counts columns in UTF-16 code units and skips a BOM for columns', () => {
    const { parsed, errors } = parse('\ufeffa "é😀" b;');
    assert.equal(parsed[0]!.directive, 'a');
    assert.deepEqual([parsed[0]!.line, parsed[0]!.column], [1, 1]);
    assert.deepEqual(parsed[0]!.argPos[1], { line: 1, column: 9 });
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /byte order mark/);
    assert.equal(errors[0]!.nginx, 'unknown directive "\\xEF\\xBB\\xBFa"');
  });
});

describe('errors and recovery', () => {
  it('reports a missing ; before } at the place it belongs, and recovers', () => {
    const text = 'server {\n  listen 80 }\nserver { listen 81; }\n';
    const { parsed, errors } = parse(text);
    assert.deepEqual(
      errors.map((e) => [e.line, e.column, e.message, e.nginx]),
      [[2, 12, 'directive "listen" is not terminated by ";"', 'unexpected "}"']],
    );
    assert.equal(errors[0]!.offset, text.indexOf(' }'));
    assert.deepEqual(flat(parsed), [
      ['server', []],
      ['listen', ['80']],
      ['server', []],
      ['listen', ['81']],
    ]);
  });

  it('reports a forgotten ; before a directive on the next line and splits there', () => {
    const text = 'server {\n  listen 80\n  server_name a.example;\n}\n';
    const { parsed, errors } = parse(text);
    assert.deepEqual(
      errors.map((e) => [e.line, e.column, e.offset, e.message]),
      [
        [
          2,
          12,
          text.indexOf('\n  server_name'),
          'directive "listen" is not terminated by ";" before "server_name" on line 3 (nginx would read "server_name" as one of its arguments)',
        ],
      ],
    );
    assert.deepEqual(flat(parsed), [
      ['server', []],
      ['listen', ['80']],
      ['server_name', ['a.example']],
    ]);
  });

  it('does not mistake multi-line arguments for a forgotten ;', () => {
    const text = "log_format main '$a'\n  '$b';\nssl_ciphers\n  HIGH:!aNULL;\nx_vendor a\n  listen;\n";
    assert.deepEqual(parse(text).errors, []);
  });

  it('stays fast with thousands of recovered errors (positions looked up backwards)', () => {
    const { errors } = parse('server {\n listen 80 }\n'.repeat(20_000));
    assert.equal(errors.length, MAX_SYNTAX_ERRORS + 1);
    assert.deepEqual([errors[1]!.line, errors[1]!.column], [4, 11]);
  });

  it('reports an unclosed block at end of file with the block that is open', () => {
    const { errors } = parse('http {\n  server {\n    listen 80;\n');
    assert.equal(errors.length, 1);
    assert.equal(
      errors[0]!.message,
      'unexpected end of file, expecting "}": block "server" opened at line 2 is not closed',
    );
    assert.equal(errors[0]!.nginx, 'unexpected end of file, expecting "}"');
    assert.deepEqual([errors[0]!.line, errors[0]!.column], [4, 1]);
  });

  it('reports an unexpected } and keeps parsing', () => {
    const { parsed, errors } = parse('a 1;\n}\nb 2;\n');
    assert.deepEqual(
      errors.map((e) => [e.line, e.nginx]),
      [[2, 'unexpected "}"']],
    );
    assert.deepEqual(flat(parsed), [
      ['a', ['1']],
      ['b', ['2']],
    ]);
  });

  it('reports an unterminated directive at end of file', () => {
    assert.deepEqual(messages('a 1;\nb 2'), [
      '2:4 directive "b" is not terminated by ";" (unexpected end of file)',
    ]);
  });

  it('reports an unclosed quote at the quote and resumes on the next line', () => {
    const { parsed, errors } = parse('a "open;\nb 2;\n}\n');
    assert.deepEqual(
      errors.map((e) => `${e.line}:${e.column} ${e.nginx ?? e.message}`),
      ['1:3 unexpected end of file, expecting ";" or "}"', '3:1 unexpected "}"'],
    );
    assert.deepEqual(flat(parsed), [
      ['a', ['open;']],
      ['b', ['2']],
    ]);
  });

  it('reports unexpected ; and { with nginx wording', () => {
    const { errors } = parse(';\n{ a 1; }\n');
    assert.deepEqual(
      errors.map((e) => [e.line, e.nginx]),
      [
        [1, 'unexpected ";"'],
        [2, 'unexpected "{"'],
      ],
    );
  });

  it('reports a word glued to a closing quote (nginx needs a space) but reads both', () => {
    const { parsed, errors } = parse('return 200 "ok"x;');
    assert.deepEqual(parsed[0]!.args, ['200', 'ok', 'x']);
    assert.deepEqual(
      errors.map((e) => [e.column, e.nginx]),
      [[16, 'unexpected "x"']],
    );
  });

  it('reports every error in one file, in order', () => {
    const text = 'http {\n  ;\n  server {\n    listen 80 }\n  server {\n    return 200 "ok"x;\n  }\n}\n}\n';
    assert.deepEqual(
      parse(text).errors.map((e) => `${e.line} ${e.nginx ?? e.message}`),
      ['2 unexpected ";"', '4 unexpected "}"', '6 unexpected "x"', '9 unexpected "}"'],
    );
  });
});

describe('hostile input', () => {
  it('parses 10,000-deep nesting without recursion, dropping blocks past the cap with one error', () => {
    const depth = 10_000;
    const text = `${'a {\n'.repeat(depth)}b 1;\n${'}\n'.repeat(depth)}`;
    const { parsed, errors } = parse(text);
    assert.deepEqual(
      errors.map((e) => e.message),
      [`blocks nested deeper than ${MAX_BLOCK_DEPTH} levels; deeper blocks are ignored`],
    );
    let d: NginxDirective | undefined = parsed[0];
    let levels = 0;
    while (d) {
      levels++;
      d = d.block?.[0];
    }
    assert.equal(levels, MAX_BLOCK_DEPTH);
  });

  it('reports 10,000 unclosed blocks once', () => {
    assert.equal(parse('a {\n'.repeat(10_000)).errors.length, 2);
  });

  it('parses a 5 MB file completely', () => {
    const chunk = 'location /x { proxy_pass http://app:8080; add_header X "y z"; }\n';
    const count = Math.ceil(5_000_000 / chunk.length);
    const { parsed, errors } = parse(`http { server {\n${chunk.repeat(count)}} }\n`);
    assert.deepEqual(errors, []);
    assert.equal(parsed[0]!.block![0]!.block!.length, count);
  });

  it('refuses a 50 MB file with one clear error', () => {
    const { parsed, errors } = parse('a 1;\n'.repeat(10_000_000));
    assert.deepEqual(parsed, []);
    assert.equal(errors.length, 1);
    assert.match(
      errors[0]!.message,
      /^file too large for an nginx configuration \(48 MB; the limit is 16 MB\)/,
    );
    assert.ok(MAX_CONFIG_CHARS < 50_000_000);
  });

  it('rejects binary data with one error instead of a flood', () => {
    const { parsed, errors } = parse('a 1;\n\u007fELF\u0000\u0001\u0002;{{{');
    assert.deepEqual(parsed, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /binary/);
    assert.equal(errors[0]!.line, 2);
  });

  it('caps the number of errors for garbage', () => {
    const { errors } = parse('}\n'.repeat(5000));
    assert.equal(errors.length, MAX_SYNTAX_ERRORS + 1);
    assert.match(errors.at(-1)!.message, /more syntax errors/);
  });

  it('handles replacement characters, lone CRs and empty input', () => {
    assert.deepEqual(parse(''), { parsed: [], errors: [] });
    assert.deepEqual(parse('a \ufffd\ufffd;\rb 1;').parsed.length, 2);
  });
});
