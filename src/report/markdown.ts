import type { Finding } from '../core/finding.js';
import { markdownText } from '../core/untrusted-text.js';
import { docsUrl } from '../rules/rule.js';
import { plural, relativeFile, summarize } from './summary.js';

const ICON: Record<Finding['severity'], string> = {
  error: '🔴 error',
  warning: '🟠 warning',
  note: '🔵 note',
};

/** A job-summary table of findings. */
export function renderMarkdown(findings: readonly Finding[], cwd: string): string {
  const s = summarize(findings);
  let out = `### stackgate validate\n\n${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}\n\n`;
  if (findings.length === 0) return `${out}No findings.\n`;
  out += '| Severity | Rule | Where | Finding | Fix |\n|---|---|---|---|---|\n';
  for (const f of findings) {
    out += `| ${ICON[f.severity]} | [${f.rule}](${docsUrl(f.rule)}) | <code>${markdownText(relativeFile(f.pos.file, cwd))}:${f.pos.line}</code> | ${markdownText(f.message)} | ${markdownText(f.fix.description)} |\n`;
  }
  return out;
}
