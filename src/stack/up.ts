// `up`: validate → certificates → free ports → images → `docker compose up -d`, one wave per dependency
// that must be healthy first (see waves.ts) → ready by the engine's events (readiness.ts) → nginx answers.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { errorMessage, UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { ExecError, exec } from '../exec.js';
import type { ProjectView } from '../project/view.js';
import { summarize } from '../report/summary.js';
import { renderText } from '../report/text.js';
import { validate } from '../validate.js';
import { type CertOutcome, ensureCertificates, type TlsMode } from './certs.js';
import {
  COMPOSE_MISSING,
  type ComposeTarget,
  compose,
  composeV2Problem,
  explainUp,
  requireEngine,
  StackError,
  type StackFailureKind,
} from './compose.js';
import { findPortConflicts } from './ports.js';
import { type ContainerEvent, ContainerWatch, type Need, NotReady } from './readiness.js';
import { waitForProxy } from './ready.js';
import { type PublishedPort, type StackState, writeState } from './state.js';
import { engineStartable, startWaves } from './waves.js';

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

function describeEvent(e: ContainerEvent): string {
  if (e.action === 'die') return `${e.service} die (exit ${e.exitCode})`;
  if (e.action === 'health') return `${e.service} health_status: ${e.health}`;
  return `${e.service} start`;
}

