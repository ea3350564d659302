import type { ComposeLoadOptions } from '../../../src/compose/load-options.js';
import { loadCompose } from '../../../src/compose/loader.js';
import type { ComposeModel, ComposeService } from '../../../src/compose/model.js';
import { withProject } from '../helpers/project.js';

/** Writes files into a fresh temp dir, runs `fn` there, then removes the dir. */
export const withDir = withProject;

export function load(dir: string, opts: Partial<ComposeLoadOptions> = {}): Promise<ComposeModel> {
  return loadCompose({ cwd: dir, files: [], envFiles: [], profiles: [], env: {}, ...opts });
}

/** Loads a project made of `files` (compose.yaml etc.). */
export function loadFiles(
  files: Record<string, string | Uint8Array>,
  opts: Partial<ComposeLoadOptions> = {},
) {
  return withDir(files, (dir) => load(dir, opts));
}

export function service(model: ComposeModel, name: string): ComposeService {
  const s = model.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name} in ${model.services.map((x) => x.name).join(', ')}`);
  return s;
}

/** `rule line:col message` for each diagnostic, for compact assertions. */
export function diags(model: ComposeModel, rule?: string): string[] {
  return model.diagnostics
    .filter((d) => rule === undefined || `compose-${d.kind}` === rule)
    .map((d) => `compose-${d.kind} ${d.pos.line}:${d.pos.column} ${d.message}`);
}
