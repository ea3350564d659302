export const id = 659;
export const ids = [659];
export const modules = {

/***/ 7659:
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
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/src/core/errors.js
var core_errors = __webpack_require__(7657);
;// CONCATENATED MODULE: ./lib/src/core/finding.js
const SEVERITY_RANK = { error: 3, warning: 2, note: 1 };
function compareFindings(a, b) {
    return (a.pos.file.localeCompare(b.pos.file) ||
        a.pos.line - b.pos.line ||
        a.pos.column - b.pos.column ||
        a.rule.localeCompare(b.rule) ||
        a.message.localeCompare(b.message));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
;// CONCATENATED MODULE: ./lib/src/fix/apply.js



/** Collects every finding's edits and applies them per file, back to front; overlapping edits are deferred. */
function planFixes(findings) {
    const byFile = new Map();
    for (const f of findings)
        for (const e of f.fix.edits ?? [])
            byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    const files = new Map();
    let skipped = 0;
    for (const [file, edits] of byFile) {
        const before = (0,external_node_fs_.readFileSync)(file, 'utf8');
        // Identical edits (the same header suggested twice) collapse into one.
        const unique = [...new Map(edits.map((e) => [`${e.start}:${e.end}:${e.text}`, e])).values()];
        unique.sort((a, b) => b.start - a.start || b.end - a.end);
        let after = before;
        let floor = Number.POSITIVE_INFINITY;
        for (const e of unique) {
            if (e.end > floor) {
                skipped++;
                continue;
            }
            after = after.slice(0, e.start) + e.text + after.slice(e.end);
            floor = e.start;
        }
        if (after !== before)
            files.set(file, { before, after });
    }
    return { files, skipped };
}
function writeFixes(plan) {
    for (const [file, { after }] of plan.files)
        (0,external_node_fs_.writeFileSync)(file, after);
}
/** A unified diff of the plan, paths relative to cwd (what --fix-dry-run prints). */
function diffFixes(plan, cwd) {
    let out = '';
    for (const [file, { before, after }] of plan.files) {
        const rel = external_node_path_.relative(cwd, file);
        out += (0,create/* createTwoFilesPatch */.ss)(`a/${rel}`, `b/${rel}`, before, after, '', '', { context: 3 }).replace(/^=+\n/, '');
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/src/report/summary.js

function summarize(findings) {
    const s = { errors: 0, warnings: 0, notes: 0 };
    for (const f of findings) {
        if (f.severity === 'error')
            s.errors++;
        else if (f.severity === 'warning')
            s.warnings++;
        else
            s.notes++;
    }
    return s;
}
/** Paths in reports are relative to the working directory, with forward slashes (as SARIF and GitHub want). */
function relativeFile(file, cwd) {
    const rel = external_node_path_.relative(cwd, file);
    return (rel === '' ? external_node_path_.basename(file) : rel).split(external_node_path_.sep).join('/');
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./lib/src/report/github.js

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' };
// Workflow-command escaping, as @actions/core does it: data escapes %, CR, LF; properties also : and ,.
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `--format github`: one workflow-command annotation per finding, with file, line and col. */
function renderGithub(findings, cwd) {
    return findings
        .map((f) => {
        const props = [
            `file=${escapeProperty(relativeFile(f.pos.file, cwd))}`,
            `line=${f.pos.line}`,
            `col=${f.pos.column}`,
            `title=${escapeProperty(`stackgate ${f.rule}`)}`,
        ].join(',');
        return `::${COMMAND[f.severity]} ${props}::${escapeData(`${f.message}\nFix: ${f.fix.description}`)}\n`;
    })
        .join('');
}

;// CONCATENATED MODULE: ./lib/src/report/json.js

/** The `--format json` contract: other tools parse this, so its shape never changes. */
function renderJson(findings, cwd) {
    const out = {
        findings: findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            file: relativeFile(f.pos.file, cwd),
            line: f.pos.line,
            column: f.pos.column,
            ...(f.service !== undefined ? { service: f.service } : {}),
            fix: f.fix.description,
        })),
        summary: summarize(findings),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./lib/src/rules/rule.js
const DOCS_BASE = 'https://github.com/stackgate/stackgate/blob/main/docs/rules';
function docsUrl(id) {
    return `${DOCS_BASE}/${id}.md`;
}
/** Builds a finding of `rule` with its default severity (the runner applies overrides). */
function finding(rule, pos, message, fix, extra = {}) {
    return {
        rule: rule.id,
        severity: extra.severity ?? rule.severity,
        message,
        pos,
        fix: typeof fix === 'string' ? { description: fix } : fix,
        ...(extra.service !== undefined ? { service: extra.service } : {}),
        ...(extra.related ? { related: extra.related } : {}),
    };
}

;// CONCATENATED MODULE: ./lib/src/report/sarif.js


const VERSION = '0.1.0';
/** SARIF 2.1.0 as github/codeql-action/upload-sarif accepts it: rule metadata, help links, relative URIs. */
function renderSarif(findings, rules, cwd) {
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const location = (file, line, column) => ({
        physicalLocation: {
            artifactLocation: { uri: relativeFile(file, cwd), uriBaseId: '%SRCROOT%' },
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
                            helpUri: docsUrl(r.id),
                            help: { text: `${r.title}. See ${docsUrl(r.id)}`, markdown: `${r.title}. [Documentation](${docsUrl(r.id)})` },
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
                    message: { text: `${f.message}\nFix: ${f.fix.description}` },
                    locations: [location(f.pos.file, f.pos.line, f.pos.column)],
                    ...(f.related?.length
                        ? {
                            relatedLocations: f.related.map((r, i) => ({
                                id: i + 1,
                                ...location(r.pos.file, r.pos.line, r.pos.column),
                                message: { text: r.message },
                            })),
                        }
                        : {}),
                    ...(f.fix.edits?.length
                        ? {
                            fixes: [
                                {
                                    description: { text: f.fix.description },
                                    artifactChanges: groupEdits(f).map(([file, edits]) => ({
                                        artifactLocation: { uri: relativeFile(file, cwd), uriBaseId: '%SRCROOT%' },
                                        replacements: edits.map((e) => ({
                                            deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                                            insertedContent: { text: e.text },
                                        })),
                                    })),
                                },
                            ],
                        }
                        : {}),
                    partialFingerprints: { 'stackgate/v1': `${f.rule}:${relativeFile(f.pos.file, cwd)}:${f.message}` },
                })),
            },
        ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}
function groupEdits(f) {
    const m = new Map();
    for (const e of f.fix.edits ?? [])
        m.set(e.file, [...(m.get(e.file) ?? []), e]);
    return [...m];
}

;// CONCATENATED MODULE: ./lib/src/report/text.js


/** A two-line code frame: the source line and a caret under the column. */
function codeFrame(lines, line, column) {
    const src = lines?.[line - 1];
    if (src === undefined)
        return '';
    const gutter = String(line).padStart(5);
    const shown = src.replace(/\t/g, ' ').slice(0, 160);
    return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, Math.min(column - 1, shown.length)))}^\n`;
}
/** Human output: grouped by file, each finding with its code frame and fix. */
function renderText(findings, cwd) {
    if (findings.length === 0)
        return 'No findings.\n';
    const byFile = new Map();
    for (const f of findings)
        byFile.set(f.pos.file, [...(byFile.get(f.pos.file) ?? []), f]);
    let out = '';
    for (const [file, list] of byFile) {
        let lines;
        try {
            lines = (0,external_node_fs_.readFileSync)(file, 'utf8').split(/\r?\n/);
        }
        catch {
            lines = undefined;
        }
        out += `${relativeFile(file, cwd)}\n`;
        for (const f of list) {
            out += `  ${f.pos.line}:${f.pos.column}  ${f.severity.padEnd(7)} ${f.message}  [${f.rule}]\n`;
            out += codeFrame(lines, f.pos.line, f.pos.column)
                .split('\n')
                .filter(Boolean)
                .map((l) => `  ${l}\n`)
                .join('');
            out += `    fix: ${f.fix.description}${f.fix.edits?.length ? ' (--fix can apply this)' : ''}\n`;
        }
        out += '\n';
    }
    const s = summarize(findings);
    out += `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}\n`;
    return out;
}

;// CONCATENATED MODULE: ./lib/src/project/scope.js
const childCache = new WeakMap();
/** Directives directly inside a block (includes expanded), or at the top level for `undefined`. */
function childrenOf(view, block) {
    let index = childCache.get(view);
    if (!index) {
        index = new Map();
        for (const p of view.directives) {
            const parent = p.parents[p.parents.length - 1];
            const list = index.get(parent) ?? [];
            list.push(p);
            index.set(parent, list);
        }
        childCache.set(view, index);
    }
    return index.get(block) ?? [];
}
/** Every placed directive with this name (in load order). */
function directivesNamed(view, ...names) {
    return view.directives.filter((p) => names.includes(p.d.directive));
}
/**
 * nginx's inheritance for array-type directives (proxy_set_header, add_header, ssl_*, resolver …):
 * the innermost level that sets the directive at all wins, and outer levels are ignored there.
 * `chain` is the enclosing blocks, outermost first, ending with the block being asked about.
 */
function effective(view, chain, name) {
    for (let i = chain.length - 1; i >= -1; i--) {
        const block = i >= 0 ? chain[i] : undefined;
        const hits = childrenNamed(view, block, name);
        if (hits.length)
            return hits;
    }
    return [];
}
const namedCache = new WeakMap();
/** childrenOf filtered by name, indexed once per block (http and main levels can hold thousands of servers). */
function childrenNamed(view, block, name) {
    let perBlock = namedCache.get(view);
    if (!perBlock) {
        perBlock = new Map();
        namedCache.set(view, perBlock);
    }
    let byName = perBlock.get(block);
    if (!byName) {
        byName = new Map();
        for (const p of childrenOf(view, block)) {
            const list = byName.get(p.d.directive);
            if (list)
                list.push(p);
            else
                byName.set(p.d.directive, [p]);
        }
        perBlock.set(block, byName);
    }
    return byName.get(name) ?? [];
}
/** The chain of blocks a directive sits in, plus the directive itself when it is a block. */
function chainOf(p) {
    return p.d.block ? [...p.parents, p.d] : [...p.parents];
}
function posOf(d) {
    return { file: d.file, line: d.line, column: d.column };
}
function argPosOf(d, index) {
    const a = d.argPos[index];
    return a ? { file: d.file, line: a.line, column: a.column } : posOf(d);
}
/** The innermost enclosing block with this name. */
function enclosing(p, name) {
    for (let i = p.parents.length - 1; i >= 0; i--)
        if (p.parents[i].directive === name)
            return p.parents[i];
    return undefined;
}
/** The container path nginx knows a parsed file by, for messages that quote nginx ("in /etc/nginx/conf.d/x.conf:2"). */
function nginxPathOf(p) {
    return p.file.containerPath ?? p.file.file;
}

;// CONCATENATED MODULE: ./lib/src/rules/add-header-redefinition.js


const SECURITY_HEADERS = new Set([
    'strict-transport-security',
    'content-security-policy',
    'content-security-policy-report-only',
    'x-frame-options',
    'x-content-type-options',
    'referrer-policy',
    'permissions-policy',
    'cross-origin-opener-policy',
    'cross-origin-embedder-policy',
    'cross-origin-resource-policy',
    'x-xss-protection',
    'x-permitted-cross-domain-policies',
]);
const FIELD_DIRECTIVES = ['add_header', 'add_trailer'];
const addHeaderRedefinition = {
    id: 'add-header-redefinition',
    severity: 'warning',
    title: 'A nested add_header silently drops every add_header of the outer level',
    check(view) {
        const out = [];
        for (const block of view.directives) {
            if (!block.d.block || !['server', 'location', 'if'].includes(block.d.directive))
                continue;
            for (const name of FIELD_DIRECTIVES) {
                // effective() returns the block's own lines when it has any (indexed, unlike a scan of its children).
                const own = effective(view, [...block.parents, block.d], name);
                if (own[0]?.parents.at(-1) !== block.d)
                    continue;
                // nginx ≥ 1.29.3: "add_header_inherit merge" keeps the outer ones.
                const mode = effective(view, [...block.parents, block.d], `${name}_inherit`).at(-1)?.d.args[0];
                if (mode?.toLowerCase() === 'merge')
                    continue;
                const inherited = effective(view, block.parents, name);
                if (inherited.length === 0)
                    continue;
                const ownNames = new Set(own.map((c) => c.d.args[0]?.toLowerCase()));
                const dropped = [
                    ...new Map(inherited
                        .filter((c) => !ownNames.has(c.d.args[0]?.toLowerCase()))
                        .map((c) => [c.d.args[0].toLowerCase(), c])).values(),
                ];
                if (dropped.length === 0)
                    continue;
                const level = inherited[0].parents.at(-1);
                const levelName = level
                    ? `${level.directive}${level.args.length ? ` ${level.args.join(' ')}` : ''}`
                    : 'the main level';
                const security = dropped.filter((c) => SECURITY_HEADERS.has(c.d.args[0].toLowerCase()));
                const names = dropped.map((c) => `"${c.d.args[0]}"`).join(', ');
                const where = `${block.d.directive}${block.d.args.length ? ` ${block.d.args.join(' ')}` : ''}`;
                out.push(finding(addHeaderRedefinition, posOf(own[0].d), `${where} has its own ${name}, so nginx drops ${names} set in ${levelName} (line ${inherited[0].d.line}) for these responses${security.length ? `, including the security header(s) ${security.map((c) => `"${c.d.args[0]}"`).join(', ')}` : ''}.`, `Repeat the outer ${name} lines in ${where} (or move them into an include used at both levels), or on nginx 1.29.3+ add "${name}_inherit merge;".`, {
                    ...(view.proxy ? { service: view.proxy.name } : {}),
                    related: dropped.map((c) => ({ pos: posOf(c.d), message: `dropped: ${c.d.args[0]}` })),
                }));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/alias-traversal.js


const aliasTraversal = {
    id: 'alias-traversal',
    severity: 'warning',
    title: 'A prefix location without a trailing slash uses an alias with one (path traversal)',
    check(view) {
        const out = [];
        for (const p of directivesNamed(view, 'alias')) {
            const location = p.parents.at(-1);
            const target = p.d.args[0];
            if (location?.directive !== 'location' || target === undefined)
                continue;
            // Only plain and ^~ prefix locations: "=", regex and named locations do not append the rest of the URI.
            const [first, second] = location.args;
            const prefix = first === '^~' ? second : first;
            if (prefix === undefined || prefix.startsWith('@') || ['=', '~', '~*'].includes(first ?? ''))
                continue;
            if (prefix.endsWith('/') || !target.endsWith('/'))
                continue;
            out.push(finding(aliasTraversal, argPosOf(p.d, 0), `location ${prefix} has no trailing slash but alias ${target} has one: a request for ${prefix}../ is mapped to ${target}../ and reads files outside ${target} (path traversal, e.g. the parent directory of ${target}).`, `Make both end in a slash: "location ${prefix}/ { alias ${target}; }" (or drop the slash from both).`, {
                ...(view.proxy ? { service: view.proxy.name } : {}),
                related: [{ pos: posOf(location), message: 'the location' }],
            }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/project/targets.js
const cache = new WeakMap();
/** Upstream references that resolve to a service of this project (not the proxy itself). */
function upstreamTargets(view) {
    let list = cache.get(view);
    if (!list) {
        list = [];
        for (const ref of view.upstreamRefs) {
            if (ref.host === '')
                continue;
            const res = view.resolve(ref.host);
            if (res.ok && res.service && res.service !== view.proxy)
                list.push({ ref, service: res.service });
        }
        cache.set(view, list);
    }
    return list;
}

;// CONCATENATED MODULE: ./lib/src/rules/backend-port-published.js


function loopbackOnly(hostIp) {
    return hostIp !== undefined && (/^127\./.test(hostIp) || hostIp === '::1' || hostIp === '[::1]');
}
const backendPortPublished = {
    id: 'backend-port-published',
    severity: 'warning',
    title: 'A service behind the proxy publishes host ports, bypassing nginx',
    check(view) {
        const proxy = view.proxy;
        if (!proxy?.active)
            return [];
        const out = [];
        const backends = new Map();
        for (const t of upstreamTargets(view))
            if (!backends.has(t.service))
                backends.set(t.service, `${t.ref.host}:${t.ref.effectivePort}`);
        for (const [service, via] of backends) {
            if (!service.active || service.networkMode.kind === 'host')
                continue;
            for (const m of service.ports) {
                if (loopbackOnly(m.hostIp))
                    continue;
                const host = m.published === undefined ? 'a random host port' : `host port ${m.published}`;
                out.push(finding(backendPortPublished, m.pos, `"${service.name}" sits behind "${proxy.name}" (nginx reaches it as ${via}) but also publishes container port ${m.target} on ${host}: clients can bypass nginx and its TLS, headers and limits, and Docker's published ports skip host firewalls such as UFW`, `Remove this ports entry (nginx reaches "${service.name}" over the compose network), or bind it to loopback for debugging: "127.0.0.1:${m.published ?? m.target}:${m.target}".`, { service: service.name }));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/bind-mount-source-missing.js



const bindMountSourceMissing = {
    id: 'bind-mount-source-missing',
    severity: 'error',
    title: 'A bind mount source that does not exist on the host',
    check(view) {
        const out = [];
        const projectDir = view.compose.projectDir;
        for (const service of view.compose.services) {
            if (!service.active)
                continue;
            for (const m of service.volumes) {
                if (m.type !== 'bind' || m.hostPath === undefined || (0,external_node_fs_.existsSync)(m.hostPath))
                    continue;
                const rel = external_node_path_.relative(projectDir, m.hostPath);
                const inProject = !rel.startsWith('..') && !external_node_path_.isAbsolute(rel);
                const shown = m.source ?? m.hostPath;
                const message = m.short
                    ? `bind source "${shown}" does not exist: docker compose creates an empty directory at ${m.hostPath} and mounts it at ${m.target}, so "${service.name}" sees a directory where it expects ${/\.[a-z0-9]+$/i.test(m.target) ? 'a file (and fails with "not a directory" if the image has a file there)' : 'your files'}`
                    : `bind source "${shown}" does not exist: docker compose up fails with "invalid mount config for type \\"bind\\": bind source path does not exist: ${m.hostPath}"`;
                out.push(finding(bindMountSourceMissing, m.pos, inProject ? message : `${message} (checked on this machine; it may exist on the deployment host)`, `Create ${inProject ? `./${rel.split(external_node_path_.sep).join('/')}` : m.hostPath} before starting, or correct the source path${m.short ? '; a file mount of a missing file is never what you want' : ''}.`, { service: service.name, ...(inProject ? {} : { severity: 'warning' }) }));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/compose-diagnostics.js
/** The compose loader finds these while reading; the rules only surface its diagnostics by id. */
function loaderRule(id, title) {
    return {
        id,
        severity: 'error',
        title,
        check: (view) => view.compose.diagnostics.filter((f) => f.rule === id),
    };
}
const composeInvalid = loaderRule('compose-invalid', 'YAML syntax error or compose-spec schema violation');
const composeInterpolation = loaderRule('compose-interpolation', 'A required variable (${VAR:?}/${VAR?}) is unset, or the interpolation syntax is bad');
const composeReference = loaderRule('compose-reference', 'A reference to an undefined service, network or volume');

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./lib/src/fix/yaml-edit.js


/** Where a line starts, and the run of spaces that indents it. */
function lineIndent(text, offset) {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(start))[0];
}
/** End of the line holding the last non-blank character before `offset` (so comments on it stay put). */
function endOfContent(text, offset) {
    let i = offset;
    while (i > 0 && /\s/.test(text[i - 1]))
        i--;
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
}
function serviceMap(text, service) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: false, uniqueKeys: false });
    const node = doc.getIn(['services', service], true);
    return node && (0,dist/* isMap */.jh)(node) ? node : undefined;
}
/**
 * An edit that adds an entry to `services.<service>.<key>` in a compose file, keeping comments and
 * layout: appends to a block or flow sequence, adds a key to a block mapping, or creates the key.
 * `entry` gives the list form and the mapping form, since either may be in use.
 */
function addToServiceKey(file, service, key, entry, text = (0,external_node_fs_.readFileSync)(file, 'utf8')) {
    const map = serviceMap(text, service);
    if (!map?.range)
        return undefined;
    const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    const firstKey = map.items[0]?.key;
    const keyIndent = firstKey?.range ? lineIndent(text, firstKey.range[0]) : '    ';
    const step = keyIndent.length >= 2 ? keyIndent.slice(0, 2).replace(/\t/g, '  ') : '  ';
    if (!pair) {
        const at = endOfContent(text, map.range[1]);
        return { file, start: at, end: at, text: `\n${keyIndent}${key}:\n${keyIndent}${step}- ${entry.item}` };
    }
    const value = pair.value;
    if (!value || ((0,dist/* isScalar */.jn)(value) && value.value === null)) {
        const at = endOfContent(text, pair.key.range[1]);
        return { file, start: at, end: at, text: `\n${keyIndent}${step}- ${entry.item}` };
    }
    if (!value.range)
        return undefined;
    if ((0,dist/* isSeq */.oP)(value)) {
        if (value.flow) {
            const close = text.lastIndexOf(']', value.range[1]);
            const empty = value.items.length === 0;
            return { file, start: close, end: close, text: empty ? entry.item : `, ${entry.item}` };
        }
        const last = value.items[value.items.length - 1];
        const indent = lineIndent(text, value.items[0]?.range?.[0] ?? value.range[0]);
        const at = endOfContent(text, last?.range?.[1] ?? value.range[1]);
        return { file, start: at, end: at, text: `\n${indent}- ${entry.item}` };
    }
    if ((0,dist/* isMap */.jh)(value)) {
        if (value.flow) {
            const close = text.lastIndexOf('}', value.range[1]);
            const body = entry.mapBody?.length ? ` {${entry.mapBody.join(', ')}}` : ' {}';
            return { file, start: close, end: close, text: `${value.items.length ? ', ' : ''}${entry.mapKey}:${body}` };
        }
        const first = value.items[0]?.key;
        const indent = first?.range ? lineIndent(text, first.range[0]) : `${keyIndent}${step}`;
        const at = endOfContent(text, value.range[1]);
        const body = entry.mapBody?.length ? entry.mapBody.map((l) => `\n${indent}${step}${l}`).join('') : ' {}';
        return { file, start: at, end: at, text: `\n${indent}${entry.mapKey}:${body}` };
    }
    return undefined;
}
/** An edit that deletes a top-level key (with its value and trailing newline), e.g. `version: "3"`. */
function deleteTopLevelKey(file, key, text = (0,external_node_fs_.readFileSync)(file, 'utf8')) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: false });
    if (!(0,dist/* isMap */.jh)(doc.contents))
        return undefined;
    const pair = doc.contents.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    const keyRange = pair?.key?.range;
    if (!pair || !keyRange)
        return undefined;
    const start = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
    const valueEnd = pair.value?.range?.[1] ?? keyRange[1];
    let end = endOfContent(text, valueEnd);
    if (text[end] === '\n')
        end++;
    // Drop one blank line that separated it from what follows.
    if (text[end] === '\n')
        end++;
    return { file, start, end, text: '' };
}

;// CONCATENATED MODULE: ./lib/src/rules/compose-version-obsolete.js


const composeVersionObsolete = {
    id: 'compose-version-obsolete',
    severity: 'note',
    title: 'The top-level `version:` key is obsolete',
    fixable: true,
    check(view) {
        const version = view.compose.version;
        if (!version)
            return [];
        const edit = deleteTopLevelKey(version.pos.file, 'version');
        return [
            finding(composeVersionObsolete, version.pos, `"version: ${version.value}" is obsolete: docker compose ignores it and warns "the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion"`, { description: 'Delete the top-level `version:` line.', ...(edit ? { edits: [edit] } : {}) }),
        ];
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/error-log-debug.js


const errorLogDebug = {
    id: 'error-log-debug',
    severity: 'note',
    title: 'error_log is at the debug level',
    check(view) {
        const out = [];
        for (const p of directivesNamed(view, 'error_log')) {
            const at = p.d.args.findIndex((a, i) => i > 0 && a.toLowerCase() === 'debug');
            if (at < 0)
                continue;
            out.push(finding(errorLogDebug, argPosOf(p.d, at), `error_log ${p.d.args.join(' ')} logs at the lowest level: the image's plain nginx binary then writes every info message (each client connection closed or timed out), and the nginx-debug binary writes dozens of lines per request, including headers. Disks fill and real errors drown.`, `Use "error_log ${p.d.args[0]} warn;" (or "error", the default) and turn debug on only while investigating.`, view.proxy ? { service: view.proxy.name } : {}));
        }
        return out;
    },
};

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./lib/src/rules/host-port-conflict.js


/** Whether two host IPs can collide: no IP binds every address; 0.0.0.0 covers IPv4, :: covers IPv6. */
function overlaps(a, b) {
    if (a === undefined || b === undefined)
        return true;
    const norm = (ip) => ip.replace(/^\[|\]$/g, '');
    const [x, y] = [norm(a), norm(b)];
    if (x === y)
        return true;
    const family = (ip) => (0,external_node_net_.isIP)(ip);
    if (x === '0.0.0.0')
        return family(y) === 4;
    if (y === '0.0.0.0')
        return family(x) === 4;
    if (x === '::')
        return family(y) === 6;
    if (y === '::')
        return family(x) === 6;
    return false;
}
function hostLabel(m) {
    return `${m.hostIp ?? '0.0.0.0'}:${m.published}`;
}
const hostPortConflict = {
    id: 'host-port-conflict',
    severity: 'error',
    title: 'Two services (or one twice) publish the same host port and protocol',
    check(view) {
        const out = [];
        const seen = [];
        for (const service of view.compose.services) {
            // Host networking discards `ports`; inactive services never start.
            if (!service.active || service.networkMode.kind === 'host')
                continue;
            for (const m of service.ports) {
                if (m.published === undefined)
                    continue;
                const clash = seen.find((s) => s.m.published === m.published && s.m.protocol === m.protocol && overlaps(s.m.hostIp, m.hostIp));
                seen.push({ service, m });
                if (!clash)
                    continue;
                const same = clash.service === service;
                const who = same
                    ? `"${service.name}" publishes it twice`
                    : `"${clash.service.name}" publishes it too`;
                out.push(finding(hostPortConflict, m.pos, `host port ${m.published}/${m.protocol} is already taken: ${who}; docker compose up fails with "Bind for ${hostLabel(m)} failed: port is already allocated"`, same
                    ? `Remove the duplicate ports entry of "${service.name}", or publish a different host port.`
                    : `Publish a different host port for "${service.name}" (e.g. "${m.published + 1}:${m.target}"), or drop the mapping if only the proxy needs to reach it.`, {
                    service: service.name,
                    related: [
                        {
                            pos: clash.m.pos,
                            message: `"${clash.service.name}" publishes ${m.published}/${m.protocol} here`,
                        },
                    ],
                }));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/variables.js

const CLEAN = { user: false, newline: false, slashFirst: false };
/** Splits an nginx value into literal text and `$name` / `${name}` / `$1` references. */
function splitValue(value) {
    const parts = [];
    const re = /\$(?:\{([A-Za-z0-9_]+)\}|([0-9]|[A-Za-z_][A-Za-z0-9_]*))/g;
    let last = 0;
    for (const m of value.matchAll(re)) {
        if (m.index > last)
            parts.push({ kind: 'text', text: value.slice(last, m.index) });
        parts.push({ kind: 'var', name: (m[1] ?? m[2]) });
        last = m.index + m[0].length;
    }
    if (last < value.length)
        parts.push({ kind: 'text', text: value.slice(last) });
    return parts;
}
/** Built-in variables that carry request data (nginx decodes $uri, so %0A becomes a line feed there). */
function builtinTaint(name) {
    const n = name.toLowerCase();
    if (n === 'uri' || n === 'document_uri' || n === 'fastcgi_path_info')
        return { user: true, newline: true, slashFirst: n !== 'fastcgi_path_info' };
    if (n === 'request_uri')
        return { user: true, newline: false, slashFirst: true };
    if (n === 'request_body')
        return { user: true, newline: true, slashFirst: false };
    if (n === 'args' || n === 'query_string' || n === 'request' || n === 'http_host' || n === 'content_type')
        return { user: true, newline: false, slashFirst: false };
    if (/^(arg|http|cookie)_/.test(n))
        return { user: true, newline: false, slashFirst: false };
    return undefined;
}
/** Capture groups of a PCRE pattern, by number ("1") and by name. */
function captureGroups(pattern) {
    const groups = new Map();
    const open = [];
    let count = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            i++;
            continue;
        }
        if (c === '[') {
            i = classEnd(pattern, i);
            continue;
        }
        if (c === '(') {
            if (pattern[i + 1] !== '?') {
                open.push({ start: i + 1, key: String(++count) });
                continue;
            }
            const named = /^\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(i));
            if (named) {
                open.push({ start: i + named[0].length, key: String(++count), name: (named[1] ?? named[2]) });
                i += named[0].length - 1;
            }
            else
                open.push({ start: i + 1 });
            continue;
        }
        if (c === ')') {
            const g = open.pop();
            if (!g?.key)
                continue;
            const group = { source: pattern.slice(g.start, i) };
            groups.set(g.key, group);
            if (g.name)
                groups.set(g.name, group);
        }
    }
    return groups;
}
/** Index of the `]` closing the class that starts at `start`. */
function classEnd(pattern, start) {
    let i = start + 1;
    if (pattern[i] === '^')
        i++;
    if (pattern[i] === ']')
        i++;
    for (; i < pattern.length; i++) {
        if (pattern[i] === '\\')
            i++;
        else if (pattern[i] === ']')
            return i;
    }
    return pattern.length;
}
/** The single-character atoms of a pattern (classes, escapes, `.`, literals), ignoring structure. */
function atoms(pattern) {
    const out = [];
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            out.push(pattern.slice(i, i + 2));
            i++;
        }
        else if (c === '[') {
            const end = classEnd(pattern, i);
            out.push(pattern.slice(i, end + 1));
            i = end;
        }
        else if (c === '(' && pattern[i + 1] === '?') {
            // Skip group syntax: (?:  (?<name>  (?P<name>  (?=  (?i)
            const m = /^\(\?(?:P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|<?[=!]|[:>|]|[a-zA-Z-]*[:)])/.exec(pattern.slice(i));
            if (m)
                i += m[0].length - 1;
        }
        else if (c === '{') {
            const m = /^\{\d*,?\d*\}/.exec(pattern.slice(i));
            if (m)
                i += m[0].length - 1;
            else
                out.push(c);
        }
        else if (!'()|*+?^$'.includes(c))
            out.push(c);
    }
    return out;
}
/** Whether some atom of `pattern` matches `ch` (PCRE and JS agree on classes, escapes and `.` here). */
function canMatchChar(pattern, ch, ignoreCase = false) {
    if (/\(\?[a-z]*s[a-z]*[):]/.test(pattern) && ch === '\n' && /(^|[^\\])\./.test(pattern))
        return true; // (?s) dotall
    for (const atom of atoms(pattern)) {
        if (atom === '\\R' || atom === '\\v' || atom === '\\N') {
            if (ch === '\n' && atom !== '\\N')
                return true;
            continue;
        }
        try {
            if (new RegExp(`^(?:${atom})$`, ignoreCase ? 'i' : '').test(ch))
                return true;
        }
        catch {
            // A PCRE-only construct: assume it does not match rather than invent a finding.
        }
    }
    return false;
}
/** A capture always starts with "/" when its pattern begins with a mandatory literal slash. */
function startsWithSlash(source) {
    return /^(?:\^)?(?:\\\/|\/)(?![?*]|\{0)/.test(source);
}
/** Regexes whose captures may be in effect at a directive, innermost first (regex `if`s, then a regex location). */
function captureSources(p, view, depth) {
    const out = [];
    for (let i = p.parents.length - 1; i >= 0; i--) {
        const b = p.parents[i];
        if (b.directive === 'location' && (b.args[0] === '~' || b.args[0] === '~*') && b.args[1] !== undefined) {
            out.push({
                pattern: b.args[1],
                subject: { user: true, newline: true, slashFirst: true },
                icase: b.args[0] === '~*',
            });
        }
        if (b.directive === 'if') {
            const cond = ifRegex(b);
            if (cond)
                out.push({
                    pattern: cond.pattern,
                    subject: valueTaint(view, p, cond.subject, depth + 1),
                    icase: cond.icase,
                });
        }
    }
    return out;
}
/** `if ($var ~ regex)` → its parts; undefined for other conditions. */
function ifRegex(b) {
    // The parser already removed the parentheses, as crossplane does.
    const [subject, op, pattern] = b.args;
    if (subject === undefined || op === undefined || pattern === undefined || !/^!?~\*?$/.test(op))
        return undefined;
    return { subject, op, pattern, icase: op.endsWith('*') };
}
const definitionCache = new WeakMap();
/** The `set $name …` and `map … $name {…}` directives that define a variable (names are case-insensitive). */
function definitionsOf(view, name) {
    let index = definitionCache.get(view);
    if (!index) {
        index = new Map();
        for (const p of directivesNamed(view, 'set', 'map')) {
            const target = p.d.args[p.d.directive === 'set' ? 0 : 1]?.replace(/^\$/, '').toLowerCase();
            if (target === undefined || (p.d.directive === 'map' && !p.d.block))
                continue;
            const list = index.get(target);
            if (list)
                list.push(p);
            else
                index.set(target, [p]);
        }
        definitionCache.set(view, index);
    }
    return index.get(name.toLowerCase()) ?? [];
}
/** The taint of one variable as seen by directive `p`. */
function variableTaint(view, p, name, depth = 0, innermost) {
    if (depth > 8)
        return CLEAN;
    // $1…$9 come from the last regex that matched; named captures stay set from any of them.
    const sources = [...(innermost ? [innermost] : []), ...captureSources(p, view, depth)];
    for (const source of /^\d$/.test(name) ? sources.slice(0, 1) : sources) {
        const group = captureGroups(source.pattern).get(name);
        if (group) {
            if (!source.subject.user)
                return CLEAN;
            return {
                user: true,
                newline: source.subject.newline && canMatchChar(group.source, '\n', source.icase),
                slashFirst: startsWithSlash(group.source),
            };
        }
    }
    if (/^\d$/.test(name))
        return CLEAN;
    const builtin = builtinTaint(name);
    if (builtin)
        return builtin;
    // `set $x …;` and `map $src $x {…}` make user data flow into $x.
    let acc;
    const merge = (t) => {
        acc = acc
            ? {
                user: acc.user || t.user,
                newline: acc.newline || t.newline,
                slashFirst: acc.slashFirst && t.slashFirst,
            }
            : t;
    };
    for (const def of definitionsOf(view, name)) {
        if (def.d.directive === 'set') {
            if (def.d.args[1] !== undefined)
                merge(valueTaint(view, def, def.d.args[1], depth + 1));
            continue;
        }
        for (const entry of def.d.block ?? []) {
            const v = entry.args[0];
            if (v !== undefined && entry.directive !== 'hostnames')
                merge(valueTaint(view, def, v, depth + 1));
        }
    }
    return acc ?? CLEAN;
}
/** The combined taint of a value; slashFirst when it begins with "/" or a slash-first variable. */
function valueTaint(view, p, value, depth = 0, innermost) {
    const parts = splitValue(value);
    let user = false;
    let newline = false;
    for (const part of parts) {
        if (part.kind !== 'var')
            continue;
        const t = variableTaint(view, p, part.name, depth, innermost);
        user ||= t.user;
        newline ||= t.newline;
    }
    const first = parts[0];
    const slashFirst = first === undefined
        ? false
        : first.kind === 'text'
            ? first.text.startsWith('/')
            : variableTaint(view, p, first.name, depth, innermost).slashFirst;
    return { user, newline, slashFirst };
}

;// CONCATENATED MODULE: ./lib/src/rules/host-spoofing.js



/** Variables carrying a client-supplied host unchecked ($host is validated and falls back to server_name). */
function rawHostVariables(value) {
    return splitValue(value)
        .filter((p) => p.kind === 'var' && /^(http_|arg_|cookie_)/i.test(p.name))
        .map((p) => `$${p.name}`);
}
const hostSpoofing = {
    id: 'host-spoofing',
    severity: 'warning',
    title: 'The Host header sent upstream is copied from the client unchecked',
    check(view) {
        const out = [];
        for (const p of directivesNamed(view, 'proxy_set_header', 'grpc_set_header')) {
            const [name, value] = p.d.args;
            if (name?.toLowerCase() !== 'host' || value === undefined)
                continue;
            const vars = rawHostVariables(value);
            if (vars.length === 0)
                continue;
            out.push(finding(hostSpoofing, argPosOf(p.d, 1), `${p.d.directive} Host ${value} forwards the Host the client sent (${vars.join(', ')}), unvalidated and even when it matches no server_name: the backend builds links, redirects and password-reset mails for a host the attacker chooses.`, `Use "${p.d.directive} Host $host;" ($host is the validated request host, or server_name when the client sent none).`, view.proxy ? { service: view.proxy.name } : {}));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/fix/nginx-edit.js
function lineStart(text, offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
}
function indentAt(text, offset) {
    return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))[0];
}
/**
 * Inserts directives on new lines after `after` (a simple directive), with its indentation, or at the
 * start of `block`'s body when `after` is the block itself. The file text must be the host file's.
 */
function insertDirectives(text, file, anchor, lines) {
    if (anchor.block) {
        const open = text.indexOf('{', anchor.start);
        const inner = `${indentAt(text, anchor.start)}${detectStep(text)}`;
        return { file, start: open + 1, end: open + 1, text: lines.map((l) => `\n${inner}${l}`).join('') };
    }
    const indent = indentAt(text, anchor.start);
    return { file, start: anchor.end, end: anchor.end, text: lines.map((l) => `\n${indent}${l}`).join('') };
}
/** The file's indentation step (the smallest non-zero leading run of spaces), four spaces by default. */
function detectStep(text) {
    let best;
    for (const m of text.matchAll(/\n([ \t]+)\S/g)) {
        const run = m[1];
        if (!best || run.length < best.length)
            best = run;
    }
    return best ?? '    ';
}

;// CONCATENATED MODULE: ./lib/src/project/images.js
// Built-in knowledge of the container ports common images listen on, so that a proxy_pass to a
// service without `expose`/`ports` can still be checked. Only images whose default port is certain.
/** Splits `registry/repo:tag@digest` the way docker does (first component is a registry if it looks like a host). */
function parseImageRef(image) {
    let rest = image.trim();
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    let registry;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            registry = first;
            rest = rest.slice(slash + 1);
        }
    }
    if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io') {
        registry = undefined;
    }
    let repository = rest.toLowerCase();
    if (registry === undefined && repository.startsWith('library/'))
        repository = repository.slice('library/'.length);
    return {
        repository,
        ...(registry !== undefined ? { registry: registry.toLowerCase() } : {}),
        ...(tag !== undefined && tag !== '' ? { tag } : {}),
        ...(digest !== undefined && digest !== '' ? { digest } : {}),
    };
}
/** Registry + repository, `ghcr.io/librespeed/speedtest` or `nginx` for Docker Hub. */
function imageName(ref) {
    return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
// The upstream LibreSpeed image (ghcr, mirrored on Docker Hub) moved from :80 to :8080 in 5.5.0.
const LIBRESPEED_VERSIONED = new Set(['ghcr.io/librespeed/speedtest', 'librespeed/speedtest']);
const LIBRESPEED_ON_80 = new Set([
    'adolfintel/speedtest',
    'linuxserver/librespeed',
    'lscr.io/linuxserver/librespeed',
    'ghcr.io/linuxserver/librespeed',
]);
function isLibreSpeedImage(image) {
    if (!image)
        return false;
    const name = imageName(parseImageRef(image));
    return LIBRESPEED_VERSIONED.has(name) || LIBRESPEED_ON_80.has(name);
}
/** The LibreSpeed images whose listening port depends on the version (80 up to 5.4.1, 8080 from 5.5.0). */
function isVersionedLibreSpeedImage(image) {
    return image !== undefined && LIBRESPEED_VERSIONED.has(imageName(parseImageRef(image)));
}
/** `5.4.1`, `v5.5`, `5`, `6.0.0-alpine` → [major, minor, patch]; undefined for `latest`, `nightly` … */
function semverOfTag(tag) {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+_].*)?$/.exec(tag);
    if (!m)
        return undefined;
    return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}
