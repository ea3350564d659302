import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoCrash, validateJson, where, withProject } from './perf-helpers.js';

const DEPTH = 10_000;

/** services s0 … s{n-1}, each depending on (or extending) the next; `closeTo` makes the last point back. */
function chain(kind: 'depends_on' | 'extends', n: number, closeTo?: number): string {
  const lines = ['services:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  s${i}:`);
    const next = i + 1 < n ? i + 1 : closeTo;
    if (kind === 'depends_on') {
      lines.push('    image: app:1');
      if (next !== undefined) lines.push(`    depends_on: [s${next}]`);
    } else if (next !== undefined) lines.push(`    extends: s${next}`);
    else lines.push('    image: app:1');
  }
  return `${lines.join('\n')}\n`;
}

describe('hostile: chains 10,000 deep', () => {
  it('a depends_on chain 10,000 deep validates without a crash and with no finding', async () => {
    await withProject({ 'compose.yaml': chain('depends_on', DEPTH) }, async (dir) => {
      const r = await validateJson(dir);
      assertNoCrash(r);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.findings.map(where), []);
      // The negative result means something only if the chain was loaded: its twin with a cycle finds it.
    });
  });

  it('the same chain closed into a cycle is reported once, at the depends_on that closes it', async () => {
    await withProject({ 'compose.yaml': chain('depends_on', DEPTH, 0) }, async (dir) => {
      const r = await validateJson(dir);
      assertNoCrash(r);
      const cycles = r.findings.filter((f) => f.message.startsWith('dependency cycle detected'));
      assert.equal(cycles.length, 1);
      // s9999 is at line 1 + 3 * 9999 + 1; its depends_on item is two lines below.
      assert.equal(`${cycles[0]!.file}:${cycles[0]!.line}`, `compose.yaml:${3 * (DEPTH - 1) + 4}`);
      assert.match(cycles[0]!.message, /^dependency cycle detected: s0 -> s1 -> .* -> s9999 -> s0$/);
    });
  });

  it('an extends chain 10,000 deep in one file resolves: the first service gets the last one image', async () => {
    await withProject({ 'compose.yaml': chain('extends', DEPTH) }, async (dir) => {
      const r = await validateJson(dir, ['--format', 'json']);
      assertNoCrash(r);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.findings.map(where), []);
      // An unpinned base image shows it reached every service: one note per service.
      const unpinned = chain('extends', DEPTH).replace('image: app:1', 'image: app');
      await withProject({ 'compose.yaml': unpinned }, async (dir2) => {
        const r2 = await validateJson(dir2);
        assertNoCrash(r2);
        assert.equal(r2.findings.filter((f) => f.rule === 'image-unpinned').length, DEPTH);
      });
    });
  });

  it('an extends cycle 10,000 deep is one compose-invalid finding at the extends that closes it', async () => {
    await withProject({ 'compose.yaml': chain('extends', DEPTH, 0) }, async (dir) => {
      const r = await validateJson(dir);
      assertNoCrash(r);
      const cycles = r.findings.filter((f) => f.message.startsWith('circular reference with extends'));
      assert.deepEqual(
        cycles.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`),
        ['compose.yaml:3:5 compose-invalid'],
      );
      assert.match(cycles[0]!.message, /: s0 -> s1 -> .* -> s9999 -> s0$/);
    });
  });
});
