// `stackgate dns check` against real servers on loopback: dnsmasq serves several A and AAAA records
// for one name, nginx listens on 127.0.0.2, 127.0.0.3 and ::1 (HTTP and TLS), 127.0.0.4 is dead.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DnsCheckResult } from '../../src/dns/check.js';
import {
  canConnect,
  type DnsRecord,
  freePort,
  hasIpv6Loopback,
  type Service,
  startDnsmasq,
  startProcess,
  waitFor,
} from './dns-servers.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../src/entries/cli.js', import.meta.url));
const NAME = 'multi.stackgate.test';
const DEAD = '127.0.0.4';

async function missingTools(): Promise<string[]> {
  const missing: string[] = [];
  for (const tool of ['dnsmasq', 'nginx', 'openssl']) {
    await run('sh', ['-c', `command -v ${tool}`]).catch(() => missing.push(tool));
  }
  return missing;
}

const missing = await missingTools();
// In CI the platform setup installs them, so a missing tool is a failure there, not a skip.
const skip =
  missing.length > 0 && process.env.CI !== 'true'
    ? `needs ${missing.join(', ')}: run test/platform/setup-dns.sh`
    : false;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('dns check against dnsmasq and nginx on loopback', { skip }, () => {
  let dir = '';
  let ipv6 = false;
  let dnsPort = 0;
  let httpPort = 0;
  let tlsPort = 0;
  let certFile = '';
  const services: Service[] = [];
  let live: string[] = [];

  before(async () => {
    assert.deepEqual(
      missing,
      [],
      'dnsmasq, nginx and openssl must be installed (test/platform/setup-dns.sh)',
    );
    dir = mkdtempSync(join(tmpdir(), 'stackgate-dns-'));
    ipv6 = await hasIpv6Loopback();
    live = ['127.0.0.2', '127.0.0.3', ...(ipv6 ? ['::1'] : [])];
    [dnsPort, httpPort, tlsPort] = [await freePort('udp'), await freePort('tcp'), await freePort('tcp')];

    certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${NAME}`,
      '-addext',
      `subjectAltName=DNS:${NAME}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);

    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
    const listen = (port: number, ssl: string) =>
      live.map((a) => `    listen ${a.includes(':') ? `[${a}]` : a}:${port}${ssl};`).join('\n');
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
${listen(httpPort, '')}
    location / { return 200 "plain $server_addr\\n"; }
  }
  server {
${listen(tlsPort, ' ssl')}
    ssl_certificate ${certFile};
    ssl_certificate_key ${keyFile};
    location / { return 200 "tls $server_addr\\n"; }
  }
}
`,
    );
    const nginx = startProcess('nginx', [
      '-p',
      `${dir}/`,
      '-e',
      `${dir}/error.log`,
      '-c',
      conf,
      '-g',
      'daemon off;',
    ]);
    services.push(nginx);
    for (const address of live) {
      for (const port of [httpPort, tlsPort]) {
        await waitFor(`nginx on ${address}:${port}`, async () => {
          if (nginx.process.exitCode !== null) throw new Error(`nginx exited: ${nginx.output()}`);
          return canConnect(address, port);
        });
      }
    }

    const records: DnsRecord[] = [...live, DEAD].map((address) => ({ name: NAME, address }));
    services.push(await startDnsmasq(records, dnsPort, join(dir, 'dnsmasq.pid')));
  });

  after(async () => {
    await Promise.all(services.map((s) => s.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says whether ::1 is usable here', (t) => {
    t.diagnostic(
      ipv6 ? '::1 available: AAAA record and nginx on [::1] included' : '::1 NOT available: IPv4 only',
    );
    assert.equal(live.length, ipv6 ? 3 : 2);
  });

  it('finds every record over HTTP, marks the dead one and exits 1', async () => {
    const { code, stdout } = await cli(
      'dns',
      'check',
      NAME,
      '--resolver',
      `127.0.0.1:${dnsPort}`,
      '--port',
      String(httpPort),
      '--json',
    );
    assert.equal(code, 1);
    const result = JSON.parse(stdout) as DnsCheckResult;
    assert.deepEqual(result.rows.map((r) => r.address).sort(), [...live, DEAD].sort());
    assert.equal(result.tls, false);
    for (const row of result.rows) {
      assert.notEqual(row.dnsPosition, null);
      assert.equal(row.systemPosition, null);
      assert.equal(row.tlsOk, null);
      if (row.address === DEAD) {
        assert.equal(row.reachable, false);
        assert.equal(row.ok, false);
        assert.match(row.error ?? '', /^tcp: .*ECONNREFUSED/);
      } else {
        assert.equal(row.reachable, true, `${row.address}: ${row.error}`);
        assert.equal(row.status, 200);
        assert.equal(row.ok, true);
      }
    }
    assert.equal(result.orders.system, null);
    assert.match(result.systemOrderUnavailable ?? '', /not --resolver/);
    assert.deepEqual(
      result.flags.filter((f) => f.id === 'partial-outage').map((f) => f.addresses),
      [[DEAD]],
    );
    // DNS order: A answers then AAAA, exactly as dnsmasq sent them.
    assert.deepEqual(result.orders.dns.slice(-1), ipv6 ? ['::1'] : [result.orders.dns.at(-1)]);
    // RFC 6724: ::1 (precedence 50) first, then the A records in DNS order (no rule 9 for IPv4).
    const v4InDnsOrder = result.orders.dns.filter((a) => !a.includes(':'));
    assert.deepEqual(result.orders.rfc6724, [...(ipv6 ? ['::1'] : []), ...v4InDnsOrder]);
    // glibc: rule 9 inside lo's 127.0.0.0/8: .2 and .3 share 30 bits with 127.0.0.1, .4 only 29.
    assert.equal(result.orders.glibc.at(-1), DEAD);
    const row2 = result.rows.find((r) => r.address === '127.0.0.2');
    assert.equal(row2?.source, '127.0.0.1');
    assert.equal(row2?.sourcePrefixLength, 8);
    if (ipv6) assert.equal(result.rows.find((r) => r.address === '::1')?.source, '::1');
    for (const row of result.rows)
      assert.equal(row.rfc6724Position, result.orders.rfc6724.indexOf(row.address) + 1);
  });

  it('exits 0 with --allow-partial, and prints the text table', async () => {
    const { code, stdout } = await cli(
      'dns',
      'check',
      NAME,
      '--resolver',
      `127.0.0.1:${dnsPort}`,
      '--port',
      String(httpPort),
      '--allow-partial',
    );
    assert.equal(code, 0);
    assert.match(stdout, /some addresses FAILED/);
    assert.match(stdout, new RegExp(`${DEAD.replace(/\./g, '\\.')}\\s+IPv4\\s+\\d\\s+n/a`));
    assert.match(stdout, /system order \(getaddrinfo\): n\/a \(getaddrinfo asks/);
    assert.match(stdout, /partial-outage/);
  });

  it('checks TLS with SNI against the test CA', async () => {
    const { code, stdout } = await cli(
      'dns',
      'check',
      NAME,
      '--resolver',
      `127.0.0.1:${dnsPort}`,
      '--port',
      String(tlsPort),
      '--tls',
      'on',
      '--ca',
      certFile,
      '--format',
      'json',
    );
    assert.equal(code, 1);
    const result = JSON.parse(stdout) as DnsCheckResult;
    for (const row of result.rows) {
      if (row.address === DEAD) {
        assert.equal(row.tlsOk, null);
        continue;
      }
      assert.equal(row.tlsOk, true, `${row.address}: ${row.error}`);
      assert.equal(row.status, 200);
    }
  });

  it('fails TLS without the CA, and names the certificate problem', async () => {
    const { code, stdout } = await cli(
      'dns',
      'check',
      NAME,
      '--resolver',
      `127.0.0.1:${dnsPort}`,
      '--port',
      String(tlsPort),
      '--tls',
      'on',
      '--json',
    );
    assert.equal(code, 1);
    const result = JSON.parse(stdout) as DnsCheckResult;
    const served = result.rows.filter((r) => r.address !== DEAD);
    assert.ok(
      served.every(
        (r) => r.reachable && r.tlsOk === false && /tls: .*(self.signed|SELF_SIGNED)/i.test(r.error ?? ''),
      ),
    );
    assert.ok(result.flags.some((f) => f.id === 'all-unreachable'));
  });

  it('renders markdown', async () => {
    const { stdout } = await cli(
      'dns',
      'check',
      NAME,
      '--resolver',
      `127.0.0.1:${dnsPort}`,
      '--port',
      String(httpPort),
      '--format',
      'markdown',
    );
    assert.match(stdout, new RegExp(`^### DNS check: \`${NAME}\``));
    assert.match(stdout, /\| address \| family \| DNS \| system \| RFC 6724 \|/);
    assert.equal(
      // Addresses are data: markdown shows ':' as an entity, so ::1 is &#58;&#58;1.
      stdout.split('\n').filter((l) => l.startsWith('| 127.') || l.startsWith('| &#58;&#58;1')).length,
      live.length + 1,
    );
  });

  it('exits 2 with a clear message when the name does not resolve', async () => {
    const { code, stderr } = await cli(
      'dns',
      'check',
      'absent.stackgate.test',
      '--resolver',
      `127.0.0.1:${dnsPort}`,
      '--port',
      String(httpPort),
    );
    assert.equal(code, 2);
    // dnsmasq without upstreams refuses unknown names; a server that knows better answers NXDOMAIN.
    assert.match(
      stderr,
      /(cannot resolve absent\.stackgate\.test|absent\.stackgate\.test has no A or AAAA records) via 127\.0\.0\.1:\d+/,
    );
    assert.doesNotMatch(stderr, /at .*\.js/);
  });
});
