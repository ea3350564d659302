import type { Finding } from '../core/finding.js';
import { jsonForLog, showUntrusted } from '../core/untrusted-text.js';
import { relativeFile, summarize } from './summary.js';

/** The `--format json` contract: other tools parse this, so its shape never changes. */
export function renderJson(findings: readonly Finding[], cwd: string): string {
  const out = {
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: showUntrusted(f.message),
      file: showUntrusted(relativeFile(f.pos.file, cwd)),
      line: f.pos.line,
      column: f.pos.column,
      ...(f.service !== undefined ? { service: showUntrusted(f.service) } : {}),
      fix: showUntrusted(f.fix.description),
    })),
    summary: summarize(findings),
  };
  return `${jsonForLog(out)}\n`;
}
