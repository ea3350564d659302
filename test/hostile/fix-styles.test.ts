import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { validate } from '../../src/validate.js';
import { assertNoStack, bytesOf, PROXY_CONF, runCli, withRootAndOutside } from './fix-helpers.js';

// issue 6: --fix on JSON or flow-style compose files lost every service, or added depends_on as a
// service of its own. After --fix each file parses, keeps every service, and the fixed rules are gone.

const SERVICES = {
  nginx: { image: 'nginx:1.27', volumes: ['./default.conf:/etc/nginx/conf.d/default.conf:ro'] },
  app: { image: 'app:1', environment: { MODE: 'standalone' } },
};

const STYLES: Record<string, string> = {
  'one-line JSON': `${JSON.stringify({ version: '3.8', services: SERVICES })}\n`,
  'multi-line JSON': `${JSON.stringify({ version: '3.8', services: SERVICES }, null, 2)}\n`,
  'JSON with version last': `${JSON.stringify({ services: SERVICES, version: '3.8' }, null, 2)}\n`,
  'flow YAML': `{version: "3.8", services: {nginx: {image: "nginx:1.27", volumes: ["./default.conf:/etc/nginx/conf.d/default.conf:ro"]}, app: {image: "app:1", environment: {MODE: standalone}}}}\n`,
  'block YAML, flow service map': `version: "3.8"\nservices:\n  nginx: {image: "nginx:1.27", volumes: ["./default.conf:/etc/nginx/conf.d/default.conf:ro"]}\n  app: {image: "app:1", environment: {MODE: standalone}} # the backend\n`,
};

const FIXED = ['compose-version-obsolete', 'upstream-start-order', 'proxy-headers-missing'];

for (const [style, compose] of Object.entries(STYLES)) {
  test(`--fix on ${style} keeps every service and fixes what it claims to`, async () => {
    await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': PROXY_CONF }, {}, async (root) => {
      const opts = { cwd: root, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };
      const first = (await validate(opts)).findings.map((f) => f.rule);
      for (const rule of FIXED) assert.ok(first.includes(rule), `${rule} is found before --fix`);

      const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
      assertNoStack(stderr);
      assert.equal(code, 0, stderr);
      const text = bytesOf(path.join(root, 'compose.yaml')).toString('utf8');
      const doc = parse(text);
      assert.equal(doc.version, undefined);
      assert.deepEqual(Object.keys(doc.services).sort(), ['app', 'nginx'], text);
      assert.deepEqual(doc.services.app, SERVICES.app);
      assert.deepEqual(doc.services.nginx.volumes, SERVICES.nginx.volumes);
      assert.equal(doc.services.nginx.image, SERVICES.nginx.image);
      assert.deepEqual(doc.services.nginx.depends_on, ['app']);
      if (style.includes('JSON')) {
        assert.equal(text.trimStart()[0], '{', 'JSON keeps its opening brace');
        assert.deepEqual(JSON.parse(text), parse(text), 'a JSON file stays JSON');
      }
      const after = (await validate(opts)).findings.map((f) => f.rule);
      for (const rule of FIXED) assert.ok(!after.includes(rule), `${rule} is gone after --fix`);
    });
  });
}

test('--fix adds depends_on inside a flow service map that has other keys after it', async () => {
  const compose =
    'services:\n  nginx: {image: "nginx:1.27", volumes: ["./default.conf:/etc/nginx/conf.d/default.conf:ro"],}\n  app: {image: "app:1"}\n';
  await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': PROXY_CONF }, {}, async (root) => {
    const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
    assertNoStack(stderr);
    assert.equal(code, 0);
    const doc = parse(bytesOf(path.join(root, 'compose.yaml')).toString('utf8'));
    assert.deepEqual(Object.keys(doc.services).sort(), ['app', 'nginx']);
    assert.deepEqual(doc.services.nginx.depends_on, ['app']);
  });
});
