// files → models → project view → rules → findings: one validation of one project.
import { loadCompose } from './compose/loader.js';
import type { RuleSetting } from './config.js';
import { compareFindings, type Finding } from './core/finding.js';
import { ProjectFiles } from './core/project-files.js';
import { hideValues } from './core/untrusted-text.js';
import { CLI_INPUT_NAMES, checkNginxFiles, checkProxyService, type InputNames } from './inputs.js';
import { buildProjectView } from './project/build.js';
import type { ProjectView } from './project/view.js';
import { runRules } from './rules/index.js';

export interface ValidateOptions {
  cwd: string;
  /** `--compose` files; empty means compose's default discovery. */
  files: string[];
  /** `--nginx` files; empty means discovery through the proxy's mounts. */
  nginxFiles: string[];
  profiles: string[];
  envFiles: string[];
  env: Record<string, string | undefined>;
  proxyService?: string;
  /** Severity changes from the config file and --severity flags (flags win). */
  severities?: Record<string, RuleSetting>;
  /** `--allow-path`: paths outside the project root that may be read (absolute or relative to cwd). */
  allowPaths?: string[];
  /** How the caller names the inputs in errors: CLI flags by default, the action passes its input names. */
  inputNames?: Partial<InputNames>;
  /** `--tls auto|self-signed`: the certificates a later `up` generates are noted, not errors. */
  tlsGenerated?: 'auto' | 'self-signed';
}

export interface ValidateResult {
  findings: Finding[];
  view: ProjectView;
  /** The text of every file analysed, by the path findings name: reporters show code frames from this only. */
  sources: ReadonlyMap<string, string>;
}

/** files → models → project view → rules → findings (sorted, severities applied). */
export async function validate(opts: ValidateOptions): Promise<ValidateResult> {
  // Files the caller names on the command line are the caller's choice, not the project's: readable.
  const named = [...opts.files, ...opts.envFiles, ...opts.nginxFiles];
  const names = { ...CLI_INPUT_NAMES, ...opts.inputNames };
  const boundary = new ProjectFiles(opts.cwd, {
    allow: [...(opts.allowPaths ?? []), ...named],
    allowPathName: names.allowPaths,
  });
  checkNginxFiles(boundary, opts.cwd, opts.nginxFiles, names.nginxFiles);
  const compose = await loadCompose({
    boundary,
    cwd: opts.cwd,
    files: opts.files,
    envFiles: opts.envFiles,
    profiles: opts.profiles,
    env: opts.env,
    inputNames: names,
  });
  if (opts.proxyService !== undefined)
    checkProxyService(compose, opts.cwd, opts.proxyService, names.proxyService);
  const view = buildProjectView({
    cwd: opts.cwd,
    compose,
    nginxFiles: opts.nginxFiles,
    boundary,
    ...(opts.proxyService !== undefined ? { proxyService: opts.proxyService } : {}),
    ...(opts.tlsGenerated ? { tlsGenerated: opts.tlsGenerated } : {}),
  });
  const findings = runRules(view, opts.severities ?? {});
  // Values from the process environment (CI secrets) are shown as ${NAME}, whatever message quotes them.
  const hide = hideValues(compose.fromProcessEnv ?? new Map());
  return {
    findings: dedupe(findings.map((f) => hideInFinding(f, hide))).sort(compareFindings),
    view,
    sources: boundary.sources,
  };
}

function hideInFinding(f: Finding, hide: (text: string) => string): Finding {
  return {
    ...f,
    message: hide(f.message),
    ...(f.service !== undefined ? { service: hide(f.service) } : {}),
    fix: { ...f.fix, description: hide(f.fix.description) },
    ...(f.related ? { related: f.related.map((r) => ({ ...r, message: hide(r.message) })) } : {}),
  };
}

/** One finding per rule and place: included files can be reached twice (same file through two includes). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\0${f.pos.file}\0${f.pos.line}\0${f.pos.column}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
