import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'proxy-set-header-redefinition';
const BACKEND = '  backend:\n    image: traefik/whoami';
// Server-level headers that a location's own proxy_set_header drops.
const SERVER_HEADERS =
  '    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n';
const run = (location: string) =>
  serverRuleFindings(RULE, `${SERVER_HEADERS}${location}`, 'proxy_set_header', BACKEND);

test('a location with its own proxy_set_header drops the server ones, named at the inner header', async () => {
  const [f, ...rest] = await run(
    '    location /api/ {\n        proxy_set_header X-Api 1;\n        proxy_pass http://backend;\n    }',
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [6, 9]);
  assert.match(f.message, /drops "Host", "X-Forwarded-For" set in server \(line 3\)/);
  assert.match(f.message, /Host \$proxy_host/);
  assert.equal(f.related?.length, 2);
});

test('only headers not repeated count; a location that repeats them all, or sets none, is fine', async () => {
  const [f] = await run(
    '    location /api/ {\n        proxy_set_header host $host;\n        proxy_set_header X-Api 1;\n        proxy_pass http://backend;\n    }',
  );
  assert.match(f?.message ?? '', /drops "X-Forwarded-For" set/);
  for (const location of [
    '    location / {\n        proxy_pass http://backend;\n    }',
    '    location / {\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        proxy_set_header X-Api 1;\n        proxy_pass http://backend;\n    }',
  ]) {
    assert.deepEqual(await run(location), [], location);
  }
});
