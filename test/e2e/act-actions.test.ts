import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { TAG_ENV } from '../../src/aws/desired.js';
import { ec2For, type Moto, seedAmiParameter, startMoto, TEST_CREDENTIALS } from './aws-moto.js';

// The actions as a runner runs them: nektos/act in host mode, offline (REFERENCE.md §8.1), over the
// project's own workflow test/workflows/uses-local-actions.yml. act copies the working tree for the
// same-repository actions/checkout, so the actions run from this tree's dist/ (make build first).
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tools = path.join(repo, '.tools/bin');
const workflow = 'test/workflows/uses-local-actions.yml';

// scripts/install-linters.sh (make lint-actions) installs act; in CI a missing act is a failure.
const missing = existsSync(path.join(tools, 'act'))
  ? false
  : 'act is not installed: run scripts/install-linters.sh';
const skip = missing && process.env.CI !== 'true' ? missing : false;

interface LogLine {
  msg?: string;
  stepID?: string[];
  stepResult?: string;
  command?: string;
  kvPairs?: Record<string, string>;
  arg?: string;
}

interface ActRun {
  status: number | null;
  log: LogLine[];
  /** What the job's record step wrote: the step outcome and the action's outputs. */
  recorded: {
    outcome: string;
    node?: string;
    outputs: Record<string, string>;
    plan?: Record<string, string>;
    profileMode?: string;
    running?: number;
  };
  out: string;
}

interface ActOptions {
  /** The tree act runs in (default: this repository). */
  cwd?: string;
  workflow?: string;
  env?: Record<string, string>;
}

