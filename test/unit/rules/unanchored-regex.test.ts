import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'unanchored-regex';

const run = (location: string) => serverRuleFindings(RULE, location, 'return');

test('an extension match without $ is a note suggesting the anchor', async () => {
  const [f, ...rest] = await run('    location ~ \\.php {\n        return 204;\n    }');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.deepEqual([f.pos.line, f.pos.column], [3, 16]);
  assert.match(f.message, /\/uploads\/avatar\.php\/x\.jpg/);
  assert.match(f.fix.description, /location ~ \\\.php\$/);
  assert.equal((await run('    location ~* \\.(jpg|png) {\n        return 204;\n    }')).length, 1);
});

test('anchored and non-extension regexes are fine', async () => {
  for (const location of [
    '    location ~ \\.php$ {\n        return 204;\n    }',
    '    location ~* \\.(jpg|png)$ {\n        return 204;\n    }',
    '    location ~ ^/api/ {\n        return 204;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});