/** The last log lines of failed services, nginx's [emerg]/[alert] lines first: the one line that says why. */
async function logTail(t: ComposeTarget, services: string[]): Promise<string[]> {
  if (services.length === 0) return [];
  const logs = await compose(t, ['logs', '--no-color', '--tail', '20', ...services], {
    timeoutMs: 20_000,
  }).catch(() => undefined);
  if (!logs) return [];
  const lines = `${logs.stdout}\n${logs.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const emerg = lines.filter((l) => /\[(emerg|alert|crit)\]/.test(l));
  return (emerg.length ? emerg : lines.slice(-5)).map((l) => `log: ${l}`);
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
  await engine;
  let { findings, view } = await loaded;
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
  // The engine's events from before the first container: readiness and a dying proxy are seen at once.
  const events: string[] = [];
  const died = new AbortController();
  const watch = new ContainerWatch({
    project,
    env: opts.env,
    ...(opts.signal ? { signal: opts.signal } : {}),
    onEvent: (e) => {
      events.push(describeEvent(e));
      if (e.action === 'die' && e.service === view.proxy?.name) died.abort(new Error(`${e.service} exited`));
    },
  });
  let created: Promise<void> | undefined;
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

    const deadline = performance.now() + opts.timeoutSeconds * 1000;
    const waves = startWaves(view.compose.services);
    // What `--wait` would wait for: every service running (healthy where it has a healthcheck); a
    // `service_completed_successfully` dependency exited 0 instead.
    const finalNeeds = new Map<string, Need>(
      waves.flatMap((w) => w.services).map((name) => [name, 'running' as Need]),
    );
    for (const w of waves)
      for (const g of w.gates)
        if (g.condition === 'service_completed_successfully') finalNeeds.set(g.service, g.condition);
    const failed = async (kind: StackFailureKind, message: string): Promise<never> => {
      const states = watch.containers;
      const detail = states
        .filter((c) => c.state !== 'running' || (c.health && c.health !== 'healthy'))
        .map(
          (c) =>
            `${c.service}: ${c.state}${c.health ? `, ${c.health}` : ''}${c.state === 'exited' ? ` (exit ${c.exitCode})` : ''}`,
        );
      const bad = [
        ...new Set(
          states
            .filter(
              (c) =>
                (c.state !== 'running' && finalNeeds.get(c.service) !== 'service_completed_successfully') ||
                c.health === 'unhealthy',
            )
            .map((c) => c.service),
        ),
      ];
      throw new StackError(kind, message, [
        ...detail,
        ...(await logTail(t, bad)),
        ...events.map((e) => `event: ${e}`),
      ]);
    };
    const waitFor = async (needs: Map<string, Need>, what: string): Promise<void> => {
      try {
        await watch.until(needs, deadline, opts.signal);
      } catch (error) {
        if (opts.signal?.aborted)
          throw new StackError('canceled', 'up was interrupted; the run is being cleaned up');
        if (error instanceof NotReady) return failed(error.kind, error.message);
        return failed('timeout', `${what} within --timeout ${opts.timeoutSeconds} s`);
      }
    };
    const engineFailure = async (error: unknown): Promise<never> => {
      if (opts.signal?.aborted)
        throw new StackError('canceled', 'up was interrupted; the run is being cleaned up');
      const stderr = error instanceof ExecError ? error.stderr : String(error);
      if (COMPOSE_MISSING.test(stderr))
        throw new StackError('compose-missing', (await composeV2Problem()) ?? stderr.trim());
      const why =
        error instanceof ExecError && error.failure === 'timeout'
          ? {
              kind: 'timeout' as const,
              message: `the stack was not ready within --timeout ${opts.timeoutSeconds} s`,
            }
          : explainUp(stderr, opts.env);
      await watch.snapshot().catch(() => {});
      return failed(why.kind, why.message);
    };
    const bound = () => ({
      timeoutMs: Math.ceil(Math.max(1000, deadline - performance.now())) + 5000,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    // Later waves are created by compose while the first waits (`up --no-start`), and started by the
    // engine once their gate opens: no second compose start-up on the critical path (see waves.ts).
    const later = engineStartable(waves, view.compose.services);
    let snapshot: Promise<void> = Promise.resolve();
    for (const [i, wave] of waves.entries()) {
      if (wave.gates.length > 0) {
        opts.log(
          `up: waiting for ${wave.gates.map((g) => `${g.service} ${g.condition === 'service_healthy' ? 'healthy' : 'completed'}`).join(', ')} (engine events)`,
        );
        await waitFor(
          new Map(wave.gates.map((g) => [g.service, g.condition])),
          `${wave.gates.map((g) => g.service).join(', ')} did not become ${wave.gates.some((g) => g.condition === 'service_healthy') ? 'healthy' : 'ready'}`,
        );
      }
      if (i > 0 && created) {
        await created;
        const members = wave.services.flatMap((name) => watch.containers.filter((c) => c.service === name));
        if (members.length === 0)
          return failed('start', `compose created no container for ${wave.services.join(', ')}`);
        opts.log(`up: docker start ${members.map((c) => c.name).join(' ')}`);
        await exec('docker', ['start', ...members.map((c) => c.id)], { env: opts.env, ...bound() }).catch(
          engineFailure,
        );
      } else {
        // One wave: compose's own `up -d`. Several: each wave alone, its dependencies already met.
        const args = waves.length === 1 ? ['up', '-d'] : ['up', '-d', '--no-deps', ...wave.services];
        opts.log(`up: docker compose -p ${project} ${args.join(' ')}`);
        await compose(t, args, { ...bound(), onLine: (line) => opts.log(`  ${line}`) }).catch(engineFailure);
      }
      if (i === 0 && later) {
        opts.log(`up: docker compose -p ${project} up --no-start --no-deps ${later.join(' ')}`);
        created = compose(t, ['up', '--no-start', '--no-deps', ...later], {
          ...bound(),
          onLine: (line) => opts.log(`  ${line}`),
        }).then(() => watch.snapshot(), engineFailure);
        created.catch(() => {});
      }
      // Containers that were already running emit no event; the snapshot says where they are (and whether
      // a started container has a healthcheck). The last one runs beside the proxy's first answer.
      snapshot = watch.snapshot();
      if (i < waves.length - 1) await snapshot;
    }
    const proxyAnswers = view.proxy
      ? waitForProxy({
          ports: ports.filter((p) => p.service === view.proxy!.name && p.protocol === 'tcp'),
          deadlineMs: Math.max(0, deadline - performance.now()),
          signal: opts.signal ? AbortSignal.any([opts.signal, died.signal]) : died.signal,
        }).catch(async (error: unknown) => {
          if (opts.signal?.aborted)
            throw new StackError('canceled', 'up was interrupted; the run is being cleaned up');
          const proxy = watch.containers.find((c) => c.service === view.proxy!.name);
          if (proxy && proxy.state !== 'running')
            return failed(
              'start',
              `the proxy "${view.proxy!.name}" ${proxy.state} (exit ${proxy.exitCode}) after start`,
            );
          return failed(
            'timeout',
            `the proxy "${view.proxy!.name}" accepted no connection within ${opts.timeoutSeconds} s: ${errorMessage(error)}`,
          );
        })
      : Promise.resolve();
    proxyAnswers.catch(() => {});
    await Promise.all([snapshot, waitFor(finalNeeds, 'the stack was not ready'), proxyAnswers]);
  } finally {
    // A creation still running would race the caller's `down` and leave containers behind.
    await created?.catch(() => {});
    await watch.stop();
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
    events,
  };
}
