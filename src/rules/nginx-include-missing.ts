import path from 'node:path';
import type { IncludeProblem } from '../nginx/ast.js';
import { argPosOf, nginxPathOfFile } from '../project/scope.js';
import type { ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

function mountLine(pattern: string): string {
  const rel = `./${path.posix.basename(pattern)}`;
  return `- ${rel}:${pattern}:ro`;
}

function describe(
  view: ProjectView,
  p: IncludeProblem,
): { message: string; fix: string; note?: boolean; warning?: boolean } {
  const where = `${nginxPathOfFile(view, p.directive.file)}:${p.directive.line}`;
  const proxy = view.proxy?.name ?? 'nginx';
  switch (p.kind) {
    case 'missing':
      return {
        message: `nginx would exit with: [emerg] open() "${p.pattern}" failed (2: No such file or directory) in ${where}: no mount of "${proxy}" and no file of its image provides it`,
        fix: `Mount the file into "${proxy}" (for example add \`${mountLine(p.pattern)}\` to services.${proxy}.volumes), or remove the include.`,
      };
    case 'empty-glob':
      return {
        message: `include "${p.pattern}" matches no file in the "${proxy}" container; nginx accepts an empty glob, so nothing from it is loaded`,
        fix: `Mount the files the glob is meant to load into ${path.posix.dirname(p.pattern)}, or remove the include.`,
        note: true,
      };
    case 'unreadable':
      return {
        message: `include "${p.pattern}" in ${where}: ${p.message ?? 'a file could not be read'}`,
        fix: 'Include only regular nginx config files of a sensible size; this one was not analysed.',
      };
    case 'cycle':
      return {
        message: `include "${p.pattern}" in ${where} includes itself${p.message ? ` (${p.message})` : ''}; nginx recurses until it runs out of open files and exits`,
        fix: 'Break the cycle: remove the include that leads back to a file already being read.',
      };
    case 'too-many-files':
      return {
        message: `include "${p.pattern}" in ${where}: ${p.message ?? 'too many files'} (nginx reads them all, so this check is incomplete)`,
        fix: 'Check the unread files on their own (`stackgate validate --nginx FILE`), or include fewer files per configuration.',
        warning: true,
      };
  }
}

export const nginxIncludeMissing: Rule = {
  id: 'nginx-include-missing',
  severity: 'error',
  title: 'An nginx include that no mount or image file provides',
  check(view) {
    return (view.nginx?.includeProblems ?? []).map((p) => {
      const { message, fix, note, warning } = describe(view, p);
      // A refused file is named where it is, so the annotation lands on it (it was not read: line 1).
      const at =
        p.kind === 'unreadable' && p.file ? { file: p.file, line: 1, column: 1 } : argPosOf(p.directive, 0);
      return finding(nginxIncludeMissing, at, message, fix, {
        ...proxyService(view),
        ...(note ? { severity: 'note' as const } : warning ? { severity: 'warning' as const } : {}),
      });
    });
  },
};
