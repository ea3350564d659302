// The LibreSpeed protocol client: ping + jitter, download, upload against a LibreSpeed backend of
// either layout (the official image's PHP files or speedtest-go), with the JS client's formulas.
// Shared by the CLI (`stackgate speedtest`) and `stackgate run` / the action; no @actions imports.
import { performance } from 'node:perf_hooks';
import { UsageError } from '../core/errors.js';
import { reportedMbps, round } from './formulas.js';
import { detectLayout, type Layout } from './layout.js';
import { measureDownload, measurePing, measureUpload, type PhaseContext } from './phases.js';
import { createTransport, SpeedtestFailure } from './transport.js';

export { OVERHEAD_FACTOR, pingJitter } from './formulas.js';
export type { Layout } from './layout.js';
export { SpeedtestFailure } from './transport.js';

export interface SpeedtestOptions {
  /** Base URL of the LibreSpeed server, either layout: `https://host/` or `https://host/backend/`. */
  url: string;
  /** Measured seconds per direction, after the grace time (default 5). */
  durationSeconds?: number;
  /** Parallel download streams (default 6); upload uses half as many, as the JS client does (6/3). */
  streams?: number;
  /** Extra trusted CA certificate(s), PEM text. */
  ca?: string;
  /** Accept any TLS certificate. */
  insecure?: boolean;
  /** TLS server name (SNI and certificate check), when it differs from the URL's host. */
  servername?: string;
  /** Sent with every request (e.g. Host for a name-based virtual server). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Called about every 200 ms: phase 'ping' | 'download' | 'upload' and the current Mbit/s. */
  onProgress?: (phase: string, mbps: number) => void;
}

export interface SpeedtestResult {
  /** Mbit/s including the 1.06 overhead factor, as LibreSpeed shows it. */
  downloadMbps: number;
  uploadMbps: number;
  pingMs: number;
  jitterMs: number;
  /** Goodput: payload Mbit/s without the overhead factor. */
  rawDownloadMbps: number;
  rawUploadMbps: number;
  layout: Layout;
  bytesDown: number;
  bytesUp: number;
  /** Wall time of the whole test. */
  seconds: number;
}

export const DEFAULT_DURATION_SECONDS = 5;
export const DEFAULT_STREAMS = 6;
const PING_COUNT = 10;
const REQUEST_TIMEOUT_MS = 15_000;
/** The JS client's grace times at the default duration; shorter tests scale them down. */
const DOWNLOAD_GRACE_MS = 1500;
const UPLOAD_GRACE_MS = 3000;

function parseBase(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `"${text}" is not a URL; expected the base of a LibreSpeed server, e.g. https://host/`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`"${text}": only http:// and https:// URLs can be tested`);
  }
  if (url.username || url.password) {
    throw new UsageError(`"${url.host}": credentials in the URL are not supported; use headers`);
  }
  return url;
}

export async function runSpeedtest(options: SpeedtestOptions): Promise<SpeedtestResult> {
  const base = parseBase(options.url);
  const duration = options.durationSeconds ?? DEFAULT_DURATION_SECONDS;
  if (!(duration > 0) || duration > 3600)
    throw new UsageError(`duration ${duration}: expected 0 < seconds ≤ 3600`);
  const streams = options.streams ?? DEFAULT_STREAMS;
  if (!Number.isInteger(streams) || streams < 1 || streams > 64) {
    throw new UsageError(`streams ${streams}: expected a whole number from 1 to 64`);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    // The download streams write their own request heads: refuse what could split them.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) {
      throw new UsageError(`header ${JSON.stringify(name)}: invalid name or a line break in its value`);
    }
  }
  const uploadStreams = Math.max(1, Math.ceil(streams / 2));
  const windowMs = duration * 1000;
  const scale = Math.min(1, duration / DEFAULT_DURATION_SECONDS);

  const started = performance.now();
  const transport = createTransport(base, {
    maxSockets: streams + 1,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
    ...(options.insecure ? { insecure: true } : {}),
    ...(options.servername !== undefined ? { servername: options.servername } : {}),
    ...(options.headers !== undefined ? { headers: options.headers } : {}),
  });
  const signal = options.signal ?? new AbortController().signal;
  try {
    const endpoints = await detectLayout(transport, base, { timeoutMs: REQUEST_TIMEOUT_MS, signal });
    const ctx: PhaseContext = {
      transport,
      endpoints,
      signal,
      timeoutMs: REQUEST_TIMEOUT_MS,
      raw: {
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
        ...(options.insecure ? { insecure: true } : {}),
        ...(options.servername !== undefined ? { servername: options.servername } : {}),
        ...(options.headers !== undefined ? { headers: options.headers } : {}),
      },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    const ping = await measurePing(ctx, PING_COUNT);
    const down = await measureDownload(ctx, streams, DOWNLOAD_GRACE_MS * scale, windowMs);
    const up = await measureUpload(ctx, uploadStreams, UPLOAD_GRACE_MS * scale, windowMs);
    if (down.bytes === 0)
      throw new SpeedtestFailure(`download: no byte arrived from ${endpoints.garbage.href}`);
    if (up.bytes === 0) throw new SpeedtestFailure(`upload: no body was accepted by ${endpoints.empty.href}`);
    return {
      downloadMbps: round(reportedMbps(down.rawMbps)),
      uploadMbps: round(reportedMbps(up.rawMbps)),
      pingMs: round(ping.pingMs),
      jitterMs: round(ping.jitterMs),
      rawDownloadMbps: round(down.rawMbps),
      rawUploadMbps: round(up.rawMbps),
      layout: endpoints.layout,
      bytesDown: down.bytes,
      bytesUp: up.bytes,
      seconds: round((performance.now() - started) / 1000),
    };
  } finally {
    transport.close();
  }
}
