import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { test } from 'node:test';
import { classifyError, classifyStatus, nginxErrorLines } from '../../../src/verify/classify.js';
import { probeOnce } from '../../../src/verify/probe.js';

const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );

test('errors map to their class', () => {
  assert.equal(classifyError({ code: 'ECONNREFUSED' }), 'refused');
  assert.equal(classifyError({ code: 'ECONNRESET' }), 'reset');
  assert.equal(classifyError(new Error('socket hang up')), 'reset');
  assert.equal(classifyError({ name: 'TimeoutError' }), 'timeout');
  assert.equal(classifyError({ code: 'EPROTO', message: 'wrong version number' }), 'tls');
  assert.equal(classifyError({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }), 'tls');
});

test('statuses map to their class; the expected one passes', () => {
  assert.equal(classifyStatus(200, undefined), undefined);
  assert.equal(classifyStatus(301, undefined), undefined);
  assert.equal(classifyStatus(502, undefined), 'nginx-502');
  assert.equal(classifyStatus(504, undefined), 'nginx-504');
  assert.equal(classifyStatus(500, undefined), 'application');
  assert.equal(classifyStatus(404, 404), undefined);
  assert.equal(classifyStatus(200, 204), 'application');
});

test('nginx error lines about upstreams are picked from compose logs', () => {
  const logs = [
    'nginx-1  | 10.0.0.1 - - "GET / HTTP/1.1" 502 157',
    'nginx-1  | 2026/12/02 08:00:00 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1',
    'nginx-1  | 2026/12/02 08:00:00 [notice] 1#1: signal process started',
  ].join('\n');
  assert.deepEqual(nginxErrorLines(logs), [
    'nginx-1  | 2026/12/02 08:00:00 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1',
  ]);
});

test('real sockets: refused, reset, timeout, TLS failure and a 502 are classified', async () => {
  // refused: a port that was just closed
  const closed = net.createServer();
  const closedPort = await listen(closed);
  await new Promise((r) => closed.close(r));
  const base = { address: '127.0.0.1', host: 'localhost', path: '/', timeoutMs: 1000 };
  assert.equal((await probeOnce({ ...base, scheme: 'http', port: closedPort })).error?.class, 'refused');

  const reset = net.createServer((s) => s.resetAndDestroy());
  const held: net.Socket[] = [];
  const hang = net.createServer((s) => held.push(s));
  const plain = http.createServer((_q, r) => {
    r.statusCode = 502;
    r.end('bad gateway');
  });
  const [resetPort, hangPort, plainPort] = await Promise.all([listen(reset), listen(hang), listen(plain)]);
  try {
    assert.equal((await probeOnce({ ...base, scheme: 'http', port: resetPort })).error?.class, 'reset');
    const t = await probeOnce({ ...base, scheme: 'http', port: hangPort, timeoutMs: 200 });
    assert.equal(t.error?.class, 'timeout');
    // HTTPS to a plain-HTTP server: the handshake fails.
    assert.equal((await probeOnce({ ...base, scheme: 'https', port: plainPort })).error?.class, 'tls');
    const a = await probeOnce({ ...base, scheme: 'http', port: plainPort });
    assert.equal(a.status, 502);
    assert.equal(classifyStatus(a.status!, undefined), 'nginx-502');
  } finally {
    for (const s of held) s.destroy();
    for (const s of [reset, hang, plain]) s.close();
  }
});
