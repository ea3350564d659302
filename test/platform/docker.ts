// Test helpers that drive real docker compose stacks on the local images built by test/platform/setup.sh.
// Every stack gets a unique project name and is always torn down (withStack), so tests can run in parallel.
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';

export const NGINX_IMAGE = process.env.NGINX_IMAGE ?? 'stackgate/nginx:test';
export const BACKEND_IMAGE = process.env.BACKEND_IMAGE ?? 'stackgate/backend:test';
/** The LibreSpeed-protocol test double (test/librespeed-double/, built by build-librespeed-double.sh). */
export const SPEEDTEST_IMAGE = process.env.SPEEDTEST_IMAGE ?? 'stackgate/librespeed-double:test';
/** The official image's pid file: nginx writes it only after the whole config loaded and sockets opened. */
export const NGINX_PID_FILE = '/run/nginx.pid';

export interface Stack {
  /** Compose project name, unique per stack. */
  project: string;
  /** Project directory (compose resolves relative paths against it). */
  cwd: string;
  /** Compose files relative to cwd; empty means compose's default discovery. */
  files: string[];
  /** Extra environment for compose interpolation (the image variables are always set). */
  env: Record<string, string>;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface NginxOutcome {
  state: 'started' | 'exited';
  /** The container's exit code when it exited. */
  exitCode?: number;
  /** stdout and stderr of the container, interleaved as docker recorded them. */
  logs: string;
}

/** A compose project name: lowercase letters, digits, '-' and '_' only. */
export function uniqueProject(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `sg-${slug || 'stack'}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export function makeStack(
  cwd: string,
  label: string,
  files: string[] = [],
  env: Record<string, string> = {},
): Stack {
  return { project: uniqueProject(label), cwd, files, env };
}

export async function docker(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = await execa('docker', args, { reject: false, stdin: 'ignore', ...options });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr } as CommandResult;
}

export function compose(stack: Stack, args: string[]): Promise<CommandResult> {
  const fileArgs = stack.files.flatMap((f) => ['-f', f]);
  return docker(['compose', '-p', stack.project, ...fileArgs, ...args], {
    cwd: stack.cwd,
    env: { NGINX_IMAGE, BACKEND_IMAGE, ...stack.env },
  });
}

/** `docker compose up -d [services]`; the result is returned, not thrown: a failing up can be the finding. */
export function up(stack: Stack, services: string[] = []): Promise<CommandResult> {
  return compose(stack, ['up', '-d', ...services]);
}

export async function down(stack: Stack): Promise<void> {
  const result = await compose(stack, ['down', '-v', '--remove-orphans', '--timeout', '2']);
  if (result.exitCode !== 0)
    throw new Error(`docker compose down (${stack.project}) failed: ${result.stderr}`);
}

/** Runs fn with the stack and always tears it down, even when fn throws. */
export async function withStack<T>(stack: Stack, fn: (stack: Stack) => Promise<T>): Promise<T> {
  try {
    return await fn(stack);
  } finally {
    await down(stack);
  }
}

/** The id of a service's (first) container, running or not, or undefined if compose created none. */
export async function containerOf(stack: Stack, service: string): Promise<string | undefined> {
  const result = await compose(stack, ['ps', '--all', '--quiet', service]);
  if (result.exitCode !== 0) throw new Error(`docker compose ps ${service} failed: ${result.stderr}`);
  return result.stdout.split('\n').find((line) => line.trim() !== '');
}

export async function logsOf(container: string): Promise<string> {
  const result = await execa('docker', ['logs', container], { reject: false, stdin: 'ignore', all: true });
  return result.all ?? '';
}

/** The host address a service's container port is published on, e.g. "127.0.0.1:49153". */
export async function publishedAddress(stack: Stack, service: string, port: number): Promise<string> {
  const result = await compose(stack, ['port', service, String(port)]);
  const address = result.stdout.trim();
  if (result.exitCode !== 0 || address === '') {
    throw new Error(`${service}:${port} is not published: ${result.stderr || '(no output)'}`);
  }
  return address;
}

/**
 * Waits until nginx in `container` has either loaded its config (its pid file exists, which nginx writes
 * only after parsing the config, resolving load-time upstreams and binding) or the container exited.
 * The exit side is event-driven (`docker wait`); the start side is a bounded poll of the pid file.
 */
export async function waitForNginx(
  container: string,
  options: { timeoutMs?: number; pidFile?: string } = {},
): Promise<NginxOutcome> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pidFile = options.pidFile ?? NGINX_PID_FILE;
  const controller = new AbortController();
  const exited = execa('docker', ['wait', container], {
    reject: false,
    stdin: 'ignore',
    cancelSignal: controller.signal,
  }).then((r) => (r.isCanceled ? undefined : Number.parseInt(r.stdout.trim(), 10)));

  let stopped = false;
  const started = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (!stopped && Date.now() < deadline) {
      const probe = await execa('docker', ['exec', container, 'test', '-s', pidFile], {
        reject: false,
        stdin: 'ignore',
      });
      if (probe.exitCode === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  })();

  try {
    type First = { kind: 'exited'; code: number | undefined } | { kind: 'started' } | { kind: 'timeout' };
    const first: First = await Promise.race([
      exited.then((code): First => ({ kind: 'exited', code })),
      started.then((ok): First => (ok ? { kind: 'started' } : { kind: 'timeout' })),
    ]);
    if (first.kind === 'timeout') {
      throw new Error(
        `nginx in ${container} neither wrote ${pidFile} nor exited within ${timeoutMs} ms:\n${await logsOf(container)}`,
      );
    }
    if (first.kind === 'started') return { state: 'started', logs: await logsOf(container) };
    return {
      state: 'exited',
      logs: await logsOf(container),
      ...(first.code !== undefined ? { exitCode: first.code } : {}),
    };
  } finally {
    stopped = true;
    controller.abort();
    await Promise.allSettled([exited, started]);
  }
}

/** The `[emerg]` messages nginx logged, without the timestamp prefix: `host not found in upstream ...`. */
export function emergMessages(logs: string): string[] {
  const out: string[] = [];
  for (const line of logs.split('\n')) {
    const match = /\[emerg\] (?:\d+#\d+: )?(.*)$/.exec(line);
    if (match?.[1]) out.push(match[1].trim());
  }
  return out;
}

/** Fails fast, with the remedy, when the engine or an image is missing. */
export async function requireImages(images: string[] = [NGINX_IMAGE, BACKEND_IMAGE]): Promise<void> {
  const info = await docker(['info', '--format', '{{.ServerVersion}}']);
  if (info.exitCode !== 0)
    throw new Error(`docker engine not reachable (run test/platform/setup.sh): ${info.stderr}`);
  for (const image of images) {
    const inspect = await docker(['image', 'inspect', '--format', '{{.Id}}', image]);
    if (inspect.exitCode !== 0) throw new Error(`image ${image} is missing (run test/platform/setup.sh)`);
  }
}
