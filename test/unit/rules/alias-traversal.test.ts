import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'alias-traversal';
const project = (location: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    ${location}
}
`,
});

test('a prefix location without a trailing slash and an alias with one is reported at the alias', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project('location /i { alias /data/w/; }'));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [3, 25]);
  assert.match(f.message, /\/i\.\.\//);
  assert.match(f.fix.description, /location \/i\/ \{ alias \/data\/w\/; \}/);
});

test('^~ prefix locations behave the same', async () => {
  assert.equal((await ruleFindings(RULE, project('location ^~ /static { alias /srv/static/; }'))).length, 1);
});

test('matching slashes, exact and regex locations are fine', async () => {
  for (const loc of [
    'location /i/ { alias /data/w/; }',
    'location /i { alias /data/w; }',
    'location = /favicon.ico { alias /data/icons/; }',
    'location ~ ^/i/(.*)$ { alias /data/w/$1; }',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(loc)), [], loc);
  }
});
