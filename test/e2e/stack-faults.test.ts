// Fault injection on the real engine through the CLI: each fault gives its classified failure, the log
// line that explains it, exit 1, and nothing left behind.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';
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

const json = (stdout: string) =>
  JSON.parse(stdout) as {
    ok: boolean;
    failure?: { phase: string; kind: string; message: string; detail: string[] };
    up: { ok: boolean };
    verify?: { probes: { kind: string; failure?: { class: string; nginxLog?: string[] } }[] };
    down?: { ok: boolean; logsFile?: string };
  };

/** `run --no-speedtest --json` on the example's own copy, with extra arguments. */
const runJson = (ex: Example, ...extra: string[]) => [
  'run',
  '-C',
  ex.dir,
  '--project-name',
  ex.project,
  '--no-speedtest',
  '--json',
  ...extra,
];

/** An override file next to the example's compose.yaml. */
function override(ex: Example, yaml: string): string[] {
  writeFileSync(path.join(ex.dir, 'fault.yaml'), yaml);
  return ['--compose', 'compose.yaml', '--compose', 'fault.yaml'];
}

test('fault: the backend crashes after start → nginx 502 with its error-log line; logs kept; nothing left', async () => {
  await withExample('crash', async (ex) => {
    const common = ['-C', ex.dir, '--project-name', ex.project, '--json'];
    const up = await cli(['up', ...common], ex.env);
    assert.equal(up.code, 0, up.stderr);
    // The backend dies after the stack was verified up.
    await execa('docker', ['compose', '--project-directory', ex.dir, '-p', ex.project, 'kill', 'speedtest'], {
      env: ex.env,
    });
    const verify = await cli(['verify', ...common], ex.env);
    assert.equal(verify.code, 1);
    const probe = JSON.parse(verify.stdout).verify.probes.find((p: { kind: string }) => p.kind === 'proxied');
    assert.match(probe.failure.class, /^nginx-50[24]$/);
    assert.ok(
      probe.failure.nginxLog.some((l: string) => /\[error\].*(connect\(\) failed|upstream)/.test(l)),
      JSON.stringify(probe.failure),
    );
    const down = await cli(['down', ...common], ex.env);
    assert.equal(down.code, 0, down.stderr);
    const logsFile = JSON.parse(down.stdout).down.logsFile as string;
    assert.match(
      readFileSync(logsFile, 'utf8'),
      /speedtest-1 +\|/,
      'the failed service has its logs in the file',
    );
    assert.deepEqual(await leftovers(ex.project), []);
  });
});

test('fault: a host port already taken (a process on loopback) → named with its pid before any container', async () => {
  await withExample('port', async (ex) => {
    const squatter = net.createServer();
    await new Promise<void>((r) => squatter.listen(ex.httpsPort, '127.0.0.1', r));
    try {
      const r = await cli(
        ['run', '-C', ex.dir, '--project-name', ex.project, '--no-speedtest', '--json'],
        ex.env,
      );
      assert.equal(r.code, 1);
      const report = json(r.stdout);
      assert.equal(report.failure?.kind, 'port-taken');
      assert.match(
        report.failure!.message,
        new RegExp(
          `host port ${ex.httpsPort} \\(service nginx\\) is already taken by process ${process.pid} \\(`,
        ),
      );
      assert.deepEqual(await leftovers(ex.project), []);
    } finally {
      squatter.close();
    }
  });
});

test('fault: an nginx [emerg] with validation off → the runtime emerg line is reported; nothing left', async () => {
  await withExample('emerg', async (ex) => {
    appendFileSync(path.join(ex.dir, 'nginx/conf.d/speedtest.conf'), '\nsg_stack_bogus on;\n');
    // Proof that the input is loaded: with validation on, this stops before any container.
    const validated = await cli(
      ['run', '-C', ex.dir, '--project-name', ex.project, '--no-speedtest', '--json'],
      ex.env,
    );
    assert.equal(validated.code, 1);
    assert.equal(json(validated.stdout).failure?.kind, 'validate');
    assert.deepEqual(await leftovers(ex.project), []);

    const r = await cli(
      ['run', '-C', ex.dir, '--project-name', ex.project, '--no-speedtest', '--no-validate', '--json'],
      ex.env,
    );
    assert.equal(r.code, 1);
    const report = json(r.stdout);
    assert.equal(report.failure?.kind, 'start');
    assert.ok(
      report.failure!.detail.some((l) =>
        /\[emerg\].*unknown directive "sg_stack_bogus" in \/etc\/nginx\/conf\.d\/speedtest\.conf:\d+/.test(l),
      ),
      report.failure!.detail.join('\n'),
    );
    assert.ok(report.down?.ok && report.down.logsFile && existsSync(report.down.logsFile));
    assert.match(readFileSync(report.down.logsFile!, 'utf8'), /\[emerg\]/);
    assert.deepEqual(await leftovers(ex.project), []);
  });
});

