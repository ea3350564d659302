// Several projects in one run, for the CLI and the action alike: each validated in its own root boundary,
// with the config each reads, and the run's findings together.
import { type RuleSetting, readConfigSeverities } from './config.js';
import { isUserError } from './core/errors.js';
import type { Finding } from './core/finding.js';
import { CLI_INPUT_NAMES } from './inputs.js';
import type { ProjectView } from './project/view.js';
import { projectPath } from './report/summary.js';
import { type ValidateOptions, validate } from './validate.js';

export interface ValidateProjectsOptions extends Omit<ValidateOptions, 'cwd' | 'severities'> {
  /** Project directories (absolute), in the order the caller named them. */
  dirs: readonly string[];
  /** Where rule severities come from: a file (relative to each project), `none`, or each project's .stackgate.yaml. */
  config?: string;
  /** Severities the caller set itself (`--severity`): they win over the config's. */
  severities?: Record<string, RuleSetting>;
  /** The directory an error names its project from, when there are several. */
  base: string;
}

export interface ProjectResult {
  cwd: string;
  findings: Finding[];
  view: ProjectView;
  sources: ReadonlyMap<string, string>;
}

export interface ValidateProjectsResult {
  projects: ProjectResult[];
  /** Every project's findings, project by project. */
  findings: Finding[];
}

/** validate() for each project in turn; the first user error stops the run, naming its project when there are several. */
export async function validateProjects(opts: ValidateProjectsOptions): Promise<ValidateProjectsResult> {
  const { dirs, config, severities, base, ...shared } = opts;
  const names = { ...CLI_INPUT_NAMES, ...opts.inputNames };
  const projects: ProjectResult[] = [];
  for (const cwd of dirs) {
    try {
      const { findings, view, sources } = await validate({
        ...shared,
        cwd,
        severities: {
          ...readConfigSeverities(cwd, config, opts.allowPaths, names),
          ...severities,
        },
      });
      projects.push({ cwd, findings, view, sources });
    } catch (error) {
      // Which project a user error belongs to is the first thing to know when several run.
      if (dirs.length > 1 && isUserError(error))
        error.message = `project ${projectPath(cwd, base)}: ${error.message}`;
      throw error;
    }
  }
  return { projects, findings: projects.flatMap((p) => p.findings) };
}
