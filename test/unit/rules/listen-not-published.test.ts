import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'listen-not-published';
const CONF =
  'server {\n    listen 80;\n}\nserver {\n    listen 443 ssl;\n    ssl_certificate /c;\n    ssl_certificate_key /k;\n}\n';

test('a listen port that is not published: warning at the listen argument', async () => {
  const [f, ...rest] = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('    ports: ["80:80"]', ''),
    'default.conf': CONF,
  });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.pos.file, 'default.conf');
  assert.equal(f.pos.line, 5);
  assert.equal(f.pos.column, 12);
  assert.match(f.message, /nginx listens on 443/);
  assert.match(f.fix.description, /"443:443"/);
});

test('a published container port nginx does not listen on: warning at the ports entry', async () => {
  const compose = proxyCompose('    ports:\n      - "80:80"\n      - "443:443"\n      - "8080:8080"', '');
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': CONF });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.pos.file, 'compose.yaml');
  assert.equal(f.pos.line, 9);
  assert.match(
    f.message,
    /publishes container port 8080 on host port 8080, but nginx listens only on 80, 443/,
  );
});

test('matching ports, expose, loopback listens and host networking are fine', async () => {
  const matched = proxyCompose('    ports: ["80:80", "443:443"]', '');
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': matched, 'default.conf': CONF }), []);
  const exposed = proxyCompose('    ports: ["80:80"]\n    expose: ["443"]', '');
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': exposed, 'default.conf': CONF }), []);
  const host = proxyCompose('    network_mode: host', '');
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': host, 'default.conf': CONF }), []);
  const local = 'server {\n    listen 80;\n}\nserver {\n    listen 127.0.0.1:8081;\n}\n';
  assert.deepEqual(
    await ruleFindings(RULE, {
      'compose.yaml': proxyCompose('    ports: ["80:80"]', ''),
      'default.conf': local,
    }),
    [],
  );
});
