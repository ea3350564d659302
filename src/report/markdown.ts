import type { Finding } from '../core/finding.js';
import { markdownText } from '../core/untrusted-text.js';
import { docsUrl } from '../rules/rule.js';
import { type ProjectFindings, plural, projectPath, relativeFile, summarize } from './summary.js';

const ICON: Record<Finding['severity'], string> = {
  error: '🔴 error',
  warning: '🟠 warning',
  note: '🔵 note',
};

/** A job-summary table of findings. */
export function renderMarkdown(
  findings: readonly Finding[],
  cwd: string,
  title = 'stackgate validate',
): string {
  const s = summarize(findings);
  let out = `### ${title}\n\n${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}\n\n`;
  if (findings.length === 0) return `${out}No findings.\n`;
  out += '| Severity | Rule | Where | Finding | Fix |\n|---|---|---|---|---|\n';
  for (const f of findings) {
    out += `| ${ICON[f.severity]} | [${f.rule}](${docsUrl(f.rule)}) | <code>${markdownText(relativeFile(f.pos.file, cwd))}:${f.pos.line}</code> | ${markdownText(f.message)} | ${markdownText(f.fix.description)} |\n`;
  }
  return out;
}

/** Several projects: one table per project, headed by its directory (relative to `base`). */
export function renderMarkdownProjects(projects: readonly ProjectFindings[], base: string): string {
  const s = summarize(projects.flatMap((p) => p.findings));
  return `## stackgate validate: ${plural(projects.length, 'project')}\n\n${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}\n\n${projects
    .map((p) =>
      renderMarkdown(p.findings, p.cwd, `project <code>${markdownText(projectPath(p.cwd, base))}</code>`),
    )
    .join('\n')}`;
}
