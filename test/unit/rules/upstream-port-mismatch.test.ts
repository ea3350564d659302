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
