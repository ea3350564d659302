// The download streams' HTTP/1.1 client. node:http allocates a fresh buffer for every socket read;
// at loopback rates (5+ Gbit/s) that garbage alone pushed the client past 200 MB RSS while V8 caught
// up. Here each connection reads into one reused 64 KiB buffer (net/tls `onread`), and the body is
// only counted, so memory stays flat however many gigabytes move. Keep-alive, Content-Length,
// chunked and read-until-close bodies are handled; the headers are parsed just enough for that.
import net from 'node:net';
import tls from 'node:tls';
import { SpeedtestFailure } from './transport.js';

export interface RawConnectionOptions {
  ca?: string;
  insecure?: boolean;
  servername?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
}

const READ_BUFFER_BYTES = 64 * 1024;
const MAX_HEAD_BYTES = 64 * 1024;

type BodyMode =
  | { kind: 'length'; left: number }
  | { kind: 'close' }
  | { kind: 'chunked'; state: 'size' | 'data' | 'data-end' | 'trailer'; left: number; line: string };

interface Pending {
  url: URL;
  onBytes: (n: number) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
  head: string;
  status: number;
  body?: BodyMode;
  keepAlive: boolean;
}

/** One keep-alive connection that runs GETs one after another and counts their body bytes. */
export class RawConnection {
  private socket: net.Socket | undefined;
  private pending: Pending | undefined;
  private readonly buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);

  constructor(
    private readonly origin: URL,
    private readonly options: RawConnectionOptions,
  ) {}

  /** GETs `url` (same origin) and calls `onBytes` for every body byte range as it arrives. */
  get(url: URL, onBytes: (n: number) => void): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const socket = this.socket && !this.socket.destroyed ? this.socket : this.connect();
      const pending: Pending = {
        url,
        onBytes,
        resolve: () => resolve(pending.status),
        reject,
        head: '',
        status: 0,
        keepAlive: true,
      };
      this.pending = pending;
      // Header names are case-insensitive: a caller's `host` replaces our Host rather than doubling it.
      const headers = new Map<string, [string, string]>();
      const defaults = { Host: this.origin.host, 'Accept-Encoding': 'identity', Connection: 'keep-alive' };
      for (const [k, v] of Object.entries({ ...defaults, ...this.options.headers })) {
        headers.set(k.toLowerCase(), [k, v]);
      }
      const lines = [...headers.values()].map(([k, v]) => `${k}: ${v}\r\n`);
      socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\n${lines.join('')}\r\n`, 'latin1');
    });
  }

  destroy(error?: Error): void {
    this.socket?.destroy(error);
  }

  private connect(): net.Socket {
    const port = Number(this.origin.port) || (this.origin.protocol === 'https:' ? 443 : 80);
    const host = this.origin.hostname.replace(/^\[|\]$/g, '');
    // Returning true keeps reading; the buffer is handed back to us on every read.
    const onread = {
      buffer: this.buffer,
      callback: (n: number, buf: Uint8Array) => {
        this.onData(n, buf);
        return true;
      },
    };
    let socket: net.Socket;
    if (this.origin.protocol === 'https:') {
      const servername = this.options.servername ?? (net.isIP(host) ? undefined : host);
      socket = tls.connect({
        host,
        port,
        onread,
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: !this.options.insecure,
        ...(servername ? { servername } : {}),
        ...(this.options.ca ? { ca: this.options.ca } : {}),
      } as tls.ConnectionOptions);
    } else {
      socket = net.connect({ host, port, onread });
    }
    socket.setNoDelay(true);
    socket.setTimeout(this.options.timeoutMs, () =>
      socket.destroy(
        new SpeedtestFailure(`download: no data from ${this.origin.origin} for ${this.options.timeoutMs} ms`),
      ),
    );
    socket.once('error', (error) => this.fail(error));
    socket.once('close', () => {
      const p = this.pending;
      if (!p) return;
      if (p.body?.kind === 'close') this.finish();
      else this.fail(new Error(`${this.origin.origin} closed the connection mid-response`));
    });
    this.socket = socket;
    return socket;
  }

  private fail(error: unknown): void {
    const p = this.pending;
    this.pending = undefined;
    this.socket?.destroy();
    p?.reject(error);
  }

  private finish(): void {
    const p = this.pending;
    this.pending = undefined;
    if (p && !p.keepAlive) this.socket?.destroy();
    p?.resolve();
  }

  private onData(n: number, buf: Uint8Array): void {
    let offset = 0;
    while (offset < n) {
      const p = this.pending;
      if (!p) {
        this.fail(new Error(`${this.origin.origin} sent bytes after the response`));
        return;
      }
      if (!p.body) {
        offset = this.readHead(p, buf, offset, n);
        continue;
      }
      offset = this.readBody(p, p.body, buf, offset, n);
    }
  }

  /** Accumulates the head (latin1) and, once complete, picks the body mode. */
  private readHead(p: Pending, buf: Uint8Array, offset: number, n: number): number {
    const before = p.head.length;
    p.head += Buffer.from(buf.buffer, buf.byteOffset + offset, n - offset).toString('latin1');
    const end = p.head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (p.head.length > MAX_HEAD_BYTES) this.fail(new Error('response head too large'));
      return n;
    }
    const consumed = end + 4 - before;
    const [statusLine = '', ...headerLines] = p.head.slice(0, end).split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) {
      this.fail(new Error(`not an HTTP/1.1 response: ${JSON.stringify(statusLine.slice(0, 40))}`));
      return n;
    }
    p.status = Number(match[1]);
    const headers = new Map<string, string>();
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    p.keepAlive = !/\bclose\b/i.test(headers.get('connection') ?? '') && statusLine.startsWith('HTTP/1.1');
    if (p.status < 200 || p.status >= 300) {
      const error = new SpeedtestFailure(
        `download: ${p.url.origin}${p.url.pathname} answered ${p.status}`,
      ) as SpeedtestFailure & { status?: number };
      error.status = p.status;
      this.fail(error);
      return n;
    }
    if (/\bchunked\b/i.test(headers.get('transfer-encoding') ?? '')) {
      p.body = { kind: 'chunked', state: 'size', left: 0, line: '' };
    } else if (headers.has('content-length')) {
      p.body = { kind: 'length', left: Number(headers.get('content-length')) };
    } else {
      p.body = { kind: 'close' };
      p.keepAlive = false;
    }
    if (p.body.kind === 'length' && p.body.left === 0) this.finish();
    return offset + consumed;
  }

  private readBody(p: Pending, body: BodyMode, buf: Uint8Array, offset: number, n: number): number {
    if (body.kind === 'close') {
      p.onBytes(n - offset);
      return n;
    }
    if (body.kind === 'length') {
      const take = Math.min(body.left, n - offset);
      body.left -= take;
      p.onBytes(take);
      if (body.left === 0) this.finish();
      return offset + take;
    }
    // Chunked: `SIZE[;ext]\r\n DATA \r\n` ... `0\r\n [trailers] \r\n`.
    if (body.state === 'data') {
      const take = Math.min(body.left, n - offset);
      body.left -= take;
      p.onBytes(take);
      if (body.left === 0) {
        body.state = 'data-end';
        body.line = '';
      }
      return offset + take;
    }
    const newline = buf.indexOf(0x0a, offset);
    const stop = newline < 0 || newline >= n ? n : newline + 1;
    body.line += Buffer.from(buf.buffer, buf.byteOffset + offset, stop - offset).toString('latin1');
    if (!body.line.endsWith('\n')) {
      if (body.line.length > 4096) this.fail(new Error('malformed chunked body'));
      return stop;
    }
    const line = body.line.trim();
    body.line = '';
    if (body.state === 'data-end') {
      body.state = 'size';
    } else if (body.state === 'size') {
      const size = Number.parseInt(line.split(';')[0] ?? '', 16);
      if (!Number.isFinite(size) || size < 0) {
        this.fail(new Error(`malformed chunk size ${JSON.stringify(line.slice(0, 20))}`));
        return n;
      }
      if (size === 0) body.state = 'trailer';
      else {
        body.state = 'data';
        body.left = size;
      }
    } else if (line === '') {
      this.finish();
    }
    return stop;
  }
}
