import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'tls-listen-without-cert';
const files = (conf: string) => ({ 'compose.yaml': proxyCompose('', ''), 'default.conf': conf });

test('listen ssl without a certificate: nginx\'s emerg at the "ssl" parameter', async () => {
  const conf = 'server {\n    listen 80;\n}\nserver {\n    listen 443 ssl;\n    server_name a.example;\n}\n';
  const [f, ...rest] = await ruleFindings(RULE, files(conf));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.line, 5);
  assert.equal(f.pos.column, 16);
  assert.match(
    f.message,
    /no "ssl_certificate" is defined for the "listen \.\.\. ssl" directive in \/etc\/nginx\/conf\.d\/default\.conf:4/, // the server block line, as nginx reports it
  );
  assert.match(f.fix.description, /ssl_certificate_key/);
});

test('a certificate in the server, inherited from http, or ssl_reject_handshake on is enough', async () => {
  const inServer =
    'server {\n    listen 443 ssl;\n    ssl_certificate /c.pem;\n    ssl_certificate_key /k.pem;\n}\n';
  const inherited =
    'ssl_certificate /c.pem;\nssl_certificate_key /k.pem;\nserver {\n    listen 443 ssl;\n}\n';
  const reject = 'server {\n    listen 443 ssl default_server;\n    ssl_reject_handshake on;\n}\n';
  for (const conf of [inServer, inherited, reject])
    assert.deepEqual(await ruleFindings(RULE, files(conf)), [], conf);
});