test('fault: a slow backend (long health start period) → a timeout naming the service still starting', async () => {
  await withExample('slow', async (ex) => {
    const files = override(
      ex,
      `services:\n  speedtest:\n    healthcheck:\n      test: ["CMD-SHELL", "exit 1"]\n      interval: 1s\n      start_period: 600s\n`,
    );
    const r = await cli(runJson(ex, ...files, '--timeout', '5'), ex.env);
    assert.equal(r.code, 1);
    const report = json(r.stdout);
    assert.equal(report.failure?.kind, 'timeout', r.stdout);
    assert.match(report.failure!.message, /--timeout 5 s|not become healthy/);
    assert.ok(
      report.failure!.detail.some((l) => /^speedtest: running, starting$/.test(l)),
      report.failure!.detail.join('\n'),
    );
    assert.deepEqual(await leftovers(ex.project), []);
  });
});

test('fault: a missing image → one line naming the image, before any container', async () => {
  await withExample('image', async (ex) => {
    const r = await cli(['run', '-C', ex.dir, '--project-name', ex.project, '--no-speedtest', '--json'], {
      ...ex.env,
      SPEEDTEST_IMAGE: 'stackgate/sg-stack-missing:none',
    });
    assert.equal(r.code, 1);
    const report = json(r.stdout);
    assert.equal(report.failure?.kind, 'pull');
    assert.match(
      report.failure!.message,
      /^image stackgate\/sg-stack-missing:none \(service speedtest\) is not present locally and could not be pulled: .+$/,
    );
    assert.doesNotMatch(report.failure!.message, /\n/);
    assert.deepEqual(await leftovers(ex.project), []);
  });
});

test('fault: no Docker daemon (DOCKER_HOST on a dead socket) → one line, exit 1, no stack trace', async () => {
  await withExample('nodaemon', async (ex) => {
    const r = await cli(['run', '-C', ex.dir, '--project-name', ex.project, '--no-speedtest'], {
      ...ex.env,
      DOCKER_HOST: `unix://${path.join(ex.dir, 'sg-stack-dead.sock')}`,
    });
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /FAILED in up \[engine\]: the Docker engine at unix:\/\/.*sg-stack-dead\.sock does not answer: start dockerd \(or fix DOCKER_HOST\)/,
    );
    assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at /);
  });
});

test('fault: SIGTERM mid-run → the run is cleaned up and the exit is a failure', async () => {
  await withExample('sigterm', async (ex) => {
    // A backend that never gets healthy keeps the run inside `up` until the signal comes.
    const files = override(
      ex,
      `services:\n  speedtest:\n    healthcheck:\n      test: ["CMD-SHELL", "exit 1"]\n      interval: 1s\n      start_period: 600s\n`,
    );
    let sent = false;
    const r = await cli(
      ['run', '-C', ex.dir, ...files, '--project-name', ex.project, '--no-speedtest', '--json'],
      ex.env,
      (stderr, child) => {
        if (!sent && /speedtest-1 {2}Started/.test(stderr)) {
          sent = true;
          child.kill('SIGTERM');
        }
      },
    );
    assert.ok(sent, 'the signal was sent while up was running');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /SIGTERM received: stopping and cleaning up/);
    const report = json(r.stdout);
    assert.equal(report.failure?.kind, 'canceled');
    assert.equal(report.down?.ok, true);
    assert.deepEqual(await leftovers(ex.project), []);
  });
});

test('a one-shot job the proxy waits for (service_completed_successfully): exit 0 → green; exit 3 → named, nothing left', async () => {
  await withExample('job', async (ex) => {
    const job = (code: number) =>
      override(
        ex,
        `services:\n  migrate:\n    image: \${SPEEDTEST_IMAGE}\n    entrypoint: ["sh", "-c", "exit ${code}"]\n    healthcheck: {disable: true}\n    networks: [edge]\n  nginx:\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n`,
      );
    const green = await cli(runJson(ex, ...job(0)), ex.env);
    assert.equal(green.code, 0, green.stdout + green.stderr);
    // The job ran in its own wave before the proxy's, and the proxy's wave waited for its exit.
    assert.match(green.stderr, /up: waiting for [^\n]*migrate completed/);
    // Created beside the wait, started by the engine once the gate opened.
    assert.match(green.stderr, /up: docker compose -p \S+ up --no-start --no-deps nginx\n/);
    assert.match(green.stderr, /up: docker start \S+-nginx-1\n/);
    assert.deepEqual(await leftovers(ex.project), []);

    const red = await cli(runJson(ex, ...job(3)), ex.env);
    assert.equal(red.code, 1);
    const report = json(red.stdout);
    assert.equal(report.failure?.kind, 'start', red.stdout);
    assert.equal(report.failure?.message, 'migrate exited (exit 3)');
    assert.doesNotMatch(red.stderr, /up: docker start/, 'the proxy was never started');
    assert.ok(!report.failure!.detail.includes('event: nginx start'), report.failure!.detail.join('\n'));
    assert.deepEqual(await leftovers(ex.project), []);
  });
});
