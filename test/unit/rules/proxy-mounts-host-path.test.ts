import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sensitiveHostPath } from '../../../src/rules/proxy-mounts-host-path.js';
import { ruleFindings } from '../helpers/project.js';

const RULE = 'proxy-mounts-host-path';
const proxy = (vols: string[]) =>
  `services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n${vols.map((v) => `      - ${v}\n`).join('')}`;

test('the docker socket in the proxy is an error, /etc a warning, each at its line', async () => {
  const found = await ruleFindings(RULE, {
    'compose.yaml': proxy(['/var/run/docker.sock:/var/run/docker.sock', '/etc:/etc/nginx/host:ro']),
  });
  assert.deepEqual(
    found.map((f) => `${f.severity}@${f.pos.line}`),
    ['error@5', 'warning@6'],
  );
  assert.match(found[0]!.message, /container runtime socket/);
});

test('common purposeful mounts are not flagged (and the proxy was found: its socket twin is)', async () => {
  const found = await ruleFindings(RULE, {
    'compose.yaml': proxy([
      '/etc/letsencrypt:/etc/letsencrypt:ro',
      './conf.d:/etc/nginx/conf.d:ro',
      '/proc:/host/proc:ro',
    ]),
  });
  assert.deepEqual(
    found.map((f) => f.pos.line),
    [7],
  );
});

test('sensitiveHostPath: every runtime socket, tree, whole directory and credential path; their neighbours are fine', () => {
  const sockets = [
    '/var/run/docker.sock',
    '/run/docker.sock',
    '/run/containerd/containerd.sock',
    '/var/run/containerd/containerd.sock',
    '/run/podman/podman.sock',
    '/run/user/1000/podman/podman.sock',
    '/srv/rootless/docker.sock',
  ];
  for (const p of sockets) assert.equal(sensitiveHostPath(p)?.socket, true, p);
  const sensitive = [
    '/proc',
    '/proc/self/environ',
    '/sys',
    '/sys/fs/cgroup',
    '/dev',
    '/dev/sda',
    '/root',
    '/root/.ssh',
    '/boot',
    '/',
    '/etc',
    '/etc/',
    '/home',
    '/run',
    '/var',
    '/var/run',
    '/var/lib',
    '/usr',
    '/etc/shadow',
    '/etc/gshadow',
    '/etc/passwd',
    '/etc/sudoers',
    '/etc/sudoers.d',
    '/etc/ssh/ssh_host_ed25519_key',
    '/home/alice',
    '/home/alice/',
  ];
  for (const p of sensitive) {
    const s = sensitiveHostPath(p);
    assert.ok(s, p);
    assert.equal(s.socket, false, p);
  }
  const fine = [
    '/etc/letsencrypt',
    '/etc/nginx/conf.d',
    '/var/log/nginx',
    '/var/lib/app-data',
    '/usr/share/nginx/html',
    '/home/alice/site',
    '/run/secrets/cert.pem',
    '/srv/www',
    '/opt/docker.socks',
    '/system',
    '/devices',
  ];
  for (const p of fine) assert.equal(sensitiveHostPath(p), undefined, p);
});
