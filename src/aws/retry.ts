/** Jittered exponential backoff, with the clock and the random source injectable so tests take no real time. */
export interface Backoff {
  /** First delay ceiling in ms (the delay is random()·base·2^n, capped at maxDelayMs: "full jitter"). */
  baseMs: number;
  maxDelayMs: number;
  /** Give up once this much time has passed since the first attempt. */
  deadlineMs: number;
  /** Hard cap on attempts (including the first). */
  maxAttempts: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls fn until it succeeds, `retryable(error)` is false, or the attempts/deadline run out; the last error
 * is rethrown. `onRetry` sees each retried error (for the "still waiting because …" report).
 */
export async function withBackoff<T>(
  fn: (attempt: number) => Promise<T>,
  retryable: (error: unknown) => boolean,
  options: Backoff,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const start = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!retryable(error) || attempt >= options.maxAttempts) throw error;
      const delay = Math.min(options.maxDelayMs, random() * options.baseMs * 2 ** (attempt - 1));
      if (now() + delay - start > options.deadlineMs) throw error;
      onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

/** The AWS error code of an SDK error (`name`/`Code`), or undefined for non-service errors. */
export function awsErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: unknown; Code?: unknown; code?: unknown; $metadata?: unknown };
  if (typeof e.Code === 'string') return e.Code;
  if (e.$metadata !== undefined && typeof e.name === 'string') return e.name;
  if (typeof e.name === 'string' && /^[A-Z][A-Za-z]+(\.[A-Za-z]+)?$/.test(e.name) && e.name !== 'Error')
    return e.name;
  return undefined;
}

/** HTTP status of an SDK service error, if it got an answer at all. */
export function httpStatus(error: unknown): number | undefined {
  const m = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return typeof m?.httpStatusCode === 'number' ? m.httpStatusCode : undefined;
}

/**
 * True when a request may or may not have taken effect: no answer (connection dropped, timeout) or a 5xx.
 * A create that fails this way is looked up by tag before it is retried.
 */
export function isAmbiguous(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== undefined) return status >= 500;
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  return (
    (typeof code === 'string' &&
      /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)$/.test(code)) ||
    name === 'TimeoutError' ||
    name === 'RequestTimeout' ||
    name === 'AbortError'
  );
}

export const THROTTLING_CODES = new Set([
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
]);

export function isThrottling(error: unknown): boolean {
  return THROTTLING_CODES.has(awsErrorCode(error) ?? '');
}
