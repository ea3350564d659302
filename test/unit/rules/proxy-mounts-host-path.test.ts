import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';

const RULE = 'proxy-mounts-host-path';
const proxy = (vols: string[]) =>
  `services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n${vols.map((v) => `      - ${v}\n`).join('')}`;

test('the docker socket in the proxy is an error, /etc a warning, each at its line', async () => {
  const found = await ruleFindings(RULE, {
    'compose.yaml': proxy(['/var/run/docker.sock:/var/run/docker.sock', '/etc:/etc/nginx/host:ro']),
  });
  assert.deepEqual(
    found.map((f) => `${f.severity}@${f.pos.line}`),
    ['error@5', 'warning@6'],
  );
  assert.match(found[0]!.message, /container runtime socket/);
});

test('common purposeful mounts are not flagged (and the proxy was found: its socket twin is)', async () => {
  const found = await ruleFindings(RULE, {
    'compose.yaml': proxy([
      '/etc/letsencrypt:/etc/letsencrypt:ro',
      './conf.d:/etc/nginx/conf.d:ro',
      '/proc:/host/proc:ro',
    ]),
  });
  assert.deepEqual(
    found.map((f) => f.pos.line),
    [7],
  );
});
