// The LibreSpeed-protocol test double itself: the tests of the client are only as good as it is.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { describeIp, endpointOf, type RunningDouble, startDouble } from '../../librespeed-double/server.js';

const MIB = 1024 * 1024;

/** Status, headers and body length; `maxBytes` stops reading (the body is never kept). */
function get(
  url: string,
  options: { method?: string; body?: Buffer; maxBytes?: number } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET' }, (res) => {
      let bytes = 0;
      let text = '';
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (text.length < 4096) text += chunk.toString('latin1');
        if (options.maxBytes !== undefined && bytes >= options.maxBytes) {
          res.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('LibreSpeed test double', () => {
  let both: RunningDouble;
  let goOnly: RunningDouble;
  before(async () => {
    both = await startDouble({ port: 0 });
    goOnly = await startDouble({ port: 0, layouts: ['go'] });
  });
  after(async () => {
    await both.close();
    await goOnly.close();
  });

  it('maps both layouts, with and without /backend/', () => {
    assert.deepEqual(endpointOf('/backend/garbage.php'), { name: 'garbage', layout: 'php' });
    assert.deepEqual(endpointOf('/empty.php'), { name: 'empty', layout: 'php' });
    assert.deepEqual(endpointOf('/getIP'), { name: 'getIP', layout: 'go' });
    assert.deepEqual(endpointOf('/backend/empty'), { name: 'empty', layout: 'go' });
    assert.equal(endpointOf('/backend/other.php'), undefined);
  });

  it('garbage: 4 MiB by default, ckSize MiB otherwise, capped at 1024, random bytes', async () => {
    const byDefault = await get(`${both.url}backend/garbage.php`);
    assert.equal(byDefault.status, 200);
    assert.equal(byDefault.bytes, 4 * MIB);
    const three = await get(`${both.url}garbage?ckSize=3`);
    assert.equal(three.bytes, 3 * MIB);
    assert.equal(three.headers['content-type'], 'application/octet-stream');
    assert.match(String(three.headers['cache-control']), /no-store/);
    const capped = await get(`${both.url}garbage?ckSize=5000`, { maxBytes: 1 });
    assert.equal(capped.headers['content-length'], String(1024 * MIB));
    // Random, not a constant fill: far more than a handful of distinct byte values.
    assert.ok(new Set(three.text).size > 200, 'garbage looks random');
  });

  it('empty: GET and POST answer an empty 200 with keep-alive, after reading the whole body', async () => {
    const ping = await get(`${both.url}backend/empty.php`);
    assert.equal(ping.status, 200);
    assert.equal(ping.bytes, 0);
    assert.equal(ping.headers.connection, 'keep-alive');
    const upload = await get(`${both.url}empty`, { method: 'POST', body: Buffer.alloc(3 * MIB, 7) });
    assert.equal(upload.status, 200);
    assert.equal(upload.bytes, 0);
    const withCors = await get(`${both.url}empty.php?cors=true`);
    assert.equal(withCors.headers['access-control-allow-origin'], '*');
    assert.equal(ping.headers['access-control-allow-origin'], undefined);
  });

  it('getIP: {processedString, rawIspInfo}, loopback as speedtest-go words it', async () => {
    const answer = await get(`${both.url}backend/getIP.php`);
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.text), {
      processedString: '127.0.0.1 - localhost IPv4 access',
      rawIspInfo: '',
    });
    assert.equal(describeIp('10.1.2.3'), '10.1.2.3 - private IPv4 access');
    assert.equal(describeIp('::1'), '::1 - localhost IPv6 access');
    assert.equal(describeIp('203.0.113.9'), '203.0.113.9');
  });

  it('serves / for a healthcheck and 404 for the other layout when restricted', async () => {
    const index = await get(goOnly.url);
    assert.equal(index.status, 200);
    assert.match(index.text, /test double/);
    assert.equal((await get(`${goOnly.url}empty`)).status, 200);
    assert.equal((await get(`${goOnly.url}backend/empty.php`)).status, 404);
  });
});
