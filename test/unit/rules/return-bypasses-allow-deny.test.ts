import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'return-bypasses-allow-deny';

const run = (location: string) => serverRuleFindings(RULE, location, 'return');

test('a return next to deny all is reported, pointing at the deny', async () => {
  const [f, ...rest] = await run(
    '    location /internal/ {\n        allow 10.0.0.0/8;\n        deny all;\n        return 200 "secret";\n    }',
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [6, 9]);
  assert.match(f.message, /before the access phase where "deny all" \(line 5\)/);
  assert.equal(f.related?.[0]?.message, 'the access rule it bypasses');
});

test('rules inherited from the server and returns inside if count too', async () => {
  const location =
    '    deny all;\n    location / {\n        if ($arg_x) {\n            return 302 https://example.com/;\n        }\n    }';
  assert.equal((await run(location)).length, 1);
});

test('error returns, and returns where no deny applies, are fine', async () => {
  for (const location of [
    '    location / {\n        deny all;\n        return 403;\n    }',
    '    location / {\n        allow 10.0.0.0/8;\n        return 204;\n    }',
    '    deny all;\n    location / {\n        allow all;\n        return 204;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});
