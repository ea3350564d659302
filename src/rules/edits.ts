import { readFileSync } from 'node:fs';
import type { TextEdit } from '../core/finding.js';
import { addToServiceKey, type ServiceKeyEntry } from '../fix/yaml-edit.js';

/**
 * One edit that adds several entries to `services.<service>.<key>`. Separate edits at the same
 * place would each create the key when it is missing; one insertion built from one parse avoids that
 * (applying them in turn cost a parse of the whole file per entry: quadratic in the service count).
 */
export function addEntriesToServiceKey(
  file: string,
  service: string,
  key: string,
  entries: ServiceKeyEntry[],
): TextEdit | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return addToServiceKey(file, service, key, entries, text);
}
