// `stackgate dns check` WITHOUT --resolver: the system order really comes from getaddrinfo and the raw
// order from c-ares, both asking a dnsmasq on 127.0.0.1:53 inside a private network + mount + PID
// namespace (dns-netns-runner.ts). The client there has 203.0.113.66/24, 2001:db8:1::2/64 and
// fd00:1::2/64 on lo; every record address is a local route whose preferred source is the client's
// address, with an HTTP server on it. The host's resolv.conf, nsswitch.conf and gai.conf are untouched.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DnsCheckResult } from '../../src/dns/check.js';
import type { NetnsConfig, NetnsRunResult } from './dns-netns-runner.js';
import type { DnsRecord } from './dns-servers.js';

const run = promisify(execFile);
const RUNNER = fileURLToPath(new URL('./dns-netns-runner.js', import.meta.url));
const UNSHARE = ['--net', '--mount', '--pid', '--fork', '--kill-child'];

const CLIENT_V4 = '203.0.113.66';
const CLIENT_GLOBAL = '2001:db8:1::2';
const CLIENT_ULA = 'fd00:1::2';
const SOURCES = [`${CLIENT_V4}/24`, `${CLIENT_GLOBAL}/64`, `${CLIENT_ULA}/64`];
const PREFER_IPV4 = 'precedence ::ffff:0:0/96 100\n';
const HTTP_PORT = 80;

/** The seed's five A records: under RFC 3484, 203.0.113.77 shares 28 bits with the client, no other more than 24. */
const SEED = ['198.51.100.7', '203.0.113.77', '192.0.2.10', '203.0.113.200', '100.64.9.9'];
/** .77 and .78 both share 28 bits with the client: no single RFC 3484 winner. */
const EVEN = ['203.0.113.77', '203.0.113.78', '198.51.100.7'];
const NAMES: Record<string, string[]> = {
  'seed.stackgate.test': SEED,
  'even.stackgate.test': EVEN,
  'dual.stackgate.test': ['198.51.100.7', '2001:db8:1::10'],
  'ula.stackgate.test': ['198.51.100.7', 'fd00:1::10'],
};
const RUNS = [
  { id: 'seed', name: 'seed.stackgate.test', gaiConf: '' },
  { id: 'even', name: 'even.stackgate.test', gaiConf: '' },
  { id: 'dual', name: 'dual.stackgate.test', gaiConf: '' },
  { id: 'ula', name: 'ula.stackgate.test', gaiConf: '' },
  { id: 'dual-prefer-ipv4', name: 'dual.stackgate.test', gaiConf: PREFER_IPV4 },
];

async function missingTools(): Promise<string[]> {
  const missing: string[] = [];
  for (const tool of ['unshare', 'ip', 'mount', 'dnsmasq', 'getent']) {
    await run('sh', ['-c', `command -v ${tool}`]).catch(() => missing.push(tool));
  }
  return missing;
}

async function unshareError(): Promise<string | null> {
  try {
    await run('unshare', [...UNSHARE, 'true']);
    return null;
  } catch (error) {
    return `unshare ${UNSHARE.join(' ')} failed (needs root): ${(error as { stderr?: string }).stderr?.trim()}`;
  }
}

const missing = await missingTools();
const cannot =
  missing.length > 0
    ? `needs ${missing.join(', ')} (dnsmasq: test/platform/setup-dns.sh; the rest: util-linux, iproute2, libc-bin)`
    : await unshareError();
// In CI the platform is set up as root, so a missing tool is a failure there, not a skip.
const skip = cannot !== null && process.env.CI !== 'true' ? cannot : false;

interface Outcome {
  run: NetnsRunResult;
  result: DnsCheckResult;
}

function sourceFor(address: string): { source: string; prefixLength: number } {
  if (address.startsWith('fd00:1:')) return { source: CLIENT_ULA, prefixLength: 64 };
  if (address.includes(':')) return { source: CLIENT_GLOBAL, prefixLength: 64 };
  return { source: CLIENT_V4, prefixLength: 24 };
}

