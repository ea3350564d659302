import type { TextEdit } from '../core/finding.js';
import type { ProxiedLocation } from '../project/proxied-locations.js';
import { isEditableInPlace } from '../project/scope.js';
import { insertDirectives } from './nginx-edit.js';

/**
 * Inserts location-level directives right after the proxy_pass, or at the top of the location when the
 * proxy_pass sits in an `if`/`limit_except` (where most http settings are not allowed). Undefined when
 * the file cannot be edited in place (built into the image, or a template that envsubst renders).
 */
export function insertAtLocation(pl: ProxiedLocation, lines: string[]): TextEdit | undefined {
  const file = pl.pass.file;
  if (!isEditableInPlace(file) || lines.length === 0) return undefined;
  const direct = pl.pass.parents[pl.pass.parents.length - 1] === pl.location;
  if (!direct && pl.location.file !== file.file) return undefined;
  return insertDirectives(file.text, file.file, direct ? pl.pass.d : pl.location, lines);
}
