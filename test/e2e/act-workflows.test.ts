import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { discover } from '../../src/aws/discover.js';
import { AMI_PARAMETER, ec2For, type Moto, REGION, seedAmiParameter, startMoto } from './aws-moto.js';

// The workflow kit as a runner runs it: nektos/act in host mode, offline (REFERENCE.md §8.1). The thin
// callers and the reusable workflows resolve stackgate/stackgate@main to this working tree
// (--local-repository), and the third-party actions that need GitHub resolve to local stubs in
// test/workflows/stubs/ that record what they were given. act runs the actions from this tree's dist/
// (make build first).
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tools = path.join(repo, '.tools/bin');
const stubs = path.join(repo, 'test/workflows/stubs');
const REPOSITORY = 'stackgate/stackgate';

// scripts/install-linters.sh (make lint-actions) installs act; in CI a missing act is a failure.
const missing = existsSync(path.join(tools, 'act'))
  ? false
  : 'act is not installed: run scripts/install-linters.sh';
const skip = missing && process.env.CI !== 'true' ? missing : false;

interface LogLine {
  msg?: string;
  job?: string;
  jobID?: string;
  jobResult?: string;
  stepID?: string[];
  stepResult?: string;
}

interface Run {
  status: number | null;
  log: LogLine[];
  out: string;
}

interface ActOptions {
  event: 'pull_request' | 'workflow_dispatch';
  workflow: string;
  payload?: unknown;
  vars?: Record<string, string>;
  env?: Record<string, string>;
}

/** The pinned third-party references of the reusable workflows, each mapped to its recording stub. */
const STUB_MAP = [
  `${REPOSITORY}@main=${repo}`,
  `github/codeql-action@8aad20d150bbac5944a9f9d289da16a4b0d87c1e=${stubs}/codeql-action`,
  `actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd=${stubs}/github-script`,
  `actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f=${stubs}/upload-artifact`,
];

