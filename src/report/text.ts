import type { Finding } from '../core/finding.js';
import { showUntrusted, showUntrustedPath } from '../core/untrusted-text.js';
import { type ProjectFindings, plural, projectPath, relativeFile, summarize } from './summary.js';

/** A two-line code frame: the source line and a caret under the column. */
function codeFrame(lines: string[] | undefined, line: number, column: number): string {
  const src = lines?.[line - 1];
  if (src === undefined) return '';
  const gutter = String(line).padStart(5);
  const untabbed = src.replace(/\t/g, ' ');
  // Escaping lengthens the text before the column, so the caret goes under the escaped prefix.
  const shown = showUntrusted(untabbed).slice(0, 160);
  const caret = showUntrusted(untabbed.slice(0, Math.max(0, column - 1))).length;
  return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${' '.repeat(Math.min(caret, shown.length))}^\n`;
}

/**
 * Human output: grouped by file, each finding with its code frame and fix. Code frames come only from
 * `sources`, the text that was analysed (validate's result): nothing is re-read from disk, so nothing
 * that was not analysed (a host file, the host's copy of an image file) can be shown.
 */
export function renderText(
  findings: readonly Finding[],
  cwd: string,
  sources: ReadonlyMap<string, string> = new Map(),
): string {
  if (findings.length === 0) return 'No findings.\n';
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.pos.file, [...(byFile.get(f.pos.file) ?? []), f]);
  let out = '';
  for (const [file, list] of byFile) {
    const lines = sources.get(file)?.split(/\r?\n/);
    out += `${showUntrustedPath(relativeFile(file, cwd))}\n`;
    for (const f of list) {
      out += `  ${f.pos.line}:${f.pos.column}  ${f.severity.padEnd(7)} ${showUntrusted(f.message)}  [${f.rule}]\n`;
      out += codeFrame(lines, f.pos.line, f.pos.column)
        .split('\n')
        .filter(Boolean)
        .map((l) => `  ${l}\n`)
        .join('');
      out += `    fix: ${showUntrusted(f.fix.description)}${f.fix.edits?.length ? ' (--fix can apply this)' : ''}\n`;
    }
    out += '\n';
  }
  const s = summarize(findings);
  out += `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}\n`;
  return out;
}

/** Several projects: each under a `project DIR` heading (paths relative to it), then the run's total. */
export function renderTextProjects(projects: readonly ProjectFindings[], base: string): string {
  let out = '';
  for (const p of projects) {
    out += `== project ${showUntrustedPath(projectPath(p.cwd, base))} ==\n${renderText(p.findings, p.cwd, p.sources)}\n`;
  }
  const s = summarize(projects.flatMap((p) => p.findings));
  return `${out}${plural(projects.length, 'project')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}\n`;
}
