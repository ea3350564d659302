// up → verify → down and run, through the CLI on the real engine, on examples/speedtest.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cli, type Example, example, forceDown, leftovers } from './stack-helpers.js';

async function withExample(label: string, fn: (ex: Example) => Promise<void>) {
  const ex = await example(label);
  try {
    await fn(ex);
  } finally {
    await forceDown(ex);
    ex.cleanup();
  }
}

test('up → verify → down on the example: probes through nginx, TLS, redirect, exposure; nothing left', async () => {
  await withExample('uvd', async (ex) => {
    const common = ['-C', ex.dir, '--project-name', ex.project, '--json'];
    const up = await cli(['up', ...common, '--timeout', '60'], ex.env);
    assert.equal(up.code, 0, up.stderr);
    const upReport = JSON.parse(up.stdout);
    assert.equal(upReport.up.ok, true);
    assert.equal(upReport.validate.errors, 0);
    assert.match(up.stderr, /generated a self-signed certificate certs\/fullchain\.pem/);
    assert.ok(existsSync(path.join(ex.dir, 'certs/privkey.pem')));
    assert.ok(existsSync(path.join(ex.dir, `.stackgate/stack/${ex.project}.json`)), 'state file written');
    assert.ok((await leftovers(ex.project)).length >= 3, 'the stack runs between up and down');

    const verify = await cli(['verify', ...common], ex.env);
    assert.equal(verify.code, 0, verify.stderr + verify.stdout);
    const v = JSON.parse(verify.stdout).verify;
    const urls = v.probes.map(
      (p: { url: string; status: number; ok: boolean }) => `${p.url} ${p.status} ${p.ok}`,
    );
    assert.deepEqual(urls.sort(), [
      `http://localhost:${ex.httpPort}/ 301 true`,
      `https://localhost:${ex.httpsPort}/ 200 true`,
    ]);
    assert.equal(v.tls.ok, true);
    assert.equal(v.tls.protocol, 'TLSv1.3');
    assert.equal(v.tls.certificates[0].matches, true);
    assert.equal(v.exposure.ok, true);
    assert.deepEqual(
      [
        ...new Set(
          v.exposure.published.map(
            (p: { service: string; hostPort: number }) => `${p.service}:${p.hostPort}`,
          ),
        ),
      ].sort(),
      [`nginx:${ex.httpPort}`, `nginx:${ex.httpsPort}`].sort(),
    );
    assert.ok(v.exposure.checked.some((c: string) => /^speedtest 8080\/tcp: no host binding/.test(c)));

    const text = await cli(['verify', '-C', ex.dir, '--project-name', ex.project], ex.env);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^  ok +https://localhost:${ex.httpsPort}/ 200 `, 'm'));
    assert.match(text.stdout, /^ {2}tls: ok \(TLSv1\.3\)$/m);
    assert.match(text.stdout, /^result: ok$/m);

    // The expected status is really checked: 204 is not what the backend answers.
    const wrong = await cli(['verify', ...common, '--expect-status', '204'], ex.env);
    assert.equal(wrong.code, 1);
    assert.equal(
      JSON.parse(wrong.stdout).verify.probes.find((p: { kind: string }) => p.kind === 'proxied').failure
        .class,
      'application',
    );

    const down = await cli(['down', ...common], ex.env);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual(await leftovers(ex.project), []);
    assert.ok(!existsSync(path.join(ex.dir, `.stackgate/stack/${ex.project}.json`)), 'state file removed');
    // A certificate that exists is never overwritten: a second up reuses it.
    const before = readFileSync(path.join(ex.dir, 'certs/fullchain.pem'), 'utf8');
    const again = await cli(['run', ...common, '--no-speedtest'], ex.env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(path.join(ex.dir, 'certs/fullchain.pem'), 'utf8'), before);
    assert.doesNotMatch(again.stderr, /generated a self-signed/);
    assert.deepEqual(await leftovers(ex.project), []);
  });
});

test('run --no-speedtest: one command, green, report file, nothing left', async () => {
  await withExample('run', async (ex) => {
    const report = path.join(ex.dir, 'report.json');
    const r = await cli(
      ['run', '-C', ex.dir, '--project-name', ex.project, '--no-speedtest', '--report', report],
      ex.env,
    );
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /^result: ok$/m);
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    assert.deepEqual(Object.keys(summary), ['validate', 'up', 'verify', 'speedtest', 'down']);
    assert.equal(summary.verify.ok, true);
    assert.equal(summary.down.ok, true);
    assert.deepEqual(await leftovers(ex.project), []);
  });
});