function libreSpeedPorts(ref) {
    const name = imageName(ref);
    if (LIBRESPEED_ON_80.has(name))
        return { ports: [80], source: `${name} listens on 80` };
    const tag = ref.tag;
    if (tag === undefined && ref.digest !== undefined) {
        // A pinned digest hides the version: accept either port rather than guess.
        return {
            ports: [8080, 80],
            source: `${name} (version unknown from a digest) listens on 8080 from 5.5.0, 80 before`,
        };
    }
    if (tag === undefined || tag === 'latest' || /^latest[-_]/.test(tag)) {
        return { ports: [8080], source: `${name}:${tag ?? 'latest'} listens on 8080 (since LibreSpeed 5.5.0)` };
    }
    const v = semverOfTag(tag);
    if (!v)
        return {
            ports: [8080, 80],
            source: `${name}:${tag} (version unknown) listens on 8080 from 5.5.0, 80 before`,
        };
    const [major, minor] = v;
    const newPort = major > 5 || (major === 5 && minor >= 5);
    // A bare `5` tag follows the newest 5.x, which is past 5.5.0.
    const bareFive = /^v?5(?:[-+_].*)?$/.test(tag);
    return newPort || bareFive
        ? { ports: [8080], source: `${name}:${tag} listens on 8080 (LibreSpeed 5.5.0 and later)` }
        : { ports: [80], source: `${name}:${tag} listens on 80 (LibreSpeed up to 5.4.1; 8080 from 5.5.0)` };
}
// Default listening ports of well-known images (default configuration, any tag unless noted).
const KNOWN_PORTS = {
    nginx: [80],
    'nginxinc/nginx-unprivileged': [8080],
    httpd: [80],
    caddy: [80, 443],
    'traefik/whoami': [80],
    'containous/whoami': [80],
    'grafana/grafana': [3000],
    'grafana/grafana-oss': [3000],
    'grafana/grafana-enterprise': [3000],
    'prom/prometheus': [9090],
    'prom/alertmanager': [9093],
    'prom/node-exporter': [9100],
    'nodered/node-red': [1880],
    'jenkins/jenkins': [8080, 50000],
    redis: [6379],
    postgres: [5432],
    mysql: [3306, 33060],
    mariadb: [3306],
    mongo: [27017],
    memcached: [11211],
    adminer: [8080],
    'phpmyadmin/phpmyadmin': [80],
    phpmyadmin: [80],
    ghost: [2368],
    'louislam/uptime-kuma': [3001],
    'vaultwarden/server': [80],
    'kennethreitz/httpbin': [80],
    'mccutchen/go-httpbin': [8080],
    'portainer/portainer-ce': [8000, 9000, 9443],
    'gitea/gitea': [22, 3000],
    'hashicorp/consul': [8500, 8600],
    'jaegertracing/all-in-one': [5775, 6831, 6832, 5778, 16686, 14268, 14250, 9411],
};
/** Where a Docker Hub image is also published under another registry with the same repository. */
const MIRROR_REGISTRIES = new Set(['ghcr.io', 'quay.io', 'mirror.gcr.io', 'public.ecr.aws']);
/**
 * The container ports `image` listens on by default, or undefined when not known.
 * `source` says where the knowledge comes from, for messages.
 */
function knownContainerPorts(image) {
    if (!image || image.includes('${'))
        return undefined;
    const ref = parseImageRef(image);
    if (isLibreSpeedImage(image))
        return libreSpeedPorts(ref);
    const name = imageName(ref);
    let ports = KNOWN_PORTS[name];
    if (!ports && ref.registry && MIRROR_REGISTRIES.has(ref.registry))
        ports = KNOWN_PORTS[ref.repository];
    if (!ports)
        return undefined;
    // php-fpm flavours of web images speak FastCGI on 9000, not HTTP on 80.
    if (ref.tag && /(^|[-_.])fpm([-_.]|$)/.test(ref.tag))
        return undefined;
    return { ports: [...ports], source: `image ${name} listens on ${ports.join('/')} by default` };
}
/**
 * The container ports a service listens on, as far as the project says (`expose`, `ports` targets) or
 * the image is known to; undefined when nothing is known. A Dockerfile build makes the image unknowable.
 */
function serviceContainerPorts(service) {
    const declared = [...service.expose.map((e) => e.port), ...service.ports.map((p) => p.target)];
    const image = service.build === undefined ? service.image?.value : undefined;
    // LibreSpeed's images move their web server with the WEBPORT variable.
    const webPort = isLibreSpeedImage(image) ? Number(service.environment.WEBPORT) : Number.NaN;
    const known = Number.isInteger(webPort) && webPort > 0
        ? { ports: [webPort], source: `WEBPORT=${webPort} moves LibreSpeed to ${webPort}` }
        : knownContainerPorts(image);
    const ports = [...new Set([...declared, ...(known?.ports ?? [])])];
    if (!ports.length)
        return undefined;
    const sources = [
        ...(service.expose.length ? ['expose'] : []),
        ...(service.ports.length ? ['ports targets'] : []),
        ...(known ? [known.source] : []),
    ];
    return { ports, source: sources.join('; ') };
}

;// CONCATENATED MODULE: ./lib/src/rules/proxied.js



/** Every `proxy_pass` inside an http `location` (directly or inside `if`/`limit_except`). */
function proxiedLocations(view) {
    const out = [];
    for (const pass of directivesNamed(view, 'proxy_pass')) {
        if (pass.parents.some((p) => p.directive === 'stream'))
            continue;
        const at = pass.parents.map((p) => p.directive).lastIndexOf('location');
        if (at < 0)
            continue;
        out.push({ pass, location: pass.parents[at], chain: pass.parents.slice(0, at + 1) });
    }
    return out;
}
/**
 * Inserts location-level directives right after the proxy_pass, or at the top of the location when the
 * proxy_pass sits in an `if`/`limit_except` (where most http settings are not allowed). Undefined when
 * the file cannot be edited in place (built into the image, or a template that envsubst renders).
 */
function insertAtLocation(pl, lines) {
    const file = pl.pass.file;
    if (file.builtin || file.file.endsWith('.template') || lines.length === 0)
        return undefined;
    const direct = pl.pass.parents[pl.pass.parents.length - 1] === pl.location;
    if (!direct && pl.location.file !== file.file)
        return undefined;
    return insertDirectives(file.text, file.file, direct ? pl.pass.d : pl.location, lines);
}
/** The source text of a directive as written (`proxy_set_header Host $host;`), for copying it elsewhere. */
function directiveText(p) {
    return p.file.text.slice(p.d.start, p.d.end);
}
/** `1.27.3` from `nginx:1.27.3-alpine`; undefined for `latest`, `mainline`, no tag or a digest. */
function proxyNginxVersion(view) {
    const image = view.proxy?.image?.value;
    if (!image)
        return undefined;
    const tag = parseImageRef(image).tag;
    const m = tag ? /^(\d+)\.(\d+)(?:\.(\d+))?(?:-.*)?$/.exec(tag) : null;
    return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}
function versionAtLeast(v, min) {
    for (let i = 0; i < min.length; i++) {
        const a = v[i] ?? 0;
        const b = min[i] ?? 0;
        if (a !== b)
            return a > b;
    }
    return true;
}
/** The `server` block a directive belongs to. */
function serverOf(p) {
    for (let i = p.parents.length - 1; i >= 0; i--)
        if (p.parents[i].directive === 'server')
            return p.parents[i];
    return undefined;
}
/** Servers (http context) that listen with ssl, each with its first ssl listen. */
function sslServers(view) {
    const seen = new Map();
    for (const l of view.listens)
        if (l.ssl && !l.implicit && !seen.has(l.server))
            seen.set(l.server, l.directive);
    return [...seen].map(([server, listen]) => ({ server, listen }));
}
/**
 * Servers that receive requests for any Host: the default server of one of their ports (marked
 * default_server, else the first to listen there), or servers with a regex server_name.
 */
function anyHostServers(view) {
    const out = new Set();
    const firstByPort = new Map();
    for (const l of view.listens) {
        if (!firstByPort.has(l.port))
            firstByPort.set(l.port, l.server);
        if (l.directive.d.args.includes('default_server') || l.directive.d.args.includes('default'))
            out.add(l.server);
    }
    const marked = new Set(view.listens
        .filter((l) => l.directive.d.args.includes('default_server') || l.directive.d.args.includes('default'))
        .map((l) => l.port));
    for (const [port, server] of firstByPort)
        if (!marked.has(port))
            out.add(server);
    for (const p of directivesNamed(view, 'server_name')) {
        const server = p.parents.at(-1);
        if (server?.directive === 'server' && p.d.args.some((a) => a.startsWith('~')))
            out.add(server);
    }
    return out;
}
const byServerCache = new WeakMap();
/** Every directive inside each server block (nested levels included), computed once per view. */
function directivesInServer(view, server) {
    let index = byServerCache.get(view);
    if (!index) {
        index = new Map();
        for (const p of view.directives) {
            const s = p.parents.find((b) => b.directive === 'server');
            if (!s)
                continue;
            const list = index.get(s);
            if (list)
                list.push(p);
            else
                index.set(s, [p]);
        }
        byServerCache.set(view, index);
    }
    return index.get(server) ?? [];
}

;// CONCATENATED MODULE: ./lib/src/rules/hsts-missing.js



