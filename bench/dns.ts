// Benchmark: `dns check` on a name with 6 A records, one of them slow (its HTTP answer is held back
// 200 ms), against that slowest single probe alone. The probes run in parallel, so the goal is a
// ratio of at most 1.5. Needs dnsmasq (test/platform/setup-dns.sh). Run: node lib/bench/dns.js
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkName } from '../src/dns/check.js';
import { probeAddress } from '../src/dns/probe.js';
import { freePort, startDnsmasq } from '../test/e2e/dns-servers.js';

const NAME = 'bench.stackgate.test';
const ADDRESSES = ['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14', '127.0.0.15', '127.0.0.16'];
const SLOW = '127.0.0.16';
const SLOW_MS = 200;
const RUNS = 15;
const GOAL = 1.5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const dir = mkdtempSync(join(tmpdir(), 'stackgate-bench-dns-'));
const httpPort = await freePort('tcp');
const servers = ADDRESSES.map((address) =>
  http.createServer((_req, res) => {
    const answer = () => res.end('ok\n');
    if (address === SLOW) setTimeout(answer, SLOW_MS);
    else answer();
  }),
);
await Promise.all(
  servers.map((s, i) => new Promise<void>((resolve) => s.listen(httpPort, ADDRESSES[i], resolve))),
);
const dnsPort = await freePort('udp');
const dnsmasq = await startDnsmasq(
  ADDRESSES.map((address) => ({ name: NAME, address })),
  dnsPort,
  join(dir, 'dnsmasq.pid'),
);

try {
  const options = { name: NAME, resolver: `127.0.0.1:${dnsPort}`, port: httpPort, tls: 'off' as const };
  const probeOptions = {
    port: httpPort,
    tls: false,
    serverName: NAME,
    host: `${NAME}:${httpPort}`,
    path: '/',
    timeoutMs: 5000,
  };
  // Warm-up: module loading, the first dgram/tcp sockets.
  const warm = await checkName(options);
  if (!warm.ok || warm.rows.length !== ADDRESSES.length)
    throw new Error(`bench setup broken: ${JSON.stringify(warm.rows)}`);

  const checks: number[] = [];
  const slowest: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    checks.push(await timed(() => checkName(options)));
    slowest.push(await timed(() => probeAddress({ ...probeOptions, address: SLOW })));
  }
  const check = median(checks);
  const slow = median(slowest);
  const ratio = check / slow;
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  const os =
    readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? process.platform;
  const lines = [
    `machine: ${cpus().length} CPUs (nproc), ${cpuModel}, node ${process.version}, ${os}`,
    `runs: ${RUNS} (median), 6 A records on loopback via dnsmasq, one answering after ${SLOW_MS} ms`,
    '',
    '| measurement | median ms |',
    '| --- | --- |',
    `| \`dns check\` (resolve A+AAAA, 6 sources, 3 sorts, 6 parallel probes) | ${check.toFixed(1)} |`,
    `| slowest single probe (TCP + HTTP GET to the slow address) | ${slow.toFixed(1)} |`,
    `| **ratio check / slowest probe** | **${ratio.toFixed(2)}×** (goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'met' : 'MISSED'}) |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await dnsmasq.stop();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
}
