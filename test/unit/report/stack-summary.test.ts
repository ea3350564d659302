// The short run report: compositeReport (the root composite's output, from each CLI step's --json) and
// summaryReport (run --report, the stack action's output), which builds on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CompositePhases, compositeReport, summaryReport } from '../../../src/report/stack.js';
import type { RunReport } from '../../../src/stack/run.js';

const verify = {
  ok: false,
  seconds: 1.2,
  probes: [
    { url: 'https://a.test/', host: 'a.test', kind: 'proxied', where: 'x', status: 200, ok: true, ms: 4 },
    { url: 'http://a.test/', host: 'a.test', kind: 'redirect', where: 'x', ok: false, ms: 9 },
  ],
  exposure: {
    ok: true,
    published: [{ service: 'proxy', hostIp: '', hostPort: 8443, containerPort: 443 }],
    problems: [],
    checked: [],
  },
  tls: { ok: true, protocol: 'TLSv1.3', certificates: [] },
} as unknown as NonNullable<RunReport['verify']>;

const speed = {
  downloadMbps: 900.5,
  uploadMbps: 800.25,
  pingMs: 0.4,
  jitterMs: 0.1,
  rawDownloadMbps: 849.5,
  rawUploadMbps: 755,
  layout: 'speedtest-go',
  bytesDown: 1,
  bytesUp: 1,
} as unknown as CompositePhases['speedtest'];

const expectedVerify = {
  ok: false,
  probes: [
    { url: 'https://a.test/', status: 200, ok: true },
    { url: 'http://a.test/', status: null, ok: false },
  ],
  exposure: { ok: true, published: ['proxy *:8443->443'] },
  tls: { ok: true, protocol: 'TLSv1.3' },
};

/** The short form of every phase above, up taking `upSeconds`. */
const expectedShort = (upSeconds: number) => ({
  validate: { errors: 1, warnings: 2, notes: 3 },
  up: { ok: true, seconds: upSeconds },
  verify: expectedVerify,
  speedtest: { downloadMbps: 900.5, uploadMbps: 800.25, pingMs: 0.4, jitterMs: 0.1 },
  down: { ok: true },
});

test('compositeReport: every phase short, exactly these keys', () => {
  const out = compositeReport({
    // Extra keys a step may print (skipped, seconds) do not reach the output.
    validate: { errors: 1, warnings: 2, notes: 3, skipped: false } as CompositePhases['validate'],
    up: { ok: true, seconds: 2.5 },
    verify,
    speedtest: speed,
    down: { ok: true, logsFile: 'logs.txt' } as CompositePhases['down'],
  });
  assert.deepEqual(out, expectedShort(2.5));
});

test('compositeReport: a phase that did not run is null; a skipped speed test says why', () => {
  const none = { validate: null, up: null, verify: null, speedtest: null, down: null };
  assert.deepEqual(compositeReport(none), none);
  // verify printed alone, from an older build without exposure and TLS.
  const older = compositeReport({
    ...none,
    verify: { ok: true, probes: [] },
    speedtest: { skipped: 'no published proxied location to test through' },
  });
  assert.deepEqual(older.verify, { ok: true, probes: [], exposure: null, tls: null });
  assert.deepEqual(older.speedtest, { skipped: 'no published proxied location to test through' });
});

test('summaryReport: compositeReport of one run, up rounded, a missing speed test and down said so', () => {
  const run = {
    ok: false,
    validate: { errors: 1, warnings: 2, notes: 3, skipped: false },
    up: { ok: true, seconds: 2.34567 },
    verify,
    speedtest: speed,
    down: { ok: true, logsFile: 'logs.txt' },
    failure: { phase: 'verify', kind: 'probe', message: 'http://a.test/ failed', detail: [] },
  } as unknown as RunReport;
  const out = summaryReport(run);
  const { failure, ...phases } = out;
  assert.deepEqual(phases, expectedShort(2.35));
  assert.deepEqual(Object.keys(out), ['validate', 'up', 'verify', 'speedtest', 'down', 'failure']);
  assert.deepEqual(failure, run.failure);
  // A run that stopped early: no speed test and no down, which compositeReport would call null.
  const { verify: _v, speedtest: _s, down: _d, ...stoppedEarly } = run;
  const early = summaryReport(stoppedEarly);
  assert.equal(early.verify, null);
  assert.deepEqual(early.speedtest, { skipped: 'not run' });
  assert.deepEqual(early.down, { ok: false });
});
