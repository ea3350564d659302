export const id = 475;
export const ids = [475];
export const modules = {

/***/ 3475:
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
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/finding.js
var finding = __webpack_require__(3081);
// EXTERNAL MODULE: ./lib/src/core/project-files.js
var project_files = __webpack_require__(2835);
// EXTERNAL MODULE: ./lib/src/core/untrusted-text.js
var untrusted_text = __webpack_require__(2704);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/src/nginx/parser.js + 1 modules
var parser = __webpack_require__(1735);
// EXTERNAL MODULE: ./lib/src/fix/source.js
var source = __webpack_require__(8225);
;// CONCATENATED MODULE: ./lib/src/fix/apply.js









function shownPath(root, file) {
    const rel = external_node_path_.relative(root, file);
    return rel === '' ? '.' : rel;
}
function inside(root, real) {
    const rel = external_node_path_.relative(root, real);
    return rel !== '' && !rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !external_node_path_.isAbsolute(rel);
}
/** Why `real` must not be written, if it must not: outside the root, not a regular file, read-only. */
function refusal(root, real) {
    if (!inside(root, real))
        return 'it is outside the project root (a bind source or symlink that leaves it)';
    let st;
    try {
        st = (0,external_node_fs_.lstatSync)(real);
    }
    catch (error) {
        return `it cannot be examined (${error.code ?? (0,errors/* errorMessage */.gJ)(error)})`;
    }
    if (!st.isFile())
        return 'it is not a regular file';
    // Root passes access(W_OK) on a 0444 file; the mode bits say what the owner meant.
    if ((st.mode & 0o222) === 0)
        return 'it is read-only';
    try {
        (0,external_node_fs_.accessSync)(real, external_node_fs_.constants.W_OK);
    }
    catch {
        return 'it is not writable';
    }
    try {
        (0,external_node_fs_.accessSync)(external_node_path_.dirname(real), external_node_fs_.constants.W_OK);
    }
    catch {
        return 'its directory is not writable (the fix is written to a temporary file there, then renamed)';
    }
    return undefined;
}
function valueAt(root, p) {
    let v = root;
    for (const k of p) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[k];
    }
    return v;
}
function withoutPath(root, p) {
    const parent = valueAt(root, p.slice(0, -1));
    if (parent !== null && typeof parent === 'object')
        delete parent[p.at(-1)];
}
/** Whether `after` holds everything `before` held, plus more: appended items or added keys. */
function extends_(before, after) {
    if (before === undefined || before === null)
        return Array.isArray(after) ? after.length > 0 : after !== null && typeof after === 'object';
    if (Array.isArray(before))
        return (Array.isArray(after) &&
            after.length > before.length &&
            before.every((v, i) => (0,external_node_util_.isDeepStrictEqual)(v, after[i])));
    if (typeof before === 'object' && after !== null && typeof after === 'object' && !Array.isArray(after)) {
        const b = before;
        const a = after;
        return (Object.keys(a).length > Object.keys(b).length &&
            Object.keys(b).every((k) => (0,external_node_util_.isDeepStrictEqual)(b[k], a[k])));
    }
    return false;
}
function yamlValue(text) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { uniqueKeys: false });
    if (!Array.isArray(docs) || docs.length !== 1)
        return { error: 'not exactly one YAML document' };
    const doc = docs[0];
    if (doc.errors.length)
        return { error: doc.errors[0].message.split('\n')[0] };
    try {
        return { value: doc.toJS() };
    }
    catch (error) {
        return { error: (0,errors/* errorMessage */.gJ)(error) };
    }
}
/**
 * The YAML guarantee: both texts parse, the targeted paths changed only as intended (deleted, or
 * extended without losing an entry), and every other value in the document is unchanged.
 */
