import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { asciiChunks, asciiSource } from '../../../scripts/ascii-chunks.js';

// Strings, a template, regular expressions (with and without the u flag), an astral character and comments.
const SOURCE = [
  '// a comment with … and →',
  "const quoted = 'wait… → ≤ — ×';",
  // Split so that the placeholder is the evaluated source's, not this file's.
  'const template = `$' + '{quoted} ✓ 😀`;',
  'const plain = /…|→/.test("x → y");',
  'const unicode = /^😀+$/u.test("😀😀");',
  '/* block — comment */',
  'JSON.stringify({ quoted, template, plain, unicode, length: "😀".length });',
].join('\n');

test('every non-ASCII character becomes an escape that means the same', () => {
  const ascii = asciiSource(SOURCE, 'chunk.js');
  assert.match(SOURCE, /[\u0080-\uffff]/);
  assert.doesNotMatch(ascii, /[\u0080-\uffff]/);
  assert.ok(ascii.includes('\\u2026'), ascii);
  assert.equal(vm.runInNewContext(ascii), vm.runInNewContext(SOURCE));
  assert.deepEqual(JSON.parse(vm.runInNewContext(SOURCE)), {
    quoted: 'wait… → ≤ — ×',
    template: 'wait… → ≤ — × ✓ 😀',
    plain: true,
    unicode: true,
    length: 2,
  });
});

test('pure ASCII is returned as it is', () => {
  const source = 'const a = "plain";\n';
  assert.equal(asciiSource(source, 'chunk.js'), source);
});

test('where an escape would change the code, the chunk is refused with its place', () => {
  // A U+2028 ends a // comment; escaped, the code after it would become part of the comment.
  assert.throws(
    () => asciiSource('// note\u2028run();', 'a.js'),
    /a\.js: non-ASCII space or line break U\+2028 at offset 7/,
  );
  assert.throws(() => asciiSource('const\u00a0a = 1;', 'b.js'), /b\.js: .*U\+A0 at offset 5/);
  assert.throws(
    () => asciiSource('String.raw`→`', 'c.js'),
    /c\.js: non-ASCII text in a String\.raw template at offset 0/,
  );
  assert.equal(asciiSource('String.raw`a` + "→"', 'd.js'), 'String.raw`a` + "\\u2192"');
});

test('asciiChunks rewrites only the .js files that need it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-ascii-chunks-'));
  try {
    writeFileSync(path.join(dir, '1.index.js'), 'export const a = "→";\n');
    writeFileSync(path.join(dir, '2.index.js'), 'export const b = "b";\n');
    writeFileSync(path.join(dir, 'licenses.txt'), 'Copyright © someone\n');
    assert.deepEqual(asciiChunks(dir), ['1.index.js']);
    assert.equal(readFileSync(path.join(dir, '1.index.js'), 'utf8'), 'export const a = "\\u2192";\n');
    assert.equal(readFileSync(path.join(dir, 'licenses.txt'), 'utf8'), 'Copyright © someone\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
