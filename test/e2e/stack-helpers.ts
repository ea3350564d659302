// Shared by the stack e2e and fault tests: a copy of examples/speedtest in a temp dir (certificates are
// generated there, not in the tree), free host ports, the images to use, the CLI as a subprocess, and
// the leftovers check by compose project label.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { freePort } from './dns-servers.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliPath = path.join(repo, 'lib/src/entries/cli.js');
/** The CLI as it ships (ncc bundle, compile cache): what the benchmarks time. */
export const distCliPath = path.join(repo, 'dist/cli/index.js');

const OFFICIAL = {
  NGINX_IMAGE: 'nginx:1.27.5-alpine',
  SPEEDTEST_IMAGE: 'ghcr.io/librespeed/speedtest:5.5.1',
};
const LOCAL = {
  NGINX_IMAGE: ['stackgate/nginx:test'],
  // The LibreSpeed test double when it is built; the platform's plain backend (answers on $PORT) otherwise.
  SPEEDTEST_IMAGE: ['stackgate/librespeed-double:test', 'stackgate/backend:test'],
};

async function present(image: string): Promise<boolean> {
  return (
    (await execa('docker', ['image', 'inspect', image], { reject: false, stdin: 'ignore' })).exitCode === 0
  );
}

let resolved: Record<string, string> | undefined;

/** The official images when present or pullable, else the local builds; says which on stderr. */
export async function exampleImages(): Promise<Record<string, string>> {
  if (resolved) return resolved;
  const out: Record<string, string> = {};
  for (const [k, official] of Object.entries(OFFICIAL) as [keyof typeof OFFICIAL, string][]) {
    if (process.env[k]) {
      out[k] = process.env[k]!;
      continue;
    }
    if (
      (await present(official)) ||
      (await execa('docker', ['pull', official], { reject: false, stdin: 'ignore' })).exitCode === 0
    ) {
      out[k] = official;
      continue;
    }
    let local: string | undefined;
    for (const candidate of LOCAL[k])
      if (await present(candidate)) {
        local = candidate;
        break;
      }
    if (!local)
      throw new Error(
        `${official} cannot be pulled and no local build (${LOCAL[k].join(', ')}) exists: run test/platform/setup.sh`,
      );
    process.stderr.write(
      `stack tests: ${official} is not available (no registry): using the local build ${local}\n`,
    );
    out[k] = local;
  }
  resolved = out;
  return out;
}

export interface Example {
  dir: string;
  project: string;
  env: NodeJS.ProcessEnv;
  httpsPort: number;
  httpPort: number;
  cleanup(): void;
}

/** A fresh copy of the example with its own project name and free host ports. */
export async function example(label: string): Promise<Example> {
  const dir = mkdtempSync(path.join(tmpdir(), `sg-stack-${label}-`));
  cpSync(path.join(repo, 'examples/speedtest'), dir, {
    recursive: true,
    filter: (src) => !/\.pem$|\.stackgate/.test(src),
  });
  const [httpsPort, httpPort] = [await freePort('tcp'), await freePort('tcp')];
  const project = `sg-stack-${label}-${process.pid}-${Math.random().toString(16).slice(2, 8)}`;
  return {
    dir,
    project,
    httpsPort,
    httpPort,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      ...(await exampleImages()),
      HTTPS_PORT: String(httpsPort),
      HTTP_PORT: String(httpPort),
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a subprocess; `onStderr` sees progress lines as they come (e.g. to send SIGTERM mid-run). */
export function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
  entry = cliPath,
): Promise<CliRun> {
  return new Promise((resolve) => {
    // `--` ends Node's own options: a user argument such as --env-file is the CLI's, not Node's.
    const child = spawn(process.execPath, ['--', entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      onStderr?.(stderr, child);
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Containers, networks and volumes that carry the project's compose label. */
export async function leftovers(project: string): Promise<string[]> {
  const label = `label=com.docker.compose.project=${project}`;
  const list = async (args: string[]) =>
    (await execa('docker', [...args, '--filter', label, '-q'], { stdin: 'ignore' })).stdout
      .split('\n')
      .filter(Boolean);
  return [
    ...(await list(['ps', '-a'])).map((id) => `container ${id}`),
    ...(await list(['network', 'ls'])).map((id) => `network ${id}`),
    ...(await list(['volume', 'ls'])).map((id) => `volume ${id}`),
  ];
}

/** Last-resort cleanup for a test that failed half-way (the product's own down is what is tested). */
export async function forceDown(ex: Example): Promise<void> {
  await execa(
    'docker',
    ['compose', '--project-directory', ex.dir, '-p', ex.project, 'down', '-v', '--remove-orphans', '-t', '1'],
    {
      reject: false,
      stdin: 'ignore',
      env: ex.env,
    },
  );
}
