import type { Finding } from '../core/finding.js';
import { plural, relativeFile, summarize } from './summary.js';

/** A two-line code frame: the source line and a caret under the column. */
function codeFrame(lines: string[] | undefined, line: number, column: number): string {
  const src = lines?.[line - 1];
  if (src === undefined) return '';
  const gutter = String(line).padStart(5);
  const shown = src.replace(/\t/g, ' ').slice(0, 160);
  return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, Math.min(column - 1, shown.length)))}^\n`;
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
    out += `${relativeFile(file, cwd)}\n`;
    for (const f of list) {
      out += `  ${f.pos.line}:${f.pos.column}  ${f.severity.padEnd(7)} ${f.message}  [${f.rule}]\n`;
      out += codeFrame(lines, f.pos.line, f.pos.column)
        .split('\n')
        .filter(Boolean)
        .map((l) => `  ${l}\n`)
        .join('');
      out += `    fix: ${f.fix.description}${f.fix.edits?.length ? ' (--fix can apply this)' : ''}\n`;
    }
    out += '\n';
  }
  const s = summarize(findings);
  out += `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}\n`;
  return out;
}
