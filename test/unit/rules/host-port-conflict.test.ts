import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';

const RULE = 'host-port-conflict';
const run = (compose: string) => ruleFindings(RULE, { 'compose.yaml': compose });

test('two services on the same host port: error at the second mapping, related to the first', async () => {
  const compose =
    'services:\n  a:\n    image: x:1\n    ports:\n      - "8080:80"\n  b:\n    image: y:1\n    ports:\n      - "8080:8080"\n';
  const [f, ...rest] = await run(compose);
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.line, 9);
  assert.equal(f.service, 'b');
  assert.match(f.message, /host port 8080\/tcp .*"a" publishes it too.*port is already allocated/);
  assert.equal(f.related?.[0]?.pos.line, 5);
});

test('one service publishing the same port twice', async () => {
  const [f] = await run(
    'services:\n  a:\n    image: x:1\n    ports:\n      - "80:80"\n      - "0.0.0.0:80:8080"\n',
  );
  assert.ok(f);
  assert.match(f.message, /"a" publishes it twice/);
});

test('different protocols, disjoint host IPs, ephemeral ports and inactive services do not conflict', async () => {
  const compose =
    'services:\n  a:\n    image: x:1\n    ports:\n      - "53:53/udp"\n      - "127.0.0.1:8080:80"\n      - "80"\n' +
    '  b:\n    image: y:1\n    ports:\n      - "53:53/tcp"\n      - "127.0.0.2:8080:80"\n      - "80"\n' +
    '  c:\n    image: z:1\n    profiles: [debug]\n    ports:\n      - "53:53/tcp"\n';
  assert.deepEqual(await run(compose), []);
});

test('a wildcard host IP overlaps a specific one', async () => {
  const compose =
    'services:\n  a:\n    image: x:1\n    ports:\n      - "127.0.0.1:8080:80"\n  b:\n    image: y:1\n    ports:\n      - "8080:80"\n';
  assert.equal((await run(compose)).length, 1);
});
