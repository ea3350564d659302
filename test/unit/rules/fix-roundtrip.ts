import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../src/core/finding.js';
import { planFixes, writeFixes } from '../../../src/fix/apply.js';
import { validate } from '../../../src/validate.js';
import { withProject } from '../helpers/project.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../../examples/seed');

/** The seed example's files exactly as published (relative path → text). */
export function seedFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else out[path.relative(SEED_DIR, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  visit(SEED_DIR);
  return out;
}

/**
 * Validates a project, writes every fix of `rules`, validates again. `before` holds the findings of
 * `rules` on the first run, `after` every finding of the second run, `files` every file's text after fixing.
 */
export async function fixRoundTrip(
  files: Record<string, string>,
  rules: string[],
): Promise<{ before: Finding[]; after: Finding[]; files: Record<string, string> }> {
  return withProject(files, async (dir) => {
    const opts = { cwd: dir, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };
    const before = (await validate(opts)).findings.filter((f) => rules.includes(f.rule));
    writeFixes(planFixes(before, dir));
    const after = (await validate(opts)).findings;
    const texts = Object.fromEntries(
      Object.keys(files).map((rel) => [rel, readFileSync(path.join(dir, rel), 'utf8')]),
    );
    return { before, after, files: texts };
  });
}
