// Exposure audit: what the running containers publish on host addresses (docker inspect), and, for each
// backend port, that no host-side forwarder (docker-proxy) points at it.
import { readdirSync, readFileSync } from 'node:fs';
import { exec } from '../exec.js';
import { type ComposeTarget, containers } from '../stack/compose.js';

export interface Published {
  service: string;
  containerPort: string;
  hostIp: string;
  hostPort: number;
}

export interface ExposureResult {
  ok: boolean;
  published: Published[];
  /** One line per violation. */
  problems: string[];
  /** What was checked, precisely, for the report. */
  checked: string[];
}

interface Inspect {
  Name: string;
  Config: { Labels?: Record<string, string>; ExposedPorts?: Record<string, unknown> };
  HostConfig: { NetworkMode?: string };
  NetworkSettings: {
    Ports?: Record<string, { HostIp: string; HostPort: string }[] | null>;
    Networks?: Record<string, { IPAddress?: string }>;
  };
}

/** Parses `docker inspect` output into host-published ports per compose service. */
export function publishedFromInspect(items: Inspect[]): Published[] {
  return items.flatMap((c) => {
    const service = c.Config.Labels?.['com.docker.compose.service'] ?? c.Name.replace(/^\//, '');
    return Object.entries(c.NetworkSettings.Ports ?? {}).flatMap(([containerPort, bindings]) =>
      (bindings ?? []).map((b) => ({
        service,
        containerPort,
        hostIp: b.HostIp,
        hostPort: Number(b.HostPort),
      })),
    );
  });
}

/** docker-proxy processes on this host, as "ip:port" of the container side they forward to. */
export function dockerProxyTargets(): Set<string> {
  const out = new Set<string>();
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!argv[0]?.endsWith('docker-proxy')) continue;
    const ip = argv[argv.indexOf('-container-ip') + 1];
    const port = argv[argv.indexOf('-container-port') + 1];
    if (ip && port) out.add(`${ip}:${port}`);
  }
  return out;
}

export async function auditExposure(t: ComposeTarget, proxy: string | undefined): Promise<ExposureResult> {
  const ids = (await containers(t)).filter((c) => c.state === 'running').map((c) => c.id);
  if (ids.length === 0)
    return { ok: false, published: [], problems: ['no running container in the project'], checked: [] };
  const items = JSON.parse(
    (await exec('docker', ['inspect', ...ids], { timeoutMs: 30_000 })).stdout,
  ) as Inspect[];
  const published = publishedFromInspect(items);
  const problems: string[] = [];
  const checked: string[] = [
    `docker inspect of ${items.length} container(s): NetworkSettings.Ports host bindings`,
  ];
  for (const p of published)
    if (p.service !== proxy)
      problems.push(
        `service "${p.service}" publishes ${p.containerPort} on ${p.hostIp || '0.0.0.0'}:${p.hostPort}: it bypasses the proxy "${proxy ?? '?'}"; remove its ports: entry (use expose:)`,
      );
  const forwarders = dockerProxyTargets();
  for (const c of items) {
    const service = c.Config.Labels?.['com.docker.compose.service'] ?? c.Name;
    if (service === proxy) continue;
    if (c.HostConfig.NetworkMode === 'host') {
      problems.push(
        `service "${service}" uses network_mode: host, so every port it listens on is on the host's addresses`,
      );
      continue;
    }
    const ports = [
      ...new Set(
        [...Object.keys(c.Config.ExposedPorts ?? {}), ...Object.keys(c.NetworkSettings.Ports ?? {})].map(
          (p) => (p.includes('/') ? p : `${p}/tcp`),
        ),
      ),
    ];
    const ips = Object.values(c.NetworkSettings.Networks ?? {})
      .map((n) => n.IPAddress)
      .filter((ip): ip is string => !!ip);
    for (const port of ports) {
      const number = port.split('/')[0]!;
      const hit = ips.find((ip) => forwarders.has(`${ip}:${number}`));
      if (hit)
        problems.push(
          `a docker-proxy on the host forwards to ${service} ${hit}:${number}: the backend port is reachable from host addresses`,
        );
      checked.push(
        `${service} ${port}: no host binding in docker inspect and no docker-proxy forwarding to ${ips.map((ip) => `${ip}:${number}`).join(', ') || 'it'}`,
      );
    }
  }
  return { ok: problems.length === 0, published, problems, checked };
}
