// Smoke test of the test platform: the local images exist, nginx serves through a compose stack and
// proxies to the backend image by service name. Builds nothing (test/platform/setup.sh does that).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BACKEND_IMAGE,
  containerOf,
  docker,
  emergMessages,
  makeStack,
  NGINX_IMAGE,
  publishedAddress,
  requireImages,
  up,
  waitForNginx,
  withStack,
} from './docker.js';

const COMPOSE = `services:
  proxy:
    image: \${NGINX_IMAGE:-stackgate/nginx:test}
    ports:
      - "127.0.0.1::80"
    volumes:
      - ./default.conf:/etc/nginx/conf.d/default.conf:ro
    depends_on: [app]
  app:
    image: \${BACKEND_IMAGE:-stackgate/backend:test}
    environment:
      PORT: "8080"
`;

const NGINX_CONF = `server {
    listen 80;
    location = /static { return 200 "proxy itself\\n"; }
    location / { proxy_pass http://app:8080; }
}
`;

async function get(address: string, urlPath: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://${address}${urlPath}`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.text() };
}

describe('test platform', () => {
  let dir = '';
  before(async () => {
    await requireImages();
    dir = await mkdtemp(path.join(tmpdir(), 'stackgate-platform-'));
    await writeFile(path.join(dir, 'compose.yaml'), COMPOSE);
    await writeFile(path.join(dir, 'default.conf'), NGINX_CONF);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has the official image layout: conf.d included in http{}, log_format main, logs to stdio', async () => {
    const result = await docker(['run', '--rm', NGINX_IMAGE, 'nginx', '-T']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^http \{[\s\S]*include \/etc\/nginx\/conf\.d\/\*\.conf;\s*\}/m);
    assert.match(result.stdout, /log_format\s+main\s/);
    assert.match(result.stdout, /include\s+\/etc\/nginx\/mime\.types;/);
    assert.doesNotMatch(result.stdout, /sites-enabled|modules-enabled/);
    const links = await docker([
      'run',
      '--rm',
      '--entrypoint',
      'readlink',
      NGINX_IMAGE,
      '/var/log/nginx/access.log',
    ]);
    assert.equal(links.stdout.trim(), '/dev/stdout');
  });

  it('renders /etc/nginx/templates with defined variables only (the backend image listens on $PORT)', async () => {
    // The entrypoint renders templates only for an nginx command, as the official one does.
    const result = await docker(['run', '--rm', '-e', 'PORT=8081', BACKEND_IMAGE, 'nginx', '-T']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /listen 8081;/);
    // $hostname is not an environment variable, so envsubst must leave it for nginx.
    assert.match(result.stdout, /\$hostname/);
  });

  it('serves HTTP 200 through a compose stack published on 127.0.0.1 and proxies by service name', async () => {
    await withStack(makeStack(dir, 'platform-smoke'), async (stack) => {
      const result = await up(stack);
      assert.equal(result.exitCode, 0, `docker compose up failed:\n${result.stderr}`);
      const proxy = await containerOf(stack, 'proxy');
      assert.ok(proxy, 'compose created no proxy container');
      const outcome = await waitForNginx(proxy);
      assert.equal(outcome.state, 'started', outcome.logs);
      assert.deepEqual(emergMessages(outcome.logs), []);
      // depends_on waits for the backend's start, not its readiness: wait for it as well.
      const app = await containerOf(stack, 'app');
      assert.ok(app, 'compose created no app container');
      assert.equal((await waitForNginx(app)).state, 'started');

      const address = await publishedAddress(stack, 'proxy', 80);
      assert.match(address, /^127\.0\.0\.1:\d+$/);
      const own = await get(address, '/static');
      assert.deepEqual(own, { status: 200, body: 'proxy itself\n' });
      const proxied = await get(address, '/');
      assert.equal(proxied.status, 200);
      assert.match(proxied.body, /^backend \S+ port 8080\n$/);
    });
  });

  it('sees nginx exit with the emerg when an upstream host does not resolve', async () => {
    await withStack(makeStack(dir, 'platform-emerg'), async (stack) => {
      // Only the proxy: compose does not start `app`, so its name does not resolve at nginx's load.
      const result = await up(stack, ['--no-deps', 'proxy']);
      assert.equal(result.exitCode, 0, result.stderr);
      const proxy = await containerOf(stack, 'proxy');
      assert.ok(proxy);
      const outcome = await waitForNginx(proxy);
      assert.equal(outcome.state, 'exited', outcome.logs);
      assert.notEqual(outcome.exitCode, 0);
      assert.deepEqual(emergMessages(outcome.logs), [
        // A literal proxy_pass host is reported without its port (an upstream{} server with it).
        'host not found in upstream "app" in /etc/nginx/conf.d/default.conf:4',
      ]);
    });
  });
});
