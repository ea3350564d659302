import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'add-header-multiline';

const run = (line: string) => serverRuleFindings(RULE, `    ${line}\n    return 204;`, 'add_header');

test('a header value with a line break is reported at the value', async () => {
  const [f, ...rest] = await run(
    'add_header Content-Security-Policy "default-src \'self\';\n        img-src *";',
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [3, 40]);
  assert.match(f.message, /line break/);
});

test('one-line values are fine', async () => {
  assert.deepEqual(
    await run('add_header Content-Security-Policy "default-src \'self\'; img-src *" always;'),
    [],
  );
});
