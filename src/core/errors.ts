import type { SourcePos } from './source.js';
import { showUntrusted } from './untrusted-text.js';

/**
 * A mistake in how stackgate was called (bad flag, unknown command). Exit code 2, no stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Input that cannot be read at all (missing, unreadable, binary, too large). Exit code 2, no stack
 * trace; the message names the file and, where known, the line, and says what to do.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly where?: SourcePos,
  ) {
    super(message);
  }
}

/** The text of any thrown value, including non-Error throws. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** True for the errors that are the user's to fix: they are printed without a stack trace. */
export function isUserError(error: unknown): error is UsageError | InputError {
  return error instanceof UsageError || error instanceof InputError;
}

/**
 * The `at …` lines of an error's stack, without its message (which may quote project data and
 * is printed escaped on its own), each one printable.
 */
export function stackFrames(error: unknown): string[] {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return [];
  const head = error.message ? `${error.name}: ${error.message}` : error.name;
  const rest = error.stack.startsWith(head) ? error.stack.slice(head.length) : '';
  return rest
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => showUntrusted(l));
}
