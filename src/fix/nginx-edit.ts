import type { TextEdit } from '../core/finding.js';
import type { NginxDirective } from '../nginx/ast.js';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/**
 * Inserts directives on new lines after `after` (a simple directive), with its indentation, or at the
 * start of `block`'s body when `after` is the block itself. The file text must be the host file's.
 */
export function insertDirectives(
  text: string,
  file: string,
  anchor: NginxDirective,
  lines: string[],
): TextEdit {
  if (anchor.block) {
    const open = text.indexOf('{', anchor.start);
    const inner = `${indentAt(text, anchor.start)}${detectStep(text)}`;
    return { file, start: open + 1, end: open + 1, text: lines.map((l) => `\n${inner}${l}`).join('') };
  }
  const indent = indentAt(text, anchor.start);
  return { file, start: anchor.end, end: anchor.end, text: lines.map((l) => `\n${indent}${l}`).join('') };
}

/** The file's indentation step (the smallest non-zero leading run of spaces), four spaces by default. */
function detectStep(text: string): string {
  let best: string | undefined;
  for (const m of text.matchAll(/\n([ \t]+)\S/g)) {
    const run = m[1]!;
    if (!best || run.length < best.length) best = run;
  }
  return best ?? '    ';
}
