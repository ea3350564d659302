// The three measurements of the LibreSpeed JS client (speedtest_worker.js; REFERENCE.md §5.2): ping
// over one keep-alive connection, download over parallel `garbage` streams, upload by POSTing random
// bodies to `empty`. Bytes are counted as they move and never kept: one random 1 MiB block is the
// only payload buffer of the whole run.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import { pingJitter, rawMbps, reportedMbps } from './formulas.js';
import type { Endpoints } from './layout.js';
import { RawConnection, type RawConnectionOptions } from './raw-download.js';
import { describeNetworkError, exchange, SpeedtestFailure, type Transport, withQuery } from './transport.js';

const MIB = 1024 * 1024;
/** Each download stream asks for 100 MiB and asks again when it ends, as the JS client does. */
const DOWNLOAD_CHUNKS = 100;
/** The JS client's 20 MB upload blob is the largest body; smaller ones keep slow links responsive. */
const MAX_UPLOAD_BYTES = 20 * MIB;
const MIN_UPLOAD_BYTES = 1 * MIB;
/** An upload body should take about this long, so the wait for the last answers stays short. */
const UPLOAD_TARGET_MS = 500;
const TICK_MS = 200;

export interface PhaseContext {
  transport: Transport;
  endpoints: Endpoints;
  /** Aborts every request of the run. */
  signal: AbortSignal;
  /** Per-request silence limit. */
  timeoutMs: number;
  /** TLS and header settings for the download connections. */
  raw: Omit<RawConnectionOptions, 'timeoutMs'>;
  onProgress?: (phase: string, mbps: number) => void;
}

let sharedBlock: Buffer | undefined;
function payloadBlock(): Buffer {
  sharedBlock ??= randomBytes(MIB);
  return sharedBlock;
}

/** Keep-alive GETs of `empty`; the first opens the connection and is dropped. */
export async function measurePing(
  ctx: PhaseContext,
  count: number,
): Promise<{ pingMs: number; jitterMs: number }> {
  const samples: number[] = [];
  for (let i = 0; i <= count; i++) {
    const start = performance.now();
    const answer = await exchange(ctx.transport, withQuery(ctx.endpoints.empty), {
      timeoutMs: ctx.timeoutMs,
      signal: ctx.signal,
    });
    const elapsed = performance.now() - start;
    if (answer.status < 200 || answer.status >= 300) {
      throw new SpeedtestFailure(`ping: ${ctx.endpoints.empty.href} answered ${answer.status}`);
    }
    if (i > 0) samples.push(elapsed);
    ctx.onProgress?.('ping', 0);
  }
  return pingJitter(samples);
}

export interface TransferResult {
  /** Goodput in the measured window, Mbit/s. */
  rawMbps: number;
  /** All payload bytes moved in this direction, grace time included. */
  bytes: number;
  windowSeconds: number;
}

/** What a transfer stream reports to the window it runs in. */
interface Window {
  /** True from the end of the grace time to the end of the test. */
  readonly measuring: boolean;
  readonly stopped: boolean;
  /** Bytes that count: moved inside the window (upload: and answered 2xx). */
  credit(bytes: number): void;
  /** Bytes moved at all. */
  moved(bytes: number): void;
  /** Aborted on the first failure (or the caller's abort). */
  readonly signal: AbortSignal;
  /** Aborted when the window closes. */
  readonly stop: AbortSignal;
}

/**
 * Runs `streams` copies of `stream` (started `staggerMs` apart), resets the count after `graceMs`,
 * and stops them `windowMs` later. The first stream error fails the whole phase.
 */
async function runWindow(
  ctx: PhaseContext,
  phase: 'download' | 'upload',
  streams: number,
  graceMs: number,
  windowMs: number,
  stream: (w: Window) => Promise<void>,
): Promise<TransferResult> {
  const controller = new AbortController();
  const stopper = new AbortController();
  const onOuterAbort = () => controller.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onOuterAbort, { once: true });
  let measuring = false;
  let stopped = false;
  let credited = 0;
  let moved = 0;
  let windowStart = 0;
  let windowEnd = 0;
  let failure: unknown;
  const window: Window = {
    get measuring() {
      return measuring;
    },
    get stopped() {
      return stopped;
    },
    credit(bytes) {
      credited += bytes;
    },
    moved(bytes) {
      moved += bytes;
    },
    signal: controller.signal,
    stop: stopper.signal,
  };

  const start = performance.now();
  const staggerMs = Math.min(300, graceMs / Math.max(1, streams));
  const timers: NodeJS.Timeout[] = [];
  const runs: Promise<void>[] = [];
  const fail = (error: unknown) => {
    failure ??= error;
    controller.abort(error);
  };
  const finished = new Promise<void>((resolve) => {
    timers.push(
      setTimeout(() => {
        measuring = true;
        credited = 0;
        windowStart = performance.now();
      }, graceMs),
      setTimeout(() => {
        stopped = true;
        measuring = false;
        windowEnd = performance.now();
        stopper.abort();
        resolve();
      }, graceMs + windowMs),
      setInterval(() => {
        const now = performance.now();
        const mbps = measuring
          ? rawMbps(credited, (now - windowStart) / 1000)
          : rawMbps(moved, (now - start) / 1000);
        ctx.onProgress?.(phase, reportedMbps(mbps));
      }, TICK_MS),
    );
    controller.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  for (let i = 0; i < streams; i++) {
    const launch = () => {
      if (!stopped && !controller.signal.aborted) runs.push(stream(window).catch(fail));
    };
    if (i === 0) launch();
    else timers.push(setTimeout(launch, i * staggerMs));
  }
  try {
    await finished;
    // Download streams stop at once; upload streams finish their body and wait for its answer.
    await Promise.all(runs);
  } finally {
    for (const t of timers) clearTimeout(t);
    ctx.signal.removeEventListener('abort', onOuterAbort);
    controller.abort();
  }
  if (failure !== undefined) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    throw failure instanceof SpeedtestFailure
      ? failure
      : new SpeedtestFailure(`${phase}: ${describeNetworkError(failure)}`);
  }
  if (ctx.signal.aborted) throw ctx.signal.reason;
  const windowSeconds = (windowEnd - windowStart) / 1000;
  return { rawMbps: rawMbps(credited, windowSeconds), bytes: moved, windowSeconds };
}