function verifyYaml(before, after, intents) {
    const b = yamlValue(before);
    if ('error' in b)
        return { ok: false, why: `the file does not parse as YAML (${b.error})` };
    const a = yamlValue(after);
    if ('error' in a)
        return { ok: false, why: `the edited file would not parse (${a.error})` };
    for (const { path: p, op } of intents) {
        const bv = valueAt(b.value, p);
        const av = valueAt(a.value, p);
        if (op === 'delete' && (av !== undefined || bv === undefined))
            return { ok: false, why: `${p.join('.')} would not be deleted` };
        if (op === 'extend' && !extends_(bv, av))
            return { ok: false, why: `${p.join('.')} would not keep its entries and gain the new one` };
    }
    for (const { path: p } of intents) {
        withoutPath(b.value, p);
        withoutPath(a.value, p);
    }
    if (!(0,external_node_util_.isDeepStrictEqual)(b.value, a.value))
        return { ok: false, why: 'the edit would change other values' };
    return { ok: true };
}
/** nginx files: the edit must not add a syntax error. */
function verifyNginx(file, before, after) {
    const b = (0,parser/* parseNginxText */.dV)(before, file).errors.length;
    const a = (0,parser/* parseNginxText */.dV)(after, file).errors;
    return a.length > b
        ? { ok: false, why: `the edit would break the nginx syntax (${a[0].message})` }
        : { ok: true };
}
/**
 * Edits computed on the lossy UTF-8 reading of a file that is not UTF-8 (nginx files) are moved to
 * byte offsets, i.e. offsets into the Latin-1 reading, when each offset falls between characters.
 */
function toLatin1Offsets(bytes, edits) {
    const lossy = edits.filter((e) => (e.encoding ?? 'utf8') === 'utf8');
    if (!lossy.length)
        return edits;
    const map = (0,source/* lossyOffsetsToBytes */.vj)(bytes, lossy.flatMap((e) => [e.start, e.end]));
    const out = [];
    for (const e of edits) {
        if (e.encoding === 'latin1') {
            out.push(e);
            continue;
        }
        const start = map.get(e.start);
        const end = map.get(e.end);
        if (start === undefined || end === undefined)
            return undefined;
        out.push({ ...e, start, end, encoding: 'latin1' });
    }
    return out;
}
/** Applies a file's edits back to front on its bytes; overlapping edits are deferred. */
function planFile(real, shown, src, given, owner) {
    const edits = src.encoding === 'latin1' ? toLatin1Offsets(src.bytes, given) : given;
    if (!edits)
        return {
            skipped: 0,
            declined: 'the file is not valid UTF-8 and an edit falls inside a bad byte sequence',
        };
    for (const e of edits) {
        if ((e.encoding ?? 'utf8') !== src.encoding)
            return { skipped: 0, declined: 'the file changed encoding since it was analysed' };
        if (e.start < 0 || e.end < e.start || e.end > src.text.length)
            return { skipped: 0, declined: 'the file changed since it was analysed' };
        // A file that is not UTF-8 has an unknown encoding: only ASCII is the same byte in all of them.
        if (src.encoding === 'latin1' && !/^[\x00-\x7f]*$/.test(e.text))
            return { skipped: 0, declined: 'the file is not valid UTF-8 and the fix is not ASCII' };
    }
    // Identical edits (the same header suggested twice) collapse into one.
    const unique = [...new Map(edits.map((e) => [`${e.start}:${e.end}:${e.text}`, e])).values()];
    unique.sort((a, b) => b.start - a.start || b.end - a.end);
    const applied = [];
    let skipped = 0;
    let floor = Number.POSITIVE_INFINITY;
    for (const e of unique) {
        if (e.end > floor) {
            skipped++;
            continue;
        }
        applied.push(e);
        floor = e.start;
    }
    applied.reverse();
    let after = '';
    let at = 0;
    for (const e of applied) {
        after += src.text.slice(at, e.start) + e.text;
        at = e.end;
    }
    after += src.text.slice(at);
    if (after === src.text)
        return { skipped };
    // The new bytes are the old ones copied around the spans: nothing outside a span is re-encoded.
    const spans = [];
    const parts = [];
    let byteAt = 0;
    for (const e of applied) {
        const start = (0,source/* byteOffset */.s$)(src.text, e.start, src.encoding);
        const end = (0,source/* byteOffset */.s$)(src.text, e.end, src.encoding);
        const bytes = (0,source/* encodeEditable */.HM)(e.text, src.encoding);
        if ('declined' in bytes)
            return { skipped, declined: bytes.declined };
        spans.push({ start, end, bytes });
        parts.push(src.bytes.subarray(byteAt, start), bytes);
        byteAt = end;
    }
    parts.push(src.bytes.subarray(byteAt));
    const afterBytes = Buffer.concat(parts);
    const check = (0,source/* encodeEditable */.HM)(after, src.encoding);
    if ('declined' in check)
        return { skipped, declined: check.declined };
    if (!check.equals(afterBytes))
        return { skipped, declined: 'the edit would split a character' };
    // Deferred edits are not in `after`: only the applied ones say what must have changed.
    const intents = applied.flatMap((e) => (e.yaml ? [e.yaml] : []));
    const verdict = intents.length
        ? applied.every((e) => e.yaml)
            ? verifyYaml(src.text, after, intents)
            : { ok: false, why: 'YAML and non-YAML edits to one file' }
        : verifyNginx(real, src.text, after);
    if (!verdict.ok)
        return { skipped, declined: verdict.why };
    return {
        skipped,
        change: {
            file: real,
            shown,
            before: src.text,
            after,
            beforeBytes: src.bytes,
            afterBytes,
            spans,
            ...owner,
        },
    };
}
/**
 * Plans every finding's edits, per real file, inside `root` (realpath'd). A file whose edits fail a
 * check declines the fixes of every finding that edits it, so no finding is half applied.
 */
