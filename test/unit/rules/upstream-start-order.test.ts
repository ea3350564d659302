import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { fixRoundTrip } from './fix-roundtrip.js';

const RULE = 'upstream-start-order';
const CONF =
  'upstream st {\n    server speedtest:8080;\n}\nserver {\n    listen 80;\n    location / {\n        proxy_pass http://st;\n    }\n    location /api/ {\n        proxy_pass http://api:3000;\n    }\n}\n';
const OTHERS =
  '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.5.0\n  api:\n    image: example/api:1\n    healthcheck:\n      test: ["CMD", "true"]';

test('each load-time target missing from depends_on is a warning at the nginx host', async () => {
  const found = await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', OTHERS), 'default.conf': CONF });
  assert.equal(found.length, 2);
  const [st, api] = found;
  assert.equal(st!.severity, 'warning');
  assert.equal(st!.pos.file, 'default.conf');
  assert.equal(st!.pos.line, 2);
  assert.equal(st!.pos.column, 12);
  assert.match(st!.message, /docker compose up nginx/);
  assert.match(st!.message, /host not found in upstream "speedtest:8080"/);
  assert.match(st!.fix.description, /condition: service_started/);
  assert.match(api!.fix.description, /condition: service_healthy/);
  assert.ok(st!.fix.edits?.length);
});

test('the fix creates depends_on for both targets, keeps comments, and the warnings go away', async () => {
  const compose = proxyCompose('    # published\n    ports: ["80:80"]', OTHERS);
  const r = await fixRoundTrip({ 'compose.yaml': compose, 'default.conf': CONF }, [RULE]);
  assert.equal(r.before.length, 2);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
  const text = r.files['compose.yaml']!;
  assert.match(text, /# published\n/);
  assert.match(text, /depends_on:\n\s+- speedtest\n\s+- api\n/);
});

test('the map form gets a condition', async () => {
  const compose = proxyCompose(
    '    depends_on:\n      db:\n        condition: service_started',
    `${OTHERS}\n  db:\n    image: postgres:16`,
  );
  const r = await fixRoundTrip({ 'compose.yaml': compose, 'default.conf': CONF }, [RULE]);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
  assert.match(
    r.files['compose.yaml']!,
    /speedtest:\n\s+condition: service_started\n\s+api:\n\s+condition: service_healthy/,
  );
});

test('depends_on, links, network_mode service: and runtime refs need nothing', async () => {
  const dep = proxyCompose('    depends_on: [speedtest, api]', OTHERS);
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': dep, 'default.conf': CONF }), []);
  const links = proxyCompose('    links: [speedtest, api]', OTHERS);
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': links, 'default.conf': CONF }), []);
  const runtime =
    'server {\n    listen 80;\n    resolver 127.0.0.11;\n    location / {\n        proxy_pass http://speedtest:8080$request_uri;\n    }\n}\n';
  assert.deepEqual(
    await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', OTHERS), 'default.conf': runtime }),
    [],
  );
});
