// One HTTP(S) request through the published proxy port, Host header and SNI set, bounded in time and size.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { classifyError, type FailureClass } from './classify.js';

export interface ProbeRequest {
  scheme: 'http' | 'https';
  address: string;
  port: number;
  host: string;
  path: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Body bytes kept for the body check. */
  maxBody?: number;
}

export interface ProbeAnswer {
  status?: number;
  location?: string;
  body?: string;
  /** Negotiated TLS protocol (TLSv1.3 …). */
  protocol?: string;
  /** SHA-256 fingerprint of the certificate the server presented (X509Certificate format, AA:BB:…). */
  fingerprint256?: string;
  error?: { class: FailureClass; message: string };
  ms: number;
}

export function probeOnce(req: ProbeRequest): Promise<ProbeAnswer> {
  const started = performance.now();
  const maxBody = req.maxBody ?? 64 * 1024;
  return new Promise((resolve) => {
    let settled = false;
    const answer: ProbeAnswer = { ms: 0 };
    const finish = (extra: Partial<ProbeAnswer> = {}) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ...extra, ms: performance.now() - started });
      request.destroy();
    };
    const signal = req.signal
      ? AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)])
      : AbortSignal.timeout(req.timeoutMs);
    const options: https.RequestOptions = {
      host: req.address,
      port: req.port,
      path: req.path,
      method: 'GET',
      headers: { Host: req.host, 'User-Agent': 'stackgate-verify', Connection: 'close' },
      agent: false,
      signal,
    };
    if (req.scheme === 'https') {
      // The certificate is checked by fingerprint against the configured file, not against a CA.
      Object.assign(options, {
        rejectUnauthorized: false,
        ...(isIP(req.host) ? {} : { servername: req.host }),
      });
    }
    const request = (req.scheme === 'https' ? https : http).request(options, (res) => {
      if (res.statusCode !== undefined) answer.status = res.statusCode;
      if (res.headers.location) answer.location = res.headers.location;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < maxBody) chunks.push(c.subarray(0, maxBody - size));
        size += c.length;
        if (size >= maxBody) finish({ body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('end', () => finish({ body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => finish({ body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('socket', (socket) => {
      if (req.scheme !== 'https') return;
      socket.once('secureConnect', () => {
        const tlsSocket = socket as TLSSocket;
        const protocol = tlsSocket.getProtocol();
        if (protocol) answer.protocol = protocol;
        const cert = tlsSocket.getPeerX509Certificate();
        if (cert) answer.fingerprint256 = cert.fingerprint256;
      });
    });
    request.on('error', (error) => {
      const cls = signal.aborted && !req.signal?.aborted ? 'timeout' : classifyError(error);
      finish({ error: { class: cls, message: (error as NodeJS.ErrnoException).code ?? error.message } });
    });
    request.end();
  });
}
