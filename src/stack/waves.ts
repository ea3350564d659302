// The order `up` starts services in. Compose waits for `depends_on: service_healthy` (and
// `service_completed_successfully`) by polling every 500 ms, and its first look comes only after the first
// tick, so each such edge costs up to half a second after the dependency is already healthy. stackgate
// starts one wave per such edge instead (`up -d --no-deps <wave>`), and waits between waves on the
// engine's own events: the next wave starts the moment the dependency's health event arrives.
import type { ComposeService, DependsOn } from '../compose/model.js';

/** A dependency a later wave waits for: healthy, or exited with status 0. */
export interface Gate {
  service: string;
  condition: 'service_healthy' | 'service_completed_successfully';
}

export interface Wave {
  /** Dependencies first. */
  services: string[];
  /** What must hold before this wave starts (empty for the first). */
  gates: Gate[];
}

const waits = (d: DependsOn): d is DependsOn & { condition: Gate['condition'] } =>
  d.condition === 'service_healthy' || d.condition === 'service_completed_successfully';

/**
 * Active services in waves: a service is in the wave after every dependency it must wait for, and in the
 * same wave as those it only needs started (compose orders those itself inside one call). Dependencies on
 * inactive or unknown services are compose's own error (the compose-reference rule reports them), and a
 * cycle is compose's error too; both leave the services in the first wave, so compose is the one to say so.
 */
export function startWaves(services: readonly ComposeService[]): Wave[] {
  const active = new Map(services.filter((s) => s.active).map((s) => [s.name, s]));
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (name: string): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    const s = active.get(name);
    if (!s || visiting.has(name)) return 0;
    visiting.add(name);
    let l = 0;
    for (const d of s.dependsOn) {
      if (!active.has(d.service)) continue;
      l = Math.max(l, levelOf(d.service) + (waits(d) ? 1 : 0));
    }
    visiting.delete(name);
    level.set(name, l);
    return l;
  };
  for (const name of active.keys()) levelOf(name);
  // Dependencies before their dependants, so that a wave can be started in this order.
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name) || !active.has(name)) return;
    placed.add(name);
    for (const d of active.get(name)!.dependsOn) place(d.service);
    order.push(name);
  };
  for (const name of active.keys()) place(name);
  const count = Math.max(-1, ...level.values()) + 1;
  return Array.from({ length: count }, (_, i) => {
    const members = order.filter((n) => level.get(n) === i);
    const gates = new Map<string, Gate>();
    for (const n of members)
      for (const d of active.get(n)!.dependsOn)
        if (waits(d) && active.has(d.service) && (level.get(d.service) ?? 0) < i)
          gates.set(`${d.service}\0${d.condition}`, { service: d.service, condition: d.condition });
    return { services: members, gates: [...gates.values()] };
  });
}

/**
 * The services of every wave after the first, when they may be created by compose ahead of time and
 * started by the engine (`docker start`), which is all compose's start does for a created container;
 * undefined when there is no later wave or one has `post_start` hooks, which only compose runs.
 */
export function engineStartable(
  waves: readonly Wave[],
  services: readonly ComposeService[],
): string[] | undefined {
  const later = waves.slice(1).flatMap((w) => w.services);
  const hooked = new Set(services.filter((s) => s.postStart).map((s) => s.name));
  return later.length > 0 && !later.some((n) => hooked.has(n)) ? later : undefined;
}
