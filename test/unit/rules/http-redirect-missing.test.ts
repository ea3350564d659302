import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { seedFiles } from './fix-roundtrip.js';

const RULE = 'http-redirect-missing';
const TLS = `server {
    listen 443 ssl;
    ssl_certificate /etc/nginx/c.pem;
    ssl_certificate_key /etc/nginx/k.pem;
    location / { proxy_pass http://app:80; }
}
`;
const project = (conf: string, ports = '      - "443:443"\n      - "80:80"') => ({
  'compose.yaml': proxyCompose(`    ports:\n${ports}`, '  app:\n    image: traefik/whoami'),
  'default.conf': conf,
});

test('a port 80 server that serves content instead of redirecting is a note at its listen', async () => {
  const conf = `${TLS}server {\n    listen 80;\n    location / { proxy_pass http://app:80; }\n}\n`;
  const [f, ...rest] = await ruleFindings(RULE, project(conf));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.deepEqual([f.pos.line, f.pos.column], [8, 5]);
  assert.match(f.fix.description, /return 301 https:\/\/\$host\$request_uri/);
});

test('port 80 published but nobody listens: reported at the compose port', async () => {
  const [f] = await ruleFindings(RULE, project(TLS));
  assert.ok(f);
  assert.equal(f.pos.file, 'compose.yaml');
  assert.match(f.message, /Port 80 is published/);
});

test('a redirecting port 80 server, or no port 80 at all, is fine', async () => {
  const redirect = `${TLS}server {\n    listen 80;\n    server_name _;\n    return 301 https://$host$request_uri;\n}\n`;
  assert.deepEqual(await ruleFindings(RULE, project(redirect)), []);
  const viaIf = `${TLS}server {\n    listen 80;\n    if ($scheme = http) {\n        return 308 https://$host$request_uri;\n    }\n}\n`;
  assert.deepEqual(await ruleFindings(RULE, project(viaIf)), []);
  assert.deepEqual(await ruleFindings(RULE, project(TLS, '      - "443:443"')), []);
});

test('plain HTTP only (no TLS anywhere) is not this rule', async () => {
  const conf = 'server {\n    listen 80;\n    location / { proxy_pass http://app:80; }\n}\n';
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('the seed publishes only 443 and listens only on 443: nothing to redirect', async () => {
  assert.deepEqual(await ruleFindings(RULE, seedFiles()), []);
});
