// `up`: validate → certificates → free ports → images → start and wait until ready (start.ts: waves of
// `docker compose up`, readiness from the engine's events, the proxy's first answer).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { TlsMode } from '../core/tls-modes.js';
import { ExecError, exec } from '../exec.js';
import type { InputNames } from '../inputs.js';
import type { ProjectView } from '../project/view.js';
import { summarize } from '../report/summary.js';
import { renderText } from '../report/text.js';
import { validate } from '../validate.js';
import { type CertOutcome, ensureCertificates } from './certs.js';
import {
  COMPOSE_MISSING,
  type ComposeTarget,
  compose,
  composeV2Problem,
  explainUp,
  requireEngine,
  StackError,
} from './compose.js';
import { findPortConflicts } from './ports.js';
import { StackStart } from './start.js';
import { type PublishedPort, type StackState, writeState } from './state.js';

export interface StackOptions {
  cwd: string;
  files: string[];
  profiles: string[];
  envFiles: string[];
  env: NodeJS.ProcessEnv;
  projectName?: string;
  /** Seconds for the whole `up`: until every service is ready and the proxy answers. */
  timeoutSeconds: number;
  signal?: AbortSignal;
  /** Progress lines (stderr in the CLI, the log in the action). */
  log: (line: string) => void;
  /** How the caller names its inputs in messages (the action's `compose-file`, the CLI's `--compose`). */
  inputNames?: Partial<InputNames>;
}

export interface UpOptions extends StackOptions {
  validate: boolean;
  tls: TlsMode;
  /** Called as soon as the state file exists, before any container: the caller's cleanup can find the run. */
  onState?: (state: StackState) => void;
}

export interface ValidateCounts {
  errors: number;
  warnings: number;
  notes: number;
}

export interface UpResult {
  ok: true;
  seconds: number;
  state: StackState;
  validate: ValidateCounts & { skipped: boolean };
  findings: Finding[];
  certs: CertOutcome[];
  view: ProjectView;
  events: string[];
}

const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function uniqueProjectName(base: string): string {
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+/, '')
      .slice(0, 40) || 'stack';
  return `${slug}-${randomBytes(4).toString('hex')}`;
}

async function loadAndValidate(opts: UpOptions) {
  return validate({
    cwd: opts.cwd,
    files: opts.files,
    nginxFiles: [],
    profiles: opts.profiles,
    envFiles: opts.envFiles,
    env: opts.env,
    ...(opts.inputNames ? { inputNames: opts.inputNames } : {}),
  });
}

function publishedPorts(view: ProjectView): PublishedPort[] {
  return view.compose.services
    .filter((s) => s.active)
    .flatMap((s) =>
      s.ports
        .filter((p) => p.published !== undefined)
        .map((p) => ({
          service: s.name,
          target: p.target,
          published: p.published!,
          ...(p.hostIp ? { hostIp: p.hostIp } : {}),
          protocol: p.protocol,
        })),
    );
}

