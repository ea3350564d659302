// The consistency corpus: test/fixtures/scenarios/<name>/ holds a compose project (nginx service + target),
// its nginx config and expect.json, which records what real nginx did when the scenario was brought up.
// This module runs a scenario for real (on a temporary copy) and computes the validator's verdict.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  BACKEND_IMAGE,
  compose,
  containerOf,
  docker,
  down,
  emergMessages,
  makeStack,
  NGINX_IMAGE,
  up,
  waitForNginx,
} from '../platform/docker.js';

/** `refused`: docker compose itself refused the project, so no nginx ever ran. */
export type NginxVerdict = 'started' | 'exited' | 'refused';

export interface Expectation {
  /** What real nginx did: kept running, or exited at config load. */
  nginx: NginxVerdict;
  /** nginx's first `[emerg]` message, verbatim, when it exited (compose's error, when it refused). */
  emerg?: string;
  /**
   * The highest severity the validator must give each named rule ("none": no finding), for classes
   * where nginx starts either way and the question is how sure the finding may be.
   */
  findings?: Record<string, 'error' | 'warning' | 'note' | 'none'>;
  /**
   * Requests sent to the running proxy from inside its container (written by hand, checked on every
   * run): that the stack really serves, or really fails, where the validator's finding says so.
   */
  requests?: ProbedRequest[];
  /** The compose service running nginx; default "nginx". */
  proxyService?: string;
  /** Throwaway certificate/key pairs the harness generates (paths relative to the scenario). */
  certs?: { cert: string; key: string }[];
  /** Environment variables naming external networks the harness creates (a unique name each run). */
  externalNetworks?: string[];
  /**
   * Rules that must report no error here (written by hand): the stack really works, so an error of
   * theirs would be a false alarm (the severity policy: error = nginx would not start, requests fail).
   */
  noErrorFrom?: string[];
}

export interface ProbedRequest {
  path: string;
  /** The proxy's container port (default 80). */
  port?: number;
  /** The HTTP status (0: no answer). */
  status: number;
}

export interface RealOutcome {
  nginx: NginxVerdict;
  emerg?: string;
  logs: string;
  requests?: ProbedRequest[];
}

/** One HTTP/1.0 GET from inside the container (bash's /dev/tcp: the image has no curl); its status. */
async function probe(container: string, request: Omit<ProbedRequest, 'status'>): Promise<number> {
  const script = `exec 3<>/dev/tcp/127.0.0.1/${request.port ?? 80} && printf 'GET %s HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' "$1" >&3 && head -n 1 <&3`;
  const result = await docker(['exec', container, 'bash', '-c', script, 'probe', request.path]);
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(result.stdout)?.[1] ?? 0);
}

/** The statuses, retried for a few seconds while they differ (backends may still be starting). */
async function probeAll(container: string, requests: ProbedRequest[]): Promise<ProbedRequest[]> {
  const out: ProbedRequest[] = [];
  for (const { status: expected, ...request } of requests) {
    let status = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      status = await probe(container, request);
      if (status === expected) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    out.push({ ...request, status });
  }
  return out;
}

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  // The Makefile, not package.json: tsc copies package.json into lib/ (the CLI imports its version).
  while (!existsSync(path.join(dir, 'Makefile'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('the Makefile was not found above the consistency harness');
    dir = parent;
  }
  return dir;
}

export const ROOT = repoRoot();
export const SCENARIOS_DIR = path.join(ROOT, 'test', 'fixtures', 'scenarios');

export function scenarioNames(): string[] {
  return readdirSync(SCENARIOS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(SCENARIOS_DIR, entry.name, 'expect.json')))
    .map((entry) => entry.name)
    .sort();
}

export async function readExpectation(name: string): Promise<Expectation> {
  const file = path.join(SCENARIOS_DIR, name, 'expect.json');
  const value = JSON.parse(await readFile(file, 'utf8')) as Expectation;
  if (value.nginx !== 'started' && value.nginx !== 'exited' && value.nginx !== 'refused') {
    throw new Error(`${file}: "nginx" must be "started", "exited" or "refused"`);
  }
  return value;
}

