import type { SourcePos } from './source.js';

export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/** One text edit: replace [start, end) (0-based character offsets) in a file with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** What to do, in words; every finding has one. */
  description: string;
  /** Machine-applicable edits, when the fix can be written by `--fix`. */
  edits?: TextEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** Where the problem is. */
  pos: SourcePos;
  /** The compose service concerned, when there is one. */
  service?: string;
  fix: Fix;
  /** Other places that explain the finding (for SARIF relatedLocations and text output). */
  related?: { pos: SourcePos; message: string }[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.pos.file.localeCompare(b.pos.file) ||
    a.pos.line - b.pos.line ||
    a.pos.column - b.pos.column ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}
