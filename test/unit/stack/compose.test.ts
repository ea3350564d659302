import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { COMPOSE_MISSING, composeV2Problem, explainUp } from '../../../src/stack/compose.js';

test('explainUp: one line per kind of compose/engine failure', () => {
  const env = { DOCKER_HOST: 'unix:///x.sock' };
  assert.deepEqual(
    explainUp('Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?', env),
    {
      kind: 'engine',
      message: 'the Docker engine at unix:///x.sock does not answer: start dockerd (or fix DOCKER_HOST)',
    },
  );
  assert.equal(
    explainUp(
      " speedtest Error pull access denied for sg/x, repository does not exist or may require 'docker login'",
      {},
    ).kind,
    'pull',
  );
  assert.equal(
    explainUp(
      'Error response from daemon: driver failed programming external connectivity: Bind for 0.0.0.0:443 failed: port is already allocated',
      {},
    ).kind,
    'port-taken',
  );
  assert.equal(
    explainUp('dependency failed to start: container x-speedtest-1 is unhealthy', {}).kind,
    'unhealthy',
  );
  assert.equal(explainUp('application not healthy after 5s', {}).kind, 'timeout');
  assert.deepEqual(explainUp('container sg-x-nginx-1 exited (1)', {}), {
    kind: 'start',
    message: 'container sg-x-nginx-1 exited (1)',
  });
});

test('compose v1 only: said so, with what to install', async () => {
  const bin = mkdtempSync(path.join(tmpdir(), 'sg-stack-bin-'));
  const saved = process.env.PATH;
  try {
    // A docker CLI without the compose plugin, and the old Python docker-compose.
    writeFileSync(
      path.join(bin, 'docker'),
      `#!/bin/sh\necho "docker: 'compose' is not a docker command." >&2\nexit 1\n`,
    );
    writeFileSync(path.join(bin, 'docker-compose'), '#!/bin/sh\necho 1.29.2\n');
    chmodSync(path.join(bin, 'docker'), 0o755);
    chmodSync(path.join(bin, 'docker-compose'), 0o755);
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    assert.ok(COMPOSE_MISSING.test("docker: 'compose' is not a docker command."));
    assert.equal(
      await composeV2Problem(),
      'only docker-compose 1.29.2 (v1) is installed; stackgate needs Compose v2 (`docker compose`): install the docker-compose-plugin package',
    );
    rmSync(path.join(bin, 'docker-compose'));
    assert.match((await composeV2Problem()) ?? '', /Compose v2 plugin is missing/);
  } finally {
    process.env.PATH = saved;
    rmSync(bin, { recursive: true, force: true });
  }
  // The real one here is v2: no problem reported (the positive twin of the checks above).
  assert.equal(await composeV2Problem(), undefined);
});
