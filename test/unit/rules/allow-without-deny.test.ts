import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'allow-without-deny';

const run = (location: string) => serverRuleFindings(RULE, location, 'location');

test('allow without deny all is reported at the first allow', async () => {
  const [f, ...rest] = await run(
    '    location /admin/ {\n        allow 10.0.0.0/8;\n        allow 192.168.0.0/16;\n        return 204;\n    }',
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [4, 15]);
  assert.match(f.message, /location \/admin\/ has "allow 10\.0\.0\.0\/8" but no "deny all"/);
  assert.match(f.fix.description, /deny all;/);
});

test('a deny of one address does not close the list', async () => {
  assert.equal(
    (await run('    location / {\n        allow 10.0.0.1;\n        deny 10.0.0.2;\n    }')).length,
    1,
  );
});

test('allow … deny all, deny only, and allow all are fine', async () => {
  for (const location of [
    '    location / {\n        allow 10.0.0.0/8;\n        deny all;\n    }',
    '    location / {\n        deny 10.0.0.2;\n    }',
    '    location / {\n        allow all;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});
