// The project's .stackgate.yaml (or the file --config names): rule severities, checked against the registry.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { errorMessage, InputError } from './core/errors.js';
import type { Severity } from './core/finding.js';
import { ProjectFiles } from './core/project-files.js';
import { CLI_INPUT_NAMES, type InputNames } from './inputs.js';
import { RULES_BY_ID } from './rules/index.js';

export type RuleSetting = Severity | 'off';

export const CONFIG_FILES = ['.stackgate.yaml', '.stackgate.yml'];

/**
 * Reads `rules: {<id>: error|warning|note|off}` from the config: `config` names the file (relative to
 * cwd), `none` means no config at all, and by default it is the project's .stackgate.yaml, if any.
 * A pull request can edit the project's own file, so a workflow may name its base branch's copy.
 * It is read inside the same boundary as the project (plus `allowPaths`); a file the caller names is the
 * caller's choice and readable wherever it is. `names` are how the caller calls `config` and the allowed paths in
 * errors (`--config` and `--allow-path`, or the action's inputs `config` and `allow-paths`).
 */
export function readConfigSeverities(
  cwd: string,
  config?: string,
  allowPaths: readonly string[] = [],
  names: Pick<InputNames, 'config' | 'allowPaths'> = CLI_INPUT_NAMES,
): Record<string, RuleSetting> {
  if (config === 'none') return {};
  const boundary = new ProjectFiles(cwd, {
    allow: [...allowPaths, ...(config !== undefined ? [path.resolve(cwd, config)] : [])],
    allowPathName: names.allowPaths,
  });
  let file: string | undefined;
  if (config !== undefined) {
    file = path.resolve(cwd, config);
    if (boundary.locate(file).kind === 'missing')
      throw new InputError(`${names.config} ${config}: no such file (relative to ${cwd})`);
  } else {
    file = CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => boundary.locate(f).kind !== 'missing');
  }
  if (!file) return {};
  // A FIFO, device, oversized file or a link out of the project is refused here (exit 2, naming it).
  const text = boundary.readText(file, 'stackgate config');
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new InputError(`${file}: ${errorMessage(error)}`);
  }
  const rules = (doc as { rules?: unknown } | null)?.rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null)
    throw new InputError(`${file}: "rules" must be a mapping of rule id to error|warning|note|off`);
  return checkSeverities(rules as Record<string, unknown>, file);
}

export function checkSeverities(raw: Record<string, unknown>, where: string): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, level] of Object.entries(raw)) {
    if (!RULES_BY_ID.has(id))
      throw new InputError(`${where}: unknown rule "${id}"; see docs/rules/ for the ids`);
    if (level !== 'error' && level !== 'warning' && level !== 'note' && level !== 'off') {
      throw new InputError(
        `${where}: rule "${id}" has level "${String(level)}"; use error, warning, note or off`,
      );
    }
    out[id] = level;
  }
  return out;
}
