import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { NginxDirective } from '../../../src/nginx/ast.js';
import { MAX_BLOCK_DEPTH, parseNginxText } from '../../../src/nginx/parser.js';

/** Pieces that exercise every lexer path, glued at random. */
const PIECES = [
  'server',
  'listen',
  ' 80',
  ';',
  '{',
  '}',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '"',
  "'",
  '\\',
  '#',
  '$',
  '${',
  'a',
  '(',
  ')',
  'é',
  '😀',
  '\ufeff',
  '\ufffd',
  'include x.conf;',
  'location / {',
  '"a b"',
  "'c;d'",
];

const configText = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

function check(text: string): void {
  const { parsed, errors } = parseNginxText(text, '/f.conf');
  const lines = text.split('\n').length;
  const stack: [NginxDirective[], number][] = [[parsed, 1]];
  while (stack.length) {
    const [list, depth] = stack.pop()!;
    assert.ok(depth <= MAX_BLOCK_DEPTH);
    for (const d of list) {
      assert.ok(d.line >= 1 && d.line <= lines && d.column >= 1, `position of ${d.directive}`);
      assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `offsets of ${d.directive}`);
      assert.equal(d.argPos.length, d.args.length);
      const quoted = text[d.start] === '"' || text[d.start] === "'";
      if (!quoted) assert.ok(text.startsWith(d.directive, d.start), `name at start offset: ${d.directive}`);
      for (const p of d.argPos) assert.ok(p.line >= d.line && p.line <= lines && p.column >= 1);
      if (d.block) stack.push([d.block, depth + 1]);
    }
  }
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i]!;
    assert.ok(e.line >= 1 && e.line <= lines && e.column >= 1, `error position ${e.message}`);
    assert.equal(e.file, '/f.conf');
    if (i > 0) assert.ok(errors[i - 1]!.line <= e.line, 'errors in line order');
  }
}

describe('parser properties', () => {
  it('never throws and keeps every position inside the text', () => {
    fc.assert(fc.property(configText, check), { numRuns: 3000, seed: 42 });
  });

  it('survives arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 2000, seed: 7 });
  });
});
