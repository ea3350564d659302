import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'valid-referers';
const project = (line: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    location /img/ {
        ${line}
        if ($invalid_referer) { return 403; }
        root /usr/share/nginx/html;
    }
}
`,
});

test('valid_referers with none is reported at "none"', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project('valid_referers none blocked example.com;'));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [4, 24]);
  assert.match(f.fix.description, /keep "blocked example\.com"/);
});

test('valid_referers without none is fine', async () => {
  assert.deepEqual(await ruleFindings(RULE, project('valid_referers server_names *.example.com;')), []);
});
