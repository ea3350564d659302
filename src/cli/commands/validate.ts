import path from 'node:path';
import { checkSeverities } from '../../config.js';
import { UsageError } from '../../core/errors.js';
import { type Finding, SEVERITY_RANK, type Severity } from '../../core/finding.js';
import { TLS_MODES, type TlsMode } from '../../core/tls-modes.js';
import { verbatimBlock } from '../../core/untrusted-text.js';
import { renderGithub } from '../../report/github.js';
import { renderJson, renderJsonProjects } from '../../report/json.js';
import { renderSarif, renderSarifProjects } from '../../report/sarif.js';
import { annotationBase, type ProjectFindings } from '../../report/summary.js';
import { renderText, renderTextProjects } from '../../report/text.js';
import { RULES } from '../../rules/index.js';
import { type ValidateProjectsResult, validateProjects } from '../../validate-projects.js';
import { parseArgsOrUsage } from '../args.js';
import type { CliIO, Command } from '../io.js';

export const VALIDATE_HELP = `Usage: stackgate validate [options] [DIR…]

Cross-file analysis of a compose project and the nginx config of its proxy service.
Run it in the project directory (or pass -C DIR). Several projects (-C a -C b, or DIR…) run in one
process, each in its own root boundary; findings are grouped by project and the exit code covers all.

Options:
  --compose FILE          compose file (repeatable; default: compose.yaml … discovery + override)
  --nginx FILE            nginx config to analyse (repeatable; default: found through the proxy's mounts)
  --proxy-service NAME    the nginx service (default: detected from its image or /etc/nginx mounts)
  --profile NAME          enable a compose profile (repeatable)
  --env-file FILE         interpolation variables (default: .env)
  --format FORMAT         text | json | sarif | github (default: text)
  --fail-on LEVEL         exit 1 on findings at or above: error | warning | note | never (default: error)
  --severity RULE=LEVEL   change a rule's severity: error | warning | note | off (repeatable;
                          also 'rules:' in .stackgate.yaml)
  --config FILE|none      read rule severities from FILE, or from no file (default: the
                          project's .stackgate.yaml; a pull request can edit that one)
  --fix                   write the machine-applicable fixes, then report what remains (all or
                          nothing: exit 2 if a target is read-only or outside the project)
  --fix-dry-run           print the fixes as a unified diff, change nothing
  --tls MODE              provided (default): a certificate missing on the host is an error;
                          auto | self-signed: the pairs a later 'up --tls MODE' generates are
                          notes saying so (both files missing, on a bind mount)
  --allow-path PATH       read PATH although it lies outside the project root (repeatable)
  -C, --cwd DIR           run as if started in DIR (repeatable: one project each)
  -h, --help              show this help

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or unreadable input.
`;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

