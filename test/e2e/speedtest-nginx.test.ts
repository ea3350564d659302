// `stackgate speedtest` through real nginx in Docker: nginx (stackgate/nginx:test) terminates TLS and
// proxies, tuned as REFERENCE.md §5.4 says, to two LibreSpeed test-double containers on a shared
// network (one serving both layouts at /, one speedtest-go-only at /go/). Only nginx publishes a port,
// on a free loopback port picked by Docker.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runSpeedtest } from '../../src/speedtest/index.js';
import {
  compose,
  containerOf,
  docker,
  down,
  makeStack,
  NGINX_IMAGE,
  publishedAddress,
  requireImages,
  SPEEDTEST_IMAGE,
  type Stack,
} from '../platform/docker.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../src/entries/cli.js', import.meta.url));

const COMPOSE = `services:
  nginx:
    image: \${NGINX_IMAGE}
    ports:
      - "127.0.0.1::443"
    volumes:
      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro
      - ./certs:/etc/nginx/certs:ro
    networks: [edge]
    depends_on:
      speedtest: { condition: service_healthy }
      speedtest-go: { condition: service_healthy }
    healthcheck:
      # nginx writes its pid file only after loading the config and binding.
      test: ["CMD", "test", "-s", "/run/nginx.pid"]
      interval: 1s
      retries: 30
  speedtest:
    image: \${SPEEDTEST_IMAGE}
    expose: ["8080"]
    networks: [edge]
  speedtest-go:
    image: \${SPEEDTEST_IMAGE}
    environment:
      LAYOUTS: go
    expose: ["8080"]
    networks: [edge]
networks:
  edge: {}
`;

const NGINX_CONF = `upstream speedtest {
    server speedtest:8080;
    keepalive 16;
}
upstream speedtest_go {
    server speedtest-go:8080;
    keepalive 16;
}
server {
    listen 443 ssl;
    server_name localhost;
    ssl_certificate /etc/nginx/certs/cert.pem;
    ssl_certificate_key /etc/nginx/certs/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;

    # LibreSpeed: 20 MB upload bodies, raw throughput, no buffering or compression.
    client_max_body_size 64m;
    gzip off;
    access_log off;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_buffering off;
    proxy_request_buffering off;

    location /go/ {
        proxy_pass http://speedtest_go/;
    }
    location / {
        proxy_pass http://speedtest;
    }
}
`;

describe('speedtest through nginx in Docker', () => {
  let dir = '';
  let stack: Stack | undefined;
  let base = '';

  before(async () => {
    await requireImages([NGINX_IMAGE, SPEEDTEST_IMAGE]);
    dir = mkdtempSync(join(tmpdir(), 'sg-speed-e2e-'));
    mkdirSync(join(dir, 'certs'));
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(dir, 'certs', 'key.pem'),
      '-out',
      join(dir, 'certs', 'cert.pem'),
    ]);
    // nginx's workers (user nginx) read the key through the bind mount.
    await run('chmod', ['0644', join(dir, 'certs', 'key.pem')]);
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
    writeFileSync(join(dir, 'nginx.conf'), NGINX_CONF);
    stack = makeStack(dir, 'speed-e2e', [], { SPEEDTEST_IMAGE });
    // Readiness from the healthchecks (compose --wait), never a sleep.
    const up = await compose(stack, ['up', '-d', '--wait', '--wait-timeout', '90']);
    if (up.exitCode !== 0) {
      const logs = await compose(stack, ['logs', '--no-color']);
      throw new Error(`compose up failed: ${up.stderr}\n${logs.stdout}`);
    }
    const address = await publishedAddress(stack, 'nginx', 443);
    base = `https://localhost:${address.split(':').pop()}/`;
  });

  after(async () => {
    if (stack) await down(stack);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('only nginx publishes a port', async () => {
    assert.ok(stack);
    const published = async (service: string) => {
      const id = await containerOf(stack!, service);
      assert.ok(id, `${service} has a container`);
      const r = await docker(['inspect', '--format', '{{json .NetworkSettings.Ports}}', id]);
      const ports = JSON.parse(r.stdout) as Record<string, { HostPort: string }[] | null>;
      return Object.values(ports).flatMap((bindings) => (bindings ?? []).map((b) => b.HostPort));
    };
    assert.equal((await published('nginx')).length, 1);
    assert.deepEqual(await published('speedtest'), []);
    assert.deepEqual(await published('speedtest-go'), []);
  });

  it('the CLI measures over HTTPS with --ca and finds the PHP layout', async () => {
    const { stdout } = await run(
      process.execPath,
      [CLI, 'speedtest', base, '--duration', '1', '--ca', join(dir, 'certs', 'cert.pem'), '--json'],
      { timeout: 60_000 },
    );
    const result = JSON.parse(stdout);
    assert.equal(result.layout, 'php');
    assert.ok(result.downloadMbps > 0 && result.uploadMbps > 0, stdout);
    assert.ok(result.pingMs > 0 && result.bytesDown > 0 && result.bytesUp > 0, stdout);
  });

  it('finds the speedtest-go layout behind /go/', async () => {
    const result = await runSpeedtest({
      url: `${base}go/`,
      durationSeconds: 1,
      streams: 2,
      insecure: true,
    });
    assert.equal(result.layout, 'go');
    assert.ok(result.rawDownloadMbps > 0 && result.rawUploadMbps > 0, JSON.stringify(result));
  });
});
