// Starting the stack and waiting until it is ready: the waves of waves.ts, started by compose (and, for
// later waves, by the engine), readiness from the engine's events (readiness.ts) and the proxy's first
// answer (ready.ts). What `up` does after validation, certificates, ports and images.
import { errorMessage } from '../core/errors.js';
import { ExecError, exec } from '../exec.js';
import type { ProjectView } from '../project/view.js';
import {
  COMPOSE_MISSING,
  type ComposeTarget,
  compose,
  composeV2Problem,
  explainUp,
  StackError,
  type StackFailureKind,
} from './compose.js';
import { type ContainerEvent, ContainerWatch, type Need, NotReady } from './readiness.js';
import { waitForProxy } from './ready.js';
import type { PublishedPort } from './state.js';
import type { StackOptions } from './up.js';
import { engineStartable, startWaves } from './waves.js';

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

export class StackStart {
  /** What the engine said while the stack started, for the report and a failure's detail. */
  readonly events: string[] = [];
  private readonly died = new AbortController();
  private readonly watch: ContainerWatch;
  /** The later waves' containers being created beside the first wave's wait. */
  private created: Promise<void> | undefined;

  /** Starts watching the engine's events at once: before the first container exists. */
  constructor(
    private readonly t: ComposeTarget,
    private readonly view: ProjectView,
    private readonly ports: PublishedPort[],
    private readonly opts: StackOptions,
  ) {
    this.watch = new ContainerWatch({
      project: t.project,
      env: opts.env,
      ...(opts.signal ? { signal: opts.signal } : {}),
      onEvent: (e) => {
        this.events.push(describeEvent(e));
        if (e.action === 'die' && e.service === view.proxy?.name)
          this.died.abort(new Error(`${e.service} exited`));
      },
    });
  }

  /** Starts every wave and resolves when the stack is ready and the proxy answers; throws StackError. */
  async run(): Promise<void> {
    const { t, view, ports, opts, watch } = this;
    const project = t.project;
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
        ...this.events.map((e) => `event: ${e}`),
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
      if (i > 0 && this.created) {
        await this.created;
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
        this.created = compose(t, ['up', '--no-start', '--no-deps', ...later], {
          ...bound(),
          onLine: (line) => opts.log(`  ${line}`),
        }).then(() => watch.snapshot(), engineFailure);
        this.created.catch(() => {});
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
          signal: opts.signal ? AbortSignal.any([opts.signal, this.died.signal]) : this.died.signal,
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
  }

  async stop(): Promise<void> {
    // A creation still running would race the caller's `down` and leave containers behind.
    await this.created?.catch(() => {});
    await this.watch.stop();
  }
}
