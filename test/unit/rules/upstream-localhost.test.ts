import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'upstream-localhost';
const conf = (target: string) =>
  `server {\n    listen 80;\n    location / {\n        proxy_pass http://${target};\n    }\n}\n`;
const OTHERS = '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1\n    ports:\n      - "8080:80"';

test('localhost in a bridge-mode proxy is nginx itself; the fix names the service it meant', async () => {
  const [f, ...rest] = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('', OTHERS),
    'default.conf': conf('localhost:8080'),
  });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.pos.line, 4);
  assert.equal(f.pos.column, 27);
  assert.match(f.message, /"localhost:8080" is the "nginx" container itself/);
  assert.match(f.fix.description, /speedtest:80/);
});

test('127.0.0.1 on a port nginx listens on loops back into nginx', async () => {
  const [f] = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('', OTHERS),
    'default.conf': conf('127.0.0.1:80'),
  });
  assert.ok(f);
  assert.match(f.message, /loop back into nginx/);
});

test('host networking and a shared namespace make localhost legitimate; service names are fine', async () => {
  const host = proxyCompose('    network_mode: host', OTHERS);
  assert.deepEqual(
    await ruleFindings(RULE, { 'compose.yaml': host, 'default.conf': conf('127.0.0.1:8080') }),
    [],
  );
  const shared = proxyCompose('    network_mode: service:speedtest', OTHERS);
  assert.deepEqual(
    await ruleFindings(RULE, { 'compose.yaml': shared, 'default.conf': conf('localhost:80') }),
    [],
  );
  assert.deepEqual(
    await ruleFindings(RULE, {
      'compose.yaml': proxyCompose('', OTHERS),
      'default.conf': conf('speedtest:80'),
    }),
    [],
  );
});
