import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import {
  findPortConflicts,
  listeners,
  parseDockerPsPorts,
  parseProcNetTcp,
  processOfInode,
} from '../../../src/stack/ports.js';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F91 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 12346 1 0000000000000000 100 0 0 10 0`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 778 1 0000000000000000 100 0 0 10 0`;

test('/proc/net/tcp{,6}: only LISTEN sockets, with address, port and inode', () => {
  assert.deepEqual(parseProcNetTcp(TCP, false), [{ address: '127.0.0.1', port: 8080, inode: 12345 }]);
  assert.deepEqual(parseProcNetTcp(TCP6, true), [
    { address: '::', port: 443, inode: 777 },
    { address: '::1', port: 80, inode: 778 },
  ]);
});

test('docker ps ports: ranges and both address families', () => {
  assert.deepEqual(
    parseDockerPsPorts('web\t0.0.0.0:443->443/tcp, :::443->443/tcp, 0.0.0.0:7000-7001->7000-7001/udp'),
    [
      { name: 'web', port: 443, protocol: 'tcp' },
      { name: 'web', port: 443, protocol: 'tcp' },
      { name: 'web', port: 7000, protocol: 'udp' },
      { name: 'web', port: 7001, protocol: 'udp' },
    ],
  );
  assert.deepEqual(parseDockerPsPorts('db\t5432/tcp'), []);
});

test('a port held by this process is found and named with its pid', async () => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const l = listeners().find((x) => x.port === port);
    assert.ok(l, 'the listening socket is in /proc/net/tcp');
    assert.equal(processOfInode(l.inode)?.pid, process.pid);
    const conflicts = await findPortConflicts([{ service: 'nginx', port, protocol: 'tcp' }]);
    assert.equal(conflicts.length, 1);
    assert.match(
      conflicts[0]!.holder,
      new RegExp(`^process ${process.pid} \\(.*node.*\\) listening on 127\\.0\\.0\\.1:${port}$`),
    );
  } finally {
    server.close();
  }
  // Once closed, the same port is free: the positive above was not an accident of the port number.
  assert.deepEqual(await findPortConflicts([{ service: 'nginx', port, protocol: 'tcp' }]), []);
});
