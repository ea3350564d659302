import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'add-header-redefinition';
const project = (location: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    add_header X-Frame-Options DENY;
    add_header Cache-Control "public";
${location}
}
`,
});

test('a location with its own add_header drops the server ones; the security header is named', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    project('    location /api/ {\n        add_header X-Api 1;\n        return 204;\n    }'),
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [6, 9]);
  assert.match(f.message, /drops "X-Frame-Options", "Cache-Control" set in server \(line 3\)/);
  assert.match(f.message, /security header\(s\) "X-Frame-Options"/);
  assert.equal(f.related?.length, 2);
});

test('only headers not repeated are reported as dropped', async () => {
  const [f] = await ruleFindings(
    RULE,
    project(
      '    location /api/ {\n        add_header x-frame-options DENY;\n        add_header X-Api 1;\n    }',
    ),
  );
  assert.match(f?.message ?? '', /drops "Cache-Control" set/);
  assert.doesNotMatch(f?.message ?? '', /security/);
});

test('locations without add_header, full repeats and add_header_inherit merge are fine', async () => {
  for (const loc of [
    '    location / {\n        return 204;\n    }',
    '    location / {\n        add_header X-Frame-Options DENY;\n        add_header Cache-Control "public";\n        add_header X-More 1;\n    }',
    '    location / {\n        add_header_inherit merge;\n        add_header X-More 1;\n    }',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(loc)), [], loc);
  }
});
