import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { seedFiles } from './fix-roundtrip.js';

const RULE = 'error-log-debug';
const project = (line: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {\n    listen 80;\n    ${line}\n}\n`,
});

test("the seed's error_log … debug is a note at the level argument", async () => {
  const [f, ...rest] = await ruleFindings(RULE, seedFiles());
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.deepEqual([f.pos.file, f.pos.line, f.pos.column], ['default.conf', 15, 40]);
  assert.match(f.fix.description, /error_log \/var\/log\/nginx\/error\.log warn;/);
});

test('other levels, and no level, are fine', async () => {
  for (const line of [
    'error_log /var/log/nginx/error.log warn;',
    'error_log /var/log/nginx/debug.log;',
    'error_log stderr notice;',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(line)), [], line);
  }
});

test('debug in any letter case is reported', async () => {
  assert.equal((await ruleFindings(RULE, project('error_log stderr DEBUG;'))).length, 1);
});
