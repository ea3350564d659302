import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings, snippetProject } from '../helpers/project.js';

const RULE = 'origins';
const project = (condition: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    location / {
        if (${condition}) {
            add_header Access-Control-Allow-Origin $http_origin;
        }
        return 204;
    }
}
`,
});

test('an unanchored origin regex is reported with an example attacker origin', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project('$http_origin ~* ^https?://.*\\.example\\.com'));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.pos.line, 4);
  assert.match(f.message, /"https:\/\/www\.example\.com\.evil\.com"/);
  assert.match(f.fix.description, /example\\\.com\(:\[0-9\]\+\)\?\$/);
});

test('a missing start anchor, a prefix wildcard and an unescaped dot are each caught', async () => {
  const cases: [string, RegExp][] = [
    ['$http_referer ~ "https://app\\.example\\.com"', /evil\.com\/\?https:\/\/app\.example\.com/],
    [
      '$http_origin ~ "^([^!]+)?https://app\\.example\\.com$"',
      /"https:\/\/evil\.com\/\?https:\/\/app\.example\.com"/,
    ],
    ['$http_origin ~ "^https://webv.+isor\\.com$"', /webvevilisor\.com/],
    ['$http_origin ~ "^https://(.*\\.)?example\\.com$"', /https:\/\/evil\.com\?\.example\.com/],
    ['$http_origin ~* "^https://.*example\\.com$"', /evil-example\.com/],
    ['$http_referer !~ "^https://www.example\\.com/"', /wwwxexample\.com/],
  ];
  for (const [cond, expected] of cases) {
    const [f] = await ruleFindings(RULE, project(cond));
    assert.match(f?.message ?? '', expected, cond);
  }
});

test('strict checks and other variables are fine', async () => {
  for (const cond of [
    '$http_origin ~* "^https://([a-z0-9-]+\\.)*example\\.com(:[0-9]+)?$"',
    '$http_referer ~ "^https://www\\.example\\.com(/|$)"',
    '$http_x_origin ~ example',
    '$http_origin = "https://example.com"',
    // The unescaped dot stays inside the trusted domain: lxo.example.com is still example.com's.
    '$http_origin ~ "^https://l.o\\.example\\.com$"',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(cond)), [], cond);
  }
});

test('regex keys of a map over $http_origin are checked too', async () => {
  const files = {
    'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
    'default.conf': `map $http_origin $cors_origin {
    default "";
    "~^https://app\\.example\\.com$" $http_origin;
    "~*^https://.*example\\.com" $http_origin;
}
server {
    listen 80;
    add_header Access-Control-Allow-Origin $cors_origin;
    return 204;
}
`,
  };
  const findings = await ruleFindings(RULE, files);
  assert.deepEqual(
    findings.map((f) => f.pos.line),
    [4],
  );
  assert.match(findings[0]!.message, /evil-example\.com/);
});

test('the misspelt $http_referrer is reported: it is empty for browsers', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project('$http_referrer !~ "^https://example\\.com/"'));
  assert.equal(rest.length, 0);
  assert.match(f?.message ?? '', /\$http_referrer/);
  assert.match(f?.fix.description ?? '', /\$http_referer/);
});

test('a regex that accepts values no browser sends is a note', async () => {
  const [f] = await ruleFindings(RULE, project('$http_origin !~ "^https://example\\.com/"'));
  assert.equal(f?.severity, 'note');
  assert.match(f?.message ?? '', /no path/);
});

test('map entries that an include brings in are checked, at their line in the included file', async () => {
  const files = snippetProject(
    '    location / {\n        add_header Access-Control-Allow-Origin $cors;\n        return 204;\n    }',
    { 'origins.conf': 'default "";\n"~*^https?://.*\\.example\\.com" $http_origin;\n' },
    '',
    'map $http_origin $cors {\n    include snippets/origins.conf;\n}\n',
  );
  const [f, ...rest] = await ruleFindings(RULE, files);
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.pos.file, f?.pos.line], ['snippets/origins.conf', 2]);
});
