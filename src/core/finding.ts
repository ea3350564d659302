import type { SourcePos } from './source.js';

export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/** One text edit: replace [start, end) (0-based character offsets) in a file with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
  /**
   * What the offsets count: characters of the UTF-8 text (the default), or of the Latin-1 reading of
   * a file that is not valid UTF-8 (one character per byte; see src/fix/source.ts).
   */
  encoding?: 'utf8' | 'latin1';
  /** In a YAML file, the one path the edit changes: --fix checks that nothing else changes value. */
  yaml?: { path: string[]; op: 'delete' | 'extend' };
}

export interface Fix {
  /** What to do, in words; every finding has one. */
  description: string;
  /** Machine-applicable edits, when the fix can be written by `--fix`. */
  edits?: TextEdit[];
  /** Why the fix cannot be written by `--fix` although the rule usually can (e.g. an alias in the way). */
  declined?: string;
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

/** Plain code-unit order: localeCompare would load ICU collation data on a cold start (~15 ms). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.pos.file, b.pos.file) ||
    a.pos.line - b.pos.line ||
    a.pos.column - b.pos.column ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}
