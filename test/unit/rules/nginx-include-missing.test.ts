import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'nginx-include-missing';

test("a missing include is an error quoting nginx's open() failure, at the path argument", async () => {
  const conf = 'server {\n    listen 80;\n    include /etc/nginx/snippets/proxy.conf;\n}\n';
  const [f, ...rest] = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('', ''),
    'default.conf': conf,
  });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.line, 3);
  assert.equal(f.pos.column, 13);
  assert.match(
    f.message,
    /open\(\) "\/etc\/nginx\/snippets\/proxy\.conf" failed \(2: No such file or directory\)/,
  );
  assert.match(f.fix.description, /- \.\/proxy\.conf:\/etc\/nginx\/snippets\/proxy\.conf:ro/);
});

test('an empty glob is only a note', async () => {
  const conf = 'server {\n    listen 80;\n    include /etc/nginx/extra/*.conf;\n}\n';
  const [f] = await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', ''), 'default.conf': conf });
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.match(f.message, /matches no file/);
});

test('a self-include is an error', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n      - ./loop.inc:/etc/nginx/loop.inc:ro\n';
  const conf = 'server {\n    listen 80;\n    include /etc/nginx/loop.inc;\n}\n';
  const found = await ruleFindings(RULE, {
    'compose.yaml': compose,
    'default.conf': conf,
    'loop.inc': 'include /etc/nginx/loop.inc;\n',
  });
  assert.ok(found.length >= 1, 'cycle reported');
  assert.ok(found.every((f) => f.severity === 'error'));
  assert.match(found[0]!.message, /includes itself/);
});

test('an include that a mount provides is fine', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n      - ./proxy.conf:/etc/nginx/snippets/proxy.conf:ro\n';
  const conf =
    'server {\n    listen 80;\n    include /etc/nginx/snippets/proxy.conf;\n    include mime.types;\n}\n';
  assert.deepEqual(
    await ruleFindings(RULE, {
      'compose.yaml': compose,
      'default.conf': conf,
      'proxy.conf': 'proxy_http_version 1.1;\n',
    }),
    [],
  );
});