function parse(argv: string[], io: CliIO) {
  const { values, positionals } = parseArgsOrUsage(
    {
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        compose: { type: 'string', multiple: true, default: [] },
        nginx: { type: 'string', multiple: true, default: [] },
        'proxy-service': { type: 'string' },
        profile: { type: 'string', multiple: true, default: [] },
        'env-file': { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        severity: { type: 'string', multiple: true, default: [] },
        config: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'allow-path': { type: 'string', multiple: true, default: [] },
        tls: { type: 'string', default: 'provided' },
        cwd: { type: 'string', short: 'C', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    VALIDATE_HELP,
  );
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const failOn = values['fail-on'];
  if (!['error', 'warning', 'note', 'never'].includes(failOn)) {
    throw new UsageError(`--fail-on must be error, warning, note or never, not "${failOn}"`);
  }
  if (!TLS_MODES.includes(values.tls as TlsMode))
    throw new UsageError(`--tls must be one of ${TLS_MODES.join(', ')}, not "${values.tls}"`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be combined');
  // Checked once here, not per project.
  const flagSeverities = checkSeverities(
    Object.fromEntries(
      values.severity.map((s) => {
        const eq = s.indexOf('=');
        if (eq < 1) throw new UsageError(`--severity takes RULE=LEVEL, not "${s}"`);
        return [s.slice(0, eq), s.slice(eq + 1)];
      }),
    ),
    '--severity',
  );
  const named = [...values.cwd, ...positionals];
  const projects = [...new Set((named.length ? named : ['.']).map((d) => path.resolve(io.cwd, d)))];
  if (projects.length > 1 && (values.fix || values['fix-dry-run']))
    throw new UsageError('--fix and --fix-dry-run take one project at a time; run them per directory');
  return { values, format, failOn: failOn as Severity | 'never', flagSeverities, projects };
}

function render(
  format: Format,
  findings: Finding[],
  cwd: string,
  sources: ReadonlyMap<string, string>,
): string {
  switch (format) {
    case 'json':
      return renderJson(findings, cwd);
    case 'sarif':
      return renderSarif(findings, RULES, cwd);
    case 'github':
      return renderGithub(findings, cwd);
    default:
      return renderText(findings, cwd, sources);
  }
}

export function exitCodeFor(findings: readonly Finding[], failOn: Severity | 'never'): number {
  if (failOn === 'never') return 0;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}

/** Several projects: every format groups by project, paths relative to the invocation directory. */
function renderProjects(
  format: Format,
  projects: ProjectFindings[],
  base: string,
  workspace: string,
): string {
  switch (format) {
    case 'json':
      return renderJsonProjects(projects, base);
    case 'sarif':
      return renderSarifProjects(projects, RULES, base);
    case 'github':
      return projects.map((p) => renderGithub(p.findings, annotationBase(p.cwd, workspace))).join('');
    default:
      return renderTextProjects(projects, base);
  }
}

export const validateCommand: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(VALIDATE_HELP);
    return 0;
  }
  const parsed = parse(argv, io);
  const { values, format, failOn, projects } = parsed;
  // Annotations name files from the checkout's root, wherever the project lies in it.
  const workspace = io.env.GITHUB_WORKSPACE ? path.resolve(io.env.GITHUB_WORKSPACE) : io.cwd;
  const run = () =>
    validateProjects({
      dirs: projects,
      base: io.cwd,
      files: values.compose,
      nginxFiles: values.nginx,
      profiles: values.profile,
      envFiles: values['env-file'],
      env: io.env,
      ...(values['proxy-service'] !== undefined ? { proxyService: values['proxy-service'] } : {}),
      ...(values.config !== undefined ? { config: values.config } : {}),
      severities: parsed.flagSeverities,
      allowPaths: values['allow-path'],
      ...(values.tls !== 'provided' ? { tlsGenerated: values.tls as 'auto' | 'self-signed' } : {}),
    });
  if (projects.length === 1) return validateOne(parsed, run, io, workspace);
  const { projects: results, findings } = await run();
  io.stdout(renderProjects(format, results, io.cwd, workspace));
  return exitCodeFor(findings, failOn);
};

async function validateOne(
  parsed: ReturnType<typeof parse>,
  run: () => Promise<ValidateProjectsResult>,
  io: CliIO,
  workspace: string,
): Promise<number> {
  const { values, format, failOn } = parsed;
  const cwd = parsed.projects[0]!;
  let { findings, sources } = (await run()).projects[0]!;
  // The fixer (and its diff library) loads only when asked for: it is not part of a plain run's start-up.
  const fixer = values.fix || values['fix-dry-run'] ? await import('../../fix/apply.js') : undefined;

  if (fixer && values['fix-dry-run']) {
    const { diffFixes, fixNotes, planFixes } = fixer;
    const plan = planFixes(findings, cwd);
    // A diff must stay byte-exact, and its context lines are the project's own text.
    io.stdout(verbatimBlock(diffFixes(plan), io.env));
    io.stderr(fixNotes(plan, findings));
    io.stderr(
      `${plan.files.size} file(s) would change; ${plan.refused.length ? '--fix would write nothing until the files above are writable files inside the project' : 'run with --fix to write them'}.\n`,
    );
    return exitCodeFor(findings, failOn);
  }
  if (fixer && values.fix) {
    const { fixNotes, planFixes, writeFixes } = fixer;
    const plan = planFixes(findings, cwd);
    io.stderr(fixNotes(plan, findings));
    // All or nothing: a refused target is an InputError (exit 2) before any file is written.
    writeFixes(plan);
    io.stderr(
      `Fixed ${plan.files.size} file(s).${plan.skipped ? ` ${plan.skipped} overlapping edit(s) left for another --fix run.` : ''}\n`,
    );
    ({ findings, sources } = (await run()).projects[0]!);
  }
  io.stdout(render(format, findings, format === 'github' ? annotationBase(cwd, workspace) : cwd, sources));
  return exitCodeFor(findings, failOn);
}
