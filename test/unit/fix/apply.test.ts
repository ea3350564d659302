import assert from 'node:assert/strict';
import fs, { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mock, test } from 'node:test';
import { InputError } from '../../../src/core/errors.js';
import type { Finding, TextEdit } from '../../../src/core/finding.js';
import { planFixes, verifyYaml, writeFixes } from '../../../src/fix/apply.js';
import { lossyOffsetsToBytes } from '../../../src/fix/source.js';

function finding(rule: string, edits: TextEdit[]): Finding {
  return {
    rule,
    severity: 'warning',
    message: rule,
    pos: { file: edits[0]!.file, line: 1, column: 1 },
    fix: { description: rule, edits },
  };
}

function withDirs(fn: (root: string, outside: string) => void): void {
  const base = mkdtempSync(path.join(tmpdir(), 'sg-fix-apply-'));
  try {
    mkdirSync(path.join(base, 'root'));
    mkdirSync(path.join(base, 'outside'));
    fn(path.join(base, 'root'), path.join(base, 'outside'));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const DELETE_VERSION = { path: ['version'], op: 'delete' as const };

test('verifyYaml: accepts the intended change, rejects lost values and broken files', () => {
  const before = 'version: "3"\nservices:\n  a: {image: x}\n';
  assert.deepEqual(verifyYaml(before, 'services:\n  a: {image: x}\n', [DELETE_VERSION]), { ok: true });
  assert.equal(verifyYaml(before, '', [DELETE_VERSION]).ok, false);
  assert.match(
    JSON.stringify(verifyYaml(before, 'services:\n  a: {image: y}\n', [DELETE_VERSION])),
    /change other values/,
  );
  assert.match(JSON.stringify(verifyYaml(before, 'services: [\n', [DELETE_VERSION])), /would not parse/);
  const deps = 'services:\n  a:\n    depends_on: [b, c]\n';
  const extend = { path: ['services', 'a', 'depends_on'], op: 'extend' as const };
  assert.deepEqual(verifyYaml(deps, 'services:\n  a:\n    depends_on: [b, c, d]\n', [extend]), { ok: true });
  assert.match(
    JSON.stringify(verifyYaml(deps, 'services:\n  a:\n    depends_on: [b, d]\n', [extend])),
    /keep its entries/,
  );
});

test('planFixes: an edit to a file outside the root is refused, and writeFixes writes nothing', () => {
  withDirs((root, outside) => {
    const inside = path.join(root, 'compose.yaml');
    const away = path.join(outside, 'x.conf');
    writeFileSync(inside, 'version: "3"\nservices: {}\n');
    writeFileSync(away, 'events {}\n');
    const plan = planFixes(
      [
        finding('r1', [{ file: inside, start: 0, end: 13, text: '', yaml: DELETE_VERSION }]),
        finding('r2', [{ file: away, start: 0, end: 0, text: '# x\n' }]),
      ],
      root,
    );
    assert.equal(plan.files.size, 1, 'the inside file is planned');
    assert.deepEqual(
      plan.refused.map((r) => r.why),
      ['it is outside the project root (a bind source or symlink that leaves it)'],
    );
    assert.throws(() => writeFixes(plan), InputError);
    assert.equal(readFileSync(inside, 'utf8'), 'version: "3"\nservices: {}\n');
    assert.equal(readFileSync(away, 'utf8'), 'events {}\n');
  });
});

test('planFixes: a YAML edit that would change another value declines every finding editing that file', () => {
  withDirs((root) => {
    const compose = path.join(root, 'compose.yaml');
    const conf = path.join(root, 'default.conf');
    writeFileSync(compose, 'version: "3"\nservices:\n  a: {image: x}\n');
    writeFileSync(conf, 'events {}\n');
    const bad = finding('bad', [{ file: compose, start: 0, end: 30, text: '', yaml: DELETE_VERSION }]);
    const good = finding('good', [{ file: compose, start: 0, end: 13, text: '', yaml: DELETE_VERSION }]);
    // A finding that also edits the nginx file is dropped as a whole: no half-applied fix.
    const both = finding('both', [
      { file: conf, start: 0, end: 0, text: '# a\n' },
      { file: compose, start: 0, end: 13, text: '', yaml: DELETE_VERSION },
    ]);
    const plan = planFixes([good, bad, both], root);
    assert.equal(plan.declined.length, 1);
    assert.deepEqual(plan.declined[0]!.rules, ['bad', 'both', 'good']);
    assert.equal(plan.files.size, 0);
  });
});

test('planFixes: overlapping edits are deferred and counted; spans are bytes', () => {
  withDirs((root) => {
    const conf = path.join(root, 'default.conf');
    writeFileSync(conf, 'events {} # caf\u00e9\nhttp {}\n');
    const text = readFileSync(conf, 'utf8');
    const at = text.indexOf('http');
    const plan = planFixes(
      [
        finding('a', [{ file: conf, start: at, end: at + 4, text: 'http' }]),
        finding('b', [{ file: conf, start: at + 1, end: at + 2, text: 'T' }]),
        finding('c', [{ file: conf, start: at + 7, end: at + 7, text: ' # end' }]),
      ],
      root,
    );
    assert.equal(plan.skipped, 1, 'a overlaps b, which starts later: a waits for the next run');
    const change = plan.files.get(conf)!;
    assert.equal(change.after, 'events {} # caf\u00e9\nhTtp {} # end\n');
    assert.deepEqual(
      change.spans.map((s) => s.start),
      [Buffer.byteLength(text.slice(0, at + 1)), Buffer.byteLength(text.slice(0, at + 7))],
      'spans are byte offsets (é is two bytes)',
    );
  });
});

test('writeFixes: a file changed after planning aborts before any write, leaving no temporary file', () => {
  withDirs((root) => {
    const a = path.join(root, 'a.conf');
    const b = path.join(root, 'b.conf');
    writeFileSync(a, 'events {}\n');
    writeFileSync(b, 'http {}\n');
    const plan = planFixes(
      [
        finding('a', [{ file: a, start: 0, end: 0, text: '# a\n' }]),
        finding('b', [{ file: b, start: 0, end: 0, text: '# b\n' }]),
      ],
      root,
    );
    assert.equal(plan.files.size, 2);
    writeFileSync(b, 'http { }\n');
    assert.throws(() => writeFixes(plan), /--fix wrote nothing: b\.conf changed/);
    assert.equal(readFileSync(a, 'utf8'), 'events {}\n');
    assert.deepEqual(readdirSync(root).sort(), ['a.conf', 'b.conf']);
  });
});

test('lossyOffsetsToBytes: offsets around bad bytes map to bytes; inside a surrogate pair, none', () => {
  const bytes = Buffer.concat([Buffer.from('a'), Buffer.from([0xe9]), Buffer.from('b\u{1F600}c', 'utf8')]);
  // Lossy text: "a\uFFFDb\uD83D\uDE00c"
  const map = lossyOffsetsToBytes(bytes, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(
    [...map].sort((x, y) => x[0] - y[0]),
    [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [5, 7],
      [6, 8],
    ],
  );
});

test('planFixes: a deferred overlapping YAML edit does not make the applied one fail verification', () => {
  withDirs((root) => {
    const compose = path.join(root, 'compose.yaml');
    writeFileSync(compose, 'version: "3"\nservices:\n  a: {image: x}\n');
    const deps = { path: ['services', 'a', 'depends_on'], op: 'extend' as const };
    const plan = planFixes(
      [
        finding('version', [{ file: compose, start: 0, end: 13, text: '', yaml: DELETE_VERSION }]),
        // Overlaps the deletion, so it waits for the next run; its path must not be checked now.
        finding('deps', [{ file: compose, start: 0, end: 6, text: 'X', yaml: deps }]),
      ],
      root,
    );
    assert.deepEqual(plan.declined, []);
    assert.equal(plan.skipped, 1);
    assert.equal(plan.files.get(compose)?.after, 'services:\n  a: {image: x}\n');
  });
});

test('writeFixes: when a rename fails, the files already replaced get their old bytes back', () => {
  withDirs((root) => {
    const a = path.join(root, 'a.conf');
    const b = path.join(root, 'b.conf');
    writeFileSync(a, 'events {}\n');
    writeFileSync(b, 'http {}\n');
    const plan = planFixes(
      [
        finding('a', [{ file: a, start: 0, end: 0, text: '# a\n' }]),
        finding('b', [{ file: b, start: 0, end: 0, text: '# b\n' }]),
      ],
      root,
    );
    const real = fs.renameSync;
    const renamed: string[] = [];
    const renameMock = mock.method(fs, 'renameSync', (from: string, to: string) => {
      // The second target's rename fails (a full disk, a file turned directory …); restores go through.
      if (to === b && !renamed.includes(b)) {
        renamed.push(b);
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      }
      real(from, to);
    });
    syncBuiltinESMExports();
    try {
      assert.throws(() => writeFixes(plan), /--fix could not write b\.conf .*nothing was changed/);
    } finally {
      renameMock.mock.restore();
      syncBuiltinESMExports();
    }
    assert.equal(readFileSync(a, 'utf8'), 'events {}\n', 'the first file is restored');
    assert.equal(readFileSync(b, 'utf8'), 'http {}\n');
    assert.deepEqual(readdirSync(root).sort(), ['a.conf', 'b.conf'], 'no temporary file is left');
  });
});
