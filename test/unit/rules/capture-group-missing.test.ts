import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  proxyCompose,
  ruleFindings,
  snippetProject,
  snippetRuleFindings,
  validateFiles,
} from '../helpers/project.js';

const RULE = 'capture-group-missing';
const project = (body: string, serverName = 'server_name app.example.com;') => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    ${serverName}
${body}
}
`,
});

async function run(body: string, serverName?: string) {
  const { findings, result } = await validateFiles(project(body, serverName));
  assert.ok(
    result.view.directives.some((p) => p.d.directive === 'listen'),
    'the config was loaded',
  );
  return findings.filter((f) => f.rule === RULE);
}

test('$2 with a one-group location regex is reported at the argument', async () => {
  const [f, ...rest] = await run('    location ~ ^/a/(.*)$ {\n        return 301 /b/$2;\n    }');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [5, 20]);
  assert.match(f.message, /only 1 capture group/);
});

test("a rewrite's replacement is checked against its own pattern, an if's body against the if", async () => {
  assert.equal((await run('    rewrite ^/old/(x)$ /new/$1$2 last;')).length, 1);
  assert.equal((await run('    rewrite ^/old/(x)/(y)$ /new/$1$2 last;')).length, 0);
  const [f] = await run('    if ($uri ~ ^/x) {\n        return 302 /y$1;\n    }');
  assert.match(f?.message ?? '', /no capture groups/);
});

test('groups that exist, named and non-capturing groups, map values and regex server names are fine', async () => {
  for (const body of [
    '    location ~ ^/a/(.*)/(.*)$ {\n        return 301 /b/$2;\n    }',
    '    location ~ ^/(?<x>a)/(?:b)/(c)$ {\n        return 301 /$2;\n    }',
    '    location /plain/ {\n        return 301 /x;\n    }',
  ]) {
    assert.deepEqual(await run(body), [], body);
  }
  const regexName = 'server_name ~^(?<sub>.+)\\.example\\.com$;';
  assert.deepEqual(
    await run('    location / {\n        return 301 https://$1.example.org;\n    }', regexName),
    [],
  );
});

test('a $N in an included file is reported there; a regex server_name from an include is honoured', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    snippetProject('    location ~ ^/a/(.*)$ {\n        include snippets/redirect.conf;\n    }', {
      'redirect.conf': 'return 301 /b/$2;\n',
    }),
  );
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.pos.file, f?.pos.line, f?.pos.column], ['snippets/redirect.conf', 1, 12]);
  const names = snippetProject(
    '    include snippets/names.conf;\n    location ~ ^/a {\n        return 301 https://$1.example.org;\n    }',
    { 'names.conf': 'server_name ~^(?<sub>.+)\\.example\\.com$;\n' },
  );
  assert.deepEqual(await snippetRuleFindings(RULE, names, 'server_name'), []);
});
