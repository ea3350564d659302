export const id = 375;
export const ids = [375];
export const modules = {

/***/ 375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VALIDATE_HELP: () => (/* binding */ VALIDATE_HELP),
  exitCodeFor: () => (/* binding */ exitCodeFor),
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/project-files.js
var project_files = __webpack_require__(2835);
// EXTERNAL MODULE: ./lib/src/inputs.js
var inputs = __webpack_require__(5777);
// EXTERNAL MODULE: ./lib/src/rules/index.js + 54 modules
var rules = __webpack_require__(8135);
;// CONCATENATED MODULE: ./lib/src/config.js
// The project's .stackgate.yaml (or the file --config names): rule severities, checked against the registry.






const CONFIG_FILES = ['.stackgate.yaml', '.stackgate.yml'];
/**
 * Reads `rules: {<id>: error|warning|note|off}` from the config: `config` names the file (relative to
 * cwd), `none` means no config at all, and by default it is the project's .stackgate.yaml, if any.
 * A pull request can edit the project's own file, so a workflow may name its base branch's copy.
 * It is read inside the same boundary as the project (plus `allowPaths`); a file the caller names is the
 * caller's choice and readable wherever it is. `names` are how the caller calls `config` and the allowed paths in
 * errors (`--config` and `--allow-path`, or the action's inputs `config` and `allow-paths`).
 */
function readConfigSeverities(cwd, config, allowPaths = [], names = inputs/* CLI_INPUT_NAMES */.jl) {
    if (config === 'none')
        return {};
    const boundary = new project_files/* ProjectFiles */.di(cwd, {
        allow: [...allowPaths, ...(config !== undefined ? [external_node_path_.resolve(cwd, config)] : [])],
        allowPathName: names.allowPaths,
    });
    let file;
    if (config !== undefined) {
        file = external_node_path_.resolve(cwd, config);
        if (boundary.locate(file).kind === 'missing')
            throw new errors/* InputError */.dz(`${names.config} ${config}: no such file (relative to ${cwd})`);
    }
    else {
        file = CONFIG_FILES.map((f) => external_node_path_.join(cwd, f)).find((f) => boundary.locate(f).kind !== 'missing');
    }
    if (!file)
        return {};
    // A FIFO, device, oversized file or a link out of the project is refused here (exit 2, naming it).
    const text = boundary.readText(file, 'stackgate config');
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(`${file}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    const rules = doc?.rules;
    if (rules === undefined)
        return {};
    if (typeof rules !== 'object' || rules === null)
        throw new errors/* InputError */.dz(`${file}: "rules" must be a mapping of rule id to error|warning|note|off`);
    return checkSeverities(rules, file);
}
function checkSeverities(raw, where) {
    const out = {};
    for (const [id, level] of Object.entries(raw)) {
        if (!rules/* RULES_BY_ID */.kF.has(id))
            throw new errors/* InputError */.dz(`${where}: unknown rule "${id}"; see docs/rules/ for the ids`);
        if (level !== 'error' && level !== 'warning' && level !== 'note' && level !== 'off') {
            throw new errors/* InputError */.dz(`${where}: rule "${id}" has level "${String(level)}"; use error, warning, note or off`);
        }
        out[id] = level;
    }
    return out;
}

// EXTERNAL MODULE: ./lib/src/core/finding.js
var finding = __webpack_require__(3081);
// EXTERNAL MODULE: ./lib/src/core/tls-modes.js
var tls_modes = __webpack_require__(5520);
// EXTERNAL MODULE: ./lib/src/core/untrusted-text.js
var untrusted_text = __webpack_require__(2704);
// EXTERNAL MODULE: ./lib/src/report/summary.js
var summary = __webpack_require__(6965);
;// CONCATENATED MODULE: ./lib/src/report/annotations.js


const LEVEL = {
    error: 'error',
    warning: 'warning',
    note: 'notice',
};
/**
 * The one place a finding becomes an annotation: `--format github` prints it as a workflow command,
 * the action hands it to core.error/warning/notice.
 */
function toAnnotation(f, cwd) {
    return {
        level: LEVEL[f.severity],
        message: `${(0,untrusted_text/* showUntrusted */.Gz)(f.message)}\nFix: ${(0,untrusted_text/* showUntrusted */.Gz)(f.fix.description)}`,
        properties: {
            title: `stackgate ${f.rule}`,
            file: (0,untrusted_text/* showUntrusted */.Gz)((0,summary/* relativeFile */.N$)(f.pos.file, cwd)),
            startLine: f.pos.line,
            startColumn: f.pos.column,
        },
    };
}

;// CONCATENATED MODULE: ./lib/src/report/github.js


/**
 * An annotation as a workflow command, byte for byte what @actions/core's issueCommand writes for
 * core.error(message, properties): properties in its order (title, file, line, col), empty ones left out.
 */
function annotationCommand(a) {
    const props = [
        ['title', a.properties.title],
        ['file', a.properties.file],
        ['line', String(a.properties.startLine)],
        ['col', String(a.properties.startColumn)],
    ]
        .filter(([, v]) => v !== '' && v !== '0')
        .map(([k, v]) => `${k}=${(0,untrusted_text/* commandProperty */.N1)(v)}`)
        .join(',');
    return `::${a.level}${props ? ` ${props}` : ''}::${(0,untrusted_text/* commandData */.wq)(a.message)}\n`;
}
/** `--format github`: one workflow-command annotation per finding, with file, line and col. */
function renderGithub(findings, cwd) {
    return findings.map((f) => annotationCommand(toAnnotation(f, cwd))).join('');
}

;// CONCATENATED MODULE: ./lib/src/report/json.js


/** One finding in the JSON contract; `file` is relative to `cwd`. */
function jsonFinding(f, cwd) {
    return {
        rule: f.rule,
        severity: f.severity,
        message: (0,untrusted_text/* showUntrusted */.Gz)(f.message),
        file: (0,untrusted_text/* showUntrusted */.Gz)((0,summary/* relativeFile */.N$)(f.pos.file, cwd)),
        line: f.pos.line,
        column: f.pos.column,
        ...(f.service !== undefined ? { service: (0,untrusted_text/* showUntrusted */.Gz)(f.service) } : {}),
        fix: (0,untrusted_text/* showUntrusted */.Gz)(f.fix.description),
    };
}
/** The `--format json` contract for one project: other tools parse this, so its shape never changes. */
function renderJson(findings, cwd) {
    const out = { findings: findings.map((f) => jsonFinding(f, cwd)), summary: (0,summary/* summarize */.eh)(findings) };
    return `${(0,untrusted_text/* jsonForLog */.wn)(out)}\n`;
}
/**
 * Several projects in one run (README.md, "Several projects in one run"): `version: 2`, one entry per project in the
 * order given, each with the single-project shape plus `path` (the project directory, relative to
 * `base`); each finding's `file` is relative to its project, so `path/file` names it from `base`.
 */
function renderJsonProjects(projects, base) {
    const out = {
        version: 2,
        projects: projects.map((p) => ({
            path: (0,untrusted_text/* showUntrusted */.Gz)((0,summary/* projectPath */.DZ)(p.cwd, base)),
            findings: p.findings.map((f) => jsonFinding(f, p.cwd)),
            summary: (0,summary/* summarize */.eh)(p.findings),
        })),
        summary: (0,summary/* summarize */.eh)(projects.flatMap((p) => p.findings)),
    };
    return `${(0,untrusted_text/* jsonForLog */.wn)(out)}\n`;
}

// EXTERNAL MODULE: ./lib/src/rules/rule.js
var rule = __webpack_require__(346);
;// CONCATENATED MODULE: ./lib/src/report/sarif.js



const VERSION = '0.1.0';
/**
 * SARIF 2.1.0 as github/codeql-action/upload-sarif accepts it: rule metadata, help links, URIs relative
 * to `cwd`. In a multi-project run it is one run for all projects, `cwd` their common base (the
 * workspace), and `projectOf` names each result's project in its `properties.project`.
 */
function renderSarif(findings, rules, cwd, projectOf) {
    const index = new Map(rules.map((r, i) => [r.id, i]));
    // An image file (image:/etc/nginx/nginx.conf) is an absolute URI of its own, not under the checkout.
    const artifact = (file) => file.startsWith('image:') ? { uri: file } : { uri: (0,summary/* relativeFile */.N$)(file, cwd), uriBaseId: '%SRCROOT%' };
    const location = (file, line, column) => ({
        physicalLocation: {
            artifactLocation: artifact(file),
            region: { startLine: line, startColumn: column },
        },
    });
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'stackgate',
                        version: VERSION,
                        informationUri: 'https://github.com/stackgate/stackgate',
                        rules: rules.map((r) => ({
                            id: r.id,
                            name: r.id
                                .split('-')
                                .map((w) => w[0].toUpperCase() + w.slice(1))
                                .join(''),
                            shortDescription: { text: r.title },
                            fullDescription: { text: r.title },
                            helpUri: (0,rule/* docsUrl */.fs)(r.id),
                            help: {
                                text: `${r.title}. See ${(0,rule/* docsUrl */.fs)(r.id)}`,
                                markdown: `${r.title}. [Documentation](${(0,rule/* docsUrl */.fs)(r.id)})`,
                            },
                            defaultConfiguration: { level: r.severity },
                            properties: { tags: ['stackgate', r.id.split('-')[0]] },
                        })),
                    },
                },
                originalUriBaseIds: { '%SRCROOT%': { uri: `file://${cwd.endsWith('/') ? cwd : `${cwd}/`}` } },
                results: findings.map((f) => ({
                    ruleId: f.rule,
                    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
                    level: f.severity,
                    message: { text: `${(0,untrusted_text/* showUntrusted */.Gz)(f.message)}\nFix: ${(0,untrusted_text/* showUntrusted */.Gz)(f.fix.description)}` },
                    locations: [location(f.pos.file, f.pos.line, f.pos.column)],
                    ...(f.related?.length
                        ? {
                            relatedLocations: f.related.map((r, i) => ({
                                id: i + 1,
                                ...location(r.pos.file, r.pos.line, r.pos.column),
                                message: { text: (0,untrusted_text/* showUntrusted */.Gz)(r.message) },
                            })),
                        }
                        : {}),
                    ...(f.fix.edits?.length
                        ? {
                            fixes: [
                                {
                                    description: { text: (0,untrusted_text/* showUntrusted */.Gz)(f.fix.description) },
                                    artifactChanges: groupEdits(f).map(([file, edits]) => ({
                                        artifactLocation: {
                                            uri: (0,untrusted_text/* showUntrusted */.Gz)((0,summary/* relativeFile */.N$)(file, cwd)),
                                            uriBaseId: '%SRCROOT%',
                                        },
                                        replacements: edits.map((e) => ({
                                            deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                                            insertedContent: { text: e.text },
                                        })),
                                    })),
                                },
                            ],
                        }
                        : {}),
                    ...(projectOf ? { properties: { project: (0,untrusted_text/* showUntrusted */.Gz)(projectOf(f)) } } : {}),
                    partialFingerprints: {
                        'stackgate/v1': (0,untrusted_text/* showUntrusted */.Gz)(`${f.rule}:${(0,summary/* relativeFile */.N$)(f.pos.file, cwd)}:${f.message}`),
                    },
                })),
            },
        ],
    };
    return `${(0,untrusted_text/* jsonForLog */.wn)(sarif)}\n`;
}
function groupEdits(f) {
    const m = new Map();
    for (const e of f.fix.edits ?? [])
        m.set(e.file, [...(m.get(e.file) ?? []), e]);
    return [...m];
}
/** Several projects as one SARIF run, URIs relative to `base` (see renderSarif). */
function renderSarifProjects(projects, rules, base) {
    const projectOf = new Map();
    for (const p of projects)
        for (const f of p.findings)
            projectOf.set(f, (0,summary/* projectPath */.DZ)(p.cwd, base));
    return renderSarif([...projectOf.keys()], rules, base, (f) => projectOf.get(f));
}