const run = promisify(execFile);

/** A scenario copied to a temporary directory, with its certificates and external networks in place. */
export interface PreparedScenario {
  name: string;
  dir: string;
  env: Record<string, string>;
  networks: string[];
}

export async function prepare(name: string, expectation: Expectation): Promise<PreparedScenario> {
  const dir = await mkdtemp(path.join(tmpdir(), `stackgate-${name}-`));
  const prepared: PreparedScenario = { name, dir, env: { NGINX_IMAGE, BACKEND_IMAGE }, networks: [] };
  try {
    await cp(path.join(SCENARIOS_DIR, name), dir, { recursive: true });
    for (const pair of expectation.certs ?? []) {
      const cert = path.join(dir, pair.cert);
      const key = path.join(dir, pair.key);
      await mkdir(path.dirname(cert), { recursive: true });
      await mkdir(path.dirname(key), { recursive: true });
      await run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=example.test',
        '-keyout',
        key,
        '-out',
        cert,
      ]);
    }
    for (const variable of expectation.externalNetworks ?? []) {
      const network = `stackgate-ext-${name}-${process.pid}-${Date.now().toString(36)}`;
      const created = await docker(['network', 'create', network]);
      if (created.exitCode !== 0) throw new Error(`docker network create ${network}: ${created.stderr}`);
      prepared.networks.push(network);
      prepared.env[variable] = network;
    }
    return prepared;
  } catch (error) {
    await cleanUp(prepared);
    throw error;
  }
}

export async function cleanUp(prepared: PreparedScenario): Promise<void> {
  for (const network of prepared.networks) await docker(['network', 'rm', network]);
  await rm(prepared.dir, { recursive: true, force: true });
}

/** Brings the scenario up with docker compose and reports whether nginx started or exited. */
export async function runReal(prepared: PreparedScenario, expectation: Expectation): Promise<RealOutcome> {
  const stack = makeStack(prepared.dir, prepared.name, [], prepared.env);
  try {
    const result = await up(stack);
    if (result.exitCode !== 0) {
      // compose's own refusal (it names the cause on its last line) is an outcome; anything else is a harness failure.
      const refusal = result.stderr.trim().split('\n').at(-1) ?? '';
      if (expectation.nginx === 'refused' || /invalid compose project/.test(refusal))
        return { nginx: 'refused', emerg: refusal, logs: result.stderr };
      throw new Error(`docker compose up failed for ${prepared.name}:\n${result.stderr}`);
    }
    const service = expectation.proxyService ?? 'nginx';
    const container = await containerOf(stack, service);
    if (!container) throw new Error(`${prepared.name}: compose created no container for service ${service}`);
    const outcome = await waitForNginx(container);
    const emerg = emergMessages(outcome.logs)[0];
    const requests =
      outcome.state === 'started' && expectation.requests
        ? await probeAll(container, expectation.requests)
        : undefined;
    return {
      nginx: outcome.state,
      logs: outcome.logs,
      ...(emerg !== undefined ? { emerg } : {}),
      ...(requests ? { requests } : {}),
    };
  } finally {
    await tearDown(stack, prepared.dir);
  }
}

/** compose down; images compose built for the scenario (no tag of their own) go with it. */
async function tearDown(stack: ReturnType<typeof makeStack>, dir: string): Promise<void> {
  if (!(await builds(dir))) return down(stack);
  const result = await compose(stack, ['down', '-v', '--remove-orphans', '--rmi', 'local', '--timeout', '2']);
  if (result.exitCode !== 0)
    throw new Error(`docker compose down (${stack.project}) failed: ${result.stderr}`);
}

async function builds(dir: string): Promise<boolean> {
  const text = await readFile(path.join(dir, 'compose.yaml'), 'utf8').catch(() => '');
  return /^\s+build:/m.test(text);
}