/** Images that are neither local nor pullable stop here, one line each, before any container exists. */
async function ensureImages(t: ComposeTarget, view: ProjectView, opts: UpOptions): Promise<void> {
  const wanted = view.compose.services.filter((s) => s.active && s.image && !s.build);
  const present = await Promise.all(
    wanted.map(
      async (s) =>
        (
          await exec('docker', ['image', 'inspect', '--format', '{{.Id}}', s.image!.value], {
            reject: false,
            timeoutMs: 20_000,
          })
        ).exitCode === 0,
    ),
  );
  for (const [i, s] of wanted.entries()) {
    const image = s.image!.value;
    if (present[i]) continue;
    opts.log(`up: image ${image} (service ${s.name}) is not present locally; pulling it`);
    try {
      await compose(t, ['pull', '--quiet', s.name], {
        timeoutMs: opts.timeoutSeconds * 1000,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (error) {
      const stderr = error instanceof ExecError ? error.stderr : String(error);
      if (COMPOSE_MISSING.test(stderr))
        throw new StackError('compose-missing', (await composeV2Problem()) ?? stderr.trim());
      const why = explainUp(stderr, opts.env);
      const last = stderr.trim().split('\n').filter(Boolean).pop() ?? 'pull failed';
      throw new StackError(
        why.kind === 'engine' ? 'engine' : 'pull',
        why.kind === 'engine'
          ? why.message
          : `image ${image} (service ${s.name}) is not present locally and could not be pulled: ${last.replace(/^Error response from daemon: /, '')}`,
        stderr.trim().split('\n').slice(-5),
      );
    }
  }
}

export async function up(opts: UpOptions): Promise<UpResult> {
  const started = performance.now();
  if (opts.projectName !== undefined && !PROJECT_NAME.test(opts.projectName))
    throw new UsageError(
      `--project-name "${opts.projectName}": use lowercase letters, digits, '-' and '_', starting with a letter or digit`,
    );
  // The engine check (the compose plugin alone takes ~0.3 s to start) runs beside validation.
  const engine = requireEngine(opts.env, opts.signal);
  engine.catch(() => {});
  const loaded = loadAndValidate(opts);
  loaded.catch(() => {});
  // The input's own errors (exit 2) come before the engine's.
  let { findings, view } = await loaded;
  await engine;
  const certs = await ensureCertificates(view, opts.tls, opts.signal);
  for (const c of certs.filter((x) => x.action === 'generated'))
    opts.log(
      `up: generated a self-signed certificate ${path.relative(opts.cwd, c.pair.certHost!)} (key ${path.relative(opts.cwd, c.pair.keyHost!)})`,
    );
  // The certificates now exist, so the findings about them are gone: validate what will really start.
  if (certs.some((c) => c.action === 'generated')) ({ findings, view } = await loadAndValidate(opts));
  const counts = summarize(findings);
  if (opts.validate && counts.errors > 0) {
    throw new StackError(
      'validate',
      `validate found ${counts.errors} error(s); nothing was started (fix them, or pass --no-validate to start anyway)`,
      renderText(
        findings.filter((f) => f.severity === 'error'),
        opts.cwd,
      )
        .trimEnd()
        .split('\n'),
    );
  }

  const project = opts.projectName ?? uniqueProjectName(view.compose.projectName);
  const ports = publishedPorts(view);
  const imageEnv = Object.fromEntries(
    Object.entries(opts.env).filter(([k, v]) => /_IMAGE$/.test(k) && typeof v === 'string'),
  ) as Record<string, string>;
  const state: StackState = {
    version: 1,
    project,
    cwd: opts.cwd,
    files: opts.files,
    profiles: opts.profiles,
    envFiles: opts.envFiles,
    ...(view.proxy ? { proxy: view.proxy.name } : {}),
    ports,
    generated: certs
      .filter((c) => c.action === 'generated')
      .flatMap((c) => [path.relative(opts.cwd, c.pair.certHost!), path.relative(opts.cwd, c.pair.keyHost!)]),
    startedAt: new Date().toISOString(),
    imageEnv,
  };
  const t: ComposeTarget = {
    cwd: opts.cwd,
    files: opts.files,
    profiles: opts.profiles,
    envFiles: opts.envFiles,
    project,
    env: opts.env,
  };
  const starter = new StackStart(t, view, ports, opts);
  try {
    const conflicts = await findPortConflicts(
      ports.map((p) => ({
        service: p.service,
        port: p.published,
        protocol: p.protocol,
        ...(p.hostIp ? { hostIp: p.hostIp } : {}),
      })),
      opts.signal,
    );
    if (conflicts.length > 0) {
      throw new StackError(
        'port-taken',
        conflicts
          .map((c) => `host port ${c.port} (service ${c.service}) is already taken by ${c.holder}`)
          .join('; '),
      );
    }

    await ensureImages(t, view, opts);
    writeState(state);
    opts.onState?.(state);

    await starter.run();
  } finally {
    await starter.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  opts.log(`up: ${project} is up in ${seconds.toFixed(1)} s`);
  return {
    ok: true,
    seconds,
    state,
    validate: { ...counts, skipped: !opts.validate },
    findings,
    certs,
    view,
    events: starter.events,
  };
}
