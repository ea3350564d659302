import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ContainerInfo, parsePsLine } from '../../../src/stack/compose.js';
import { type Need, NotReady, parseEvent, readyFor } from '../../../src/stack/readiness.js';

const event = (Action: string, service: string, extra: Record<string, string> = {}) =>
  JSON.stringify({
    status: Action,
    id: 'abc',
    Type: 'container',
    Action,
    Actor: { ID: 'abc', Attributes: { 'com.docker.compose.service': service, name: 'p-x-1', ...extra } },
  });

test('parseEvent: start, die with its exit code, health_status; exec noise and foreign containers ignored', () => {
  assert.deepEqual(parseEvent(event('start', 'app')), {
    id: 'abc',
    service: 'app',
    name: 'p-x-1',
    action: 'start',
  });
  assert.deepEqual(parseEvent(event('die', 'app', { exitCode: '137' })), {
    id: 'abc',
    service: 'app',
    name: 'p-x-1',
    action: 'die',
    exitCode: 137,
  });
  assert.equal(parseEvent(event('health_status: healthy', 'app'))?.action, 'health');
  assert.deepEqual(
    (parseEvent(event('health_status: unhealthy', 'app')) as { health: string }).health,
    'unhealthy',
  );
  assert.equal(parseEvent(event('exec_start: /bin/sh -c curl', 'app')), undefined);
  assert.equal(
    parseEvent(JSON.stringify({ Action: 'start', Actor: { ID: 'x', Attributes: {} } })),
    undefined,
  );
  assert.equal(parseEvent('not json'), undefined);
});

test('parsePsLine: state, health and exit code from docker ps columns', () => {
  assert.deepEqual(parsePsLine('id1\tapp\trunning\tUp Less than a second (health: starting)\tp-app-1'), {
    id: 'id1',
    name: 'p-app-1',
    service: 'app',
    state: 'running',
    health: 'starting',
    exitCode: 0,
  });
  assert.equal(parsePsLine('id1\tapp\trunning\tUp 3 seconds (healthy)\tp-app-1')?.health, 'healthy');
  assert.equal(parsePsLine('id1\tapp\trunning\tUp 3 seconds (unhealthy)\tp-app-1')?.health, 'unhealthy');
  assert.equal(parsePsLine('id1\tapp\trunning\tUp 3 seconds\tp-app-1')?.health, undefined);
  assert.equal(parsePsLine('id1\tjob\texited\tExited (3) 2 seconds ago\tp-job-1')?.exitCode, 3);
  assert.equal(parsePsLine('no tabs here'), undefined);
});

const c = (
  service: string,
  state: string,
  extra: Partial<ContainerInfo> & { healthKnown?: boolean } = {},
) => ({
  id: service,
  name: service,
  service,
  state,
  exitCode: 0,
  ...extra,
});
const needs = (o: Record<string, Need>) => new Map(Object.entries(o));

test('readyFor: running without a healthcheck, or healthy; waits while starting or unknown', () => {
  assert.equal(readyFor([c('web', 'running')], needs({ web: 'running' })), true);
  assert.equal(readyFor([c('web', 'running', { health: 'healthy' })], needs({ web: 'running' })), true);
  assert.equal(readyFor([c('web', 'running', { health: 'starting' })], needs({ web: 'running' })), false);
  // A start event alone: whether it has a healthcheck is not known yet.
  assert.equal(readyFor([c('web', 'running', { healthKnown: false })], needs({ web: 'running' })), false);
  assert.equal(readyFor([c('app', 'running')], needs({ app: 'service_healthy' })), false);
  assert.equal(
    readyFor([c('app', 'running', { health: 'healthy' })], needs({ app: 'service_healthy' })),
    true,
  );
  // A wanted service with no container yet is not ready; other services do not count.
  assert.equal(readyFor([c('other', 'running')], needs({ web: 'running' })), false);
});

test('readyFor: completed dependencies must exit 0; an exit or unhealthy elsewhere throws NotReady', () => {
  const job = needs({ migrate: 'service_completed_successfully' });
  assert.equal(readyFor([c('migrate', 'running')], job), false);
  assert.equal(readyFor([c('migrate', 'exited', { exitCode: 0 })], job), true);
  assert.throws(
    () => readyFor([c('migrate', 'exited', { exitCode: 2 })], job),
    (e: unknown) => e instanceof NotReady && e.kind === 'start' && e.message === 'migrate exited (exit 2)',
  );
  assert.throws(
    () => readyFor([c('nginx', 'exited', { exitCode: 1 })], needs({ nginx: 'running' })),
    (e: unknown) => e instanceof NotReady && e.kind === 'start' && e.service === 'nginx',
  );
  assert.throws(
    () => readyFor([c('app', 'running', { health: 'unhealthy' })], needs({ app: 'service_healthy' })),
    (e: unknown) => e instanceof NotReady && e.kind === 'unhealthy' && e.message === 'app is unhealthy',
  );
});
