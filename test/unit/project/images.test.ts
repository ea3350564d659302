import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isLibreSpeedImage,
  knownContainerPorts,
  parseImageRef,
  serviceContainerPorts,
  versionOfTag,
} from '../../../src/project/images.js';

test('versionOfTag: the numbers a tag starts with, as many as it writes', () => {
  assert.deepEqual(versionOfTag('1.27.3-alpine'), [1, 27, 3]);
  assert.deepEqual(versionOfTag('1.26'), [1, 26]);
  assert.deepEqual(versionOfTag('v5.5'), [5, 5]);
  assert.deepEqual(versionOfTag('5'), [5]);
  assert.deepEqual(versionOfTag('6.0.0-alpine'), [6, 0, 0]);
  assert.deepEqual(versionOfTag('1.2_x'), [1, 2]);
  for (const tag of ['latest', 'mainline-alpine', 'alpine', 'nightly', '1.2.3.4', 'x1.2', undefined])
    assert.equal(versionOfTag(tag), undefined, String(tag));
});

test('parseImageRef splits registry, repository, tag and digest', () => {
  assert.deepEqual(parseImageRef('ghcr.io/librespeed/speedtest:5.4.1'), {
    registry: 'ghcr.io',
    repository: 'librespeed/speedtest',
    tag: '5.4.1',
  });
  assert.deepEqual(parseImageRef('docker.io/library/nginx'), { repository: 'nginx' });
  assert.deepEqual(parseImageRef('localhost:5000/app:1@sha256:ab'), {
    registry: 'localhost:5000',
    repository: 'app',
    tag: '1',
    digest: 'sha256:ab',
  });
});

test('isLibreSpeedImage recognises every published name, any tag or digest', () => {
  for (const i of [
    'ghcr.io/librespeed/speedtest',
    'ghcr.io/librespeed/speedtest:5.4.1',
    'librespeed/speedtest:latest',
    'adolfintel/speedtest',
    'linuxserver/librespeed:5.2.5',
    'lscr.io/linuxserver/librespeed',
    'ghcr.io/librespeed/speedtest@sha256:0123',
  ]) {
    assert.equal(isLibreSpeedImage(i), true, i);
  }
  for (const i of ['nginx', 'ghcr.io/other/speedtest', 'speedtest', undefined])
    assert.equal(isLibreSpeedImage(i), false, String(i));
});

test('LibreSpeed listens on 80 up to 5.4.1 and on 8080 from 5.5.0', () => {
  const ports = (i: string) => knownContainerPorts(i)?.ports;
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest:5.4.1'), [80]);
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest:5.4'), [80]);
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest:5.5.0'), [8080]);
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest:5.5'), [8080]);
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest:5'), [8080]);
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest:6.0.0-alpine'), [8080]);
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest:latest'), [8080]);
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest'), [8080]);
  assert.deepEqual(ports('adolfintel/speedtest'), [80]);
  assert.deepEqual(ports('linuxserver/librespeed:latest'), [80]);
  // A digest hides the version: both ports are plausible.
  assert.deepEqual(ports('ghcr.io/librespeed/speedtest@sha256:0123')?.sort(), [80, 8080]);
  assert.match(knownContainerPorts('ghcr.io/librespeed/speedtest:5.4.1')!.source, /5\.4\.1/);
});

test('common images have their default ports; unknown ones none', () => {
  assert.deepEqual(knownContainerPorts('nginx:1.27-alpine')?.ports, [80]);
  assert.deepEqual(knownContainerPorts('caddy:2')?.ports, [80, 443]);
  assert.deepEqual(knownContainerPorts('grafana/grafana:11.1.0')?.ports, [3000]);
  assert.deepEqual(knownContainerPorts('prom/prometheus')?.ports, [9090]);
  assert.deepEqual(knownContainerPorts('nodered/node-red')?.ports, [1880]);
  assert.deepEqual(knownContainerPorts('traefik/whoami')?.ports, [80]);
  assert.equal(knownContainerPorts('example/unknown:1'), undefined);
  assert.equal(knownContainerPorts(undefined), undefined);
});

test('serviceContainerPorts joins expose, port targets, image knowledge and WEBPORT', () => {
  const base = { expose: [], ports: [], environment: {} };
  assert.deepEqual(
    serviceContainerPorts({ ...base, image: { value: 'ghcr.io/librespeed/speedtest:5.4.1' } })?.ports,
    [80],
  );
  assert.deepEqual(
    serviceContainerPorts({
      ...base,
      image: { value: 'ghcr.io/librespeed/speedtest' },
      environment: { WEBPORT: '9000' },
    })?.ports,
    [9000],
  );
  assert.deepEqual(
    serviceContainerPorts({
      ...base,
      image: { value: 'example/app' },
      expose: [{ port: 5000 }],
      ports: [{ target: 5001 }],
    })?.ports,
    [5000, 5001],
  );
  // A Dockerfile build replaces whatever the image name suggests.
  assert.equal(serviceContainerPorts({ ...base, image: { value: 'nginx' }, build: '.' }), undefined);
});
