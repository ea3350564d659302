import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { seedFiles } from './fix-roundtrip.js';

const RULE = 'backend-port-published';
const CONF =
  'server {\n    listen 80;\n    location / {\n        proxy_pass http://speedtest:80;\n    }\n}\n';

test('a proxied service that publishes a port: warning at the ports entry', async () => {
  const compose = proxyCompose(
    '    ports: ["80:80"]',
    '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1\n    ports:\n      - "8080:80"',
  );
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': CONF });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.pos.line, 10);
  assert.equal(f.service, 'speedtest');
  assert.match(f.message, /bypass nginx/);
  assert.match(f.message, /host port 8080/);
  assert.match(f.fix.description, /127\.0\.0\.1:8080:80/);
});

test('loopback-only ports, unproxied services and the proxy itself are fine', async () => {
  const compose = proxyCompose(
    '    ports: ["80:80"]',
    '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1\n    ports:\n      - "127.0.0.1:8080:80"\n  grafana:\n    image: grafana/grafana:11.1.0\n    ports: ["3000:3000"]',
  );
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': CONF }), []);
});

test("the seed's speedtest publishes 80:80 next to the proxy", async () => {
  const [f, ...rest] = await ruleFindings(RULE, seedFiles());
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.deepEqual([f.pos.file, f.pos.line], ['docker-compose.yml', 14]);
});

test('a service publishing several ports gets one finding that lists them all', async () => {
  const compose = proxyCompose(
    '    ports: ["80:80"]',
    '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1\n    ports:\n      - "8080:80"\n      - "127.0.0.1:9000:9000"\n      - "8443:443"\n      - "3000"',
  );
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': CONF });
  assert.equal(rest.length, 0, 'one finding per service, not per port');
  assert.ok(f);
  assert.equal(f.pos.line, 10, 'at the first published entry');
  assert.match(
    f.message,
    /ports 80 on host port 8080, 443 on host port 8443, 3000 \(on a random host port\)/,
  );
  assert.doesNotMatch(f.message, /9000/, 'the loopback-only entry is not listed');
  assert.deepEqual(
    f.related?.map((r) => r.pos.line),
    [12, 13],
  );
  assert.match(
    f.fix.description,
    /"127\.0\.0\.1:8080:80", "127\.0\.0\.1:8443:443", "127\.0\.0\.1:3000:3000"/,
  );
});
