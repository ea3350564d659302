import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings, serverRuleFindings, snippetProject, snippetRuleFindings } from '../helpers/project.js';

const RULE = 'if-in-location';
const BACKEND = '  backend:\n    image: traefik/whoami';

const run = (location: string) => serverRuleFindings(RULE, location, 'if', BACKEND);

test('a proxy_pass inside if in a location is reported at that directive', async () => {
  const [f, ...rest] = await run(
    '    location / {\n        if ($arg_debug) {\n            proxy_pass http://backend;\n        }\n    }',
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [5, 13]);
  assert.match(f.message, /"proxy_pass" inside "if \(\$arg_debug\)"/);
  assert.equal(f.related?.[0]?.message, 'the if');
});

test('return, rewrite … last, ifs that end in return, and if at server level are fine', async () => {
  for (const location of [
    '    location / {\n        if ($arg_x) {\n            return 404;\n        }\n    }',
    '    location / {\n        if ($arg_x) {\n            rewrite ^ /x last;\n        }\n    }',
    '    location / {\n        if ($request_method = OPTIONS) {\n            add_header Access-Control-Allow-Origin *;\n            return 204;\n        }\n    }',
    '    if ($arg_x) {\n        set $a 1;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});

test('inside an if, an included file counts for what it holds, not as an "include"', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    snippetProject(
      '    location / {\n        if ($arg_debug) {\n            include snippets/debug.conf;\n        }\n    }',
      { 'debug.conf': 'proxy_pass http://backend;\n' },
      BACKEND,
    ),
  );
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.pos.file, f?.pos.line, f?.pos.column], ['snippets/debug.conf', 1, 1]);
  assert.match(f?.message ?? '', /"proxy_pass" inside/);
  const refuse = snippetProject(
    '    location / {\n        if ($arg_x) {\n            include snippets/refuse.conf;\n        }\n    }',
    { 'refuse.conf': 'add_header X-Why refused always;\nreturn 403;\n' },
    BACKEND,
  );
  assert.deepEqual(await snippetRuleFindings(RULE, refuse, 'return'), []);
});
