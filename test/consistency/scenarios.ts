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
  containerOf,
  docker,
  down,
  emergMessages,
  makeStack,
  NGINX_IMAGE,
  up,
  waitForNginx,
} from '../platform/docker.js';

export type NginxVerdict = 'started' | 'exited';

export interface Expectation {
  /** What real nginx did: kept running, or exited at config load. */
  nginx: NginxVerdict;
  /** nginx's first `[emerg]` message, verbatim, when it exited. */
  emerg?: string;
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

export interface RealOutcome {
  nginx: NginxVerdict;
  emerg?: string;
  logs: string;
}

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the consistency harness');
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
  if (value.nginx !== 'started' && value.nginx !== 'exited') {
    throw new Error(`${file}: "nginx" must be "started" or "exited"`);
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
      throw new Error(`docker compose up failed for ${prepared.name}:\n${result.stderr}`);
    }
    const service = expectation.proxyService ?? 'nginx';
    const container = await containerOf(stack, service);
    if (!container) throw new Error(`${prepared.name}: compose created no container for service ${service}`);
    const outcome = await waitForNginx(container);
    const emerg = emergMessages(outcome.logs)[0];
    return { nginx: outcome.state, logs: outcome.logs, ...(emerg !== undefined ? { emerg } : {}) };
  } finally {
    await down(stack);
  }
}
