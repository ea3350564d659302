import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'server-tokens-on';

const run = (line: string) => serverRuleFindings(RULE, `    ${line}\n    return 204;`, 'return');

test('server_tokens on and build are notes at the value', async () => {
  const [f, ...rest] = await run('server_tokens on;');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.deepEqual([f.pos.line, f.pos.column], [3, 19]);
  assert.match(f.fix.description, /server_tokens off;/);
  const [build] = await run('server_tokens build;');
  assert.match(build?.message ?? '', /build name/);
});

test('server_tokens off, or not set, is not reported', async () => {
  assert.deepEqual(await run('server_tokens off;'), []);
  assert.deepEqual(await run(''), []);
});
