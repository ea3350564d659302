// The one process wrapper: every external command (docker, openssl, …) runs through here, so that
// timeouts, cancellation, streamed output, redaction and typed failures are handled once.
import type { Writable } from 'node:stream';
import { execa } from 'execa';

export interface ExecOptions {
  cwd?: string;
  /** Added to the inherited environment. */
  env?: Record<string, string | undefined>;
  /** Kill the command (SIGTERM, then SIGKILL after 5 s) when it runs longer. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Written to the command's stdin; otherwise stdin is closed. */
  input?: string;
  /** Every complete output line as it arrives (already redacted). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** stdout goes here (with back-pressure) instead of being kept; for output of unbounded size. */
  stdoutTo?: Writable;
  /** Keep at most this many trailing characters of each stream in the result (default 1 MiB). */
  keep?: number;
  /** Values replaced by *** in the command line, output lines and errors. */
  secrets?: readonly string[];
  /** Resolve with a non-zero exit code instead of throwing (default: throw ExecError). */
  reject?: boolean;
}

export interface ExecResult {
  /** The command line as shown to humans (secrets redacted). */
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type ExecFailure = 'exit' | 'timeout' | 'canceled' | 'not-found' | 'signal' | 'spawn';

/** A command that failed: which one, how, and what it said (redacted, tail only). */
export class ExecError extends Error {
  override readonly name = 'ExecError';
  constructor(
    message: string,
    readonly command: string,
    readonly failure: ExecFailure,
    readonly exitCode: number | undefined,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

const DEFAULT_KEEP = 1024 * 1024;

export function redact(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const s of secrets ?? []) if (s.length >= 3) out = out.split(s).join('***');
  return out;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(file: string, args: readonly string[], secrets?: readonly string[]): string {
  return redact([file, ...args].map(quote).join(' '), secrets);
}

/** Keeps the last `limit` characters of a stream and cuts it into lines for onLine. */
class Tail {
  text = '';
  private partial = '';
  constructor(
    private readonly limit: number,
    private readonly emit?: (line: string) => void,
  ) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
    if (!this.emit) return;
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const l of lines) this.emit(l.replace(/\r$/, ''));
  }
  end(): string {
    if (this.emit && this.partial) this.emit(this.partial);
    this.partial = '';
    return this.text.length > this.limit ? this.text.slice(-this.limit) : this.text;
  }
}

export async function exec(
  file: string,
  args: readonly string[],
  opts: ExecOptions = {},
): Promise<ExecResult> {
  const command = commandLine(file, args, opts.secrets);
  const keep = opts.keep ?? DEFAULT_KEEP;
  const emit = (stream: 'stdout' | 'stderr') =>
    opts.onLine ? (line: string) => opts.onLine?.(redact(line, opts.secrets), stream) : undefined;
  const out = new Tail(keep, opts.stdoutTo ? undefined : emit('stdout'));
  const err = new Tail(keep, emit('stderr'));

  const child = execa(file, args, {
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    env: opts.env ?? {},
    extendEnv: true,
    ...(opts.timeoutMs !== undefined ? { timeout: Math.max(1, Math.ceil(opts.timeoutMs)) } : {}),
    ...(opts.signal ? { cancelSignal: opts.signal } : {}),
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
    forceKillAfterDelay: 5000,
    buffer: false,
    reject: false,
    stripFinalNewline: false,
  });
  if (opts.stdoutTo) child.stdout?.pipe(opts.stdoutTo, { end: false });
  else child.stdout?.setEncoding('utf8').on('data', (c: string) => out.push(c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => err.push(c));
  const result = await child;
  const stdout = redact(out.end(), opts.secrets);
  const stderr = redact(err.end(), opts.secrets);
  const exitCode = result.exitCode ?? -1;
  if (!result.failed) return { command, exitCode, stdout, stderr };

  const code = (result as { code?: string }).code;
  const failure: ExecFailure = result.timedOut
    ? 'timeout'
    : result.isCanceled
      ? 'canceled'
      : code === 'ENOENT'
        ? 'not-found'
        : result.signal
          ? 'signal'
          : result.exitCode === undefined
            ? 'spawn'
            : 'exit';
  if (failure === 'exit' && opts.reject === false) return { command, exitCode, stdout, stderr };
  const last = stderr.trim().split('\n').pop() ?? '';
  const why =
    failure === 'timeout'
      ? `timed out after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`
      : failure === 'canceled'
        ? 'canceled'
        : failure === 'not-found'
          ? `"${file}" is not installed or not on PATH`
          : failure === 'signal'
            ? `killed by ${result.signal}`
            : failure === 'spawn'
              ? redact(
                  (result as { originalMessage?: string }).originalMessage ?? 'could not start',
                  opts.secrets,
                )
              : `exit code ${exitCode}${last ? `: ${last}` : ''}`;
  throw new ExecError(
    `${command}: ${why}`,
    command,
    failure,
    failure === 'exit' ? exitCode : undefined,
    stdout,
    stderr,
  );
}

export interface Running {
  /** Stops the command (SIGTERM) and waits for it. */
  stop(): Promise<void>;
  /** Settles when the command ends by itself or after stop(). */
  done: Promise<ExecResult | ExecError>;
}

/** A long-running command (e.g. `docker compose events --json`) whose lines are consumed as they come. */
export function start(file: string, args: readonly string[], opts: ExecOptions = {}): Running {
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  const done = exec(file, args, { ...opts, signal, reject: false, keep: opts.keep ?? 64 * 1024 }).catch(
    (e: unknown) => {
      if (e instanceof ExecError) return e;
      throw e;
    },
  );
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
