import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, proxyWithEnvironment, ruleFindings } from '../helpers/project.js';
import { fixRoundTrip, seedFiles } from './fix-roundtrip.js';

const RULE = 'proxy-config-not-mounted';
const CONF =
  'server {\n    listen 80;\n    location / {\n        proxy_pass http://speedtest:8080;\n    }\n}\n';
// The seed's shape: a proxy that never mounts the config next to it.
const UNMOUNTED =
  '# the stack\nservices:\n  nginx:\n    image: nginx:1.27 # proxy\n    ports:\n      - "80:80"\n  speedtest:\n    image: ghcr.io/librespeed/speedtest:latest\n';

test('a config that is never mounted: error at the proxy service, with the volumes line to add', async () => {
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': UNMOUNTED, 'default.conf': CONF });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.file, 'compose.yaml');
  assert.equal(f.pos.line, 3);
  assert.equal(f.service, 'nginx');
  assert.match(f.message, /\.\/default\.conf is never mounted into "nginx"/);
  assert.match(f.fix.description, /- \.\/default\.conf:\/etc\/nginx\/conf\.d\/default\.conf:ro/);
  assert.match(f.related?.[0]?.pos.file ?? '', /default\.conf$/);
});

test('the fix mounts it, keeps comments, and the finding goes away', async () => {
  const r = await fixRoundTrip({ 'compose.yaml': UNMOUNTED, 'default.conf': CONF }, [RULE]);
  assert.equal(r.before.length, 1);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
  const text = r.files['compose.yaml']!;
  assert.match(text, /# the stack\n/);
  assert.match(text, /image: nginx:1\.27 # proxy\n/);
  assert.match(text, /volumes:\n\s+- \.\/default\.conf:\/etc\/nginx\/conf\.d\/default\.conf:ro/);
});

test('a config mounted where nginx.conf never includes it', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./site.conf:/etc/nginx/sites-enabled/site.conf:ro\n';
  const [f, ...rest] = await ruleFindings(
    RULE,
    { 'compose.yaml': compose, 'site.conf': CONF },
    {},
    { unloadedConfs: ['site.conf'] },
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.pos.line, 5);
  assert.match(
    f.message,
    /mounted at \/etc\/nginx\/sites-enabled\/site\.conf, but nginx never reads that file/,
  );
  assert.match(f.message, /\/etc\/nginx\/conf\.d\/\*\.conf/);
  assert.match(f.fix.description, /\/etc\/nginx\/conf\.d\/site\.conf:ro/);
});

test('a properly mounted config (file, directory or template) gives no finding', async () => {
  assert.deepEqual(
    await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', ''), 'default.conf': CONF }),
    [],
  );
  const dir =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./conf.d:/etc/nginx/conf.d:ro\n';
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': dir, 'conf.d/site.conf': CONF }), []);
  const tpl =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./templates:/etc/nginx/templates:ro\n';
  assert.deepEqual(
    await ruleFindings(RULE, { 'compose.yaml': tpl, 'templates/default.conf.template': CONF }),
    [],
  );
});

test("the seed's compose never mounts its default.conf, and the validator says so", async () => {
  const [f, ...rest] = await ruleFindings(RULE, seedFiles());
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.pos.file, 'docker-compose.yml');
  assert.equal(f.pos.line, 3);
  assert.match(f.message, /\.\/default\.conf is never mounted into "nginx"/);
  assert.match(f.fix.description, /- \.\/default\.conf:\/etc\/nginx\/conf\.d\/default\.conf:ro/);
});

test('fixing the seed mounts default.conf next to its unindented ports list', async () => {
  const r = await fixRoundTrip(seedFiles(), [RULE]);
  assert.equal(r.before.length, 1);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
  assert.match(
    r.files['docker-compose.yml']!,
    / {4}ports:\n {4}- 443:443\n {4}volumes:\n {6}- \.\/default\.conf:\/etc\/nginx\/conf\.d\/default\.conf:ro\n/,
  );
});

test('a mounted directory none of whose configs is read', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./sites:/etc/nginx/sites-enabled:ro\n';
  const [f, ...rest] = await ruleFindings(
    RULE,
    {
      'compose.yaml': compose,
      'sites/a.conf': CONF,
      'sites/b.conf': CONF,
    },
    {},
    { unloadedConfs: ['sites/a.conf', 'sites/b.conf'] },
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.pos.line, 5);
  assert.match(f.message, /never reads any config file there/);
  assert.match(f.fix.description, /- \.\/sites:\/etc\/nginx\/conf\.d:ro/);
});

test('a start command that can write the config drops it to a warning that says so', async () => {
  const withCommand = (command: string) =>
    UNMOUNTED.replace('    ports:\n', `    command: ${command}\n    ports:\n`);
  const plain = await ruleFindings(RULE, {
    'compose.yaml': withCommand(`["nginx", "-g", "daemon off;"]`),
    'default.conf': CONF,
  });
  assert.deepEqual(
    plain.map((f) => f.severity),
    ['error'],
    'a command that only starts nginx changes nothing',
  );
  const writers = [
    `["sh", "-c", "envsubst < /tmp/site.conf > /etc/nginx/conf.d/default.conf && exec nginx -g 'daemon off;'"]`,
    `/bin/bash -c "certbot certonly --standalone; nginx -g 'daemon off;'"`,
    `["/entrypoint/start.sh"]`,
  ];
  for (const command of writers) {
    const found = await ruleFindings(RULE, { 'compose.yaml': withCommand(command), 'default.conf': CONF });
    assert.equal(found.length, 1, command);
    assert.equal(found[0]?.severity, 'warning', command);
    assert.match(
      found[0]?.message ?? '',
      /may generate its config at start: its command runs .*analysed the config as written/,
    );
    assert.equal(found[0]?.related?.at(-1)?.pos.line, 5, 'points at the command');
  }
});

