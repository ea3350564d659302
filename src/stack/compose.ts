// `docker compose` for one run's project: the common arguments, the v2 check, the engine check, and the
// one-line explanations of what compose and the engine say when they fail.
import { ExecError, type ExecOptions, exec } from '../exec.js';
import type { FailureClass } from '../verify/classify.js';

export interface ComposeTarget {
  /** Absolute project directory. */
  cwd: string;
  /** Compose files as given (relative to cwd); empty = compose's own discovery. */
  files: string[];
  profiles: string[];
  envFiles: string[];
  /** The run's unique project name. */
  project: string;
  /** Extra environment for compose (image overrides …). */
  env?: Record<string, string | undefined>;
}

export type StackFailureKind =
  | 'validate'
  | 'engine'
  | 'compose-missing'
  | 'pull'
  | 'port-taken'
  | 'start'
  | 'unhealthy'
  | 'timeout'
  | 'canceled'
  | 'tls'
  | 'exposure'
  | FailureClass;

/** A stack step that failed for a reason the user can act on; `detail` holds the log lines behind it. */
export class StackError extends Error {
  override readonly name = 'StackError';
  constructor(
    readonly kind: StackFailureKind,
    message: string,
    readonly detail: string[] = [],
  ) {
    super(message);
  }
}

export function composeArgs(t: ComposeTarget): string[] {
  return [
    'compose',
    // Plain lines: the progress display's cursor codes (ESC[2K …) would land in the job log.
    '--ansi',
    'never',
    '--project-directory',
    t.cwd,
    '-p',
    t.project,
    ...t.files.flatMap((f) => ['-f', f]),
    ...t.profiles.flatMap((p) => ['--profile', p]),
    ...t.envFiles.flatMap((f) => ['--env-file', f]),
  ];
}

export function compose(t: ComposeTarget, args: string[], opts: ExecOptions = {}) {
  return exec('docker', [...composeArgs(t), ...args], {
    cwd: t.cwd,
    ...opts,
    env: { ...t.env, ...opts.env },
  });
}

/** One line for an engine that cannot be reached, from what the docker CLI printed. */
export function explainEngine(stderr: string, env: NodeJS.ProcessEnv): string | undefined {
  const where = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  if (
    /Cannot connect to the Docker daemon|connect: no such file or directory|connection refused/i.test(stderr)
  )
    return `the Docker engine at ${where} does not answer: start dockerd (or fix DOCKER_HOST)`;
  if (/permission denied.*docker\.sock/i.test(stderr))
    return `no permission to use the Docker engine at ${where}: add the user to the docker group`;
  return undefined;
}

/** Why `docker compose` cannot run here (v1 only, no plugin, not v2), or undefined when it is v2. */
export async function composeV2Problem(): Promise<string | undefined> {
  const v2 = await exec('docker', ['compose', 'version', '--short'], {
    timeoutMs: 20_000,
    reject: false,
  }).catch(() => undefined);
  const version = v2?.exitCode === 0 ? v2.stdout.trim() : undefined;
  if (version && /^v?2\./.test(version)) return undefined;
  if (version) return `docker compose ${version} is not v2; stackgate needs Compose v2`;
  const v1 = await exec('docker-compose', ['version', '--short'], { timeoutMs: 10_000 }).catch(
    () => undefined,
  );
  return v1 && /^1\./.test(v1.stdout.trim())
    ? `only docker-compose ${v1.stdout.trim()} (v1) is installed; stackgate needs Compose v2 (\`docker compose\`): install the docker-compose-plugin package`
    : 'the Docker Compose v2 plugin is missing (`docker compose version` failed): install docker-compose-plugin';
}

/** What the docker CLI prints when the compose plugin is missing or too old for a flag we use. */
export const COMPOSE_MISSING = /is not a docker command|unknown (shorthand )?flag|unknown command "compose"/i;

/**
 * Fails with a one-line reason unless a Docker engine answers. Compose v2 is checked where it fails
 * (COMPOSE_MISSING → composeV2Problem): starting the plugin just to ask costs ~0.3 s of CPU per run.
 */
