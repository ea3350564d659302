import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';

/** Multi-value inputs: one per line or comma-separated, blanks dropped. */
export function getList(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Path inputs: one per line only (a path may hold a comma), blanks dropped. */
export function getLines(name: string): string[] {
  return core
    .getInput(name)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function getChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const v = core.getInput(name).trim() || fallback;
  if (!choices.includes(v as T))
    throw new UsageError(`input "${name}" must be one of ${choices.join(', ')}, not "${v}"`);
  return v as T;
}

export function getOptional(name: string): string | undefined {
  return core.getInput(name).trim() || undefined;
}