function planFixes(findings, root) {
    let realRoot;
    try {
        realRoot = (0,external_node_fs_.realpathSync)(root);
    }
    catch (error) {
        throw new errors/* InputError */.dz(`${root}: cannot resolve the project directory (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
    const declined = [];
    const refused = [];
    const out = new Set(findings.filter((f) => f.fix.edits?.length));
    const decline = (file, why, by) => {
        const rules = new Set();
        for (const f of by) {
            rules.add(f.rule);
            out.delete(f);
        }
        declined.push({ file, why, rules: [...rules].sort() });
    };
    const realOf = new Map();
    const resolve = (file) => {
        let r = realOf.get(file);
        if (!r) {
            try {
                const real = (0,external_node_fs_.realpathSync)(file);
                const why = refusal(realRoot, real);
                r = why ? { real, why } : { real };
            }
            catch (error) {
                r = {
                    why: `it cannot be resolved (${error.code ?? (0,errors/* errorMessage */.gJ)(error)})`,
                };
            }
            realOf.set(file, r);
        }
        return r;
    };
    // Refusals first: such a target is named once, and its findings leave the plan.
    const refusedFiles = new Map();
    for (const f of out)
        for (const e of f.fix.edits) {
            if (!resolve(e.file).why)
                continue;
            refusedFiles.set(e.file, (refusedFiles.get(e.file) ?? new Set()).add(f));
        }
    for (const [file, by] of refusedFiles) {
        refused.push({ file: shownPath(external_node_path_.resolve(root), external_node_path_.resolve(file)), why: resolve(file).why });
        for (const f of by)
            out.delete(f);
    }
    for (;;) {
        const byFile = new Map();
        for (const f of out)
            for (const e of f.fix.edits) {
                const real = resolve(e.file).real;
                const g = byFile.get(real) ?? { edits: [], by: new Set(), shown: shownPath(realRoot, real) };
                g.edits.push(e);
                g.by.add(f);
                byFile.set(real, g);
            }
        const files = new Map();
        let skipped = 0;
        let again = false;
        for (const [real, g] of byFile) {
            let src;
            let owner;
            try {
                src = (0,source/* decodeEditable */.ni)((0,external_node_fs_.readFileSync)(real));
                const st = (0,external_node_fs_.lstatSync)(real);
                owner = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
            }
            catch (error) {
                decline(g.shown, `it cannot be read (${(0,errors/* errorMessage */.gJ)(error)})`, g.by);
                again = true;
                break;
            }
            const p = planFile(real, g.shown, src, g.edits, owner);
            if (p.declined) {
                decline(g.shown, p.declined, g.by);
                again = true;
                break;
            }
            skipped += p.skipped;
            if (p.change)
                files.set(real, p.change);
        }
        if (!again)
            return { files, skipped, declined, refused };
    }
}
/** Notes for stderr: what is declined or refused, and the fixes rules could not offer as edits. */
function fixNotes(plan, findings) {
    let out = '';
    for (const r of plan.refused)
        out += `not fixed: ${(0,untrusted_text/* showUntrusted */.Gz)(r.file)}: ${r.why}\n`;
    for (const d of plan.declined)
        out += `not fixed: ${(0,untrusted_text/* showUntrusted */.Gz)(d.file)} (${d.rules.join(', ')}): ${(0,untrusted_text/* showUntrusted */.Gz)(d.why)}\n`;
    for (const f of findings)
        if (f.fix.declined)
            out += `not fixed automatically (${f.rule}): ${(0,untrusted_text/* showUntrusted */.Gz)(f.fix.declined)}; ${(0,untrusted_text/* showUntrusted */.Gz)(f.fix.description)}\n`;
    return out;
}
function writeTemp(c) {
    const dir = external_node_path_.dirname(c.file);
    const tmp = external_node_path_.join(dir, `.${external_node_path_.basename(c.file)}.stackgate-fix-${process.pid}-${Date.now()}`);
    // 'wx': O_EXCL, so a planted file or symlink at the temporary name is never followed.
    const fd = (0,external_node_fs_.openSync)(tmp, 'wx', c.mode);
    try {
        (0,external_node_fs_.writeSync)(fd, c.afterBytes);
        (0,external_node_fs_.fchmodSync)(fd, c.mode);
        if (process.getuid?.() === 0 && (c.uid !== 0 || c.gid !== 0))
            (0,external_node_fs_.fchownSync)(fd, c.uid, c.gid);
        (0,external_node_fs_.fsyncSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return tmp;
}
function removeQuietly(file) {
    try {
        (0,external_node_fs_.unlinkSync)(file);
    }
    catch {
        // Already gone.
    }
}
/**
 * Writes the plan all or nothing: nothing while a target is refused; every new file goes to a
 * temporary file in the target's directory first, then each is renamed over its target; if a rename
 * fails, the targets already replaced get their old bytes back.
 */
function writeFixes(plan) {
    if (plan.refused.length) {
        const list = plan.refused.map((r) => `  ${(0,untrusted_text/* showUntrusted */.Gz)(r.file)}: ${r.why}`).join('\n');
        throw new errors/* InputError */.dz(`--fix wrote nothing: these files must not be written:\n${list}\nFix them by hand, or make them writable files inside the project and run --fix again (--fix-dry-run shows the edits).`);
    }
    const temps = [];
    try {
        for (const c of plan.files.values()) {
            if (!(0,external_node_fs_.readFileSync)(c.file).equals(c.beforeBytes))
                throw new Error(`${(0,untrusted_text/* showUntrusted */.Gz)(c.shown)} changed while stackgate was fixing it`);
            temps.push({ c, tmp: writeTemp(c) });
        }
    }
    catch (error) {
        for (const t of temps)
            removeQuietly(t.tmp);
        throw new errors/* InputError */.dz(`--fix wrote nothing: ${(0,errors/* errorMessage */.gJ)(error)}. Run --fix again.`);
    }
    const done = [];
    for (const [i, t] of temps.entries()) {
        try {
            (0,external_node_fs_.renameSync)(t.tmp, t.c.file);
            done.push(t.c);
        }
        catch (error) {
            for (const rest of temps.slice(i))
                removeQuietly(rest.tmp);
            const restored = done.filter((c) => {
                try {
                    (0,external_node_fs_.renameSync)(writeTemp({ ...c, afterBytes: c.beforeBytes }), c.file);
                    return true;
                }
                catch {
                    return false;
                }
            });
            const lost = done.filter((c) => !restored.includes(c)).map((c) => c.shown);
            throw new errors/* InputError */.dz(`--fix could not write ${(0,untrusted_text/* showUntrusted */.Gz)(t.c.shown)} (${(0,errors/* errorMessage */.gJ)(error)}); ${lost.length ? `could not restore ${lost.map(untrusted_text/* showUntrusted */.Gz).join(', ')}` : 'nothing was changed'}.`);
        }
    }
}
/** A unified diff of the plan, paths relative to the root (what --fix-dry-run prints). */
function diffFixes(plan) {
    let out = '';
    for (const c of plan.files.values()) {
        const shown = (0,untrusted_text/* showUntrusted */.Gz)(c.shown);
        out += (0,create/* createTwoFilesPatch */.ss)(`a/${shown}`, `b/${shown}`, c.before, c.after, '', '', {
            context: 3,
        }).replace(/^=+\n/, '');
    }
    return out;
}

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


/** The `--format json` contract: other tools parse this, so its shape never changes. */
function renderJson(findings, cwd) {
    const out = {
        findings: findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: (0,untrusted_text/* showUntrusted */.Gz)(f.message),
            file: (0,untrusted_text/* showUntrusted */.Gz)((0,summary/* relativeFile */.N$)(f.pos.file, cwd)),
            line: f.pos.line,
            column: f.pos.column,
            ...(f.service !== undefined ? { service: (0,untrusted_text/* showUntrusted */.Gz)(f.service) } : {}),
            fix: (0,untrusted_text/* showUntrusted */.Gz)(f.fix.description),
        })),
        summary: (0,summary/* summarize */.eh)(findings),
    };
    return `${(0,untrusted_text/* jsonForLog */.wn)(out)}\n`;
}

// EXTERNAL MODULE: ./lib/src/rules/rule.js
var rule = __webpack_require__(346);
;// CONCATENATED MODULE: ./lib/src/report/sarif.js



const VERSION = '0.1.0';
/** SARIF 2.1.0 as github/codeql-action/upload-sarif accepts it: rule metadata, help links, relative URIs. */
function renderSarif(findings, rules, cwd) {
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

// EXTERNAL MODULE: ./lib/src/report/text.js
var report_text = __webpack_require__(7358);
// EXTERNAL MODULE: ./lib/src/rules/index.js + 51 modules
var rules = __webpack_require__(9706);
// EXTERNAL MODULE: ./lib/src/validate.js
var validate = __webpack_require__(4702);
// EXTERNAL MODULE: ./lib/src/cli/args.js
var args = __webpack_require__(6294);
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
  --config FILE|none      read rule severities from FILE, or from no file (default: the
                          project's .stackgate.yaml; a pull request can edit that one)
  --fix                   write the machine-applicable fixes, then report what remains (all or
                          nothing: exit 2 if a target is read-only or outside the project)
  --fix-dry-run           print the fixes as a unified diff, change nothing
  --allow-path PATH       read PATH although it lies outside the project root (repeatable)
  -C, --cwd DIR           run as if started in DIR
  -h, --help              show this help

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or unreadable input.
`;
const FORMATS = ['text', 'json', 'sarif', 'github'];
function parse(argv, io) {
    const { values } = (0,args/* parseArgsOrUsage */.J)({
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
            config: { type: 'string' },
            fix: { type: 'boolean', default: false },
            'fix-dry-run': { type: 'boolean', default: false },
            'allow-path': { type: 'string', multiple: true, default: [] },
            cwd: { type: 'string', short: 'C' },
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
    if (values.fix && values['fix-dry-run'])
        throw new errors/* UsageError */.eb('--fix and --fix-dry-run cannot be combined');
    const flagSeverities = Object.fromEntries(values.severity.map((s) => {
        const eq = s.indexOf('=');
        if (eq < 1)
            throw new errors/* UsageError */.eb(`--severity takes RULE=LEVEL, not "${s}"`);
        return [s.slice(0, eq), s.slice(eq + 1)];
    }));
    const cwd = external_node_path_.resolve(io.cwd, values.cwd ?? '.');
    return { values, format, failOn: failOn, flagSeverities, cwd };
}
function render(format, findings, cwd, sources) {
    switch (format) {
        case 'json':
            return renderJson(findings, cwd);
        case 'sarif':
            return renderSarif(findings, rules/* RULES */.y, cwd);
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
        severities: {
            ...(0,validate/* readConfigSeverities */.Cu)(cwd, values.config, new project_files/* ProjectFiles */.di(cwd, {
                allow: [...values['allow-path'], ...(values.config ? [external_node_path_.resolve(cwd, values.config)] : [])],
            })),
            ...(0,validate/* checkSeverities */.Wg)(flagSeverities, '--severity'),
        },
        allowPaths: values['allow-path'],
    };
    let { findings, sources } = await (0,validate/* validate */.tf)(options);
    if (values['fix-dry-run']) {
        const plan = planFixes(findings, cwd);
        // A diff must stay byte-exact, and its context lines are the project's own text.
        io.stdout((0,untrusted_text/* verbatimBlock */.Uf)(diffFixes(plan), io.env));
        io.stderr(fixNotes(plan, findings));
        io.stderr(`${plan.files.size} file(s) would change; ${plan.refused.length ? '--fix would write nothing until the files above are writable files inside the project' : 'run with --fix to write them'}.\n`);
        return exitCodeFor(findings, failOn);
    }
    if (values.fix) {
        const plan = planFixes(findings, cwd);
        io.stderr(fixNotes(plan, findings));
        // All or nothing: a refused target is an InputError (exit 2) before any file is written.
        writeFixes(plan);
        io.stderr(`Fixed ${plan.files.size} file(s).${plan.skipped ? ` ${plan.skipped} overlapping edit(s) left for another --fix run.` : ''}\n`);
        ({ findings, sources } = await (0,validate/* validate */.tf)(options));
    }
    io.stdout(render(format, findings, cwd, sources));
    return exitCodeFor(findings, failOn);
};


/***/ })

};
