// Real DNS and HTTP servers on loopback for the dns check test and benchmark: started and stopped by
// the caller, readiness by polling the real condition (an answered query, an accepted connection).
import { type ChildProcess, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { promises as dns } from 'node:dns';
import net from 'node:net';
import { userInfo } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

export interface DnsRecord {
  name: string;
  address: string;
}

/** A free port on 127.0.0.1 for the given transport (the kernel picks; a small race is acceptable here). */
export async function freePort(kind: 'tcp' | 'udp'): Promise<number> {
  if (kind === 'udp') {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const { port } = socket.address();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    return port;
  }
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `condition` until it holds or `timeoutMs` passes; the error names what never became ready. */
export async function waitFor(
  what: string,
  condition: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await delay(25);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms${lastError ? `: ${lastError}` : ''}`);
}

export function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** True when this machine can bind ::1 (some sandboxes have no IPv6 loopback). */
export async function hasIpv6Loopback(): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, '::1', () => server.close(() => resolve(true)));
  });
}

export interface Service {
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns a foreground server process, collecting its output for error messages. */
export function startProcess(command: string, args: string[]): Service {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += `\n${error.message}`;
      resolve();
    });
  });
  return {
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** dnsmasq answering only `records`, on 127.0.0.1:port, with no upstream, hosts file or system config. */
export async function startDnsmasq(records: DnsRecord[], port: number, pidFile: string): Promise<Service> {
  const args = [
    '--keep-in-foreground',
    '--conf-file=/dev/null',
    '--no-resolv',
    '--no-hosts',
    '--no-negcache',
    `--port=${port}`,
    '--listen-address=127.0.0.1',
    '--bind-interfaces',
    '--log-facility=-',
    `--pid-file=${pidFile}`,
    `--user=${userInfo().username}`,
    ...records.map((r) => `--host-record=${r.name},${r.address}`),
  ];
  const service = startProcess('dnsmasq', args);
  const first = records[0];
  if (!first) return service;
  const resolver = new dns.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  try {
    await waitFor('dnsmasq', async () => {
      if (service.process.exitCode !== null) throw new Error(`dnsmasq exited: ${service.output()}`);
      const answer = net.isIPv6(first.address)
        ? resolver.resolve6(first.name)
        : resolver.resolve4(first.name);
      return (await answer.catch(() => [])).length > 0;
    });
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}
