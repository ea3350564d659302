import type { Lookup } from './template.js';

/** One interpolated value may expand to at most this many characters (compose files and .env alike). */
export const MAX_VALUE_CHARS = 1 << 20;
/** All interpolation of one run together may produce at most this many characters. */
export const MAX_RUN_CHARS = 32 << 20;

/**
 * The bound on interpolation output: values that reference each other (`B=${A}${A}`, …) double at
 * every level, and forty levels would need terabytes. Substitution stops at the bound with an error.
 */
export class ExpansionBudget {
  remaining: number;
  constructor(
    readonly perValue = MAX_VALUE_CHARS,
    readonly perRun = MAX_RUN_CHARS,
  ) {
    this.remaining = perRun;
  }
}

/**
 * Records which variables interpolation took from the process environment (CI secrets live there),
 * as opposed to `.env` and env files of the project, so reports can show them as `${NAME}`.
 */
export class ProcessEnvValues {
  readonly used = new Map<string, string>();
  constructor(private readonly processEnv: Readonly<Record<string, string>>) {}

  /** A lookup in `env` (own keys only) that records the values that are the process environment's. */
  lookupIn(env: Readonly<Record<string, string>>): Lookup {
    return (name) => {
      const value = Object.hasOwn(env, name) ? env[name] : undefined;
      if (value !== undefined && Object.hasOwn(this.processEnv, name) && this.processEnv[name] === value)
        this.used.set(name, value);
      return value;
    };
  }
}
