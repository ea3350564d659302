import assert from 'node:assert/strict';
import { test } from 'node:test';
import { weakCiphers } from '../../../src/rules/tls-weak-protocol.js';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'tls-weak-protocol';
const project = (conf: string, image = 'nginx:1.27') => ({
  'compose.yaml': proxyCompose('    ports:\n      - "443:443"', '  app:\n    image: traefik/whoami').replace(
    'nginx:1.27',
    image,
  ),
  'default.conf': conf,
});
const server = (settings: string, listen = 'listen 443 ssl;') => `server {
    ${listen}
    ssl_certificate /etc/nginx/c.pem;
    ssl_certificate_key /etc/nginx/k.pem;
${settings}    location / {
        proxy_pass http://app:80;
    }
}
`;

test('weakCiphers finds enabled weak parts and respects exclusions', () => {
  assert.deepEqual(weakCiphers('HIGH:!aNULL:!MD5'), []);
  assert.deepEqual(weakCiphers('ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305'), []);
  assert.deepEqual(weakCiphers('ALL'), ['ALL without !aNULL']);
  assert.deepEqual(weakCiphers('HIGH:RC4-SHA:!aNULL'), ['RC4-SHA']);
  assert.deepEqual(weakCiphers('ECDHE+AESGCM:DES-CBC3-SHA:EXP-RC4-MD5:eNULL'), [
    'DES-CBC3-SHA',
    'EXP-RC4-MD5',
    'eNULL',
  ]);
  assert.deepEqual(weakCiphers('ALL:!aNULL:!eNULL:MEDIUM'), ['MEDIUM']);
});

test('TLSv1 and TLSv1.1 in ssl_protocols are reported at the first weak one', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    project(server('    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n')),
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [5, 19]);
  assert.match(f.message, /TLSv1, TLSv1\.1/);
  assert.match(f.fix.description, /ssl_protocols TLSv1\.2 TLSv1\.3/);
});

test('modern protocols and the nginx default ciphers are clean', async () => {
  const conf = server('    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers HIGH:!aNULL:!MD5;\n');
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('weak ciphers inherited from http level apply to the ssl server', async () => {
  const conf = `ssl_ciphers "RC4:HIGH:!aNULL";\n${server('')}`;
  const [f] = await ruleFindings(RULE, project(conf));
  assert.ok(f);
  assert.equal(f.pos.line, 1);
  assert.match(f.message, /RC4/);
});

test('ssl_ciphers is ignored for TLSv1.3-only servers', async () => {
  const conf = server('    ssl_protocols TLSv1.3;\n    ssl_ciphers ALL;\n');
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('weak settings in a server that does not listen with ssl are not reported', async () => {
  const conf = server('    ssl_protocols SSLv3 TLSv1;\n', 'listen 80;');
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('no ssl_protocols on nginx before 1.23.4 means TLSv1/TLSv1.1 by default', async () => {
  const [f] = await ruleFindings(RULE, project(server(''), 'nginx:1.22.1'));
  assert.ok(f);
  assert.equal(f.pos.line, 2);
  assert.match(f.message, /nginx 1\.22\.1 .*defaults to "TLSv1 TLSv1\.1 TLSv1\.2"/);
  assert.deepEqual(await ruleFindings(RULE, project(server(''), 'nginx:1.27')), []);
});
