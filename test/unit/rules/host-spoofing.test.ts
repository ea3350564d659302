import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'host-spoofing';
const project = (header: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', '  app:\n    image: traefik/whoami'),
  'default.conf': `server {
    listen 80;
    location / {
        proxy_pass http://app:80;
        ${header}
    }
}
`,
});

test('proxy_set_header Host $http_host is reported at the value', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project('proxy_set_header Host $http_host;'));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [5, 31]);
  assert.match(f.message, /\$http_host/);
  assert.match(f.fix.description, /proxy_set_header Host \$host;/);
});

test('other client headers as Host are reported too', async () => {
  const [f] = await ruleFindings(RULE, project('proxy_set_header host "$http_x_forwarded_host";'));
  assert.match(f?.message ?? '', /\$http_x_forwarded_host/);
});

test('$host, $proxy_host and fixed names are fine', async () => {
  for (const h of [
    'proxy_set_header Host $host;',
    'proxy_set_header Host $proxy_host;',
    'proxy_set_header Host app.internal;',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(h)), [], h);
  }
});

test('$http_host in a header other than Host is not host spoofing', async () => {
  assert.deepEqual(await ruleFindings(RULE, project('proxy_set_header X-Original-Host $http_host;')), []);
});
