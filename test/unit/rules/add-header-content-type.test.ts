import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, validateFiles } from '../helpers/project.js';

const RULE = 'add-header-content-type';
const project = (line: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    location /x {
        ${line}
        return 200 "{}";
    }
}
`,
});

async function run(line: string) {
  const { findings, result } = await validateFiles(project(line));
  assert.ok(
    result.view.directives.some((p) => p.d.directive === 'return'),
    'the config was loaded',
  );
  return findings.filter((f) => f.rule === RULE);
}

test('add_header Content-Type is reported, suggesting default_type', async () => {
  const [f, ...rest] = await run('add_header content-type application/json;');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [4, 20]);
  assert.match(f.fix.description, /default_type application\/json;/);
});

test('default_type and other headers are fine', async () => {
  assert.deepEqual(await run('default_type application/json;'), []);
  assert.deepEqual(await run('add_header X-Content-Type-Options nosniff;'), []);
});

test('with the upstream Content-Type hidden, add_header supplies the only one', async () => {
  assert.deepEqual(
    await run('proxy_hide_header Content-Type;\n        add_header Content-Type application/json;'),
    [],
  );
});
