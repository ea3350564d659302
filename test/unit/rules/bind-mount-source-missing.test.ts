import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';

const RULE = 'bind-mount-source-missing';

test('a missing short-syntax source explains the empty-directory trap', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n';
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': compose });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.line, 5);
  assert.equal(f.service, 'nginx');
  assert.match(f.message, /"\.\/default\.conf" does not exist: docker compose creates an empty directory/);
  assert.match(f.message, /\/etc\/nginx\/conf\.d\/default\.conf/);
  assert.match(f.fix.description, /Create \.\/default\.conf/);
});

test('a missing long-syntax source fails at up', async () => {
  const compose =
    'services:\n  app:\n    image: x:1\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n';
  const [f] = await ruleFindings(RULE, { 'compose.yaml': compose });
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /bind source path does not exist/);
});

test('existing sources, named volumes and inactive services are fine', async () => {
  const compose =
    'services:\n  app:\n    image: x:1\n    volumes:\n      - ./here.txt:/here.txt\n      - data:/data\n' +
    '  off:\n    image: x:1\n    profiles: [x]\n    volumes:\n      - ./nope:/nope\nvolumes:\n  data: {}\n';
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': compose, 'here.txt': 'hi' }), []);
});
