import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings, validateFiles } from '../helpers/project.js';

const RULE = 'nginx-syntax';

test('a missing ";" before "}" is an error in the config file, with nginx\'s wording', async () => {
  const conf = 'server {\n    listen 80;\n    location / {\n        root /usr/share/nginx/html\n    }\n}\n';
  const found = await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', ''), 'default.conf': conf });
  assert.ok(found.length >= 1);
  const f = found[0]!;
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.file, 'default.conf');
  assert.ok(f.pos.line >= 4 && f.pos.line <= 5, `line ${f.pos.line}`);
  assert.match(f.message, /unexpected "\}"|not terminated/);
  assert.match(f.message, /\[emerg\] .* in \/etc\/nginx\/conf\.d\/default\.conf:\d+/);
  assert.ok(f.fix.description.length > 0);
});

test('an unclosed block reports the end of the file', async () => {
  const conf = 'server {\n    listen 80;\n    location / {\n        root /srv;\n    }\n';
  const found = await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', ''), 'default.conf': conf });
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /unexpected end of file/);
  assert.match(found[0]!.fix.description, /"\}"/);
});

test('every error of every loaded file is reported', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./conf.d:/etc/nginx/conf.d:ro\n';
  const found = await ruleFindings(RULE, {
    'compose.yaml': compose,
    'conf.d/a.conf': 'server {\n    listen 80;\n}\n}\n',
    'conf.d/b.conf': 'server {\n    listen 81;\n    server_name "unclosed;\n}\n',
  });
  const files = new Set(found.map((f) => f.pos.file));
  assert.ok(files.has('conf.d/a.conf'), JSON.stringify(found));
  assert.ok(files.has('conf.d/b.conf'), JSON.stringify(found));
  const a = found.find((f) => f.pos.file === 'conf.d/a.conf')!;
  assert.equal(a.pos.line, 4);
  assert.match(a.message, /unexpected "\}"/);
});

test('a valid configuration has no syntax finding', async () => {
  const conf = 'server {\n    listen 80;\n    location / {\n        return 200 "ok; {}";\n    }\n}\n';
  assert.deepEqual(
    await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', ''), 'default.conf': conf }),
    [],
  );
});

test('a missing ";" before a block is reported once, as syntax, at the unterminated directive', async () => {
  const conf = 'server {\n    listen 80\n    location / {\n        root /srv;\n    }\n}\n';
  const found = await validateFiles({ 'compose.yaml': proxyCompose('', ''), 'default.conf': conf });
  const syntax = found.findings.filter((f) => f.rule === RULE);
  assert.equal(syntax.length, 1);
  assert.equal(syntax[0]!.pos.line, 2);
  assert.match(syntax[0]!.message, /directive "listen" is not terminated by ";"/);
  assert.match(syntax[0]!.fix.description, /missing ";"/);
  assert.deepEqual(
    found.findings.filter((f) => f.rule === 'nginx-directive'),
    [],
  );
});
