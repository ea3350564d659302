import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import * as core from '@actions/core';
import type { Finding } from '../../../src/core/finding.js';
import { toAnnotation } from '../../../src/report/annotations.js';
import { renderGithub } from '../../../src/report/github.js';
import { renderJson } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderSarif } from '../../../src/report/sarif.js';
import { renderText } from '../../../src/report/text.js';
import { RULES } from '../../../src/rules/index.js';

const cwd = '/project';
const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: 'image-unpinned',
  severity: 'error',
  message: 'service "x\r\n::add-mask::leak" uses 100% \x1b[2J::error::pwned',
  pos: { file: '/project/compose.yaml', line: 3, column: 5 },
  service: 'x\r\n::add-mask::leak',
  fix: { description: 'Pin it, a,b:c' },
  ...over,
});

/** What @actions/core prints for one call, captured from process.stdout. */
function coreOutput(fn: () => void): string {
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

test('--format github prints exactly the escaped command', () => {
  assert.equal(
    renderGithub([finding()], cwd),
    '::error title=stackgate image-unpinned,file=compose.yaml,line=3,col=5::' +
      'service "x\\r\\n::add-mask::leak" uses 100%25 \\x1b[2J::error::pwned%0AFix: Pin it, a,b:c\n',
  );
});

test('--format github and the action print byte-identical annotations, at every level', () => {
  const findings: Finding[] = [
    finding(),
    finding({ severity: 'warning', pos: { file: '/project/a,b:c%.conf', line: 12, column: 1 } }),
    finding({ severity: 'note', message: 'plain', fix: { description: 'x' } }),
  ];
  for (const f of findings) {
    const { level, message, properties } = toAnnotation(f, cwd);
    const emit = { error: core.error, warning: core.warning, notice: core.notice }[level];
    assert.equal(
      renderGithub([f], cwd),
      coreOutput(() => emit(message, properties)),
    );
  }
  assert.deepEqual(
    findings.map((f) => toAnnotation(f, cwd).level),
    ['error', 'warning', 'notice'],
  );
});

test('text: every line is printable, the caret sits under the escaped column', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-output-text-'));
  try {
    const file = path.join(dir, 'compose.yaml');
    const text = 'a\n  "\x1b\x1b": bad\n';
    writeFileSync(file, text);
    // Code frames come from what was analysed (validate's sources), never from a re-read of the disk.
    const out = renderText([finding({ pos: { file, line: 2, column: 7 } })], dir, new Map([[file, text]]));
    for (const line of out.split('\n')) {
      assert.doesNotMatch(line, /[\u0000-\u0008\u000b-\u001f\u007f]/, JSON.stringify(line));
      assert.ok(!line.trimStart().startsWith('::'), line);
    }
    const frame = out.split('\n').filter((l) => l.includes(' | '));
    assert.equal(frame[0], '      2 |   "\\x1b\\x1b": bad');
    // Column 7 is the `:` after the two ESC bytes and the quote (each ESC shown as 4 characters).
    assert.equal(
      frame[1]!.indexOf('^') - frame[1]!.indexOf('|') - 2,
      frame[0]!.indexOf(':') - frame[0]!.indexOf('|') - 2,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('json and sarif hold the escaped text; no pretty-printed line starts with data', () => {
  const json = renderJson([finding()], cwd);
  const parsed = JSON.parse(json).findings[0];
  assert.equal(parsed.service, 'x\\r\\n::add-mask::leak');
  assert.equal(parsed.message, 'service "x\\r\\n::add-mask::leak" uses 100% \\x1b[2J::error::pwned');
  const sarif = renderSarif([finding()], RULES, cwd);
  assert.equal(
    JSON.parse(sarif).runs[0].results[0].message.text,
    'service "x\\r\\n::add-mask::leak" uses 100% \\x1b[2J::error::pwned\nFix: Pin it, a,b:c',
  );
  for (const out of [json, sarif]) {
    assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    for (const line of out.split('\n')) assert.ok(!line.trimStart().startsWith('::'), line);
  }
});

test('markdown: one table row per finding with five cells, no HTML from data', () => {
  const out = renderMarkdown(
    [finding({ message: 'a | b <script>x</script> `c` [l](http://e)', service: 's' })],
    cwd,
  );
  const rows = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'));
  assert.equal(rows.length, 1);
  // The row's own separators only: 6 pipes for 5 cells.
  assert.equal(rows[0]!.split('|').length - 1, 6);
  assert.doesNotMatch(rows[0]!, /<script|\[l\]|`c`/);
  assert.match(rows[0]!, /<code>compose\.yaml:3<\/code>/);
});
