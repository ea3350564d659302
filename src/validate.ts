import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadCompose } from './compose/loader.js';
import { errorMessage, InputError } from './core/errors.js';
import { compareFindings, type Finding, type Severity } from './core/finding.js';
import { ProjectFiles } from './core/project-files.js';
import { hideValues } from './core/untrusted-text.js';
import { buildProjectView } from './project/build.js';
import type { ProjectView } from './project/view.js';
import { RULES, RULES_BY_ID } from './rules/index.js';

export type RuleSetting = Severity | 'off';

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
  /** `--tls auto|self-signed`: the certificates a later `up` generates are noted, not errors. */
  tlsGenerated?: 'auto' | 'self-signed';
}

export interface ValidateResult {
  findings: Finding[];
  view: ProjectView;
  /** The text of every file analysed, by the path findings name: reporters show code frames from this only. */
  sources: ReadonlyMap<string, string>;
}

export const CONFIG_FILES = ['.stackgate.yaml', '.stackgate.yml'];

/**
 * Reads `rules: {<id>: error|warning|note|off}` from the config: `config` names the file (relative to
 * cwd), `none` means no config at all, and by default it is the project's .stackgate.yaml, if any.
 * A pull request can edit the project's own file, so a workflow may name its base branch's copy.
 */
export function readConfigSeverities(
  cwd: string,
  config?: string,
  boundary: ProjectFiles = new ProjectFiles(
    cwd,
    config && config !== 'none' ? { allow: [path.resolve(cwd, config)] } : {},
  ),
): Record<string, RuleSetting> {
  if (config === 'none') return {};
  let file: string | undefined;
  if (config !== undefined) {
    file = path.resolve(cwd, config);
    if (boundary.locate(file).kind === 'missing')
      throw new InputError(`--config ${config}: no such file (relative to ${cwd})`);
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

/** files → models → project view → rules → findings (sorted, severities applied). */
export async function validate(opts: ValidateOptions): Promise<ValidateResult> {
  // Files the caller names on the command line are the caller's choice, not the project's: readable.
  const named = [...opts.files, ...opts.envFiles, ...opts.nginxFiles];
  const boundary = new ProjectFiles(opts.cwd, { allow: [...(opts.allowPaths ?? []), ...named] });
  for (const f of opts.nginxFiles) {
    const where = boundary.locate(path.resolve(opts.cwd, f));
    if (where.kind === 'missing')
      throw new InputError(`--nginx ${f}: no such file (relative to ${opts.cwd})`);
    if (where.kind === 'outside')
      throw new InputError(boundary.outsideMessage(where.path, where.real ?? where.path, '--nginx'));
    if (where.kind !== 'file')
      throw new InputError(`--nginx ${f}: not a regular file; name an nginx config file`);
  }
  const compose = await loadCompose({
    boundary,
    cwd: opts.cwd,
    files: opts.files,
    envFiles: opts.envFiles,
    profiles: opts.profiles,
    env: opts.env,
  });
  if (opts.proxyService !== undefined && !compose.services.some((s) => s.name === opts.proxyService)) {
    throw new InputError(
      `--proxy-service ${opts.proxyService}: no such service in ${compose.files.map((f) => path.relative(opts.cwd, f)).join(', ')} (services: ${compose.services.map((s) => s.name).join(', ') || 'none'})`,
    );
  }
  const view = buildProjectView({
    cwd: opts.cwd,
    compose,
    nginxFiles: opts.nginxFiles,
    boundary,
    ...(opts.proxyService !== undefined ? { proxyService: opts.proxyService } : {}),
    ...(opts.tlsGenerated ? { tlsGenerated: opts.tlsGenerated } : {}),
  });
  const settings = opts.severities ?? {};
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = settings[rule.id];
    if (setting === 'off') continue;
    for (const f of rule.check(view)) findings.push(setting ? { ...f, severity: setting } : f);
  }
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
