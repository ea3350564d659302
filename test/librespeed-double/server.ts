// A TEST DOUBLE of a LibreSpeed backend, written here because no registry reachable from this
// machine serves LibreSpeed's own code (REFERENCE.md §8.3). It speaks the protocol the official
// image (PHP, /backend/*.php in standalone mode) and speedtest-go (/garbage, /empty, /getIP) speak,
// so the product's client can be tested against both layouts. It is not LibreSpeed and is never
// shipped: it lives under test/ and only node:* modules are imported, so the image can copy this
// folder's compiled files alone.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type DoubleLayout = 'php' | 'go';

export interface DoubleOptions {
  port?: number;
  host?: string;
  /** Which URL layouts to serve (default both): php = `[/backend]/x.php`, go = `[/backend]/x`. */
  layouts?: DoubleLayout[];
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export interface RunningDouble {
  server: http.Server | https.Server;
  address: AddressInfo;
  /** `http(s)://host:port/`, with IPv6 hosts bracketed. */
  url: string;
  close: () => Promise<void>;
}

const MIB = 1024 * 1024;
/** LibreSpeed's garbage.php default and cap, in MiB. */
const DEFAULT_CHUNKS = 4;
const MAX_CHUNKS = 1024;

const NO_CACHE = {
  'Cache-Control': 'no-store, no-cache, must-revalidate, max-age=0, s-maxage=0',
  'Cache-Control-Post': 'post-check=0, pre-check=0',
  Pragma: 'no-cache',
};

const INDEX_PAGE = `<!doctype html>
<html><head><title>LibreSpeed test double (stackgate)</title></head>
<body><p>LibreSpeed-protocol test double of the stackgate test suite: not LibreSpeed.</p></body></html>
`;

function cors(url: URL): Record<string, string> {
  return url.searchParams.has('cors')
    ? {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Encoding, Content-Type',
      }
    : {};
}

/** `/backend/garbage.php` → {name: 'garbage', layout: 'php'}; undefined when no endpoint matches. */
export function endpointOf(pathname: string): { name: string; layout: DoubleLayout } | undefined {
  const match = /^(?:\/backend)?\/(garbage|empty|getIP)(\.php)?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  return { name: match[1], layout: match[2] ? 'php' : 'go' };
}

/** The client address as LibreSpeed's getIP reports it: X-Real-IP, leftmost X-Forwarded-For, peer. */
function clientIp(req: http.IncomingMessage): string {
  const realIp = req.headers['x-real-ip'];
  const forwarded = req.headers['x-forwarded-for'];
  let ip =
    (typeof realIp === 'string' && realIp.trim()) ||
    (typeof forwarded === 'string' && forwarded.split(',')[0]?.trim()) ||
    req.socket.remoteAddress ||
    '';
  if (ip.startsWith('::ffff:')) ip = ip.slice('::ffff:'.length);
  return ip;
}

/** speedtest-go's answer for clients it never looks up: loopback and private addresses. */
export function describeIp(ip: string): string {
  if (ip === '::1') return `${ip} - localhost IPv6 access`;
  if (/^127\./.test(ip)) return `${ip} - localhost IPv4 access`;
  if (/^fe80:/i.test(ip)) return `${ip} - link-local IPv6 access`;
  if (/^f[cd][0-9a-f]{2}:/i.test(ip)) return `${ip} - private IPv6 access`;
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip)) return `${ip} - private IPv4 access`;
  if (/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./.test(ip)) return `${ip} - CGNAT IPv4 access`;
  return ip;
}

function chunksOf(url: URL): number {
  const raw = url.searchParams.get('ckSize');
  const n = raw === null ? Number.NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_CHUNKS;
  return Math.min(n, MAX_CHUNKS);
}

function drainedOrClosed(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Streams `chunks` MiB of random bytes, one reused buffer, waiting for 'drain' between writes. */
async function sendGarbage(res: http.ServerResponse, chunks: number, block: Buffer): Promise<void> {
  res.writeHead(200, {
    ...NO_CACHE,
    'Content-Type': 'application/octet-stream',
    'Content-Description': 'File Transfer',
    'Content-Disposition': 'attachment; filename=random.dat',
    'Content-Transfer-Encoding': 'binary',
    'Content-Length': String(chunks * MIB),
  });
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  for (let i = 0; i < chunks && !closed; i++) {
    if (!res.write(block)) await drainedOrClosed(res);
  }
  if (!closed) res.end();
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, layouts: DoubleLayout[], block: Buffer) {
  const url = new URL(req.url ?? '/', 'http://double');
  if (url.pathname === '/' || url.pathname === '/index.html') {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : INDEX_PAGE);
    return;
  }
  const endpoint = endpointOf(url.pathname);
  if (!endpoint || !layouts.includes(endpoint.layout)) {
    req.resume();
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  const headers = { ...NO_CACHE, ...cors(url), Connection: 'keep-alive' };
  switch (endpoint.name) {
    case 'empty':
      // The upload target: the body is read and dropped as it arrives; the answer comes after its end,
      // so a 200 means every byte reached this server.
      req.on('data', () => {});
      req.once('end', () => {
        res.writeHead(200, { ...headers, 'Content-Length': '0' });
        res.end();
      });
      return;
    case 'garbage':
      req.resume();
      if (req.method === 'OPTIONS') {
        res.writeHead(200, { ...headers, 'Content-Length': '0' });
        res.end();
        return;
      }
      sendGarbage(res, chunksOf(url), block).catch(() => res.destroy());
      return;
    default: {
      req.resume();
      const ip = clientIp(req);
      const body = JSON.stringify({ processedString: describeIp(ip), rawIspInfo: '' });
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(body);
    }
  }
}

/** Starts the double; port 0 picks a free one. */
export async function startDouble(options: DoubleOptions = {}): Promise<RunningDouble> {
  const layouts = options.layouts ?? ['php', 'go'];
  const block = randomBytes(MIB);
  const listener: http.RequestListener = (req, res) => handle(req, res, layouts, block);
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  // Long uploads and idle keep-alive connections between ping samples must not be cut.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000;
  server.listen(options.port ?? 8080, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    address,
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
