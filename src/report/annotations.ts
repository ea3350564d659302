import type { Finding } from '../core/finding.js';
import { showUntrusted } from '../core/untrusted-text.js';
import { relativeFile } from './summary.js';

/** The runner's annotation levels; a stackgate note is a notice. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** The shape of @actions/core's AnnotationProperties that stackgate fills. */
export interface AnnotationProperties {
  title: string;
  file: string;
  startLine: number;
  startColumn: number;
}

export interface Annotation {
  level: AnnotationLevel;
  /** Printable text (untrusted parts escaped); workflow-command escaping is the emitter's job. */
  message: string;
  properties: AnnotationProperties;
}

const LEVEL: Record<Finding['severity'], AnnotationLevel> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
};

/**
 * The one place a finding becomes an annotation: `--format github` prints it as a workflow command,
 * the action hands it to core.error/warning/notice.
 */
export function toAnnotation(f: Finding, cwd: string): Annotation {
  return {
    level: LEVEL[f.severity],
    message: `${showUntrusted(f.message)}\nFix: ${showUntrusted(f.fix.description)}`,
    properties: {
      title: `stackgate ${f.rule}`,
      file: showUntrusted(relativeFile(f.pos.file, cwd)),
      startLine: f.pos.line,
      startColumn: f.pos.column,
    },
  };
}
