// The proxy's first accepted connection. `up --wait` only knows the container runs; nginx answers once it
// has loaded its config and opened its sockets. docker-proxy accepts on the host port even before that
// and then closes, so "answered" means a TLS handshake or an HTTP status line, not a TCP accept.
import net from 'node:net';
import tls from 'node:tls';
import type { PublishedPort } from './state.js';

export interface WaitOptions {
  ports: PublishedPort[];
  deadlineMs: number;
  signal?: AbortSignal;
  host?: string;
}

/** One attempt: resolves when nginx answers on the port, rejects when the connection ends without it. */
export function answers(
  host: string,
  port: PublishedPort,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      socket.destroy();
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => done(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    const useTls = port.target === 443 || port.published === 443;
    const socket: net.Socket = useTls
      ? tls.connect({ host, port: port.published, rejectUnauthorized: false, servername: 'localhost' }, () =>
          done(),
        )
      : net.connect({ host, port: port.published }, () => socket.write('HEAD / HTTP/1.0\r\n\r\n'));
    if (!useTls) socket.once('data', () => done());
    socket.setTimeout(timeoutMs, () => done(new Error('no answer')));
    socket.once('error', (e) => done(e));
    socket.once('end', () => done(new Error('closed without an answer')));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Retries each failed attempt at once, backing off from 20 ms to 250 ms so that a proxy still loading
 * does not spin the CPU; stops on the first answer, the deadline, or the signal (the proxy died).
 */
export async function waitForProxy(opts: WaitOptions): Promise<void> {
  const host = opts.host ?? '127.0.0.1';
  const deadline = performance.now() + opts.deadlineMs;
  await Promise.all(
    opts.ports.map(async (port) => {
      let backoff = 20;
      let last: unknown;
      while (performance.now() < deadline) {
        if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
        try {
          await answers(host, port, Math.min(5000, Math.max(100, deadline - performance.now())), opts.signal);
          return;
        } catch (error) {
          last = error;
          if (opts.signal?.aborted) throw opts.signal.reason ?? error;
        }
        await new Promise<void>((r) => {
          const timer = setTimeout(r, backoff);
          opts.signal?.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              r();
            },
            { once: true },
          );
        });
        backoff = Math.min(250, backoff * 2);
      }
      throw new Error(`port ${port.published}: ${last instanceof Error ? last.message : 'no answer'}`);
    }),
  );
}
