import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'nginx-directive';
const files = (conf: string) => ({ 'compose.yaml': proxyCompose('', ''), 'default.conf': conf });

test("an unknown directive, at its line and column, in nginx's words", async () => {
  const conf = 'server {\n    listen 80;\n    location / {\n        proxy_passs http://app:80;\n    }\n}\n';
  const [f, ...rest] = await ruleFindings(RULE, files(conf));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.line, 4);
  assert.equal(f.pos.column, 9);
  assert.match(
    f.message,
    /\[emerg\] unknown directive "proxy_passs" in \/etc\/nginx\/conf\.d\/default\.conf:4/,
  );
  assert.equal(f.fix.description, 'Did you mean "proxy_pass"?');
});

test('a directive in the wrong context names where it belongs', async () => {
  const conf = 'server {\n    listen 80;\n    proxy_pass http://app:80;\n}\n';
  const [f] = await ruleFindings(RULE, files(conf));
  assert.ok(f);
  assert.equal(f.pos.line, 3);
  assert.match(f.message, /"proxy_pass" directive is not allowed here/);
  assert.match(f.fix.description, /location/);
});

test('a wrong argument count', async () => {
  const conf =
    'server {\n    listen 80;\n    location / {\n        proxy_pass http://a:80 http://b:80;\n    }\n}\n';
  const [f] = await ruleFindings(RULE, files(conf));
  assert.ok(f);
  assert.equal(f.pos.line, 4);
  assert.match(f.message, /invalid number of arguments in "proxy_pass" directive/);
  assert.match(f.fix.description, /1 argument/);
});

test('map and types contents are data, not directives; a valid config is clean', async () => {
  const conf =
    "map $http_upgrade $connection_upgrade {\n    default upgrade;\n    '' close;\n    something_weird 1;\n}\n" +
    'server {\n    listen 80;\n    location / {\n        types { text/plain txt; }\n        proxy_pass http://app:80;\n    }\n}\n';
  assert.deepEqual(await ruleFindings(RULE, files(conf)), []);
});

test('a port on a proxy_pass that names an upstream block is fatal, as nginx says', async () => {
  const conf =
    'upstream app {\n    server 127.0.0.1:8080;\n}\nserver {\n    listen 80;\n    location / {\n        proxy_pass http://app:80;\n    }\n    location /ok {\n        proxy_pass http://app;\n    }\n}\n';
  const found = (await ruleFindings(RULE, files(conf))).filter((f) => /may not have port/.test(f.message));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.pos.line, 7);
  assert.match(
    found[0]!.message,
    /upstream "app" may not have port 80 in \/etc\/nginx\/conf\.d\/default\.conf:7/,
  );
  assert.match(found[0]!.fix.description, /proxy_pass http:\/\/app;/);
});

test("version-aware: judged against the proxy image's pinned nginx, the newest when unpinned, saying so", async () => {
  const compose = (image: string) =>
    `services:\n  nginx:\n    image: ${image}\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n`;
  const conf = 'server {\n    listen 80;\n    http2 on;\n    ssl on;\n}\n';
  const at = async (image: string) =>
    (await ruleFindings('nginx-directive', { 'compose.yaml': compose(image), 'default.conf': conf })).map(
      (f) => [f.pos.line, f.severity, f.message],
    );
  const old = await at('nginx:1.22.1');
  assert.equal(old.length, 2);
  assert.deepEqual(old[0]!.slice(0, 2), [3, 'error']);
  assert.match(
    String(old[0]![2]),
    /\[emerg\] unknown directive "http2" in .*:3 \("http2" exists from nginx 1\.25\.1; judged against nginx 1\.22\.1 \(from nginx:1\.22\.1\)\)/,
  );
  assert.deepEqual(old[1]!.slice(0, 2), [4, 'warning']);
  assert.match(String(old[1]![2]), /\[warn\] the "ssl" directive is deprecated/);
  const current = await at('nginx:1.27-alpine');
  assert.deepEqual(
    current.map((f) => f.slice(0, 2)),
    [[4, 'error']],
  );
  assert.match(String(current[0]![2]), /unknown directive "ssl".*removed in nginx 1\.25\.1/);
  const unpinned = await at('nginx');
  assert.deepEqual(
    unpinned.map((f) => f.slice(0, 2)),
    [[4, 'error']],
  );
  assert.match(
    String(unpinned[0]![2]),
    /the newest stackgate knows \(nginx pins no version\); pin the image's version/,
  );
  // A tag that names no version and is no alias of the newest: a guess, one level lower.
  const custom = await at('registry.example/nginx:prod');
  assert.deepEqual(
    custom.map((f) => f.slice(0, 2)),
    [[4, 'warning']],
  );
});

test('a full nginx.conf mounted as conf.d/default.conf: the first emerg as nginx prints it, the rest folded in', async () => {
  const conf =
    'user nginx;\nworker_processes auto;\npid /run/nginx.pid;\nevents {\n    worker_connections 1024;\n}\nhttp {\n    server {\n        listen 80;\n    }\n}\n';
  const found = await ruleFindings(RULE, files(conf));
  assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
  const [f] = found;
  assert.equal(f!.pos.line, 1);
  assert.match(
    f!.message,
    /^nginx would exit with: \[emerg\] "user" directive is not allowed here in \/etc\/nginx\/conf\.d\/default\.conf:1\. /,
  );
  assert.match(
    f!.message,
    /main level \(user, worker_processes, pid, events, http\): it is included inside the http block of \/etc\/nginx\/nginx\.conf:\d+, so 4 more/,
  );
  assert.deepEqual(
    f!.related?.map((r) => r.pos.line),
    [2, 3, 4, 7],
  );
  assert.match(f!.fix.description, /mount it at \/etc\/nginx\/nginx\.conf/);
  // A single misplaced directive, and other kinds of problems, are not folded.
  const two = await ruleFindings(
    RULE,
    files('user nginx;\nserver {\n    listen 80;\n    proxy_passs x;\n}\n'),
  );
  assert.equal(two.length, 2);
  assert.doesNotMatch(two.map((x) => x.message).join('\n'), /folded/);
});
