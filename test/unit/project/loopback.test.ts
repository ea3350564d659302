import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isContainerLoopback,
  isLoopbackAddress,
  isUnansweredLocalName,
} from '../../../src/project/loopback.js';
import { proxyCompose, ruleFindings, validateFiles } from '../helpers/project.js';

test('loopback addresses: 127.0.0.0/8, ::1, bracketed and IPv4-mapped; nothing else', () => {
  for (const a of ['127.0.0.1', '127.255.0.9', '::1', '[::1]', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])
    assert.equal(isLoopbackAddress(a), true, a);
  for (const a of [
    '128.0.0.1',
    '10.0.0.1',
    '::2',
    '::',
    '[::2]',
    'localhost',
    '0.0.0.0',
    '::ffff:10.0.0.1',
    '',
  ])
    assert.equal(isLoopbackAddress(a), false, a);
});

test("the container's own names are Docker's /etc/hosts entries, in any case; localhost.localdomain is not one", () => {
  for (const h of ['localhost', 'LOCALHOST', 'ip6-localhost', 'ip6-loopback', '127.0.0.1', '[::1]'])
    assert.equal(isContainerLoopback(h), true, h);
  for (const h of ['localhost.localdomain', 'app.localhost', 'speedtest', 'localhost6', '10.1.2.3'])
    assert.equal(isContainerLoopback(h), false, h);
  assert.equal(isUnansweredLocalName('localhost.localdomain'), true);
  assert.equal(isUnansweredLocalName('API.localhost'), true);
  assert.equal(isUnansweredLocalName('localhost'), false);
});

const conf = (listen: string, target: string) =>
  `server {\n    listen ${listen};\n    location / {\n        proxy_pass http://${target};\n    }\n}\n`;
const OTHERS = '  app:\n    image: ghcr.io/librespeed/speedtest:5.4.1';

test('every rule asks the view the same question: ip6-localhost is the proxy itself for upstreams and listens', async () => {
  const files = {
    'compose.yaml': proxyCompose('', OTHERS),
    'default.conf': conf('ip6-localhost:8081', 'ip6-localhost:8080'),
  };
  const { findings, result } = await validateFiles(files);
  // The negative half below means something only if the config was loaded.
  assert.ok(result.findings.length > 0);
  assert.ok(findings.some((f) => f.rule === 'upstream-localhost' && /"ip6-localhost:8080"/.test(f.message)));
  assert.equal(findings.filter((f) => f.rule === 'upstream-unresolvable').length, 0);
  // A listen bound to the container's loopback is not meant to be published.
  assert.equal(findings.filter((f) => f.rule === 'listen-not-published').length, 0);
});

test('localhost.localdomain does not resolve in the proxy: nginx exits, so it is an error, not a localhost warning', async () => {
  const files = {
    'compose.yaml': proxyCompose('', OTHERS),
    'default.conf': conf('80', 'localhost.localdomain:8080'),
  };
  const [unresolvable] = await ruleFindings('upstream-unresolvable', files);
  assert.ok(unresolvable);
  assert.equal(unresolvable.severity, 'error');
  assert.match(unresolvable.message, /not in the container's \/etc\/hosts/);
  assert.deepEqual(await ruleFindings('upstream-localhost', files), []);
});

test('a backend published only on a loopback host address is not reported; on 0.0.0.0 it is', async () => {
  const compose = (hostIp: string) =>
    proxyCompose(
      '    ports:\n      - "443:443"',
      `  app:\n    image: ghcr.io/librespeed/speedtest:5.4.1\n    ports:\n      - "${hostIp}8080:80"`,
    );
  const target = conf('443', 'app:80');
  assert.equal(
    (await ruleFindings('backend-port-published', { 'compose.yaml': compose(''), 'default.conf': target }))
      .length,
    1,
  );
  for (const ip of ['127.0.0.1:', '127.0.0.2:', '[::1]:'])
    assert.deepEqual(
      await ruleFindings('backend-port-published', { 'compose.yaml': compose(ip), 'default.conf': target }),
      [],
      ip,
    );
});
