// runSpeedtest against the in-process LibreSpeed test double on loopback, and against small servers
// that misbehave the ways real proxies do (413 on upload, a catch-all page, TLS without trust).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runSpeedtest, SpeedtestFailure, type SpeedtestResult } from '../../../src/speedtest/index.js';
import { type RunningDouble, startDouble } from '../../librespeed-double/server.js';
import { runCli } from '../helpers/cli.js';

const SHORT = 0.4;
const CONTRACT_KEYS = [
  'bytesDown',
  'bytesUp',
  'downloadMbps',
  'jitterMs',
  'layout',
  'pingMs',
  'rawDownloadMbps',
  'rawUploadMbps',
  'seconds',
  'uploadMbps',
];

function assertMeasured(r: SpeedtestResult, layout: 'php' | 'go') {
  assert.equal(r.layout, layout);
  assert.ok(r.pingMs > 0, `ping ${r.pingMs}`);
  assert.ok(r.jitterMs >= 0);
  assert.ok(r.rawDownloadMbps > 0 && r.rawUploadMbps > 0, JSON.stringify(r));
  assert.ok(Math.abs(r.downloadMbps - r.rawDownloadMbps * 1.06) < 0.02, 'download = raw × 1.06');
  assert.ok(Math.abs(r.uploadMbps - r.rawUploadMbps * 1.06) < 0.02, 'upload = raw × 1.06');
  assert.ok(r.bytesDown > 0 && r.bytesUp > 0);
  assert.ok(r.seconds >= 2 * SHORT, `seconds ${r.seconds}`);
}