// EXTERNAL MODULE: ./lib/src/report/text.js
var report_text = __webpack_require__(7358);
// EXTERNAL MODULE: ./lib/src/validate.js
var validate = __webpack_require__(4702);
;// CONCATENATED MODULE: ./lib/src/validate-projects.js
// Several projects in one run, for the CLI and the action alike: each validated in its own root boundary,
// with the config each reads, and the run's findings together.





/** validate() for each project in turn; the first user error stops the run, naming its project when there are several. */
async function validateProjects(opts) {
    const { dirs, config, severities, base, ...shared } = opts;
    const names = { ...inputs/* CLI_INPUT_NAMES */.jl, ...opts.inputNames };
    const projects = [];
    for (const cwd of dirs) {
        try {
            const { findings, view, sources } = await (0,validate/* validate */.t)({
                ...shared,
                cwd,
                severities: {
                    ...readConfigSeverities(cwd, config, opts.allowPaths, names),
                    ...severities,
                },
            });
            projects.push({ cwd, findings, view, sources });
        }
        catch (error) {
            // Which project a user error belongs to is the first thing to know when several run.
            if (dirs.length > 1 && (0,errors/* isUserError */.iU)(error))
                error.message = `project ${(0,summary/* projectPath */.DZ)(cwd, base)}: ${error.message}`;
            throw error;
        }
    }
    return { projects, findings: projects.flatMap((p) => p.findings) };
}

