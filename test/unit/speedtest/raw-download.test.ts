// The download streams' own HTTP/1.1 reader: every body framing counted to the byte, keep-alive reuse.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RawConnection } from '../../../src/speedtest/raw-download.js';
import { SpeedtestFailure } from '../../../src/speedtest/transport.js';

/** A raw TCP server that answers each request line with what `respond` writes, one connection at a time. */
function rawServer(respond: (path: string, socket: net.Socket) => void) {
  const connections: number[] = [];
  const server = net.createServer((socket) => {
    connections.push(1);
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      let end = head.indexOf('\r\n\r\n');
      while (end >= 0) {
        const path = head.slice(0, end).split(' ')[1] ?? '/';
        head = head.slice(end + 4);
        respond(path, socket);
        end = head.indexOf('\r\n\r\n');
      }
    });
    socket.on('error', () => {});
  });
  return { server, connections };
}

describe('RawConnection', () => {
  const { server, connections } = rawServer((path, socket) => {
    const payload = Buffer.alloc(100_003, 0x61);
    if (path.startsWith('/length')) {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${payload.length}\r\n\r\n`);
      // Split across writes so the reader sees bodies that straddle reads.
      socket.write(payload.subarray(0, 7));
      socket.write(payload.subarray(7));
    } else if (path.startsWith('/chunked')) {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      let left = payload.length;
      for (const size of [1, 4095, 65536, 17]) {
        socket.write(`${size.toString(16)};ext=1\r\n`);
        socket.write(payload.subarray(0, size));
        socket.write('\r\n');
        left -= size;
      }
      socket.write(`${left.toString(16)}\r\n`);
      socket.write(Buffer.concat([payload.subarray(0, left), Buffer.from('\r\n0\r\nX-Trailer: 1\r\n\r\n')]));
    } else if (path.startsWith('/close')) {
      socket.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n'), payload]));
    } else {
      socket.write('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    }
  });
  let origin: URL;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = new URL(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`);
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function count(connection: RawConnection, path: string): Promise<number> {
    let bytes = 0;
    await connection.get(new URL(path, origin), (n) => {
      bytes += n;
    });
    return bytes;
  }

  it('counts Content-Length and chunked bodies exactly, reusing one connection', async () => {
    const before = connections.length;
    const connection = new RawConnection(origin, { timeoutMs: 5000 });
    try {
      assert.equal(await count(connection, '/length'), 100_003);
      assert.equal(await count(connection, '/chunked'), 100_003);
      assert.equal(await count(connection, '/length?again'), 100_003);
      assert.equal(connections.length - before, 1, 'keep-alive: one TCP connection for three GETs');
    } finally {
      connection.destroy();
    }
  });

  it('reads a body without length until close, then reconnects', async () => {
    const before = connections.length;
    const connection = new RawConnection(origin, { timeoutMs: 5000 });
    try {
      assert.equal(await count(connection, '/close'), 100_003);
      assert.equal(await count(connection, '/length'), 100_003);
      assert.equal(connections.length - before, 2);
    } finally {
      connection.destroy();
    }
  });

  it('a non-2xx answer is a failure naming the status', async () => {
    const connection = new RawConnection(origin, { timeoutMs: 5000 });
    try {
      await assert.rejects(
        count(connection, '/missing'),
        (e: unknown) => e instanceof SpeedtestFailure && /\/missing answered 404/.test(e.message),
      );
    } finally {
      connection.destroy();
    }
  });
});