/** Runs one job of a workflow; `inspect` reads the files the job recorded before they are removed. */
function act(job: string, inspect: (run: ActRun) => void, opts: ActOptions = {}): void {
  const out = mkdtempSync(path.join(tmpdir(), 'sg-action-act-out-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'sg-action-act-cache-'));
  try {
    const r = spawnSync(
      path.join(tools, 'act'),
      [
        'push',
        '-W',
        opts.workflow ?? workflow,
        '-j',
        job,
        '-P',
        'ubuntu-latest=-self-hosted',
        '--no-cache-server',
        '--action-offline-mode',
        '--action-cache-path',
        cache,
        '--env',
        `SG_ACT_OUT=${out}`,
        ...Object.entries(opts.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
        '--json',
      ],
      {
        cwd: opts.cwd ?? repo,
        // act runs node actions and run: steps with the node on PATH: Node 24 from .tools/bin.
        env: { ...process.env, PATH: `${tools}:${process.env.PATH}` },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const log: LogLine[] = [];
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        log.push(JSON.parse(line) as LogLine);
      } catch {
        // a step's own output that happens to start with "{"
      }
    }
    const recordedFile = path.join(out, `${job}.json`);
    assert.ok(existsSync(recordedFile), `job ${job} recorded nothing; act said:\n${r.stdout}\n${r.stderr}`);
    const recorded = JSON.parse(readFileSync(recordedFile, 'utf8'));
    inspect({ status: r.status, log, recorded, out });
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

/** What act printed, as a person reads it: for failure messages. */
function transcript(log: LogLine[]): string {
  return log.map((l) => (l.msg ?? '').trimEnd()).join('\n');
}

/** The result act logged for a step inside the composite `sg` (undefined when it never ran). */
function stepResult(log: LogLine[], id: string[]): string | undefined {
  return log.find((l) => l.stepResult && JSON.stringify(l.stepID) === JSON.stringify(id))?.stepResult;
}

describe('the actions in a runner emulator (act, host mode, offline)', { skip }, () => {
  test('uses: ./ on the bundled example: green, outputs set, SARIF and report written', () => {
    act('example', ({ status, log, recorded, out }) => {
      assert.equal(status, 0, transcript(log));
      assert.equal(recorded.node?.split('.')[0], 'v24', 'act must run the action on Node 24');
      assert.equal(recorded.outcome, 'success');
      assert.deepEqual(
        [recorded.outputs.errors, recorded.outputs.warnings, recorded.outputs.notes],
        ['0', '0', '0'],
      );
      // The validate phase ran the sub-action's own entry point, once.
      assert.equal(stepResult(log, ['sg', 'validate']), 'success');
      assert.match(recorded.outputs['sarif-file'] ?? '', /example\.sarif$/);
      const sarif = JSON.parse(readFileSync(path.join(out, 'example.sarif'), 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].tool.driver.name, 'stackgate');
      assert.deepEqual(sarif.runs[0].results, []);
      // up: false: no stack step ran, and the report holds the validate phase alone.
      for (const phase of ['stack-args', 'up', 'verify', 'speedtest', 'down'])
        assert.equal(stepResult(log, ['sg', phase]), undefined, `${phase} must not run with up: false`);
      const report = JSON.parse(recorded.outputs.report ?? '');
      assert.deepEqual(report, {
        validate: { errors: 0, warnings: 0, notes: 0 },
        up: null,
        verify: null,
        speedtest: null,
        down: null,
      });
    });
  });

  test('uses: ./ on the seed: red, stopped by validate before any stack step', () => {
    act('seed', ({ status, log, recorded }) => {
      assert.notEqual(status, 0);
      assert.equal(recorded.outcome, 'failure');
      assert.equal(recorded.outputs.errors, '3');
      assert.equal(stepResult(log, ['sg', 'validate']), 'failure');
      // up, verify, speedtest and down were asked for, but validate stopped the run: nothing started.
      for (const phase of ['stack-args', 'up', 'verify', 'speedtest', 'down'])
        assert.equal(
          stepResult(log, ['sg', phase]),
          undefined,
          `${phase} must not run after validate failed`,
        );
      assert.equal(stepResult(log, ['sg', 'report']), 'success');
      const report = JSON.parse(recorded.outputs.report ?? '');
      assert.deepEqual(report, {
        validate: { errors: 3, warnings: 4, notes: 5 },
        up: null,
        verify: null,
        speedtest: null,
        down: null,
      });
      // The findings reached the runner as annotations, at their file and line.
      const annotations = log.filter((l) => l.command === 'error' && l.kvPairs?.title);
      assert.ok(
        // Under load act's log has been seen to drop one of the three, so any error finding at its
        // project file and line proves the path (the count of errors is asserted above).
        annotations.some(
          (a) =>
            /^stackgate (proxy-config-not-mounted|tls-file-missing)$/.test(a.kvPairs?.title ?? '') &&
            // Named from the workspace, as GitHub maps annotations onto the checkout.
            ['examples/seed/docker-compose.yml', 'examples/seed/default.conf'].includes(
              a.kvPairs?.file ?? '',
            ) &&
            /^\d+$/.test(a.kvPairs?.line ?? ''),
        ),
        JSON.stringify(annotations.map((a) => a.kvPairs)),
      );
    });
  });

  test('uses: ./validate with SARIF: the file is written once, with every finding', () => {
    act('validate', ({ status, recorded, out }) => {
      assert.equal(status, 0);
      assert.equal(recorded.outcome, 'success', 'fail-on: never');
      assert.deepEqual(
        [recorded.outputs.errors, recorded.outputs.warnings, recorded.outputs.notes],
        ['3', '4', '5'],
      );
      assert.match(recorded.outputs['sarif-file'] ?? '', /seed\.sarif$/);
      const sarif = JSON.parse(readFileSync(path.join(out, 'validate.sarif'), 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].results.length, 12);
      assert.ok(
        sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'proxy-config-not-mounted'),
      );
    });
  });
});

describe('the composite passes aws-action through to the aws bundle (moto on loopback)', { skip }, () => {
  let moto: Moto;
  before(async () => {
    moto = await startMoto();
    await seedAmiParameter(moto.endpoint);
  });
  after(async () => moto?.stop());

  test('aws-action: plan, then apply: outputs pass through, the resources exist, the profile is 0600', async () => {
    const name = 'sg-actions-composite';
    let recordedVpc = '';
    act(
      'aws',
      ({ status, log, recorded }) => {
        assert.equal(status, 0, transcript(log));
        assert.equal(recorded.outcome, 'success');
        assert.equal(stepResult(log, ['plan', 'aws']), 'success');
        assert.equal(stepResult(log, ['apply', 'aws']), 'success');
        // The stack phases were off: only aws and the report ran.
        assert.equal(stepResult(log, ['apply', 'validate']), undefined);
        const plan = recorded.plan as Record<string, string>;
        assert.equal(plan['aws-drift'], 'true');
        const changes = JSON.parse(plan['aws-changes'] ?? '[]') as { action: string; type: string }[];
        assert.ok(
          changes.some((c) => c.action === 'create' && c.type === 'vpc'),
          plan['aws-changes'],
        );
        const o = recorded.outputs;
        assert.match(o['aws-vpc-id'] ?? '', /^vpc-/);
        assert.match(o['aws-instance-id'] ?? '', /^i-/);
        assert.match(o['aws-client-config-path'] ?? '', new RegExp(`${name}\\.ovpn$`));
        assert.equal(recorded.profileMode, '600');
        recordedVpc = o['aws-vpc-id'] ?? '';
      },
      {
        env: {
          SG_AWS_NAME: name,
          SG_AWS_ENDPOINT: moto.endpoint,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        },
      },
    );
    // The VPC the composite reported is the one moto holds, tagged for the environment.
    const ec2 = ec2For(moto.endpoint);
    try {
      const vpcs = await ec2.send(
        new DescribeVpcsCommand({ Filters: [{ Name: `tag:${TAG_ENV}`, Values: [name] }] }),
      );
      assert.deepEqual(
        (vpcs.Vpcs ?? []).map((v) => v.VpcId),
        [recordedVpc],
      );
    } finally {
      ec2.destroy();
    }
  });
});

/** A copy of the action whose dist/cli/index.js is the recording CLI double (test/e2e/doubles/). */
function withCliDouble(fn: (tree: string) => void): void {
  const tree = mkdtempSync(path.join(tmpdir(), 'sg-action-tree-'));
  try {
    for (const p of ['action.yml', 'validate', 'dist', 'examples/speedtest', 'test/workflows'])
      cpSync(path.join(repo, p), path.join(tree, p), { recursive: true });
    rmSync(path.join(tree, 'examples/speedtest/certs'), { recursive: true, force: true });
    cpSync(path.join(repo, 'lib/test/e2e/doubles/cli-recorder.js'), path.join(tree, 'dist/cli/index.js'));
    fn(tree);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

function cliCalls(out: string): string[][] {
  return readFileSync(path.join(out, 'cli-calls.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { argv: string[] }).argv);
}

describe("the composite's stack steps, against a recording double of the CLI contract", { skip }, () => {
  const stackWorkflow = 'test/workflows/composite-stack-steps.yml';

  test('validate → up → verify → speed test → down: one project, every input passed once', () => {
    withCliDouble((tree) =>
      act(
        'stack',
        ({ status, log, recorded, out }) => {
          assert.equal(status, 0, transcript(log));
          assert.equal(recorded.outcome, 'success');
          assert.equal(stepResult(log, ['sg', 'validate']), 'success');
          const calls = cliCalls(out);
          assert.deepEqual(
            calls.map((c) => c[0]),
            ['up', 'verify', 'speedtest', 'down'],
          );
          const [up, verify, speedtest, down] = calls as [string[], string[], string[], string[]];
          const project = up[up.indexOf('--project-name') + 1];
          assert.match(project ?? '', /^sg-stack-\d+-\d+-\d+$/);
          const shared = [
            '-C',
            'examples/speedtest',
            '--project-name',
            project,
            '--timeout',
            '60',
            '--compose',
            'compose.yaml',
            '--profile',
            'with space',
            '--profile',
            'second',
          ];
          assert.deepEqual(up, ['up', ...shared, '--tls', 'auto', '--json']);
          assert.deepEqual(verify, ['verify', ...shared, '--expect-status', '200', '--json']);
          // The verified location, on loopback: its server_name need not resolve in the runner.
          assert.deepEqual(speedtest, ['speedtest', 'https://127.0.0.1:8443/speed/', '--insecure', '--json']);
          assert.deepEqual(down, ['down', ...shared, '--json']);
          assert.equal(recorded.outputs.url, 'https://localhost:8443/speed/');
          assert.deepEqual(
            ['download-mbps', 'upload-mbps', 'ping-ms', 'jitter-ms'].map((k) => recorded.outputs[k]),
            ['812.5', '640.25', '0.42', '0.07'],
          );
          // The report has the shape of issue 7's demo report, one key per phase.
          const report = JSON.parse(recorded.outputs.report ?? '');
          assert.deepEqual(Object.keys(report), ['validate', 'up', 'verify', 'speedtest', 'down']);
          assert.deepEqual(report.validate, { errors: 0, warnings: 0, notes: 0 });
          assert.deepEqual(report.up, { ok: true, seconds: 1.5 });
          assert.deepEqual(report.verify, {
            ok: true,
            probes: [{ url: 'https://localhost:8443/speed/', status: 200, ok: true }],
            exposure: null,
            tls: null,
          });
          assert.deepEqual(report.speedtest, {
            downloadMbps: 812.5,
            uploadMbps: 640.25,
            pingMs: 0.42,
            jitterMs: 0.07,
          });
          assert.deepEqual(report.down, { ok: true });
        },
        { cwd: tree, workflow: stackWorkflow, env: { SG_SPEEDTEST: 'true' } },
      ),
    );
  });

  test('a failed verify skips the speed test, still runs down, keeps the url, and fails the step', () => {
    withCliDouble((tree) =>
      act(
        'stack',
        ({ status, log, recorded, out }) => {
          assert.notEqual(status, 0);
          assert.equal(recorded.outcome, 'failure');
          assert.equal(stepResult(log, ['sg', 'verify']), 'failure');
          assert.equal(stepResult(log, ['sg', 'speedtest']), undefined);
          assert.equal(stepResult(log, ['sg', 'down']), 'success');
          assert.deepEqual(
            cliCalls(out).map((c) => c[0]),
            ['up', 'verify', 'down'],
          );
          assert.equal(recorded.outputs.url, 'https://localhost:8443/speed/');
          assert.equal(recorded.outputs['download-mbps'], '');
          const report = JSON.parse(recorded.outputs.report ?? '');
          assert.equal(report.verify.probes[0].status, 502);
          assert.equal(report.speedtest, null);
          assert.deepEqual(report.down, { ok: true });
        },
        { cwd: tree, workflow: stackWorkflow, env: { SG_SPEEDTEST: 'true', SG_DOUBLE_VERIFY_FAIL: '1' } },
      ),
    );
  });

  test('speedtest: false runs no speed test', () => {
    withCliDouble((tree) =>
      act(
        'stack',
        ({ status, recorded, out }) => {
          assert.equal(status, 0);
          assert.deepEqual(
            cliCalls(out).map((c) => c[0]),
            ['up', 'verify', 'down'],
          );
          assert.equal(recorded.outputs['download-mbps'], '');
        },
        { cwd: tree, workflow: stackWorkflow, env: { SG_SPEEDTEST: 'false' } },
      ),
    );
  });
});

/** Compose projects of the job's runs that still own a container, network or volume. */
function leftovers(prefix: string): string[] {
  const label = '{{.Label "com.docker.compose.project"}}';
  const found = new Set<string>();
  for (const args of [
    ['ps', '-a', '--format', label],
    ['network', 'ls', '--format', label],
    ['volume', 'ls', '--format', label],
  ]) {
    const r = spawnSync('docker', args, { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    for (const p of r.stdout.split('\n')) if (p.startsWith(prefix)) found.add(p);
  }
  return [...found];
}

/** The platform's local images (test/platform/images.env), unless the environment names others. */
function platformImages(): Record<string, string> {
  const images: Record<string, string> = {};
  for (const line of readFileSync(path.join(repo, 'test/platform/images.env'), 'utf8').split('\n')) {
    const m = /^(NGINX_IMAGE|SPEEDTEST_IMAGE)=(.+)$/.exec(line.trim());
    if (m) images[m[1] as string] = process.env[m[1] as string] ?? (m[2] as string);
  }
  return images;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the one-shot check on the real engine', { skip }, () => {
  test('uses: ./ on the bundled example: validate, up, verify, speed test, down, nothing left', async (t) => {
    const prefix = 'sg-example-stack-';
    assert.deepEqual(leftovers(prefix), [], 'a previous run left a stack behind');
    // The example's images and host ports come from the environment (compose interpolation).
    const env = {
      ...platformImages(),
      HTTPS_PORT: String(await freePort()),
      HTTP_PORT: String(await freePort()),
    };
    act(
      'example-stack',
      ({ status, log, recorded }) => {
        assert.equal(status, 0, transcript(log));
        assert.equal(recorded.outcome, 'success');
        // No certificate in the tree: validate notes the pair up --tls auto generates, and up makes it.
        assert.deepEqual(
          [recorded.outputs.errors, recorded.outputs.warnings, recorded.outputs.notes],
          ['0', '0', '2'],
        );
        const generated = log.filter(
          (l) => l.command === 'notice' && l.kvPairs?.title === 'stackgate tls-file-missing',
        );
        assert.equal(generated.length, 2, JSON.stringify(log.filter((l) => l.command === 'notice')));
        for (const phase of ['validate', 'stack-args', 'up', 'verify', 'speedtest', 'down', 'report'])
          assert.equal(stepResult(log, ['sg', phase]), 'success', phase);
        assert.equal(recorded.outputs.url, `https://localhost:${env.HTTPS_PORT}/`);
        for (const k of ['download-mbps', 'upload-mbps'])
          assert.ok(Number(recorded.outputs[k]) > 0, `${k}: ${recorded.outputs[k]}`);
        assert.ok(Number(recorded.outputs['ping-ms']) >= 0);
        const o = recorded.outputs;
        t.diagnostic(
          `${o.url}: down ${o['download-mbps']} Mbit/s, up ${o['upload-mbps']} Mbit/s, ping ${o['ping-ms']} ms, jitter ${o['jitter-ms']} ms`,
        );
        const report = JSON.parse(recorded.outputs.report ?? '');
        assert.deepEqual(report.validate, { errors: 0, warnings: 0, notes: 2 });
        assert.equal(report.up.ok, true);
        assert.equal(report.verify.ok, true);
        assert.equal(report.verify.exposure.ok, true);
        assert.ok(report.verify.exposure.published.every((p: string) => p.startsWith('nginx ')));
        assert.match(report.verify.tls.protocol, /^TLSv1\.[23]$/);
        assert.ok(report.speedtest.downloadMbps > 0);
        assert.equal(report.down.ok, true);
      },
      { env },
    );
    assert.deepEqual(leftovers(prefix), []);
  });
});

describe('uses: ./stack with keep-running on the real engine', { skip }, () => {
  test('a later step fails: post still runs, writes the logs file, and leaves nothing of the project', async () => {
    const project = `sg-actions-keep-${process.pid}`;
    assert.deepEqual(leftovers(project), [], 'a previous run left a stack behind');
    const env = {
      ...platformImages(),
      HTTPS_PORT: String(await freePort()),
      HTTP_PORT: String(await freePort()),
      SG_PROJECT: project,
    };
    try {
      act(
        'stack-keep-running',
        ({ status, log, recorded }) => {
          // The job failed (the later step), after main had succeeded and left the stack running.
          assert.notEqual(status, 0);
          assert.equal(recorded.outcome, 'success', transcript(log));
          assert.equal(recorded.outputs['project-name'], project);
          assert.ok((recorded.running ?? 0) >= 2, `containers running after main: ${recorded.running}`);
          const report = JSON.parse(recorded.outputs.report ?? '');
          assert.equal(report.verify.ok, true);
          // Post ran after the failure and wrote every service's logs to a file it names.
          const text = transcript(log);
          const logsLine = /down: .*?(\/\S+\.log)/.exec(text);
          assert.ok(logsLine, `post named no logs file:\n${text.slice(-3000)}`);
          assert.ok(/Post /.test(text), 'act ran no post step');
          assert.match(text, new RegExp(`down: ${project} removed`));
          // The file is the post step's, in the job's RUNNER_TEMP: both services' lines are in it.
          const logs = readFileSync(logsLine[1] ?? '', 'utf8');
          assert.match(logs, /^nginx-1 +\| .*Configuration complete/m);
          assert.match(logs, /^speedtest-1 +\| /m);
          // compose's erase-line code at each line start is dropped (CappedFile).
          assert.ok(!logs.includes('\x1B[2K'), JSON.stringify(logs.slice(0, 200)));
        },
        { env },
      );
    } finally {
      // Whatever the assertions said, the engine must be clean of this project.
      assert.deepEqual(leftovers(project), []);
    }
  });
});