function run(
  cmd: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: repo,
      // act runs node actions and run: steps with the node on PATH: Node 24 from .tools/bin.
      env: { ...process.env, PATH: `${tools}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Runs a workflow in act; `inspect` reads what the stubs recorded before the folder is removed. Async:
 * the OIDC token endpoint these runs call lives in this process.
 */
async function act(o: ActOptions, inspect: (run: Run) => void): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'sg-workflows-act-out-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'sg-workflows-act-cache-'));
  try {
    const eventFile = path.join(out, 'event.json');
    writeFileSync(eventFile, JSON.stringify(o.payload ?? {}));
    const pairs = (flag: string, m: Record<string, string> = {}) =>
      Object.entries(m).flatMap(([k, v]) => [flag, `${k}=${v}`]);
    const r = await run(path.join(tools, 'act'), [
      o.event,
      '-e',
      eventFile,
      '-W',
      o.workflow,
      '-P',
      'ubuntu-24.04=-self-hosted',
      '--no-cache-server',
      '--action-offline-mode',
      '--action-cache-path',
      cache,
      ...STUB_MAP.flatMap((m) => ['--local-repository', m]),
      // Without a git remote act names the repository nektos/act; the fork checks compare against it.
      '--env',
      `GITHUB_REPOSITORY=${REPOSITORY}`,
      '--env',
      `SG_ACT_OUT=${out}`,
      ...pairs('--env', o.env),
      ...pairs('--var', o.vars),
      '--json',
    ]);
    const log: LogLine[] = [];
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        log.push(JSON.parse(line) as LogLine);
      } catch {
        // a step's own output that happens to start with "{"
      }
    }
    assert.ok(log.length > 0, `act logged nothing:\n${r.stdout}\n${r.stderr}`);
    inspect({ status: r.status, log, out });
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

function transcript(log: LogLine[]): string {
  return log.map((l) => (l.msg ?? '').trimEnd()).join('\n');
}

/** Each job's result by its name, as act reported it (a job skipped by its if: is absent). */
function jobResults(log: LogLine[]): Record<string, string> {
  const results: Record<string, string> = {};
  // A called workflow's job is logged as "<caller job>/<called workflow>/<job>": the job's own name.
  for (const l of log) if (l.jobResult && l.job) results[l.job.split('/').pop() as string] = l.jobResult;
  return results;
}

function stepRan(log: LogLine[], name: RegExp): string | undefined {
  return log.find((l) => l.stepResult && name.test(l.msg ?? ''))?.stepResult;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function githubCalls(out: string): { method: string; params: Record<string, unknown> }[] {
  const file = path.join(out, 'github-script.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
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

function platformImages(): Record<string, string> {
  const images: Record<string, string> = {};
  for (const line of readFileSync(path.join(repo, 'test/platform/images.env'), 'utf8').split('\n')) {
    const m = /^(NGINX_IMAGE|SPEEDTEST_IMAGE)=(.+)$/.exec(line.trim());
    if (m) images[m[1] as string] = process.env[m[1] as string] ?? (m[2] as string);
  }
  return images;
}

/** Compose projects of the PR check that still own a container or network. */
function leftovers(): string[] {
  const r = spawnSync('docker', ['ps', '-a', '--format', '{{.Label "com.docker.compose.project"}}'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((p) => p.startsWith('speedtest-') || p.startsWith('sg-check-'));
}

const pullRequest = (headRepo: string) => ({
  number: 7,
  pull_request: { number: 7, head: { repo: { full_name: headRepo }, ref: 'feature' }, base: { ref: 'main' } },
  repository: { full_name: REPOSITORY, name: 'stackgate', owner: { login: 'stackgate' } },
});

interface Sarif {
  version: string;
  $schema?: string;
  runs: { tool: { driver: { name: string } }; results: { ruleId: string }[] }[];
}

describe('the PR check workflow in a runner emulator (act, host mode, offline)', { skip }, () => {
  test('the caller on the bundled example: green; SARIF uploaded, one comment created with the table', async () => {
    const before = leftovers();
    const env = {
      ...platformImages(),
      HTTPS_PORT: String(await freePort()),
      HTTP_PORT: String(await freePort()),
    };
    await act(
      {
        event: 'pull_request',
        workflow: 'workflows/pr-check.yml',
        payload: pullRequest(REPOSITORY),
        vars: { STACKGATE_WORKING_DIRECTORY: 'examples/speedtest' },
        env,
      },
      ({ status, log, out }) => {
        assert.equal(status, 0, transcript(log));
        assert.deepEqual(jobResults(log), {
          'stackgate check': 'success',
          'stackgate PR comment': 'success',
        });
        const uploaded = readJson<{ sarif_file: string; category: string }>(
          path.join(out, 'upload-sarif.json'),
        );
        assert.match(uploaded.sarif_file, /stackgate\.sarif$/);
        assert.equal(uploaded.category, 'stackgate-examples/speedtest');
        const sarif = readJson<Sarif>(path.join(out, 'upload-sarif.sarif'));
        assert.equal(sarif.version, '2.1.0');
        assert.ok(Array.isArray(sarif.runs) && sarif.runs.length === 1);
        assert.equal(sarif.runs[0]?.tool.driver.name, 'stackgate');
        assert.deepEqual(sarif.runs[0]?.results, []);
        // No comment existed: one is listed for, then created on the PR, and none updated.
        const calls = githubCalls(out);
        assert.deepEqual(
          calls.map((c) => c.method),
          ['issues.listComments', 'issues.createComment'],
        );
        const created = calls[1]?.params as {
          owner: string;
          repo: string;
          issue_number: number;
          body: string;
        };
        assert.deepEqual([created.owner, created.repo, created.issue_number], ['stackgate', 'stackgate', 7]);
        const body = created.body;
        assert.ok(body.startsWith('<!-- stackgate-pr-check -->\n'), body);
        assert.match(body, /### stackgate: passed \(examples\/speedtest\)/);
        assert.match(body, /\| check \| result \|\n\|---\|---\|/);
        assert.match(body, /\| validate \| success: 0 errors, 0 warnings, 0 notes \|/);
        assert.match(body, /\| up \| pass \(\d+(\.\d+)? s\) \|/);
        assert.match(
          body,
          new RegExp(`\\| verify \\| pass: [^\\n]*https://localhost:${env.HTTPS_PORT}/ 200`),
        );
        assert.match(body, /\| TLS \| pass TLSv1\.[23] \|/);
        const speed = /\| speed test \| down ([\d.]+) Mbit\/s, up ([\d.]+) Mbit\/s, ping [\d.]+ ms/.exec(
          body,
        );
        assert.ok(speed && Number(speed[1]) > 0 && Number(speed[2]) > 0, body);
        assert.match(body, /\| down \| pass \|/);
      },
    );
    assert.deepEqual(leftovers(), before, 'the stack step left containers behind');
  });

  test('the caller on the disjoint networks fixture: red; findings in SARIF; the old comment updated', async () => {
    const existing = [
      { id: 41, user: { type: 'User' }, body: '<!-- stackgate-pr-check --> quoted by a person' },
      { id: 42, user: { type: 'Bot' }, body: '<!-- stackgate-pr-check -->\nan earlier run' },
    ];
    await act(
      {
        event: 'pull_request',
        workflow: 'workflows/pr-check.yml',
        payload: pullRequest(REPOSITORY),
        vars: { STACKGATE_WORKING_DIRECTORY: 'test/fixtures/scenarios/disjoint-networks' },
        env: { ...platformImages(), SG_STUB_COMMENTS: JSON.stringify(existing) },
      },
      ({ status, log, out }) => {
        assert.notEqual(status, 0);
        assert.deepEqual(jobResults(log), {
          'stackgate check': 'failure',
          'stackgate PR comment': 'success',
        });
        const sarif = readJson<Sarif>(path.join(out, 'upload-sarif.sarif'));
        assert.equal(sarif.version, '2.1.0');
        const rules = sarif.runs[0]?.results.map((r) => r.ruleId).sort();
        assert.deepEqual(rules, ['listen-not-published', 'proxy-headers-missing', 'upstream-unresolvable']);
        const calls = githubCalls(out);
        assert.deepEqual(
          calls.map((c) => c.method),
          ['issues.listComments', 'issues.updateComment'],
        );
        const updated = calls[1]?.params as { comment_id: number; body: string };
        assert.equal(updated.comment_id, 42, "the bot's own comment, not a person's quote of the marker");
        assert.match(updated.body, /### stackgate: failed \(test\/fixtures\/scenarios\/disjoint-networks\)/);
        assert.match(updated.body, /\| validate \| failure: 1 errors, 2 warnings, 0 notes \|/);
        assert.match(updated.body, /\| speed test \| - \|/);
      },
    );
  });

  test('a fork PR: the check runs, no comment job, no API call', async () => {
    await act(
      {
        event: 'pull_request',
        workflow: 'workflows/pr-check.yml',
        payload: pullRequest('someone/stackgate'),
        vars: { STACKGATE_WORKING_DIRECTORY: 'test/fixtures/scenarios/disjoint-networks' },
        env: platformImages(),
      },
      ({ log, out }) => {
        assert.deepEqual(jobResults(log), { 'stackgate check': 'failure' });
        assert.ok(existsSync(path.join(out, 'upload-sarif.sarif')), 'the check itself ran');
        assert.deepEqual(githubCalls(out), []);
      },
    );
  });
});