export async function requireEngine(env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  try {
    return (
      await exec('docker', ['version', '--format', '{{.Server.Version}}'], {
        timeoutMs: 20_000,
        ...(signal ? { signal } : {}),
      })
    ).stdout.trim();
  } catch (error) {
    if (error instanceof ExecError && error.failure === 'not-found')
      throw new StackError('compose-missing', 'the docker CLI is not installed (or not on PATH)');
    const stderr = error instanceof ExecError ? error.stderr : String(error);
    throw new StackError(
      'engine',
      explainEngine(stderr, env) ?? `the Docker engine does not answer: ${stderr.trim().split('\n').pop()}`,
    );
  }
}

/** The one line that says why `docker compose up` failed, from its stderr. */
export function explainUp(
  stderr: string,
  env: NodeJS.ProcessEnv,
): { kind: StackFailureKind; message: string } {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const find = (re: RegExp) => lines.find((l) => re.test(l));
  const engine = explainEngine(stderr, env);
  if (engine) return { kind: 'engine', message: engine };
  const pull = find(
    /pull access denied|manifest unknown|failed to resolve reference|no such host|dial tcp|i\/o timeout|repository does not exist|not found: manifest|toomanyrequests/i,
  );
  if (pull) {
    const image = /(?:image|reference|repository) "?([\w./:@-]+)"?/i.exec(pull)?.[1];
    return {
      kind: 'pull',
      message: `an image is not present locally and could not be pulled${image ? ` (${image})` : ''}: ${pull.replace(/^Error response from daemon: /, '')}`,
    };
  }
  const port = find(/port is already allocated|address already in use/i);
  if (port) return { kind: 'port-taken', message: `a host port is taken: ${port}` };
  const notHealthy = find(/not healthy after/i);
  if (notHealthy)
    return { kind: 'timeout', message: `services did not become healthy in time (${notHealthy})` };
  const unhealthy = find(/is unhealthy|dependency failed to start/i);
  if (unhealthy)
    return { kind: 'unhealthy', message: unhealthy.replace(/^Error response from daemon: /, '') };
  const exited = find(/exited \(\d+\)|exited with code/i);
  if (exited) return { kind: 'start', message: exited };
  const timeout = find(/timeout|deadline exceeded/i);
  if (timeout) return { kind: 'timeout', message: timeout };
  return { kind: 'start', message: lines[lines.length - 1] ?? 'docker compose up failed' };
}

export interface ContainerInfo {
  id: string;
  name: string;
  service: string;
  state: string;
  health?: string;
  exitCode: number;
}

/** The line format of `containers`: full id, service label, state, status ("Up 2 seconds (healthy)"), name. */
export const PS_FORMAT =
  '{{.ID}}\t{{.Label "com.docker.compose.service"}}\t{{.State}}\t{{.Status}}\t{{.Names}}';

/** One `docker ps -a --format PS_FORMAT` line as a container; the health and exit code come from Status. */
export function parsePsLine(line: string): ContainerInfo | undefined {
  const [id, service, state, status, name] = line.split('\t');
  if (!id || !service || !state || status === undefined) return undefined;
  const health = /\((?:health: )?(starting|healthy|unhealthy)\)/.exec(status)?.[1];
  const exit = /^Exited \((-?\d+)\)/.exec(status)?.[1];
  return {
    id,
    name: name ?? '',
    service,
    state,
    ...(health ? { health } : {}),
    exitCode: exit === undefined ? 0 : Number(exit),
  };
}

/**
 * The project's containers, stopped ones too, by the compose labels (`docker ps`, not `compose ps`:
 * the same containers without the plugin's start-up); not the one-off containers of `compose run`.
 */
export async function containers(
  t: Pick<ComposeTarget, 'project' | 'env'>,
  signal?: AbortSignal,
): Promise<ContainerInfo[]> {
  const { stdout } = await exec(
    'docker',
    [
      'ps',
      '-a',
      '--no-trunc',
      '--filter',
      `label=com.docker.compose.project=${t.project}`,
      '--filter',
      'label=com.docker.compose.oneoff=False',
      '--format',
      PS_FORMAT,
    ],
    { env: t.env ?? {}, timeoutMs: 30_000, ...(signal ? { signal } : {}) },
  );
  return stdout.split('\n').flatMap((l) => parsePsLine(l) ?? []);
}
