import { readFileSync } from 'node:fs';
import type { TextEdit } from '../core/finding.js';
import { addToServiceKey } from '../fix/yaml-edit.js';

type Entry = Parameters<typeof addToServiceKey>[3];

/**
 * One edit that adds several entries to `services.<service>.<key>`. Separate edits at the same
 * place would each create the key when it is missing; applying them in turn and diffing avoids that.
 */
export function addEntriesToServiceKey(
  file: string,
  service: string,
  key: string,
  entries: Entry[],
): TextEdit | undefined {
  let before: string;
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let text = before;
  for (const entry of entries) {
    const e = addToServiceKey(file, service, key, entry, text);
    if (!e) return undefined;
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  let start = 0;
  while (start < before.length && before[start] === text[start]) start++;
  let tail = 0;
  while (tail < before.length - start && before[before.length - 1 - tail] === text[text.length - 1 - tail])
    tail++;
  return { file, start, end: before.length - tail, text: text.slice(start, text.length - tail) };
}
