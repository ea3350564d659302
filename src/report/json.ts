import type { Finding } from '../core/finding.js';
import { jsonForLog, showUntrusted } from '../core/untrusted-text.js';
import { type ProjectFindings, projectPath, relativeFile, summarize } from './summary.js';

/** One finding in the JSON contract; `file` is relative to `cwd`. */
function jsonFinding(f: Finding, cwd: string) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: showUntrusted(f.message),
    file: showUntrusted(relativeFile(f.pos.file, cwd)),
    line: f.pos.line,
    column: f.pos.column,
    ...(f.service !== undefined ? { service: showUntrusted(f.service) } : {}),
    fix: showUntrusted(f.fix.description),
  };
}

/** The `--format json` contract for one project: other tools parse this, so its shape never changes. */
export function renderJson(findings: readonly Finding[], cwd: string): string {
  const out = { findings: findings.map((f) => jsonFinding(f, cwd)), summary: summarize(findings) };
  return `${jsonForLog(out)}\n`;
}

/**
 * Several projects in one run (README.md, "Several projects in one run"): `version: 2`, one entry per project in the
 * order given, each with the single-project shape plus `path` (the project directory, relative to
 * `base`); each finding's `file` is relative to its project, so `path/file` names it from `base`.
 */
export function renderJsonProjects(projects: readonly ProjectFindings[], base: string): string {
  const out = {
    version: 2,
    projects: projects.map((p) => ({
      path: showUntrusted(projectPath(p.cwd, base)),
      findings: p.findings.map((f) => jsonFinding(f, p.cwd)),
      summary: summarize(p.findings),
    })),
    summary: summarize(projects.flatMap((p) => p.findings)),
  };
  return `${jsonForLog(out)}\n`;
}
