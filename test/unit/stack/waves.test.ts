import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineStartable, startWaves } from '../../../src/stack/waves.js';
import { loadFiles } from '../compose/helpers.js';

const waves = async (yaml: string) => {
  const model = await loadFiles({ 'compose.yaml': yaml });
  // The input was loaded: every service named in the file is in the model.
  assert.ok(model.services.length > 0, 'the compose file was loaded');
  return startWaves(model.services).map((w) => ({
    services: [...w.services].sort(),
    gates: w.gates.map((g) => `${g.service}:${g.condition}`).sort(),
  }));
};

test('startWaves: no dependency that must be waited for → one wave, compose orders it alone', async () => {
  assert.deepEqual(
    await waves(`services:
  web: {image: nginx, depends_on: [app], links: [db]}
  app: {image: app, depends_on: {db: {condition: service_started}}}
  db: {image: db}
`),
    [{ services: ['app', 'db', 'web'], gates: [] }],
  );
});

test('startWaves: service_healthy and service_completed_successfully each start a new wave', async () => {
  assert.deepEqual(
    await waves(`services:
  nginx:
    image: nginx
    depends_on:
      app: {condition: service_healthy}
      assets: {condition: service_started}
  app:
    image: app
    depends_on:
      migrate: {condition: service_completed_successfully}
  migrate: {image: migrate}
  assets: {image: assets}
`),
    [
      { services: ['assets', 'migrate'], gates: [] },
      { services: ['app'], gates: ['migrate:service_completed_successfully'] },
      { services: ['nginx'], gates: ['app:service_healthy'] },
    ],
  );
});

test('startWaves: a started-only dependency of a gated service shares its wave; inactive services are left out', async () => {
  assert.deepEqual(
    await waves(`services:
  proxy:
    image: nginx
    depends_on:
      app: {condition: service_healthy}
  app: {image: app}
  sidecar:
    image: side
    depends_on: [proxy]
  debug:
    image: debug
    profiles: [debug]
    depends_on:
      app: {condition: service_healthy}
`),
    [
      { services: ['app'], gates: [] },
      { services: ['proxy', 'sidecar'], gates: ['app:service_healthy'] },
    ],
  );
});

test('startWaves: a cycle is left to compose to refuse (no hang, every service placed once)', async () => {
  const w = await waves(`services:
  a: {image: a, depends_on: {b: {condition: service_healthy}}}
  b: {image: b, depends_on: {a: {condition: service_healthy}}}
`);
  assert.deepEqual(w.flatMap((x) => x.services).sort(), ['a', 'b']);
});

test('startWaves: inside a wave, a started-only dependency comes before its dependant', async () => {
  const model = await loadFiles({
    'compose.yaml': `services:
  web: {image: web, depends_on: [api]}
  api: {image: api, depends_on: [cache]}
  cache: {image: cache}
`,
  });
  assert.deepEqual(
    startWaves(model.services).map((w) => w.services),
    [['cache', 'api', 'web']],
  );
});

test('engineStartable: later waves may be started by the engine unless one has post_start hooks', async () => {
  const gated = (hook: string) => `services:
  nginx:
    image: nginx
    depends_on:
      app: {condition: service_healthy}
${hook}  app: {image: app}
`;
  const plain = await loadFiles({ 'compose.yaml': gated('') });
  assert.deepEqual(engineStartable(startWaves(plain.services), plain.services), ['nginx']);
  const hooked = await loadFiles({
    'compose.yaml': gated('    post_start:\n      - command: ["sh", "-c", "echo ready"]\n'),
  });
  assert.equal(hooked.services.find((s) => s.name === 'nginx')?.postStart, true, 'the hook was loaded');
  assert.equal(engineStartable(startWaves(hooked.services), hooked.services), undefined);
  const single = await loadFiles({ 'compose.yaml': 'services:\n  web: {image: nginx}\n' });
  assert.equal(engineStartable(startWaves(single.services), single.services), undefined);
});
