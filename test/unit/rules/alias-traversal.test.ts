import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings, validateFiles } from '../helpers/project.js';

const RULE = 'alias-traversal';
const project = (location: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', ''),
  'default.conf': `server {
    listen 80;
    ${location}
}
`,
});

test('a prefix location without a trailing slash and an alias with one is reported at the alias', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project('location /i { alias /data/w/; }'));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [3, 25]);
  assert.match(f.message, /\/i\.\.\//);
  assert.match(f.fix.description, /location \/i\/ \{ alias \/data\/w\/; \}/);
});

test('^~ prefix locations behave the same', async () => {
  assert.equal((await ruleFindings(RULE, project('location ^~ /static { alias /srv/static/; }'))).length, 1);
});

test('matching slashes, exact and regex locations are fine', async () => {
  for (const loc of [
    'location /i/ { alias /data/w/; }',
    'location = /favicon.ico { alias /data/icons/; }',
    'location ~ ^/i/(.*)$ { alias /data/w/$1; }',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(loc)), [], loc);
  }
});

test('an alias without a slash in a prefix location without one exposes sibling folders', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project('location /files { alias /home; }'));
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'warning');
  assert.match(f?.message ?? '', /sibling folders/);
  const [file] = await ruleFindings(RULE, project('location /favicon.ico { alias /srv/favicon.ico; }'));
  assert.equal(file?.severity, 'note');
  assert.match(file?.fix.description ?? '', /location = \/favicon\.ico/);
});

test('regex captures that can begin with ".." or glue onto a name are reported', async () => {
  for (const loc of [
    'location ~ /images(.*) { alias /app/static/$1; }',
    'location ~ /images(.*) { alias /app/static$1; }',
    'location ~ /site/(.*) { alias /lol$1; }',
    'location ~ /site(2)(.*) { alias /lol/$2; }',
    'location ~ ^/(?<rest>.*)$ { alias $rest; }',
  ]) {
    assert.equal((await ruleFindings(RULE, project(loc))).length, 1, loc);
  }
});

test('captures behind a slash, that start with one, or that exclude dots are fine', async () => {
  for (const loc of [
    'location ~ /images/(.*)$ { alias /app/static/$1; }',
    'location ~ /images(/.*) { alias /app/static$1; }',
    'location ~ /images([^.]*) { alias /app/static/$1; }',
    'location ~* ^/files-(en|fr|es) { alias /home/; }',
  ]) {
    const { findings, result } = await validateFiles(project(loc));
    assert.ok(
      result.view.directives.some((p) => p.d.directive === 'alias'),
      `loaded: ${loc}`,
    );
    assert.deepEqual(
      findings.filter((f) => f.rule === RULE),
      [],
      loc,
    );
  }
});
