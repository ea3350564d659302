import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding, TextEdit } from '../core/finding.js';

export interface FixPlan {
  /** New content per file. */
  files: Map<string, { before: string; after: string }>;
  /** Edits skipped because they overlapped an earlier one (applied on the next run). */
  skipped: number;
}

/** Collects every finding's edits and applies them per file, back to front; overlapping edits are deferred. */
export function planFixes(findings: readonly Finding[]): FixPlan {
  const byFile = new Map<string, TextEdit[]>();
  for (const f of findings)
    for (const e of f.fix.edits ?? []) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const files = new Map<string, { before: string; after: string }>();
  let skipped = 0;
  for (const [file, edits] of byFile) {
    const before = readFileSync(file, 'utf8');
    // Identical edits (the same header suggested twice) collapse into one.
    const unique = [...new Map(edits.map((e) => [`${e.start}:${e.end}:${e.text}`, e])).values()];
    unique.sort((a, b) => b.start - a.start || b.end - a.end);
    let after = before;
    let floor = Number.POSITIVE_INFINITY;
    for (const e of unique) {
      if (e.end > floor) {
        skipped++;
        continue;
      }
      after = after.slice(0, e.start) + e.text + after.slice(e.end);
      floor = e.start;
    }
    if (after !== before) files.set(file, { before, after });
  }
  return { files, skipped };
}

export function writeFixes(plan: FixPlan): void {
  for (const [file, { after }] of plan.files) writeFileSync(file, after);
}

/** A unified diff of the plan, paths relative to cwd (what --fix-dry-run prints). */
export function diffFixes(plan: FixPlan, cwd: string): string {
  let out = '';
  for (const [file, { before, after }] of plan.files) {
    const rel = path.relative(cwd, file);
    out += createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, after, '', '', { context: 3 }).replace(
      /^=+\n/,
      '',
    );
  }
  return out;
}
