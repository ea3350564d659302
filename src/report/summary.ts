import path from 'node:path';
import type { Finding } from '../core/finding.js';

export interface Summary {
  errors: number;
  warnings: number;
  notes: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.notes++;
  }
  return s;
}

/** Paths in reports are relative to the working directory, with forward slashes (as SARIF and GitHub want). */
export function relativeFile(file: string, cwd: string): string {
  // An image file (image:/etc/nginx/nginx.conf) is named as such, never as a host path.
  if (file.startsWith('image:')) return file;
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

/** One project's findings in a multi-project run; `cwd` is the project directory. */
export interface ProjectFindings {
  cwd: string;
  findings: readonly Finding[];
  sources?: ReadonlyMap<string, string>;
}

/** A project directory as reports name it: relative to `base`, forward slashes, `.` for base itself. */
export function projectPath(dir: string, base: string): string {
  return (path.relative(base, dir) || '.').split(path.sep).join('/');
}

/**
 * The directory annotations name a project's files from: the workspace (GitHub maps `file=` onto the
 * checkout), or the project itself when it lies outside the workspace (no `../` paths).
 */
export function annotationBase(projectDir: string, workspace: string): string {
  const rel = path.relative(workspace, projectDir);
  return rel.startsWith('..') || path.isAbsolute(rel) ? projectDir : workspace;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
