import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Mount } from '../../../src/compose/model.js';
import { MountedContainerFs } from '../../../src/project/mounted-fs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sg-cfs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'conf.d'));
writeFileSync(path.join(dir, 'conf.d', 'b.conf'), 'server {}');
writeFileSync(path.join(dir, 'conf.d', 'a.conf'), 'server {}');
writeFileSync(path.join(dir, 'conf.d', 'notes.txt'), '');
writeFileSync(path.join(dir, 'cert.pem'), 'x');

const bind = (hostPath: string, target: string): Mount => ({
  type: 'bind',
  source: hostPath,
  hostPath,
  target,
  readOnly: true,
  short: true,
  pos: { file: 'compose.yaml', line: 1, column: 1 },
});
const builtin = new Map([
  ['/etc/nginx/nginx.conf', 'http { include /etc/nginx/conf.d/*.conf; }'],
  ['/etc/nginx/conf.d/default.conf', 'server { listen 80; }'],
  ['/etc/nginx/mime.types', 'types {}'],
]);

test('a directory mount shadows the image files below it', () => {
  const fs = new MountedContainerFs([bind(path.join(dir, 'conf.d'), '/etc/nginx/conf.d')], builtin);
  assert.equal(fs.file('/etc/nginx/conf.d/default.conf'), undefined);
  assert.deepEqual(fs.glob('/etc/nginx/conf.d/*.conf'), [
    '/etc/nginx/conf.d/a.conf',
    '/etc/nginx/conf.d/b.conf',
  ]);
  assert.equal(fs.file('/etc/nginx/nginx.conf')?.kind, 'builtin');
  assert.equal(fs.file('/etc/nginx/conf.d/a.conf')?.kind, 'host');
});

test('without mounts the image files are visible and globbable', () => {
  const fs = new MountedContainerFs([], builtin);
  assert.deepEqual(fs.glob('/etc/nginx/conf.d/*.conf'), ['/etc/nginx/conf.d/default.conf']);
  assert.ok(fs.isDirectory('/etc/nginx/conf.d'));
  assert.ok(!fs.isDirectory('/etc/nginx/sites-enabled'));
});

test('a file mount maps one path, the most specific mount wins, and host paths map back', () => {
  const fs = new MountedContainerFs(
    [bind(dir, '/etc/nginx'), bind(path.join(dir, 'cert.pem'), '/etc/nginx/certs/fullchain.pem')],
    builtin,
  );
  const f = fs.file('/etc/nginx/certs/fullchain.pem');
  assert.equal(f?.kind === 'host' ? f.hostPath : undefined, path.join(dir, 'cert.pem'));
  // The whole /etc/nginx is the host dir now: the image's nginx.conf is hidden.
  assert.equal(fs.file('/etc/nginx/nginx.conf'), undefined);
  assert.equal(fs.containerPathOf(path.join(dir, 'conf.d', 'a.conf')), '/etc/nginx/conf.d/a.conf');
  assert.equal(fs.containerPathOf('/elsewhere/x.conf'), undefined);
});

test('mountAt: the longest target of any type decides; hostKind: what a bind source is', () => {
  const { hostPath: _none, ...rest } = bind('', '/etc/nginx/certs');
  const volume: Mount = { ...rest, type: 'volume', source: 'certs' };
  const fs = new MountedContainerFs(
    [bind(dir, '/etc/nginx'), volume, bind(path.join(dir, 'cert.pem'), '/etc/nginx/certs/cert.pem/')],
    builtin,
  );
  assert.equal(fs.mountAt('/etc/nginx/conf.d/a.conf')?.target, '/etc/nginx');
  assert.equal(fs.mountAt('/etc/nginx/certs/key.pem')?.type, 'volume');
  assert.equal(fs.mountAt('/etc/nginx/certs/cert.pem')?.type, 'bind');
  assert.equal(fs.mountAt('/etc/nginx-other/x'), undefined);
  assert.equal(fs.mountAt('/etc'), undefined);
  assert.equal(fs.hostKind('/etc/nginx/conf.d'), 'dir');
  assert.equal(fs.hostKind('/etc/nginx/cert.pem'), 'file');
  assert.equal(fs.hostKind('/etc/nginx/absent.conf'), undefined);
  assert.equal(fs.hostKind('/usr/share/nginx/html'), undefined);
});