const JWT =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOnN0YWNrZ2F0ZS9zdGFja2dhdGU6cmVmOnJlZnMvaGVhZHMvbWFpbiJ9.c2lnbmF0dXJlLXN0YWNrZ2F0ZS10ZXN0';
const REQUEST_TOKEN = 'request-token-workflows-3c1d';
const ROLE = 'arn:aws:iam::123456789012:role/stackgate-ci';
const ENVIRONMENT = 'wf-e2e';

describe('the environment workflows against moto (act, OIDC from a local token endpoint)', { skip }, () => {
  let moto: Moto;
  let tokenServer: http.Server;
  let tokenUrl: string;
  const audiences: (string | null)[] = [];
  before(async () => {
    moto = await startMoto();
    await seedAmiParameter(moto.endpoint);
    tokenServer = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      audiences.push(url.searchParams.get('audience'));
      if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
        res.writeHead(401).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ count: 1, value: JWT }));
    });
    await new Promise<void>((r) => tokenServer.listen(0, '127.0.0.1', r));
    const a = tokenServer.address() as AddressInfo;
    tokenUrl = `http://127.0.0.1:${a.port}/_apis/token?api-version=2.0`;
  });
  after(async () => {
    await new Promise((r) => tokenServer?.close(r));
    await moto?.stop();
  });

  const awsRun = (workflow: string, inputs: Record<string, string>, inspect: (run: Run) => void) =>
    act(
      {
        event: 'workflow_dispatch',
        workflow,
        // act 0.2.89 reads workflow_dispatch inputs from the event (with -e it ignores --input).
        payload: { inputs: { environment: ENVIRONMENT, 'aws-endpoint': moto.endpoint, ...inputs } },
        vars: { STACKGATE_AWS_ROLE: ROLE, STACKGATE_AWS_REGION: REGION },
        // The runner's OIDC protocol: the job's id-token: write gives the step these two.
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN },
      },
      inspect,
    );

  const summary = (log: LogLine[]) =>
    log
      .map((l) => l.msg ?? '')
      .filter((m) => m.includes('stackgate environment refresh:'))
      .join('\n');

  test('refresh applies a new environment; the profile is the artifact; a second refresh finds no drift', async () => {
    const ec2 = ec2For(moto.endpoint);
    try {
      assert.equal(Object.values(await discover(ec2, ENVIRONMENT)).flat().length, 0, 'moto starts empty');
      await awsRun(
        '.github/workflows/stackgate-environment-refresh.yml',
        { 'ami-parameter': AMI_PARAMETER },
        ({ status, log, out }) => {
          assert.equal(status, 0, transcript(log));
          assert.deepEqual(jobResults(log), { 'stackgate environment refresh': 'success' });
          assert.equal(stepRan(log, /Main stackgate\/stackgate\/aws@main/), 'success');
          const artifact = readJson<Record<string, string>>(path.join(out, 'upload-artifact.json'));
          assert.equal(artifact.name, `stackgate-${ENVIRONMENT}-client`);
          assert.equal(artifact['retention-days'], '1');
          assert.equal(artifact['if-no-files-found'], 'error');
          assert.equal(artifact.mode, '600');
          assert.match(artifact.path ?? '', /\.ovpn$/);
          const profile = readFileSync(path.join(out, 'upload-artifact.file'), 'utf8');
          assert.match(profile, /^client$/m);
          assert.match(profile, /<tls-crypt>/);
          const s = summary(log);
          assert.match(s, /\| drift \| true \|/);
          assert.match(s, /\| apply \| success \|/);
          assert.match(s, /\| instance \| i-[0-9a-f]+ \|/);
          assert.match(s, /\| OpenVPN IPv6 \| [0-9a-f:]+ \|/);
          assert.match(s, new RegExp(`\\| client profile artifact \\| stackgate-${ENVIRONMENT}-client \\|`));
          // The private key is in the artifact only, never in the log.
          const key = /<key>\n([\s\S]*?)\n<\/key>/.exec(profile)?.[1] ?? '';
          assert.ok(key.length > 100);
          assert.ok(!transcript(log).includes(key.split('\n')[1] ?? key));
        },
      );
      const have = await discover(ec2, ENVIRONMENT);
      assert.equal(have.instances?.length, 1, JSON.stringify(Object.keys(have)));
      assert.equal(have.vpcs?.length, 1);
      assert.ok(audiences.length >= 3 && audiences.every((a) => a === 'sts.amazonaws.com'));

      await awsRun(
        '.github/workflows/stackgate-environment-refresh.yml',
        { 'ami-parameter': AMI_PARAMETER },
        ({ status, log, out }) => {
          assert.equal(status, 0, transcript(log));
          const s = summary(log);
          assert.match(s, /\| drift \| false \|/);
          assert.match(s, /\| apply \| skipped \|/);
          assert.ok(!existsSync(path.join(out, 'upload-artifact.json')), 'no apply, no new artifact');
        },
      );
      const again = await discover(ec2, ENVIRONMENT);
      assert.deepEqual(
        again.instances?.map((i) => i.InstanceId),
        have.instances?.map((i) => i.InstanceId),
      );
    } finally {
      ec2.destroy();
    }
  });

  test('teardown destroys the environment: nothing tagged is left', async () => {
    const ec2 = ec2For(moto.endpoint);
    try {
      assert.ok(Object.values(await discover(ec2, ENVIRONMENT)).flat().length > 0, 'the refresh left it');
      await awsRun('.github/workflows/stackgate-environment-teardown.yml', {}, ({ status, log }) => {
        assert.equal(status, 0, transcript(log));
        assert.deepEqual(jobResults(log), { 'stackgate environment teardown': 'success' });
        assert.match(transcript(log), /nothing tagged is left/);
      });
      assert.equal(Object.values(await discover(ec2, ENVIRONMENT)).flat().length, 0);
    } finally {
      ec2.destroy();
    }
  });
});
