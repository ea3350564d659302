import type { Finding } from '../core/finding.js';
import { relativeFile } from './summary.js';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', note: 'notice' };

// Workflow-command escaping, as @actions/core does it: data escapes %, CR, LF; properties also : and ,.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `--format github`: one workflow-command annotation per finding, with file, line and col. */
export function renderGithub(findings: readonly Finding[], cwd: string): string {
  return findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(relativeFile(f.pos.file, cwd))}`,
        `line=${f.pos.line}`,
        `col=${f.pos.column}`,
        `title=${escapeProperty(`stackgate ${f.rule}`)}`,
      ].join(',');
      return `::${COMMAND[f.severity]} ${props}::${escapeData(`${f.message}\nFix: ${f.fix.description}`)}\n`;
    })
    .join('');
}
