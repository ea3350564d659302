// A LibreSpeed stack on the real engine for the e2e test and bench/speedtest: nginx
// (stackgate/nginx:test) terminates TLS on 443 and serves plain HTTP on 80, tuned as REFERENCE.md §5.4
// says, in front of two LibreSpeed test-double containers on a shared network (one serving both
// layouts at /, one speedtest-go-only at /go/; /small/ keeps a small body limit). Only nginx publishes ports, on free loopback ports
// picked by Docker. Readiness comes from the healthchecks (compose --wait), never a sleep.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  compose,
  down,
  makeStack,
  NGINX_IMAGE,
  publishedAddress,
  requireImages,
  SPEEDTEST_IMAGE,
  type Stack,
} from '../platform/docker.js';

const run = promisify(execFile);

const COMPOSE = `services:
  nginx:
    image: \${NGINX_IMAGE}
    ports:
      - "127.0.0.1::80"
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
    listen 80;
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

    # nginx's default body limit is 1m; this one is smaller than the client's first upload body.
    location /small/ {
        client_max_body_size 512k;
        proxy_pass http://speedtest/;
    }
    location /go/ {
        proxy_pass http://speedtest_go/;
    }
    location / {
        proxy_pass http://speedtest;
    }
}
`;

export interface SpeedtestStack {
  stack: Stack;
  dir: string;
  /** The self-signed certificate nginx serves (for --ca), valid for localhost and 127.0.0.1. */
  caFile: string;
  /** `https://localhost:PORT/` */
  httpsBase: string;
  /** `http://127.0.0.1:PORT/` */
  httpBase: string;
  stop: () => Promise<void>;
}

/** Starts the stack under a `sg-<label>-…` project; `stop` tears it down (volumes, orphans) and removes the files. */
export async function startSpeedtestStack(label: string): Promise<SpeedtestStack> {
  await requireImages([NGINX_IMAGE, SPEEDTEST_IMAGE]);
  const dir = mkdtempSync(join(tmpdir(), `sg-${label}-`));
  const stack = makeStack(dir, label, [], { SPEEDTEST_IMAGE });
  let started = false;
  try {
    mkdirSync(join(dir, 'certs'));
    const caFile = join(dir, 'certs', 'cert.pem');
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
      caFile,
    ]);
    // nginx's workers (user nginx) read the key through the bind mount.
    await run('chmod', ['0644', join(dir, 'certs', 'key.pem')]);
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
    writeFileSync(join(dir, 'nginx.conf'), NGINX_CONF);
    started = true;
    const up = await compose(stack, ['up', '-d', '--wait', '--wait-timeout', '90']);
    if (up.exitCode !== 0) {
      const logs = await compose(stack, ['logs', '--no-color']);
      throw new Error(`compose up failed: ${up.stderr}\n${logs.stdout}`);
    }
    const port = async (p: number) => (await publishedAddress(stack, 'nginx', p)).split(':').pop();
    const stop = async () => {
      try {
        await down(stack);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    return {
      stack,
      dir,
      caFile,
      httpsBase: `https://localhost:${await port(443)}/`,
      httpBase: `http://127.0.0.1:${await port(80)}/`,
      stop,
    };
  } catch (error) {
    if (started) await down(stack).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