test("a built proxy's own ENTRYPOINT script counts too, at its Dockerfile line", async () => {
  const found = await ruleFindings(
    RULE,
    {
      'compose.yaml':
        'services:\n  nginx:\n    build: .\n    volumes:\n      - ./extra.conf:/etc/nginx/extra.conf:ro\n',
      Dockerfile: 'FROM nginx:1.27\nCOPY start.sh /\nENTRYPOINT ["/start.sh"]\n',
      'start.sh': '#!/bin/sh\nexec nginx -g "daemon off;"\n',
      'extra.conf': CONF,
    },
    {},
    { unloadedConfs: ['extra.conf'] },
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  assert.match(found[0]?.message ?? '', /ENTRYPOINT runs the script \/start\.sh/);
  const at = found[0]?.related?.at(-1)?.pos;
  assert.match(at?.file ?? '', /[/\\]Dockerfile$/);
  assert.equal(at?.line, 3);
});

test("an unmounted template (the proxy's own dir and suffix) goes where the entrypoint renders it, and the fix loads it", async () => {
  const files = {
    'compose.yaml': proxyWithEnvironment(
      { NGINX_ENVSUBST_TEMPLATE_DIR: '/etc/nginx/tpl', NGINX_ENVSUBST_TEMPLATE_SUFFIX: '.in', PORT: '80' },
      [],
    ),
    'site.conf.in': CONF.replace('listen 80', 'listen $PORT'),
  };
  const [f, ...rest] = await ruleFindings(RULE, files, {}, { unloadedConfs: ['site.conf.in'] });
  assert.equal(rest.length, 0);
  assert.ok(f, 'site.conf.in was found as a config');
  assert.match(f.message, /\.\/site\.conf\.in is never mounted into "nginx"/);
  assert.match(f.fix.description, /- \.\/site\.conf\.in:\/etc\/nginx\/tpl\/site\.conf\.in:ro/);
  const r = await fixRoundTrip(files, [RULE]);
  assert.equal(r.before.length, 1);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
});

test("a template (the proxy's own suffix) mounted where nothing renders or includes it", async () => {
  const compose = (target: string, env: Record<string, string> = {}) =>
    proxyWithEnvironment({ NGINX_ENVSUBST_TEMPLATE_SUFFIX: '.in', ...env }, [`./site.conf.in:${target}:ro`]);
  const [f, ...rest] = await ruleFindings(
    RULE,
    { 'compose.yaml': compose('/etc/nginx/sites-enabled/site.conf.in'), 'site.conf.in': CONF },
    {},
    { unloadedConfs: ['site.conf.in'] },
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.match(
    f.message,
    /mounted at \/etc\/nginx\/sites-enabled\/site\.conf\.in, but nginx never reads that file/,
  );
  // Into the template folder, so that envsubst still renders it (into conf.d, which nginx.conf includes).
  assert.match(f.fix.description, /- \.\/site\.conf\.in:\/etc\/nginx\/templates\/site\.conf\.in:ro/);

  // Rendered, but into a folder nginx.conf does not include: the include to add names where it lands.
  const [g, ...more] = await ruleFindings(
    RULE,
    {
      'compose.yaml': compose('/etc/nginx/templates/site.conf.in', {
        NGINX_ENVSUBST_OUTPUT_DIR: '/etc/nginx/sites',
      }),
      'site.conf.in': CONF,
    },
    {},
    { unloadedConfs: ['site.conf.in'] },
  );
  assert.equal(more.length, 0);
  assert.ok(g);
  assert.match(
    g.message,
    /mounted at \/etc\/nginx\/templates\/site\.conf\.in and the image renders it to \/etc\/nginx\/sites\/site\.conf, but nginx never reads that file/,
  );
  assert.match(g.fix.description, /^Add an include for \/etc\/nginx\/sites\/site\.conf to nginx\.conf\.$/);
});

test("the message names the image's default config unless the image really has the file (not the unmounted one)", async () => {
  // The official image has conf.d/default.conf: a project default.conf that is not mounted replaces nothing.
  const [own] = await ruleFindings(RULE, { 'compose.yaml': UNMOUNTED, 'default.conf': CONF });
  assert.match(own?.message ?? '', /its image's own \/etc\/nginx\/conf\.d\/default\.conf/);
  // The image has no conf.d/site.conf: nginx falls back to the image's default configuration.
  const [site] = await ruleFindings(RULE, { 'compose.yaml': UNMOUNTED, 'site.conf': CONF });
  assert.ok(site, 'the unmounted site.conf was loaded');
  assert.match(site.message, /\.\/site\.conf is never mounted/);
  assert.doesNotMatch(site.message, /its image's own/);
  assert.match(site.message, /its image's default configuration/);
});
