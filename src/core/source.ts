/** A place in a user's file. Lines and columns are 1-based, as editors and SARIF count them. */
export interface SourcePos {
  /** Absolute path on the host (reporters make it relative to the working directory). */
  file: string;
  line: number;
  column: number;
}

export function pos(file: string, line: number, column: number): SourcePos {
  return { file, line, column };
}

export function formatPos(p: SourcePos): string {
  return `${p.file}:${p.line}:${p.column}`;
}

/** A value together with where it was written. */
export interface Located<T> {
  value: T;
  pos: SourcePos;
}
