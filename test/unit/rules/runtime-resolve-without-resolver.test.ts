import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { fixRoundTrip } from './fix-roundtrip.js';

const RULE = 'runtime-resolve-without-resolver';
const COMPOSE = proxyCompose('', '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.5.0');
const VARIABLE =
  'server {\n    listen 80; # plain\n\n    location / {\n        proxy_pass http://speedtest:8080$request_uri;\n    }\n}\n';

test("a variable proxy_pass without resolver: warning quoting nginx's runtime error", async () => {
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': COMPOSE, 'default.conf': VARIABLE });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.pos.line, 5);
  assert.equal(f.pos.column, 9);
  assert.match(f.message, /no resolver defined to resolve speedtest/);
  assert.match(f.message, /502/);
  assert.match(f.fix.description, /resolver 127\.0\.0\.11 valid=10s;/);
});

test('the fix inserts the resolver into the server block, keeping comments, and the warning goes away', async () => {
  const r = await fixRoundTrip({ 'compose.yaml': COMPOSE, 'default.conf': VARIABLE }, [RULE]);
  assert.equal(r.before.length, 1);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
  assert.equal(
    r.files['default.conf']!,
    'server {\n    resolver 127.0.0.11 valid=10s;\n    listen 80; # plain\n\n    location / {\n        proxy_pass http://speedtest:8080$request_uri;\n    }\n}\n',
  );
});

test('server … resolve without resolver is an error: nginx refuses to start', async () => {
  const conf =
    'upstream st {\n    zone st 64k;\n    server speedtest:8080 resolve;\n}\nserver {\n    listen 80;\n    location / { proxy_pass http://st; }\n}\n';
  const [f] = await ruleFindings(RULE, { 'compose.yaml': COMPOSE, 'default.conf': conf });
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.line, 3);
  assert.match(f.message, /no resolver defined to resolve names at run time in upstream "st"/);
  assert.equal(f.fix.edits?.length, 1);
});

test('a resolver in scope, an IP literal or a load-time host need nothing', async () => {
  const withResolver = VARIABLE.replace('server {\n', 'server {\n    resolver 127.0.0.11;\n');
  const ip = 'server {\n    listen 80;\n    location / { proxy_pass http://10.0.0.5:8080$request_uri; }\n}\n';
  const literal = 'server {\n    listen 80;\n    location / { proxy_pass http://speedtest:8080; }\n}\n';
  const inHttp = `resolver 127.0.0.11;\n${VARIABLE}`;
  for (const conf of [withResolver, ip, literal, inHttp]) {
    assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': COMPOSE, 'default.conf': conf }), [], conf);
  }
});

test('a host that is only a variable is named by the variable, not the whole URL', async () => {
  const conf =
    'server {\n    listen 80;\n    set $target speedtest:8080;\n    location / {\n        proxy_pass http://$target;\n    }\n}\n';
  const [f] = await ruleFindings(RULE, { 'compose.yaml': COMPOSE, 'default.conf': conf });
  assert.match(f?.message ?? '', /resolves "\$target" per request/);
  assert.doesNotMatch(f?.message ?? '', /"http:\/\//);
});
