import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, validateFiles } from '../helpers/project.js';

const RULE = 'add-header-multiline';
const project = (line: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    ${line}
    return 204;
}
`,
});

async function run(line: string) {
  const { findings, result } = await validateFiles(project(line));
  assert.ok(
    result.view.directives.some((p) => p.d.directive === 'add_header'),
    'the config was loaded',
  );
  return findings.filter((f) => f.rule === RULE);
}

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