function statusFailure(phase: string, url: URL, res: http.IncomingMessage): SpeedtestFailure {
  const hint =
    res.statusCode === 413 ? ' (the proxy limits the body size: raise client_max_body_size, e.g. 64m)' : '';
  return new SpeedtestFailure(`${phase}: ${url.origin}${url.pathname} answered ${res.statusCode}${hint}`);
}

/** One download stream: GET garbage on one keep-alive connection, count what arrives, ask again. */
function downloadStream(ctx: PhaseContext) {
  return async (w: Window): Promise<void> => {
    const connection = new RawConnection(ctx.endpoints.garbage, { ...ctx.raw, timeoutMs: ctx.timeoutMs });
    const cut = () => connection.destroy();
    w.signal.addEventListener('abort', cut, { once: true });
    w.stop.addEventListener('abort', cut, { once: true });
    try {
      while (!w.stopped && !w.signal.aborted) {
        const url = withQuery(ctx.endpoints.garbage, { ckSize: String(DOWNLOAD_CHUNKS) });
        await connection.get(url, (n) => {
          w.moved(n);
          if (w.measuring) w.credit(n);
        });
      }
    } catch (error) {
      // A stream cut when the window closes ends with a socket error: not a failure.
      if (w.stop.aborted || w.signal.aborted) return;
      throw error;
    } finally {
      w.signal.removeEventListener('abort', cut);
      w.stop.removeEventListener('abort', cut);
      connection.destroy();
    }
  };
}

/**
 * One upload stream: POST a random body of a known length to `empty` and wait for the answer. Only a
 * 2xx answer credits the body's window bytes; any other status fails the test (librespeed-cli, which
 * does not look, reports 9 Gbps against a 413: REFERENCE.md §8.3). The window's last bodies are
 * finished rather than cut, so each counted byte has its 2xx.
 */
function uploadStream(ctx: PhaseContext) {
  const block = payloadBlock();
  return async (w: Window): Promise<void> => {
    let size = MIN_UPLOAD_BYTES;
    while (!w.stopped && !w.signal.aborted) {
      const url = withQuery(ctx.endpoints.empty);
      const started = performance.now();
      const req = ctx.transport.request(url, 'POST', {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(size),
      });
      let windowBytes = 0;
      const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
        req.once('response', resolve);
        req.once('error', reject);
      });
      // A failed exchange also rejects `answered`; the write loop only needs to stop.
      answered.catch(() => {});
      const onAbort = () => req.destroy(w.signal.reason as Error);
      w.signal.addEventListener('abort', onAbort, { once: true });
      req.setTimeout(ctx.timeoutMs, () =>
        req.destroy(new SpeedtestFailure(`upload: ${url.origin} took no data for ${ctx.timeoutMs} ms`)),
      );
      let early: http.IncomingMessage | undefined;
      answered.then(
        (res) => {
          early = res;
        },
        () => {},
      );
      try {
        let left = size;
        while (left > 0 && early === undefined && !req.destroyed) {
          const n = Math.min(block.length, left);
          left -= n;
          const measuring = w.measuring;
          const ok = req.write(n === block.length ? block : block.subarray(0, n), (error) => {
            if (error) return;
            w.moved(n);
            if (measuring) windowBytes += n;
          });
          if (!ok) await Promise.race([once(req, 'drain'), answered]);
        }
        if (early === undefined && !req.destroyed) req.end();
        const res = await answered;
        res.resume();
        if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) {
          req.destroy();
          throw statusFailure('upload', url, res);
        }
        if (early !== undefined && left > 0) {
          // A 2xx before the body was sent (h2 proxies do this: REFERENCE.md §5.4) proves nothing.
          req.destroy();
          throw new SpeedtestFailure(
            `upload: ${url.origin}${url.pathname} answered ${res.statusCode} before the body was sent`,
          );
        }
        await once(res, 'end');
        w.credit(windowBytes);
      } catch (error) {
        // The 'error' of a request destroyed with a status failure carries that failure.
        if (error instanceof SpeedtestFailure) throw error;
        if (w.signal.aborted) return;
        throw new SpeedtestFailure(`upload: ${describeNetworkError(error)}`);
      } finally {
        w.signal.removeEventListener('abort', onAbort);
      }
      const ms = performance.now() - started;
      const bytesPerMs = size / Math.max(1, ms);
      size = Math.round(
        Math.min(MAX_UPLOAD_BYTES, Math.max(MIN_UPLOAD_BYTES, bytesPerMs * UPLOAD_TARGET_MS)),
      );
    }
  };
}

export function measureDownload(ctx: PhaseContext, streams: number, graceMs: number, windowMs: number) {
  return runWindow(ctx, 'download', streams, graceMs, windowMs, downloadStream(ctx));
}

export function measureUpload(ctx: PhaseContext, streams: number, graceMs: number, windowMs: number) {
  return runWindow(ctx, 'upload', streams, graceMs, windowMs, uploadStream(ctx));
}
