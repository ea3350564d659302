import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderRunMarkdown } from '../../../src/report/stack.js';
import type { RunReport } from '../../../src/stack/run.js';

const report = (downloadMbps: number, uploadMbps: number): RunReport =>
  ({
    ok: true,
    validate: { errors: 0, warnings: 0, notes: 0, skipped: false },
    up: { ok: true, seconds: 3 },
    speedtest: { downloadMbps, uploadMbps, pingMs: 1.5, jitterMs: 0.2, layout: 'speedtest-go' },
  }) as unknown as RunReport;

test('the throughput chart starts at 0 and leaves headroom above the larger bar', () => {
  const md = renderRunMarkdown(report(1977.4, 3823.2));
  assert.match(md, /\| 1977\.4 Mbit\/s \| 3823\.2 Mbit\/s \| 1\.5 ms \| 0\.2 ms \|/);
  assert.match(md, /^ {2}bar \[1977\.4, 3823\.2\]$/m);
  const axis = md.match(/^ {2}y-axis "Mbit\/s" (\d+) --> (\d+)$/m);
  assert.ok(axis, md);
  assert.equal(Number(axis[1]), 0);
  assert.ok(Number(axis[2]) > 3823.2 && Number(axis[2]) < 3823.2 * 1.2, axis[2]);
  // A run that measured nothing still gets a valid axis (a 0 --> 0 range renders no chart).
  assert.match(renderRunMarkdown(report(0, 0)), /y-axis "Mbit\/s" 0 --> [1-9]/);
});
