// Who holds a host port: a container (docker ps) or a process (/proc/net/tcp{,6} + /proc/*/fd).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { exec } from '../exec.js';

export interface Listener {
  address: string;
  port: number;
  inode: number;
}

function hexToIpv4(hex: string): string {
  // /proc prints the address as a little-endian 32-bit word.
  const n = Number.parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24].join('.');
}

function hexToIpv6(hex: string): string {
  const words: string[] = [];
  for (let i = 0; i < 32; i += 8) {
    const w = hex.slice(i, i + 8);
    // Each 32-bit group is little-endian.
    const bytes = [w.slice(6, 8), w.slice(4, 6), w.slice(2, 4), w.slice(0, 2)].join('');
    words.push(bytes.slice(0, 4), bytes.slice(4, 8));
  }
  const full = words.map((w) => Number.parseInt(w, 16).toString(16)).join(':');
  if (full === '0:0:0:0:0:0:0:0') return '::';
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  return full;
}

/** LISTEN sockets in the text of /proc/net/tcp or /proc/net/tcp6. */
export function parseProcNetTcp(text: string, v6: boolean): Listener[] {
  const out: Listener[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 10 || cols[3] !== '0A') continue;
    const [addr, port] = cols[1]!.split(':');
    out.push({
      address: v6 ? hexToIpv6(addr!) : hexToIpv4(addr!),
      port: Number.parseInt(port!, 16),
      inode: Number(cols[9]),
    });
  }
  return out;
}

export function listeners(): Listener[] {
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return '';
    }
  };
  return [...parseProcNetTcp(read('/proc/net/tcp'), false), ...parseProcNetTcp(read('/proc/net/tcp6'), true)];
}

export interface ProcessInfo {
  pid: number;
  command: string;
}

/** The process that has the socket inode open; undefined when it belongs to a process we cannot read. */
export function processOfInode(inode: number): ProcessInfo | undefined {
  const target = `socket:[${inode}]`;
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (link !== target) continue;
      let command = '';
      try {
        command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      } catch {
        // The process exited while we looked.
      }
      return { pid: Number(pid), command: command.slice(0, 200) };
    }
  }
  return undefined;
}

/** Host ports published by running containers, from `docker ps` ("0.0.0.0:443->443/tcp, :::443->443/tcp"). */
export function parseDockerPsPorts(line: string): { name: string; port: number; protocol: string }[] {
  const [name, ports] = line.split('\t');
  if (!name || !ports) return [];
  const out: { name: string; port: number; protocol: string }[] = [];
  for (const m of ports.matchAll(
    /(?:^|,\s*)(?:[\d.]+|\[?[0-9a-f:]*\]?):(\d+)(?:-(\d+))?->\d+(?:-\d+)?\/(\w+)/g,
  )) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let p = from; p <= to; p++) out.push({ name, port: p, protocol: m[3]! });
  }
  return out;
}

export interface PortWanted {
  service: string;
  port: number;
  hostIp?: string;
  protocol: string;
}

export interface PortConflict extends PortWanted {
  /** "container sg-x-nginx-1", "process 1234 (python3 -m http.server 8443)". */
  holder: string;
}

function overlaps(wantedIp: string | undefined, held: string): boolean {
  const any = (ip: string | undefined) => !ip || ip === '0.0.0.0' || ip === '::';
  return any(wantedIp) || any(held) || wantedIp === held || held === '::ffff:' + wantedIp;
}

/** Every wanted TCP port that something already listens on, with who holds it. */
export async function findPortConflicts(wanted: PortWanted[], signal?: AbortSignal): Promise<PortConflict[]> {
  const tcp = wanted.filter((w) => w.protocol === 'tcp');
  if (tcp.length === 0) return [];
  const held = listeners();
  const busy = tcp.filter((w) => held.some((l) => l.port === w.port && overlaps(w.hostIp, l.address)));
  if (busy.length === 0) return [];
  const ps = await exec('docker', ['ps', '--format', '{{.Names}}\t{{.Ports}}'], {
    timeoutMs: 20_000,
    reject: false,
    ...(signal ? { signal } : {}),
  }).catch(() => undefined);
  const byContainer = (ps?.stdout ?? '').split('\n').flatMap(parseDockerPsPorts);
  return busy.map((w) => {
    const container = byContainer.find((c) => c.port === w.port && c.protocol === 'tcp');
    if (container) return { ...w, holder: `container "${container.name}" (docker ps)` };
    const l = held.find((x) => x.port === w.port && overlaps(w.hostIp, x.address))!;
    const proc = processOfInode(l.inode);
    return {
      ...w,
      holder: proc
        ? `process ${proc.pid} (${proc.command || 'unknown command'}) listening on ${l.address}:${l.port}`
        : `a process this user cannot inspect, listening on ${l.address}:${l.port} (try: sudo ss -ltnp 'sport = :${l.port}')`,
    };
  });
}
