// The root composite's verify and speedtest step outputs, set by the composite-report entry from the JSON
// the CLI steps wrote (action.yml): run as the runner runs it, INPUT_* in, GITHUB_OUTPUT out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../../src/entries/composite-report.js', import.meta.url));

/** The outputs a run of the entry wrote, by name, in the order written. */
function run(step: string, files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-composite-outputs-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const output = path.join(dir, 'github-output');
    writeFileSync(output, '');
    const r = spawnSync(process.execPath, [ENTRY], {
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, 'INPUT_PHASES-DIR': dir, INPUT_STEP: step },
      encoding: 'utf8',
    });
    const outputs: [string, string][] = [];
    for (const m of readFileSync(output, 'utf8').matchAll(
      /^([\w-]+)<<(ghadelimiter_[-0-9a-f]+)\n(.*?)\n?\2$/gms,
    ))
      outputs.push([m[1]!, m[3]!]);
    return { status: r.status, stdout: r.stdout, outputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const probe = (kind: string, url: string) => ({ kind, url, host: 'a.test', where: 'x', ok: true, ms: 1 });

test('verify: the first proxied URL, and the same URL on loopback for the speed test', () => {
  const verify = {
    ok: true,
    probes: [
      probe('redirect', 'http://a.test:8080/'),
      probe('proxied', 'https://a.test:8443/app/?q=1'),
      probe('proxied', 'https://b.test:8443/'),
    ],
  };
  // verify --json prints its result under `verify`.
  const r = run('verify', { 'verify.json': JSON.stringify({ verify }) });
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(r.outputs, [
    ['url', 'https://a.test:8443/app/?q=1'],
    ['speedtest-url', 'https://127.0.0.1:8443/app/?q=1'],
  ]);
  // An IPv6 literal host, and a bare result without the `verify` key.
  const v6 = run('verify', {
    'verify.json': JSON.stringify({ ok: true, probes: [probe('proxied', 'http://[::1]:8080/')] }),
  });
  assert.deepEqual(v6.outputs, [
    ['url', 'http://[::1]:8080/'],
    ['speedtest-url', 'http://127.0.0.1:8080/'],
  ]);
  // Nothing proxied: both empty, so the composite's speed test step does not run.
  const none = run('verify', { 'verify.json': JSON.stringify({ verify: { ok: false, probes: [] } }) });
  assert.deepEqual(none.outputs, [
    ['url', ''],
    ['speedtest-url', ''],
  ]);
});

test('speedtest: the four numbers as measured, empty when it did not run', () => {
  const measured = {
    downloadMbps: 912.34,
    uploadMbps: 456.7,
    pingMs: 0.25,
    jitterMs: 0,
    rawDownloadMbps: 860.7,
    seconds: 3,
  };
  const r = run('speedtest', { 'speedtest.json': JSON.stringify(measured) });
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(r.outputs, [
    ['download-mbps', '912.34'],
    ['upload-mbps', '456.7'],
    ['ping-ms', '0.25'],
    ['jitter-ms', '0'],
  ]);
  const skipped = run('speedtest', { 'speedtest.json': JSON.stringify({ skipped: 'no client' }) });
  assert.deepEqual(
    skipped.outputs.map(([, v]) => v),
    ['', '', '', ''],
  );
});

test('a bad step or an unreadable phase file fails the step in one line', () => {
  const bad = run('deploy', {});
  assert.equal(bad.status, 1);
  assert.match(
    bad.stdout,
    /^::error::stackgate report: input "step" must be one of verify, speedtest, report/m,
  );
  const broken = run('verify', { 'verify.json': '{"verify": ' });
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, /^::error::stackgate verify: .*JSON/m);
  assert.deepEqual(broken.outputs, []);
});