async function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A server that forwards to the double unless `intercept` answered the request itself. */
function forwardTo(
  double: RunningDouble,
  intercept: (req: http.IncomingMessage, res: http.ServerResponse) => boolean,
) {
  const target = new URL(double.url);
  return listen((req, res) => {
    if (intercept(req, res)) return;
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
}

describe('runSpeedtest against the test double', () => {
  let both: RunningDouble;
  let php: RunningDouble;
  let go: RunningDouble;
  before(async () => {
    both = await startDouble({ port: 0 });
    php = await startDouble({ port: 0, layouts: ['php'] });
    go = await startDouble({ port: 0, layouts: ['go'] });
  });
  after(async () => {
    await Promise.all([both.close(), php.close(), go.close()]);
  });

  it('finds the PHP layout under /backend/ from the site root', async () => {
    assertMeasured(await runSpeedtest({ url: php.url, durationSeconds: SHORT }), 'php');
  });

  it('finds the speedtest-go layout at the root', async () => {
    assertMeasured(await runSpeedtest({ url: go.url, durationSeconds: SHORT, streams: 2 }), 'go');
  });

  it('takes the /backend/ folder itself as the base, either layout', async () => {
    const phpHere = await runSpeedtest({ url: `${php.url}backend/`, durationSeconds: SHORT, streams: 1 });
    assert.equal(phpHere.layout, 'php');
    const goHere = await runSpeedtest({ url: `${go.url}backend`, durationSeconds: SHORT, streams: 1 });
    assert.equal(goHere.layout, 'go');
  });

  it('reports progress for every phase', async () => {
    const phases = new Set<string>();
    let lastDownload = 0;
    await runSpeedtest({
      url: both.url,
      durationSeconds: SHORT,
      onProgress: (phase, mbps) => {
        phases.add(phase);
        if (phase === 'download') lastDownload = mbps;
      },
    });
    assert.deepEqual([...phases].sort(), ['download', 'ping', 'upload']);
    assert.ok(lastDownload > 0);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = runSpeedtest({
      url: both.url,
      durationSeconds: 30,
      signal: controller.signal,
      onProgress: (phase) => {
        if (phase === 'download') controller.abort(new Error('stop here'));
      },
    });
    await assert.rejects(run, /stop here/);
    assert.ok(Date.now() - started < 10_000, 'did not run the 30 s test');
  });

  it('sends the caller headers on every request, Host replaced rather than doubled', async () => {
    const seen = new Map<string, Set<string>>();
    const proxy = await forwardTo(both, (req) => {
      const kind = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
      const hosts = seen.get(kind) ?? new Set<string>();
      hosts.add(
        `${req.headers.host}|${req.headers['x-run']}|${req.rawHeaders.filter((h) => /^host$/i.test(h)).length}`,
      );
      seen.set(kind, hosts);
      return false;
    });
    try {
      const r = await runSpeedtest({
        url: proxy.url,
        durationSeconds: SHORT,
        streams: 1,
        headers: { host: 'speed.example.test', 'X-Run': '42' },
      });
      assert.equal(r.layout, 'php');
      for (const kind of ['GET /backend/empty.php', 'GET /backend/garbage.php', 'POST /backend/empty.php']) {
        assert.deepEqual([...(seen.get(kind) ?? [])], ['speed.example.test|42|1'], kind);
      }
    } finally {
      await proxy.close();
    }
    await assert.rejects(
      runSpeedtest({ url: both.url, headers: { 'X-Bad': 'a\r\nInjected: 1' } }),
      /header "X-Bad": invalid name or a line break/,
    );
  });

  it('prints exactly the JSON contract from the CLI', async () => {
    const r = await runCli(['speedtest', both.url, '--duration', String(SHORT), '--streams', '2', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json).sort(), CONTRACT_KEYS);
    for (const key of CONTRACT_KEYS.filter((k) => k !== 'layout'))
      assert.equal(typeof json[key], 'number', key);
    assert.equal(json.layout, 'php');
  });

  it('prints a readable summary from the CLI', async () => {
    const r = await runCli(['speedtest', go.url, '--duration', String(SHORT), '--streams', '1']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /speedtest-go layout/);
    assert.match(r.stdout, /download +\d+\.\d\d Mbit\/s/);
    assert.match(r.stdout, /ping +\d+\.\d\d ms/);
  });
});

describe('runSpeedtest failures', () => {
  it('a 413 on upload fails the test (librespeed-cli would report a speed)', async () => {
    const double = await startDouble({ port: 0 });
    // Like nginx with its default client_max_body_size 1m: GETs pass, a larger body gets 413.
    const proxy = await forwardTo(double, (req, res) => {
      if (req.method === 'POST' && Number(req.headers['content-length']) > 512 * 1024) {
        req.resume();
        res.writeHead(413, { Connection: 'close', 'Content-Type': 'text/html' });
        res.end('<html>413 Request Entity Too Large</html>');
        return true;
      }
      return false;
    });
    try {
      await assert.rejects(
        runSpeedtest({ url: proxy.url, durationSeconds: SHORT, streams: 2 }),
        (error: unknown) =>
          error instanceof SpeedtestFailure &&
          /upload: .*empty\.php answered 413/.test(error.message) &&
          /client_max_body_size/.test(error.message),
      );
      const cli = await runCli(['speedtest', proxy.url, '--duration', String(SHORT), '--json']);
      assert.equal(cli.code, 1);
      assert.equal(cli.stdout, '', 'no result printed');
      assert.match(cli.stderr, /speedtest failed: upload: .* answered 413/);
    } finally {
      await proxy.close();
      await double.close();
    }
  });

  it('a catch-all 200 page is not taken for a backend', async () => {
    const spa = await listen((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>app</title>');
    });
    try {
      await assert.rejects(
        runSpeedtest({ url: spa.url, durationSeconds: SHORT }),
        /no LibreSpeed backend at .*backend\/empty\.php \(200, 33-byte body\)/,
      );
    } finally {
      await spa.close();
    }
  });

  it('an unreachable server is a failure (exit 1), a bad URL or flag a usage error (exit 2)', async () => {
    const gone = await listen(() => {});
    const url = gone.url;
    await gone.close();
    await assert.rejects(
      runSpeedtest({ url }),
      (e: unknown) => e instanceof SpeedtestFailure && /cannot reach/.test(e.message),
    );
    const cli = await runCli(['speedtest', url]);
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, /ECONNREFUSED/);
    for (const argv of [
      ['speedtest'],
      ['speedtest', 'not a url'],
      ['speedtest', 'ftp://example.test/'],
      ['speedtest', url, '--duration', '0'],
      ['speedtest', url, '--streams', '65'],
      ['speedtest', url, '--bogus'],
    ]) {
      const r = await runCli(argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('an unreadable or non-PEM --ca is an input error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-speed-ca-'));
    try {
      writeFileSync(join(dir, 'not.pem'), 'hello');
      const missing = await runCli(['speedtest', 'https://127.0.0.1:1/', '--ca', 'missing.pem'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /missing\.pem: cannot read the CA certificate/);
      const notPem = await runCli(['speedtest', 'https://127.0.0.1:1/', '--ca', 'not.pem'], dir);
      assert.equal(notPem.code, 2);
      assert.match(notPem.stderr, /not\.pem: not a PEM certificate/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runSpeedtest over TLS (self-signed certificate made with openssl)', () => {
  let dir = '';
  let double: RunningDouble;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-speed-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    double = await startDouble({
      port: 0,
      tls: {
        key: readFileSync(join(dir, 'key.pem'), 'utf8'),
        cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      },
    });
  });
  after(async () => {
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the untrusted certificate', async () => {
    assert.match(double.url, /^https:/);
    const r = await runCli(['speedtest', double.url, '--duration', String(SHORT)]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /self-signed certificate/i);
  });

  it('measures with --ca FILE', async () => {
    const r = await runCli(
      ['speedtest', double.url, '--duration', String(SHORT), '--ca', 'cert.pem', '--json'],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assertMeasured(JSON.parse(r.stdout), 'php');
  });

  it('measures with --insecure, and by name with servername + CA', async () => {
    const r = await runCli(['speedtest', double.url, '--duration', String(SHORT), '--insecure', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assertMeasured(JSON.parse(r.stdout), 'php');
    const port = new URL(double.url).port;
    const byName = await runSpeedtest({
      url: `https://localhost:${port}/`,
      durationSeconds: SHORT,
      streams: 1,
      ca: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      servername: 'localhost',
    });
    assertMeasured(byName, 'php');
  });
});