const HSTS_LINE = 'add_header Strict-Transport-Security "max-age=31536000" always;';
function hasHsts(view, chain) {
    return effective(view, chain, 'add_header').some((p) => p.d.args[0]?.toLowerCase() === 'strict-transport-security');
}
const hstsMissing = {
    id: 'hsts-missing',
    severity: 'note',
    title: 'An HTTPS server does not send Strict-Transport-Security',
    check(view) {
        const out = [];
        const extra = view.proxy ? { service: view.proxy.name } : {};
        for (const { server, listen } of sslServers(view)) {
            if (listen.parents.at(-1) !== server)
                continue;
            if (!hasHsts(view, listen.parents)) {
                out.push(finding(hstsMissing, posOf(listen.d), `This HTTPS server (listen ${listen.d.args.join(' ')}) sends no Strict-Transport-Security header: browsers keep trying plain http:// first, where a network attacker can strip TLS.`, `Add "${HSTS_LINE}" to the server block (and to any location that has its own add_header).`, extra));
                continue;
            }
            // The server sends it, but a location with its own add_header drops it.
            for (const loc of directivesInServer(view, server)) {
                if (loc.d.directive !== 'location' || !loc.d.block)
                    continue;
                const chain = chainOf(loc);
                if (effective(view, chain, 'add_header_inherit').at(-1)?.d.args[0]?.toLowerCase() === 'merge')
                    continue;
                if (hasHsts(view, chain))
                    continue;
                out.push(finding(hstsMissing, posOf(loc.d), `location ${loc.d.args.join(' ')} has its own add_header, so the server's Strict-Transport-Security header is not sent for it.`, `Repeat "${HSTS_LINE}" inside this location.`, extra));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/http-redirect-missing.js



const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
/** A `return 301 https://…` or `rewrite … https://…` anywhere in the server. */
function redirectsToHttps(view, server) {
    return directivesInServer(view, server).some((p) => {
        const [a, b] = p.d.args;
        if (p.d.directive === 'return') {
            const url = a !== undefined && REDIRECT_CODES.has(a) ? b : p.d.args.length === 1 ? a : undefined;
            return url !== undefined && /^https:\/\//i.test(url);
        }
        return p.d.directive === 'rewrite' && b !== undefined && /^https:\/\//i.test(b);
    });
}
const httpRedirectMissing = {
    id: 'http-redirect-missing',
    severity: 'note',
    title: 'Plain HTTP on port 80 does not redirect to HTTPS',
    check(view) {
        if (sslServers(view).length === 0)
            return [];
        const out = [];
        const extra = view.proxy ? { service: view.proxy.name } : {};
        const published = view.proxy?.ports.find((p) => p.target === 80 && p.protocol === 'tcp' && p.published !== undefined);
        const plain80 = view.listens.filter((l) => l.port === 80 && !l.ssl);
        const fix = 'Serve port 80 with a server that only redirects: "server { listen 80; server_name _; return 301 https://$host$request_uri; }".';
        if (plain80.length === 0) {
            if (published) {
                out.push(finding(httpRedirectMissing, published.pos, `Port 80 is published to ${published.published} but no nginx server listens on it, so http:// visitors get a connection error instead of a redirect to HTTPS.`, fix, extra));
            }
            return out;
        }
        const seen = new Set();
        for (const l of plain80) {
            if (seen.has(l.server))
                continue;
            seen.add(l.server);
            if (redirectsToHttps(view, l.server))
                continue;
            const builtin = l.directive.file.builtin;
            // A server from the image's own files is only worth a note when it is reachable from outside.
            if (builtin && !published)
                continue;
            const where = builtin
                ? `the image's ${nginxPathOf(l.directive)}`
                : `this server (line ${l.server.line})`;
            out.push(finding(httpRedirectMissing, builtin ? published.pos : posOf(l.directive.d), `HTTPS is configured, but ${where} answers plain HTTP on port 80 without redirecting to https://: visitors who type the bare name stay unencrypted.`, fix, extra));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/http-splitting.js



const http_splitting_REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
const URI_SUBJECT = { user: true, newline: true, slashFirst: true };
/** The argument of a directive that ends up in a response or upstream request header, if any. */
function headerArg(p) {
    const { directive, args } = p.d;
    switch (directive) {
        case 'add_header':
        case 'add_trailer':
        case 'proxy_set_header':
        case 'grpc_set_header':
            return args.length >= 2 ? { index: 1, what: `the "${args[0]}" header` } : undefined;
        case 'return':
            if (args.length >= 2 && http_splitting_REDIRECT_CODES.has(args[0]))
                return { index: 1, what: 'the Location header' };
            if (args.length === 1 && !/^\d+$/.test(args[0]))
                return { index: 0, what: 'the Location header' };
            return undefined;
        case 'rewrite': {
            const [pattern, replacement, flag] = args;
            if (pattern === undefined || replacement === undefined)
                return undefined;
            const redirect = flag === 'redirect' || flag === 'permanent' || /^(https?:\/\/|\$scheme)/.test(replacement);
            return redirect
                ? {
                    index: 1,
                    what: 'the Location header',
                    innermost: { pattern, subject: URI_SUBJECT, icase: false },
                }
                : undefined;
        }
        case 'proxy_pass':
            return args[0]?.includes('$') ? { index: 0, what: 'the request line sent upstream' } : undefined;
        default:
            return undefined;
    }
}
const httpSplitting = {
    id: 'http-splitting',
    severity: 'warning',
    title: 'A variable that may contain CR/LF reaches a header or redirect (HTTP response splitting)',
    check(view) {
        const out = [];
        for (const p of directivesNamed(view, 'add_header', 'add_trailer', 'proxy_set_header', 'grpc_set_header', 'return', 'rewrite', 'proxy_pass')) {
            const sink = headerArg(p);
            const value = sink ? p.d.args[sink.index] : undefined;
            if (!sink || value === undefined || !value.includes('$'))
                continue;
            const bad = [
                ...new Set(splitValue(value)
                    .filter((part) => part.kind === 'var' && variableTaint(view, p, part.name, 0, sink.innermost).newline)
                    .map((part) => `$${part.name}`)),
            ];
            if (bad.length === 0)
                continue;
            out.push(finding(httpSplitting, argPosOf(p.d, sink.index), `${p.d.directive} puts ${bad.join(', ')} into ${sink.what}; nginx decodes %0D%0A there into CR/LF, so a request can inject headers or a whole response (HTTP splitting).`, 'Use a variable nginx does not decode: $request_uri instead of $uri/$document_uri, or a regex capture that excludes line breaks (e.g. "([^\\r\\n]*)" or "([a-z0-9_-]+)") instead of "[^/]*" or "\\s".', view.proxy ? { service: view.proxy.name } : {}));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/image-unpinned.js


const imageUnpinned = {
    id: 'image-unpinned',
    severity: 'note',
    title: 'An image without a version tag, or tagged `latest`',
    check(view) {
        const out = [];
        for (const service of view.compose.services) {
            const image = service.image;
            // A service that builds its image tags it with `image:`; the build, not the tag, decides its contents.
            if (!image || service.build !== undefined)
                continue;
            const ref = parseImageRef(image.value);
            if (ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== 'latest'))
                continue;
            const name = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
            const libreSpeed = isVersionedLibreSpeedImage(image.value)
                ? ' For LibreSpeed this matters: its web port moved from 80 to 8080 in 5.5.0.'
                : '';
            out.push(finding(imageUnpinned, image.pos, `"${service.name}" uses ${image.value}${ref.tag ? '' : ' (no tag, so :latest)'}: each pull may bring a different version, so the stack can change or break without a change to the project.${libreSpeed}`, `Pin a version tag (\`image: ${name}:<version>\`), or a digest (\`${name}@sha256:…\`).`, { service: service.name }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/listen-not-published.js


function loopback(address) {
    return address !== undefined && (/^127\./.test(address) || address === '[::1]' || address === 'localhost');
}
const listenNotPublished = {
    id: 'listen-not-published',
    severity: 'warning',
    title: 'nginx listens on a port compose does not publish, or compose publishes one nginx does not listen on',
    check(view) {
        const proxy = view.proxy;
        if (!proxy?.active || !view.nginx || !view.listens.length)
            return [];
        // Under service:X the proxy shares X's namespace, and X's ports publish it.
        const owner = proxy.networkMode.kind === 'service' ? (view.services.get(proxy.networkMode.service) ?? proxy) : proxy;
        const published = owner.ports.filter((m) => m.protocol === 'tcp');
        const listened = new Set(view.listens.map((l) => l.port));
        const out = [];
        if (owner.networkMode.kind !== 'host') {
            const firstPerPort = new Map();
            for (const l of view.listens)
                if (!loopback(l.address) && !firstPerPort.has(l.port))
                    firstPerPort.set(l.port, l);
            for (const [port, l] of firstPerPort) {
                if (published.some((m) => m.target === port) || owner.expose.some((e) => e.port === port))
                    continue;
                const d = l.directive.d;
                const what = l.implicit
                    ? `a server without "listen" (nginx's default *:80)`
                    : `listen ${d.args.join(' ')}`;
                out.push(finding(listenNotPublished, l.implicit ? posOf(d) : argPosOf(d, 0), `nginx listens on ${port} (${what} in ${nginxPathOf(l.directive)}:${d.line}), but "${owner.name}" does not publish container port ${port}: nothing outside the compose network can reach it`, `Add \`- "${port}:${port}"\` to services.${owner.name}.ports (or \`expose: ["${port}"]\` if only other containers use it), or remove the server.`, { service: owner.name }));
            }
        }
        for (const m of published) {
            if (listened.has(m.target))
                continue;
            const ports = [...listened].sort((a, b) => a - b).join(', ');
            out.push(finding(listenNotPublished, m.pos, `"${owner.name}" publishes container port ${m.target}${m.published !== undefined ? ` on host port ${m.published}` : ''}, but nginx listens only on ${ports}: connections to it are refused`, `Publish the port nginx listens on (e.g. "${m.published ?? m.target}:${[...listened][0]}"), or add \`listen ${m.target};\` to the server that should answer.`, { service: owner.name }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/nginx/directives.js
/**
 * The directive table of nginx OSS 1.29 (the official image's nginx, its bundled modules and the
 * dynamic modules it ships: geoip, image_filter, perl, xslt): name → where it may appear and how many
 * arguments it takes.
 *
 * Source: nginxinc/nginx-go-crossplane `analyze_oss_latest_directives.gen.go` (generated from the
 * nginx source's ngx_command_t tables), cross-checked against crossplane 0.5.8's analyzer.py. The
 * encoding is ours. Each entry is one or more `|`-separated forms; a form is `<contexts> <arguments>`:
 *   contexts: M main, E events, H http, S server, L location, U upstream, I if in server,
 *             J if in location, X limit_except, T stream, R stream server, P stream upstream,
 *             A mail, B mail server;
 *   arguments: comma-separated: 0 none, digits = exact counts (12 = one or two), F on|off,
 *              * any, 1+ / 2+ at least, B block.
 * nginx Plus-only and removed directives (`ssl`, `spdy_*`) are absent on purpose: the official image
 * would reject them too.
 */
const TABLE = {
    absolute_redirect: 'HSL F',
    accept_mutex: 'E F',
    accept_mutex_delay: 'E 1',
    access_log: 'HSLJX 1+ | TR 1+',
    add_after_body: 'HSL 1',
    add_before_body: 'HSL 1',
    add_header: 'HSLJ 23',
    add_header_inherit: 'HSLJ 1',
    add_trailer: 'HSLJ 23',
    add_trailer_inherit: 'HSLJ 1',
    addition_types: 'HSL 1+',
    aio: 'HSL 1',
    aio_write: 'HSL F',
    alias: 'L 1',
    allow: 'HSLX 1 | TR 1',
    ancient_browser: 'HSL 1+',
    ancient_browser_value: 'HSL 1',
    auth_basic: 'HSLX 1',
    auth_basic_user_file: 'HSLX 1',
    auth_delay: 'HSL 1',
    auth_http: 'AB 1',
    auth_http_header: 'AB 2',
    auth_http_pass_client_cert: 'AB F',
    auth_http_timeout: 'AB 1',
    auth_request: 'HSL 1',
    auth_request_set: 'HSL 2',
    autoindex: 'HSL F',
    autoindex_exact_size: 'HSL F',
    autoindex_format: 'HSL 1',
    autoindex_localtime: 'HSL F',
    break: 'SLIJ 0',
    charset: 'HSLJ 1',
    charset_map: 'H 2,B',
    charset_types: 'HSL 1+',
    chunked_transfer_encoding: 'HSL F',
    client_body_buffer_size: 'HSL 1',
    client_body_in_file_only: 'HSL 1',
    client_body_in_single_buffer: 'HSL F',
    client_body_temp_path: 'HSL 1234',
    client_body_timeout: 'HSL 1',
    client_header_buffer_size: 'HS 1',
    client_header_timeout: 'HS 1',
    client_max_body_size: 'HSL 1',
    connection_pool_size: 'HS 1',
    create_full_put_path: 'HSL F',
    daemon: 'M F',
    dav_access: 'HSL 123',
    dav_methods: 'HSL 1+',
    debug_connection: 'E 1',
    debug_points: 'M 1',
    default_type: 'HSL 1',
    deny: 'HSLX 1 | TR 1',
    directio: 'HSL 1',
    directio_alignment: 'HSL 1',
    disable_symlinks: 'HSL 12',
    early_hints: 'HSL 1+',
    empty_gif: 'L 0',
    env: 'M 1',
    error_log: 'M 1+ | HSL 1+ | AB 1+ | TR 1+',
    error_page: 'HSLJ 2+',
    etag: 'HSL F',
    events: 'M 0,B',
    expires: 'HSLJ 12',
    fastcgi_bind: 'HSL 12',
    fastcgi_buffer_size: 'HSL 1',
    fastcgi_buffering: 'HSL F',
    fastcgi_buffers: 'HSL 2',
    fastcgi_busy_buffers_size: 'HSL 1',
    fastcgi_cache: 'HSL 1',
    fastcgi_cache_background_update: 'HSL F',
    fastcgi_cache_bypass: 'HSL 1+',
    fastcgi_cache_key: 'HSL 1',
    fastcgi_cache_lock: 'HSL F',
    fastcgi_cache_lock_age: 'HSL 1',
    fastcgi_cache_lock_timeout: 'HSL 1',
    fastcgi_cache_max_range_offset: 'HSL 1',
    fastcgi_cache_methods: 'HSL 1+',
    fastcgi_cache_min_uses: 'HSL 1',
    fastcgi_cache_path: 'H 2+',
    fastcgi_cache_revalidate: 'HSL F',
    fastcgi_cache_use_stale: 'HSL 1+',
    fastcgi_cache_valid: 'HSL 1+',
    fastcgi_catch_stderr: 'HSL 1',
    fastcgi_connect_timeout: 'HSL 1',
    fastcgi_force_ranges: 'HSL F',
    fastcgi_hide_header: 'HSL 1',
    fastcgi_ignore_client_abort: 'HSL F',
    fastcgi_ignore_headers: 'HSL 1+',
    fastcgi_index: 'HSL 1',
    fastcgi_intercept_errors: 'HSL F',
    fastcgi_keep_conn: 'HSL F',
    fastcgi_limit_rate: 'HSL 1',
    fastcgi_max_temp_file_size: 'HSL 1',
    fastcgi_next_upstream: 'HSL 1+',
    fastcgi_next_upstream_timeout: 'HSL 1',
    fastcgi_next_upstream_tries: 'HSL 1',
    fastcgi_no_cache: 'HSL 1+',
    fastcgi_param: 'HSL 23',
    fastcgi_pass: 'LJ 1',
    fastcgi_pass_header: 'HSL 1',
    fastcgi_pass_request_body: 'HSL F',
    fastcgi_pass_request_headers: 'HSL F',
    fastcgi_read_timeout: 'HSL 1',
    fastcgi_request_buffering: 'HSL F',
    fastcgi_send_lowat: 'HSL 1',
    fastcgi_send_timeout: 'HSL 1',
    fastcgi_socket_keepalive: 'HSL F',
    fastcgi_split_path_info: 'HSL 1',
    fastcgi_store: 'HSL 1',
    fastcgi_store_access: 'HSL 123',
    fastcgi_temp_file_write_size: 'HSL 1',
    fastcgi_temp_path: 'HSL 1234',
    flv: 'L 0',
    geo: 'H 12,B | T 12,B',
    geoip_city: 'H 12 | T 12',
    geoip_country: 'H 12 | T 12',
    geoip_org: 'H 12 | T 12',
    geoip_proxy: 'H 1',
    geoip_proxy_recursive: 'H F',
    google_perftools_profiles: 'M 1',
    grpc_bind: 'HSL 12',
    grpc_buffer_size: 'HSL 1',
    grpc_connect_timeout: 'HSL 1',
    grpc_hide_header: 'HSL 1',
    grpc_ignore_headers: 'HSL 1+',
    grpc_intercept_errors: 'HSL F',
    grpc_next_upstream: 'HSL 1+',
    grpc_next_upstream_timeout: 'HSL 1',
    grpc_next_upstream_tries: 'HSL 1',
    grpc_pass: 'LJ 1',
    grpc_pass_header: 'HSL 1',
    grpc_read_timeout: 'HSL 1',
    grpc_send_timeout: 'HSL 1',
    grpc_set_header: 'HSL 2',
    grpc_socket_keepalive: 'HSL F',
    grpc_ssl_certificate: 'HSL 1',
    grpc_ssl_certificate_cache: 'HSL 123',
    grpc_ssl_certificate_key: 'HSL 1',
    grpc_ssl_ciphers: 'HSL 1',
    grpc_ssl_conf_command: 'HSL 2',
    grpc_ssl_crl: 'HSL 1',
    grpc_ssl_name: 'HSL 1',
    grpc_ssl_password_file: 'HSL 1',
    grpc_ssl_protocols: 'HSL 1+',
    grpc_ssl_server_name: 'HSL F',
    grpc_ssl_session_reuse: 'HSL F',
    grpc_ssl_trusted_certificate: 'HSL 1',
    grpc_ssl_verify: 'HSL F',
    grpc_ssl_verify_depth: 'HSL 1',
    gunzip: 'HSL F',
    gunzip_buffers: 'HSL 2',
    gzip: 'HSLJ F',
    gzip_buffers: 'HSL 2',
    gzip_comp_level: 'HSL 1',
    gzip_disable: 'HSL 1+',
    gzip_http_version: 'HSL 1',
    gzip_min_length: 'HSL 1',
    gzip_proxied: 'HSL 1+',
    gzip_static: 'HSL 1',
    gzip_types: 'HSL 1+',
    gzip_vary: 'HSL F',
    hash: 'U 12 | P 12',
    http: 'M 0,B',
    http2: 'HS F',
    http2_body_preread_size: 'HS 1',
    http2_chunk_size: 'HSL 1',
    http2_idle_timeout: 'HS 1',
    http2_max_concurrent_pushes: 'HS 1',
    http2_max_concurrent_streams: 'HS 1',
    http2_max_field_size: 'HS 1',
    http2_max_header_size: 'HS 1',
    http2_max_requests: 'HS 1',
    http2_push: 'HSL 1',
    http2_push_preload: 'HSL F',
    http2_recv_buffer_size: 'H 1',
    http2_recv_timeout: 'HS 1',
    http3: 'HS F',
    http3_hq: 'HS F',
    http3_max_concurrent_streams: 'HS 1',
    http3_stream_buffer_size: 'HS 1',
    if: 'SL 1+,B',
    if_modified_since: 'HSL 1',
    ignore_invalid_headers: 'HS F',
    image_filter: 'L 123',
    image_filter_buffer: 'HSL 1',
    image_filter_interlace: 'HSL F',
    image_filter_jpeg_quality: 'HSL 1',
    image_filter_sharpen: 'HSL 1',
    image_filter_transparency: 'HSL F',
    image_filter_webp_quality: 'HSL 1',
    imap_auth: 'AB 1+',
    imap_capabilities: 'AB 1+',
    imap_client_buffer: 'AB 1',
    include: 'MEHSLUTRPABIJX 1',
    index: 'HSL 1+',
    internal: 'L 0',
    ip_hash: 'U 0',
    keepalive: 'U 1',
    keepalive_disable: 'HSL 12',
    keepalive_min_timeout: 'HSL 1',
    keepalive_requests: 'HSL 1 | U 1',
    keepalive_time: 'HSL 1 | U 1',
    keepalive_timeout: 'HSL 12 | U 1',
    large_client_header_buffers: 'HS 2',
    least_conn: 'U 0 | P 0',
    limit_conn: 'HSL 2 | TR 2',
    limit_conn_dry_run: 'HSL F | TR F',
    limit_conn_log_level: 'HSL 1 | TR 1',
    limit_conn_status: 'HSL 1',
    limit_conn_zone: 'H 2 | T 2',
    limit_except: 'L 1+,B',
    limit_rate: 'HSLJ 1',
    limit_rate_after: 'HSLJ 1',
    limit_req: 'HSL 123',
    limit_req_dry_run: 'HSL 1',
    limit_req_log_level: 'HSL 1',
    limit_req_status: 'HSL 1',
    limit_req_zone: 'H 34',
    lingering_close: 'HSL 1',
    lingering_time: 'HSL 1',
    lingering_timeout: 'HSL 1',
    listen: 'S 1+ | B 1+ | R 1+',
    load_module: 'M 1',
    location: 'SL 12,B',
    lock_file: 'M 1',
    log_format: 'H 2+ | T 2+',
    log_not_found: 'HSL F',
    log_subrequest: 'HSL F',
    mail: 'M 0,B',
    map: 'H 2,B | T 2,B',
    map_hash_bucket_size: 'H 1 | T 1',
    map_hash_max_size: 'H 1 | T 1',
    master_process: 'M F',
    max_errors: 'AB 1',
    max_headers: 'HS 1',
    max_ranges: 'HSL 1',
    memcached_bind: 'HSL 12',
    memcached_buffer_size: 'HSL 1',
    memcached_connect_timeout: 'HSL 1',
    memcached_gzip_flag: 'HSL 1',
    memcached_next_upstream: 'HSL 1+',
    memcached_next_upstream_timeout: 'HSL 1',
    memcached_next_upstream_tries: 'HSL 1',
    memcached_pass: 'LJ 1',
    memcached_read_timeout: 'HSL 1',
    memcached_send_timeout: 'HSL 1',
    memcached_socket_keepalive: 'HSL F',
    merge_slashes: 'HS F',
    min_delete_depth: 'HSL 1',
    mirror: 'HSL 1',
    mirror_request_body: 'HSL F',
    modern_browser: 'HSL 12',
    modern_browser_value: 'HSL 1',
    mp4: 'L 0',
    mp4_buffer_size: 'HSL 1',
    mp4_max_buffer_size: 'HSL 1',
    mp4_start_key_frame: 'HSL F',
    msie_padding: 'HSL F',
    msie_refresh: 'HSL F',
    multi_accept: 'E F',
    open_file_cache: 'HSL 12',
    open_file_cache_errors: 'HSL F',
    open_file_cache_min_uses: 'HSL 1',
    open_file_cache_valid: 'HSL 1',
    open_log_file_cache: 'HSL 1234 | TR 1234',
    output_buffers: 'HSL 2',
    override_charset: 'HSLJ F',
    pass: 'R 1',
    pcre_jit: 'M F',
    perl: 'LX 1',
    perl_modules: 'H 1',
    perl_require: 'H 1',
    perl_set: 'H 2',
    pid: 'M 1',
    pop3_auth: 'AB 1+',
    pop3_capabilities: 'AB 1+',
    port_in_redirect: 'HSL F',
    postpone_output: 'HSL 1',
    preread_buffer_size: 'TR 1',
    preread_timeout: 'TR 1',
    protocol: 'B 1',
    proxy_bind: 'HSL 12 | TR 12',
    proxy_buffer: 'AB 1',
    proxy_buffer_size: 'HSL 1 | TR 1',
    proxy_buffering: 'HSL F',
    proxy_buffers: 'HSL 2',
    proxy_busy_buffers_size: 'HSL 1',
    proxy_cache: 'HSL 1',
    proxy_cache_background_update: 'HSL F',
    proxy_cache_bypass: 'HSL 1+',
    proxy_cache_convert_head: 'HSL F',
    proxy_cache_key: 'HSL 1',
    proxy_cache_lock: 'HSL F',
    proxy_cache_lock_age: 'HSL 1',
    proxy_cache_lock_timeout: 'HSL 1',
    proxy_cache_max_range_offset: 'HSL 1',
    proxy_cache_methods: 'HSL 1+',
    proxy_cache_min_uses: 'HSL 1',
    proxy_cache_path: 'H 2+',
    proxy_cache_revalidate: 'HSL F',
    proxy_cache_use_stale: 'HSL 1+',
    proxy_cache_valid: 'HSL 1+',
    proxy_connect_timeout: 'HSL 1 | TR 1',
    proxy_cookie_domain: 'HSL 12',
    proxy_cookie_flags: 'HSL 1234',
    proxy_cookie_path: 'HSL 12',
    proxy_download_rate: 'TR 1',
    proxy_force_ranges: 'HSL F',
    proxy_half_close: 'TR F',
    proxy_headers_hash_bucket_size: 'HSL 1',
    proxy_headers_hash_max_size: 'HSL 1',
    proxy_hide_header: 'HSL 1',
    proxy_http_version: 'HSL 1',
    proxy_ignore_client_abort: 'HSL F',
    proxy_ignore_headers: 'HSL 1+',
    proxy_intercept_errors: 'HSL F',
    proxy_limit_rate: 'HSL 1',
    proxy_max_temp_file_size: 'HSL 1',
    proxy_method: 'HSL 1',
    proxy_next_upstream: 'HSL 1+ | TR F',
    proxy_next_upstream_timeout: 'HSL 1 | TR 1',
    proxy_next_upstream_tries: 'HSL 1 | TR 1',
    proxy_no_cache: 'HSL 1+',
    proxy_pass: 'LJX 1 | R 1',
    proxy_pass_error_message: 'AB F',
    proxy_pass_header: 'HSL 1',
    proxy_pass_request_body: 'HSL F',
    proxy_pass_request_headers: 'HSL F',
    proxy_pass_trailers: 'HSL F',
    proxy_protocol: 'TR F',
    proxy_protocol_timeout: 'TR 1',
    proxy_read_timeout: 'HSL 1',
    proxy_redirect: 'HSL 12',
    proxy_request_buffering: 'HSL F',
    proxy_requests: 'TR 1',
    proxy_responses: 'TR 1',
    proxy_send_lowat: 'HSL 1',
    proxy_send_timeout: 'HSL 1',
    proxy_set_body: 'HSL 1',
    proxy_set_header: 'HSL 2',
    proxy_smtp_auth: 'AB F',
    proxy_socket_keepalive: 'HSL F | TR F',
    proxy_ssl: 'TR F',
    proxy_ssl_certificate: 'HSL 1 | TR 1',
    proxy_ssl_certificate_cache: 'HSL 123 | TR 123',
    proxy_ssl_certificate_key: 'HSL 1 | TR 1',
    proxy_ssl_ciphers: 'HSL 1 | TR 1',
    proxy_ssl_conf_command: 'HSL 2 | TR 2',
    proxy_ssl_crl: 'HSL 1 | TR 1',
    proxy_ssl_name: 'HSL 1 | TR 1',
    proxy_ssl_password_file: 'HSL 1 | TR 1',
    proxy_ssl_protocols: 'HSL 1+ | TR 1+',
    proxy_ssl_server_name: 'HSL F | TR F',
    proxy_ssl_session_reuse: 'HSL F | TR F',
    proxy_ssl_trusted_certificate: 'HSL 1 | TR 1',
    proxy_ssl_verify: 'HSL F | TR F',
    proxy_ssl_verify_depth: 'HSL 1 | TR 1',
    proxy_store: 'HSL 1',
    proxy_store_access: 'HSL 123',
    proxy_temp_file_write_size: 'HSL 1',
    proxy_temp_path: 'HSL 1234',
    proxy_timeout: 'AB 1 | TR 1',
    proxy_upload_rate: 'TR 1',
    quic_active_connection_id_limit: 'HS 1',
    quic_bpf: 'M F',
    quic_gso: 'HS F',
    quic_host_key: 'HS 1',
    quic_retry: 'HS F',
    random: 'U 0,12 | P 0,12',
    random_index: 'L F',
    read_ahead: 'HSL 1',
    real_ip_header: 'HSL 1',
    real_ip_recursive: 'HSL F',
    recursive_error_pages: 'HSL F',
    referer_hash_bucket_size: 'SL 1',
    referer_hash_max_size: 'SL 1',
    request_pool_size: 'HS 1',
    reset_timedout_connection: 'HSL F',
    resolver: 'HSL 1+ | U 1+ | AB 1+ | TR 1+ | P 1+',
    resolver_timeout: 'HSL 1 | U 1 | AB 1 | TR 1 | P 1',
    return: 'SLIJ 12 | R 1',
    rewrite: 'SLIJ 23',
    rewrite_log: 'HSLIJ F',
    root: 'HSLJ 1',
    satisfy: 'HSL 1',
    scgi_bind: 'HSL 12',
    scgi_buffer_size: 'HSL 1',
    scgi_buffering: 'HSL F',
    scgi_buffers: 'HSL 2',
    scgi_busy_buffers_size: 'HSL 1',
    scgi_cache: 'HSL 1',
    scgi_cache_background_update: 'HSL F',
    scgi_cache_bypass: 'HSL 1+',
    scgi_cache_key: 'HSL 1',
    scgi_cache_lock: 'HSL F',
    scgi_cache_lock_age: 'HSL 1',
    scgi_cache_lock_timeout: 'HSL 1',
    scgi_cache_max_range_offset: 'HSL 1',
    scgi_cache_methods: 'HSL 1+',
    scgi_cache_min_uses: 'HSL 1',
    scgi_cache_path: 'H 2+',
    scgi_cache_revalidate: 'HSL F',
    scgi_cache_use_stale: 'HSL 1+',
    scgi_cache_valid: 'HSL 1+',
    scgi_connect_timeout: 'HSL 1',
    scgi_force_ranges: 'HSL F',
    scgi_hide_header: 'HSL 1',
    scgi_ignore_client_abort: 'HSL F',
    scgi_ignore_headers: 'HSL 1+',
    scgi_intercept_errors: 'HSL F',
    scgi_limit_rate: 'HSL 1',
    scgi_max_temp_file_size: 'HSL 1',
    scgi_next_upstream: 'HSL 1+',
    scgi_next_upstream_timeout: 'HSL 1',
    scgi_next_upstream_tries: 'HSL 1',
    scgi_no_cache: 'HSL 1+',
    scgi_param: 'HSL 23',
    scgi_pass: 'LJ 1',
    scgi_pass_header: 'HSL 1',
    scgi_pass_request_body: 'HSL F',
    scgi_pass_request_headers: 'HSL F',
    scgi_read_timeout: 'HSL 1',
    scgi_request_buffering: 'HSL F',
    scgi_send_timeout: 'HSL 1',
    scgi_socket_keepalive: 'HSL F',
    scgi_store: 'HSL 1',
    scgi_store_access: 'HSL 123',
    scgi_temp_file_write_size: 'HSL 1',
    scgi_temp_path: 'HSL 1234',
    secure_link: 'HSL 1',
    secure_link_md5: 'HSL 1',
    secure_link_secret: 'HSL 1',
    send_lowat: 'HSL 1',
    send_timeout: 'HSL 1',
    sendfile: 'HSLJ F',
    sendfile_max_chunk: 'HSL 1',
    server: 'H 0,B | U 1+ | A 0,B | T 0,B | P 1+',
    server_name: 'S 1+ | AB 1 | R 1+',
    server_name_in_redirect: 'HSL F',
    server_names_hash_bucket_size: 'H 1 | T 1',
    server_names_hash_max_size: 'H 1 | T 1',
    server_tokens: 'HSL 1',
    set: 'SLIJ 2 | R 2',
    set_real_ip_from: 'HSL 1 | TR 1',
    slice: 'HSL 1',
    smtp_auth: 'AB 1+',
    smtp_capabilities: 'AB 1+',
    smtp_client_buffer: 'AB 1',
    smtp_greeting_delay: 'AB 1',
    source_charset: 'HSLJ 1',
    split_clients: 'H 2,B | T 2,B',
    ssi: 'HSLJ F',
    ssi_last_modified: 'HSL F',
    ssi_min_file_chunk: 'HSL 1',
    ssi_silent_errors: 'HSL F',
    ssi_types: 'HSL 1+',
    ssi_value_length: 'HSL 1',
    ssl_alpn: 'TR 1+',
    ssl_buffer_size: 'HS 1',
    ssl_certificate: 'HS 1 | AB 1 | TR 1',
    ssl_certificate_cache: 'HS 123 | TR 123',
    ssl_certificate_compression: 'HS F | AB F | TR F',
    ssl_certificate_key: 'HS 1 | AB 1 | TR 1',
    ssl_ciphers: 'HS 1 | AB 1 | TR 1',
    ssl_client_certificate: 'HS 1 | AB 1 | TR 1',
    ssl_conf_command: 'HS 2 | AB 2 | TR 2',
    ssl_crl: 'HS 1 | AB 1 | TR 1',
    ssl_dhparam: 'HS 1 | AB 1 | TR 1',
    ssl_early_data: 'HS F',
    ssl_ecdh_curve: 'HS 1 | AB 1 | TR 1',
    ssl_ech_file: 'HS 1 | TR 1',
    ssl_engine: 'M 1',
    ssl_handshake_timeout: 'TR 1',
    ssl_object_cache_inheritable: 'M F',
    ssl_ocsp: 'HS 1 | TR 1',
    ssl_ocsp_cache: 'HS 1 | TR 1',
    ssl_ocsp_responder: 'HS 1 | TR 1',
    ssl_password_file: 'HS 1 | AB 1 | TR 1',
    ssl_prefer_server_ciphers: 'HS F | AB F | TR F',
    ssl_preread: 'TR F',
    ssl_protocols: 'HS 1+ | AB 1+ | TR 1+',
    ssl_reject_handshake: 'HS F | TR F',
    ssl_session_cache: 'HS 12 | AB 12 | TR 12',
    ssl_session_ticket_key: 'HS 1 | AB 1 | TR 1',
    ssl_session_tickets: 'HS F | AB F | TR F',
    ssl_session_timeout: 'HS 1 | AB 1 | TR 1',
    ssl_stapling: 'HS F | TR F',
    ssl_stapling_file: 'HS 1 | TR 1',
    ssl_stapling_responder: 'HS 1 | TR 1',
    ssl_stapling_verify: 'HS F | TR F',
    ssl_trusted_certificate: 'HS 1 | AB 1 | TR 1',
    ssl_verify_client: 'HS 1 | AB 1 | TR 1',
    ssl_verify_depth: 'HS 1 | AB 1 | TR 1',
    starttls: 'AB 1',
    stream: 'M 0,B',
    stub_status: 'SL 0,1',
    sub_filter: 'HSL 2',
    sub_filter_last_modified: 'HSL F',
    sub_filter_once: 'HSL F',
    sub_filter_types: 'HSL 1+',
    subrequest_output_buffer_size: 'HSL 1',
    tcp_nodelay: 'HSL F | TR F',
    tcp_nopush: 'HSL F',
    thread_pool: 'M 23',
    timeout: 'AB 1',
    timer_resolution: 'M 1',
    try_files: 'SL 2+',
    types: 'HSL 0,B',
    types_hash_bucket_size: 'HSL 1',
    types_hash_max_size: 'HSL 1',
    underscores_in_headers: 'HS F',
    uninitialized_variable_warn: 'HSLIJ F',
    upstream: 'H 1,B | T 1,B',
    use: 'E 1',
    user: 'M 12',
    userid: 'HSL 1',
    userid_domain: 'HSL 1',
    userid_expires: 'HSL 1',
    userid_flags: 'HSL 123',
    userid_mark: 'HSL 1',
    userid_name: 'HSL 1',
    userid_p3p: 'HSL 1',
    userid_path: 'HSL 1',
    userid_service: 'HSL 1',
    uwsgi_bind: 'HSL 12',
    uwsgi_buffer_size: 'HSL 1',
    uwsgi_buffering: 'HSL F',
    uwsgi_buffers: 'HSL 2',
    uwsgi_busy_buffers_size: 'HSL 1',
    uwsgi_cache: 'HSL 1',
    uwsgi_cache_background_update: 'HSL 1',
    uwsgi_cache_bypass: 'HSL 1+',
    uwsgi_cache_key: 'HSL 1',
    uwsgi_cache_lock: 'HSL F',
    uwsgi_cache_lock_age: 'HSL 1',
    uwsgi_cache_lock_timeout: 'HSL 1',
    uwsgi_cache_max_range_offset: 'HSL 1',
    uwsgi_cache_methods: 'HSL 1+',
    uwsgi_cache_min_uses: 'HSL 1',
    uwsgi_cache_path: 'H 2+',
    uwsgi_cache_revalidate: 'HSL F',
    uwsgi_cache_use_stale: 'HSL 1+',
    uwsgi_cache_valid: 'HSL 1+',
    uwsgi_connect_timeout: 'HSL 1',
    uwsgi_force_ranges: 'HSL F',
    uwsgi_hide_header: 'HSL 1',
    uwsgi_ignore_client_abort: 'HSL F',
    uwsgi_ignore_headers: 'HSL 1+',
    uwsgi_intercept_errors: 'HSL F',
    uwsgi_limit_rate: 'HSL 1',
    uwsgi_max_temp_file_size: 'HSL 1',
    uwsgi_modifier1: 'HSL 1',
    uwsgi_modifier2: 'HSL 1',
    uwsgi_next_upstream: 'HSL 1+',
    uwsgi_next_upstream_timeout: 'HSL 1',
    uwsgi_next_upstream_tries: 'HSL 1',
    uwsgi_no_cache: 'HSL 1+',
    uwsgi_param: 'HSL 23',
    uwsgi_pass: 'LJ 1',
    uwsgi_pass_header: 'HSL 1',
    uwsgi_pass_request_body: 'HSL F',
    uwsgi_pass_request_headers: 'HSL F',
    uwsgi_read_timeout: 'HSL 1',
    uwsgi_request_buffering: 'HSL F',
    uwsgi_send_timeout: 'HSL 1',
    uwsgi_socket_keepalive: 'HSL F',
    uwsgi_ssl_certificate: 'HSL 1',
    uwsgi_ssl_certificate_cache: 'HSL 123',
    uwsgi_ssl_certificate_key: 'HSL 1',
    uwsgi_ssl_ciphers: 'HSL 1',
    uwsgi_ssl_conf_command: 'HSL 2',
    uwsgi_ssl_crl: 'HSL 1',
    uwsgi_ssl_name: 'HSL 1',
    uwsgi_ssl_password_file: 'HSL 1',
    uwsgi_ssl_protocols: 'HSL 1+',
    uwsgi_ssl_server_name: 'HSL F',
    uwsgi_ssl_session_reuse: 'HSL F',
    uwsgi_ssl_trusted_certificate: 'HSL 1',
    uwsgi_ssl_verify: 'HSL F',
    uwsgi_ssl_verify_depth: 'HSL 1',
    uwsgi_store: 'HSL 1',
    uwsgi_store_access: 'HSL 123',
    uwsgi_temp_file_write_size: 'HSL 1',
    uwsgi_temp_path: 'HSL 1234',
    valid_referers: 'SL 1+',
    variables_hash_bucket_size: 'H 1 | T 1',
    variables_hash_max_size: 'H 1 | T 1',
    worker_aio_requests: 'E 1',
    worker_connections: 'E 1',
    worker_cpu_affinity: 'M 1+',
    worker_priority: 'M 1',
    worker_processes: 'M 1',
    worker_rlimit_core: 'M 1',
    worker_rlimit_nofile: 'M 1',
    worker_shutdown_timeout: 'M 1',
    working_directory: 'M 1',
    xclient: 'AB F',
    xml_entities: 'HSL 1',
    xslt_last_modified: 'HSL F',
    xslt_param: 'HSL 2',
    xslt_string_param: 'HSL 2',
    xslt_stylesheet: 'L 1+',
    xslt_types: 'HSL 1+',
    zone: 'U 12 | P 12',
};
const CONTEXT_LETTER = {
    main: 'M',
    events: 'E',
    http: 'H',
    server: 'S',
    location: 'L',
    upstream: 'U',
    'if-in-server': 'I',
    'if-in-location': 'J',
    limit_except: 'X',
    stream: 'T',
    'stream-server': 'R',
    'stream-upstream': 'P',
    mail: 'A',
    'mail-server': 'B',
};
/** Blocks whose content is data (`map` pairs, `types` entries …) and not directives. */
const DATA_BLOCKS = {
    map: 'map',
    types: 'types',
    geo: 'geo',
    split_clients: 'split_clients',
    charset_map: 'charset_map',
};
function parseForm(spec) {
    const [contexts = '', args = ''] = spec.trim().split(' ');
    const form = { contexts, counts: new Set(), flag: false, any: false, block: false };
    for (const part of args.split(',')) {
        if (part === 'F')
            form.flag = true;
        else if (part === '*')
            form.any = true;
        else if (part === 'B')
            form.block = true;
        else if (part.endsWith('+'))
            form.atLeast = Number(part.slice(0, -1));
        else
            for (const digit of part)
                form.counts.add(Number(digit));
    }
    return form;
}
const FORMS = new Map(Object.entries(TABLE).map(([name, spec]) => [name, spec.split('|').map(parseForm)]));
/** The forms of a known directive, or undefined for a directive nginx does not know. */
function directiveForms(name) {
    return FORMS.get(name);
}
function isKnownDirective(name) {
    return FORMS.has(name);
}
/** The context the children of `parent` live in, given the context of `parent` itself. */
function childContext(parentContext, parent) {
    const name = parent.directive;
    const data = DATA_BLOCKS[name];
    if (data && parentContext !== 'unknown')
        return data;
    switch (parentContext) {
        case 'main':
            if (name === 'events' || name === 'http' || name === 'stream' || name === 'mail')
                return name;
            return 'unknown';
        case 'http':
            if (name === 'server')
                return 'server';
            if (name === 'upstream')
                return 'upstream';
            if (name === 'location')
                return 'location';
            return 'unknown';
        case 'server':
            if (name === 'location')
                return 'location';
            if (name === 'if')
                return 'if-in-server';
            return 'unknown';
        case 'location':
            if (name === 'location')
                return 'location';
            if (name === 'if')
                return 'if-in-location';
            if (name === 'limit_except')
                return 'limit_except';
            return 'unknown';
        case 'stream':
            if (name === 'server')
                return 'stream-server';
            if (name === 'upstream')
                return 'stream-upstream';
            return 'unknown';
        case 'mail':
            return name === 'server' ? 'mail-server' : 'unknown';
        default:
            return 'unknown';
    }
}
/** The context of a directive whose enclosing blocks are `parents` (outermost first). */
function contextOf(parents) {
    let ctx = 'main';
    for (const p of parents)
        ctx = childContext(ctx, p);
    return ctx;
}
function acceptsArgs(form, args) {
    const n = args.length;
    if (form.any)
        return true;
    if (form.counts.has(n))
        return true;
    if (form.flag && n === 1)
        return true;
    if (form.atLeast !== undefined && n >= form.atLeast)
        return true;
    return false;
}
/**
 * What `nginx -t` would say about one directive in a context, in its words: an unknown directive, a
 * directive that is not allowed here, a block/simple mismatch, a wrong argument count or a bad flag.
 * Data blocks (map, types …) and unknown blocks are not checked.
 */
function checkDirective(d, context) {
    const letter = CONTEXT_LETTER[context];
    if (letter === undefined)
        return [];
    const forms = FORMS.get(d.directive);
    if (!forms)
        return [{ kind: 'unknown', message: `unknown directive "${d.directive}"` }];
    const form = forms.find((f) => f.contexts.includes(letter));
    if (!form)
        return [{ kind: 'context', message: `"${d.directive}" directive is not allowed here` }];
    const isBlock = d.block !== undefined;
    if (form.block && !isBlock)
        return [{ kind: 'args', message: `directive "${d.directive}" has no opening "{"` }];
    if (!form.block && isBlock)
        return [{ kind: 'args', message: `directive "${d.directive}" is not terminated by ";"` }];
    if (!acceptsArgs(form, d.args)) {
        return [{ kind: 'args', message: `invalid number of arguments in "${d.directive}" directive` }];
    }
    if (form.flag && !form.any && !form.counts.has(1) && form.atLeast === undefined) {
        const value = d.args[0].toLowerCase();
        if (value !== 'on' && value !== 'off') {
            return [
                {
                    kind: 'args',
                    message: `invalid value "${d.args[0]}" in "${d.directive}" directive, it must be "on" or "off"`,
                },
            ];
        }
    }
    return [];
}

;// CONCATENATED MODULE: ./lib/src/nginx/builtin-files.js
/**
 * The configuration files the official nginx Docker image (nginx:1.27/1.29, Debian and Alpine, from
 * nginx.org packages) ships in /etc/nginx, as text: nginx.conf (which includes conf.d/*.conf inside
 * http{}), mime.types, conf.d/default.conf and the fastcgi/scgi/uwsgi params. The image also has a
 * `modules` symlink to /usr/lib/nginx/modules (module binaries, nothing to parse). The Debian
 * distribution's extras (fastcgi.conf, proxy_params, snippets/, sites-enabled/) are NOT in the image.
 * default.conf is shown as packaged: at start, 10-listen-on-ipv6-by-default.sh adds
 * `listen [::]:80;` to it when the container has IPv6 and the file is unmodified.
 */
const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;
const MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    application/atom+xml                             atom;
    application/rss+xml                              rss;

    text/mathml                                      mml;
    text/plain                                       txt;
    text/vnd.sun.j2me.app-descriptor                 jad;
    text/vnd.wap.wml                                 wml;
    text/x-component                                 htc;

    image/avif                                       avif;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/tiff                                       tif tiff;
    image/vnd.wap.wbmp                               wbmp;
    image/webp                                       webp;
    image/x-icon                                     ico;
    image/x-jng                                      jng;
    image/x-ms-bmp                                   bmp;

    font/woff                                        woff;
    font/woff2                                       woff2;

    application/java-archive                         jar war ear;
    application/json                                 json;
    application/mac-binhex40                         hqx;
    application/msword                               doc;
    application/pdf                                  pdf;
    application/postscript                           ps eps ai;
    application/rtf                                  rtf;
    application/vnd.apple.mpegurl                    m3u8;
    application/vnd.google-earth.kml+xml             kml;
    application/vnd.google-earth.kmz                 kmz;
    application/vnd.ms-excel                         xls;
    application/vnd.ms-fontobject                    eot;
    application/vnd.ms-powerpoint                    ppt;
    application/vnd.oasis.opendocument.graphics      odg;
    application/vnd.oasis.opendocument.presentation  odp;
    application/vnd.oasis.opendocument.spreadsheet   ods;
    application/vnd.oasis.opendocument.text          odt;
    application/vnd.openxmlformats-officedocument.presentationml.presentation
                                                     pptx;
    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
                                                     xlsx;
    application/vnd.openxmlformats-officedocument.wordprocessingml.document
                                                     docx;
    application/vnd.wap.wmlc                         wmlc;
    application/wasm                                 wasm;
    application/x-7z-compressed                      7z;
    application/x-cocoa                              cco;
    application/x-java-archive-diff                  jardiff;
    application/x-java-jnlp-file                     jnlp;
    application/x-makeself                           run;
    application/x-perl                               pl pm;
    application/x-pilot                              prc pdb;
    application/x-rar-compressed                     rar;
    application/x-redhat-package-manager             rpm;
    application/x-sea                                sea;
    application/x-shockwave-flash                    swf;
    application/x-stuffit                            sit;
    application/x-tcl                                tcl tk;
    application/x-x509-ca-cert                       der pem crt;
    application/x-xpinstall                          xpi;
    application/xhtml+xml                            xhtml;
    application/xspf+xml                             xspf;
    application/zip                                  zip;

    application/octet-stream                         bin exe dll;
    application/octet-stream                         deb;
    application/octet-stream                         dmg;
    application/octet-stream                         iso img;
    application/octet-stream                         msi msp msm;

    audio/midi                                       mid midi kar;
    audio/mpeg                                       mp3;
    audio/ogg                                        ogg;
    audio/x-m4a                                      m4a;
    audio/x-realaudio                                ra;

    video/3gpp                                       3gpp 3gp;
    video/mp2t                                       ts;
    video/mp4                                        mp4;
    video/mpeg                                       mpeg mpg;
    video/quicktime                                  mov;
    video/webm                                       webm;
    video/x-flv                                      flv;
    video/x-m4v                                      m4v;
    video/x-mng                                      mng;
    video/x-ms-asf                                   asx asf;
    video/x-ms-wmv                                   wmv;
    video/x-msvideo                                  avi;
}
`;
const DEFAULT_CONF = String.raw `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\.ht {
    #    deny  all;
    #}
}

`;
const FASTCGI_PARAMS = `
fastcgi_param  QUERY_STRING       $query_string;
fastcgi_param  REQUEST_METHOD     $request_method;
fastcgi_param  CONTENT_TYPE       $content_type;
fastcgi_param  CONTENT_LENGTH     $content_length;

fastcgi_param  SCRIPT_NAME        $fastcgi_script_name;
fastcgi_param  REQUEST_URI        $request_uri;
fastcgi_param  DOCUMENT_URI       $document_uri;
fastcgi_param  DOCUMENT_ROOT      $document_root;
fastcgi_param  SERVER_PROTOCOL    $server_protocol;
fastcgi_param  REQUEST_SCHEME     $scheme;
fastcgi_param  HTTPS              $https if_not_empty;

fastcgi_param  GATEWAY_INTERFACE  CGI/1.1;
fastcgi_param  SERVER_SOFTWARE    nginx/$nginx_version;

fastcgi_param  REMOTE_ADDR        $remote_addr;
fastcgi_param  REMOTE_PORT        $remote_port;
fastcgi_param  SERVER_ADDR        $server_addr;
fastcgi_param  SERVER_PORT        $server_port;
fastcgi_param  SERVER_NAME        $server_name;

# PHP only, required if PHP was built with --enable-force-cgi-redirect
fastcgi_param  REDIRECT_STATUS    200;
`;
const SCGI_PARAMS = `
scgi_param  REQUEST_METHOD     $request_method;
scgi_param  REQUEST_URI        $request_uri;
scgi_param  QUERY_STRING       $query_string;
scgi_param  CONTENT_TYPE       $content_type;

scgi_param  DOCUMENT_URI       $document_uri;
scgi_param  DOCUMENT_ROOT      $document_root;
scgi_param  SCGI               1;
scgi_param  SERVER_PROTOCOL    $server_protocol;
scgi_param  REQUEST_SCHEME     $scheme;
scgi_param  HTTPS              $https if_not_empty;

scgi_param  REMOTE_ADDR        $remote_addr;
scgi_param  REMOTE_PORT        $remote_port;
scgi_param  SERVER_PORT        $server_port;
scgi_param  SERVER_NAME        $server_name;
`;
const UWSGI_PARAMS = `
uwsgi_param  QUERY_STRING       $query_string;
uwsgi_param  REQUEST_METHOD     $request_method;
uwsgi_param  CONTENT_TYPE       $content_type;
uwsgi_param  CONTENT_LENGTH     $content_length;

uwsgi_param  REQUEST_URI        $request_uri;
uwsgi_param  PATH_INFO          $document_uri;
uwsgi_param  DOCUMENT_ROOT      $document_root;
uwsgi_param  SERVER_PROTOCOL    $server_protocol;
uwsgi_param  REQUEST_SCHEME     $scheme;
uwsgi_param  HTTPS              $https if_not_empty;

uwsgi_param  REMOTE_ADDR        $remote_addr;
uwsgi_param  REMOTE_PORT        $remote_port;
uwsgi_param  SERVER_PORT        $server_port;
uwsgi_param  SERVER_NAME        $server_name;
`;
/** Container path → file text, for the image's own files (a ContainerFs's `builtin` source). */
const builtinFiles = new Map([
    ['/etc/nginx/nginx.conf', NGINX_CONF],
    ['/etc/nginx/mime.types', MIME_TYPES],
    ['/etc/nginx/conf.d/default.conf', DEFAULT_CONF],
    ['/etc/nginx/fastcgi_params', FASTCGI_PARAMS],
    ['/etc/nginx/scgi_params', SCGI_PARAMS],
    ['/etc/nginx/uwsgi_params', UWSGI_PARAMS],
]);

;// CONCATENATED MODULE: ./lib/src/nginx/lexer.js
/**
 * The nginx tokenizer. It follows nginx's ngx_conf_read_token where nginx and crossplane agree, and
 * nginx where they differ (see docs/nginx-parser.md):
 * - whitespace is space, tab, CR and LF only; lines are counted on LF;
 * - `#` starts a comment only at the start of a token; comments are skipped;
 * - a quote starts a quoted token only at the start of a token; inside it `\<quote>` is the quote and
 *   every other escape stays as written (crossplane's args keep `\n`, `\\` raw);
 * - outside quotes `\x` is kept as written and never ends a token;
 * - an unquoted token ends at whitespace, `;` or `{` (but not at the `{` of `${`); a `}` inside a token
 *   is part of it, as in nginx (crossplane splits there).
 * Positions are 1-based lines and 1-based columns in UTF-16 code units (SARIF's default column kind),
 * offsets are 0-based indexes into the text. A leading UTF-8 BOM is not counted in columns.
 */
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const HASH = 35;
const DOLLAR = 36;
const SEMICOLON = 59;
const LBRACE = 123;
const RBRACE = 125;
const DQUOTE = 34;
const SQUOTE = 39;
const RPAREN = 41;
function isSpace(c) {
    return c === SPACE || c === TAB || c === LF || c === CR;
}
class Lexer {
    text;
    pos = 0;
    /** Line bookkeeping: `line` is the line of offset `lineScan`, whose line starts at `lineStart`. */
    line = 1;
    lineStart;
    lineScan = 0;
    /** Start offset of each line seen so far (index 0 is line 1). */
    lineStarts;
    errors = [];
    /** After an unclosed quote the directive is ended at that line's end (a zero-width ';'). */
    pendingTerminator = -1;
    constructor(text) {
        this.text = text;
        this.lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
        this.lineStarts = [this.lineStart];
        if (this.lineStart === 1) {
            this.pos = 1;
            this.lineScan = 1;
        }
    }
    /** Line and column of an offset. Forward queries are amortized linear; earlier offsets use a binary search. */
    position(offset) {
        const text = this.text;
        if (offset < this.lineScan)
            return this.earlierPosition(offset);
        for (let i = this.lineScan; i < offset; i++) {
            if (text.charCodeAt(i) === LF) {
                this.line++;
                this.lineStart = i + 1;
                this.lineStarts.push(i + 1);
            }
        }
        this.lineScan = offset;
        return { line: this.line, column: offset - this.lineStart + 1 };
    }
    earlierPosition(offset) {
        const starts = this.lineStarts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
    error(offset, message, nginx) {
        const { line, column } = this.position(offset);
        this.errors.push(nginx === undefined ? { line, column, offset, message } : { line, column, offset, message, nginx });
    }
    token(kind, value, start, end) {
        const { line, column } = this.position(start);
        return { kind, value, line, column, start, end };
    }
    next() {
        const text = this.text;
        const n = text.length;
        if (this.pendingTerminator >= 0) {
            const at = this.pendingTerminator;
            this.pendingTerminator = -1;
            return this.token(';', ';', at, at);
        }
        for (;;) {
            while (this.pos < n && isSpace(text.charCodeAt(this.pos)))
                this.pos++;
            if (this.pos >= n)
                return this.token('eof', '', n, n);
            const c = text.charCodeAt(this.pos);
            if (c === HASH) {
                const nl = text.indexOf('\n', this.pos);
                this.pos = nl < 0 ? n : nl;
                continue;
            }
            const start = this.pos;
            if (c === LBRACE || c === RBRACE || c === SEMICOLON) {
                this.pos++;
                return this.token(text[start], text[start], start, this.pos);
            }
            if (c === DQUOTE || c === SQUOTE)
                return this.quoted(c);
            return this.word();
        }
    }
    word() {
        const text = this.text;
        const n = text.length;
        const start = this.pos;
        let i = start;
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === BACKSLASH) {
                i += 2;
                continue;
            }
            if (isSpace(c) || c === SEMICOLON)
                break;
            // `${name}` is a variable, not a block: nginx keeps the `{` after `$` in the token.
            if (c === LBRACE && !(i > start && text.charCodeAt(i - 1) === DOLLAR && !escapedAt(text, start, i - 1)))
                break;
            i++;
        }
        this.pos = Math.min(i, n);
        return this.token('word', text.slice(start, this.pos), start, this.pos);
    }
    quoted(quote) {
        const text = this.text;
        const n = text.length;
        const start = this.pos;
        let i = start + 1;
        let hasEscapedQuote = false;
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === BACKSLASH) {
                if (text.charCodeAt(i + 1) === quote)
                    hasEscapedQuote = true;
                i += 2;
                continue;
            }
            if (c === quote)
                break;
            i++;
        }
        const q = String.fromCharCode(quote);
        if (i >= n) {
            // Recovery: nginx reads to the end of the file; we end the string at the end of its line so that
            // the rest of the file is still checked.
            this.error(start, `unclosed quote ${q}: unexpected end of file, expecting ";" or "}"`, 'unexpected end of file, expecting ";" or "}"');
            const nl = text.indexOf('\n', start);
            const end = nl < 0 ? n : nl;
            this.pos = end;
            this.pendingTerminator = end;
            return this.token('quoted', unescapeQuote(text.slice(start + 1, end), q, hasEscapedQuote), start, end);
        }
        const value = unescapeQuote(text.slice(start + 1, i), q, hasEscapedQuote);
        this.pos = i + 1;
        const tok = this.token('quoted', value, start, this.pos);
        if (this.pos < n) {
            const after = text.charCodeAt(this.pos);
            if (!isSpace(after) && after !== SEMICOLON && after !== LBRACE && after !== RPAREN) {
                const ch = String.fromCodePoint(text.codePointAt(this.pos));
                this.error(this.pos, `unexpected "${ch}" right after a quoted string: nginx needs a space, ";" or "{" there`, `unexpected "${ch}"`);
            }
        }
        return tok;
    }
}
/** Whether the character at `at` is escaped by an odd run of backslashes that starts at or after `from`. */
function escapedAt(text, from, at) {
    let k = 0;
    for (let j = at - 1; j >= from && text.charCodeAt(j) === BACKSLASH; j--)
        k++;
    return k % 2 === 1;
}
/** Inside quotes, `\<quote>` stands for the quote; crossplane keeps every other escape as written. */
function unescapeQuote(raw, quote, hasEscapedQuote) {
    if (!hasEscapedQuote)
        return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\' && i + 1 < raw.length) {
            const d = raw[i + 1];
            out += d === quote ? d : c + d;
            i++;
        }
        else
            out += c;
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/src/nginx/parser.js


/** Deeper blocks are still read (to keep braces balanced) but dropped, so no consumer recurses without bound. */
const MAX_BLOCK_DEPTH = 200;
/**
 * Larger files are refused with one error: real configurations are kilobytes (even big geo/map lists
 * stay in single megabytes), and a huge AST would cost seconds and gigabytes for nothing useful.
 */
const MAX_CONFIG_CHARS = 16 * 1024 * 1024;
/** One broken file must not flood the report. */
const MAX_SYNTAX_ERRORS = 200;
/**
 * Parses one nginx configuration file into a crossplane-shaped AST, recovering from errors so that
 * all of them are reported. Never recurses: blocks live on an explicit stack.
 */
function parseNginxText(text, file) {
    const errors = [];
    const parsed = [];
    if (text.length > MAX_CONFIG_CHARS) {
        const mb = (n) => `${Math.round(n / (1024 * 1024))} MB`;
        errors.push({
            file,
            line: 1,
            column: 1,
            offset: 0,
            message: `file too large for an nginx configuration (${mb(text.length)}; the limit is ${mb(MAX_CONFIG_CHARS)}): is this the right file?`,
        });
        return { parsed, errors };
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) {
        const lexer = new Lexer(text);
        const { line, column } = lexer.position(nul);
        errors.push({
            file,
            line,
            column,
            offset: nul,
            message: 'binary data (a NUL byte): this is not an nginx configuration file',
        });
        return { parsed, errors };
    }
    const lexer = new Lexer(text);
    const stack = [{ children: parsed }];
    let tooDeepReported = false;
    const report = (at, offset, message, nginx) => {
        const e = { file, line: at.line, column: at.column, message, offset };
        if (nginx !== undefined && nginx !== message)
            e.nginx = nginx;
        errors.push(e);
    };
    const closeBlock = (close) => {
        if (stack.length === 1) {
            report(close, close.start, 'unexpected "}": no block is open here', 'unexpected "}"');
            return;
        }
        const frame = stack.pop();
        if (frame.owner)
            frame.owner.end = close.end;
    };
    const openBlock = (owner, brace) => {
        if (stack.length >= MAX_BLOCK_DEPTH) {
            if (!tooDeepReported) {
                report(brace, brace.start, `blocks nested deeper than ${MAX_BLOCK_DEPTH} levels; deeper blocks are ignored`);
                tooDeepReported = true;
            }
            owner = undefined;
        }
        const children = [];
        if (owner)
            owner.block = children;
        stack.push(owner ? { owner, children } : { children });
    };
    // A token read ahead that starts the next directive (see the missing-';' heuristic below).
    let pending;
    const take = () => {
        const t = pending ?? lexer.next();
        pending = undefined;
        return t;
    };
    for (;;) {
        const tok = take();
        if (tok.kind === 'eof')
            break;
        if (tok.kind === '}') {
            closeBlock(tok);
            continue;
        }
        if (tok.kind === ';') {
            report(tok, tok.start, 'unexpected ";": an empty directive', 'unexpected ";"');
            continue;
        }
        if (tok.kind === '{') {
            report(tok, tok.start, 'unexpected "{": a block without a directive name', 'unexpected "{"');
            openBlock(undefined, tok);
            continue;
        }
        const d = {
            directive: tok.value,
            args: [],
            file,
            line: tok.line,
            column: tok.column,
            argPos: [],
            start: tok.start,
            end: tok.end,
        };
        let last = tok;
        let term;
        for (;;) {
            term = take();
            if (term.kind !== 'word' && term.kind !== 'quoted')
                break;
            if (term.kind === 'word' &&
                term.line > last.line &&
                isKnownDirective(term.value) &&
                isKnownDirective(d.directive)) {
                // A known directive name opening a later line is almost always a forgotten ';'. nginx would
                // read it as one more argument (and usually fail on it); we report it and split there.
                pending = term;
                const missing = lexer.position(last.end);
                report(missing, last.end, `directive "${d.directive}" is not terminated by ";" before "${term.value}" on line ${term.line} (nginx would read "${term.value}" as one of its arguments)`);
                term = { ...last, kind: ';', value: ';', start: last.end, end: last.end };
                break;
            }
            d.args.push(term.value);
            d.argPos.push({ line: term.line, column: term.column });
            last = term;
        }
        if (d.directive === 'if')
            stripIfParens(d);
        stack[stack.length - 1].children.push(d);
        if (term.kind === ';') {
            d.end = term.end;
        }
        else if (term.kind === '{') {
            openBlock(d, term);
        }
        else {
            // Recovery: the directive ends after its last token, as if the ';' were there.
            d.end = last.end;
            const missing = lexer.position(last.end);
            if (term.kind === '}') {
                report(missing, last.end, `directive "${d.directive}" is not terminated by ";"`, 'unexpected "}"');
                closeBlock(term);
            }
            else {
                report(missing, last.end, `directive "${d.directive}" is not terminated by ";" (unexpected end of file)`, 'unexpected end of file, expecting ";" or "}"');
                break;
            }
        }
    }
    if (stack.length > 1) {
        const eof = lexer.position(text.length);
        const open = stack[stack.length - 1].owner;
        const what = open
            ? `block "${open.directive}" opened at line ${open.line} is not closed`
            : 'a block is not closed';
        report(eof, text.length, `unexpected end of file, expecting "}": ${what}`, 'unexpected end of file, expecting "}"');
        for (let i = stack.length - 1; i > 0; i--) {
            const owner = stack[i].owner;
            if (owner)
                owner.end = text.length;
        }
    }
    if (text.charCodeAt(0) === 0xfeff) {
        errors.unshift({
            file,
            line: 1,
            column: 1,
            offset: 0,
            message: 'the file starts with a UTF-8 byte order mark, which nginx reads as part of the first directive name; save it without BOM',
            nginx: `unknown directive "\\xEF\\xBB\\xBF${parsed[0]?.directive ?? ''}"`,
        });
    }
    for (const e of lexer.errors) {
        const err = {
            file,
            line: e.line,
            column: e.column,
            message: e.message,
            offset: e.offset,
        };
        if (e.nginx !== undefined)
            err.nginx = e.nginx;
        errors.push(err);
    }
    errors.sort((a, b) => a.line - b.line || a.column - b.column);
    if (errors.length > MAX_SYNTAX_ERRORS) {
        const dropped = errors.length - MAX_SYNTAX_ERRORS;
        errors.length = MAX_SYNTAX_ERRORS;
        const { line, column } = errors[MAX_SYNTAX_ERRORS - 1];
        errors.push({ file, line, column, message: `${dropped} more syntax errors in this file not shown` });
    }
    return { parsed, errors };
}
/**
 * Removes the parentheses of `if (...)` from its arguments, exactly as crossplane does, keeping argPos
 * aligned with args.
 */
function stripIfParens(d) {
    const args = d.args;
    if (args.length === 0 || !args[0].startsWith('(') || !args[args.length - 1].endsWith(')'))
        return;
    const first = args[0];
    const strippedFirst = first.slice(1).trimStart();
    args[0] = strippedFirst;
    d.argPos[0] = { ...d.argPos[0], column: d.argPos[0].column + first.length - strippedFirst.length };
    const lastArg = args[args.length - 1];
    args[args.length - 1] = lastArg.slice(0, -1).trimEnd();
    const from = args[0] === '' ? 1 : 0;
    const to = args.length - (args[args.length - 1] === '' ? 1 : 0);
    d.args = args.slice(from, Math.max(from, to));
    d.argPos = d.argPos.slice(from, Math.max(from, to));
}

;// CONCATENATED MODULE: ./lib/src/nginx/includes.js




const DEFAULT_MAX_FILES = 1000;
/** nginx decides "glob or not" by these characters (ngx_conf_include: strpbrk(name, "*?[")). */
function isGlob(pattern) {
    return /[*?[]/.test(pattern);
}
/**
 * Reads a file as nginx would see its text. Bytes that are not UTF-8 become U+FFFD, as crossplane reads
 * them (nginx itself works on bytes; directive names and paths are ASCII in practice). The BOM is kept
 * so that offsets match the file on disk.
 */
function readConfigText(file) {
    if (file.kind === 'builtin')
        return file.text;
    if (file.text !== undefined)
        return file.text;
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode((0,external_node_fs_.readFileSync)(file.hostPath));
}
/**
 * Loads an nginx configuration the way nginx reads it in its container: the entry file, then every
 * included file, in crossplane's order (breadth-first, each file once; `includes` holds indexes into
 * `files`). Include problems (missing files, empty globs, cycles, too many files) are collected, not
 * thrown. Throws InputError only when the entry file itself is absent or unreadable.
 */
function loadNginxConfig(entry, fs, opts = {}) {
    const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
    const prefix = opts.prefix ?? external_node_path_.posix.dirname(entry.containerPath);
    const entryFile = fs.file(entry.containerPath);
    if (!entryFile)
        throw new core_errors/* InputError */.dz(`nginx configuration ${entry.containerPath} does not exist in the container`);
    const files = [];
    const includeProblems = [];
    const indexOf = new Map();
    const edges = [];
    const add = (containerPath, file) => {
        const hostPath = file.kind === 'host' ? file.hostPath : containerPath;
        let text;
        try {
            text = readConfigText(file);
        }
        catch (error) {
            if (files.length === 0)
                throw new core_errors/* InputError */.dz(`cannot read nginx configuration ${hostPath}: ${(0,core_errors/* errorMessage */.gJ)(error)}`);
            throw error;
        }
        const { parsed, errors } = parseNginxText(text, hostPath);
        const index = files.length;
        files.push({ file: hostPath, containerPath, builtin: file.kind === 'builtin', errors, parsed, text });
        indexOf.set(containerPath, index);
        return index;
    };
    add(entry.containerPath, entryFile);
    for (let current = 0; current < files.length; current++) {
        for (const d of includeDirectives(files[current].parsed)) {
            const arg = d.args[0];
            if (arg === undefined || d.args.length !== 1)
                continue; // checkDirective reports the argument count
            const pattern = arg.startsWith('/') ? arg : external_node_path_.posix.join(prefix, arg);
            let targets;
            if (isGlob(pattern)) {
                targets = fs.glob(pattern).filter((p) => !fs.isDirectory(p));
                if (targets.length === 0)
                    includeProblems.push({ kind: 'empty-glob', directive: d, pattern });
            }
            else if (fs.file(pattern)) {
                targets = [pattern];
            }
            else {
                const message = fs.isDirectory(pattern)
                    ? `${pattern} is a directory`
                    : `open() "${pattern}" failed (2: No such file or directory)`;
                includeProblems.push({ kind: 'missing', directive: d, pattern, message });
                targets = [];
            }
            d.includes = [];
            for (const target of targets) {
                let index = indexOf.get(target);
                if (index === undefined) {
                    if (files.length >= maxFiles) {
                        includeProblems.push({
                            kind: 'depth',
                            directive: d,
                            pattern,
                            message: `more than ${maxFiles} configuration files; ${target} and later files were not read`,
                        });
                        break;
                    }
                    const file = fs.file(target);
                    if (!file)
                        continue;
                    try {
                        index = add(target, file);
                    }
                    catch (error) {
                        includeProblems.push({
                            kind: 'missing',
                            directive: d,
                            pattern,
                            message: `${target}: ${(0,core_errors/* errorMessage */.gJ)(error)}`,
                        });
                        continue;
                    }
                }
                d.includes.push(index);
                edges.push({ from: current, to: index, directive: d, pattern });
            }
        }
    }
    const next = new Map();
    for (const e of edges)
        next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    // Every cycle has an edge back to an earlier-read file (indexes cannot rise all the way round), so
    // checking only those reports each cycle once.
    for (const edge of edges) {
        if (edge.to > edge.from)
            continue;
        const chain = pathBetween(edge.to, edge.from, next);
        if (chain) {
            const names = [edge.from, ...chain].map((i) => files[i].containerPath ?? files[i].file);
            includeProblems.push({
                kind: 'cycle',
                directive: edge.directive,
                pattern: edge.pattern,
                message: `include cycle: ${names.join(' → ')}`,
            });
        }
    }
    return { files, includeProblems };
}
/** The include directives of a file, at any depth, in document order (no recursion). */
function includeDirectives(parsed) {
    const out = [];
    const stack = [{ list: parsed, i: 0 }];
    while (stack.length) {
        const top = stack[stack.length - 1];
        const d = top.list[top.i++];
        if (!d) {
            stack.pop();
            continue;
        }
        if (d.directive === 'include')
            out.push(d);
        if (d.block)
            stack.push({ list: d.block, i: 0 });
    }
    return out;
}
/** File indexes from `from` to `to` following include edges (inclusive), or undefined when unreachable. */
function pathBetween(from, to, next) {
    const previous = new Map([[from, -1]]);
    const queue = [from];
    for (let q = 0; q < queue.length; q++) {
        const at = queue[q];
        if (at === to) {
            const chain = [];
            for (let k = at; k !== -1; k = previous.get(k))
                chain.unshift(k);
            return chain;
        }
        for (const target of next.get(at) ?? []) {
            if (!previous.has(target)) {
                previous.set(target, at);
                queue.push(target);
            }
        }
    }
    return undefined;
}
/**
 * Visits every directive in nginx's reading order: an included file's directives appear in place of
 * the include, with the includer's enclosing blocks. Return false from the visitor to skip a block's
 * children or an include's files. Iterative, and an include cycle is entered only once per chain.
 */
function walk(config, visitor) {
    const first = config.files[0];
    if (!first)
        return;
    // Files on the current include chain (the stack is depth-first), to enter a cycle only once.
    const onChain = new Set();
    const stack = [
        { list: first.parsed, i: 0, parents: [], file: first, fileIndex: 0, chain: undefined, entersFile: true },
    ];
    while (stack.length) {
        const top = stack[stack.length - 1];
        if (top.i === 0 && top.entersFile)
            onChain.add(top.fileIndex);
        const d = top.list[top.i++];
        if (!d) {
            stack.pop();
            if (top.entersFile)
                onChain.delete(top.fileIndex);
            continue;
        }
        const chain = top.chain;
        const ctx = {
            parents: top.parents,
            file: top.file,
            get includedBy() {
                const out = [];
                for (let link = chain; link; link = link.up)
                    out.unshift(link.include);
                return out;
            },
        };
        const descend = visitor(d, ctx) !== false;
        if (!descend)
            continue;
        if (d.block) {
            stack.push({ ...top, list: d.block, i: 0, parents: [...top.parents, d], entersFile: false });
        }
        else if (d.includes?.length) {
            // Pushed in reverse so the first included file is read first.
            for (let k = d.includes.length - 1; k >= 0; k--) {
                const index = d.includes[k];
                const file = config.files[index];
                if (!file || onChain.has(index))
                    continue;
                stack.push({
                    list: file.parsed,
                    i: 0,
                    parents: top.parents,
                    file,
                    fileIndex: index,
                    chain: { include: d, up: top.chain },
                    entersFile: true,
                });
            }
        }
    }
}

;// CONCATENATED MODULE: ./lib/src/nginx/templates.js

/**
 * The official nginx image's /docker-entrypoint.d/20-envsubst-on-templates.sh, statically.
 *
 * At start the image renders every file under $NGINX_ENVSUBST_TEMPLATE_DIR (default
 * /etc/nginx/templates) whose name ends in $NGINX_ENVSUBST_TEMPLATE_SUFFIX (default .template) into
 * $NGINX_ENVSUBST_OUTPUT_DIR (default /etc/nginx/conf.d), keeping subdirectories and dropping the suffix.
 * It runs `envsubst "$defined_envs"`: only variables that are defined in the container environment
 * (and whose names match $NGINX_ENVSUBST_FILTER, a regex, when set) are replaced, in both `$NAME`
 * and `${NAME}` forms, so nginx's own `$host`, `$remote_addr` … survive unless the environment
 * happens to define a variable of that exact (case-sensitive) name.
 */
const TEMPLATE_DIR = '/etc/nginx/templates';
const TEMPLATE_SUFFIX = '.template';
const TEMPLATE_OUTPUT_DIR = '/etc/nginx/conf.d';
/** The variables envsubst will replace: those defined in `env`, filtered by NGINX_ENVSUBST_FILTER. */
function substitutedNames(env) {
    const filter = env.NGINX_ENVSUBST_FILTER;
    let re;
    if (filter) {
        try {
            re = new RegExp(filter);
        }
        catch {
            re = undefined; // awk would fail on it too; then nothing is filtered out
        }
    }
    const names = new Set();
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (re && !re.test(name))
            continue;
        names.add(name);
    }
    return names;
}
/**
 * envsubst with a variable list: `$NAME` (the longest name that follows `$`) and `${NAME}` are replaced
 * when NAME is in the list; everything else, including `${NAME:-default}`, stays as written.
 */
function renderTemplate(text, env) {
    const names = substitutedNames(env);
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced, bare) => {
        const name = braced ?? bare;
        return names.has(name) ? (env[name] ?? '') : whole;
    });
}
/** Where a template lands in the container, or undefined when the entrypoint ignores the file. */
function templateOutputPath(templateContainerPath, env = {}) {
    const dir = path.posix.normalize(env.NGINX_ENVSUBST_TEMPLATE_DIR || TEMPLATE_DIR).replace(/\/$/, '');
    const suffix = env.NGINX_ENVSUBST_TEMPLATE_SUFFIX || TEMPLATE_SUFFIX;
    const out = path.posix.normalize(env.NGINX_ENVSUBST_OUTPUT_DIR || TEMPLATE_OUTPUT_DIR).replace(/\/$/, '');
    if (!templateContainerPath.startsWith(`${dir}/`) || !templateContainerPath.endsWith(suffix))
        return undefined;
    const relative = templateContainerPath.slice(dir.length + 1, templateContainerPath.length - suffix.length);
    if (!relative || relative.endsWith('/'))
        return undefined;
    return `${out}/${relative}`;
}

;// CONCATENATED MODULE: ./lib/src/nginx/index.js







;// CONCATENATED MODULE: ./lib/src/rules/nginx-directive.js




const CONTEXT_NAMES = {
    M: 'the main level',
    E: 'events',
    H: 'http',
    S: 'server',
    L: 'location',
    U: 'upstream',
    I: 'if (in server)',
    J: 'if (in location)',
    X: 'limit_except',
    T: 'stream',
    R: 'stream server',
    P: 'stream upstream',
    A: 'mail',
    B: 'mail server',
};
const LETTERS = 'abcdefghijklmnopqrstuvwxyz_0123456789';
/** A known directive one edit away (typo, dropped or doubled letter, swapped pair), if any. */
function nearestKnown(name) {
    const candidates = [];
    for (let i = 0; i <= name.length; i++) {
        const [head, tail] = [name.slice(0, i), name.slice(i)];
        if (tail)
            candidates.push(head + tail.slice(1));
        if (tail.length > 1)
            candidates.push(head + tail[1] + tail[0] + tail.slice(2));
        for (const c of LETTERS) {
            candidates.push(head + c + tail);
            if (tail)
                candidates.push(head + c + tail.slice(1));
        }
    }
    return candidates.find((c) => c !== name && isKnownDirective(c));
}
function fixFor(p, kind, message) {
    const name = p.d.directive;
    if (message.includes('not terminated by ";"')) {
        return `Add the missing ";" after the arguments of "${name}" (nginx read the next block as part of it).`;
    }
    if (message.includes('has no opening "{"'))
        return `"${name}" is a block directive: give it a { … } body.`;
    if (message.includes('it must be "on" or "off"'))
        return `Set "${name}" to on or off.`;
    if (kind === 'unknown') {
        const near = nearestKnown(name.toLowerCase());
        if (near)
            return `Did you mean "${near}"?`;
        return `Check the spelling of "${name}"; if it belongs to a third-party module, load that module with load_module (the official nginx image does not ship it).`;
    }
    const forms = directiveForms(name) ?? [];
    if (kind === 'context') {
        const allowed = [
            ...new Set(forms.flatMap((f) => [...f.contexts].map((c) => CONTEXT_NAMES[c]).filter(Boolean))),
        ];
        return `Move "${name}" into ${allowed.length ? allowed.map((c) => (c.startsWith('the ') ? c : `a ${c} block`)).join(', or ') : 'a block that allows it'}.`;
    }
    const counts = forms.map((f) => {
        if (f.any)
            return 'any number of';
        const parts = [...f.counts].sort();
        if (f.flag)
            parts.push(1);
        const list = [...new Set(parts)].join(' or ');
        return f.atLeast !== undefined ? `${list ? `${list} or ` : ''}${f.atLeast} or more` : list;
    });
    return `Give "${name}" ${[...new Set(counts)].join(', or ')} argument(s) (it has ${p.d.args.length}); see https://nginx.org/r/${name}.`;
}
const nginxDirective = {
    id: 'nginx-directive',
    severity: 'error',
    title: 'Unknown nginx directive, directive in the wrong context, or wrong argument count',
    check(view) {
        const out = [];
        for (const p of view.directives) {
            for (const problem of checkDirective(p.d, contextOf(p.parents))) {
                out.push(finding(nginxDirective, posOf(p.d), `nginx would exit with: [emerg] ${problem.message} in ${nginxPathOf(p)}:${p.d.line}`, fixFor(p, problem.kind, problem.message), view.proxy ? { service: view.proxy.name } : {}));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/nginx-include-missing.js



function containerPathOfFile(view, hostFile) {
    return view.nginx?.files.find((f) => f.file === hostFile)?.containerPath ?? hostFile;
}
function mountLine(pattern) {
    const rel = `./${external_node_path_.posix.basename(pattern)}`;
    return `- ${rel}:${pattern}:ro`;
}
function describe(view, p) {
    const where = `${containerPathOfFile(view, p.directive.file)}:${p.directive.line}`;
    const proxy = view.proxy?.name ?? 'nginx';
    switch (p.kind) {
        case 'missing':
            return {
                message: `nginx would exit with: [emerg] open() "${p.pattern}" failed (2: No such file or directory) in ${where}: no mount of "${proxy}" and no file of its image provides it`,
                fix: `Mount the file into "${proxy}" (for example add \`${mountLine(p.pattern)}\` to services.${proxy}.volumes), or remove the include.`,
            };
        case 'empty-glob':
            return {
                message: `include "${p.pattern}" matches no file in the "${proxy}" container; nginx accepts an empty glob, so nothing from it is loaded`,
                fix: `Mount the files the glob is meant to load into ${external_node_path_.posix.dirname(p.pattern)}, or remove the include.`,
                note: true,
            };
        case 'cycle':
            return {
                message: `include "${p.pattern}" in ${where} includes itself${p.message ? ` (${p.message})` : ''}; nginx recurses until it runs out of open files and exits`,
                fix: 'Break the cycle: remove the include that leads back to a file already being read.',
            };
        default:
            return {
                message: `include "${p.pattern}" in ${where} nests too deeply${p.message ? ` (${p.message})` : ''}`,
                fix: 'Flatten the include chain.',
            };
    }
}
const nginxIncludeMissing = {
    id: 'nginx-include-missing',
    severity: 'error',
    title: 'An nginx include that no mount or image file provides',
    check(view) {
        return (view.nginx?.includeProblems ?? []).map((p) => {
            const { message, fix, note } = describe(view, p);
            return finding(nginxIncludeMissing, argPosOf(p.directive, 0), message, fix, {
                ...(view.proxy ? { service: view.proxy.name } : {}),
                ...(note ? { severity: 'note' } : {}),
            });
        });
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/nginx-syntax.js

/** A concrete repair for the common faults, keyed on nginx's wording. */
function fixText(e) {
    const text = `${e.nginx ?? ''} ${e.message}`;
    if (/unclosed quote|unterminated (string|quote)/i.test(text)) {
        return 'Close the quoted string with the same quote character it opens with.';
    }
    if (/not terminated by ";"/.test(text))
        return 'Add the missing ";" at the end of the directive.';
    if (/unexpected end of file/.test(text))
        return 'Add the missing "}" that closes the open block.';
    if (/unexpected "}"/.test(text))
        return 'Add the missing ";" before this "}", or remove the extra "}".';
    if (/unexpected "\{"|has no opening "\{"/.test(text))
        return 'Terminate the previous directive with ";", or give the block its directive name.';
    return 'Correct the syntax at this position; nginx stops reading the configuration here.';
}
const nginxSyntax = {
    id: 'nginx-syntax',
    severity: 'error',
    title: 'nginx syntax error: unterminated directive, unbalanced braces or unclosed quote',
    check(view) {
        const out = [];
        for (const file of view.nginx?.files ?? []) {
            const shownAs = file.containerPath ?? file.file;
            for (const e of file.errors) {
                const nginxSays = e.nginx ?? e.message;
                out.push(finding(nginxSyntax, { file: e.file, line: e.line, column: e.column }, `${e.message}; nginx would exit with: [emerg] ${nginxSays} in ${shownAs}:${e.line}`, fixText(e), view.proxy ? { service: view.proxy.name } : {}));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/origins.js



/** PCRE → JS for the simple patterns people write for origins: (?P<n>…) and a leading (?i). */
function toJsRegExp(pattern, icase) {
    let source = pattern.replace(/\(\?P</g, '(?<');
    let flags = icase ? 'i' : '';
    const inline = /^\(\?i\)/.exec(source);
    if (inline) {
        source = source.slice(inline[0].length);
        flags = 'i';
    }
    try {
        return new RegExp(source, flags);
    }
    catch {
        return undefined;
    }
}
/** The trusted domain the pattern spells out (`example\.com` → example.com), the longest one if several. */
function trustedDomain(pattern) {
    const found = [...pattern.matchAll(/(?:[a-z0-9-]+\\?\.)+[a-z]{2,}/gi)].map((m) => m[0].replace(/\\\./g, '.'));
    return found.sort((a, b) => b.length - a.length)[0];
}
/** Origins/referers an attacker can register or craft that a sound check for `domain` must reject. */
function attackerValues(domain, header) {
    // An unescaped dot lets "wwwxexample.com" stand in for "www.example.com" (kept only if still a domain).
    const dotless = [...domain.matchAll(/\./g)]
        .map((m) => `${domain.slice(0, m.index)}x${domain.slice(m.index + 1)}`)
        .filter((d) => d.includes('.'));
    const values = [
        `https://${domain}.evil.com`,
        `https://www.${domain}.evil.com`,
        `https://evil-${domain}`,
        `https://evil${domain}`,
        ...dotless.map((d) => `https://${d}`),
    ];
    if (header === 'origin')
        return [...values, `https://evil.com?${domain}`];
    // A Referer is a full URL: try each host with a path, plus the trusted name inside an attacker's URL.
    return [
        ...values.map((v) => `${v}/`),
        `https://evil.com/${domain}`,
        `https://evil.com/?https://${domain}/`,
    ];
}
/** Regex checks of Origin/Referer: `if ($http_origin ~ re)` and `map $http_origin $x { ~re … }` entries. */
function originChecks(view) {
    const out = [];
    const headerOf = (variable) => variable?.toLowerCase() === '$http_origin'
        ? 'origin'
        : variable?.toLowerCase() === '$http_referer'
            ? 'referer'
            : undefined;
    for (const p of view.directives) {
        if (p.d.directive === 'if' && p.d.block) {
            const cond = ifRegex(p.d);
            const header = headerOf(cond?.subject);
            if (cond && header)
                out.push({ at: argPosOf(p.d, 2), header, pattern: cond.pattern, icase: cond.icase });
        }
        if (p.d.directive === 'map' && p.d.block) {
            const header = headerOf(p.d.args[0]);
            if (!header)
                continue;
            for (const entry of p.d.block) {
                const m = /^~(\*?)(.*)$/s.exec(entry.directive);
                if (m)
                    out.push({ at: posOf(entry), header, pattern: m[2], icase: m[1] === '*' });
            }
        }
    }
    return out;
}
const origins = {
    id: 'origins',
    severity: 'warning',
    title: 'An Origin/Referer check uses a regex that accepts attacker domains',
    check(view) {
        const out = [];
        for (const { at, header, pattern, icase } of originChecks(view)) {
            const domain = trustedDomain(pattern);
            const re = toJsRegExp(pattern, icase);
            if (!domain || !re)
                continue;
            const accepted = attackerValues(domain, header).filter((v) => re.test(v));
            if (accepted.length === 0)
                continue;
            out.push(finding(origins, at, `the ${header} check "${pattern}" also accepts ${accepted.map((v) => `"${v}"`).join(', ')}: ${pattern.startsWith('^') ? '' : 'it is not anchored with ^, '}${/[^\\]\.[a-z]/i.test(pattern) ? 'a dot is unescaped, ' : ''}so any site can pass as ${domain}.`, `Anchor the whole value and escape the dots, e.g. "~^https://([a-z0-9-]+\\.)*${domain.replace(/\./g, '\\.')}(:[0-9]+)?${header === 'referer' ? '(/|$)' : '$'}".`, view.proxy ? { service: view.proxy.name } : {}));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/edits.js


/**
 * One edit that adds several entries to `services.<service>.<key>`. Separate edits at the same
 * place would each create the key when it is missing; applying them in turn and diffing avoids that.
 */
function addEntriesToServiceKey(file, service, key, entries) {
    let before;
    try {
        before = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    let text = before;
    for (const entry of entries) {
        const e = addToServiceKey(file, service, key, entry, text);
        if (!e)
            return undefined;
        text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
    let start = 0;
    while (start < before.length && before[start] === text[start])
        start++;
    let tail = 0;
    while (tail < before.length - start && before[before.length - 1 - tail] === text[text.length - 1 - tail])
        tail++;
    return { file, start, end: before.length - tail, text: text.slice(start, text.length - tail) };
}

;// CONCATENATED MODULE: ./lib/src/rules/proxy-config-not-mounted.js




const CONF_D = '/etc/nginx/conf.d';
const CONFIG_NAME = /\.conf(\.template)?$/;
function relativeSource(view, hostPath) {
    const rel = external_node_path_.relative(view.compose.projectDir, hostPath).split(external_node_path_.sep).join('/');
    return rel.startsWith('..') || external_node_path_.isAbsolute(rel) ? hostPath : `./${rel}`;
}
/** Where the official image picks a file up: templates are rendered into conf.d, the rest is read from there. */
function mountTargetFor(view, hostPath) {
    const name = external_node_path_.basename(hostPath);
    if (name.endsWith('.template'))
        return `/etc/nginx/templates/${name}`;
    return view.nginx?.files.find((f) => f.file === hostPath)?.containerPath ?? external_node_path_.posix.join(CONF_D, name);
}
function isRead(view, hostPath) {
    return (view.nginx?.files ?? []).some((f) => f.file === hostPath || f.file.startsWith(`${hostPath}${external_node_path_.sep}`));
}
function kindOf(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isDirectory() ? 'dir' : 'file';
    }
    catch {
        return undefined;
    }
}
/** Config files a mount brings under /etc/nginx that no include of the loaded configuration reaches. */
function unreachedMounts(view) {
    const out = [];
    for (const m of view.proxy?.volumes ?? []) {
        if (m.type !== 'bind' || !m.hostPath || !m.target.startsWith('/etc/nginx/'))
            continue;
        const kind = kindOf(m.hostPath);
        if (kind === 'file') {
            if (CONFIG_NAME.test(m.hostPath) && !isRead(view, m.hostPath))
                out.push({ mount: m, files: [m.hostPath] });
        }
        else if (kind === 'dir') {
            let names = [];
            try {
                names = (0,external_node_fs_.readdirSync)(m.hostPath).filter((n) => CONFIG_NAME.test(n));
            }
            catch {
                continue;
            }
            const files = names.map((n) => external_node_path_.join(m.hostPath, n));
            // A directory of snippets is fine while anything in it is used; a wholly unread one is a mistake.
            if (files.length && !files.some((f) => isRead(view, f)))
                out.push({ mount: m, files });
        }
    }
    return out;
}
function includedPatterns(view) {
    return [
        ...new Set(view.directives.filter((p) => p.d.directive === 'include').map((p) => p.d.args[0] ?? '')),
    ].filter((p) => p && !/mime\.types$|_params$/.test(p));
}
const proxyConfigNotMounted = {
    id: 'proxy-config-not-mounted',
    severity: 'error',
    title: 'The nginx configuration is not mounted where the proxy loads it',
    fixable: true,
    check(view) {
        const proxy = view.proxy;
        if (!proxy)
            return [];
        const out = [];
        const lines = view.unmountedConfigs.map((u) => `${relativeSource(view, u.hostPath)}:${mountTargetFor(view, u.hostPath)}:ro`);
        const edit = lines.length
            ? addEntriesToServiceKey(proxy.pos.file, proxy.name, 'volumes', lines.map((l) => ({ item: l, mapKey: l })))
            : undefined;
        view.unmountedConfigs.forEach((u, i) => {
            const target = mountTargetFor(view, u.hostPath);
            const replaced = view.containerFs?.file(target.replace('/templates/', '/conf.d/').replace(/\.template$/, ''));
            const instead = target.endsWith('/nginx.conf') || replaced
                ? `its image's own ${target.replace(/\.template$/, '').replace('/templates/', '/conf.d/')}`
                : "its image's default configuration";
            out.push(finding(proxyConfigNotMounted, proxy.pos, `${relativeSource(view, u.hostPath)} is never mounted into "${proxy.name}": nginx in the container loads ${instead} instead, so none of this file's settings apply`, {
                description: `Mount it: add \`- ${lines[i]}\` to services.${proxy.name}.volumes.`,
                ...(edit ? { edits: [edit] } : {}),
            }, {
                service: proxy.name,
                related: [
                    {
                        pos: { file: u.hostPath, line: 1, column: 1 },
                        message: 'the configuration that is not mounted',
                    },
                ],
            }));
        });
        if (view.nginx?.files.length) {
            const patterns = includedPatterns(view);
            for (const { mount, files } of unreachedMounts(view)) {
                const isDir = files.length > 1 || files[0] !== mount.hostPath;
                const suggestion = isDir
                    ? CONF_D
                    : external_node_path_.posix.join(CONF_D, external_node_path_.basename(mount.hostPath).replace(/\.template$/, ''));
                out.push(finding(proxyConfigNotMounted, mount.pos, `${mount.source ?? mount.hostPath} is mounted at ${mount.target}, but nginx never reads ${isDir ? 'any config file there' : 'that file'}: the loaded configuration includes only ${patterns.length ? patterns.join(', ') : 'no other files'}`, `Mount it where an include reaches it, e.g. \`- ${mount.source ?? mount.hostPath}:${suggestion}${mount.readOnly ? ':ro' : ''}\`, or add an include for ${mount.target}${isDir ? '/*.conf' : ''} to nginx.conf.`, { service: proxy.name }));
            }
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/proxy-headers-missing.js



/** The headers a backend needs to see the client rather than the proxy, with the usual values. */
const WANTED = [
    { name: 'Host', line: 'proxy_set_header Host $host;' },
    { name: 'X-Real-IP', line: 'proxy_set_header X-Real-IP $remote_addr;' },
    { name: 'X-Forwarded-For', line: 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;' },
];
const proxyHeadersMissing = {
    id: 'proxy-headers-missing',
    severity: 'warning',
    title: 'A proxied location does not pass Host, X-Real-IP or X-Forwarded-For',
    fixable: true,
    check(view) {
        const out = [];
        for (const pl of proxiedLocations(view)) {
            const set = effective(view, pl.chain, 'proxy_set_header');
            const have = new Set(set.map((p) => (p.d.args[0] ?? '').toLowerCase()));
            const missing = WANTED.filter((w) => !have.has(w.name.toLowerCase()));
            if (missing.length === 0)
                continue;
            // proxy_set_header is inherited only by levels that set none themselves: once the location gets one,
            // everything inherited from server/http stops applying, so those lines are copied in too.
            const inheritedLevel = set[0]?.parents[set[0].parents.length - 1];
            const inherited = inheritedLevel !== undefined && inheritedLevel !== pl.location ? set.map(directiveText) : [];
            const lines = [...inherited, ...missing.map((m) => m.line)];
            const edit = insertAtLocation(pl, lines);
            const names = missing.map((m) => m.name).join(', ');
            const target = pl.pass.d.args[0] ?? '';
            const from = inherited.length
                ? ` (it inherits ${set.length} proxy_set_header line(s) from ${inheritedLevel?.directive} at line ${set[0].d.line})`
                : '';
            out.push(finding(proxyHeadersMissing, argPosOf(pl.pass.d, 0), `location "${pl.location.args.join(' ')}" proxies to ${target} without setting ${names}${from}: LibreSpeed and most apps then see the proxy's address instead of the client's${missing.some((m) => m.name === 'Host')
                ? `, and nginx sends the upstream name ("${pl.pass.d.args[0]?.replace(/^[a-z]+:\/\//i, '').split('/')[0]}") as Host`
                : ''}.`, {
                description: `Add ${lines.length === missing.length ? '' : 'the inherited headers plus '}${missing.map((m) => `"${m.line}"`).join(', ')} in the location${inherited.length ? ' (a location that sets any proxy_set_header no longer inherits those of server/http, so they are repeated)' : ''}.`,
                ...(edit ? { edits: [edit] } : {}),
            }, {
                ...(view.proxy ? { service: view.proxy.name } : {}),
                related: [{ pos: posOf(pl.location), message: 'the location' }],
            }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/runtime-resolve-without-resolver.js





const RESOLVER = 'resolver 127.0.0.11 valid=10s;';
/** Inserts the resolver at the start of `block`, when the host file still reads as parsed. */
function insertResolver(block) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(block.file, 'utf8');
    }
    catch {
        return undefined;
    }
    if (text.slice(block.start, block.start + block.directive.length) !== block.directive)
        return undefined;
    return [insertDirectives(text, block.file, block, [RESOLVER])];
}
function runtime_resolve_without_resolver_fixFor(view, p, upstream) {
    const mode = view.proxy?.networkMode.kind;
    // 127.0.0.11 is Docker's embedded DNS, present only on user-defined networks.
    if (mode === 'host' || mode === 'bridge' || mode === 'none') {
        return {
            description: `Add a "resolver" with a DNS server the proxy can reach (network_mode: ${mode} has no Docker DNS at 127.0.0.11), e.g. the nameserver from the host's /etc/resolv.conf.`,
        };
    }
    // An upstream block takes its own resolver (nginx 1.27.3+, which `resolve` needs anyway).
    const block = upstream ? enclosing(p, 'upstream') : (enclosing(p, 'server') ?? enclosing(p, 'http'));
    const edits = block ? insertResolver(block) : undefined;
    return {
        description: `Add \`${RESOLVER}\` (Docker's embedded DNS) to the ${block?.directive ?? 'http'} block.`,
        ...(edits ? { edits } : {}),
    };
}
function message(ref) {
    const p = ref.directive;
    const where = `${nginxPathOf(p)}:${p.d.line}`;
    if (ref.kind === 'upstream-server') {
        // nginx checks this one at load time (1.27.3+): it refuses to start.
        return `nginx would exit at start: [emerg] no resolver defined to resolve names at run time in upstream "${ref.upstreamName}" in ${where} ("server ${ref.quoted} resolve" needs a "resolver" in the upstream or http block)`;
    }
    const host = ref.host || p.d.args[0] || '';
    return `${p.d.directive} ${p.d.args[0] ?? ''} contains a variable, so nginx resolves "${host}" per request with its own resolver (not /etc/hosts), and none is defined here: every request gets 502 Bad Gateway and the error log says "no resolver defined to resolve ${host}" (${where})`;
}
const runtimeResolveWithoutResolver = {
    id: 'runtime-resolve-without-resolver',
    severity: 'warning',
    title: 'A host nginx resolves at request time, with no `resolver` in scope',
    fixable: true,
    check(view) {
        const out = [];
        for (const ref of view.upstreamRefs) {
            if (ref.resolveAt !== 'runtime' || (0,external_node_net_.isIP)(ref.host) !== 0)
                continue;
            // `http://$target` may name an upstream block at request time; then no resolver is needed.
            if (ref.host === '' && view.upstreamBlocks.size > 0)
                continue;
            if (effective(view, ref.directive.parents, 'resolver').length)
                continue;
            const upstream = ref.kind === 'upstream-server';
            out.push(finding(runtimeResolveWithoutResolver, upstream ? ref.pos : posOf(ref.directive.d), message(ref), runtime_resolve_without_resolver_fixFor(view, ref.directive, upstream), {
                ...(view.proxy ? { service: view.proxy.name } : {}),
                ...(upstream ? { severity: 'error' } : {}),
            }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/project/upstreams.js
/** Directives that take an upstream address, with the default port of each scheme. */
const PASS_DIRECTIVES = {
    proxy_pass: { schemes: { http: 80, https: 443 }, defaultPort: 80 },
    grpc_pass: { schemes: { grpc: 80, grpcs: 443 }, defaultPort: 80 },
    fastcgi_pass: { schemes: {}, defaultPort: 80 },
    uwsgi_pass: { schemes: { uwsgi: 80, suwsgi: 80 }, defaultPort: 80 },
    scgi_pass: { schemes: {}, defaultPort: 80 },
    memcached_pass: { schemes: {}, defaultPort: 80 },
};
const PASS_DIRECTIVE_NAMES = Object.keys(PASS_DIRECTIVES);
/** Splits `scheme://host:port/uri`, `host:port`, `[v6]:port` or `unix:/path` (returns undefined for sockets). */
function parseAddress(arg, withScheme) {
    let rest = arg;
    let offset = 0;
    let scheme;
    if (withScheme) {
        const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
        if (m) {
            scheme = m[1].toLowerCase();
            offset = m[0].length;
            rest = rest.slice(offset);
        }
    }
    if (rest.startsWith('unix:'))
        return undefined;
    const slash = rest.indexOf('/');
    const authority = slash >= 0 ? rest.slice(0, slash) : rest;
    const uri = slash >= 0 ? rest.slice(slash) : undefined;
    let host;
    let portText;
    if (authority.startsWith('[')) {
        const close = authority.indexOf(']');
        host = authority.slice(1, close < 0 ? undefined : close);
        const after = close < 0 ? '' : authority.slice(close + 1);
        portText = after.startsWith(':') ? after.slice(1) : undefined;
    }
    else {
        const colon = authority.lastIndexOf(':');
        host = colon >= 0 ? authority.slice(0, colon) : authority;
        portText = colon >= 0 ? authority.slice(colon + 1) : undefined;
    }
    const port = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
    return {
        host,
        ...(port !== undefined ? { port } : {}),
        quoted: authority,
        hostOffset: offset + (authority.startsWith('[') ? 1 : 0),
        ...(scheme !== undefined ? { scheme } : {}),
        ...(uri !== undefined ? { uri } : {}),
    };
}
function argPos(d, index, within = 0) {
    const p = d.argPos[index];
    // Arguments may be quoted; the +within offset is exact for unquoted args, close enough for quoted ones.
    return p ? { file: d.file, line: p.line, column: p.column + within } : { file: d.file, line: d.line, column: d.column };
}
/**
 * Every host nginx resolves: `server` lines in `upstream` blocks (at load, unless `resolve`), and
 * literal hosts in `*_pass` (at load) unless they name an upstream block or contain a variable
 * (then nginx's own resolver looks them up per request, and only when no upstream block matches).
 */
function collectUpstreamRefs(directives, upstreamBlocks) {
    const refs = [];
    for (const placed of directives) {
        const { d, parents } = placed;
        const parent = parents[parents.length - 1];
        if (d.directive === 'server' && parent?.directive === 'upstream') {
            const arg = d.args[0];
            if (arg === undefined)
                continue;
            const addr = parseAddress(arg, false);
            if (!addr || addr.host === '')
                continue;
            const runtime = d.args.slice(1).includes('resolve');
            refs.push({
                host: addr.host,
                ...(addr.port !== undefined ? { port: addr.port } : {}),
                effectivePort: addr.port ?? 80,
                quoted: addr.quoted,
                resolveAt: runtime ? 'runtime' : 'load',
                kind: 'upstream-server',
                directive: placed,
                upstreamName: parent.args[0] ?? '',
                pos: argPos(d, 0, addr.hostOffset),
            });
            continue;
        }
        const spec = PASS_DIRECTIVES[d.directive];
        if (!spec)
            continue;
        const arg = d.args[0];
        if (arg === undefined)
            continue;
        const addr = parseAddress(arg, true);
        if (!addr)
            continue;
        // Any variable in the argument makes nginx evaluate it per request and resolve with `resolver`.
        const hasVariable = arg.includes('$');
        if (hasVariable) {
            const literal = addr.quoted.split('$')[0];
            addr.host = literal.includes(':') ? literal.slice(0, literal.lastIndexOf(':')) : literal;
        }
        // `proxy_pass http://name` with `upstream name {}` uses the block: no DNS (unless it has a variable
        // that happens to match at request time, which nginx also checks against upstream blocks first).
        if (!hasVariable && addr.host === '')
            continue;
        if (!hasVariable && upstreamBlocks.has(addr.host))
            continue;
        if (!hasVariable && upstreamBlocks.has(addr.quoted))
            continue;
        const port = addr.port;
        refs.push({
            host: addr.host,
            ...(port !== undefined ? { port } : {}),
            effectivePort: port ?? (addr.scheme ? (spec.schemes[addr.scheme] ?? spec.defaultPort) : spec.defaultPort),
            // nginx resolves a *_pass host through an implicit upstream and quotes only the host.
            quoted: addr.host,
            resolveAt: hasVariable ? 'runtime' : 'load',
            kind: 'pass',
            directive: placed,
            pos: argPos(d, 0, addr.hostOffset),
        });
    }
    return refs;
}

;// CONCATENATED MODULE: ./lib/src/rules/speedtest-proxy-tuning.js





/** LibreSpeed's client uploads 20 MiB blobs; 21m leaves room for the request overhead (librespeed#553). */
const MIN_BODY = 21 * 1024 * 1024;
/** From nginx 1.29.7 proxy_http_version defaults to 1.1. */
const HTTP11_DEFAULT_FROM = [1, 29, 7];
/** nginx sizes: `1024`, `8k`, `21m`, `1g` (case-insensitive); undefined when unparsable. */
function parseSize(text) {
    const m = /^(\d+)([kmg]?)$/i.exec(text.trim());
    if (!m)
        return undefined;
    const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()];
    return Number(m[1]) * unit;
}
/** The LibreSpeed service behind each proxy_pass, directly or through an `upstream` block. */
function libreSpeedTargets(view) {
    const byPass = new Map();
    const byUpstream = new Map();
    const push = (map, key, ref) => {
        const list = map.get(key);
        if (list)
            list.push(ref);
        else
            map.set(key, [ref]);
    };
    for (const ref of view.upstreamRefs) {
        if (ref.kind === 'upstream-server')
            push(byUpstream, ref.upstreamName ?? '', ref);
        else
            push(byPass, ref.directive, ref);
    }
    const resolved = new Map();
    const libreSpeedAt = (host) => {
        if (!resolved.has(host)) {
            const res = view.resolve(host);
            resolved.set(host, res.ok && res.service && isLibreSpeedImage(res.service.image?.value) ? res.service : undefined);
        }
        return resolved.get(host);
    };
    return (pl) => {
        const arg = pl.pass.d.args[0] ?? '';
        const addr = arg.includes('$') ? undefined : parseAddress(arg, true);
        const refs = [
            ...(byPass.get(pl.pass) ?? []),
            ...(addr ? (byUpstream.get(addr.host) ?? byUpstream.get(addr.quoted) ?? []) : []),
        ];
        for (const ref of refs) {
            const service = ref.host === '' ? undefined : libreSpeedAt(ref.host);
            if (service)
                return service;
        }
        return undefined;
    };
}
const speedtestProxyTuning = {
    id: 'speedtest-proxy-tuning',
    severity: 'warning',
    title: 'The proxy in front of LibreSpeed limits or buffers uploads, compresses, or speaks HTTP/1.0 upstream',
    fixable: true,
    check(view) {
        const out = [];
        const version = proxyNginxVersion(view);
        const libreSpeedTarget = libreSpeedTargets(view);
        for (const pl of proxiedLocations(view)) {
            const service = libreSpeedTarget(pl);
            if (!service)
                continue;
            const setting = (name) => effective(view, pl.chain, name).at(-1);
            const value = (name) => setting(name)?.d.args[0]?.toLowerCase();
            const problems = [];
            const body = value('client_max_body_size') ?? '1m';
            const bytes = parseSize(body);
            if (bytes !== undefined && bytes !== 0 && bytes < MIN_BODY) {
                problems.push({
                    what: `client_max_body_size is ${body} (uploads of 20 MB get "413 Request Entity Too Large")`,
                    line: 'client_max_body_size 21m;',
                    name: 'client_max_body_size',
                });
            }
            if (value('proxy_buffering') !== 'off') {
                problems.push({
                    what: 'responses are buffered (proxy_buffering on)',
                    line: 'proxy_buffering off;',
                    name: 'proxy_buffering',
                });
            }
            if (value('proxy_request_buffering') !== 'off') {
                problems.push({
                    what: 'uploads are buffered before reaching the backend (proxy_request_buffering on)',
                    line: 'proxy_request_buffering off;',
                    name: 'proxy_request_buffering',
                });
            }
            const http = value('proxy_http_version');
            if (http === undefined ? !(version && versionAtLeast(version, HTTP11_DEFAULT_FROM)) : http !== '1.1') {
                problems.push({
                    what: `the upstream connection uses HTTP/${http ?? '1.0'}${http === undefined ? ' (the default before nginx 1.29.7)' : ''}`,
                    line: 'proxy_http_version 1.1;',
                    name: 'proxy_http_version',
                });
            }
            if (value('gzip') === 'on')
                problems.push({ what: 'gzip is on (skews the download figure)', line: 'gzip off;', name: 'gzip' });
            if (problems.length === 0)
                continue;
            const lines = problems.map((p) => p.line);
            // A wrong value written in the location itself is rewritten in place (a second one would be a
            // "directive is duplicate" emerg); everything else goes in after the proxy_pass.
            const edits = [];
            const toInsert = [];
            for (const p of problems) {
                const own = setting(p.name);
                const editable = own &&
                    own.parents.at(-1) === pl.location &&
                    !own.file.builtin &&
                    !own.file.file.endsWith('.template');
                if (editable)
                    edits.push({ file: own.file.file, start: own.d.start, end: own.d.end, text: p.line });
                else
                    toInsert.push(p.line);
            }
            const insert = insertAtLocation(pl, toInsert);
            if (insert)
                edits.push(insert);
            const complete = edits.length > 0 && (insert !== undefined || toInsert.length === 0);
            out.push(finding(speedtestProxyTuning, argPosOf(pl.pass.d, 0), `location "${pl.location.args.join(' ')}" proxies to LibreSpeed ("${service.name}", ${service.image?.value}) but ${problems.map((p) => p.what).join('; ')}.`, { description: `Set in the location: ${lines.join(' ')}`, ...(complete ? { edits } : {}) }, {
                ...(view.proxy ? { service: view.proxy.name } : {}),
                related: [{ pos: service.pos, message: `LibreSpeed service "${service.name}"` }],
            }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/ssrf.js




const PASSES = ['proxy_pass', 'grpc_pass'];
/** `internal` locations and named locations (`@x`) cannot be requested directly. */
function internalOnly(p) {
    return p.parents.some((b) => b.directive === 'location' &&
        (b.args[0]?.startsWith('@') || b.block?.some((c) => c.directive === 'internal')));
}
/**
 * The variables in the scheme or host:port part of a pass target that the client controls. The authority
 * ends at the first literal "/" after "scheme://", or at a variable that always starts with "/"
 * (`http://backend$request_uri` is safe; `http://backend$1` with `location ~ ^/api(.*)` is not).
 */
function userControlledTargetVars(view, p, anyHost) {
    const value = p.d.args[0] ?? '';
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0];
    let state = scheme ? 'authority' : 'scheme';
    const hits = [];
    const parts = splitValue(value.slice(scheme?.length ?? 0));
    for (const part of parts) {
        if (part.kind === 'text') {
            if (state === 'scheme') {
                const at = part.text.indexOf('://');
                if (at < 0)
                    continue;
                state = 'authority';
                if (part.text.slice(at + 3).includes('/'))
                    return hits;
                continue;
            }
            if (part.text.includes('/'))
                return hits;
            continue;
        }
        const name = part.name.toLowerCase();
        if (name === 'host') {
            const server = serverOf(p);
            if (server && anyHost.has(server))
                hits.push(`$${part.name}`);
            continue;
        }
        const t = variableTaint(view, p, part.name);
        if (state === 'authority' && t.slashFirst)
            return hits;
        if (t.user)
            hits.push(`$${part.name}`);
    }
    return hits;
}
const ssrf = {
    id: 'ssrf',
    severity: 'warning',
    title: 'The client controls the host a proxy_pass connects to (server-side request forgery)',
    check(view) {
        const out = [];
        const anyHost = anyHostServers(view);
        for (const p of directivesNamed(view, ...PASSES)) {
            if (!p.d.args[0]?.includes('$') || internalOnly(p))
                continue;
            const vars = userControlledTargetVars(view, p, anyHost);
            if (vars.length === 0)
                continue;
            out.push(finding(ssrf, argPosOf(p.d, 0), `${p.d.directive} ${p.d.args[0]} takes its scheme or host from ${vars.join(', ')}, which the client controls: anyone can make nginx request internal services or other hosts.`, 'Proxy to a fixed host or upstream block, keep only the path variable (e.g. "proxy_pass http://backend$request_uri"), or map the client value to an allow-list with "map" and reject the rest.', view.proxy ? { service: view.proxy.name } : {}));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/tls-file-missing.js



const ENOENT = 'SSL: error:80000002:system library::No such file or directory';
/** nginx's own complaint for each file directive, and whether it stops nginx at start. */
const FILE_DIRECTIVES = {
    ssl_certificate: {
        says: (p) => `cannot load certificate "${p}": BIO_new_file() failed (${ENOENT})`,
        atStart: true,
    },
    ssl_certificate_key: {
        says: (p) => `cannot load certificate key "${p}": BIO_new_file() failed (${ENOENT})`,
        atStart: true,
    },
    ssl_trusted_certificate: {
        says: (p) => `SSL_CTX_load_verify_locations("${p}") failed (${ENOENT})`,
        atStart: true,
    },
    ssl_client_certificate: {
        says: (p) => `SSL_CTX_load_verify_locations("${p}") failed (${ENOENT})`,
        atStart: true,
    },
    ssl_dhparam: { says: (p) => `BIO_new_file("${p}") failed (${ENOENT})`, atStart: true },
    auth_basic_user_file: {
        says: (p) => `open() "${p}" failed (2: No such file or directory)`,
        atStart: false,
    },
};
const NGINX_PREFIX = '/etc/nginx';
/** Paths under a named volume or tmpfs have contents we cannot see; a built proxy image may carry its own files. */
function unknowable(view, containerPath) {
    const proxy = view.proxy;
    if (!proxy)
        return true;
    const covering = proxy.volumes
        .filter((m) => containerPath === m.target || containerPath.startsWith(`${m.target.replace(/\/$/, '')}/`))
        .sort((a, b) => b.target.length - a.target.length)[0];
    if (covering)
        return covering.type !== 'bind';
    return proxy.build !== undefined;
}
function check(view, p) {
    const spec = FILE_DIRECTIVES[p.d.directive];
    const value = p.d.args[0];
    if (!spec || value === undefined || !view.containerFs)
        return undefined;
    // Variables are evaluated per handshake; `data:` and `engine:` keys are not files.
    if (value.includes('$') || value.startsWith('data:') || value.startsWith('engine:') || value === 'off')
        return undefined;
    const containerPath = external_node_path_.posix.resolve(NGINX_PREFIX, value);
    if (view.containerFs.file(containerPath) || unknowable(view, containerPath))
        return undefined;
    const proxy = view.proxy.name;
    const where = `${nginxPathOf(p)}:${p.d.line}`;
    const message = spec.atStart
        ? `nginx would exit at start: [emerg] ${spec.says(containerPath)} (${p.d.directive} in ${where}); no mount of "${proxy}" and no file of its image provides ${containerPath}`
        : `${containerPath} is not in the "${proxy}" container (${p.d.directive} in ${where}); nginx starts, but every request to this location gets 500 Internal Server Error and the log says: [crit] ${spec.says(containerPath)}`;
    return finding(tlsFileMissing, argPosOf(p.d, 0), message, `Mount the file into "${proxy}", e.g. add \`- ./${external_node_path_.posix.basename(containerPath)}:${containerPath}:ro\` to services.${proxy}.volumes (or mount its directory), or correct the path.`, { service: proxy });
}
const tlsFileMissing = {
    id: 'tls-file-missing',
    severity: 'error',
    title: 'A certificate, key, dhparam or htpasswd file that is not in the proxy container',
    check(view) {
        if (!view.proxy)
            return [];
        return directivesNamed(view, ...Object.keys(FILE_DIRECTIVES))
            .map((p) => check(view, p))
            .filter((f) => f !== undefined);
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/tls-listen-without-cert.js


const tlsListenWithoutCert = {
    id: 'tls-listen-without-cert',
    severity: 'error',
    title: '`listen … ssl` in a server without ssl_certificate',
    check(view) {
        const out = [];
        for (const l of view.listens) {
            if (!l.ssl || l.implicit)
                continue;
            const chain = [...l.directive.parents];
            if (effective(view, chain, 'ssl_certificate').length)
                continue;
            // A server that only refuses handshakes needs no certificate (nginx 1.19.4+).
            const reject = effective(view, chain, 'ssl_reject_handshake')[0];
            if (reject?.d.args[0]?.toLowerCase() === 'on')
                continue;
            const d = l.directive.d;
            const sslArg = d.args.indexOf('ssl');
            out.push(finding(tlsListenWithoutCert, argPosOf(d, Math.max(sslArg, 0)), `nginx would exit at start: [emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive in ${nginxPathOf(l.directive)}:${d.line}`, 'Add `ssl_certificate /etc/nginx/certs/fullchain.pem;` and `ssl_certificate_key /etc/nginx/certs/privkey.pem;` to this server (or http) block and mount the files, or drop "ssl" from the listen.', view.proxy ? { service: view.proxy.name } : {}));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/tls-weak-protocol.js



const WEAK_PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1'];
/** nginx 1.23.4 dropped TLSv1 and TLSv1.1 from the default ssl_protocols. */
const MODERN_DEFAULT_FROM = [1, 23, 4];
/** Cipher-string words that enable broken or unauthenticated suites (OpenSSL names). */
const WEAK_CIPHER = /^(?:.*\b)?(NULL|eNULL|aNULL|EXPORT\d*|EXP|RC4|DES|3DES|DES-CBC3|MD5|LOW|EXPORT|ADH|AECDH|SEED|IDEA)(?:\b.*)?$/i;
/** Broad groups that include anonymous (aNULL) suites unless those are removed. */
const BROAD = new Set(['ALL', 'HIGH', 'MEDIUM', 'COMPLEMENTOFALL', 'COMPLEMENTOFDEFAULT']);
/** The enabled weak parts of an OpenSSL cipher string. */
function weakCiphers(spec) {
    const tokens = spec.split(/[:, ]+/).filter(Boolean);
    const removed = new Set(tokens.filter((t) => t.startsWith('!') || t.startsWith('-')).map((t) => t.slice(1).toUpperCase()));
    const weak = [];
    for (const token of tokens) {
        if (/^[!+-]/.test(token) || token.startsWith('@'))
            continue;
        const parts = token.split('+');
        if (parts.some((p) => p.toUpperCase() === 'MEDIUM'))
            weak.push(token);
        else if (parts.some((p) => BROAD.has(p.toUpperCase()))) {
            if (!removed.has('ANULL') && !(removed.has('ADH') && removed.has('AECDH')))
                weak.push(`${token} without !aNULL`);
        }
        else if (parts.some((p) => WEAK_CIPHER.test(p)) && !parts.some((p) => removed.has(p.toUpperCase())))
            weak.push(token);
    }
    return weak;
}
const tlsWeakProtocol = {
    id: 'tls-weak-protocol',
    severity: 'warning',
    title: 'An HTTPS server allows SSLv3, TLSv1, TLSv1.1 or weak ciphers',
    check(view) {
        const out = [];
        const reported = new Set();
        const version = proxyNginxVersion(view);
        const extra = view.proxy ? { service: view.proxy.name } : {};
        for (const { server, listen } of sslServers(view)) {
            const chain = [...listen.parents];
            if (chain.at(-1) !== server)
                continue;
            const protocols = effective(view, chain, 'ssl_protocols').at(-1);
            let enabled;
            if (protocols) {
                enabled = protocols.d.args;
                const weak = enabled.filter((a) => WEAK_PROTOCOLS.includes(a));
                if (weak.length && !reported.has(protocols)) {
                    reported.add(protocols);
                    out.push(finding(tlsWeakProtocol, argPosOf(protocols.d, protocols.d.args.indexOf(weak[0])), `ssl_protocols enables ${weak.join(', ')}: deprecated by RFC 8996 and open to downgrade attacks (POODLE, BEAST); no current browser needs them.`, `Use "ssl_protocols TLSv1.2 TLSv1.3;".`, extra));
                }
            }
            else if (version && !versionAtLeast(version, MODERN_DEFAULT_FROM)) {
                enabled = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
                out.push(finding(tlsWeakProtocol, posOf(listen.d), `This HTTPS server sets no ssl_protocols, and nginx ${version.join('.')} (${view.proxy?.image?.value}) then defaults to "TLSv1 TLSv1.1 TLSv1.2" (TLSv1 and TLSv1.1 are deprecated by RFC 8996).`, `Add "ssl_protocols TLSv1.2 TLSv1.3;" to the server (or http), or use nginx 1.23.4 or later.`, extra));
            }
            else
                enabled = ['TLSv1.2', 'TLSv1.3'];
            // ssl_ciphers does not apply to TLSv1.3 suites.
            if (enabled.every((p) => p === 'TLSv1.3'))
                continue;
            const ciphers = effective(view, chain, 'ssl_ciphers').at(-1);
            const spec = ciphers?.d.args[0];
            if (!ciphers || spec === undefined || reported.has(ciphers))
                continue;
            const weak = weakCiphers(spec);
            if (weak.length === 0)
                continue;
            reported.add(ciphers);
            out.push(finding(tlsWeakProtocol, argPosOf(ciphers.d, 0), `ssl_ciphers "${spec}" enables weak ciphers: ${weak.join(', ')} (no encryption, no authentication, or broken algorithms such as RC4, DES, 3DES and MD5).`, 'Use the nginx default "HIGH:!aNULL:!MD5", or Mozilla\'s intermediate list (ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305).', extra));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/upstream-localhost.js


function isLoopback(host) {
    const h = host.toLowerCase();
    return h === 'localhost' || h === 'localhost.localdomain' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
/** The service the user probably meant: one that publishes the port (host thinking) or listens on it. */
function meant(view, ref) {
    for (const s of view.peers) {
        const published = s.ports.find((m) => m.published === ref.effectivePort);
        if (published)
            return `${s.name}:${published.target}`;
    }
    for (const s of view.peers) {
        if (serviceContainerPorts(s)?.ports.includes(ref.effectivePort))
            return `${s.name}:${ref.effectivePort}`;
    }
    return undefined;
}
const upstreamLocalhost = {
    id: 'upstream-localhost',
    severity: 'warning',
    title: 'A localhost upstream in a proxy with its own network namespace',
    check(view) {
        const proxy = view.proxy;
        if (!proxy?.active)
            return [];
        const mode = proxy.networkMode.kind;
        // With host networking or another container's namespace, localhost is somebody else.
        if (mode === 'host' || mode === 'service' || mode === 'container')
            return [];
        const out = [];
        for (const ref of view.upstreamRefs) {
            if (!isLoopback(ref.host))
                continue;
            const selfLoop = view.listens.some((l) => l.port === ref.effectivePort);
            const target = meant(view, ref);
            out.push(finding(upstreamLocalhost, ref.pos, `"${ref.quoted}" is the "${proxy.name}" container itself, not the Docker host or another service${selfLoop ? `: nginx listens on ${ref.effectivePort} there, so requests loop back into nginx` : `: nothing listens on ${ref.effectivePort} there, so requests get 502`}`, target
                ? `Use the service name and its container port: ${target}.`
                : 'Use the backend service name and its container port; for a process on the Docker host use host.docker.internal with `extra_hosts: ["host.docker.internal:host-gateway"]`.', { service: proxy.name }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/upstream-port-mismatch.js




const upstreamPortMismatch = {
    id: 'upstream-port-mismatch',
    severity: 'error',
    title: 'The upstream port is not a container port of the target service',
    check(view) {
        if (!view.proxy?.active)
            return [];
        const out = [];
        for (const { ref, service } of upstreamTargets(view)) {
            // A port taken from a variable is unknowable here.
            if (ref.port === undefined && ref.quoted.includes('$'))
                continue;
            const known = serviceContainerPorts(service);
            if (!known || known.ports.includes(ref.effectivePort))
                continue;
            const port = ref.effectivePort;
            const written = ref.port === undefined ? `${ref.quoted} (port ${port} by default)` : ref.quoted;
            const where = `${ref.directive.d.directive} in ${nginxPathOf(ref.directive)}:${ref.directive.d.line}`;
            const published = service.ports.find((m) => m.published === port && m.target !== port);
            const listening = known.ports.join(', ');
            const message = published
                ? `port ${port} is the host port "${service.name}" publishes (${published.published}:${published.target}); inside the network use the container port ${published.target} (${where})`
                : `"${service.name}" listens on ${listening}, not ${port} (${known.source}): ${written} gets "connection refused" and nginx answers 502 (${where})`;
            const right = published?.target ?? known.ports[0];
            out.push(finding(upstreamPortMismatch, ref.pos, message, `Use ${ref.host}:${right} in ${ref.directive.d.directive}.`, {
                service: view.proxy.name,
                related: [{ pos: published?.pos ?? service.pos, message: `service "${service.name}"` }],
            }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/upstream-start-order.js




/** Whether `proxy` waits for `target`: depends_on (links count, the loader lists them as implicit) or service:X. */
function waitsFor(proxy, target) {
    if (proxy.dependsOn.some((d) => d.service === target.name))
        return true;
    if (proxy.links.some((l) => l.service === target.name))
        return true;
    return proxy.networkMode.kind === 'service' && proxy.networkMode.service === target.name;
}
const upstreamStartOrder = {
    id: 'upstream-start-order',
    severity: 'warning',
    title: 'nginx resolves a service at start that it does not depend on',
    fixable: true,
    check(view) {
        const proxy = view.proxy;
        if (!proxy?.active)
            return [];
        const byTarget = new Map();
        for (const t of upstreamTargets(view)) {
            if (t.ref.resolveAt !== 'load' || !t.service.active || waitsFor(proxy, t.service))
                continue;
            byTarget.set(t.service, [...(byTarget.get(t.service) ?? []), t]);
        }
        if (!byTarget.size)
            return [];
        const edit = addEntriesToServiceKey(proxy.pos.file, proxy.name, 'depends_on', [...byTarget.keys()].map((t) => ({
            item: t.name,
            mapKey: t.name,
            mapBody: [`condition: ${t.healthcheck ? 'service_healthy' : 'service_started'}`],
        })));
        return [...byTarget].map(([service, refs]) => {
            const first = refs[0].ref;
            const condition = service.healthcheck ? 'service_healthy' : 'service_started';
            return finding(upstreamStartOrder, first.pos, `nginx in "${proxy.name}" resolves "${service.name}" when it starts (${first.directive.d.directive} in ${nginxPathOf(first.directive)}:${first.directive.d.line}), but "${proxy.name}" has no depends_on "${service.name}": \`docker compose up ${proxy.name}\`, or a restart of nginx while "${service.name}" is down, makes nginx exit with [emerg] host not found in upstream "${first.quoted}"`, {
                description: `Add "${service.name}" to services.${proxy.name}.depends_on (condition: ${condition}).`,
                ...(edit ? { edits: [edit] } : {}),
            }, { service: proxy.name, related: [{ pos: proxy.pos, message: `service "${proxy.name}"` }] });
        });
    },
};

;// CONCATENATED MODULE: ./lib/src/project/resolve.js

/** The networks a service's processes actually sit on: `network_mode: service:X` borrows X's. */
function effectiveNetworks(service, services, seen = new Set()) {
    const mode = service.networkMode;
    if (mode.kind === 'service') {
        const owner = services.get(mode.service);
        if (!owner || seen.has(owner.name))
            return [];
        seen.add(service.name);
        return effectiveNetworks(owner, services, seen);
    }
    if (mode.kind !== 'default')
        return [];
    return service.networks.map((n) => n.name);
}
/**
 * Name resolution as Docker's embedded DNS (127.0.0.11) answers inside the proxy container: only on
 * user-defined networks, for active members' service names, container names and that network's aliases;
 * plus the container's /etc/hosts (extra_hosts, links) and literal IPs.
 */
function makeResolver(compose, services, proxy) {
    const externalNetworks = new Set(compose.networks.filter((n) => n.external).map((n) => n.name));
    const proxyNets = effectiveNetworks(proxy, services);
    // With `service:X` the proxy shares X's namespace and /etc/hosts.
    const hostsOwner = proxy.networkMode.kind === 'service' ? (services.get(proxy.networkMode.service) ?? proxy) : proxy;
    const mode = proxy.networkMode.kind === 'service' ? hostsOwner.networkMode.kind : proxy.networkMode.kind;
    const byName = new Map();
    const inactiveByName = new Map();
    const elsewhere = new Map();
    for (const s of services.values()) {
        const nets = effectiveNetworks(s, services);
        const names = [
            [s.name, 'service'],
            [s.containerName, 'container-name'],
        ];
        if (!s.active) {
            for (const [n] of names)
                inactiveByName.set(n, s);
            continue;
        }
        for (const [n] of names)
            if (!elsewhere.has(n))
                elsewhere.set(n, s);
        for (const net of s.networks)
            for (const a of net.aliases)
                if (!elsewhere.has(a.value))
                    elsewhere.set(a.value, s);
        // Docker also registers `hostname:` as a network alias (verified by the consistency harness).
        if (s.hostname)
            names.push([s.hostname.value, 'alias']);
        for (const net of nets) {
            if (!proxyNets.includes(net))
                continue;
            for (const [n, how] of names)
                if (!byName.has(n))
                    byName.set(n, { how, service: s, network: net });
            const own = s.networks.find((x) => x.name === net);
            for (const a of own?.aliases ?? [])
                if (!byName.has(a.value))
                    byName.set(a.value, { how: 'alias', service: s, network: net });
        }
    }
    const proxyOnExternal = proxyNets.some((n) => externalNetworks.has(n));
    return (rawHost) => {
        const host = rawHost.toLowerCase();
        if ((0,external_node_net_.isIP)(host) !== 0)
            return { ok: true, how: 'ip' };
        if (host === 'localhost' || host === 'localhost.localdomain')
            return { ok: true, how: 'localhost' };
        const extra = hostsOwner.extraHosts.find((e) => e.host.toLowerCase() === host);
        if (extra)
            return { ok: true, how: 'extra-hosts' };
        if (mode === 'host') {
            return { ok: false, why: 'the proxy uses network_mode: host, where compose service names do not resolve', candidate: elsewhere.get(host) };
        }
        if (mode === 'none')
            return { ok: false, why: 'the proxy uses network_mode: none and resolves nothing' };
        if (mode === 'bridge') {
            return { ok: false, why: "the proxy is on Docker's default bridge (network_mode: bridge), which has no embedded DNS", candidate: elsewhere.get(host) };
        }
        if (mode === 'container')
            return { ok: true, how: 'public-name' }; // another project's container: unknowable
        const link = hostsOwner.links.find((l) => l.alias.toLowerCase() === host || l.service.toLowerCase() === host);
        if (link) {
            const target = services.get(link.service);
            if (target?.active && effectiveNetworks(target, services).some((n) => proxyNets.includes(n))) {
                return { ok: true, how: 'link', service: target };
            }
        }
        const hit = byName.get(host);
        if (hit)
            return { ok: true, how: hit.how, service: hit.service, network: hit.network };
        const inactive = inactiveByName.get(host);
        if (inactive) {
            return { ok: false, why: `service "${inactive.name}" is ${inactive.inactiveReason ?? 'not started'}`, candidate: inactive };
        }
        const other = elsewhere.get(host);
        if (other) {
            const nets = effectiveNetworks(other, services);
            return {
                ok: false,
                why: `service "${other.name}" is on ${nets.length ? nets.map((n) => `"${n}"`).join(', ') : 'no network'} and the proxy "${proxy.name}" is on ${proxyNets.length ? proxyNets.map((n) => `"${n}"`).join(', ') : 'no network'}: they share no network`,
                candidate: other,
            };
        }
        // A dotted name is left to public DNS, which Docker's resolver forwards to.
        if (host.includes('.'))
            return { ok: true, how: 'public-name' };
        if (proxyOnExternal) {
            return { ok: false, why: 'no service of this project has that name; another project on an external network may provide it', externalOnly: true };
        }
        return { ok: false, why: 'no service, container name, alias, link or extra_hosts entry has that name' };
    };
}

;// CONCATENATED MODULE: ./lib/src/rules/upstream-unresolvable.js




function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return row[b.length];
}
/** The closest active service or container name, for "did you mean". */
function closestName(view, host) {
    let best;
    for (const s of view.services.values()) {
        if (!s.active || s === view.proxy)
            continue;
        for (const name of [s.name, s.containerName]) {
            const d = editDistance(host.toLowerCase(), name.toLowerCase());
            if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < best.d))
                best = { name, d };
        }
    }
    return best?.name;
}
function upstream_unresolvable_fixFor(view, ref, candidate) {
    const proxy = view.proxy;
    if (candidate?.active && proxy.networkMode.kind === 'default') {
        const targetNets = effectiveNetworks(candidate, view.services);
        const net = targetNets[0];
        if (net !== undefined) {
            const edit = net === 'default' && proxy.networks.length === 0
                ? undefined
                : addToServiceKey(proxy.pos.file, proxy.name, 'networks', { item: net, mapKey: net });
            return {
                description: `Put "${proxy.name}" on a network that "${candidate.name}" is on: add "${net}" to services.${proxy.name}.networks.`,
                ...(edit ? { edits: [edit] } : {}),
            };
        }
    }
    if (proxy.networkMode.kind === 'host' || proxy.networkMode.kind === 'bridge' || proxy.networkMode.kind === 'none') {
        return {
            description: `Remove "network_mode: ${proxy.networkMode.kind}" from "${proxy.name}" so it joins the project's network${candidate ? ` with "${candidate.name}"` : ''}${candidate?.networkMode.kind === 'bridge' ? ` (and from "${candidate.name}")` : ''}.`,
        };
    }
    if (candidate && !candidate.active) {
        return {
            description: `Enable "${candidate.name}" (${candidate.inactiveReason ?? 'inactive'}), or make the upstream resolve at request time (a variable with "resolver 127.0.0.11").`,
        };
    }
    const near = closestName(view, ref.host);
    return {
        description: near
            ? `Did you mean "${near}"? Use a service name, container name or network alias on a network shared with "${proxy.name}".`
            : `Use a service name, container name or network alias on a network shared with "${proxy.name}", or add an extra_hosts entry for "${ref.host}".`,
    };
}
const upstreamUnresolvable = {
    id: 'upstream-unresolvable',
    severity: 'error',
    title: 'nginx resolves an upstream host at load time that no shared network provides',
    fixable: true,
    check(view) {
        if (!view.proxy || !view.proxy.active)
            return [];
        const out = [];
        for (const ref of view.upstreamRefs) {
            if (ref.resolveAt !== 'load')
                continue;
            const res = view.resolve(ref.host);
            if (res.ok)
                continue;
            const where = `${nginxPathOf(ref.directive)}:${ref.directive.d.line}`;
            out.push(finding(upstreamUnresolvable, ref.pos, `nginx will exit at start: [emerg] host not found in upstream "${ref.quoted}" in ${where}: ${res.why}`, upstream_unresolvable_fixFor(view, ref, res.candidate), {
                service: view.proxy.name,
                ...(res.externalOnly ? { severity: 'warning' } : {}),
                ...(res.candidate ? { related: [{ pos: res.candidate.pos, message: `service "${res.candidate.name}"` }] } : {}),
            }));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/valid-referers.js


const validReferers = {
    id: 'valid-referers',
    severity: 'warning',
    title: 'valid_referers accepts requests without a Referer ("none")',
    check(view) {
        const out = [];
        for (const p of directivesNamed(view, 'valid_referers')) {
            const at = p.d.args.findIndex((a) => a.toLowerCase() === 'none');
            if (at < 0)
                continue;
            out.push(finding(validReferers, argPosOf(p.d, at), `valid_referers ${p.d.args.join(' ')} treats a request without any Referer header as valid ("none"); the header is trivially left out (curl, Referrer-Policy: no-referrer, a meta tag), so the check stops nothing.`, `Remove "none" from valid_referers (keep "${p.d.args.filter((_, i) => i !== at).join(' ')}"), or use a real access control (auth_request, signed URLs with secure_link) if the protection matters.`, view.proxy ? { service: view.proxy.name } : {}));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./lib/src/rules/index.js
// The rule registry. Ids are a public contract: docs/rules/<id>.md documents each one.































const RULES = [
    // errors: the stack would not start or not work
    composeInvalid,
    composeInterpolation,
    composeReference,
    nginxSyntax,
    nginxDirective,
    nginxIncludeMissing,
    upstreamUnresolvable,
    upstreamPortMismatch,
    proxyConfigNotMounted,
    tlsFileMissing,
    tlsListenWithoutCert,
    hostPortConflict,
    bindMountSourceMissing,
    // warnings: works by luck, or leaks
    upstreamStartOrder,
    runtimeResolveWithoutResolver,
    upstreamLocalhost,
    backendPortPublished,
    listenNotPublished,
    proxyHeadersMissing,
    speedtestProxyTuning,
    tlsWeakProtocol,
    hostSpoofing,
    ssrf,
    httpSplitting,
    aliasTraversal,
    addHeaderRedefinition,
    origins,
    validReferers,
    // notes
    composeVersionObsolete,
    errorLogDebug,
    httpRedirectMissing,
    imageUnpinned,
    hstsMissing,
];
const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));

;// CONCATENATED MODULE: ./lib/src/compose/template.js
/**
 * Variable substitution exactly as compose-go's `template` package does it: `$VAR`, `${VAR}`,
 * `${VAR:-d}`, `${VAR-d}`, `${VAR:?msg}`, `${VAR?msg}`, `${VAR:+alt}`, `${VAR+alt}`, `$$`, with
 * defaults, alternatives and messages substituted recursively.
 */
const NAME_START = /[_a-zA-Z]/;
const NAME_CHAR = /[_a-zA-Z0-9]/;
const BRACED = /^[_a-zA-Z][_a-zA-Z0-9]*(?::?[-+?](.*))?$/;
const OPERATORS = [':?', '?', ':-', '-', ':+', '+'];
function substitute(template, lookup) {
    const unset = [];
    let error;
    let out = '';
    let i = 0;
    while (i < template.length) {
        const dollar = template.indexOf('$', i);
        if (dollar < 0) {
            out += template.slice(i);
            break;
        }
        out += template.slice(i, dollar);
        const next = template[dollar + 1];
        if (next === '$') {
            out += '$';
            i = dollar + 2;
            continue;
        }
        if (next !== undefined && NAME_START.test(next)) {
            let end = dollar + 2;
            while (end < template.length && NAME_CHAR.test(template[end]))
                end++;
            const name = template.slice(dollar + 1, end);
            const value = lookup(name);
            if (value === undefined)
                unset.push(name);
            out += value ?? '';
            i = end;
            continue;
        }
        if (next !== '{') {
            out += '$';
            i = dollar + 1;
            continue;
        }
        const close = closingBrace(template, dollar + 1);
        const body = close < 0 ? undefined : template.slice(dollar + 2, close);
        if (body === undefined || !BRACED.test(body)) {
            error ??= {
                kind: 'invalid',
                message: `Invalid template: "${template}"`,
                index: dollar,
            };
            i = close < 0 ? template.length : close + 1;
            continue;
        }
        const result = substituteBraced(body, lookup, unset);
        if (result.error)
            error ??= { ...result.error, index: dollar };
        out += result.value;
        i = close + 1;
    }
    return error ? { value: out, error, unset } : { value: out, unset };
}
/** compose-go's brace matching: `{` opens (and skips the next character), `}` closes. */
function closingBrace(s, openAt) {
    let depth = 0;
    for (let i = openAt; i < s.length; i++) {
        if (s[i] === '}') {
            depth--;
            if (depth === 0)
                return i;
        }
        if (s[i] === '{') {
            depth++;
            i++;
        }
    }
    return -1;
}
function substituteBraced(body, lookup, unset) {
    let op;
    let at = Number.POSITIVE_INFINITY;
    for (const candidate of OPERATORS) {
        const idx = body.indexOf(candidate);
        if (idx >= 0 && idx < at) {
            at = idx;
            op = candidate;
        }
    }
    if (op === undefined) {
        const value = lookup(body);
        if (value === undefined)
            unset.push(body);
        return { value: value ?? '' };
    }
    const name = body.slice(0, at);
    const rest = body.slice(at + op.length);
    const value = lookup(name);
    const nested = () => {
        const r = substitute(rest, lookup);
        unset.push(...r.unset);
        return r;
    };
    switch (op) {
        case ':-':
        case '-': {
            if (value === undefined || (op === ':-' && value === ''))
                return fromNested(nested());
            return { value };
        }
        case ':+':
        case '+': {
            if (value !== undefined && (op === '+' || value !== ''))
                return fromNested(nested());
            return { value: value ?? '' };
        }
        case ':?':
        case '?': {
            if (value !== undefined && (op === '?' || value !== ''))
                return { value };
            const reason = nested();
            if (reason.error)
                return { value: '', error: reason.error };
            return {
                value: '',
                error: {
                    kind: 'required',
                    message: reason.value
                        ? `required variable ${name} is missing a value: ${reason.value}`
                        : `required variable ${name} is missing a value`,
                },
            };
        }
    }
}
function fromNested(r) {
    return r.error
        ? { value: r.value, error: { kind: r.error.kind, message: r.error.message } }
        : { value: r.value };
}

;// CONCATENATED MODULE: ./lib/src/compose/dotenv.js


/**
 * Parses a `.env` file with compose-go's dotenv rules: `KEY=VAL` or `KEY: VAL`, optional `export `,
 * `#` comments (inline only after a space in unquoted values), single quotes literal, double quotes
 * with escapes and interpolation, unquoted values interpolated, and a bare `KEY` inheriting from `lookup`.
 * Interpolation inside values looks up `lookup` (the process environment) first, then earlier keys.
 */
function parseDotenv(text, file, lookup) {
    const out = {};
    const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const resolve = (k) => lookup(k) ?? (Object.hasOwn(out, k) ? out[k] : undefined);
    let i = 0;
    let line = 1;
    const fail = (msg) => {
        throw new core_errors/* InputError */.dz(`${file}:${line}: ${msg}`, { file, line, column: 1 });
    };
    const expand = (value) => {
        const r = substitute(value, resolve);
        if (r.error)
            fail(r.error.message);
        return r.value;
    };
    while (i < src.length) {
        // Skip blank space and comment lines.
        while (i < src.length && /\s/.test(src[i])) {
            if (src[i] === '\n')
                line++;
            i++;
        }
        if (i >= src.length)
            break;
        if (src[i] === '#') {
            const nl = src.indexOf('\n', i);
            i = nl < 0 ? src.length : nl;
            continue;
        }
        let rest = src.slice(i);
        const exported = /^export\s+/.exec(rest);
        let consumed = 0;
        if (exported) {
            consumed = exported[0].length;
            rest = rest.slice(consumed);
        }
        let keyEnd = 0;
        let separator;
        for (; keyEnd < rest.length; keyEnd++) {
            const ch = rest[keyEnd];
            if (ch === '=' || ch === ':' || ch === '\n') {
                separator = ch;
                break;
            }
            if (ch === ' ' || ch === '\t' || /[\p{L}\p{N}_.\-[\]]/u.test(ch))
                continue;
            fail(`unexpected character "${ch}" in variable name "${rest.split('\n')[0]}"`);
        }
        const key = rest.slice(0, keyEnd).trimEnd();
        if (key.includes(' '))
            fail('key cannot contain a space');
        if (separator === undefined || separator === '\n') {
            // A bare name inherits the value from the environment, if it is set there.
            const inherited = lookup(key);
            if (inherited !== undefined)
                out[key] = inherited;
            i += consumed + keyEnd;
            continue;
        }
        let pos = keyEnd + 1;
        while (pos < rest.length && (rest[pos] === ' ' || rest[pos] === '\t'))
            pos++;
        const quote = rest[pos];
        if (quote === '"' || quote === "'") {
            let chars = '';
            let escaped = false;
            let j = pos + 1;
            let closed = false;
            for (; j < rest.length; j++) {
                const ch = rest[j];
                if (ch === '\n')
                    line++;
                if (ch !== quote) {
                    if (!escaped && ch === '\\') {
                        escaped = true;
                        continue;
                    }
                    if (escaped) {
                        escaped = false;
                        chars += '\\';
                    }
                    chars += ch;
                    continue;
                }
                if (escaped) {
                    escaped = false;
                    chars += ch;
                    continue;
                }
                closed = true;
                break;
            }
            if (!closed)
                fail(`unterminated quoted value ${rest.slice(pos).split('\n')[0]}`);
            out[key] = quote === '"' ? expand(expandEscapes(chars)) : chars;
            i += consumed + j + 1;
            continue;
        }
        const nl = rest.indexOf('\n', pos);
        let value = rest.slice(pos, nl < 0 ? rest.length : nl);
        const comment = value.indexOf(' #');
        if (comment >= 0)
            value = value.slice(0, comment);
        out[key] = expand(value.trimEnd());
        i += consumed + (nl < 0 ? rest.length : nl);
    }
    return out;
}
const ESCAPES = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '"': '"',
    '\\': '\\',
};
function expandEscapes(value) {
    return value.replace(/\\([abfnrtv$"\\]|0[0-7]{0,3})/g, (match, code) => {
        if (code === '$')
            return '$$';
        if (code.startsWith('0'))
            return String.fromCharCode(Number.parseInt(code.slice(1) || '0', 8));
        return ESCAPES[code] ?? match;
    });
}

;// CONCATENATED MODULE: ./lib/src/compose/tree.js
function nodePos(node) {
    return { file: node.file, line: node.line, column: node.column };
}
function isMap(node) {
    return node?.kind === 'map';
}
function isSeq(node) {
    return node?.kind === 'seq';
}
function isScalar(node) {
    return node?.kind === 'scalar';
}
function get(node, key) {
    return isMap(node) ? node.entries.get(key)?.value : undefined;
}
function entry(node, key) {
    return isMap(node) ? node.entries.get(key) : undefined;
}
/** A scalar's value as compose would read it as a string (numbers and booleans stringified). */
function str(node) {
    if (!isScalar(node) || node.value === null)
        return undefined;
    return String(node.value);
}
/** A synthetic scalar placed at `at`, for values compose derives (e.g. the string form of a short syntax). */
function scalarAt(at, value) {
    return {
        kind: 'scalar',
        value,
        quoted: true,
        inline: false,
        file: at.file,
        line: at.line,
        column: at.column,
        start: at.start,
        end: at.end,
    };
}
/** Plain JSON for schema validation; `Object.fromEntries` keeps keys such as `__proto__` as data. */
function toPlain(node) {
    switch (node.kind) {
        case 'scalar':
            return node.value;
        case 'seq':
            return node.items.map(toPlain);
        case 'map':
            return Object.fromEntries([...node.entries.values()].map((e) => [e.key, toPlain(e.value)]));
    }
}
/** Deep copy, so that a merge never mutates a tree that another include or extends still uses. */
function clone(node) {
    switch (node.kind) {
        case 'scalar':
            return { ...node };
        case 'seq':
            return { ...node, items: node.items.map(clone) };
        case 'map':
            return {
                ...node,
                entries: new Map([...node.entries].map(([k, e]) => [k, { ...e, value: clone(e.value) }])),
            };
    }
}
/** The `compose-invalid`, `compose-interpolation` and `compose-reference` findings the loader emits. */
function composeFinding(rule, pos, message, fix, service) {
    return {
        rule,
        severity: 'error',
        message,
        pos,
        ...(service !== undefined ? { service } : {}),
        fix: { description: fix },
    };
}

;// CONCATENATED MODULE: ./lib/src/compose/interpolate.js


const REQUIRED_FIX = `Set the variable in the environment, in .env or with --env-file, or give it a default (\${VAR:-default}).`;
const SYNTAX_FIX = `Fix the variable reference: use \${NAME} with a name of letters, digits and _, and write a literal $ as $$.`;
/** compose-go's type casts after interpolation (loader/interpolate.go), as path patterns; `[]` is a list item. */
const CASTS = [
    ...['networks', 'volumes', 'secrets', 'configs'].map((top) => [
        [top, '*', 'external'],
        'bool',
    ]),
    ...['internal', 'attachable', 'enable_ipv4', 'enable_ipv6'].map((k) => [
        ['networks', '*', k],
        'bool',
    ]),
    ...['init', 'oom_kill_disable', 'privileged', 'read_only', 'stdin_open', 'tty'].map((k) => [['services', '*', k], 'bool']),
    [['services', '*', 'networks', '*', 'use_service_name_alias'], 'bool'],
    [['services', '*', 'volumes', '[]', 'read_only'], 'bool'],
    [['services', '*', 'volumes', '[]', 'volume', 'nocopy'], 'bool'],
    [['services', '*', 'depends_on', '*', 'required'], 'bool'],
    [['services', '*', 'depends_on', '*', 'restart'], 'bool'],
    [['services', '*', 'healthcheck', 'disable'], 'bool'],
    ...[
        'cpu_count',
        'cpu_period',
        'cpu_quota',
        'cpu_rt_period',
        'cpu_rt_runtime',
        'cpu_shares',
        'oom_score_adj',
    ].map((k) => [['services', '*', k], 'int']),
    ...['pids_limit', 'scale'].map((k) => [['services', '*', k], 'int']),
    [['services', '*', 'ulimits', '*'], 'int'],
    [['services', '*', 'ulimits', '*', 'hard'], 'int'],
    [['services', '*', 'ulimits', '*', 'soft'], 'int'],
    [['services', '*', 'healthcheck', 'retries'], 'int'],
    [['services', '*', 'ports', '[]', 'target'], 'int'],
    [['services', '*', 'deploy', 'replicas'], 'int'],
    [['services', '*', 'deploy', 'update_config', 'parallelism'], 'int'],
    [['services', '*', 'deploy', 'rollback_config', 'parallelism'], 'int'],
    [['services', '*', 'deploy', 'restart_policy', 'max_attempts'], 'int'],
    [['services', '*', 'deploy', 'placement', 'max_replicas_per_node'], 'int'],
    [['services', '*', 'cpus'], 'float'],
    [['services', '*', 'cpu_percent'], 'float'],
    [['services', '*', 'deploy', 'update_config', 'max_failure_ratio'], 'float'],
    [['services', '*', 'deploy', 'rollback_config', 'max_failure_ratio'], 'float'],
];
/**
 * Substitutes variables in every scalar value of `root` in place (keys are left alone, as in compose),
 * then applies compose's type casts. Errors become compose-interpolation findings at the value, with the
 * column of the failing `$` when the value is written on one line.
 */
function interpolateTree(root, text, lookup) {
    const result = { diagnostics: [], unset: [] };
    interpolate_walk(root, [], text, lookup, result);
    return result;
}
function interpolate_walk(node, path, text, lookup, result) {
    if (node.kind === 'map') {
        for (const e of node.entries.values())
            interpolate_walk(e.value, [...path, e.key], text, lookup, result);
        return;
    }
    if (node.kind === 'seq') {
        for (const item of node.items)
            interpolate_walk(item, [...path, '[]'], text, lookup, result);
        return;
    }
    if (typeof node.value === 'string' && node.value.includes('$')) {
        const template = node.value;
        const r = substitute(template, lookup);
        for (const name of r.unset) {
            result.unset.push({
                value: name,
                pos: posIn(node, text, template, template.lastIndexOf('$', template.indexOf(name))),
            });
        }
        if (r.error) {
            const pos = posIn(node, text, template, r.error.index);
            result.diagnostics.push(composeFinding('compose-interpolation', pos, `${path.filter((p) => p !== '[]').join('.')}: ${r.error.message}`, r.error.kind === 'required' ? REQUIRED_FIX : SYNTAX_FIX));
            return;
        }
        node.value = r.value;
    }
    castAt(node, path, result);
}
function castAt(node, path, result) {
    if (typeof node.value !== 'string')
        return;
    const cast = CASTS.find(([pattern]) => matches(pattern, path))?.[1];
    if (!cast)
        return;
    const raw = node.value;
    let value;
    if (cast === 'bool') {
        const lower = raw.toLowerCase();
        value = ['true', 'y', 'yes', 'on'].includes(lower)
            ? true
            : ['false', 'n', 'no', 'off'].includes(lower)
                ? false
                : undefined;
    }
    else if (cast === 'int' ? /^[-+]?\d+$/.test(raw) : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
        value = Number(raw);
    }
    if (value === undefined) {
        result.diagnostics.push(composeFinding('compose-interpolation', { file: node.file, line: node.line, column: node.column }, `${path.filter((p) => p !== '[]').join('.')}: failed to cast to expected type: "${raw}" is not ${cast === 'bool' ? 'a boolean' : cast === 'int' ? 'an integer' : 'a number'}`, `Give a ${cast === 'bool' ? 'true/false' : 'numeric'} value here.`));
        return;
    }
    node.value = value;
}
function matches(pattern, path) {
    return (pattern.length === path.length && pattern.every((p, i) => (p === '*' ? path[i] !== '[]' : p === path[i])));
}
/** The position of `template[index]` in the file when the scalar is on one line, else the value's start. */
function posIn(node, text, template, index) {
    const at = { file: node.file, line: node.line, column: node.column };
    if (!node.inline || index < 0)
        return at;
    const source = text.slice(node.start, node.end);
    const before = template.slice(0, index);
    // Quoted scalars start with the quote; an escape before the `$` would shift columns, so only plain text counts.
    const lead = node.quoted ? 1 : 0;
    if (source.slice(lead, lead + before.length) !== before || source.includes('\n'))
        return at;
    return { ...at, column: node.column + lead + index };
}

;// CONCATENATED MODULE: ./lib/src/compose/merge.js

/**
 * Merges `over` into `base` with compose-go's override rules (override/merge.go): mappings merge by key,
 * sequences append without duplicates, `command`/`entrypoint`/`healthcheck.test` are replaced,
 * `environment`/`labels`-style values merge by key, `depends_on` and service `networks` merge by name,
 * `volumes` merge by container target. Neither input is mutated; each value keeps its own position.
 */
function mergeNodes(base, over, path = []) {
    const special = specialFor(path);
    if (special)
        return special(base, over, path);
    if (over.kind === 'scalar' && over.value === null)
        return base;
    if (base.kind === 'map' && over.kind === 'map')
        return mergeMappings(base, over, path);
    if (base.kind === 'seq' && over.kind === 'seq') {
        const merged = appendUnique(base, over);
        return path.length === 3 && path[0] === 'services' && path[2] === 'volumes'
            ? uniqueByTarget(merged)
            : merged;
    }
    return over;
}
const SERVICE_SPECIALS = {
    command: (_b, o) => o,
    entrypoint: (_b, o) => o,
    environment: mergeKeyValue,
    labels: mergeKeyValue,
    annotations: mergeKeyValue,
    sysctls: mergeKeyValue,
    depends_on: (b, o, p) => mergeMappings(asMapping(b), asMapping(o), p),
    networks: (b, o, p) => mergeMappings(asMapping(b), asMapping(o), p),
    dns: mergeToSequence,
    dns_opt: mergeToSequence,
    dns_search: mergeToSequence,
    env_file: mergeToSequence,
    label_file: mergeToSequence,
    extra_hosts: mergeToSequence,
    tmpfs: mergeToSequence,
    build: (b, o, p) => mergeMappings(buildMapping(b), buildMapping(o), p),
};
function specialFor(path) {
    if (path[0] !== 'services' || path.length < 3) {
        if (path.length === 3 &&
            ['networks', 'volumes', 'secrets', 'configs'].includes(path[0]) &&
            path[2] === 'labels') {
            return mergeKeyValue;
        }
        return undefined;
    }
    if (path.length === 3)
        return SERVICE_SPECIALS[path[2]];
    const tail = path.slice(2).join('.');
    if (tail === 'healthcheck.test')
        return (_b, o) => o;
    if (tail === 'build.args' || tail === 'build.labels' || tail === 'deploy.labels')
        return mergeKeyValue;
    if (tail === 'build.extra_hosts')
        return mergeToSequence;
    return undefined;
}
function mergeMappings(base, over, path) {
    const entries = new Map(base.entries);
    for (const [key, e] of over.entries) {
        const existing = entries.get(key);
        entries.set(key, existing ? { ...existing, value: mergeNodes(existing.value, e.value, [...path, key]) } : e);
    }
    return { ...base, entries };
}
function sameValue(a, b) {
    return JSON.stringify(toPlain(a)) === JSON.stringify(toPlain(b));
}
function appendUnique(base, over) {
    const items = [...base.items];
    for (const item of over.items)
        if (!items.some((existing) => sameValue(existing, item)))
            items.push(item);
    return { ...base, items };
}
/** Sequence entries with the same key: the last one wins, at the position of the first. */
function uniqueBy(seq, keyOf) {
    const items = [];
    const index = new Map();
    for (const item of seq.items) {
        const key = keyOf(item);
        const at = key === undefined ? undefined : index.get(key);
        if (at !== undefined)
            items[at] = item;
        else {
            if (key !== undefined)
                index.set(key, items.length);
            items.push(item);
        }
    }
    return { ...seq, items };
}
function volumeTarget(item) {
    if (item.kind === 'map') {
        const t = item.entries.get('target')?.value;
        return t?.kind === 'scalar' && t.value !== null ? String(t.value) : undefined;
    }
    if (item.kind === 'scalar' && typeof item.value === 'string') {
        const parts = splitVolumeSpec(item.value);
        return parts.target;
    }
    return undefined;
}
/** Splits `src:dst[:mode]` / `dst`, keeping Windows drive letters (`C:\x:/y`) in the source. */
function splitVolumeSpec(spec) {
    const parts = [];
    let current = '';
    for (let i = 0; i < spec.length; i++) {
        const ch = spec[i];
        if (ch === ':' &&
            !(current.length === 1 &&
                /[a-zA-Z]/.test(current) &&
                parts.length === 0 &&
                /[\\/]/.test(spec[i + 1] ?? ''))) {
            parts.push(current);
            current = '';
        }
        else
            current += ch;
    }
    parts.push(current);
    if (parts.length === 1)
        return { target: parts[0] };
    if (parts.length === 2)
        return { source: parts[0], target: parts[1] };
    return { source: parts[0], target: parts[1], mode: parts.slice(2).join(':') };
}
function uniqueByTarget(seq) {
    return uniqueBy(seq, volumeTarget);
}
/** `KEY=VALUE` lists and `KEY: VALUE` maps merge by key; two maps stay a map. */
function mergeKeyValue(base, over) {
    if (over.kind === 'scalar' && over.value === null)
        return base;
    if (base.kind === 'map' && over.kind === 'map') {
        const entries = new Map(base.entries);
        for (const [k, e] of over.entries)
            entries.set(k, e);
        return { ...base, entries };
    }
    const seq = toSequence(base);
    const merged = { ...seq, items: [...seq.items, ...toSequence(over).items] };
    return uniqueBy(merged, (item) => item.kind === 'scalar' && item.value !== null ? String(item.value).split('=')[0] : undefined);
}
function mergeToSequence(base, over) {
    if (over.kind === 'scalar' && over.value === null)
        return base;
    return appendUnique(toSequence(base), toSequence(over));
}
/** A mapping `{K: V}` as `["K=V"]` (a null value as `"K"`), a string as `[s]`, each item placed at its key. */
function toSequence(node) {
    if (node.kind === 'seq')
        return node;
    if (node.kind === 'map') {
        const items = [...node.entries.values()].map((e) => {
            const v = e.value;
            const text = v.kind === 'scalar' && v.value !== null ? `${e.key}=${String(v.value)}` : e.key;
            return scalarAt(e.keyNode, text);
        });
        return {
            kind: 'seq',
            flow: node.flow,
            items,
            file: node.file,
            line: node.line,
            column: node.column,
            start: node.start,
            end: node.end,
        };
    }
    return {
        kind: 'seq',
        flow: true,
        items: node.value === null ? [] : [node],
        file: node.file,
        line: node.line,
        column: node.column,
        start: node.start,
        end: node.end,
    };
}
/** `[a, b]` as `{a: null, b: null}`, for depends_on and service networks. */
function asMapping(node) {
    if (node.kind === 'map')
        return node;
    const entries = new Map();
    if (node.kind === 'seq') {
        for (const item of node.items) {
            if (item.kind !== 'scalar' || item.value === null)
                continue;
            const key = String(item.value);
            entries.set(key, { key, keyNode: item, value: scalarAt(item, null) });
        }
    }
    return {
        kind: 'map',
        flow: node.kind === 'seq' ? node.flow : true,
        entries,
        file: node.file,
        line: node.line,
        column: node.column,
        start: node.start,
        end: node.end,
    };
}
function buildMapping(node) {
    if (node.kind === 'scalar' && node.value !== null) {
        const key = scalarAt(node, 'context');
        return {
            kind: 'map',
            flow: true,
            entries: new Map([['context', { key: 'context', keyNode: key, value: node }]]),
            file: node.file,
            line: node.line,
            column: node.column,
            start: node.start,
            end: node.end,
        };
    }
    return asMapping(node);
}
/** Merges several top-level documents in order (the `-f` files, or an override file). */
function mergeDocuments(docs) {
    let merged;
    for (const doc of docs)
        merged = merged ? mergeNodes(merged, doc) : clone(doc);
    return merged;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./lib/src/compose/normalize.js




/** compose-go's NormalizeProjectName: lowercase, only [a-z0-9_-], no leading `_` or `-`. */
function normalizeProjectName(name) {
    return name
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, '')
        .replace(/^[_-]+/, '');
}
function located(node) {
    const value = str(node);
    return value === undefined || !node ? undefined : { value, pos: nodePos(node) };
}
function items(node) {
    return isSeq(node) ? node.items : [];
}
function parseNetworkMode(mode) {
    if (mode === 'host' || mode === 'bridge' || mode === 'none')
        return { kind: mode };
    if (mode.startsWith('service:'))
        return { kind: 'service', service: mode.slice('service:'.length) };
    if (mode.startsWith('container:'))
        return { kind: 'container', container: mode.slice('container:'.length) };
    return { kind: 'default' };
}
function normalizeService(name, keyPos, svc, ctx) {
    const networkModeNode = get(svc, 'network_mode');
    const networkModeText = str(networkModeNode);
    const networkMode = networkModeText === undefined ? { kind: 'default' } : parseNetworkMode(networkModeText);
    const containerName = located(get(svc, 'container_name'));
    const links = items(get(svc, 'links')).flatMap((item) => {
        const text = str(item);
        if (text === undefined)
            return [];
        const [service, alias] = text.split(':');
        return [{ service: service, alias: alias ?? service, pos: nodePos(item) }];
    });
    const service = {
        name,
        pos: keyPos,
        containerName: containerName?.value ?? `${ctx.projectName}-${name}-1`,
        profiles: items(get(svc, 'profiles')).flatMap((p) => str(p) ?? []),
        active: true,
        networkMode,
        networks: serviceNetworks(svc, networkMode, keyPos),
        links,
        dependsOn: dependsOn(svc, links, networkMode, networkModeNode),
        ports: items(get(svc, 'ports')).flatMap(parsePort),
        expose: items(get(svc, 'expose')).flatMap(parseExpose),
        volumes: items(get(svc, 'volumes')).flatMap((v) => parseMount(v, ctx)),
        volumesFrom: items(get(svc, 'volumes_from')).flatMap((v) => located(v) ?? []),
        environment: environment(get(svc, 'environment'), ctx.env),
        extraHosts: extraHosts(get(svc, 'extra_hosts')),
        healthcheck: healthcheckEnabled(get(svc, 'healthcheck')),
        keyRanges: keyRanges(svc),
    };
    const image = located(get(svc, 'image'));
    if (image)
        service.image = image;
    const buildNode = get(svc, 'build');
    const build = located(isMap(buildNode) ? get(buildNode, 'context') : buildNode);
    if (build)
        service.build = build;
    else if (isMap(buildNode))
        service.build = { value: '.', pos: nodePos(buildNode) };
    if (containerName)
        service.containerNamePos = containerName.pos;
    const hostname = located(get(svc, 'hostname'));
    if (hostname)
        service.hostname = hostname;
    if (networkModeNode)
        service.networkModePos = nodePos(networkModeNode);
    const insert = insertAt(svc);
    if (insert)
        service.insertAt = insert;
    const inactive = inactiveReason(svc, service.profiles, ctx.profiles);
    if (inactive) {
        service.active = false;
        service.inactiveReason = inactive;
    }
    return service;
}
function inactiveReason(svc, profiles, enabled) {
    if (profiles.length > 0 && !enabled.includes('*') && !profiles.some((p) => enabled.includes(p))) {
        return profiles.length === 1
            ? `profile "${profiles[0]}" is not enabled`
            : `none of its profiles (${profiles.map((p) => `"${p}"`).join(', ')}) is enabled`;
    }
    const scale = get(svc, 'scale');
    if (isScalar(scale) && scale.value === 0)
        return 'scale: 0';
    const replicas = get(get(svc, 'deploy'), 'replicas');
    if (isScalar(replicas) && replicas.value === 0)
        return 'deploy.replicas: 0';
    return undefined;
}
function serviceNetworks(svc, mode, keyPos) {
    const node = get(svc, 'networks');
    const out = [];
    if (isSeq(node)) {
        for (const item of node.items) {
            const name = str(item);
            if (name !== undefined)
                out.push({ name, aliases: [], pos: nodePos(item), implicit: false });
        }
    }
    else if (isMap(node)) {
        for (const e of node.entries.values()) {
            const aliases = items(get(e.value, 'aliases')).flatMap((a) => located(a) ?? []);
            out.push({ name: e.key, aliases, pos: nodePos(e.keyNode), implicit: false });
        }
    }
    // compose joins `default` only when nothing else is listed and network_mode leaves the choice to it.
    if (out.length === 0 && mode.kind === 'default')
        out.push({ name: 'default', aliases: [], pos: keyPos, implicit: true });
    return out;
}
const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);
function dependsOn(svc, links, mode, modeNode) {
    const out = [];
    const node = get(svc, 'depends_on');
    if (isSeq(node)) {
        for (const item of node.items) {
            const service = str(item);
            if (service !== undefined)
                out.push({ service, condition: 'service_started', pos: nodePos(item), implicit: false });
        }
    }
    else if (isMap(node)) {
        for (const e of node.entries.values()) {
            const condition = str(get(e.value, 'condition')) ?? 'service_started';
            out.push({
                service: e.key,
                condition: (CONDITIONS.has(condition) ? condition : 'service_started'),
                pos: nodePos(e.keyNode),
                implicit: false,
            });
        }
    }
    const add = (service, pos) => {
        if (!out.some((d) => d.service === service))
            out.push({ service, condition: 'service_started', pos, implicit: true });
    };
    for (const link of links)
        add(link.service, link.pos);
    if (mode.kind === 'service' && modeNode)
        add(mode.service, nodePos(modeNode));
    return out;
}
/** `[ip:][host:]container[/proto]`, with port ranges expanded pairwise, or the long syntax. */
function parsePort(node) {
    const pos = nodePos(node);
    if (isMap(node)) {
        const target = parseRange(str(get(node, 'target')) ?? '');
        const publishedText = str(get(node, 'published'));
        const published = publishedText === undefined ? undefined : parseRange(publishedText);
        const hostIp = str(get(node, 'host_ip')) || undefined;
        const protocol = protocolOf(str(get(node, 'protocol')));
        if (!target)
            return [];
        return expand(target, published, hostIp, protocol, pos);
    }
    const text = str(node);
    if (text === undefined)
        return [];
    const [spec = '', proto] = text.split('/');
    let hostIp;
    let rest = spec;
    if (rest.startsWith('[')) {
        const close = rest.indexOf(']');
        hostIp = rest.slice(1, close);
        rest = rest.slice(close + 2);
    }
    const parts = rest.split(':');
    let hostPart;
    let containerPart;
    if (hostIp === undefined && parts.length > 3) {
        // An unbracketed IPv6 host address: the last two fields are the ports.
        containerPart = parts.pop();
        hostPart = parts.pop();
        hostIp = parts.join(':');
    }
    else if (parts.length === 3) {
        [hostIp, hostPart, containerPart] = parts;
    }
    else if (parts.length === 2) {
        [hostPart, containerPart] = parts;
    }
    else
        containerPart = parts[0];
    const target = parseRange(containerPart);
    if (!target)
        return [];
    const published = hostPart ? parseRange(hostPart) : undefined;
    return expand(target, published, hostIp || undefined, protocolOf(proto), pos);
}
function protocolOf(proto) {
    return proto === 'udp' || proto === 'sctp' ? proto : 'tcp';
}
function parseRange(text) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
    if (!m)
        return undefined;
    const from = Number(m[1]);
    return [from, m[2] === undefined ? from : Number(m[2])];
}
function expand(target, published, hostIp, protocol, pos) {
    const out = [];
    const count = target[1] - target[0] + 1;
    // A host range with one container port lets the engine pick one host port of the range.
    const pairwise = published !== undefined && published[1] - published[0] + 1 === count;
    for (let i = 0; i < count && i < 65536; i++) {
        const mapping = { target: target[0] + i, protocol, pos };
        if (published && (pairwise || published[0] === published[1]))
            mapping.published = published[0] + (pairwise ? i : 0);
        if (hostIp)
            mapping.hostIp = hostIp;
        out.push(mapping);
    }
    return out;
}
function parseExpose(node) {
    const text = str(node);
    if (text === undefined)
        return [];
    const [ports = '', protocol = 'tcp'] = text.split('/');
    const range = parseRange(ports);
    if (!range)
        return [];
    const out = [];
    for (let p = range[0]; p <= range[1] && out.length < 65536; p++)
        out.push({ port: p, protocol, pos: nodePos(node) });
    return out;
}
function hostPathOf(source, ctx) {
    if (source === '~' || source.startsWith('~/'))
        return external_node_path_.join(ctx.env.HOME ?? external_node_os_.homedir(), source.slice(1));
    return external_node_path_.resolve(ctx.projectDir, source);
}
function isBindSource(source) {
    return /^[./~]/.test(source) || /^[a-zA-Z]:[\\/]/.test(source) || source.startsWith('\\\\');
}
function parseMount(node, ctx) {
    const pos = nodePos(node);
    if (isMap(node)) {
        const type = (str(get(node, 'type')) ?? 'volume');
        const target = str(get(node, 'target'));
        if (target === undefined)
            return [];
        const source = str(get(node, 'source'));
        const mount = {
            type,
            target,
            readOnly: get(node, 'read_only')?.kind === 'scalar' &&
                get(node, 'read_only').value === true,
            short: false,
            pos,
        };
        if (source !== undefined)
            mount.source = source;
        if (type === 'bind' && source !== undefined)
            mount.hostPath = hostPathOf(source, ctx);
        return [mount];
    }
    const text = str(node);
    if (text === undefined)
        return [];
    const { source, target, mode } = splitVolumeSpec(text);
    const readOnly = (mode ?? '').split(',').includes('ro');
    if (source === undefined || source === '')
        return [{ type: 'volume', target, readOnly, short: true, pos }];
    if (isBindSource(source)) {
        return [{ type: 'bind', source, hostPath: hostPathOf(source, ctx), target, readOnly, short: true, pos }];
    }
    return [{ type: 'volume', source, target, readOnly, short: true, pos }];
}
/** Both forms; a name without a value takes it from the environment, and is dropped when unset there. */
function environment(node, env) {
    const out = {};
    const set = (key, value) => {
        Object.defineProperty(out, key, {
            value: value ?? env[key],
            enumerable: true,
            writable: true,
            configurable: true,
        });
    };
    if (isSeq(node)) {
        for (const item of node.items) {
            const text = str(item);
            if (text === undefined)
                continue;
            const eq = text.indexOf('=');
            set(eq < 0 ? text : text.slice(0, eq), eq < 0 ? undefined : text.slice(eq + 1));
        }
    }
    else if (isMap(node)) {
        for (const e of node.entries.values())
            set(e.key, str(e.value));
    }
    return out;
}
/** `host:ip`, `host=ip` (IPv6 values keep their colons, brackets are dropped) or `{host: ip | [ip, …]}`. */
function extraHosts(node) {
    const out = [];
    const push = (host, ip, pos) => out.push({ host, ip: ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip, pos });
    if (isSeq(node)) {
        for (const item of node.items) {
            const text = str(item);
            if (text === undefined)
                continue;
            const eq = text.indexOf('=');
            const sep = eq >= 0 ? eq : text.indexOf(':');
            if (sep < 0)
                continue;
            push(text.slice(0, sep), text.slice(sep + 1), nodePos(item));
        }
    }
    else if (isMap(node)) {
        for (const e of node.entries.values()) {
            const values = isSeq(e.value) ? e.value.items : [e.value];
            for (const v of values) {
                const ip = str(v);
                if (ip !== undefined)
                    push(e.key, ip, nodePos(v));
            }
        }
    }
    return out;
}
function healthcheckEnabled(node) {
    if (!isMap(node))
        return false;
    const disable = get(node, 'disable');
    if (isScalar(disable) && disable.value === true)
        return false;
    const test = get(node, 'test');
    const first = isSeq(test) ? str(test.items[0]) : str(test);
    return first !== 'NONE';
}
function keyRanges(svc) {
    const out = {};
    for (const e of svc.entries.values()) {
        out[e.key] = {
            file: e.value.file,
            start: e.value.start,
            end: e.value.end,
            indent: e.indent ?? svc.keyIndent ?? '',
            flow: e.value.kind !== 'scalar' && e.value.flow,
        };
    }
    return out;
}
function insertAt(svc) {
    if (svc.flow || svc.keyIndent === undefined || svc.entries.size === 0)
        return undefined;
    return { file: svc.file, offset: svc.end, indent: svc.keyIndent, eol: svc.eol ?? '\n' };
}
function topLevelNetworks(root) {
    const node = get(root, 'networks');
    if (!isMap(node))
        return [];
    return [...node.entries.values()].map((e) => {
        const external = get(e.value, 'external');
        const network = {
            name: e.key,
            pos: nodePos(e.keyNode),
            external: (isScalar(external) && external.value === true) || isMap(external),
            implicit: false,
        };
        const driver = str(get(e.value, 'driver'));
        if (driver !== undefined)
            network.driver = driver;
        return network;
    });
}
function topLevelVolumes(root) {
    const node = get(root, 'volumes');
    if (!isMap(node))
        return [];
    return [...node.entries.values()].map((e) => {
        const external = get(e.value, 'external');
        return {
            name: e.key,
            pos: nodePos(e.keyNode),
            external: (isScalar(external) && external.value === true) || isMap(external),
        };
    });
}

;// CONCATENATED MODULE: ./lib/src/compose/parse.js




/** Real compose files are kilobytes; past this, parsing would take seconds, so refuse with a clear message. */
const MAX_COMPOSE_BYTES = 4 * 1024 * 1024;
/** Nodes that alias expansion may create in one file: an alias bomb (billion laughs) stops here. */
const MAX_ALIAS_NODES = 100_000;
const MAX_DEPTH = 500;
/** Reads and parses one compose file. Unreadable, binary or oversized files throw InputError. */
function readComposeFile(file) {
    let size;
    try {
        const st = (0,external_node_fs_.statSync)(file);
        if (st.isDirectory())
            throw new core_errors/* InputError */.dz(`${file}: is a directory, not a compose file`);
        size = st.size;
    }
    catch (error) {
        if (error instanceof core_errors/* InputError */.dz)
            throw error;
        throw new core_errors/* InputError */.dz(`${file}: cannot read the compose file (${error.code ?? error})`);
    }
    if (size > MAX_COMPOSE_BYTES) {
        throw new core_errors/* InputError */.dz(`${file}: compose file is ${(size / 1024 / 1024).toFixed(1)} MB; stackgate reads compose files up to ${MAX_COMPOSE_BYTES / 1024 / 1024} MB`);
    }
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(file);
    }
    catch (error) {
        throw new core_errors/* InputError */.dz(`${file}: cannot read the compose file (${error.code ?? error})`);
    }
    return parseComposeBytes(file, bytes);
}
function parseComposeBytes(file, bytes) {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new core_errors/* InputError */.dz(`${file}: compose file is UTF-16 encoded; save it as UTF-8`);
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        throw new core_errors/* InputError */.dz(`${file}: not a text file (NUL byte at offset ${nul}); name a compose YAML file`);
    }
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    const diagnostics = [];
    let strict = true;
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        strict = false;
    }
    const parsed = parseComposeText(file, text);
    if (!strict) {
        const lc = lineCounterFor(text);
        const at = lc.linePos(Math.max(0, text.indexOf('\uFFFD')));
        diagnostics.push(composeFinding('compose-invalid', { file, line: at.line, column: at.col }, 'invalid UTF-8 byte sequence (compose reads YAML as UTF-8)', 'Re-save the file as UTF-8.'));
    }
    parsed.diagnostics.unshift(...diagnostics);
    return parsed;
}
function lineCounterFor(text) {
    const lc = new dist/* LineCounter */.HN();
    lc.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        lc.addNewLine(i + 1);
    return lc;
}
class AliasBudgetExceeded extends Error {
}
class TooDeep extends Error {
}
/** Parses compose YAML text into a positioned tree; every YAML error becomes a compose-invalid finding. */
function parseComposeText(file, text) {
    const bom = text.startsWith('\uFEFF');
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
    const diagnostics = [];
    const posOf = (offset) => {
        const lp = lineCounter.linePos(offset);
        // Editors do not count a BOM as a column.
        return { file, line: lp.line, column: bom && lp.line === 1 ? Math.max(1, lp.col - 1) : lp.col };
    };
    for (const error of doc.errors) {
        diagnostics.push(composeFinding('compose-invalid', posOf(error.pos[0]), `YAML: ${error.message.split('\n')[0]}`, 'Fix the YAML syntax at this line (indentation, quotes, brackets).'));
    }
    const result = { file, text, root: undefined, diagnostics };
    if (doc.errors.length > 0)
        return result;
    if (doc.contents === null || ((0,dist/* isScalar */.jn)(doc.contents) && doc.contents.value === null)) {
        diagnostics.push(composeFinding('compose-invalid', { file, line: 1, column: 1 }, 'empty compose file', 'Add at least a `services:` mapping, or remove the file.'));
        return result;
    }
    const converter = new Converter(text, doc, posOf, diagnostics);
    let root;
    try {
        root = converter.convert(doc.contents, 0);
    }
    catch (error) {
        if (error instanceof AliasBudgetExceeded || error instanceof TooDeep) {
            diagnostics.push(composeFinding('compose-invalid', converter.failedAt ?? { file, line: 1, column: 1 }, error.message, error instanceof AliasBudgetExceeded
                ? 'Remove the nested YAML aliases (this looks like an alias bomb).'
                : 'Flatten the document: compose files are never nested this deep.'));
            return result;
        }
        throw error;
    }
    if (root.kind !== 'map') {
        diagnostics.push(composeFinding('compose-invalid', { file, line: root.line, column: root.column }, 'Top-level object must be a mapping', 'Start the file with top-level keys such as `services:`.'));
        return result;
    }
    result.root = root;
    return result;
}
class Converter {
    text;
    doc;
    posOf;
    diagnostics;
    aliasNodes = 0;
    inAlias = 0;
    failedAt;
    eol;
    constructor(text, doc, posOf, diagnostics) {
        this.text = text;
        this.doc = doc;
        this.posOf = posOf;
        this.diagnostics = diagnostics;
        this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    }
    base(node, fallback) {
        const range = node?.range;
        const start = range ? range[0] : fallback;
        let end = range ? range[1] : fallback;
        // Block collections end after their last line break; edits want the end of the last value.
        while (end > start && /\s/.test(this.text[end - 1]))
            end--;
        return { ...this.posOf(start), start, end };
    }
    convert(node, depth, fallbackOffset = 0) {
        if (depth > MAX_DEPTH) {
            this.failedAt = this.posOf(node?.range?.[0] ?? fallbackOffset);
            throw new TooDeep(`YAML nesting deeper than ${MAX_DEPTH} levels`);
        }
        if (this.inAlias > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
            throw new AliasBudgetExceeded(`YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes; refusing to expand (alias bomb)`);
        }
        if (node === null || node === undefined) {
            return {
                kind: 'scalar',
                value: null,
                quoted: false,
                inline: false,
                ...this.base(null, fallbackOffset),
            };
        }
        if ((0,dist/* isAlias */.Vj)(node))
            return this.expandAlias(node, depth);
        if ((0,dist/* isScalar */.jn)(node)) {
            const v = node.value;
            const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
                ? v
                : typeof v === 'bigint'
                    ? Number(v)
                    : String(v);
            const quoted = node.type !== 'PLAIN' && node.type !== undefined;
            const inline = node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
            return { kind: 'scalar', value, quoted, inline, ...this.base(node, fallbackOffset) };
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            return {
                kind: 'seq',
                flow: node.flow === true,
                items: node.items.map((item) => this.convert(item, depth + 1, node.range?.[0] ?? 0)),
                ...this.base(node, fallbackOffset),
            };
        }
        if ((0,dist/* isMap */.jh)(node))
            return this.convertMap(node, depth, fallbackOffset);
        return { kind: 'scalar', value: null, quoted: false, inline: false, ...this.base(null, fallbackOffset) };
    }
    expandAlias(alias, depth) {
        const target = alias.resolve(this.doc);
        if (!target) {
            this.failedAt = this.posOf(alias.range?.[0] ?? 0);
            return { kind: 'scalar', value: null, quoted: false, inline: false, ...this.base(alias, 0) };
        }
        this.inAlias++;
        try {
            return this.convert(target, depth + 1);
        }
        catch (error) {
            this.failedAt ??= this.posOf(alias.range?.[0] ?? 0);
            throw error;
        }
        finally {
            this.inAlias--;
        }
    }
    convertMap(node, depth, fallbackOffset) {
        const entries = new Map();
        const merged = [];
        for (const pair of node.items) {
            const keyNode = pair.key;
            if (keyNode !== null && !(0,dist/* isScalar */.jn)(keyNode) && !(0,dist/* isAlias */.Vj)(keyNode)) {
                this.diagnostics.push(composeFinding('compose-invalid', this.posOf(keyNode.range?.[0] ?? 0), 'mapping keys must be strings', 'Use a plain string as the key.'));
                continue;
            }
            const key = this.convert(keyNode, depth + 1, node.range?.[0] ?? 0);
            const keyText = key.value === null ? '' : String(key.value);
            const value = this.convert(pair.value, depth + 1, key.end);
            if (keyText === '<<' && !key.quoted) {
                // YAML merge key (`<<: *defaults`): compose-go's YAML library supports it, explicit keys win.
                const sources = value.kind === 'seq' ? value.items : [value];
                for (const source of sources)
                    if (source.kind === 'map')
                        merged.push(source);
                continue;
            }
            const previous = entries.get(keyText);
            if (previous) {
                this.diagnostics.push(composeFinding('compose-invalid', { file: key.file, line: key.line, column: key.column }, `mapping key "${keyText}" already defined at line ${previous.keyNode.line}`, `Remove one of the two "${keyText}" keys (YAML keys must be unique).`));
                continue;
            }
            entries.set(keyText, { key: keyText, keyNode: key, value, indent: this.indentAt(key.start) });
        }
        for (const source of merged) {
            for (const [k, e] of source.entries)
                if (!entries.has(k))
                    entries.set(k, e);
        }
        const result = {
            kind: 'map',
            flow: node.flow === true,
            entries,
            eol: this.eol,
            ...this.base(node, fallbackOffset),
        };
        const first = node.items[0]?.key;
        if (!result.flow && first?.range)
            result.keyIndent = this.indentAt(first.range[0]);
        return result;
    }
    /** The whitespace a new key needs to line up with the key at `offset` (also after a `- ` item marker). */
    indentAt(offset) {
        const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
        const before = this.text.slice(lineStart, offset).replace(/^\uFEFF/, '');
        return /^[ \t]*$/.test(before) ? before : ' '.repeat(before.length);
    }
}

;// CONCATENATED MODULE: ./lib/src/compose/references.js

/**
 * compose's consistency checks (loader/validate.go), on active services, reporting every violation
 * where compose stops at the first: undefined services, networks and volumes, and network_mode with networks.
 */
function checkReferences(model, serviceNodes) {
    const findings = [];
    const services = new Set(model.services.map((s) => s.name));
    const networks = new Set(model.networks.map((n) => n.name));
    const volumes = new Set(model.volumes.map((v) => v.name));
    const known = (name) => [...services].filter((s) => s !== name);
    const available = (list) => (list.length ? ` (defined: ${list.join(', ')})` : '');
    for (const svc of model.services) {
        if (!svc.active)
            continue;
        const node = serviceNodes.get(svc.name);
        const report = (pos, message, fix) => findings.push(composeFinding('compose-reference', pos, message, fix, svc.name));
        for (const dep of svc.dependsOn) {
            if (dep.implicit || services.has(dep.service))
                continue;
            if (isOptionalDependency(node, dep.service))
                continue;
            report(dep.pos, `service "${svc.name}" depends on undefined service "${dep.service}"`, `Define service "${dep.service}", or remove it from depends_on${available(known(svc.name))}.`);
        }
        for (const link of svc.links) {
            if (services.has(link.service))
                continue;
            report(link.pos, `service "${svc.name}" depends on undefined service "${link.service}" (links)`, `Define service "${link.service}", or remove the link${available(known(svc.name))}.`);
        }
        if (svc.networkMode.kind === 'service' && !services.has(svc.networkMode.service)) {
            report(svc.networkModePos ?? svc.pos, `service "${svc.networkMode.service}" not found for network_mode 'service:${svc.networkMode.service}'`, `Name an existing service after "service:"${available(known(svc.name))}.`);
        }
        for (const from of svc.volumesFrom) {
            const spec = from.value;
            if (spec.startsWith('container:'))
                continue;
            const name = (spec.startsWith('service:') ? spec.slice('service:'.length) : spec).split(':')[0];
            if (services.has(name))
                continue;
            report(from.pos, `service "${svc.name}" volumes_from undefined service "${name}"`, `Name an existing service, or use "container:NAME" for a container outside this project${available(known(svc.name))}.`);
        }
        for (const net of svc.networks) {
            if (net.implicit || networks.has(net.name) || net.name === 'default')
                continue;
            report(net.pos, `service "${svc.name}" refers to undefined network ${net.name}`, `Declare "${net.name}" under the top-level networks: key (add "external: true" if another project creates it).`);
        }
        for (const mount of svc.volumes) {
            if (mount.type !== 'volume' || mount.source === undefined || volumes.has(mount.source))
                continue;
            report(mount.pos, `service "${svc.name}" refers to undefined volume ${mount.source}`, `Declare "${mount.source}" under the top-level volumes: key, or write a path (./${mount.source}) for a bind mount.`);
        }
        const networksEntry = entry(node, 'networks');
        if (svc.networkModePos && networksEntry && !isEmpty(networksEntry.value)) {
            findings.push({
                ...composeFinding('compose-reference', nodePos(networksEntry.keyNode), `service ${svc.name} declares mutually exclusive \`network_mode\` and \`networks\``, 'Remove either network_mode or networks from this service.', svc.name),
                related: [{ pos: svc.networkModePos, message: 'network_mode is set here' }],
            });
        }
    }
    return findings;
}
/** `depends_on: {x: {required: false}}`: compose only warns when x is missing. */
function isOptionalDependency(node, service) {
    const deps = get(node, 'depends_on');
    if (!isMap(deps))
        return false;
    const required = get(get(deps, service), 'required');
    return isScalar(required) && required.value === false && str(required) === 'false';
}
function isEmpty(node) {
    if (node.kind === 'scalar')
        return node.value === null;
    return node.kind === 'map' ? node.entries.size === 0 : node.items.length === 0;
}

;// CONCATENATED MODULE: ./lib/src/compose/schema.js

let validator;
/** Milliseconds loading the validator took in this process (for benchmarks). */
let schemaLoadMs;
/**
 * The validator is ajv standalone code generated from compose-spec.json (see schema/generate.ts):
 * compiling the schema at run time takes about a second, loading the generated module a few ms.
 * It is imported on first use so that commands that never validate compose do not pay for it.
 */
async function compiled() {
    if (validator)
        return validator;
    const started = performance.now();
    const generated = await __webpack_require__.e(/* import() */ 440).then(__webpack_require__.bind(__webpack_require__, 1440));
    validator = generated.validate;
    schemaLoadMs = performance.now() - started;
    return validator;
}
/** Loads the validator ahead of time (the loader awaits it once before validating files synchronously). */
async function loadSchemaValidator() {
    await compiled();
}
/** Validates one interpolated compose document; every schema error becomes a compose-invalid finding at its node. */
function validateSchema(root, fileLabel) {
    const validate = validator;
    if (!validate)
        throw new Error('validateSchema called before loadSchemaValidator()');
    if (validate(toPlain(root)))
        return [];
    const errors = selectErrors(validate.errors ?? []);
    const seen = new Set();
    const findings = [];
    for (const error of errors) {
        const located = locate(root, error);
        const message = `${describePath(error)} ${describeError(error)}`.trim();
        const key = `${located.line}:${located.column}:${message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push(composeFinding('compose-invalid', located, `validating ${fileLabel}: ${message}`, schema_fixFor(error)));
    }
    return findings;
}
function segments(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function extraProperty(error) {
    const p = error.params;
    if (error.keyword === 'additionalProperties')
        return p.additionalProperty;
    if (error.keyword === 'unevaluatedProperties')
        return p.unevaluatedProperty;
    return undefined;
}
/** The node an error is about: the extra key itself for additional properties, else the value. */
function locate(root, error) {
    let node = root;
    let keyOf;
    for (const seg of segments(error.instancePath)) {
        if (node.kind === 'map') {
            const e = node.entries.get(seg);
            if (!e)
                break;
            keyOf = e.keyNode;
            node = e.value;
        }
        else if (node.kind === 'seq') {
            const item = node.items[Number(seg)];
            if (!item)
                break;
            keyOf = undefined;
            node = item;
        }
        else
            break;
    }
    const extra = extraProperty(error);
    if (extra !== undefined && node.kind === 'map') {
        const e = node.entries.get(extra);
        if (e)
            return nodePos(e.keyNode);
    }
    // A null value (`services:` with nothing after it) has no position of its own; the key has.
    if (node.kind === 'scalar' && node.value === null && keyOf)
        return nodePos(keyOf);
    return nodePos(node);
}
function describePath(error) {
    const segs = segments(error.instancePath);
    return segs.length === 0 ? '(root)' : segs.join('.');
}
function humanType(t) {
    return t === 'object' ? 'mapping' : t === 'array' ? 'array' : t;
}
function describeError(error) {
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties':
        case 'unevaluatedProperties':
            return `Additional property ${extraProperty(error)} is not allowed`;
        case 'type': {
            const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')).map((t) => humanType(String(t)));
            const text = joinOr(types);
            return `must be ${/^[aeiou]/.test(text) ? 'an' : 'a'} ${text}`;
        }
        case 'required':
            return `missing property ${String(params.missingProperty)}`;
        case 'enum':
            return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'minimum':
            return `must be greater than or equal to ${String(params.limit)}`;
        case 'maximum':
            return `must be less than or equal to ${String(params.limit)}`;
        case 'pattern':
            return `does not match pattern ${String(params.pattern)}`;
        case 'format':
            return `must be a valid ${String(params.format)}`;
        case 'uniqueItems':
            return `array items ${String(params.j)} and ${String(params.i)} are equal`;
        case 'minItems':
            return `must have at least ${String(params.limit)} items`;
        case 'minProperties':
            return `must have at least ${String(params.limit)} properties`;
        default:
            return error.message ?? `fails ${error.keyword}`;
    }
}
function joinOr(items) {
    const sorted = [...new Set(items)].sort();
    if (sorted.length <= 1)
        return sorted[0] ?? '';
    return `${sorted.slice(0, -1).join(', ')} or ${sorted[sorted.length - 1]}`;
}
function schema_fixFor(error) {
    switch (error.keyword) {
        case 'additionalProperties':
        case 'unevaluatedProperties':
            return `Remove or rename "${extraProperty(error)}": the compose specification does not define it here (extensions must start with x-).`;
        case 'type':
            return 'Change the value to the type the compose specification expects here.';
        case 'required':
            return 'Add the missing property.';
        default:
            return 'Change the value to one the compose specification allows (see the compose file reference).';
    }
}
/**
 * Ajv with allErrors reports every failed branch of each oneOf/anyOf. Like compose, keep the most
 * specific: the errors that got deeper into the value than the combinator's own node; when every
 * branch fails at the node itself (a wrong type), one error listing the accepted types.
 *
 * Branch errors cannot be matched by schemaPath (it restarts after each $ref), so this relies on ajv's
 * order: a combinator's branch errors are pushed right before the combinator's own error.
 */
function selectErrors(errors) {
    const under = (e, p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`);
    const owner = new Map();
    errors.forEach((e, i) => {
        if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
            return;
        for (let j = i - 1; j >= 0 && under(errors[j], e.instancePath); j--)
            if (!owner.has(j))
                owner.set(j, i);
    });
    const childrenOf = (i) => errors.flatMap((_, j) => (owner.get(j) === i ? [j] : []));
    const depth = (e) => segments(e.instancePath).length + (extraProperty(e) !== undefined ? 1 : 0);
    const resolve = (i) => {
        const e = errors[i];
        if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
            return [e];
        const kids = childrenOf(i).flatMap(resolve);
        if (kids.length === 0)
            return [e];
        const own = segments(e.instancePath).length;
        const deeper = kids.filter((k) => depth(k) > own);
        if (deeper.length > 0)
            return deeper;
        const types = kids.filter((k) => k.keyword === 'type');
        if (types.length === 0)
            return kids;
        const all = types.flatMap((t) => {
            const p = t.params.type;
            return Array.isArray(p) ? p : String(p).split(',');
        });
        return [{ ...types[0], instancePath: e.instancePath, params: { type: [...new Set(all)] } }];
    };
    const selected = childrenOf(undefined).flatMap(resolve);
    // A property whose value failed its own schema is also reported as unevaluated; the real error suffices.
    return selected.filter((e) => {
        if (e.keyword !== 'unevaluatedProperties')
            return true;
        const prop = `${e.instancePath}/${String(extraProperty(e)).replace(/~/g, '~0').replace(/\//g, '~1')}`;
        return !errors.some((other) => other !== e && other.keyword !== 'unevaluatedProperties' && under(other, prop));
    });
}

;// CONCATENATED MODULE: ./lib/src/compose/index.js












/** compose-go's discovery order (cli/options.go). */
const DEFAULT_FILE_NAMES = [
    'compose.yaml',
    'compose.yml',
    'docker-compose.yml',
    'docker-compose.yaml',
];
const OVERRIDE_FILE_NAMES = [
    'compose.override.yml',
    'compose.override.yaml',
    'docker-compose.override.yml',
    'docker-compose.override.yaml',
];
const MAX_INCLUDE_DEPTH = 32;
function definedOnly(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
}
function isFile(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
/** Reads env files in order (later ones win); `base` (the process environment) is what they may interpolate. */
function readEnvFiles(files, base) {
    const out = {};
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch (error) {
            throw new core_errors/* InputError */.dz(`${file}: cannot read env file (${error.code ?? error})`);
        }
        Object.assign(out, parseDotenv(text, file, (k) => base[k] ?? out[k]));
    }
    return out;
}
/** The compose files to load, as docker compose picks them; throws InputError when there is none. */
function discoverFiles(cwd, explicit, env, warnings) {
    const fromEnv = env.COMPOSE_FILE
        ? env.COMPOSE_FILE.split(env.COMPOSE_PATH_SEPARATOR || external_node_path_.delimiter).filter(Boolean)
        : [];
    const named = explicit.length > 0 ? explicit : fromEnv;
    if (named.length > 0) {
        return named.map((f) => {
            const abs = external_node_path_.resolve(cwd, f);
            if (!(0,external_node_fs_.existsSync)(abs)) {
                throw new core_errors/* InputError */.dz(`${explicit.length > 0 ? '--compose' : 'COMPOSE_FILE'} ${f}: no such file (relative to ${cwd})`);
            }
            if (!isFile(abs))
                throw new core_errors/* InputError */.dz(`${f}: not a regular file; name a compose YAML file`);
            return abs;
        });
    }
    // Like compose, look in the working directory, then in each parent.
    for (let dir = cwd;; dir = external_node_path_.dirname(dir)) {
        // Like compose, any existing path counts; a directory is then reported as unreadable, not skipped.
        const candidates = DEFAULT_FILE_NAMES.map((n) => external_node_path_.join(dir, n)).filter((p) => (0,external_node_fs_.existsSync)(p));
        if (candidates.length > 0) {
            if (candidates.length > 1) {
                warnings.push(`Found multiple config files with supported names: ${candidates.join(', ')}; using ${candidates[0]}`);
            }
            const overrides = OVERRIDE_FILE_NAMES.map((n) => external_node_path_.join(dir, n)).filter((p) => (0,external_node_fs_.existsSync)(p));
            if (overrides.length > 1) {
                warnings.push(`Found multiple override files with supported names: ${overrides.join(', ')}; using ${overrides[0]}`);
            }
            return overrides[0] ? [candidates[0], overrides[0]] : [candidates[0]];
        }
        if (external_node_path_.dirname(dir) === dir)
            break;
    }
    throw new core_errors/* InputError */.dz(`no compose file found in ${cwd}; pass --compose FILE`);
}
/** Loads a compose project as `docker compose config` would, keeping each value's file, line and column. */
async function loadCompose(opts) {
    const cwd = external_node_path_.resolve(opts.cwd);
    await loadSchemaValidator();
    const processEnv = definedOnly(opts.env);
    const warnings = [];
    const envFilesFor = (dir) => opts.envFiles.length > 0
        ? opts.envFiles.map((f) => {
            const abs = external_node_path_.resolve(cwd, f);
            if (!isFile(abs))
                throw new core_errors/* InputError */.dz(`--env-file ${f}: no such file (relative to ${cwd})`);
            return abs;
        })
        : [external_node_path_.join(dir, '.env')].filter(isFile);
    // COMPOSE_FILE and friends may come from the working directory's .env, as in compose.
    const cwdEnv = { ...readEnvFiles(envFilesFor(cwd), processEnv), ...processEnv };
    const files = discoverFiles(cwd, opts.files, cwdEnv, warnings);
    const projectDir = external_node_path_.dirname(files[0]);
    const env = projectDir === cwd || opts.envFiles.length > 0
        ? cwdEnv
        : { ...readEnvFiles(envFilesFor(projectDir), processEnv), ...processEnv };
    const loader = new Loader(cwd, projectDir);
    const docs = files.flatMap((f) => loader.loadFile(f, env, projectDir, []) ?? []);
    const root = mergeDocuments(docs) ?? {
        kind: 'map',
        flow: false,
        entries: new Map(),
        file: files[0],
        line: 1,
        column: 1,
        start: 0,
        end: 0,
    };
    const profilesFromEnv = (env.COMPOSE_PROFILES ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
    const nameNode = get(root, 'name');
    const projectName = normalizeProjectName(env.COMPOSE_PROJECT_NAME || str(nameNode) || external_node_path_.basename(projectDir));
    const ctx = {
        projectName,
        projectDir,
        profiles: opts.profiles.length > 0 ? opts.profiles : profilesFromEnv,
        env,
    };
    const servicesNode = get(root, 'services');
    const serviceNodes = new Map();
    const services = isMap(servicesNode)
        ? [...servicesNode.entries.values()].flatMap((e) => {
            const value = isMap(e.value) ? e.value : { ...emptyMapAt(e.value) };
            serviceNodes.set(e.key, value);
            return [normalizeService(e.key, nodePos(e.keyNode), value, ctx)];
        })
        : [];
    const networks = topLevelNetworks(root);
    const usesDefault = services.some((s) => s.networks.some((n) => n.name === 'default'));
    if (usesDefault && !networks.some((n) => n.name === 'default')) {
        networks.push({
            name: 'default',
            pos: { file: files[0], line: 1, column: 1 },
            external: false,
            implicit: true,
        });
    }
    const versionNode = get(root, 'version');
    const version = str(versionNode);
    const model = {
        projectName,
        projectDir,
        files: loader.files,
        services,
        networks,
        volumes: topLevelVolumes(root),
        diagnostics: [],
        env,
        warnings: [...warnings, ...loader.warnings],
        unsetVariables: loader.unset,
    };
    if (version !== undefined && versionNode)
        model.version = { value: version, pos: nodePos(versionNode) };
    model.diagnostics = [...loader.diagnostics, ...checkReferences(model, serviceNodes)];
    return model;
}
function emptyMapAt(node) {
    return {
        kind: 'map',
        flow: true,
        entries: new Map(),
        file: node.file,
        line: node.line,
        column: node.column,
        start: node.start,
        end: node.end,
    };
}
/** Reads files, applies interpolation, schema, include and extends, and collects findings on the way. */
class Loader {
    cwd;
    projectDir;
    files = [];
    diagnostics = [];
    warnings = [];
    unset = [];
    extendsCache = new Map();
    constructor(cwd, projectDir) {
        this.cwd = cwd;
        this.projectDir = projectDir;
    }
    label(file) {
        return external_node_path_.relative(this.cwd, file) || external_node_path_.basename(file);
    }
    /** Parse, interpolate and schema-check one file; undefined when it has no usable top-level mapping. */
    read(file, env) {
        const parsed = readComposeFile(file);
        if (!this.files.includes(file))
            this.files.push(file);
        this.diagnostics.push(...parsed.diagnostics);
        if (!parsed.root)
            return undefined;
        const interpolation = interpolateTree(parsed.root, parsed.text, (k) => env[k]);
        this.diagnostics.push(...interpolation.diagnostics);
        this.unset.push(...interpolation.unset);
        this.diagnostics.push(...validateSchema(parsed.root, this.label(file)));
        return parsed.root;
    }
    /**
     * One compose file with its includes and extends applied. Relative paths in it resolve against
     * `baseDir`; when that is not the project directory (an included project), they are made absolute.
     */
    loadFile(file, env, baseDir, chain) {
        const root = this.read(file, env);
        if (!root)
            return undefined;
        this.applyIncludes(root, file, env, [...chain, file]);
        this.applyExtends(root, file, env);
        if (baseDir !== this.projectDir)
            rebaseServices(root, baseDir);
        return root;
    }
    applyIncludes(root, file, env, chain) {
        const include = root.entries.get('include');
        if (!include)
            return;
        root.entries.delete('include');
        const workingDir = external_node_path_.dirname(file);
        const list = isSeq(include.value) ? include.value.items : [];
        for (const item of list) {
            const pathNode = isMap(item) ? get(item, 'path') : item;
            const paths = (isSeq(pathNode) ? pathNode.items : pathNode ? [pathNode] : []).flatMap((p) => {
                const s = str(p);
                return s === undefined ? [] : [{ file: external_node_path_.resolve(workingDir, s), node: p }];
            });
            if (paths.length === 0)
                continue;
            const missing = paths.filter((p) => !isFile(p.file));
            for (const m of missing) {
                this.diagnostics.push(composeFinding('compose-invalid', nodePos(m.node), `include: ${m.file} not found`, 'Fix the path of the included compose file.'));
            }
            if (missing.length > 0)
                continue;
            const cycle = paths.find((p) => chain.includes(p.file));
            if (cycle || chain.length > MAX_INCLUDE_DEPTH) {
                this.diagnostics.push(composeFinding('compose-invalid', nodePos(cycle?.node ?? item), `include cycle detected: ${[...chain, cycle?.file ?? ''].map((f) => this.label(f)).join(' includes ')}`, 'Remove the include that leads back to a file already being included.'));
                continue;
            }
            const projectDirText = isMap(item) ? str(get(item, 'project_directory')) : undefined;
            const includedDir = projectDirText
                ? external_node_path_.resolve(workingDir, projectDirText)
                : external_node_path_.dirname(paths[0].file);
            const envFileNode = isMap(item) ? get(item, 'env_file') : undefined;
            const envFiles = envFileNode
                ? (isSeq(envFileNode) ? envFileNode.items : [envFileNode]).flatMap((n) => {
                    const s = str(n);
                    if (s === undefined || s === '/dev/null')
                        return [];
                    const abs = external_node_path_.resolve(workingDir, s);
                    if (!isFile(abs)) {
                        this.diagnostics.push(composeFinding('compose-invalid', nodePos(n), `include: env_file ${abs} not found`, 'Fix the env_file path.'));
                        return [];
                    }
                    return [abs];
                })
                : [external_node_path_.join(includedDir, '.env')].filter(isFile);
            const includedEnv = { ...env, ...readEnvFiles(envFiles, env) };
            const docs = paths.flatMap((p) => this.loadFile(p.file, includedEnv, includedDir, chain) ?? []);
            const included = mergeDocuments(docs);
            if (included)
                this.addImported(root, included);
        }
    }
    /** Resources of an included project join the model; a local definition of the same name conflicts. */
    addImported(root, included) {
        for (const section of ['services', 'networks', 'volumes', 'secrets', 'configs', 'models']) {
            const imported = get(included, section);
            if (!isMap(imported))
                continue;
            const local = root.entries.get(section);
            if (!local || !isMap(local.value)) {
                const keyNode = local?.keyNode ?? imported.entries.values().next().value?.keyNode ?? scalarAt(imported, section);
                root.entries.set(section, { key: section, keyNode, value: clone(imported) });
                continue;
            }
            for (const [name, e] of imported.entries) {
                const mine = local.value.entries.get(name);
                if (mine) {
                    this.diagnostics.push(composeFinding('compose-invalid', nodePos(mine.keyNode), `${section}.${name} conflicts with imported resource`, `Rename ${section}.${name} here or in the included project: both define it.`));
                    continue;
                }
                local.value.entries.set(name, e);
            }
        }
    }
    applyExtends(root, file, env) {
        const services = get(root, 'services');
        if (!isMap(services))
            return;
        for (const name of [...services.entries.keys()])
            this.resolveExtends(name, services, file, env, []);
    }
    /** The services of a file named by `extends.file`, with its own extends resolved (parsed once). */
    servicesOf(file, env) {
        if (this.extendsCache.has(file))
            return this.extendsCache.get(file);
        this.extendsCache.set(file, undefined);
        const root = this.read(file, env);
        const services = get(root, 'services');
        const result = isMap(services) ? services : undefined;
        this.extendsCache.set(file, result);
        if (result)
            for (const name of [...result.entries.keys()])
                this.resolveExtends(name, result, file, env, []);
        return result;
    }
    resolveExtends(name, services, file, env, stack) {
        const e = services.entries.get(name);
        if (!e || !isMap(e.value))
            return undefined;
        const svc = e.value;
        const ext = svc.entries.get('extends');
        if (!ext)
            return svc;
        const own = { ...svc, entries: new Map([...svc.entries].filter(([k]) => k !== 'extends')) };
        services.entries.set(name, { ...e, value: own });
        const id = `${file}#${name}`;
        if (stack.includes(id)) {
            this.diagnostics.push(composeFinding('compose-invalid', nodePos(ext.keyNode), `circular reference with extends: ${[...stack, id].map((s) => s.split('#')[1]).join(' -> ')}`, 'Break the cycle: a service cannot extend itself, directly or through others.', name));
            return own;
        }
        const targetNode = isMap(ext.value) ? get(ext.value, 'service') : ext.value;
        const target = str(targetNode);
        const fileNode = isMap(ext.value) ? get(ext.value, 'file') : undefined;
        const fromFile = str(fileNode);
        if (target === undefined)
            return own;
        let baseServices = services;
        let baseFile = file;
        if (fromFile !== undefined) {
            baseFile = external_node_path_.resolve(external_node_path_.dirname(file), fromFile);
            if (!isFile(baseFile)) {
                this.diagnostics.push(composeFinding('compose-reference', nodePos(fileNode), `service "${name}" extends a file that does not exist: ${baseFile}`, 'Fix the extends.file path (it is relative to this compose file).', name));
                return own;
            }
            baseServices = baseFile === file ? services : this.servicesOf(baseFile, env);
        }
        const baseEntry = baseServices?.entries.get(target);
        if (!baseServices || !baseEntry) {
            this.diagnostics.push(composeFinding('compose-reference', nodePos(targetNode), `service "${name}" extends undefined service "${target}"${fromFile !== undefined ? ` in ${this.label(baseFile)}` : ''}`, `Name a service defined in ${this.label(baseFile)}.`, name));
            return own;
        }
        services.entries.set(name, e);
        const base = this.resolveExtends(target, baseServices, baseFile, env, [...stack, id]);
        services.entries.set(name, { ...e, value: own });
        if (!base)
            return own;
        let baseCopy = clone(base);
        if (external_node_path_.dirname(baseFile) !== external_node_path_.dirname(file))
            baseCopy = rebaseService(baseCopy, external_node_path_.dirname(baseFile));
        const merged = mergeNodes(baseCopy, own, ['services', name]);
        const result = { ...own, entries: merged.entries };
        services.entries.set(name, { ...e, value: result });
        return result;
    }
}
function isRelativePath(p) {
    return !external_node_path_.isAbsolute(p) && !p.startsWith('~') && !/^[a-z]+:\/\//i.test(p) && !/^[a-zA-Z]:[\\/]/.test(p);
}
/** Makes relative bind sources and build contexts absolute, for services defined away from the project directory. */
function rebaseService(svc, dir) {
    const out = clone(svc);
    const absolute = (node) => {
        if (node?.kind === 'scalar' && typeof node.value === 'string' && isRelativePath(node.value)) {
            node.value = external_node_path_.resolve(dir, node.value);
        }
    };
    const volumes = get(out, 'volumes');
    if (isSeq(volumes)) {
        for (const v of volumes.items) {
            if (v.kind === 'scalar' && typeof v.value === 'string' && /^\.\.?([\\/]|:|$)/.test(v.value)) {
                const colon = v.value.indexOf(':');
                const source = colon < 0 ? v.value : v.value.slice(0, colon);
                v.value = external_node_path_.resolve(dir, source) + (colon < 0 ? '' : v.value.slice(colon));
            }
            else if (isMap(v) && str(get(v, 'type')) === 'bind')
                absolute(get(v, 'source'));
        }
    }
    const build = get(out, 'build');
    if (isMap(build))
        absolute(get(build, 'context'));
    else
        absolute(build);
    return out;
}
function rebaseServices(root, dir) {
    const services = get(root, 'services');
    if (!isMap(services))
        return;
    for (const [name, e] of services.entries) {
        if (isMap(e.value))
            services.entries.set(name, { ...e, value: rebaseService(e.value, dir) });
    }
}

;// CONCATENATED MODULE: ./lib/src/nginx/memory-fs.js
/**
 * A glob pattern as nginx's glob(3) reads it: `*`, `?` and `[...]` (with `!` or `^` negation) never
 * match `/`, and a wildcard never matches a leading dot.
 */
function globToRegExp(pattern) {
    let re = '';
    let segmentStart = true;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        const noDot = segmentStart ? '(?!\\.)' : '';
        segmentStart = c === '/';
        if (c === '*')
            re += `${noDot}[^/]*`;
        else if (c === '?')
            re += `${noDot}[^/]`;
        else if (c === '[') {
            const close = pattern.indexOf(']', i + 2);
            if (close < 0) {
                re += '\\[';
                continue;
            }
            let body = pattern.slice(i + 1, close);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            body = body.replace(/[\\\]^]/g, '\\$&');
            re += negate ? `${noDot}[^/${body}]` : `[${body}]`;
            i = close;
        }
        else
            re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
/** A ContainerFs over in-memory files (container path → text): the image's own files, and tests. */
function memoryContainerFs(files) {
    const directories = new Set();
    for (const p of files.keys()) {
        for (let i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1))
            directories.add(p.slice(0, i));
    }
    return {
        file(containerPath) {
            const text = files.get(containerPath);
            return text === undefined ? undefined : { kind: 'builtin', containerPath, text };
        },
        glob(pattern) {
            const re = globToRegExp(pattern);
            const depth = pattern.split('/').length;
            const found = new Set();
            for (const p of files.keys()) {
                // Directories that only exist as prefixes of files match too, as glob(3) lists them.
                const parts = p.split('/');
                if (parts.length < depth)
                    continue;
                const candidate = parts.slice(0, depth).join('/');
                if (re.test(candidate))
                    found.add(candidate);
            }
            return [...found].sort();
        },
        isDirectory(containerPath) {
            return directories.has(containerPath.replace(/\/+$/, '')) || containerPath === '/';
        },
    };
}

;// CONCATENATED MODULE: ./lib/src/project/container-fs.js



function statOf(p) {
    try {
        const s = (0,external_node_fs_.statSync)(p);
        return s.isDirectory() ? 'dir' : 'file';
    }
    catch {
        return undefined;
    }
}
/**
 * The proxy container's filesystem: image files (`builtin`, e.g. the official nginx image's
 * nginx.conf) overlaid by bind mounts. As in Docker, a mount shadows everything the image had
 * below its target, and the most specific (longest) target wins.
 */
class MountedContainerFs {
    builtin;
    rendered;
    binds;
    constructor(mounts, builtin, 
    /** Extra files that exist only in the running container (rendered templates). */
    rendered = new Map()) {
        this.builtin = builtin;
        this.rendered = rendered;
        this.binds = mounts
            .filter((m) => m.type === 'bind' && m.hostPath !== undefined)
            .map((m) => ({ target: external_node_path_.posix.normalize(m.target).replace(/\/$/, '') || '/', hostPath: m.hostPath }))
            .sort((a, b) => b.target.length - a.target.length);
    }
    /** The mount that covers a container path, and the host path it maps to. */
    hostPathOf(containerPath) {
        for (const b of this.binds) {
            if (containerPath === b.target)
                return b.hostPath;
            if (containerPath.startsWith(b.target === '/' ? '/' : `${b.target}/`)) {
                return external_node_path_.join(b.hostPath, containerPath.slice(b.target.length));
            }
        }
        return undefined;
    }
    /** The container path under which a host file is visible, if any mount exposes it. */
    containerPathOf(hostPath) {
        for (const b of this.binds) {
            if (hostPath === b.hostPath)
                return b.target;
            const rel = external_node_path_.relative(b.hostPath, hostPath);
            if (rel && !rel.startsWith('..') && !external_node_path_.isAbsolute(rel))
                return external_node_path_.posix.join(b.target, ...rel.split(external_node_path_.sep));
        }
        return undefined;
    }
    file(containerPath) {
        const p = external_node_path_.posix.normalize(containerPath);
        const rendered = this.rendered.get(p);
        if (rendered)
            return rendered;
        const host = this.hostPathOf(p);
        if (host !== undefined) {
            return statOf(host) === 'file' ? { kind: 'host', containerPath: p, hostPath: host } : undefined;
        }
        const text = this.builtin.get(p);
        return text === undefined ? undefined : { kind: 'builtin', containerPath: p, text };
    }
    isDirectory(containerPath) {
        const p = external_node_path_.posix.normalize(containerPath).replace(/\/$/, '') || '/';
        const host = this.hostPathOf(p);
        if (host !== undefined)
            return statOf(host) === 'dir';
        const prefix = `${p}/`;
        for (const k of [...this.builtin.keys(), ...this.rendered.keys()])
            if (k.startsWith(prefix))
                return true;
        return false;
    }
    /** Entries of one container directory, as names. */
    list(dir) {
        const names = new Set();
        const host = this.hostPathOf(dir);
        if (host !== undefined) {
            try {
                for (const n of (0,external_node_fs_.readdirSync)(host))
                    names.add(n);
            }
            catch {
                // A missing or unreadable mount source lists as empty, as the container would see it.
            }
        }
        else {
            const prefix = dir === '/' ? '/' : `${dir}/`;
            for (const k of this.builtin.keys()) {
                if (k.startsWith(prefix))
                    names.add(k.slice(prefix.length).split('/')[0]);
            }
        }
        // Mounts whose target sits directly in this directory add entries of their own.
        for (const b of this.binds)
            if (external_node_path_.posix.dirname(b.target) === dir)
                names.add(external_node_path_.posix.basename(b.target));
        const prefix = dir === '/' ? '/' : `${dir}/`;
        for (const k of this.rendered.keys())
            if (external_node_path_.posix.dirname(k) === dir)
                names.add(k.slice(prefix.length));
        return [...names];
    }
    glob(pattern) {
        const p = external_node_path_.posix.normalize(pattern);
        const segments = p.split('/').filter(Boolean);
        let current = ['/'];
        for (const seg of segments) {
            const next = [];
            const magic = /[*?[]/.test(seg);
            for (const dir of current) {
                if (!magic) {
                    next.push(external_node_path_.posix.join(dir, seg));
                    continue;
                }
                const re = globToRegExp(seg);
                for (const name of this.list(dir))
                    if (re.test(name))
                        next.push(external_node_path_.posix.join(dir, name));
            }
            current = next;
        }
        // nginx uses glob(3) without GLOB_NOSORT: results are in byte order.
        return current.filter((c) => this.file(c) !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
}

;// CONCATENATED MODULE: ./lib/src/project/build.js






const NGINX_MAIN = '/etc/nginx/nginx.conf';
const build_CONF_D = '/etc/nginx/conf.d';
const TEMPLATES = '/etc/nginx/templates';
/** An image whose repository's last path segment is nginx (nginx, nginx:1.27-alpine, nginxinc/nginx-unprivileged, org/nginx). */
function isNginxImage(image) {
    if (!image)
        return false;
    const repo = image.split('@')[0].replace(/:[^/]*$/, '');
    const last = repo.split('/').pop() ?? '';
    return /^nginx(-[a-z0-9-]+)?$/.test(last) || last === 'openresty';
}
function pickProxy(compose, named) {
    if (named !== undefined) {
        const s = compose.services.find((x) => x.name === named);
        return s ? { proxy: s, reason: '--proxy-service' } : {};
    }
    const mountsNginx = (s) => s.volumes.some((m) => m.target === '/etc/nginx' || m.target.startsWith('/etc/nginx/'));
    const candidates = compose.services.filter((s) => isNginxImage(s.image?.value) || mountsNginx(s));
    // Prefer the one that carries a config, then an active one.
    const best = candidates.find((s) => s.active && mountsNginx(s)) ?? candidates.find((s) => s.active) ?? candidates[0];
    if (!best)
        return {};
    return {
        proxy: best,
        reason: mountsNginx(best) ? 'it mounts files into /etc/nginx' : `its image is ${best.image?.value ?? 'nginx'}`,
    };
}
/** Nginx-looking files in the project (shallow), for spotting a config that is never mounted. */
function discoverNginxFiles(dir, depth = 3) {
    const out = [];
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
    }
    catch {
        return out;
    }
    for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules')
            continue;
        const p = external_node_path_.join(dir, e.name);
        if (e.isDirectory()) {
            if (depth > 1)
                out.push(...discoverNginxFiles(p, depth - 1));
        }
        else if (/\.conf(\.template)?$/.test(e.name) && looksLikeNginx(p))
            out.push(p);
    }
    return out.sort();
}
function looksLikeNginx(file) {
    try {
        if ((0,external_node_fs_.statSync)(file).size > 4 * 1024 * 1024)
            return false;
        const head = (0,external_node_fs_.readFileSync)(file, 'latin1').slice(0, 64 * 1024);
        return /(^|[\s;{}])(server|upstream|location|http|events)\s*\{/.test(head) || /(^|\n)\s*(proxy_pass|listen|server_name)\s/.test(head);
    }
    catch {
        return false;
    }
}
/** Templates the official image renders at start: /etc/nginx/templates/X.template → /etc/nginx/conf.d/X. */
function renderTemplates(fs, env) {
    const rendered = new Map();
    for (const t of fs.glob(`${TEMPLATES}/*.template`)) {
        const f = fs.file(t);
        if (f?.kind !== 'host')
            continue;
        const text = renderTemplate((0,external_node_fs_.readFileSync)(f.hostPath, 'utf8'), env);
        const target = external_node_path_.posix.join(build_CONF_D, external_node_path_.posix.basename(t, '.template'));
        rendered.set(target, { kind: 'host', containerPath: target, hostPath: f.hostPath, text });
    }
    return rendered;
}
/** Every directive in load order; an include's files appear in place with the includer's blocks. */
function placeDirectives(config) {
    const out = [];
    walk(config, (d, ctx) => {
        out.push({ d, parents: ctx.parents, file: ctx.file });
    });
    return out;
}
function collectListens(directives) {
    const listens = [];
    const serversWithListen = new Set();
    for (const placed of directives) {
        const server = placed.parents[placed.parents.length - 1];
        if (placed.d.directive !== 'listen' || server?.directive !== 'server')
            continue;
        if (placed.parents.some((p) => p.directive === 'stream'))
            continue;
        serversWithListen.add(server);
        const [addr = '', ...params] = placed.d.args;
        const m = /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(addr) ?? (/^\d+$/.test(addr) ? [addr, undefined, addr] : null);
        if (!m)
            continue; // unix: sockets and bare addresses (port 80) are rare in proxies; skip
        listens.push({
            port: Number(m[2]),
            ...(m[1] !== undefined ? { address: m[1] } : {}),
            ssl: params.includes('ssl'),
            http2: params.includes('http2'),
            directive: placed,
            server,
            implicit: false,
        });
    }
    for (const placed of directives) {
        const parent = placed.parents[placed.parents.length - 1];
        if (placed.d.directive === 'server' && placed.d.block && parent?.directive === 'http' && !serversWithListen.has(placed.d)) {
            listens.push({ port: 80, ssl: false, http2: false, directive: placed, server: placed.d, implicit: true });
        }
    }
    return listens;
}
/** Joins the compose model and the nginx configuration once; every rule reads the result. */
function buildProjectView(input) {
    const { compose, cwd } = input;
    const services = new Map(compose.services.map((s) => [s.name, s]));
    const { proxy, reason } = pickProxy(compose, input.proxyService);
    const unmountedConfigs = [];
    let containerFs;
    let nginx;
    if (proxy) {
        const builtin = isNginxImage(proxy.image?.value) ? builtinFiles : new Map();
        const base = new MountedContainerFs(proxy.volumes, builtin);
        const rendered = builtin.size ? renderTemplates(base, proxy.environment) : new Map();
        const mountsConfig = proxy.volumes.some((m) => m.type === 'bind' && m.target.startsWith('/etc/nginx'));
        const explicit = input.nginxFiles.map((f) => external_node_path_.resolve(cwd, f));
        const candidates = explicit.length ? explicit : mountsConfig ? [] : discoverNginxFiles(compose.projectDir);
        // A config the proxy never loads is still analysed, placed where it was evidently meant to go.
        for (const hostPath of candidates) {
            if (base.containerPathOf(hostPath) !== undefined)
                continue;
            const name = external_node_path_.basename(hostPath).replace(/\.template$/, '');
            const text = (0,external_node_fs_.readFileSync)(hostPath, 'utf8');
            const isMain = /(^|[\s;}])http\s*\{/.test(text);
            const target = isMain ? NGINX_MAIN : external_node_path_.posix.join(build_CONF_D, name.endsWith('.conf') ? name : `${name}.conf`);
            unmountedConfigs.push({ hostPath, reason: `not mounted into the "${proxy.name}" service` });
            rendered.set(target, { kind: 'host', containerPath: target, hostPath, text });
        }
        containerFs = new MountedContainerFs(proxy.volumes, builtin, rendered);
        if (containerFs.file(NGINX_MAIN))
            nginx = loadNginxConfig({ containerPath: NGINX_MAIN }, containerFs);
    }
    const directives = nginx ? placeDirectives(nginx) : [];
    const upstreamBlocks = new Map();
    for (const p of directives) {
        if (p.d.directive === 'upstream' && p.d.args[0] !== undefined && !p.parents.some((x) => x.directive === 'stream')) {
            upstreamBlocks.set(p.d.args[0], p);
        }
    }
    const resolve = proxy
        ? makeResolver(compose, services, proxy)
        : () => ({ ok: false, why: 'no proxy service was found' });
    const proxyNets = proxy ? effectiveNetworks(proxy, services) : [];
    const peers = compose.services.filter((s) => s.active && s !== proxy && effectiveNetworks(s, services).some((n) => proxyNets.includes(n)));
    return {
        cwd,
        compose,
        services,
        ...(proxy ? { proxy, proxyReason: reason } : {}),
        ...(containerFs ? { containerFs } : {}),
        ...(nginx ? { nginx } : {}),
        directives,
        unmountedConfigs,
        upstreamRefs: collectUpstreamRefs(directives, upstreamBlocks),
        upstreamBlocks,
        listens: collectListens(directives),
        resolve,
        peers,
        mountsOf: (s) => s.volumes,
    };
}

;// CONCATENATED MODULE: ./lib/src/validate.js








const CONFIG_FILES = ['.stackgate.yaml', '.stackgate.yml'];
/** Reads `rules: {<id>: error|warning|note|off}` from the project's .stackgate.yaml, if there is one. */
function readConfigSeverities(cwd) {
    const file = CONFIG_FILES.map((f) => external_node_path_.join(cwd, f)).find((f) => (0,external_node_fs_.existsSync)(f));
    if (!file)
        return {};
    let doc;
    try {
        doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new core_errors/* InputError */.dz(`${file}: ${(0,core_errors/* errorMessage */.gJ)(error)}`);
    }
    const rules = doc?.rules;
    if (rules === undefined)
        return {};
    if (typeof rules !== 'object' || rules === null)
        throw new core_errors/* InputError */.dz(`${file}: "rules" must be a mapping of rule id to error|warning|note|off`);
    return checkSeverities(rules, file);
}
function checkSeverities(raw, where) {
    const out = {};
    for (const [id, level] of Object.entries(raw)) {
        if (!RULES_BY_ID.has(id))
            throw new core_errors/* InputError */.dz(`${where}: unknown rule "${id}"; see docs/rules/ for the ids`);
        if (level !== 'error' && level !== 'warning' && level !== 'note' && level !== 'off') {
            throw new core_errors/* InputError */.dz(`${where}: rule "${id}" has level "${String(level)}"; use error, warning, note or off`);
        }
        out[id] = level;
    }
    return out;
}
/** files → models → project view → rules → findings (sorted, severities applied). */
async function validate(opts) {
    for (const f of opts.nginxFiles) {
        const p = external_node_path_.resolve(opts.cwd, f);
        if (!(0,external_node_fs_.existsSync)(p))
            throw new core_errors/* InputError */.dz(`--nginx ${f}: no such file (relative to ${opts.cwd})`);
        if (!(0,external_node_fs_.statSync)(p).isFile())
            throw new core_errors/* InputError */.dz(`--nginx ${f}: not a regular file; name an nginx config file`);
    }
    const compose = await loadCompose({
        cwd: opts.cwd,
        files: opts.files,
        envFiles: opts.envFiles,
        profiles: opts.profiles,
        env: opts.env,
    });
    if (opts.proxyService !== undefined && !compose.services.some((s) => s.name === opts.proxyService)) {
        throw new core_errors/* InputError */.dz(`--proxy-service ${opts.proxyService}: no such service in ${compose.files.map((f) => external_node_path_.relative(opts.cwd, f)).join(', ')} (services: ${compose.services.map((s) => s.name).join(', ') || 'none'})`);
    }
    const view = buildProjectView({
        cwd: opts.cwd,
        compose,
        nginxFiles: opts.nginxFiles,
        ...(opts.proxyService !== undefined ? { proxyService: opts.proxyService } : {}),
    });
    const settings = opts.severities ?? {};
    const findings = [];
    for (const rule of RULES) {
        const setting = settings[rule.id];
        if (setting === 'off')
            continue;
        for (const f of rule.check(view))
            findings.push(setting ? { ...f, severity: setting } : f);
    }
    return { findings: dedupe(findings).sort(compareFindings), view };
}
/** One finding per rule and place: included files can be reached twice (same file through two includes). */
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.rule}\0${f.pos.file}\0${f.pos.line}\0${f.pos.column}\0${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./lib/src/cli/commands/validate.js











const VALIDATE_HELP = `Usage: stackgate validate [options]

Cross-file analysis of a compose project and the nginx config of its proxy service.
Run it in the project directory (or pass -C DIR).

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
  --fix                   write the machine-applicable fixes, then report what remains
  --fix-dry-run           print the fixes as a unified diff, change nothing
  -C, --cwd DIR           run as if started in DIR
  -h, --help              show this help

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or unreadable input.
`;
const FORMATS = ['text', 'json', 'sarif', 'github'];
function parse(argv, io) {
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                compose: { type: 'string', multiple: true, default: [] },
                nginx: { type: 'string', multiple: true, default: [] },
                'proxy-service': { type: 'string' },
                profile: { type: 'string', multiple: true, default: [] },
                'env-file': { type: 'string', multiple: true, default: [] },
                format: { type: 'string', default: 'text' },
                'fail-on': { type: 'string', default: 'error' },
                severity: { type: 'string', multiple: true, default: [] },
                fix: { type: 'boolean', default: false },
                'fix-dry-run': { type: 'boolean', default: false },
                cwd: { type: 'string', short: 'C' },
                help: { type: 'boolean', short: 'h', default: false },
            },
        }));
    }
    catch (error) {
        throw new core_errors/* UsageError */.eb(`${error.message}\n\n${VALIDATE_HELP}`);
    }
    const format = values.format;
    if (!FORMATS.includes(format))
        throw new core_errors/* UsageError */.eb(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    const failOn = values['fail-on'];
    if (!['error', 'warning', 'note', 'never'].includes(failOn)) {
        throw new core_errors/* UsageError */.eb(`--fail-on must be error, warning, note or never, not "${failOn}"`);
    }
    if (values.fix && values['fix-dry-run'])
        throw new core_errors/* UsageError */.eb('--fix and --fix-dry-run cannot be combined');
    const flagSeverities = Object.fromEntries(values.severity.map((s) => {
        const eq = s.indexOf('=');
        if (eq < 1)
            throw new core_errors/* UsageError */.eb(`--severity takes RULE=LEVEL, not "${s}"`);
        return [s.slice(0, eq), s.slice(eq + 1)];
    }));
    const cwd = external_node_path_.resolve(io.cwd, values.cwd ?? '.');
    return { values, format, failOn: failOn, flagSeverities, cwd };
}
function render(format, findings, cwd) {
    switch (format) {
        case 'json':
            return renderJson(findings, cwd);
        case 'sarif':
            return renderSarif(findings, RULES, cwd);
        case 'github':
            return renderGithub(findings, cwd);
        default:
            return renderText(findings, cwd);
    }
}
function exitCodeFor(findings, failOn) {
    if (failOn === 'never')
        return 0;
    return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}
const validateCommand = async (argv, io) => {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout(VALIDATE_HELP);
        return 0;
    }
    const { values, format, failOn, flagSeverities, cwd } = parse(argv, io);
    const options = {
        cwd,
        files: values.compose,
        nginxFiles: values.nginx,
        profiles: values.profile,
        envFiles: values['env-file'],
        env: io.env,
        ...(values['proxy-service'] !== undefined ? { proxyService: values['proxy-service'] } : {}),
        severities: { ...readConfigSeverities(cwd), ...checkSeverities(flagSeverities, '--severity') },
    };
    let { findings } = await validate(options);
    if (values['fix-dry-run']) {
        const plan = planFixes(findings);
        io.stdout(diffFixes(plan, cwd));
        io.stderr(`${plan.files.size} file(s) would change; run with --fix to write them.\n`);
        return exitCodeFor(findings, failOn);
    }
    if (values.fix) {
        const plan = planFixes(findings);
        writeFixes(plan);
        io.stderr(`Fixed ${plan.files.size} file(s).${plan.skipped ? ` ${plan.skipped} overlapping edit(s) left for another --fix run.` : ''}\n`);
        ({ findings } = await validate(options));
    }
    io.stdout(render(format, findings, cwd));
    return exitCodeFor(findings, failOn);
};


/***/ })

};
