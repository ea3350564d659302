import { type ParseArgsConfig, parseArgs } from 'node:util';
import { errorMessage, UsageError } from '../core/errors.js';

/**
 * `-C=DIR` as `-C DIR`: node:util reads the value of a short option as everything after the letter,
 * so `-C=DIR` would name the directory "=DIR". Only short options that take a value, and only before `--`.
 */
function splitShortEquals(config: ParseArgsConfig): string[] | undefined {
  const args = config.args;
  if (!args) return undefined;
  const withValue = new Set(
    Object.values(config.options ?? {})
      .filter((o) => o.type === 'string' && o.short)
      .map((o) => o.short),
  );
  const out: string[] = [];
  for (const [i, arg] of args.entries()) {
    if (arg === '--') return [...out, ...args.slice(i)];
    const m = /^-([A-Za-z])=([\s\S]*)$/.exec(arg);
    if (m && withValue.has(m[1])) out.push(`-${m[1]}`, m[2]!);
    else out.push(arg);
  }
  return out;
}

/** node:util's parseArgs, with its errors turned into usage errors (exit 2), followed by `help` if given. */
export function parseArgsOrUsage<T extends ParseArgsConfig>(
  config: T,
  help?: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    const args = splitShortEquals(config);
    return parseArgs(args ? { ...config, args } : config);
  } catch (error) {
    throw new UsageError(help ? `${errorMessage(error)}\n\n${help}` : errorMessage(error));
  }
}
