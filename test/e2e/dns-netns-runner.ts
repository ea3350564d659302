// Runs inside `unshare --net --mount --pid --fork` (see dns-system-order.test.ts): builds a private
// network on lo, points the system resolver (resolv.conf, nsswitch.conf, gai.conf) at a dnsmasq it
// starts, serves HTTP on every record address, runs `dns check` without --resolver and `getent ahosts`
// for each requested run, and prints their results as JSON. Everything it changes lives in its own
// namespaces: the bind mounts and addresses vanish, and the kernel kills every process it started,
// when it exits.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inPrefix, mustParseIp } from '../../src/dns/ip.js';
import { type DnsRecord, type Service, startDnsmasq } from './dns-servers.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../src/entries/cli.js', import.meta.url));

export interface NetnsRun {
  id: string;
  /** Contents of /etc/gai.conf while this run's processes start (glibc reads it once per process). */
  gaiConf: string;
  name: string;
  /** Arguments after `dns check NAME`. */
  args: string[];
}

export interface NetnsConfig {
  workDir: string;
  /**
   * The client's own addresses on lo, with prefix length. A record's source is the one whose subnet
   * holds it, else the first of its family.
   */
  sources: string[];
  records: DnsRecord[];
  httpPort: number;
  runs: NetnsRun[];
}

export interface NetnsRunResult {
  id: string;
  code: number;
  stdout: string;
  stderr: string;
  /** Unique addresses of `getent ahosts NAME`, in its order: getaddrinfo's own answer. */
  getent: string[];
}

async function sh(command: string, ...args: string[]): Promise<string> {
  try {
    return (await run(command, args)).stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')}: ${e.stderr?.trim() || e.message}`);
  }
}

async function captured(command: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(command, args, { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    if (typeof e.code !== 'number') throw new Error(`${command}: ${e.message}`);
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Replaces a system file for this mount namespace only. */
async function overlay(systemPath: string, workDir: string, contents: string): Promise<string> {
  const file = join(workDir, systemPath.replaceAll('/', '_'));
  writeFileSync(file, contents);
  await sh('mount', '--bind', file, systemPath);
  return file;
}

/**
 * lo up, the client's addresses on it, and every record address made local with the client's address
 * as its preferred source: the kernel then answers "source = client" for each record (what glibc's
 * UDP connect and `dns check` read), yet a server can bind the record address.
 */
async function buildNetwork(config: NetnsConfig): Promise<void> {
  await sh('ip', 'link', 'set', 'lo', 'up');
  // IPv4 binds to addresses of a local route; IPv6 only with non-local bind (this namespace only).
  writeFileSync('/proc/sys/net/ipv6/ip_nonlocal_bind', '1\n');
  const sources = config.sources.map((cidr) => {
    const [address = '', bits = ''] = cidr.split('/');
    const ip = mustParseIp(address);
    return { ip, cidr, bits: Number(bits) + (ip.family === 4 ? 96 : 0) };
  });
  for (const { ip, cidr } of sources) {
    await sh('ip', ...(ip.family === 6 ? ['-6'] : []), 'addr', 'add', cidr, 'dev', 'lo');
  }
  for (const address of new Set(config.records.map((r) => r.address))) {
    const ip = mustParseIp(address);
    const family = sources.filter((s) => s.ip.family === ip.family);
    const source = family.find((s) => inPrefix(ip, s.ip.bytes, s.bits)) ?? family[0];
    if (!source) throw new Error(`no IPv${ip.family} source configured for ${address}`);
    const v6 = ip.family === 6 ? ['-6'] : [];
    const prefix = `${ip.text}/${ip.family === 6 ? 128 : 32}`;
    await sh('ip', ...v6, 'route', 'replace', 'local', prefix, 'dev', 'lo', 'src', source.ip.text);
  }
}

function listen(address: string, port: number): Promise<http.Server> {
  const server = http.createServer((_request, response) => response.end(`served by ${address}\n`));
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`http on ${address}:${port}: ${error.message}`)));
    server.listen(port, address, () => resolve(server));
  });
}

async function getentOrder(name: string): Promise<string[]> {
  const { stdout } = await captured('getent', ['ahosts', name]);
  return [...new Set(stdout.split('\n').flatMap((line) => line.split(/\s+/)[0] || []))];
}

async function main(configPath: string): Promise<void> {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as NetnsConfig;
  const { workDir } = config;
  // The mounts below must never reach the host: only run as PID 1 of `unshare --pid --mount --fork`.
  if (process.pid !== 1) throw new Error('run me via unshare --net --mount --pid --fork (I am not PID 1)');
  // Without this, bind mounts could propagate back to the host's mount namespace.
  await sh('mount', '--make-rprivate', '/');
  await buildNetwork(config);
  await overlay('/etc/resolv.conf', workDir, 'nameserver 127.0.0.1\noptions attempts:1 timeout:1\n');
  // files + dns only: no nss-resolve/mdns that would ask a daemon outside this network namespace.
  await overlay(
    '/etc/nsswitch.conf',
    workDir,
    'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n',
  );
  await overlay('/etc/hosts', workDir, '127.0.0.1 localhost\n::1 localhost\n');
  const gaiConf = await overlay('/etc/gai.conf', workDir, '');

  const services: Service[] = [];
  const servers: http.Server[] = [];
  try {
    services.push(await startDnsmasq(config.records, 53, join(workDir, 'dnsmasq.pid')));
    const addresses = [...new Set(config.records.map((r) => r.address))];
    await Promise.all(
      addresses.map(async (a) => {
        servers.push(await listen(a, config.httpPort));
      }),
    );

    const results: NetnsRunResult[] = [];
    // Runs sharing a gai.conf run in parallel; the file changes between groups (same inode, so the
    // bind mount shows the new text to the next processes).
    const groups = Map.groupBy(config.runs, (r) => r.gaiConf);
    for (const [text, runs] of groups) {
      writeFileSync(gaiConf, text);
      results.push(
        ...(await Promise.all(
          runs.map(async (r): Promise<NetnsRunResult> => {
            const [cli, getent] = await Promise.all([
              captured(process.execPath, [CLI, 'dns', 'check', r.name, ...r.args]),
              getentOrder(r.name),
            ]);
            return { id: r.id, ...cli, getent };
          }),
        )),
      );
    }
    process.stdout.write(`${JSON.stringify({ runs: results })}\n`);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await Promise.all(services.map((s) => s.stop()));
  }
}

function fail(message: string): never {
  process.stderr.write(`dns-netns-runner: ${message}\n`);
  // As PID 1 of its namespace, exiting also kills whatever it started.
  process.exit(1);
}

// PID 1 ignores signals it has no handler for.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => fail(`got ${signal}`));
setTimeout(() => fail('gave up after 30 s'), 30_000).unref();
main(process.argv[2] ?? '').then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
