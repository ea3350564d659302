// The orchestration of `run` with the speed-test phase injected (FAKE client, clearly not the product's):
// it proves what run hands the speed-test phase (URL through the proxy, the configured certificate as CA,
// SNI and Host) and that the result lands in the report. The real client is tested by its own suite.
import assert from 'node:assert/strict';
import https from 'node:https';
import { test } from 'node:test';
import { stackCommand } from '../../src/cli/commands/stack.js';
import type { SpeedtestOptions, SpeedtestResult } from '../../src/stack/speedtest-port.js';
import { example, forceDown, leftovers } from './stack-helpers.js';

test('run hands the injected speed test the proxied URL with the served certificate as CA; its result is reported', async () => {
  const ex = await example('inject');
  const seen: SpeedtestOptions[] = [];
  const fakeSpeedtest = async (o: SpeedtestOptions): Promise<SpeedtestResult> => {
    seen.push(o);
    // A real request with verification on: it only succeeds if url, ca and servername fit together.
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.get(
        o.url,
        { ca: o.ca, servername: o.servername, headers: o.headers, agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
    });
    assert.equal(status, 200);
    return {
      downloadMbps: 1,
      uploadMbps: 2,
      pingMs: 3,
      jitterMs: 4,
      rawDownloadMbps: 0.9,
      rawUploadMbps: 1.9,
      layout: 'php',
      bytesDown: 10,
      bytesUp: 20,
      seconds: 1,
    };
  };
  let stdout = '';
  let stderr = '';
  try {
    const code = await stackCommand('run', fakeSpeedtest)(
      ['-C', ex.dir, '--project-name', ex.project, '--json'],
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        cwd: ex.dir,
        env: { ...process.env, ...ex.env },
      },
    );
    assert.equal(code, 0, stderr);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.url, `https://127.0.0.1:${ex.httpsPort}/`);
    assert.equal(seen[0]!.servername, 'localhost');
    assert.match(seen[0]!.ca ?? '', /BEGIN CERTIFICATE/);
    assert.equal(seen[0]!.insecure, undefined);
    const report = JSON.parse(stdout);
    assert.equal(report.speedtest.uploadMbps, 2);
    assert.equal(report.down.ok, true);

    // --no-speedtest: the phase is not called at all.
    stdout = '';
    const code2 = await stackCommand('run', fakeSpeedtest)(
      ['-C', ex.dir, '--project-name', ex.project, '--json', '--no-speedtest'],
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        cwd: ex.dir,
        env: { ...process.env, ...ex.env },
      },
    );
    assert.equal(code2, 0, stderr);
    assert.equal(seen.length, 1);
    assert.ok('skipped' in JSON.parse(stdout).speedtest);
    assert.deepEqual(await leftovers(ex.project), []);
  } finally {
    await forceDown(ex);
    ex.cleanup();
  }
});
