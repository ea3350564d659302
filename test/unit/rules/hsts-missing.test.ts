import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { seedFiles } from './fix-roundtrip.js';

const RULE = 'hsts-missing';
const project = (conf: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "443:443"', '  app:\n    image: traefik/whoami'),
  'default.conf': conf,
});
const server = (inside: string, listen = 'listen 443 ssl;') => `server {
    ${listen}
    ssl_certificate /etc/nginx/c.pem;
    ssl_certificate_key /etc/nginx/k.pem;
${inside}
}
`;

test("the seed's HTTPS server without HSTS is a note at its listen", async () => {
  const [f, ...rest] = await ruleFindings(RULE, seedFiles());
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.deepEqual([f.pos.file, f.pos.line, f.pos.column], ['default.conf', 6, 5]);
  assert.match(f.fix.description, /Strict-Transport-Security/);
});

test('HSTS at server level reaches locations without their own add_header', async () => {
  const conf = server(
    '    add_header Strict-Transport-Security "max-age=31536000" always;\n    location / { proxy_pass http://app:80; }',
  );
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('HSTS from the http level counts too', async () => {
  const conf = `add_header strict-transport-security "max-age=63072000";\n${server('    location / { proxy_pass http://app:80; }')}`;
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('a location with its own add_header loses the server HSTS and is reported', async () => {
  const conf = server(
    '    add_header Strict-Transport-Security "max-age=31536000" always;\n    location /api/ {\n        add_header X-Api 1;\n        proxy_pass http://app:80;\n    }',
  );
  const [f] = await ruleFindings(RULE, project(conf));
  assert.ok(f);
  assert.equal(f.pos.line, 6);
  assert.match(f.message, /location \/api\//);
});

test('plain HTTP servers are not concerned', async () => {
  assert.deepEqual(
    await ruleFindings(RULE, project(server('    location / { proxy_pass http://app:80; }', 'listen 80;'))),
    [],
  );
});