// EXTERNAL MODULE: ./lib/src/cli/args.js
var args = __webpack_require__(6294);
;// CONCATENATED MODULE: ./lib/src/cli/commands/validate.js














const VALIDATE_HELP = `Usage: stackgate validate [options] [DIR\u2026]

Cross-file analysis of a compose project and the nginx config of its proxy service.
Run it in the project directory (or pass -C DIR). Several projects (-C a -C b, or DIR\u2026) run in one
process, each in its own root boundary; findings are grouped by project and the exit code covers all.

Options:
  --compose FILE          compose file (repeatable; default: compose.yaml \u2026 discovery + override)
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
const FORMATS = ['text', 'json', 'sarif', 'github'];
function parse(argv, io) {
    const { values, positionals } = (0,args/* parseArgsOrUsage */.J)({
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
    }, VALIDATE_HELP);
    const format = values.format;
    if (!FORMATS.includes(format))
        throw new errors/* UsageError */.eb(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    const failOn = values['fail-on'];
    if (!['error', 'warning', 'note', 'never'].includes(failOn)) {
        throw new errors/* UsageError */.eb(`--fail-on must be error, warning, note or never, not "${failOn}"`);
    }
    if (!tls_modes/* TLS_MODES */.F.includes(values.tls))
        throw new errors/* UsageError */.eb(`--tls must be one of ${tls_modes/* TLS_MODES */.F.join(', ')}, not "${values.tls}"`);
    if (values.fix && values['fix-dry-run'])
        throw new errors/* UsageError */.eb('--fix and --fix-dry-run cannot be combined');
    // Checked once here, not per project.
    const flagSeverities = checkSeverities(Object.fromEntries(values.severity.map((s) => {
        const eq = s.indexOf('=');
        if (eq < 1)
            throw new errors/* UsageError */.eb(`--severity takes RULE=LEVEL, not "${s}"`);
        return [s.slice(0, eq), s.slice(eq + 1)];
    })), '--severity');
    const named = [...values.cwd, ...positionals];
    const projects = [...new Set((named.length ? named : ['.']).map((d) => external_node_path_.resolve(io.cwd, d)))];
    if (projects.length > 1 && (values.fix || values['fix-dry-run']))
        throw new errors/* UsageError */.eb('--fix and --fix-dry-run take one project at a time; run them per directory');
    return { values, format, failOn: failOn, flagSeverities, projects };
}
function render(format, findings, cwd, sources) {
    switch (format) {
        case 'json':
            return renderJson(findings, cwd);
        case 'sarif':
            return renderSarif(findings, rules/* RULES */.y0, cwd);
        case 'github':
            return renderGithub(findings, cwd);
        default:
            return (0,report_text/* renderText */.S)(findings, cwd, sources);
    }
}
function exitCodeFor(findings, failOn) {
    if (failOn === 'never')
        return 0;
    return findings.some((f) => finding/* SEVERITY_RANK */.f[f.severity] >= finding/* SEVERITY_RANK */.f[failOn]) ? 1 : 0;
}
/** Several projects: every format groups by project, paths relative to the invocation directory. */
function renderProjects(format, projects, base, workspace) {
    switch (format) {
        case 'json':
            return renderJsonProjects(projects, base);
        case 'sarif':
            return renderSarifProjects(projects, rules/* RULES */.y0, base);
        case 'github':
            return projects.map((p) => renderGithub(p.findings, (0,summary/* annotationBase */.$l)(p.cwd, workspace))).join('');
        default:
            return (0,report_text/* renderTextProjects */.O)(projects, base);
    }
}
const validateCommand = async (argv, io) => {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout(VALIDATE_HELP);
        return 0;
    }
    const parsed = parse(argv, io);
    const { values, format, failOn, projects } = parsed;
    // Annotations name files from the checkout's root, wherever the project lies in it.
    const workspace = io.env.GITHUB_WORKSPACE ? external_node_path_.resolve(io.env.GITHUB_WORKSPACE) : io.cwd;
    const run = () => validateProjects({
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
        ...(values.tls !== 'provided' ? { tlsGenerated: values.tls } : {}),
    });
    if (projects.length === 1)
        return validateOne(parsed, run, io, workspace);
    const { projects: results, findings } = await run();
    io.stdout(renderProjects(format, results, io.cwd, workspace));
    return exitCodeFor(findings, failOn);
};
async function validateOne(parsed, run, io, workspace) {
    const { values, format, failOn } = parsed;
    const cwd = parsed.projects[0];
    let { findings, sources } = (await run()).projects[0];
    // The fixer (and its diff library) loads only when asked for: it is not part of a plain run's start-up.
    const fixer = values.fix || values['fix-dry-run'] ? await __webpack_require__.e(/* import() */ 868).then(__webpack_require__.bind(__webpack_require__, 5868)) : undefined;
    if (fixer && values['fix-dry-run']) {
        const { diffFixes, fixNotes, planFixes } = fixer;
        const plan = planFixes(findings, cwd);
        // A diff must stay byte-exact, and its context lines are the project's own text.
        io.stdout((0,untrusted_text/* verbatimBlock */.Uf)(diffFixes(plan), io.env));
        io.stderr(fixNotes(plan, findings));
        io.stderr(`${plan.files.size} file(s) would change; ${plan.refused.length ? '--fix would write nothing until the files above are writable files inside the project' : 'run with --fix to write them'}.\n`);
        return exitCodeFor(findings, failOn);
    }
    if (fixer && values.fix) {
        const { fixNotes, planFixes, writeFixes } = fixer;
        const plan = planFixes(findings, cwd);
        io.stderr(fixNotes(plan, findings));
        // All or nothing: a refused target is an InputError (exit 2) before any file is written.
        writeFixes(plan);
        io.stderr(`Fixed ${plan.files.size} file(s).${plan.skipped ? ` ${plan.skipped} overlapping edit(s) left for another --fix run.` : ''}\n`);
        ({ findings, sources } = (await run()).projects[0]);
    }
    io.stdout(render(format, findings, format === 'github' ? (0,summary/* annotationBase */.$l)(cwd, workspace) : cwd, sources));
    return exitCodeFor(findings, failOn);
}


/***/ })

};
