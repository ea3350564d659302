import type { Finding } from '../core/finding.js';
import { commandData, commandProperty } from '../core/untrusted-text.js';
import { type Annotation, toAnnotation } from './annotations.js';

/**
 * An annotation as a workflow command, byte for byte what @actions/core's issueCommand writes for
 * core.error(message, properties): properties in its order (title, file, line, col), empty ones left out.
 */
export function annotationCommand(a: Annotation): string {
  const props = [
    ['title', a.properties.title],
    ['file', a.properties.file],
    ['line', String(a.properties.startLine)],
    ['col', String(a.properties.startColumn)],
  ]
    .filter(([, v]) => v !== '' && v !== '0')
    .map(([k, v]) => `${k}=${commandProperty(v!)}`)
    .join(',');
  return `::${a.level}${props ? ` ${props}` : ''}::${commandData(a.message)}\n`;
}

/** `--format github`: one workflow-command annotation per finding, with file, line and col. */
export function renderGithub(findings: readonly Finding[], cwd: string): string {
  return findings.map((f) => annotationCommand(toAnnotation(f, cwd))).join('');
}
