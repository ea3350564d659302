// `down`: the logs of failed or unhealthy services to a capped file (streamed), then
// `docker compose down --volumes --remove-orphans` for this run's project only.
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { errorMessage } from '../core/errors.js';
import { ExecError } from '../exec.js';
import { compose, containers, StackError } from './compose.js';
import { removeState, type StackState, targetOf } from './state.js';

export const DEFAULT_LOG_CAP = 16 * 1024 * 1024;

export interface DownOptions {
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Where the logs file goes (default: <cwd>/.stackgate/logs). */
  logsDir?: string;
  /** At most this many bytes of logs are written (default 16 MiB); the rest is cut, never buffered. */
  maxLogBytes?: number;
  /** Services whose logs are wanted besides the failed ones (e.g. the proxy after a failed probe). */
  alsoLogs?: string[];
  /** Collect the logs of every service (the action's post step, after the user's own steps). */
  allLogs?: boolean;
  timeoutSeconds?: number;
}

export interface DownResult {
  ok: boolean;
  seconds: number;
  /** The logs file, when any service failed. */
  logsFile?: string;
  logServices: string[];
  logBytes: number;
  truncated: boolean;
  /** Why down failed (resources may be left). */
  message?: string;
}

// compose starts every `logs` line with ESC[2K (erase line), TTY or not (2.26): not the containers' bytes.
const ERASE_LINE = Buffer.from('\x1b[2K');

/**
 * A file sink for `compose logs` that stops at `cap` bytes and tells its producer to stop. It drops
 * compose's erase-line code at the start of each line; every byte of the containers' own output is kept.
 */
export class CappedFile extends Writable {
  written = 0;
  truncated = false;
  private readonly file;
  private atLineStart = true;
  /** The start of a line that may begin with ERASE_LINE, cut by the chunk's end. */
  private held: Buffer = Buffer.alloc(0);
  constructor(
    filePath: string,
    private readonly cap: number,
    private readonly onFull: () => void,
  ) {
    super();
    this.file = createWriteStream(filePath);
  }
  private withoutEraseLine(chunk: Buffer): Buffer {
    const buf = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = Buffer.alloc(0);
    const kept: Buffer[] = [];
    let start = 0;
    let i = 0;
    while (i < buf.length) {
      if (this.atLineStart) {
        const rest = buf.subarray(i, i + ERASE_LINE.length);
        if (rest.length < ERASE_LINE.length && rest.equals(ERASE_LINE.subarray(0, rest.length))) {
          kept.push(buf.subarray(start, i));
          this.held = Buffer.from(rest);
          return Buffer.concat(kept);
        }
        if (rest.equals(ERASE_LINE)) {
          // compose sometimes writes it twice before a line: drop every one at the line's start.
          kept.push(buf.subarray(start, i));
          i += ERASE_LINE.length;
          start = i;
          continue;
        }
        this.atLineStart = false;
        continue;
      }
      const newline = buf.indexOf(10, i);
      if (newline === -1) break;
      i = newline + 1;
      this.atLineStart = true;
    }
    kept.push(buf.subarray(start));
    return Buffer.concat(kept);
  }
  override _write(raw: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    const chunk = this.withoutEraseLine(raw);
    if (this.truncated) {
      cb();
      return;
    }
    const room = this.cap - this.written;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.written += part.length;
    if (chunk.length > room) {
      this.truncated = true;
      this.file.write(part);
      this.file.write(`\n[stackgate: logs cut at ${this.cap} bytes]\n`, () => cb());
      this.onFull();
      return;
    }
    if (!this.file.write(part)) this.file.once('drain', () => cb());
    else cb();
  }
  close(): Promise<void> {
    // A last line cut inside what looked like ERASE_LINE: it was the containers' bytes after all.
    if (this.held.length > 0 && !this.truncated) {
      const room = Math.max(0, this.cap - this.written);
      this.file.write(this.held.subarray(0, room));
      this.written += Math.min(room, this.held.length);
    }
    return new Promise((resolve, reject) => {
      this.file.once('error', reject);
      this.file.end(() => resolve());
    });
  }
}

/** Streams `docker compose logs` of the services into a file of at most maxBytes. */
export async function collectLogs(
  state: StackState,
  services: string[],
  file: string,
  opts: DownOptions,
): Promise<{ bytes: number; truncated: boolean }> {
  mkdirSync(path.dirname(file), { recursive: true });
  const stop = new AbortController();
  const sink = new CappedFile(file, opts.maxLogBytes ?? DEFAULT_LOG_CAP, () => stop.abort());
  try {
    await compose(targetOf(state, opts.env), ['logs', '--no-color', '--timestamps', ...services], {
      stdoutTo: sink,
      signal: stop.signal,
      timeoutMs: 120_000,
    });
  } catch (error) {
    // Stopping at the cap is the plan, not a failure.
    if (!(error instanceof ExecError && error.failure === 'canceled' && sink.truncated)) throw error;
  } finally {
    await sink.close();
  }
  return { bytes: sink.written, truncated: sink.truncated };
}

export async function down(state: StackState, opts: DownOptions): Promise<DownResult> {
  const started = performance.now();
  const t = targetOf(state, opts.env);
  const result: DownResult = { ok: true, seconds: 0, logServices: [], logBytes: 0, truncated: false };
  try {
    const list = await containers(t);
    const failed = list
      .filter(
        (c) =>
          (c.state !== 'running' && c.exitCode !== 0) ||
          c.state === 'dead' ||
          c.state === 'restarting' ||
          c.health === 'unhealthy' ||
          c.health === 'starting',
      )
      .map((c) => c.service);
    const wanted = [
      ...new Set([...failed, ...(opts.alsoLogs ?? []), ...(opts.allLogs ? list.map((c) => c.service) : [])]),
    ].filter((s) => list.some((c) => c.service === s));
    if (wanted.length > 0) {
      const file = path.join(
        opts.logsDir ?? path.join(state.cwd, '.stackgate', 'logs'),
        `${state.project}.log`,
      );
      const { bytes, truncated } = await collectLogs(state, wanted, file, opts);
      Object.assign(result, { logsFile: file, logServices: wanted, logBytes: bytes, truncated });
      opts.log(
        `down: logs of ${wanted.join(', ')} in ${file} (${bytes} bytes${truncated ? ', cut at the cap' : ''})`,
      );
    }
  } catch (error) {
    // Missing logs must not keep the containers alive: go on to remove them.
    opts.log(`down: could not collect logs: ${errorMessage(error)}`);
  }
  try {
    await compose(t, ['down', '--volumes', '--remove-orphans', '--timeout', '5'], {
      timeoutMs: (opts.timeoutSeconds ?? 120) * 1000,
      onLine: (line) => opts.log(`  ${line}`),
    });
    removeState(state);
  } catch (error) {
    result.ok = false;
    result.message =
      error instanceof StackError || error instanceof ExecError
        ? `docker compose down for ${state.project} failed: ${errorMessage(error)}`
        : errorMessage(error);
    opts.log(`down: ${result.message}`);
  }
  result.seconds = (performance.now() - started) / 1000;
  if (result.ok) opts.log(`down: ${state.project} removed (containers, networks, volumes)`);
  return result;
}
