import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'regex-redos';

const run = (location: string) => serverRuleFindings(RULE, location, 'return');

test('nested unbounded repetition in a location regex is reported at the pattern', async () => {
  const [f, ...rest] = await run('    location ~ ^/(a+)+$ {\n        return 204;\n    }');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [3, 16]);
  assert.match(f.message, /repeats \(a\+\)\+/);
});

test('overlapping repetition in if and rewrite patterns is reported too', async () => {
  assert.equal((await run('    if ($uri ~ "^/(\\w+\\s?)+$") {\n        return 204;\n    }')).length, 1);
  assert.equal((await run('    rewrite ^/(.+/)+x$ /y last;\n    return 204;')).length, 1);
});

test('repetition with a separator the inner part cannot match, and plain captures, are fine', async () => {
  for (const location of [
    '    location ~ ^/([a-z0-9-]+/)*x$ {\n        return 204;\n    }',
    '    location ~ ^/(?:[^/]+/)*$ {\n        return 204;\n    }',
    '    location ~ ^/api/(.*)$ {\n        return 204;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});

test('overlapping alternatives and adjacent wildcards are reported', async () => {
  for (const location of [
    '    location ~ ^/(a|ab)+$ {\n        return 204;\n    }',
    '    location ~ ^/(.|x)+/path$ {\n        return 204;\n    }',
    '    location ~ ^/.*.*end$ {\n        return 204;\n    }',
    '    location ~ ^/((ab)+)+/test$ {\n        return 204;\n    }',
  ]) {
    assert.equal((await run(location)).length, 1, location);
  }
  assert.deepEqual(await run('    location ~ ^/(en|fr|de)/(.*)$ {\n        return 204;\n    }'), []);
});
