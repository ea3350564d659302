import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  proxyCompose,
  ruleFindings,
  serverRuleFindings,
  snippetProject,
  snippetRuleFindings,
  validateFiles,
} from '../helpers/project.js';

const RULE = 'stub-status-exposed';
const project = (location: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
${location}
}
`,
});

const run = (location: string) => serverRuleFindings(RULE, location, 'stub_status');

test('an open stub_status is reported at the directive', async () => {
  const [f, ...rest] = await run('    location /nginx_status {\n        stub_status;\n    }');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [4, 9]);
  assert.match(f.message, /location \/nginx_status/);
});

test('allow without deny all still exposes it', async () => {
  assert.equal(
    (await run('    location /s {\n        stub_status;\n        allow 127.0.0.1;\n    }')).length,
    1,
  );
});

test('deny all (here or inherited), basic auth and internal locations protect it', async () => {
  for (const location of [
    '    location /s {\n        stub_status;\n        allow 127.0.0.1;\n        deny all;\n    }',
    '    allow 127.0.0.1;\n    deny all;\n    location /s {\n        stub_status;\n    }',
    '    location /s {\n        stub_status;\n        auth_basic "ops";\n        auth_basic_user_file /etc/nginx/htpasswd;\n    }',
    '    location /s {\n        internal;\n        stub_status;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});

test('a server listening only on a unix socket is not exposed', async () => {
  const files = project('    location /s {\n        stub_status;\n    }');
  files['default.conf'] = files['default.conf'].replace('listen 80;', 'listen unix:/run/nginx/status.sock;');
  const { findings, result } = await validateFiles(files);
  assert.ok(
    result.view.directives.some((p) => p.d.directive === 'stub_status'),
    'the config was loaded',
  );
  assert.deepEqual(
    findings.filter((f) => f.rule === RULE),
    [],
  );
});

test('a stub_status that an include brings in is reported at the line in the included file', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    snippetProject('    location /s {\n        include snippets/status.conf;\n    }', {
      'status.conf': '# counters\nstub_status;\n',
    }),
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.deepEqual([f.pos.file, f.pos.line, f.pos.column], ['snippets/status.conf', 2, 1]);
});

test('internal, and unix-only listens, that reach the block through an include protect it', async () => {
  for (const [guard, snippet, body] of [
    [
      'internal',
      'internal;\n',
      '    location /s {\n        include snippets/guard.conf;\n        stub_status;\n    }',
    ],
    [
      'listen',
      'listen unix:/run/nginx/status.sock;\n',
      '    include snippets/guard.conf;\n    location /s {\n        stub_status;\n    }',
    ],
  ] as const) {
    const files = snippetProject(body, { 'guard.conf': snippet });
    // The server's only listen is the one in the snippet.
    if (guard === 'listen') files['default.conf'] = files['default.conf']!.replace('    listen 80;\n', '');
    assert.deepEqual(await snippetRuleFindings(RULE, files, guard), [], guard);
  }
});
