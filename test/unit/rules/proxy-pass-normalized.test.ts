import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings, serverRuleFindings, snippetProject } from '../helpers/project.js';

const RULE = 'proxy-pass-normalized';
const BACKEND = '  backend:\n    image: traefik/whoami';

const run = (location: string) => serverRuleFindings(RULE, location, 'proxy_pass', BACKEND);

test('proxy_pass with a URI part is a note at the target', async () => {
  const [f, ...rest] = await run('    location /api/ {\n        proxy_pass http://backend/v1/;\n    }');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.deepEqual([f.pos.line, f.pos.column], [4, 20]);
  assert.match(f.message, /"\/v1\/"/);
  assert.match(f.fix.description, /proxy_pass http:\/\/backend;/);
});

test('no URI, variables and exact locations are fine', async () => {
  for (const location of [
    '    location /api/ {\n        proxy_pass http://backend;\n    }',
    '    location / {\n        proxy_pass http://backend$request_uri;\n    }',
    '    location = /x {\n        proxy_pass http://backend/y;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});

test('rewrite ^ $request_uri before a proxy_pass without $uri is double encoding', async () => {
  const [f] = await run(
    '    location /b {\n        rewrite ^ $request_uri;\n        proxy_pass http://backend;\n    }',
  );
  assert.match(f?.message ?? '', /%252F/);
  assert.deepEqual(
    await run(
      '    location /b {\n        rewrite ^ $request_uri;\n        proxy_pass http://backend$uri;\n    }',
    ),
    [],
  );
  assert.deepEqual(await run('    location / {\n        proxy_pass http://unix:/run/app.sock;\n    }'), []);
});

test('a rewrite ^ $request_uri that an include brings in is seen, and quoted with its file', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    snippetProject(
      '    location /api/ {\n        include snippets/raw-path.conf;\n        proxy_pass http://backend;\n    }',
      { 'raw-path.conf': 'rewrite ^ $request_uri;\n' },
      BACKEND,
    ),
  );
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.pos.file, f?.pos.line], ['default.conf', 5]);
  assert.match(f?.message ?? '', /"rewrite \^ \$request_uri;" \(\/etc\/nginx\/snippets\/raw-path\.conf:1\)/);
});
