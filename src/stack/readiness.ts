// Readiness from the engine's own events: one `docker events` stream for the run's project, started before
// the first container, plus a `docker ps` snapshot after each start (a container that was already running
// emits nothing). Waiting is a predicate re-checked on every event: no polling, no sleeps.
import { type Running, start } from '../exec.js';
import { type ContainerInfo, containers } from './compose.js';
import type { Gate } from './waves.js';

export type ContainerEvent =
  | { id: string; service: string; name: string; action: 'start' }
  | { id: string; service: string; name: string; action: 'die'; exitCode: number }
  | { id: string; service: string; name: string; action: 'health'; health: string };

/** One line of `docker events --format '{{json .}}'`; undefined for lines and actions readiness ignores. */
export function parseEvent(line: string): ContainerEvent | undefined {
  let e: { id?: string; Action?: string; Actor?: { ID?: string; Attributes?: Record<string, string> } };
  try {
    e = JSON.parse(line);
  } catch {
    return undefined;
  }
  const attrs = e.Actor?.Attributes ?? {};
  const id = e.Actor?.ID ?? e.id ?? '';
  const service = attrs['com.docker.compose.service'] ?? '';
  const base = { id, service, name: attrs.name ?? '' };
  const action = e.Action ?? '';
  if (!id || !service) return undefined;
  if (action === 'start') return { ...base, action };
  if (action === 'die') return { ...base, action, exitCode: Number(attrs.exitCode ?? 0) };
  const health = /^health_status: (\w+)$/.exec(action)?.[1];
  return health ? { ...base, action: 'health', health } : undefined;
}

/** What a wait ended on, when it did not end ready. */
export class NotReady extends Error {
  override readonly name = 'NotReady';
  constructor(
    readonly kind: 'start' | 'unhealthy',
    readonly service: string,
    message: string,
  ) {
    super(message);
  }
}

/** Per service, what waiting needs: started and healthy (or no healthcheck), or exited with status 0. */
export type Need = 'running' | Gate['condition'];

/**
 * Ready when every container of every wanted service meets its need; throws NotReady on the first
 * container that cannot (exited when it should run, exited non-zero, unhealthy); false while waiting.
 */
export function readyFor(
  containers: Iterable<ContainerInfo & { healthKnown?: boolean }>,
  wanted: ReadonlyMap<string, Need>,
): boolean {
  const seen = new Set<string>();
  let ready = true;
  for (const c of containers) {
    const need = wanted.get(c.service);
    if (!need) continue;
    seen.add(c.service);
    if (c.state === 'exited' || c.state === 'dead') {
      if (need === 'service_completed_successfully' && c.exitCode === 0) continue;
      throw new NotReady('start', c.service, `${c.service} exited (exit ${c.exitCode})`);
    }
    if (need === 'service_completed_successfully') {
      ready = false;
      continue;
    }
    if (c.health === 'unhealthy') throw new NotReady('unhealthy', c.service, `${c.service} is unhealthy`);
    // A start event does not say whether the container has a healthcheck; a snapshot or health event does.
    if (c.state !== 'running' || c.healthKnown === false) ready = false;
    else if (c.health === 'starting') ready = false;
    else if (need === 'service_healthy' && c.health !== 'healthy') ready = false;
  }
  return ready && [...wanted.keys()].every((s) => seen.has(s));
}

export interface WatchOptions {
  project: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Every event, for the report's event list and for the caller's own reactions. */
  onEvent?: (event: ContainerEvent) => void;
}

/** The project's containers as the engine reports them, kept current by its events. */
export class ContainerWatch {
  private readonly byId = new Map<string, ContainerInfo & { healthKnown: boolean }>();
  private readonly wakers = new Set<() => void>();
  private readonly stream: Running;

  constructor(private readonly opts: WatchOptions) {
    this.stream = start(
      'docker',
      [
        'events',
        '--filter',
        `label=com.docker.compose.project=${opts.project}`,
        // Not the containers of `compose run`: they are not the stack.
        '--filter',
        'label=com.docker.compose.oneoff=False',
        '--filter',
        'type=container',
        '--filter',
        'event=start',
        '--filter',
        'event=die',
        '--filter',
        'event=health_status',
        '--format',
        '{{json .}}',
      ],
      {
        env: opts.env,
        ...(opts.signal ? { signal: opts.signal } : {}),
        onLine: (line) => {
          const event = parseEvent(line);
          if (!event) return;
          this.apply(event);
          opts.onEvent?.(event);
        },
      },
    );
  }

  private apply(e: ContainerEvent): void {
    const c = this.byId.get(e.id) ?? {
      id: e.id,
      name: e.name,
      service: e.service,
      state: 'created',
      exitCode: 0,
      healthKnown: false,
    };
    if (e.action === 'start') {
      c.state = 'running';
      c.exitCode = 0;
    } else if (e.action === 'die') {
      c.state = 'exited';
      c.exitCode = e.exitCode;
    } else {
      c.health = e.health;
      c.healthKnown = true;
    }
    this.byId.set(e.id, c);
    this.wake();
  }

  private wake(): void {
    for (const w of this.wakers) w();
  }

  /**
   * Merges a `docker ps` view. An event may have overtaken the snapshot in flight, so a snapshot never
   * takes back what an event already said (running → created, healthy → starting).
   */
  async snapshot(): Promise<void> {
    const listed = await containers(this.opts, this.opts.signal);
    for (const c of listed) {
      const known = this.byId.get(c.id);
      // A created container has no health state yet: only a later snapshot or event says.
      const healthKnown = c.state !== 'created';
      if (!known) {
        this.byId.set(c.id, { ...c, healthKnown });
        continue;
      }
      if (c.state !== 'running' && c.state !== 'created') {
        known.state = c.state;
        known.exitCode = c.exitCode;
      } else if (known.state === 'created') known.state = c.state;
      if (c.health && known.health !== 'healthy' && known.health !== 'unhealthy') known.health = c.health;
      known.healthKnown ||= healthKnown && known.state !== 'created';
    }
    this.wake();
  }

  get containers(): ContainerInfo[] {
    return [...this.byId.values()].map(({ healthKnown: _, ...c }) => c);
  }

  /** Resolves once `readyFor(wanted)` holds; rejects with NotReady, the signal's reason, or at the deadline. */
  until(wanted: ReadonlyMap<string, Need>, deadline: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (error?: unknown) => {
        this.wakers.delete(check);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = () => finish(signal?.reason ?? new Error('aborted'));
      const check = () => {
        try {
          if (readyFor(this.byId.values(), wanted)) finish();
        } catch (error) {
          finish(error);
        }
      };
      this.wakers.add(check);
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => finish(new Error('deadline')), Math.max(0, deadline - performance.now()));
      if (signal?.aborted) onAbort();
      else check();
    });
  }

  async stop(): Promise<void> {
    await this.stream.stop();
  }
}