describe('dns check: the system order from getaddrinfo in a private network namespace', { skip }, () => {
  let dir = '';
  const outcomes = new Map<string, Outcome>();
  let elapsedMs = 0;

  before(async () => {
    assert.equal(cannot, null, `the system-order test cannot run here: ${cannot}`);
    dir = mkdtempSync(join(tmpdir(), 'stackgate-netns-'));
    const records: DnsRecord[] = Object.entries(NAMES).flatMap(([name, addresses]) =>
      addresses.map((address) => ({ name, address })),
    );
    const config: NetnsConfig = {
      workDir: dir,
      sources: SOURCES,
      records,
      httpPort: HTTP_PORT,
      runs: RUNS.map((r) => ({ ...r, args: ['--port', String(HTTP_PORT), '--timeout', '3000', '--json'] })),
    };
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const started = Date.now();
    // SIGKILL: unshare blocks SIGTERM while it waits; --kill-child then takes the namespace down.
    const { stdout } = await run('unshare', [...UNSHARE, process.execPath, RUNNER, configFile], {
      timeout: 60_000,
      killSignal: 'SIGKILL',
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`namespace runner failed: ${error.stderr?.trim() || error.message}`);
    });
    elapsedMs = Date.now() - started;
    const { runs } = JSON.parse(stdout) as { runs: NetnsRunResult[] };
    for (const r of runs) {
      let result: DnsCheckResult;
      try {
        result = JSON.parse(r.stdout) as DnsCheckResult;
      } catch {
        throw new Error(`run ${r.id}: exit ${r.code}, no JSON: ${r.stderr}`);
      }
      outcomes.set(r.id, { run: r, result });
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function outcome(id: string): Outcome {
    const found = outcomes.get(id);
    assert.ok(found, `no result for run ${id}`);
    return found;
  }

  it('ran every scenario in one namespace', (t) => {
    t.diagnostic(`namespace setup + ${RUNS.length} dns check runs: ${elapsedMs} ms`);
    assert.deepEqual(
      [...outcomes.keys()],
      RUNS.map((r) => r.id),
    );
  });

  for (const { id, name } of RUNS) {
    it(`${id}: system order is getaddrinfo's, glibc's prediction matches it, every address is probed`, () => {
      const { run: r, result } = outcome(id);
      assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
      // c-ares read the namespace's resolv.conf: no --resolver, yet it asked our dnsmasq.
      assert.deepEqual(result.servers, ['127.0.0.1']);
      assert.equal(result.systemOrderUnavailable, undefined);
      assert.ok(!result.flags.some((f) => f.id === 'system-order-unavailable'));
      assert.ok(result.orders.system, 'system order missing');
      assert.deepEqual([...result.orders.dns].sort(), [...(NAMES[name] ?? [])].sort());
      assert.deepEqual(
        result.orders.dns,
        [
          ...result.orders.dns.filter((a) => !a.includes(':')),
          ...result.orders.dns.filter((a) => a.includes(':')),
        ],
        'DNS order lists A answers before AAAA answers',
      );
      // Node's dns.lookup (verbatim) and getent both show what glibc's getaddrinfo sorted.
      assert.deepEqual(result.orders.system, r.getent);
      // The glibc policy model (built-in tables or this gai.conf) predicts the real glibc sort.
      assert.deepEqual(result.orders.glibc, result.orders.system);
      for (const row of result.rows) {
        const expected = sourceFor(row.address);
        assert.equal(row.source, expected.source, row.address);
        assert.equal(row.sourcePrefixLength, expected.prefixLength, row.address);
        assert.equal(row.systemPosition, result.orders.system.indexOf(row.address) + 1);
        assert.equal(row.rfc6724Position, result.orders.rfc6724.indexOf(row.address) + 1);
        assert.equal(row.status, 200, `${row.address}: ${row.error}`);
        assert.equal(row.ok, true);
      }
    });
  }

  it('seed: RFC 6724 keeps the A records in DNS order; RFC 3484 always picks 203.0.113.77', (t) => {
    const { result } = outcome('seed');
    t.diagnostic(`dns ${result.orders.dns.join(' ')} | system ${result.orders.system?.join(' ')}`);
    assert.deepEqual(result.orders.rfc6724, result.orders.dns);
    assert.equal(result.orders.rfc3484[0], '203.0.113.77');
    const collapse = result.flags.filter((f) => f.id === 'round-robin-collapse');
    assert.equal(collapse.length, 1);
    assert.deepEqual(collapse[0]?.addresses, ['203.0.113.77']);
    assert.equal(collapse[0]?.rule, 9);
    assert.match(collapse[0]?.message ?? '', /source 203\.0\.113\.66 would always pick 203\.0\.113\.77/);
    assert.match(collapse[0]?.message ?? '', /CommonPrefixLen\(S, D\) 28 vs 24/);
  });

  it('seed: glibc applies rule 9 to IPv4 inside the client subnet only, and the flag says so', () => {
    const { result } = outcome('seed');
    const system = result.orders.system ?? [];
    // 203.0.113.77 (28 common bits) and .200 (24) are in 203.0.113.0/24; the rest keep DNS order.
    assert.deepEqual(system.slice(0, 2), ['203.0.113.77', '203.0.113.200']);
    assert.deepEqual(
      system.slice(2),
      result.orders.dns.filter((a) => !a.startsWith('203.0.113.')),
    );
    const disagreement = result.flags.find((f) => f.id === 'order-disagreement');
    if (JSON.stringify(system) === JSON.stringify(result.orders.rfc6724)) {
      assert.equal(disagreement, undefined);
      return;
    }
    assert.ok(disagreement, 'system order differs from RFC 6724 but no order-disagreement flag');
    assert.equal(disagreement.rule, 10);
    assert.match(disagreement.message, /explains the system order: rule 9 \(use longest matching prefix/);
  });

  it('even: two records tie on the longest prefix, so no round-robin collapse', () => {
    const { result } = outcome('even');
    assert.deepEqual(result.orders.rfc6724, result.orders.dns);
    assert.ok(!result.flags.some((f) => f.id === 'round-robin-collapse'), JSON.stringify(result.flags));
  });

  it('dual, built-in glibc tables: global IPv6 first, as RFC 6724 says: no disagreement', () => {
    const { result } = outcome('dual');
    assert.equal(result.glibcPolicy, 'glibc built-in (/etc/gai.conf sets no table)');
    assert.deepEqual(result.orders.system, ['2001:db8:1::10', '198.51.100.7']);
    assert.deepEqual(result.orders.rfc6724, ['2001:db8:1::10', '198.51.100.7']);
    assert.ok(!result.flags.some((f) => f.id === 'order-disagreement'), JSON.stringify(result.flags));
  });

  it('ula, built-in glibc tables: glibc puts the ULA before IPv4, RFC 6724 after: rule 6 explains both', () => {
    const { result } = outcome('ula');
    assert.deepEqual(result.orders.system, ['fd00:1::10', '198.51.100.7']);
    assert.deepEqual(result.orders.rfc6724, ['198.51.100.7', 'fd00:1::10']);
    const flags = result.flags.filter((f) => f.id === 'order-disagreement');
    assert.equal(flags.length, 1);
    assert.equal(flags[0]?.rule, 6);
    assert.deepEqual(flags[0]?.addresses, ['fd00:1::10', '198.51.100.7']);
    assert.match(
      flags[0]?.message ?? '',
      /RFC 6724 puts 198\.51\.100\.7 first by rule 6 \(prefer higher precedence: precedence 35 vs 3\).*explains the system order: rule 6 \(prefer higher precedence: precedence 40 vs 10\)/,
    );
  });

  it('dual with gai.conf "precedence ::ffff:0:0/96 100": the real getaddrinfo puts IPv4 first, and the flag names rule 6', () => {
    const { result } = outcome('dual-prefer-ipv4');
    assert.equal(result.glibcPolicy, '/etc/gai.conf');
    assert.deepEqual(result.orders.system, ['198.51.100.7', '2001:db8:1::10']);
    assert.deepEqual(result.orders.rfc6724, ['2001:db8:1::10', '198.51.100.7']);
    const flags = result.flags.filter((f) => f.id === 'order-disagreement');
    assert.equal(flags.length, 1);
    assert.equal(flags[0]?.rule, 6);
    assert.deepEqual(flags[0]?.addresses, ['198.51.100.7', '2001:db8:1::10']);
    assert.match(
      flags[0]?.message ?? '',
      /RFC 6724 puts 2001:db8:1::10 first by rule 6 \(prefer higher precedence: precedence 40 vs 35\).*glibc's policy \(\/etc\/gai\.conf\) explains the system order: rule 6 \(prefer higher precedence: precedence 100 vs 40\)/,
    );
  });
});
