// Rewrites every non-ASCII character in a bundle's .js files as a \u escape. A handful of "…", "→" and
// "—" (in comments and messages) made each chunk's whole source a two-byte string; pure ASCII source is
// decoded and compiled faster at start-up (measured in docs/benchmarks.md, cold start). An escape stands
// for the same character in a string, template, regular expression or comment; the few places where it
// would not (a raw template, a non-ASCII space or line break, which end comments or separate tokens) are
// refused instead of changed.
//   node lib/scripts/ascii-chunks.js DIR
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function escapeUnit(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

/** `source` with each non-ASCII UTF-16 code unit written as \uXXXX (astral characters as their surrogate pair). */
export function asciiSource(source: string, file: string): string {
  if (!NON_ASCII.test(source)) return source;
  const space = NON_ASCII_SPACE.exec(source);
  if (space)
    throw new Error(
      `${file}: non-ASCII space or line break U+${space[0].charCodeAt(0).toString(16).toUpperCase()} at offset ${space.index}; write it as an escape in the source`,
    );
  for (const raw of source.matchAll(/String\.raw\s*`/g)) {
    const end = source.indexOf('`', raw.index + raw[0].length);
    const body = source.slice(raw.index, end < 0 ? undefined : end);
    if (NON_ASCII.test(body))
      throw new Error(
        `${file}: non-ASCII text in a String.raw template at offset ${raw.index}; an escape would change it`,
      );
  }
  return source.replace(/[\u0080-\uffff]/g, (c) => escapeUnit(c.charCodeAt(0)));
}

/** Rewrites the .js files of `dir` in place; returns the names of those that changed. */
export function asciiChunks(dir: string): string[] {
  const changed: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const file = path.join(dir, name);
    const source = readFileSync(file, 'utf8');
    const ascii = asciiSource(source, file);
    if (ascii === source) continue;
    writeFileSync(file, ascii);
    changed.push(name);
  }
  return changed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node lib/scripts/ascii-chunks.js DIR\n');
    process.exit(2);
  }
  try {
    asciiChunks(dir);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
