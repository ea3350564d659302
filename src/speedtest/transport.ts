// HTTP(S) for the speed test: one keep-alive agent per run, so ping samples reuse one connection and
// the transfer streams reuse theirs (a new TCP + TLS handshake per sample roughly doubles ping).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { errorMessage } from '../core/errors.js';

/** A measured check failed: unreachable backend, non-2xx answer, broken stream. Exit code 1. */
export class SpeedtestFailure extends Error {
  override readonly name = 'SpeedtestFailure';
}

export interface TransportOptions {
  ca?: string;
  insecure?: boolean;
  servername?: string;
  headers?: Record<string, string>;
  maxSockets: number;
}

export interface Transport {
  request(url: URL, method: 'GET' | 'POST', headers?: Record<string, string>): http.ClientRequest;
  close(): void;
}

export function createTransport(base: URL, options: TransportOptions): Transport {
  const secure = base.protocol === 'https:';
  const common: http.AgentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: options.maxSockets,
    scheduling: 'lifo',
  };
  const agent = secure
    ? new https.Agent({
        ...common,
        rejectUnauthorized: !options.insecure,
        ...(options.ca ? { ca: options.ca } : {}),
        ...(options.servername ? { servername: options.servername } : {}),
      })
    : new http.Agent(common);
  const send = secure ? https.request : http.request;
  return {
    request(url, method, headers = {}) {
      return send(url, {
        method,
        agent,
        headers: { 'Accept-Encoding': 'identity', ...options.headers, ...headers },
        ...(secure && options.servername ? { servername: options.servername } : {}),
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** A cache-busting query, as the JS client adds `r=Math.random()`. */
export function withQuery(url: URL, params: Record<string, string> = {}): URL {
  const out = new URL(url);
  out.searchParams.set('r', randomBytes(6).toString('hex'));
  for (const [k, v] of Object.entries(params)) out.searchParams.set(k, v);
  return out;
}

/** Network error codes that mean "nothing answers there", as opposed to a broken exchange. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function isUnreachable(error: unknown): boolean {
  return UNREACHABLE.has((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/** "connect ECONNREFUSED 127.0.0.1:1", TLS reasons kept as Node words them. */
export function describeNetworkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = errorMessage(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

export interface Exchange {
  status: number;
  bodyBytes: number;
}

/**
 * One request whose answer body is read and dropped (only its length is kept). Rejects on network
 * errors, on `timeoutMs` of silence and on abort.
 */
export function exchange(
  transport: Transport,
  url: URL,
  options: { method?: 'GET' | 'POST'; timeoutMs: number; signal?: AbortSignal },
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const req = transport.request(url, options.method ?? 'GET');
    const onAbort = () => req.destroy(options.signal?.reason as Error);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    req.setTimeout(options.timeoutMs, () =>
      req.destroy(
        new SpeedtestFailure(`no answer from ${url.origin}${url.pathname} within ${options.timeoutMs} ms`),
      ),
    );
    req.once('error', (error) => {
      done();
      reject(error);
    });
    req.once('response', (res) => {
      let bodyBytes = 0;
      res.on('data', (chunk: Buffer) => {
        bodyBytes += chunk.length;
      });
      res.once('end', () => {
        done();
        resolve({ status: res.statusCode ?? 0, bodyBytes });
      });
      res.once('error', (error) => {
        done();
        reject(error);
      });
    });
    req.end();
  });
}
