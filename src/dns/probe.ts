import { once } from 'node:events';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { errorMessage } from '../core/errors.js';

export interface ProbeOptions {
  address: string;
  port: number;
  /** TLS with SNI before the HTTP request. */
  tls: boolean;
  /** SNI and certificate name; omitted from the handshake when it is an IP literal. */
  serverName: string;
  /** The HTTP Host header value (name[:port]). */
  host: string;
  path: string;
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  ca?: string[];
  /** Accept any certificate. */
  insecure?: boolean;
}

export type ProbeStage = 'tcp' | 'tls' | 'http';

export interface ProbeResult {
  address: string;
  reachable: boolean;
  /** null when TLS was not attempted. */
  tlsOk: boolean | null;
  tlsError?: string;
  status: number | null;
  /** Milliseconds to the HTTP status line, or to the failure. */
  latencyMs: number;
  connectMs?: number;
  /** The stage that failed, if any. */
  failedStage?: ProbeStage;
  error?: string;
}

function readStatusLine(stream: Duplex, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n');
      if (end < 0 && buffered.length < 8192) return;
      cleanup();
      const match = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(buffered.slice(0, end < 0 ? 64 : end));
      if (match) resolve(Number(match[1]));
      else reject(new Error(`not an HTTP response: ${JSON.stringify(buffered.slice(0, 40))}`));
    };
    const onEnd = () => {
      cleanup();
      reject(new Error('connection closed before an HTTP status line'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const code = (error as NodeJS.ErrnoException).code;
  return code && !errorMessage(error).includes(code)
    ? `${code}: ${errorMessage(error)}`
    : errorMessage(error);
}

/**
 * TCP connect, then (optionally) a TLS handshake with SNI, then `GET path`; one deadline for all
 * three (AbortSignal.timeout), so a probe never outlives timeoutMs.
 */
export async function probeAddress(options: ProbeOptions): Promise<ProbeResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  const result: ProbeResult = {
    address: options.address,
    reachable: false,
    tlsOk: null,
    status: null,
    latencyMs: 0,
  };
  let stage: ProbeStage = 'tcp';
  const socket = net.connect({ host: options.address, port: options.port });
  // Late errors (a reset while tearing down) must not crash the process; the awaited steps see them.
  socket.on('error', () => {});
  let stream: Duplex = socket;
  try {
    await once(socket, 'connect', { signal });
    result.reachable = true;
    result.connectMs = elapsed();
    if (options.tls) {
      stage = 'tls';
      const secure = tls.connect({
        socket,
        ...(net.isIP(options.serverName) ? {} : { servername: options.serverName }),
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: false,
        ...(options.ca?.length ? { ca: [...tls.rootCertificates, ...options.ca] } : {}),
      });
      secure.on('error', () => {});
      stream = secure;
      await once(secure, 'secureConnect', { signal });
      // Verify ourselves so that a bad certificate is reported, not just a dropped connection.
      const identityError = net.isIP(options.serverName)
        ? undefined
        : tls.checkServerIdentity(options.serverName, secure.getPeerCertificate());
      const problem = secure.authorized ? identityError?.message : String(secure.authorizationError);
      result.tlsOk = options.insecure === true || problem === undefined;
      if (problem !== undefined) result.tlsError = problem;
    }
    stage = 'http';
    stream.write(
      `GET ${options.path} HTTP/1.1\r\nHost: ${options.host}\r\nUser-Agent: stackgate-dns-check\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
    );
    result.status = await readStatusLine(stream, signal);
  } catch (error) {
    result.failedStage = stage;
    result.error = describeFailure(error, options.timeoutMs);
    if (stage === 'tls') result.tlsOk = false;
  } finally {
    result.latencyMs = elapsed();
    stream.destroy();
    socket.destroy();
  }
  return result;
}
