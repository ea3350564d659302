import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';

const RULE = 'upstream-port-mismatch';
const conf = (target: string) =>
  `server {\n    listen 80;\n    location / {\n        proxy_pass http://${target};\n    }\n}\n`;

test('LibreSpeed 5.4.1 listens on 80, so :8080 is wrong', async () => {
  const compose = proxyCompose('', '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1');
  const [f, ...rest] = await ruleFindings(RULE, {
    'compose.yaml': compose,
    'default.conf': conf('speedtest:8080'),
  });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.file, 'default.conf');
  assert.equal(f.pos.line, 4);
  assert.equal(f.pos.column, 27);
  assert.match(f.message, /"speedtest" listens on 80, not 8080/);
  assert.match(f.message, /5\.4\.1/);
  assert.match(f.fix.description, /speedtest:80/);
});

test('a port-less proxy_pass means 80, which LibreSpeed 5.5+ does not listen on', async () => {
  const compose = proxyCompose('', '  speedtest:\n    image: ghcr.io/librespeed/speedtest:latest');
  const [f] = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': conf('speedtest') });
  assert.ok(f);
  assert.match(f.message, /listens on 8080, not 80/);
});

test('the published host port instead of the container port is named as such', async () => {
  const compose = proxyCompose('', '  app:\n    image: example/app:1\n    ports:\n      - "8080:80"');
  const [f] = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': conf('app:8080') });
  assert.ok(f);
  assert.match(
    f.message,
    /port 8080 is the host port "app" publishes \(8080:80\); inside the network use the container port 80/,
  );
  assert.equal(f.related?.[0]?.pos.line, 10);
});

test('matching ports, expose, WEBPORT and unknown images give no finding', async () => {
  const cases: [string, string][] = [
    ['  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1', 'speedtest:80'],
    ['  speedtest:\n    image: ghcr.io/librespeed/speedtest', 'speedtest:8080'],
    [
      '  speedtest:\n    image: ghcr.io/librespeed/speedtest\n    environment:\n      WEBPORT: "9000"',
      'speedtest:9000',
    ],
    ['  app:\n    image: example/app:1\n    expose: ["5000"]', 'app:5000'],
    ['  app:\n    image: example/app:1', 'app:1234'],
  ];
  for (const [other, target] of cases) {
    const found = await ruleFindings(RULE, {
      'compose.yaml': proxyCompose('', other),
      'default.conf': conf(target),
    });
    assert.deepEqual(found, [], `${other} → ${target}`);
  }
});

test('the image outranks expose: FROM nginx with expose 3000 is right on :80, wrong on :8080', async () => {
  const other = '  frontend:\n    build: ./frontend\n    expose:\n      - "3000"';
  const files = {
    'compose.yaml': proxyCompose('', other),
    'frontend/Dockerfile': 'FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\n',
    'frontend/index.html': '<p>hi</p>',
  };
  const wrong = await ruleFindings(RULE, { ...files, 'default.conf': conf('frontend:8080') });
  assert.equal(wrong.length, 1, 'the build was read and the rule applies');
  assert.equal(wrong[0]?.severity, 'error');
  assert.match(wrong[0]?.message ?? '', /built FROM nginx:alpine, which listens on 80 by default/);
  for (const target of ['frontend:80', 'frontend', 'frontend:3000'])
    assert.deepEqual(await ruleFindings(RULE, { ...files, 'default.conf': conf(target) }), [], target);
});

test("a Dockerfile's EXPOSE is evidence, related at its line", async () => {
  const [f, ...rest] = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('', '  api:\n    build: ./api'),
    'api/Dockerfile': 'FROM node:22\nWORKDIR /app\nEXPOSE 5000\nCMD ["node", "server.js"]\n',
    'default.conf': conf('api:80'),
  });
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /"api" listens on 5000, not 80 \(its Dockerfile EXPOSEs 5000\)/);
  assert.match(f?.related?.[1]?.pos.file ?? '', /api[/\\]Dockerfile$/);
  assert.equal(f?.related?.[1]?.pos.line, 3);
});

test('expose alone is a warning at most; ports targets stay an error', async () => {
  const [exposeOnly] = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('', '  app:\n    image: example/app:1\n    expose: ["5000"]'),
    'default.conf': conf('app:8000'),
  });
  assert.equal(exposeOnly?.severity, 'warning');
  assert.match(exposeOnly?.message ?? '', /declares only `expose: 5000`, not 8000/);
  const [target] = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('', '  app:\n    image: example/app:1\n    ports: ["127.0.0.1:9000:5000"]'),
    'default.conf': conf('app:8000'),
  });
  assert.equal(target?.severity, 'error');
});
