import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../unit/helpers/cli.js';

export { runCli };

/** sha256 of every file under `dir` (relative path → hex), for "nothing outside the root changed". */
export function checksums(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile())
        out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  visit(dir);
  return out;
}

function write(base: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(base, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/**
 * A project root and a sibling directory outside it, each with its files (the outside one always
 * holds a canary). Runs `fn`, then asserts that no file outside the root changed by checksum.
 */
export async function withRootAndOutside<T>(
  rootFiles: Record<string, string | Uint8Array>,
  outsideFiles: Record<string, string | Uint8Array>,
  fn: (root: string, outside: string) => Promise<T>,
): Promise<T> {
  const base = mkdtempSync(path.join(tmpdir(), 'sg-fix-hostile-'));
  const root = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  try {
    mkdirSync(root);
    mkdirSync(outside);
    write(root, rootFiles);
    write(outside, { 'canary.txt': 'do not touch\n', ...outsideFiles });
    const before = checksums(outside);
    assert.ok(Object.keys(before).length >= 1 + Object.keys(outsideFiles).length);
    const result = await fn(root, outside);
    assert.deepEqual(checksums(outside), before, 'no file outside the project root changed');
    return result;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

export function bytesOf(file: string): Buffer {
  return readFileSync(file);
}

export function modeOf(file: string): number {
  return statSync(file).mode & 0o7777;
}

/** stderr of a user error: one clear message, never a stack trace. */
export function assertNoStack(stderr: string): void {
  assert.doesNotMatch(stderr, /internal error|\n\s+at .+:\d+:\d+/);
}

/** An nginx proxy in front of "app": --fix adds depends_on, and the proxy headers in default.conf. */
export const PROXY_CONF =
  'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:80;\n    }\n}\n';
