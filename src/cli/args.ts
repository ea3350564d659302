import { type ParseArgsConfig, parseArgs } from 'node:util';
import { errorMessage, UsageError } from '../core/errors.js';

/** node:util's parseArgs, with its errors turned into usage errors (exit 2), followed by `help` if given. */
export function parseArgsOrUsage<T extends ParseArgsConfig>(
  config: T,
  help?: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(help ? `${errorMessage(error)}\n\n${help}` : errorMessage(error));
  }
}
