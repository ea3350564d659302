export const id = 62;
export const ids = [62];
export const modules = {

/***/ 6062:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  downCommand: () => (/* binding */ downCommand),
  runCommand: () => (/* binding */ runCommand),
  stackCommand: () => (/* binding */ stackCommand),
  stackHelp: () => (/* binding */ stackHelp),
  upCommand: () => (/* binding */ upCommand),
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/tls-modes.js
var tls_modes = __webpack_require__(5520);
;// CONCATENATED MODULE: ./lib/src/report/stack.js
const mark = (ok) => (ok === undefined ? '-' : ok ? 'ok' : 'FAILED');
function speedOf(report) {
    const s = report.speedtest;
    if (!s)
        return undefined;
    if ('skipped' in s)
        return `speed test: skipped (${s.skipped})`;
    return `speed test: download ${s.downloadMbps.toFixed(1)} Mbit/s, upload ${s.uploadMbps.toFixed(1)} Mbit/s, ping ${s.pingMs.toFixed(1)} ms, jitter ${s.jitterMs.toFixed(1)} ms (${s.layout} layout)`;
}
function renderRunText(report) {
    const out = [];
    if (report.project)
        out.push(`project ${report.project}`);
    // `verify` alone renders only its part: it has no validate/up.
    if (report.up && report.validate)
        out.push(`validate: ${report.validate.skipped ? 'skipped' : `${report.validate.errors} error(s), ${report.validate.warnings} warning(s), ${report.validate.notes} note(s)`}`, `up: ${mark(report.up.ok)} in ${report.up.seconds.toFixed(1)} s`);
    const v = report.verify;
    if (v) {
        out.push(`verify: ${mark(v.ok)}`);
        for (const p of v.probes)
            out.push(`  ${p.ok ? 'ok    ' : 'FAILED'} ${p.url} ${p.status ?? '---'} (${p.kind}, ${p.where}, ${p.ms} ms)${p.failure ? `: [${p.failure.class}] ${p.failure.message}` : ''}`, ...(p.failure?.nginxLog ?? []).map((l) => `         nginx: ${l}`));
        out.push(`  tls: ${mark(v.tls.ok)}${v.tls.protocol ? ` (${v.tls.protocol})` : ''}`);
        for (const c of v.tls.certificates)
            out.push(`    ${c.matches ? 'served certificate = ' : 'served certificate != '}${c.file}`);
        out.push(`  exposure: ${mark(v.exposure.ok)}; published: ${v.exposure.published.map((p) => `${p.service} ${p.hostIp || '*'}:${p.hostPort}->${p.containerPort}`).join(', ') || 'none'}`, ...v.exposure.problems.map((p) => `    ${p}`), ...v.exposure.checked.map((c) => `    checked: ${c}`));
    }
    const speed = speedOf(report);
    if (speed)
        out.push(speed);
    if (report.down)
        out.push(`down: ${mark(report.down.ok)}${report.down.logsFile ? ` (logs: ${report.down.logsFile})` : ''}${report.down.message ? `: ${report.down.message}` : ''}`);
    else if (report.state)
        out.push(`kept running: stop it with 'stackgate down -C ${report.state.cwd} --project-name ${report.state.project}'`);
    if (report.failure) {
        out.push(`FAILED in ${report.failure.phase} [${report.failure.kind}]: ${report.failure.message}`);
        for (const d of report.failure.detail)
            out.push(`  ${d}`);
    }
    else
        out.push(report.ok ? 'result: ok' : 'result: FAILED');
    return `${out.join('\n')}\n`;
}
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function renderRunMarkdown(report) {
    const out = [`## stackgate stack: ${report.ok ? 'passed' : 'failed'}`, ''];
    if (report.failure)
        out.push(`**Failed in ${report.failure.phase}** (${report.failure.kind}): ${cell(report.failure.message)}`, '');
    out.push(`Up: ${mark(report.up.ok)} in ${report.up.seconds.toFixed(1)} s`, '');
    const v = report.verify;
    if (v) {
        out.push('### Probes', '', '| Result | URL | Status | Class | Where |', '|---|---|---|---|---|');
        for (const p of v.probes)
            out.push(`| ${p.ok ? '\u2705' : '\u274c'} | ${cell(p.url)} | ${p.status ?? '\u2014'} | ${p.failure ? cell(p.failure.class) : ''} | ${cell(p.where)} |`);
        out.push('', `TLS: ${mark(v.tls.ok)}${v.tls.protocol ? ` (${v.tls.protocol})` : ''}`, '');
        out.push('### Exposure', '', '| Service | Host | Container port |', '|---|---|---|');
        for (const p of v.exposure.published)
            out.push(`| ${cell(p.service)} | ${p.hostIp || '*'}:${p.hostPort} | ${p.containerPort} |`);
        for (const p of v.exposure.problems)
            out.push('', `\u274c ${cell(p)}`);
        out.push('');
    }
    const s = report.speedtest;
    if (s && !('skipped' in s)) {
        out.push('### Speed', '', '| Download | Upload | Ping | Jitter |', '|---|---|---|---|', `| ${s.downloadMbps.toFixed(1)} Mbit/s | ${s.uploadMbps.toFixed(1)} Mbit/s | ${s.pingMs.toFixed(1)} ms | ${s.jitterMs.toFixed(1)} ms |`, '', '```mermaid', 'xychart-beta', '  title "Throughput through the proxy (Mbit/s)"', '  x-axis [download, upload]', 
        // From 0: mermaid otherwise starts the axis near the smaller bar, which then looks like nothing.
        `  y-axis "Mbit/s" 0 --> ${Math.ceil(Math.max(s.downloadMbps, s.uploadMbps, 1) * 1.1)}`, `  bar [${s.downloadMbps.toFixed(1)}, ${s.uploadMbps.toFixed(1)}]`, '```', '');
    }
    else if (s)
        out.push(`Speed test: skipped (${cell(s.skipped)})`, '');
    if (report.down)
        out.push(`Down: ${mark(report.down.ok)}${report.down.logsFile ? ` (logs: \`${report.down.logsFile}\`)` : ''}`);
    return `${out.join('\n')}\n`;
}
/** verify, short: each probe's url and status, the exposure as `service ip:host->container`, TLS's protocol. */
function shortVerify(v) {
    return {
        ok: v.ok,
        probes: v.probes.map((p) => ({ url: p.url, status: p.status ?? null, ok: p.ok })),
        exposure: v.exposure
            ? {
                ok: v.exposure.ok,
                published: v.exposure.published.map((p) => `${p.service} ${p.hostIp || '*'}:${p.hostPort}->${p.containerPort}`),
            }
            : null,
        tls: v.tls ? { ok: v.tls.ok, protocol: v.tls.protocol ?? null } : null,
    };
}
/** The speed test, short: the four numbers, or why it did not run. */
function shortSpeedtest(s) {
    return s && !('skipped' in s)
        ? { downloadMbps: s.downloadMbps, uploadMbps: s.uploadMbps, pingMs: s.pingMs, jitterMs: s.jitterMs }
        : { skipped: s?.skipped ?? 'not run' };
}
/**
 * verify's step outputs: the first proxied URL, and the same URL on loopback for the speed test, which goes
 * to the published port (a server_name need not resolve in the runner). Empty when nothing was proxied.
 */
function verifyOutputs(v) {
    const url = v?.probes?.find((p) => p.kind === 'proxied')?.url ?? '';
    let local = '';
    if (url) {
        const u = new URL(url);
        u.hostname = '127.0.0.1';
        local = u.href;
    }
    return { url, 'speedtest-url': local };
}
/** The speed test's step outputs, as measured; empty when it did not run. */
function speedtestOutputs(s) {
    const m = s && !('skipped' in s) ? s : undefined;
    return {
        'download-mbps': m?.downloadMbps ?? '',
        'upload-mbps': m?.uploadMbps ?? '',
        'ping-ms': m?.pingMs ?? '',
        'jitter-ms': m?.jitterMs ?? '',
    };
}
/** The short report, one key per phase, null for a phase not run: the root composite's report output. */
function compositeReport(p) {
    return {
        validate: p.validate
            ? { errors: p.validate.errors, warnings: p.validate.warnings, notes: p.validate.notes }
            : null,
        up: p.up ? { ok: p.up.ok, seconds: p.up.seconds } : null,
        verify: p.verify ? shortVerify(p.verify) : null,
        speedtest: p.speedtest ? shortSpeedtest(p.speedtest) : null,
        down: p.down ? { ok: p.down.ok } : null,
    };
}
/**
 * The short report `run --report FILE` writes (and `make demo` shows): compositeReport's shape from one run, where
 * validate and up always ran, a speed test not run says so, and a failure is added.
 * {validate, up, verify: {ok, probes: [{url, status, ok}], exposure: {ok, published}, tls: {ok, protocol}}, speedtest, down}.
 */
function summaryReport(report) {
    const phases = compositeReport({
        validate: report.validate,
        up: { ok: report.up.ok, seconds: Number(report.up.seconds.toFixed(2)) },
        verify: report.verify ?? null,
        speedtest: report.speedtest ?? null,
        down: { ok: report.down?.ok ?? false },
    });
    return {
        ...phases,
        speedtest: phases.speedtest ?? shortSpeedtest(undefined),
        ...(report.failure ? { failure: report.failure } : {}),
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./lib/src/exec.js
var exec = __webpack_require__(1689);
;// CONCATENATED MODULE: ./lib/src/stack/compose.js
// `docker compose` for one run's project: the common arguments, the v2 check, the engine check, and the
// one-line explanations of what compose and the engine say when they fail.

/** A stack step that failed for a reason the user can act on; `detail` holds the log lines behind it. */
class StackError extends Error {
    kind;
    detail;
    name = 'StackError';
    constructor(kind, message, detail = []) {
        super(message);
        this.kind = kind;
        this.detail = detail;
    }
}
function composeArgs(t) {
    return [
        'compose',
        // Plain lines: the progress display's cursor codes (ESC[2K \u2026) would land in the job log.
        '--ansi',
        'never',
        '--project-directory',
        t.cwd,
        '-p',
        t.project,
        ...t.files.flatMap((f) => ['-f', f]),
        ...t.profiles.flatMap((p) => ['--profile', p]),
        ...t.envFiles.flatMap((f) => ['--env-file', f]),
    ];
}
function compose(t, args, opts = {}) {
    return (0,exec/* exec */.m0)('docker', [...composeArgs(t), ...args], {
        cwd: t.cwd,
        ...opts,
        env: { ...t.env, ...opts.env },
    });
}
/** One line for an engine that cannot be reached, from what the docker CLI printed. */
function explainEngine(stderr, env) {
    const where = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
    if (/Cannot connect to the Docker daemon|connect: no such file or directory|connection refused/i.test(stderr))
        return `the Docker engine at ${where} does not answer: start dockerd (or fix DOCKER_HOST)`;
    if (/permission denied.*docker\.sock/i.test(stderr))
        return `no permission to use the Docker engine at ${where}: add the user to the docker group`;
    return undefined;
}
/** Why `docker compose` cannot run here (v1 only, no plugin, not v2), or undefined when it is v2. */
async function composeV2Problem() {
    const v2 = await (0,exec/* exec */.m0)('docker', ['compose', 'version', '--short'], {
        timeoutMs: 20_000,
        reject: false,
    }).catch(() => undefined);
    const version = v2?.exitCode === 0 ? v2.stdout.trim() : undefined;
    if (version && /^v?2\./.test(version))
        return undefined;
    if (version)
        return `docker compose ${version} is not v2; stackgate needs Compose v2`;
    const v1 = await (0,exec/* exec */.m0)('docker-compose', ['version', '--short'], { timeoutMs: 10_000 }).catch(() => undefined);
    return v1 && /^1\./.test(v1.stdout.trim())
        ? `only docker-compose ${v1.stdout.trim()} (v1) is installed; stackgate needs Compose v2 (\`docker compose\`): install the docker-compose-plugin package`
        : 'the Docker Compose v2 plugin is missing (`docker compose version` failed): install docker-compose-plugin';
}
/** What the docker CLI prints when the compose plugin is missing or too old for a flag we use. */
const COMPOSE_MISSING = /is not a docker command|unknown (shorthand )?flag|unknown command "compose"/i;
/**
 * Fails with a one-line reason unless a Docker engine answers. Compose v2 is checked where it fails
 * (COMPOSE_MISSING \u2192 composeV2Problem): starting the plugin just to ask costs ~0.3 s of CPU per run.
 */
async function requireEngine(env, signal) {
    try {
        return (await (0,exec/* exec */.m0)('docker', ['version', '--format', '{{.Server.Version}}'], {
            timeoutMs: 20_000,
            ...(signal ? { signal } : {}),
        })).stdout.trim();
    }
    catch (error) {
        if (error instanceof exec/* ExecError */.cI && error.failure === 'not-found')
            throw new StackError('compose-missing', 'the docker CLI is not installed (or not on PATH)');
        const stderr = error instanceof exec/* ExecError */.cI ? error.stderr : String(error);
        throw new StackError('engine', explainEngine(stderr, env) ?? `the Docker engine does not answer: ${stderr.trim().split('\n').pop()}`);
    }
}
/** The one line that says why `docker compose up` failed, from its stderr. */
function explainUp(stderr, env) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const find = (re) => lines.find((l) => re.test(l));
    const engine = explainEngine(stderr, env);
    if (engine)
        return { kind: 'engine', message: engine };
    const pull = find(/pull access denied|manifest unknown|failed to resolve reference|no such host|dial tcp|i\/o timeout|repository does not exist|not found: manifest|toomanyrequests/i);
    if (pull) {
        const image = /(?:image|reference|repository) "?([\w./:@-]+)"?/i.exec(pull)?.[1];
        return {
            kind: 'pull',
            message: `an image is not present locally and could not be pulled${image ? ` (${image})` : ''}: ${pull.replace(/^Error response from daemon: /, '')}`,
        };
    }
    const port = find(/port is already allocated|address already in use/i);
    if (port)
        return { kind: 'port-taken', message: `a host port is taken: ${port}` };
    const notHealthy = find(/not healthy after/i);
    if (notHealthy)
        return { kind: 'timeout', message: `services did not become healthy in time (${notHealthy})` };
    const unhealthy = find(/is unhealthy|dependency failed to start/i);
    if (unhealthy)
        return { kind: 'unhealthy', message: unhealthy.replace(/^Error response from daemon: /, '') };
    const exited = find(/exited \(\d+\)|exited with code/i);
    if (exited)
        return { kind: 'start', message: exited };
    const timeout = find(/timeout|deadline exceeded/i);
    if (timeout)
        return { kind: 'timeout', message: timeout };
    return { kind: 'start', message: lines[lines.length - 1] ?? 'docker compose up failed' };
}
/** The line format of `containers`: full id, service label, state, status ("Up 2 seconds (healthy)"), name. */
const PS_FORMAT = '{{.ID}}\t{{.Label "com.docker.compose.service"}}\t{{.State}}\t{{.Status}}\t{{.Names}}';
/** One `docker ps -a --format PS_FORMAT` line as a container; the health and exit code come from Status. */
function parsePsLine(line) {
    const [id, service, state, status, name] = line.split('\t');
    if (!id || !service || !state || status === undefined)
        return undefined;
    const health = /\((?:health: )?(starting|healthy|unhealthy)\)/.exec(status)?.[1];
    const exit = /^Exited \((-?\d+)\)/.exec(status)?.[1];
    return {
        id,
        name: name ?? '',
        service,
        state,
        ...(health ? { health } : {}),
        exitCode: exit === undefined ? 0 : Number(exit),
    };
}
/**
 * The project's containers, stopped ones too, by the compose labels (`docker ps`, not `compose ps`:
 * the same containers without the plugin's start-up); not the one-off containers of `compose run`.
 */
async function containers(t, signal) {
    const { stdout } = await (0,exec/* exec */.m0)('docker', [
        'ps',
        '-a',
        '--no-trunc',
        '--filter',
        `label=com.docker.compose.project=${t.project}`,
        '--filter',
        'label=com.docker.compose.oneoff=False',
        '--format',
        PS_FORMAT,
    ], { env: t.env ?? {}, timeoutMs: 30_000, ...(signal ? { signal } : {}) });
    return stdout.split('\n').flatMap((l) => parsePsLine(l) ?? []);
}

;// CONCATENATED MODULE: ./lib/src/stack/state.js
// The run's state file (.stackgate/stack/<project>.json in the project directory): what `verify` and
// `down` need to find the run that `up` started. Names, files and ports only; never secrets or env values.



function stateDir(cwd) {
    return external_node_path_.join(cwd, '.stackgate', 'stack');
}
function statePath(cwd, project) {
    return external_node_path_.join(stateDir(cwd), `${project}.json`);
}
function writeState(state) {
    const file = statePath(state.cwd, state.project);
    (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(file), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, `${JSON.stringify(state, null, 2)}\n`);
    return file;
}
/** The run named by --project-name, or the most recent run in this directory. */
function readState(cwd, project) {
    let file;
    if (project) {
        file = statePath(cwd, project);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new errors/* InputError */.dz(`no run "${project}" in ${cwd} (${external_node_path_.relative(cwd, file)} does not exist); start it with 'stackgate up --project-name ${project}'`);
    }
    else {
        const dir = stateDir(cwd);
        const runs = (0,external_node_fs_.existsSync)(dir)
            ? (0,external_node_fs_.readdirSync)(dir)
                .filter((f) => f.endsWith('.json'))
                .map((f) => external_node_path_.join(dir, f))
                .sort((a, b) => (0,external_node_fs_.statSync)(b).mtimeMs - (0,external_node_fs_.statSync)(a).mtimeMs)
            : [];
        if (!runs[0])
            throw new errors/* InputError */.dz(`no stackgate run in ${cwd} (no ${external_node_path_.relative(cwd, dir)}/*.json); run 'stackgate up' first`);
        file = runs[0];
    }
    try {
        const state = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        if (state.version !== 1 || typeof state.project !== 'string')
            throw new Error('unknown format');
        return state;
    }
    catch (error) {
        throw new errors/* InputError */.dz(`${file}: not a stackgate state file (${(0,errors/* errorMessage */.gJ)(error)}); delete it and run 'stackgate up' again`);
    }
}
function removeState(state) {
    (0,external_node_fs_.rmSync)(statePath(state.cwd, state.project), { force: true });
}
function targetOf(state, env) {
    return {
        cwd: state.cwd,
        files: state.files,
        profiles: state.profiles,
        envFiles: state.envFiles,
        project: state.project,
        env: { ...env, ...state.imageEnv },
    };
}

;// CONCATENATED MODULE: ./lib/src/stack/down.js
// `down`: the logs of failed or unhealthy services to a capped file (streamed), then
// `docker compose down --volumes --remove-orphans` for this run's project only.







const DEFAULT_LOG_CAP = 16 * 1024 * 1024;
// compose starts every `logs` line with ESC[2K (erase line), TTY or not (2.26): not the containers' bytes.
const ERASE_LINE = Buffer.from('\x1b[2K');
/**
 * A file sink for `compose logs` that stops at `cap` bytes and tells its producer to stop. It drops
 * compose's erase-line code at the start of each line; every byte of the containers' own output is kept.
 */
class CappedFile extends external_node_stream_.Writable {
    cap;
    onFull;
    written = 0;
    truncated = false;
    file;
    atLineStart = true;
    /** The start of a line that may begin with ERASE_LINE, cut by the chunk's end. */
    held = Buffer.alloc(0);
    constructor(filePath, cap, onFull) {
        super();
        this.cap = cap;
        this.onFull = onFull;
        this.file = (0,external_node_fs_.createWriteStream)(filePath);
    }
    withoutEraseLine(chunk) {
        const buf = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
        this.held = Buffer.alloc(0);
        const kept = [];
        let start = 0;
        let i = 0;
        while (i < buf.length) {
            if (this.atLineStart) {
                const rest = buf.subarray(i, i + ERASE_LINE.length);
                if (rest.length < ERASE_LINE.length && rest.equals(ERASE_LINE.subarray(0, rest.length))) {
                    kept.push(buf.subarray(start, i));
                    this.held = Buffer.from(rest);
                    return Buffer.concat(kept);
                }
                if (rest.equals(ERASE_LINE)) {
                    // compose sometimes writes it twice before a line: drop every one at the line's start.
                    kept.push(buf.subarray(start, i));
                    i += ERASE_LINE.length;
                    start = i;
                    continue;
                }
                this.atLineStart = false;
                continue;
            }
            const newline = buf.indexOf(10, i);
            if (newline === -1)
                break;
            i = newline + 1;
            this.atLineStart = true;
        }
        kept.push(buf.subarray(start));
        return Buffer.concat(kept);
    }
    _write(raw, _enc, cb) {
        const chunk = this.withoutEraseLine(raw);
        if (this.truncated) {
            cb();
            return;
        }
        const room = this.cap - this.written;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        this.written += part.length;
        if (chunk.length > room) {
            this.truncated = true;
            this.file.write(part);
            this.file.write(`\n[stackgate: logs cut at ${this.cap} bytes]\n`, () => cb());
            this.onFull();
            return;
        }
        if (!this.file.write(part))
            this.file.once('drain', () => cb());
        else
            cb();
    }
    close() {
        // A last line cut inside what looked like ERASE_LINE: it was the containers' bytes after all.
        if (this.held.length > 0 && !this.truncated) {
            const room = Math.max(0, this.cap - this.written);
            this.file.write(this.held.subarray(0, room));
            this.written += Math.min(room, this.held.length);
        }
        return new Promise((resolve, reject) => {
            this.file.once('error', reject);
            this.file.end(() => resolve());
        });
    }
}
/** Streams `docker compose logs` of the services into a file of at most maxBytes. */
async function collectLogs(state, services, file, opts) {
    (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(file), { recursive: true });
    const stop = new AbortController();
    const sink = new CappedFile(file, opts.maxLogBytes ?? DEFAULT_LOG_CAP, () => stop.abort());
    try {
        await compose(targetOf(state, opts.env), ['logs', '--no-color', '--timestamps', ...services], {
            stdoutTo: sink,
            signal: stop.signal,
            timeoutMs: 120_000,
        });
    }
    catch (error) {
        // Stopping at the cap is the plan, not a failure.
        if (!(error instanceof exec/* ExecError */.cI && error.failure === 'canceled' && sink.truncated))
            throw error;
    }
    finally {
        await sink.close();
    }
    return { bytes: sink.written, truncated: sink.truncated };
}
async function down(state, opts) {
    const started = performance.now();
    const t = targetOf(state, opts.env);
    const result = { ok: true, seconds: 0, logServices: [], logBytes: 0, truncated: false };
    try {
        const list = await containers(t);
        const failed = list
            .filter((c) => (c.state !== 'running' && c.exitCode !== 0) ||
            c.state === 'dead' ||
            c.state === 'restarting' ||
            c.health === 'unhealthy' ||
            c.health === 'starting')
            .map((c) => c.service);
        const wanted = [
            ...new Set([...failed, ...(opts.alsoLogs ?? []), ...(opts.allLogs ? list.map((c) => c.service) : [])]),
        ].filter((s) => list.some((c) => c.service === s));
        if (wanted.length > 0) {
            const file = external_node_path_.join(opts.logsDir ?? external_node_path_.join(state.cwd, '.stackgate', 'logs'), `${state.project}.log`);
            const { bytes, truncated } = await collectLogs(state, wanted, file, opts);
            Object.assign(result, { logsFile: file, logServices: wanted, logBytes: bytes, truncated });
            opts.log(`down: logs of ${wanted.join(', ')} in ${file} (${bytes} bytes${truncated ? ', cut at the cap' : ''})`);
        }
    }
    catch (error) {
        // Missing logs must not keep the containers alive: go on to remove them.
        opts.log(`down: could not collect logs: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    try {
        await compose(t, ['down', '--volumes', '--remove-orphans', '--timeout', '5'], {
            timeoutMs: (opts.timeoutSeconds ?? 120) * 1000,
            onLine: (line) => opts.log(`  ${line}`),
        });
        removeState(state);
    }
    catch (error) {
        result.ok = false;
        result.message =
            error instanceof StackError || error instanceof exec/* ExecError */.cI
                ? `docker compose down for ${state.project} failed: ${(0,errors/* errorMessage */.gJ)(error)}`
                : (0,errors/* errorMessage */.gJ)(error);
        opts.log(`down: ${result.message}`);
    }
    result.seconds = (performance.now() - started) / 1000;
    if (result.ok)
        opts.log(`down: ${state.project} removed (containers, networks, volumes)`);
    return result;
}

// EXTERNAL MODULE: ./lib/src/project/endpoints.js
var endpoints = __webpack_require__(9526);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/src/verify/classify.js
// Failure classes of a probe through the proxy, from the socket error or the HTTP answer.
const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/;
/** The class of a request that got no HTTP answer. */
function classifyError(error) {
    const e = error;
    const code = e?.code ?? '';
    const name = e?.name ?? '';
    if (name === 'TimeoutError' ||
        code === 'ETIMEDOUT' ||
        code === 'ESOCKETTIMEDOUT' ||
        code === 'UND_ERR_CONNECT_TIMEOUT')
        return 'timeout';
    if (name === 'AbortError' && e?.cause)
        return classifyError(e.cause);
    if (code === 'ECONNREFUSED')
        return 'refused';
    if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(e?.message ?? ''))
        return 'reset';
    if (TLS_CODES.test(code) || /SSL|TLS|handshake/i.test(e?.message ?? ''))
        return 'tls';
    if (name === 'AbortError')
        return 'timeout';
    return 'reset';
}
/** The class of an HTTP answer that is not what was expected (undefined: it is). */
function classifyStatus(status, expected) {
    if (expected !== undefined ? status === expected : status >= 200 && status < 400)
        return undefined;
    if (status === 502)
        return 'nginx-502';
    if (status === 504)
        return 'nginx-504';
    return 'application';
}
const FAILURE_TEXT = {
    refused: 'connection refused (nothing listens on the published port)',
    reset: 'connection reset (the proxy or docker-proxy closed it without an answer)',
    timeout: 'timed out (no answer within the per-request timeout)',
    tls: 'TLS handshake failed',
    'nginx-502': 'nginx answered 502 Bad Gateway (the upstream refused, reset or is not running)',
    'nginx-504': 'nginx answered 504 Gateway Timeout (the upstream did not answer in time)',
    application: 'the application answered with an unexpected status or body',
    redirect: 'plain HTTP does not redirect to HTTPS',
    certificate: 'the served certificate is not the configured file',
};
/** The nginx error-log lines that explain a 502/504: [error]/[crit] lines about upstreams, newest last. */
function nginxErrorLines(logs, max = 5) {
    return logs
        .split('\n')
        .filter((l) => /\[(error|crit|alert|emerg)\]/.test(l) && /upstream|connect\(\)|recv\(\)|timed out|resolve/i.test(l))
        .slice(-max)
        .map((l) => l.trim());
}

;// CONCATENATED MODULE: ./lib/src/verify/exposure.js
// Exposure audit: what the running containers publish on host addresses (docker inspect), and, for each
// backend port, that no host-side forwarder (docker-proxy) points at it.



/** Parses `docker inspect` output into host-published ports per compose service. */
function publishedFromInspect(items) {
    return items.flatMap((c) => {
        const service = c.Config.Labels?.['com.docker.compose.service'] ?? c.Name.replace(/^\//, '');
        return Object.entries(c.NetworkSettings.Ports ?? {}).flatMap(([containerPort, bindings]) => (bindings ?? []).map((b) => ({
            service,
            containerPort,
            hostIp: b.HostIp,
            hostPort: Number(b.HostPort),
        })));
    });
}
/** docker-proxy processes on this host, as "ip:port" of the container side they forward to. */
function dockerProxyTargets() {
    const out = new Set();
    for (const pid of (0,external_node_fs_.readdirSync)('/proc').filter((n) => /^\d+$/.test(n))) {
        let argv;
        try {
            argv = (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        }
        catch {
            continue;
        }
        if (!argv[0]?.endsWith('docker-proxy'))
            continue;
        const ip = argv[argv.indexOf('-container-ip') + 1];
        const port = argv[argv.indexOf('-container-port') + 1];
        if (ip && port)
            out.add(`${ip}:${port}`);
    }
    return out;
}
async function auditExposure(t, proxy) {
    const ids = (await containers(t)).filter((c) => c.state === 'running').map((c) => c.id);
    if (ids.length === 0)
        return { ok: false, published: [], problems: ['no running container in the project'], checked: [] };
    const items = JSON.parse((await (0,exec/* exec */.m0)('docker', ['inspect', ...ids], { timeoutMs: 30_000 })).stdout);
    const published = publishedFromInspect(items);
    const problems = [];
    const checked = [
        `docker inspect of ${items.length} container(s): NetworkSettings.Ports host bindings`,
    ];
    for (const p of published)
        if (p.service !== proxy)
            problems.push(`service "${p.service}" publishes ${p.containerPort} on ${p.hostIp || '0.0.0.0'}:${p.hostPort}: it bypasses the proxy "${proxy ?? '?'}"; remove its ports: entry (use expose:)`);
    const forwarders = dockerProxyTargets();
    for (const c of items) {
        const service = c.Config.Labels?.['com.docker.compose.service'] ?? c.Name;
        if (service === proxy)
            continue;
        if (c.HostConfig.NetworkMode === 'host') {
            problems.push(`service "${service}" uses network_mode: host, so every port it listens on is on the host's addresses`);
            continue;
        }
        const ports = [
            ...new Set([...Object.keys(c.Config.ExposedPorts ?? {}), ...Object.keys(c.NetworkSettings.Ports ?? {})].map((p) => (p.includes('/') ? p : `${p}/tcp`))),
        ];
        const ips = Object.values(c.NetworkSettings.Networks ?? {})
            .map((n) => n.IPAddress)
            .filter((ip) => !!ip);
        for (const port of ports) {
            const number = port.split('/')[0];
            const hit = ips.find((ip) => forwarders.has(`${ip}:${number}`));
            if (hit)
                problems.push(`a docker-proxy on the host forwards to ${service} ${hit}:${number}: the backend port is reachable from host addresses`);
            checked.push(`${service} ${port}: no host binding in docker inspect and no docker-proxy forwarding to ${ips.map((ip) => `${ip}:${number}`).join(', ') || 'it'}`);
        }
    }
    return { ok: problems.length === 0, published, problems, checked };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./lib/src/verify/probe.js
// One HTTP(S) request through the published proxy port, Host header and SNI set, bounded in time and size.




function probeOnce(req) {
    const started = performance.now();
    const maxBody = req.maxBody ?? 64 * 1024;
    return new Promise((resolve) => {
        let settled = false;
        const answer = { ms: 0 };
        const finish = (extra = {}) => {
            if (settled)
                return;
            settled = true;
            resolve({ ...answer, ...extra, ms: performance.now() - started });
            request.destroy();
        };
        const signal = req.signal
            ? AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)])
            : AbortSignal.timeout(req.timeoutMs);
        const options = {
            host: req.address,
            port: req.port,
            path: req.path,
            method: 'GET',
            headers: { Host: req.host, 'User-Agent': 'stackgate-verify', Connection: 'close' },
            agent: false,
            signal,
        };
        if (req.scheme === 'https') {
            // The certificate is checked by fingerprint against the configured file, not against a CA.
            Object.assign(options, {
                rejectUnauthorized: false,
                ...((0,external_node_net_.isIP)(req.host) ? {} : { servername: req.host }),
            });
        }
        const request = (req.scheme === 'https' ? external_node_https_ : external_node_http_).request(options, (res) => {
            if (res.statusCode !== undefined)
                answer.status = res.statusCode;
            if (res.headers.location)
                answer.location = res.headers.location;
            const chunks = [];
            let size = 0;
            res.on('data', (c) => {
                if (size < maxBody)
                    chunks.push(c.subarray(0, maxBody - size));
                size += c.length;
                if (size >= maxBody)
                    finish({ body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('end', () => finish({ body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', () => finish({ body: Buffer.concat(chunks).toString('utf8') }));
        });
        request.on('socket', (socket) => {
            if (req.scheme !== 'https')
                return;
            socket.once('secureConnect', () => {
                const tlsSocket = socket;
                const protocol = tlsSocket.getProtocol();
                if (protocol)
                    answer.protocol = protocol;
                const cert = tlsSocket.getPeerX509Certificate();
                if (cert)
                    answer.fingerprint256 = cert.fingerprint256;
            });
        });
        request.on('error', (error) => {
            const cls = signal.aborted && !req.signal?.aborted ? 'timeout' : classifyError(error);
            finish({ error: { class: cls, message: error.code ?? error.message } });
        });
        request.end();
    });
}

;// CONCATENATED MODULE: ./lib/src/verify/index.js
// `verify`: probes through nginx for every server_name \u00d7 proxied location the project view knows, the
// TLS checks, the HTTP\u2192HTTPS redirects and the exposure audit, each failure classified.









function fingerprintOf(file) {
    try {
        return new external_node_crypto_.X509Certificate((0,external_node_fs_.readFileSync)(file)).fingerprint256;
    }
    catch {
        return undefined;
    }
}
async function verify(opts) {
    const started = performance.now();
    const timeoutMs = opts.requestTimeoutMs ?? 10_000;
    const t = targetOf(opts.state, opts.env);
    const eps = (0,endpoints/* endpoints */.vZ)(opts.view);
    const probes = [];
    const tls = { ok: true, certificates: [] };
    if (eps.length === 0)
        opts.log('verify: the nginx config has no proxied location on a listen port: nothing to probe');
    // The audit asks the engine, the probes ask nginx: neither waits for the other.
    const exposureAudit = auditExposure(t, opts.state.proxy);
    exposureAudit.catch(() => { });
    await Promise.all(eps.map(async (ep) => {
        const port = ep.publishedPort;
        const url = `${ep.scheme}://${ep.host}${port && port !== (ep.scheme === 'https' ? 443 : 80) ? `:${port}` : ''}${ep.path}`;
        if (port === undefined) {
            probes.push({
                url,
                host: ep.host,
                kind: ep.kind,
                where: ep.where,
                ok: false,
                ms: 0,
                failure: {
                    class: 'refused',
                    message: `listen ${ep.listenPort} (${ep.where}) is not published by the proxy service, so the host cannot reach it`,
                },
            });
            return;
        }
        const answer = await probeOnce({
            scheme: ep.scheme,
            address: '127.0.0.1',
            port,
            host: ep.host,
            path: ep.path,
            timeoutMs,
            ...(opts.signal ? { signal: opts.signal } : {}),
        });
        const result = {
            url,
            host: ep.host,
            kind: ep.kind,
            where: ep.where,
            ...(answer.status !== undefined ? { status: answer.status } : {}),
            ok: false,
            ms: Math.round(answer.ms),
            ...(answer.protocol ? { protocol: answer.protocol } : {}),
        };
        if (answer.error) {
            result.failure = {
                class: answer.error.class,
                message: `${FAILURE_TEXT[answer.error.class]}: ${answer.error.message}`,
            };
        }
        else if (ep.kind === 'redirect') {
            const good = answer.status !== undefined &&
                /^30[1278]$/.test(String(answer.status)) &&
                answer.location?.startsWith('https://');
            if (!good)
                result.failure = {
                    class: 'redirect',
                    message: `${FAILURE_TEXT.redirect}: got ${answer.status}${answer.location ? ` \u2192 ${answer.location}` : ''} (the config redirects at ${ep.where})`,
                };
        }
        else {
            const cls = classifyStatus(answer.status, opts.expectStatus);
            if (cls) {
                result.failure = {
                    class: cls,
                    message: `${FAILURE_TEXT[cls]}: got ${answer.status}${opts.expectStatus !== undefined ? `, expected ${opts.expectStatus}` : ', expected 2xx/3xx'}`,
                };
            }
            else if (opts.expectBody !== undefined && !(answer.body ?? '').includes(opts.expectBody)) {
                result.failure = {
                    class: 'application',
                    message: `the body does not contain ${JSON.stringify(opts.expectBody)} (first bytes: ${JSON.stringify((answer.body ?? '').slice(0, 80))})`,
                };
            }
        }
        if (ep.scheme === 'https' && !answer.error && ep.tls?.certHost) {
            const configured = (0,external_node_fs_.existsSync)(ep.tls.certHost) ? fingerprintOf(ep.tls.certHost) : undefined;
            const matches = configured !== undefined && configured === answer.fingerprint256;
            if (!tls.certificates.some((c) => c.file === ep.tls.certHost && c.served === answer.fingerprint256))
                tls.certificates.push({
                    file: ep.tls.certHost,
                    matches,
                    ...(answer.fingerprint256 ? { served: answer.fingerprint256 } : {}),
                    ...(configured ? { configured } : {}),
                });
            if (!matches && !result.failure)
                result.failure = {
                    class: 'certificate',
                    message: `${FAILURE_TEXT.certificate}: served ${answer.fingerprint256 ?? 'none'}, ${ep.tls.certHost} is ${configured ?? 'unreadable'}`,
                };
        }
        if (answer.protocol)
            tls.protocol ??= answer.protocol;
        result.ok = result.failure === undefined;
        probes.push(result);
    }));
    // 502/504 get the nginx error-log lines that say why.
    const gateway = probes.filter((p) => p.failure?.class === 'nginx-502' || p.failure?.class === 'nginx-504');
    if (gateway.length > 0 && opts.state.proxy) {
        try {
            const logs = await compose(t, ['logs', '--no-color', '--tail', '500', opts.state.proxy], {
                timeoutMs: 30_000,
            });
            const lines = nginxErrorLines(`${logs.stdout}\n${logs.stderr}`);
            for (const p of gateway)
                if (p.failure)
                    p.failure.nginxLog = lines;
        }
        catch (error) {
            opts.log(`verify: could not read the nginx log: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    tls.ok =
        tls.certificates.every((c) => c.matches) &&
            (tls.protocol === undefined || tls.protocol === 'TLSv1.2' || tls.protocol === 'TLSv1.3') &&
            !probes.some((p) => p.failure?.class === 'tls');
    const exposure = await exposureAudit;
    probes.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const ok = probes.length > 0 && probes.every((p) => p.ok) && exposure.ok && tls.ok;
    return { ok, seconds: (performance.now() - started) / 1000, probes, exposure, tls };
}

// EXTERNAL MODULE: ./lib/src/report/summary.js
var summary = __webpack_require__(6965);
// EXTERNAL MODULE: ./lib/src/report/text.js
var report_text = __webpack_require__(7358);
// EXTERNAL MODULE: ./lib/src/validate.js
var validate = __webpack_require__(4702);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./lib/src/stack/certs.js
// Certificates for `up`: the files nginx will load, as the project view maps them to host files; a
// self-signed pair is generated for missing ones (never over an existing file).






function subjectAltNames(names) {
    const dns = new Set(['localhost']);
    for (const n of names)
        if (/^[A-Za-z0-9*.-]+$/.test(n) && n !== '_' && !n.startsWith('.'))
            dns.add(n);
    return [...[...dns].map((d) => `DNS:${d}`), 'IP:127.0.0.1', 'IP:::1'].join(',');
}
async function generate(pair, signal) {
    const certHost = pair.certHost;
    const keyHost = pair.keyHost;
    (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(certHost), { recursive: true });
    (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(keyHost), { recursive: true });
    // Written beside the targets, then renamed: a crash never leaves half a key where nginx reads it.
    const tmp = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_path_.dirname(certHost), '.stackgate-cert-'));
    try {
        const cn = pair.names.find((n) => n !== '_' && /^[A-Za-z0-9.-]+$/.test(n)) ?? 'localhost';
        await (0,exec/* exec */.m0)('openssl', [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-days',
            '30',
            '-subj',
            `/CN=${cn}`,
            '-addext',
            `subjectAltName=${subjectAltNames(pair.names)}`,
            '-keyout',
            external_node_path_.join(tmp, 'key.pem'),
            '-out',
            external_node_path_.join(tmp, 'cert.pem'),
        ], { timeoutMs: 30_000, ...(signal ? { signal } : {}) });
        // nginx's master (root in the container) reads the key before dropping privileges.
        await (0,promises_.chmod)(external_node_path_.join(tmp, 'key.pem'), 0o600);
        await (0,promises_.chmod)(external_node_path_.join(tmp, 'cert.pem'), 0o644);
        await (0,promises_.rename)(external_node_path_.join(tmp, 'cert.pem'), certHost);
        await (0,promises_.rename)(external_node_path_.join(tmp, 'key.pem'), keyHost);
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
    }
}
/**
 * Makes sure every certificate/key pair nginx loads exists on the host. `provided`: missing files are
 * an error. `self-signed`/`auto`: a pair with both files missing is generated; a pair with one of the
 * two present is an error (stackgate never overwrites or guesses a key for someone's certificate).
 */
async function ensureCertificates(view, mode, signal) {
    const out = [];
    for (const pair of (0,endpoints/* tlsPairs */.jm)(view)) {
        if (!pair.certHost || !pair.keyHost) {
            out.push({ pair, action: 'not-on-host' });
            continue;
        }
        const hasCert = (0,external_node_fs_.existsSync)(pair.certHost);
        const hasKey = (0,external_node_fs_.existsSync)(pair.keyHost);
        if (hasCert && hasKey) {
            out.push({ pair, action: 'present' });
            continue;
        }
        const rel = (p) => external_node_path_.relative(view.cwd, p) || p;
        if (mode === 'provided')
            throw new errors/* InputError */.dz(`--tls provided: ${[!hasCert && rel(pair.certHost), !hasKey && rel(pair.keyHost)].filter(Boolean).join(' and ')} missing (nginx loads ${pair.cert} and ${pair.key}); add the files or use --tls auto to generate a self-signed pair`);
        if (hasCert !== hasKey)
            throw new errors/* InputError */.dz(`${rel(hasCert ? pair.keyHost : pair.certHost)} is missing but ${rel(hasCert ? pair.certHost : pair.keyHost)} exists; stackgate does not overwrite or pair up an existing file: add the missing one, or remove both to get a self-signed pair`);
        await generate(pair, signal);
        out.push({ pair, action: 'generated' });
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/src/stack/ports.js
// Who holds a host port: a container (docker ps) or a process (/proc/net/tcp{,6} + /proc/*/fd).


function hexToIpv4(hex) {
    // /proc prints the address as a little-endian 32-bit word.
    const n = Number.parseInt(hex, 16);
    return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24].join('.');
}
function hexToIpv6(hex) {
    const words = [];
    for (let i = 0; i < 32; i += 8) {
        const w = hex.slice(i, i + 8);
        // Each 32-bit group is little-endian.
        const bytes = [w.slice(6, 8), w.slice(4, 6), w.slice(2, 4), w.slice(0, 2)].join('');
        words.push(bytes.slice(0, 4), bytes.slice(4, 8));
    }
    const full = words.map((w) => Number.parseInt(w, 16).toString(16)).join(':');
    if (full === '0:0:0:0:0:0:0:0')
        return '::';
    if (full === '0:0:0:0:0:0:0:1')
        return '::1';
    return full;
}
/** LISTEN sockets in the text of /proc/net/tcp or /proc/net/tcp6. */
function parseProcNetTcp(text, v6) {
    const out = [];
    for (const line of text.split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 10 || cols[3] !== '0A')
            continue;
        const [addr, port] = cols[1].split(':');
        out.push({
            address: v6 ? hexToIpv6(addr) : hexToIpv4(addr),
            port: Number.parseInt(port, 16),
            inode: Number(cols[9]),
        });
    }
    return out;
}
function listeners() {
    const read = (f) => {
        try {
            return (0,external_node_fs_.readFileSync)(f, 'utf8');
        }
        catch {
            return '';
        }
    };
    return [...parseProcNetTcp(read('/proc/net/tcp'), false), ...parseProcNetTcp(read('/proc/net/tcp6'), true)];
}
/** The process that has the socket inode open; undefined when it belongs to a process we cannot read. */
function processOfInode(inode) {
    const target = `socket:[${inode}]`;
    for (const pid of (0,external_node_fs_.readdirSync)('/proc').filter((n) => /^\d+$/.test(n))) {
        let fds;
        try {
            fds = (0,external_node_fs_.readdirSync)(`/proc/${pid}/fd`);
        }
        catch {
            continue;
        }
        for (const fd of fds) {
            let link;
            try {
                link = (0,external_node_fs_.readlinkSync)(`/proc/${pid}/fd/${fd}`);
            }
            catch {
                continue;
            }
            if (link !== target)
                continue;
            let command = '';
            try {
                command = (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
            }
            catch {
                // The process exited while we looked.
            }
            return { pid: Number(pid), command: command.slice(0, 200) };
        }
    }
    return undefined;
}
/** Host ports published by running containers, from `docker ps` ("0.0.0.0:443->443/tcp, :::443->443/tcp"). */
function parseDockerPsPorts(line) {
    const [name, ports] = line.split('\t');
    if (!name || !ports)
        return [];
    const out = [];
    for (const m of ports.matchAll(/(?:^|,\s*)(?:[\d.]+|\[?[0-9a-f:]*\]?):(\d+)(?:-(\d+))?->\d+(?:-\d+)?\/(\w+)/g)) {
        const from = Number(m[1]);
        const to = m[2] ? Number(m[2]) : from;
        for (let p = from; p <= to; p++)
            out.push({ name, port: p, protocol: m[3] });
    }
    return out;
}
function overlaps(wantedIp, held) {
    const any = (ip) => !ip || ip === '0.0.0.0' || ip === '::';
    return any(wantedIp) || any(held) || wantedIp === held || held === '::ffff:' + wantedIp;
}
/** Every wanted TCP port that something already listens on, with who holds it. */
async function findPortConflicts(wanted, signal) {
    const tcp = wanted.filter((w) => w.protocol === 'tcp');
    if (tcp.length === 0)
        return [];
    const held = listeners();
    const busy = tcp.filter((w) => held.some((l) => l.port === w.port && overlaps(w.hostIp, l.address)));
    if (busy.length === 0)
        return [];
    const ps = await (0,exec/* exec */.m0)('docker', ['ps', '--format', '{{.Names}}\t{{.Ports}}'], {
        timeoutMs: 20_000,
        reject: false,
        ...(signal ? { signal } : {}),
    }).catch(() => undefined);
    const byContainer = (ps?.stdout ?? '').split('\n').flatMap(parseDockerPsPorts);
    return busy.map((w) => {
        const container = byContainer.find((c) => c.port === w.port && c.protocol === 'tcp');
        if (container)
            return { ...w, holder: `container "${container.name}" (docker ps)` };
        const l = held.find((x) => x.port === w.port && overlaps(w.hostIp, x.address));
        const proc = processOfInode(l.inode);
        return {
            ...w,
            holder: proc
                ? `process ${proc.pid} (${proc.command || 'unknown command'}) listening on ${l.address}:${l.port}`
                : `a process this user cannot inspect, listening on ${l.address}:${l.port} (try: sudo ss -ltnp 'sport = :${l.port}')`,
        };
    });
}

;// CONCATENATED MODULE: ./lib/src/stack/readiness.js
// Readiness from the engine's own events: one `docker events` stream for the run's project, started before
// the first container, plus a `docker ps` snapshot after each start (a container that was already running
// emits nothing). Waiting is a predicate re-checked on every event: no polling, no sleeps.


/** One line of `docker events --format '{{json .}}'`; undefined for lines and actions readiness ignores. */
function parseEvent(line) {
    let e;
    try {
        e = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    const attrs = e.Actor?.Attributes ?? {};
    const id = e.Actor?.ID ?? e.id ?? '';
    const service = attrs['com.docker.compose.service'] ?? '';
    const base = { id, service, name: attrs.name ?? '' };
    const action = e.Action ?? '';
    if (!id || !service)
        return undefined;
    if (action === 'start')
        return { ...base, action };
    if (action === 'die')
        return { ...base, action, exitCode: Number(attrs.exitCode ?? 0) };
    const health = /^health_status: (\w+)$/.exec(action)?.[1];
    return health ? { ...base, action: 'health', health } : undefined;
}
/** What a wait ended on, when it did not end ready. */
class NotReady extends Error {
    kind;
    service;
    name = 'NotReady';
    constructor(kind, service, message) {
        super(message);
        this.kind = kind;
        this.service = service;
    }
}
/**
 * Ready when every container of every wanted service meets its need; throws NotReady on the first
 * container that cannot (exited when it should run, exited non-zero, unhealthy); false while waiting.
 */
function readyFor(containers, wanted) {
    const seen = new Set();
    let ready = true;
    for (const c of containers) {
        const need = wanted.get(c.service);
        if (!need)
            continue;
        seen.add(c.service);
        if (c.state === 'exited' || c.state === 'dead') {
            if (need === 'service_completed_successfully' && c.exitCode === 0)
                continue;
            throw new NotReady('start', c.service, `${c.service} exited (exit ${c.exitCode})`);
        }
        if (need === 'service_completed_successfully') {
            ready = false;
            continue;
        }
        if (c.health === 'unhealthy')
            throw new NotReady('unhealthy', c.service, `${c.service} is unhealthy`);
        // A start event does not say whether the container has a healthcheck; a snapshot or health event does.
        if (c.state !== 'running' || c.healthKnown === false)
            ready = false;
        else if (c.health === 'starting')
            ready = false;
        else if (need === 'service_healthy' && c.health !== 'healthy')
            ready = false;
    }
    return ready && [...wanted.keys()].every((s) => seen.has(s));
}
/** The project's containers as the engine reports them, kept current by its events. */
class ContainerWatch {
    opts;
    byId = new Map();
    wakers = new Set();
    stream;
    constructor(opts) {
        this.opts = opts;
        this.stream = (0,exec/* start */.ni)('docker', [
            'events',
            '--filter',
            `label=com.docker.compose.project=${opts.project}`,
            // Not the containers of `compose run`: they are not the stack.
            '--filter',
            'label=com.docker.compose.oneoff=False',
            '--filter',
            'type=container',
            '--filter',
            'event=start',
            '--filter',
            'event=die',
            '--filter',
            'event=health_status',
            '--format',
            '{{json .}}',
        ], {
            env: opts.env,
            ...(opts.signal ? { signal: opts.signal } : {}),
            onLine: (line) => {
                const event = parseEvent(line);
                if (!event)
                    return;
                this.apply(event);
                opts.onEvent?.(event);
            },
        });
    }
    apply(e) {
        const c = this.byId.get(e.id) ?? {
            id: e.id,
            name: e.name,
            service: e.service,
            state: 'created',
            exitCode: 0,
            healthKnown: false,
        };
        if (e.action === 'start') {
            c.state = 'running';
            c.exitCode = 0;
        }
        else if (e.action === 'die') {
            c.state = 'exited';
            c.exitCode = e.exitCode;
        }
        else {
            c.health = e.health;
            c.healthKnown = true;
        }
        this.byId.set(e.id, c);
        this.wake();
    }
    wake() {
        for (const w of this.wakers)
            w();
    }
    /**
     * Merges a `docker ps` view. An event may have overtaken the snapshot in flight, so a snapshot never
     * takes back what an event already said (running \u2192 created, healthy \u2192 starting).
     */
    async snapshot() {
        const listed = await containers(this.opts, this.opts.signal);
        for (const c of listed) {
            const known = this.byId.get(c.id);
            // A created container has no health state yet: only a later snapshot or event says.
            const healthKnown = c.state !== 'created';
            if (!known) {
                this.byId.set(c.id, { ...c, healthKnown });
                continue;
            }
            if (c.state !== 'running' && c.state !== 'created') {
                known.state = c.state;
                known.exitCode = c.exitCode;
            }
            else if (known.state === 'created')
                known.state = c.state;
            if (c.health && known.health !== 'healthy' && known.health !== 'unhealthy')
                known.health = c.health;
            known.healthKnown ||= healthKnown && known.state !== 'created';
        }
        this.wake();
    }
    get containers() {
        return [...this.byId.values()].map(({ healthKnown: _, ...c }) => c);
    }
    /** Resolves once `readyFor(wanted)` holds; rejects with NotReady, the signal's reason, or at the deadline. */
    until(wanted, deadline, signal) {
        return new Promise((resolve, reject) => {
            let timer;
            const finish = (error) => {
                this.wakers.delete(check);
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
                if (error === undefined)
                    resolve();
                else
                    reject(error);
            };
            const onAbort = () => finish(signal?.reason ?? new Error('aborted'));
            const check = () => {
                try {
                    if (readyFor(this.byId.values(), wanted))
                        finish();
                }
                catch (error) {
                    finish(error);
                }
            };
            this.wakers.add(check);
            signal?.addEventListener('abort', onAbort, { once: true });
            timer = setTimeout(() => finish(new Error('deadline')), Math.max(0, deadline - performance.now()));
            if (signal?.aborted)
                onAbort();
            else
                check();
        });
    }
    async stop() {
        await this.stream.stop();
    }
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./lib/src/stack/ready.js
// The proxy's first accepted connection. `up --wait` only knows the container runs; nginx answers once it
// has loaded its config and opened its sockets. docker-proxy accepts on the host port even before that
// and then closes, so "answered" means a TLS handshake or an HTTP status line, not a TCP accept.


/** One attempt: resolves when nginx answers on the port, rejects when the connection ends without it. */
function answers(host, port, timeoutMs, signal) {
    return new Promise((resolve, reject) => {
        const done = (error) => {
            socket.destroy();
            signal?.removeEventListener('abort', onAbort);
            if (error)
                reject(error);
            else
                resolve();
        };
        const onAbort = () => done(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        const useTls = port.target === 443 || port.published === 443;
        const socket = useTls
            ? external_node_tls_.connect({ host, port: port.published, rejectUnauthorized: false, servername: 'localhost' }, () => done())
            : external_node_net_.connect({ host, port: port.published }, () => socket.write('HEAD / HTTP/1.0\r\n\r\n'));
        if (!useTls)
            socket.once('data', () => done());
        socket.setTimeout(timeoutMs, () => done(new Error('no answer')));
        socket.once('error', (e) => done(e));
        socket.once('end', () => done(new Error('closed without an answer')));
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * Retries each failed attempt at once, backing off from 20 ms to 250 ms so that a proxy still loading
 * does not spin the CPU; stops on the first answer, the deadline, or the signal (the proxy died).
 */
async function waitForProxy(opts) {
    const host = opts.host ?? '127.0.0.1';
    const deadline = performance.now() + opts.deadlineMs;
    await Promise.all(opts.ports.map(async (port) => {
        let backoff = 20;
        let last;
        while (performance.now() < deadline) {
            if (opts.signal?.aborted)
                throw opts.signal.reason ?? new Error('aborted');
            try {
                await answers(host, port, Math.min(5000, Math.max(100, deadline - performance.now())), opts.signal);
                return;
            }
            catch (error) {
                last = error;
                if (opts.signal?.aborted)
                    throw opts.signal.reason ?? error;
            }
            await new Promise((r) => {
                const timer = setTimeout(r, backoff);
                opts.signal?.addEventListener('abort', () => {
                    clearTimeout(timer);
                    r();
                }, { once: true });
            });
            backoff = Math.min(250, backoff * 2);
        }
        throw new Error(`port ${port.published}: ${last instanceof Error ? last.message : 'no answer'}`);
    }));
}

;// CONCATENATED MODULE: ./lib/src/stack/waves.js
const waits = (d) => d.condition === 'service_healthy' || d.condition === 'service_completed_successfully';
/**
 * Active services in waves: a service is in the wave after every dependency it must wait for, and in the
 * same wave as those it only needs started (compose orders those itself inside one call). Dependencies on
 * inactive or unknown services are compose's own error (the compose-reference rule reports them), and a
 * cycle is compose's error too; both leave the services in the first wave, so compose is the one to say so.
 */
function startWaves(services) {
    const active = new Map(services.filter((s) => s.active).map((s) => [s.name, s]));
    const level = new Map();
    const visiting = new Set();
    const levelOf = (name) => {
        const known = level.get(name);
        if (known !== undefined)
            return known;
        const s = active.get(name);
        if (!s || visiting.has(name))
            return 0;
        visiting.add(name);
        let l = 0;
        for (const d of s.dependsOn) {
            if (!active.has(d.service))
                continue;
            l = Math.max(l, levelOf(d.service) + (waits(d) ? 1 : 0));
        }
        visiting.delete(name);
        level.set(name, l);
        return l;
    };
    for (const name of active.keys())
        levelOf(name);
    // Dependencies before their dependants, so that a wave can be started in this order.
    const order = [];
    const placed = new Set();
    const place = (name) => {
        if (placed.has(name) || !active.has(name))
            return;
        placed.add(name);
        for (const d of active.get(name).dependsOn)
            place(d.service);
        order.push(name);
    };
    for (const name of active.keys())
        place(name);
    const count = Math.max(-1, ...level.values()) + 1;
    return Array.from({ length: count }, (_, i) => {
        const members = order.filter((n) => level.get(n) === i);
        const gates = new Map();
        for (const n of members)
            for (const d of active.get(n).dependsOn)
                if (waits(d) && active.has(d.service) && (level.get(d.service) ?? 0) < i)
                    gates.set(`${d.service}\0${d.condition}`, { service: d.service, condition: d.condition });
        return { services: members, gates: [...gates.values()] };
    });
}
/**
 * The services of every wave after the first, when they may be created by compose ahead of time and
 * started by the engine (`docker start`), which is all compose's start does for a created container;
 * undefined when there is no later wave or one has `post_start` hooks, which only compose runs.
 */
function engineStartable(waves, services) {
    const later = waves.slice(1).flatMap((w) => w.services);
    const hooked = new Set(services.filter((s) => s.postStart).map((s) => s.name));
    return later.length > 0 && !later.some((n) => hooked.has(n)) ? later : undefined;
}

;// CONCATENATED MODULE: ./lib/src/stack/start.js
// Starting the stack and waiting until it is ready: the waves of waves.ts, started by compose (and, for
// later waves, by the engine), readiness from the engine's events (readiness.ts) and the proxy's first
// answer (ready.ts). What `up` does after validation, certificates, ports and images.






function describeEvent(e) {
    if (e.action === 'die')
        return `${e.service} die (exit ${e.exitCode})`;
    if (e.action === 'health')
        return `${e.service} health_status: ${e.health}`;
    return `${e.service} start`;
}
/** The last log lines of failed services, nginx's [emerg]/[alert] lines first: the one line that says why. */
async function logTail(t, services) {
    if (services.length === 0)
        return [];
    const logs = await compose(t, ['logs', '--no-color', '--tail', '20', ...services], {
        timeoutMs: 20_000,
    }).catch(() => undefined);
    if (!logs)
        return [];
    const lines = `${logs.stdout}\n${logs.stderr}`
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const emerg = lines.filter((l) => /\[(emerg|alert|crit)\]/.test(l));
    return (emerg.length ? emerg : lines.slice(-5)).map((l) => `log: ${l}`);
}
class StackStart {
    t;
    view;
    ports;
    opts;
    /** What the engine said while the stack started, for the report and a failure's detail. */
    events = [];
    died = new AbortController();
    watch;
    /** The later waves' containers being created beside the first wave's wait. */
    created;
    /** Starts watching the engine's events at once: before the first container exists. */
    constructor(t, view, ports, opts) {
        this.t = t;
        this.view = view;
        this.ports = ports;
        this.opts = opts;
        this.watch = new ContainerWatch({
            project: t.project,
            env: opts.env,
            ...(opts.signal ? { signal: opts.signal } : {}),
            onEvent: (e) => {
                this.events.push(describeEvent(e));
                if (e.action === 'die' && e.service === view.proxy?.name)
                    this.died.abort(new Error(`${e.service} exited`));
            },
        });
    }
    /** Starts every wave and resolves when the stack is ready and the proxy answers; throws StackError. */
    async run() {
        const { t, view, ports, opts, watch } = this;
        const project = t.project;
        const deadline = performance.now() + opts.timeoutSeconds * 1000;
        const waves = startWaves(view.compose.services);
        // What `--wait` would wait for: every service running (healthy where it has a healthcheck); a
        // `service_completed_successfully` dependency exited 0 instead.
        const finalNeeds = new Map(waves.flatMap((w) => w.services).map((name) => [name, 'running']));
        for (const w of waves)
            for (const g of w.gates)
                if (g.condition === 'service_completed_successfully')
                    finalNeeds.set(g.service, g.condition);
        const failed = async (kind, message) => {
            const states = watch.containers;
            const detail = states
                .filter((c) => c.state !== 'running' || (c.health && c.health !== 'healthy'))
                .map((c) => `${c.service}: ${c.state}${c.health ? `, ${c.health}` : ''}${c.state === 'exited' ? ` (exit ${c.exitCode})` : ''}`);
            const bad = [
                ...new Set(states
                    .filter((c) => (c.state !== 'running' && finalNeeds.get(c.service) !== 'service_completed_successfully') ||
                    c.health === 'unhealthy')
                    .map((c) => c.service)),
            ];
            throw new StackError(kind, message, [
                ...detail,
                ...(await logTail(t, bad)),
                ...this.events.map((e) => `event: ${e}`),
            ]);
        };
        const waitFor = async (needs, what) => {
            try {
                await watch.until(needs, deadline, opts.signal);
            }
            catch (error) {
                if (opts.signal?.aborted)
                    throw new StackError('canceled', 'up was interrupted; the run is being cleaned up');
                if (error instanceof NotReady)
                    return failed(error.kind, error.message);
                return failed('timeout', `${what} within --timeout ${opts.timeoutSeconds} s`);
            }
        };
        const engineFailure = async (error) => {
            if (opts.signal?.aborted)
                throw new StackError('canceled', 'up was interrupted; the run is being cleaned up');
            const stderr = error instanceof exec/* ExecError */.cI ? error.stderr : String(error);
            if (COMPOSE_MISSING.test(stderr))
                throw new StackError('compose-missing', (await composeV2Problem()) ?? stderr.trim());
            const why = error instanceof exec/* ExecError */.cI && error.failure === 'timeout'
                ? {
                    kind: 'timeout',
                    message: `the stack was not ready within --timeout ${opts.timeoutSeconds} s`,
                }
                : explainUp(stderr, opts.env);
            await watch.snapshot().catch(() => { });
            return failed(why.kind, why.message);
        };
        const bound = () => ({
            timeoutMs: Math.ceil(Math.max(1000, deadline - performance.now())) + 5000,
            ...(opts.signal ? { signal: opts.signal } : {}),
        });
        // Later waves are created by compose while the first waits (`up --no-start`), and started by the
        // engine once their gate opens: no second compose start-up on the critical path (see waves.ts).
        const later = engineStartable(waves, view.compose.services);
        let snapshot = Promise.resolve();
        for (const [i, wave] of waves.entries()) {
            if (wave.gates.length > 0) {
                opts.log(`up: waiting for ${wave.gates.map((g) => `${g.service} ${g.condition === 'service_healthy' ? 'healthy' : 'completed'}`).join(', ')} (engine events)`);
                await waitFor(new Map(wave.gates.map((g) => [g.service, g.condition])), `${wave.gates.map((g) => g.service).join(', ')} did not become ${wave.gates.some((g) => g.condition === 'service_healthy') ? 'healthy' : 'ready'}`);
            }
            if (i > 0 && this.created) {
                await this.created;
                const members = wave.services.flatMap((name) => watch.containers.filter((c) => c.service === name));
                if (members.length === 0)
                    return failed('start', `compose created no container for ${wave.services.join(', ')}`);
                opts.log(`up: docker start ${members.map((c) => c.name).join(' ')}`);
                await (0,exec/* exec */.m0)('docker', ['start', ...members.map((c) => c.id)], { env: opts.env, ...bound() }).catch(engineFailure);
            }
            else {
                // One wave: compose's own `up -d`. Several: each wave alone, its dependencies already met.
                const args = waves.length === 1 ? ['up', '-d'] : ['up', '-d', '--no-deps', ...wave.services];
                opts.log(`up: docker compose -p ${project} ${args.join(' ')}`);
                await compose(t, args, { ...bound(), onLine: (line) => opts.log(`  ${line}`) }).catch(engineFailure);
            }
            if (i === 0 && later) {
                opts.log(`up: docker compose -p ${project} up --no-start --no-deps ${later.join(' ')}`);
                this.created = compose(t, ['up', '--no-start', '--no-deps', ...later], {
                    ...bound(),
                    onLine: (line) => opts.log(`  ${line}`),
                }).then(() => watch.snapshot(), engineFailure);
                this.created.catch(() => { });
            }
            // Containers that were already running emit no event; the snapshot says where they are (and whether
            // a started container has a healthcheck). The last one runs beside the proxy's first answer.
            snapshot = watch.snapshot();
            if (i < waves.length - 1)
                await snapshot;
        }
        const proxyAnswers = view.proxy
            ? waitForProxy({
                ports: ports.filter((p) => p.service === view.proxy.name && p.protocol === 'tcp'),
                deadlineMs: Math.max(0, deadline - performance.now()),
                signal: opts.signal ? AbortSignal.any([opts.signal, this.died.signal]) : this.died.signal,
            }).catch(async (error) => {
                if (opts.signal?.aborted)
                    throw new StackError('canceled', 'up was interrupted; the run is being cleaned up');
                const proxy = watch.containers.find((c) => c.service === view.proxy.name);
                if (proxy && proxy.state !== 'running')
                    return failed('start', `the proxy "${view.proxy.name}" ${proxy.state} (exit ${proxy.exitCode}) after start`);
                return failed('timeout', `the proxy "${view.proxy.name}" accepted no connection within ${opts.timeoutSeconds} s: ${(0,errors/* errorMessage */.gJ)(error)}`);
            })
            : Promise.resolve();
        proxyAnswers.catch(() => { });
        await Promise.all([snapshot, waitFor(finalNeeds, 'the stack was not ready'), proxyAnswers]);
    }
    async stop() {
        // A creation still running would race the caller's `down` and leave containers behind.
        await this.created?.catch(() => { });
        await this.watch.stop();
    }
}

;// CONCATENATED MODULE: ./lib/src/stack/up.js
// `up`: validate \u2192 certificates \u2192 free ports \u2192 images \u2192 start and wait until ready (start.ts: waves of
// `docker compose up`, readiness from the engine's events, the proxy's first answer).












const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
function uniqueProjectName(base) {
    const slug = base
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^[-_]+/, '')
        .slice(0, 40) || 'stack';
    return `${slug}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
}
async function loadAndValidate(opts) {
    return (0,validate/* validate */.t)({
        cwd: opts.cwd,
        files: opts.files,
        nginxFiles: [],
        profiles: opts.profiles,
        envFiles: opts.envFiles,
        env: opts.env,
        ...(opts.inputNames ? { inputNames: opts.inputNames } : {}),
    });
}
function publishedPorts(view) {
    return view.compose.services
        .filter((s) => s.active)
        .flatMap((s) => s.ports
        .filter((p) => p.published !== undefined)
        .map((p) => ({
        service: s.name,
        target: p.target,
        published: p.published,
        ...(p.hostIp ? { hostIp: p.hostIp } : {}),
        protocol: p.protocol,
    })));
}
/** Images that are neither local nor pullable stop here, one line each, before any container exists. */
async function ensureImages(t, view, opts) {
    const wanted = view.compose.services.filter((s) => s.active && s.image && !s.build);
    const present = await Promise.all(wanted.map(async (s) => (await (0,exec/* exec */.m0)('docker', ['image', 'inspect', '--format', '{{.Id}}', s.image.value], {
        reject: false,
        timeoutMs: 20_000,
    })).exitCode === 0));
    for (const [i, s] of wanted.entries()) {
        const image = s.image.value;
        if (present[i])
            continue;
        opts.log(`up: image ${image} (service ${s.name}) is not present locally; pulling it`);
        try {
            await compose(t, ['pull', '--quiet', s.name], {
                timeoutMs: opts.timeoutSeconds * 1000,
                ...(opts.signal ? { signal: opts.signal } : {}),
            });
        }
        catch (error) {
            const stderr = error instanceof exec/* ExecError */.cI ? error.stderr : String(error);
            if (COMPOSE_MISSING.test(stderr))
                throw new StackError('compose-missing', (await composeV2Problem()) ?? stderr.trim());
            const why = explainUp(stderr, opts.env);
            const last = stderr.trim().split('\n').filter(Boolean).pop() ?? 'pull failed';
            throw new StackError(why.kind === 'engine' ? 'engine' : 'pull', why.kind === 'engine'
                ? why.message
                : `image ${image} (service ${s.name}) is not present locally and could not be pulled: ${last.replace(/^Error response from daemon: /, '')}`, stderr.trim().split('\n').slice(-5));
        }
    }
}
async function up(opts) {
    const started = performance.now();
    if (opts.projectName !== undefined && !PROJECT_NAME.test(opts.projectName))
        throw new errors/* UsageError */.eb(`--project-name "${opts.projectName}": use lowercase letters, digits, '-' and '_', starting with a letter or digit`);
    // The engine check (the compose plugin alone takes ~0.3 s to start) runs beside validation.
    const engine = requireEngine(opts.env, opts.signal);
    engine.catch(() => { });
    const loaded = loadAndValidate(opts);
    loaded.catch(() => { });
    // The input's own errors (exit 2) come before the engine's.
    let { findings, view } = await loaded;
    await engine;
    const certs = await ensureCertificates(view, opts.tls, opts.signal);
    for (const c of certs.filter((x) => x.action === 'generated'))
        opts.log(`up: generated a self-signed certificate ${external_node_path_.relative(opts.cwd, c.pair.certHost)} (key ${external_node_path_.relative(opts.cwd, c.pair.keyHost)})`);
    // The certificates now exist, so the findings about them are gone: validate what will really start.
    if (certs.some((c) => c.action === 'generated'))
        ({ findings, view } = await loadAndValidate(opts));
    const counts = (0,summary/* summarize */.eh)(findings);
    if (opts.validate && counts.errors > 0) {
        throw new StackError('validate', `validate found ${counts.errors} error(s); nothing was started (fix them, or pass --no-validate to start anyway)`, (0,report_text/* renderText */.S)(findings.filter((f) => f.severity === 'error'), opts.cwd)
            .trimEnd()
            .split('\n'));
    }
    const project = opts.projectName ?? uniqueProjectName(view.compose.projectName);
    const ports = publishedPorts(view);
    const imageEnv = Object.fromEntries(Object.entries(opts.env).filter(([k, v]) => /_IMAGE$/.test(k) && typeof v === 'string'));
    const state = {
        version: 1,
        project,
        cwd: opts.cwd,
        files: opts.files,
        profiles: opts.profiles,
        envFiles: opts.envFiles,
        ...(view.proxy ? { proxy: view.proxy.name } : {}),
        ports,
        generated: certs
            .filter((c) => c.action === 'generated')
            .flatMap((c) => [external_node_path_.relative(opts.cwd, c.pair.certHost), external_node_path_.relative(opts.cwd, c.pair.keyHost)]),
        startedAt: new Date().toISOString(),
        imageEnv,
    };
    const t = {
        cwd: opts.cwd,
        files: opts.files,
        profiles: opts.profiles,
        envFiles: opts.envFiles,
        project,
        env: opts.env,
    };
    const starter = new StackStart(t, view, ports, opts);
    try {
        const conflicts = await findPortConflicts(ports.map((p) => ({
            service: p.service,
            port: p.published,
            protocol: p.protocol,
            ...(p.hostIp ? { hostIp: p.hostIp } : {}),
        })), opts.signal);
        if (conflicts.length > 0) {
            throw new StackError('port-taken', conflicts
                .map((c) => `host port ${c.port} (service ${c.service}) is already taken by ${c.holder}`)
                .join('; '));
        }
        await ensureImages(t, view, opts);
        writeState(state);
        opts.onState?.(state);
        await starter.run();
    }
    finally {
        await starter.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    opts.log(`up: ${project} is up in ${seconds.toFixed(1)} s`);
    return {
        ok: true,
        seconds,
        state,
        validate: { ...counts, skipped: !opts.validate },
        findings,
        certs,
        view,
        events: starter.events,
    };
}

;// CONCATENATED MODULE: ./lib/src/stack/run.js
// `run`: validate \u2192 up \u2192 verify \u2192 speed test \u2192 down, with down always (failure, SIGINT/SIGTERM included).







/** The speed-test target: the first HTTPS proxied location (else HTTP), trusted by the configured certificate. */
function speedtestTarget(view, signal) {
    const eps = (0,endpoints/* endpoints */.vZ)(view).filter((e) => e.kind === 'proxied' && e.publishedPort !== undefined);
    const ep = eps.find((e) => e.scheme === 'https') ?? eps[0];
    if (!ep)
        return undefined;
    let ca;
    try {
        if (ep.tls?.certHost)
            ca = (0,external_node_fs_.readFileSync)(ep.tls.certHost, 'utf8');
    }
    catch {
        ca = undefined;
    }
    return {
        url: `${ep.scheme}://127.0.0.1:${ep.publishedPort}${ep.path.endsWith('/') ? ep.path : `${ep.path}/`}`,
        headers: { Host: ep.host },
        ...(ep.scheme === 'https' ? { servername: ep.host, ...(ca ? { ca } : { insecure: true }) } : {}),
        ...(signal ? { signal } : {}),
    };
}
function failureOf(phase, error) {
    if (error instanceof StackError)
        return {
            phase: error.kind === 'validate' ? 'validate' : phase,
            kind: error.kind,
            message: error.message,
            detail: error.detail,
        };
    return { phase, kind: (0,errors/* isUserError */.iU)(error) ? 'input' : 'error', message: (0,errors/* errorMessage */.gJ)(error), detail: [] };
}
async function run(opts) {
    const report = {
        ok: false,
        validate: { errors: 0, warnings: 0, notes: 0, skipped: !opts.validate },
        up: { ok: false, seconds: 0 },
    };
    let state;
    let phase = 'up';
    let userError;
    try {
        const u = await up({
            ...opts,
            onState: (s) => {
                state = s;
                opts.onState?.(s);
            },
        });
        report.project = u.state.project;
        report.validate = u.validate;
        report.up = { ok: true, seconds: u.seconds };
        if (opts.verify) {
            phase = 'verify';
            const v = await verify({
                state: u.state,
                view: u.view,
                env: opts.env,
                log: opts.log,
                ...(opts.expectStatus !== undefined ? { expectStatus: opts.expectStatus } : {}),
                ...(opts.expectBody !== undefined ? { expectBody: opts.expectBody } : {}),
                ...(opts.signal ? { signal: opts.signal } : {}),
            });
            report.verify = { ok: v.ok, seconds: v.seconds, probes: v.probes, exposure: v.exposure, tls: v.tls };
            opts.log(`verify: ${v.ok ? 'ok' : 'FAILED'} (${v.probes.length} probe(s)) in ${v.seconds.toFixed(2)} s`);
            if (!v.ok) {
                const bad = v.probes.filter((p) => !p.ok);
                throw new StackError(bad[0]?.failure?.class ?? (v.exposure.ok ? 'tls' : 'exposure'), bad.length
                    ? `${bad.length} of ${v.probes.length} probe(s) failed; first: ${bad[0].url}: ${bad[0].failure?.message}`
                    : v.exposure.ok
                        ? 'the TLS check failed'
                        : `exposure: ${v.exposure.problems.join('; ')}`, bad.flatMap((p) => [
                    `${p.url}: ${p.failure?.message}`,
                    ...(p.failure?.nginxLog ?? []).map((l) => `  nginx: ${l}`),
                ]));
            }
        }
        phase = 'speedtest';
        if (opts.signal?.aborted)
            throw new StackError('canceled', 'interrupted; the run is being cleaned up');
        if (!opts.speedtest) {
            report.speedtest = { skipped: 'no speed test requested' };
        }
        else {
            const target = speedtestTarget(u.view, opts.signal);
            if (!target)
                report.speedtest = { skipped: 'no published proxied location to test through' };
            else {
                opts.log(`speedtest: ${target.url} (Host ${target.headers?.Host})`);
                report.speedtest = await opts.speedtest({
                    ...target,
                    ...(opts.speedtestSeconds !== undefined ? { durationSeconds: opts.speedtestSeconds } : {}),
                });
            }
        }
        report.ok = true;
    }
    catch (error) {
        if ((0,errors/* isUserError */.iU)(error) && state === undefined)
            userError = error;
        report.failure = failureOf(opts.signal?.aborted ? phase : phase, error);
        if (opts.signal?.aborted && report.failure.kind !== 'canceled') {
            report.failure.kind = 'canceled';
            report.failure.message = `interrupted during ${phase}; the run was cleaned up (${report.failure.message})`;
        }
        opts.log(`${report.failure.phase}: ${report.failure.message}`);
        for (const d of report.failure.detail)
            opts.log(`  ${d}`);
    }
    finally {
        const s = state;
        if (s && (!report.ok || !opts.keepRunning)) {
            const d = await down(s, {
                env: opts.env,
                log: opts.log,
                ...(opts.logsDir ? { logsDir: opts.logsDir } : {}),
                ...(report.ok || !s.proxy ? {} : { alsoLogs: [s.proxy] }),
            });
            report.down = {
                ok: d.ok,
                ...(d.logsFile ? { logsFile: d.logsFile } : {}),
                ...(d.message ? { message: d.message } : {}),
            };
            // A failed teardown after a green run is a warning: the checks passed.
            if (!d.ok && report.ok)
                opts.log(`warning: ${d.message}`);
        }
        else if (s) {
            report.state = s;
        }
    }
    // A usage/input error before anything started stays a usage error (exit 2).
    if (userError)
        throw userError;
    return report;
}

// EXTERNAL MODULE: ./lib/src/speedtest/index.js + 5 modules
var speedtest = __webpack_require__(6964);
;// CONCATENATED MODULE: ./lib/src/stack/speedtest-port.js
// The speed-test phase as `run` sees it: the LibreSpeed client's own signature, injectable so that the
// orchestration can be tested on its own.

/** The client `run` and the stack action use when the caller injects none. */
const defaultSpeedtest = speedtest/* runSpeedtest */.fd;

// EXTERNAL MODULE: ./lib/src/compose/loader.js + 12 modules
var loader = __webpack_require__(8713);
// EXTERNAL MODULE: ./lib/src/project/build.js + 9 modules
var build = __webpack_require__(3788);
;// CONCATENATED MODULE: ./lib/src/stack/view.js
// The project view of a run, without the rules: `verify` asks the view and judges nothing, so it skips
// the ~0.2 s that validate's rules cost on a cold process.


async function viewOfRun(state, env) {
    const compose = await (0,loader/* loadCompose */.fK)({
        cwd: state.cwd,
        files: state.files,
        envFiles: state.envFiles,
        profiles: state.profiles,
        env: { ...env, ...state.imageEnv },
    });
    return (0,build/* buildProjectView */.RC)({
        cwd: state.cwd,
        compose,
        nginxFiles: [],
        ...(state.proxy ? { proxyService: state.proxy } : {}),
    });
}

// EXTERNAL MODULE: ./lib/src/cli/args.js
var args = __webpack_require__(6294);
;// CONCATENATED MODULE: ./lib/src/cli/commands/stack.js
// `up`, `verify`, `down`, `run`: the live stack from the CLI (the core is src/stack and src/verify).











const COMMON = `  -C, --cwd DIR           the compose project directory (default: .)
  --compose FILE          compose file (repeatable; default: compose's own discovery)
  --profile NAME          enable a compose profile (repeatable)
  --env-file FILE         interpolation variables (default: .env)
  --project-name NAME     compose project name (default: <name>-<random>, unique per run)
  --timeout S             seconds for up, until every service is ready and the proxy answers (default 120)
  --json                  print the report as JSON on stdout
  -h, --help              show this help`;
const EXTRA = {
    up: `  --no-validate           start even when validate finds errors
  --tls MODE              auto | self-signed | provided (default auto: generate a self-signed pair
                          for certificate files nginx loads that the mounts map to missing files)`,
    verify: `  --expect-status N       every proxied location must answer N (default: any 2xx/3xx)
  --expect-body TEXT      every proxied answer's body must contain TEXT
  --no-speedtest          accepted for symmetry with run; verify never runs the speed test`,
    down: '  --logs-dir DIR          where the logs of failed services go (default: .stackgate/logs)',
    run: `  --no-validate           start even when validate finds errors
  --tls MODE              auto | self-signed | provided (default auto)
  --expect-status N       every proxied location must answer N (default: any 2xx/3xx)
  --expect-body TEXT      every proxied answer's body must contain TEXT
  --no-speedtest          skip the speed test
  --speedtest-duration S  seconds per direction for the speed test
  --report FILE           also write the JSON report to FILE
  --logs-dir DIR          where the logs of failed services go (default: .stackgate/logs)`,
};
const SUMMARY = {
    up: 'Validate, then start the stack (docker compose) and wait, on engine events, until it is ready and the proxy answers.',
    verify: 'Probe every server_name \u00d7 proxied location through nginx, check TLS, redirects and exposure.',
    down: "Collect the logs of failed services, then remove the run's containers, networks and volumes.",
    run: 'validate \u2192 up \u2192 verify \u2192 speed test \u2192 down, in one command (down always runs).',
};
function stackHelp(name) {
    return `Usage: stackgate ${name} [options]\n\n${SUMMARY[name]}\n\nOptions:\n${COMMON}\n${EXTRA[name]}\n\nExit codes: 0 success; 1 a check failed; 2 usage error or unreadable input.\n`;
}
function parse(name, argv, io) {
    const { values } = (0,args/* parseArgsOrUsage */.J)({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: {
            cwd: { type: 'string', short: 'C' },
            compose: { type: 'string', multiple: true, default: [] },
            profile: { type: 'string', multiple: true, default: [] },
            'env-file': { type: 'string', multiple: true, default: [] },
            'project-name': { type: 'string' },
            timeout: { type: 'string', default: '120' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
            ...(name === 'up' || name === 'run'
                ? { 'no-validate': { type: 'boolean', default: false }, tls: { type: 'string', default: 'auto' } }
                : {}),
            ...(name === 'verify' || name === 'run'
                ? {
                    'expect-status': { type: 'string' },
                    'expect-body': { type: 'string' },
                    'no-speedtest': { type: 'boolean', default: false },
                }
                : {}),
            ...(name === 'run' ? { 'speedtest-duration': { type: 'string' }, report: { type: 'string' } } : {}),
            ...(name === 'down' || name === 'run' ? { 'logs-dir': { type: 'string' } } : {}),
        },
    }, stackHelp(name));
    const v = values;
    const timeout = Number(v.timeout);
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 3600)
        throw new errors/* UsageError */.eb(`--timeout must be a whole number of seconds from 1 to 3600, not "${v.timeout}"`);
    const tls = (v.tls ?? 'auto');
    if (!tls_modes/* TLS_MODES */.F.includes(tls))
        throw new errors/* UsageError */.eb(`--tls must be one of ${tls_modes/* TLS_MODES */.F.join(', ')}, not "${v.tls}"`);
    let expectStatus;
    if (v['expect-status'] !== undefined) {
        expectStatus = Number(v['expect-status']);
        if (!Number.isInteger(expectStatus) || expectStatus < 100 || expectStatus > 599)
            throw new errors/* UsageError */.eb(`--expect-status must be an HTTP status from 100 to 599, not "${v['expect-status']}"`);
    }
    let speedtestSeconds;
    if (v['speedtest-duration'] !== undefined) {
        speedtestSeconds = Number(v['speedtest-duration']);
        if (!(speedtestSeconds > 0 && speedtestSeconds <= 120))
            throw new errors/* UsageError */.eb(`--speedtest-duration must be seconds from 1 to 120, not "${v['speedtest-duration']}"`);
    }
    const cwd = external_node_path_.resolve(io.cwd, v.cwd ?? '.');
    return {
        cwd,
        files: v.compose,
        profiles: v.profile,
        envFiles: v['env-file'],
        projectName: v['project-name'],
        timeoutSeconds: timeout,
        json: v.json === true,
        help: v.help === true,
        validate: v['no-validate'] !== true,
        tls,
        expectStatus,
        expectBody: v['expect-body'],
        speedtest: v['no-speedtest'] !== true,
        speedtestSeconds,
        report: v.report,
        logsDir: v['logs-dir'],
    };
}
/** SIGINT/SIGTERM abort the command's signal, so that its cleanup (down) runs before exit. */
function interruptible(fn, io) {
    const controller = new AbortController();
    // process.on, not once: execa's exit hook re-raises a signal that has no other listener left, which
    // would kill us before down runs. A second signal is ignored while the cleanup runs.
    const onSignal = (sig) => {
        if (controller.signal.aborted)
            return;
        io.stderr(`stackgate: ${sig} received: stopping and cleaning up\n`);
        controller.abort(new Error(`${sig} received`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return fn(controller.signal).finally(() => {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    });
}
function json(value) {
    return `${JSON.stringify(value, null, 2)}\n`;
}
function stackCommand(name, speedtest = defaultSpeedtest) {
    return async (argv, io) => {
        if (argv.includes('--help') || argv.includes('-h')) {
            io.stdout(stackHelp(name));
            return 0;
        }
        const o = parse(name, argv, io);
        const log = (line) => io.stderr(`${line}\n`);
        const base = {
            cwd: o.cwd,
            files: o.files,
            profiles: o.profiles,
            envFiles: o.envFiles,
            env: io.env,
            timeoutSeconds: o.timeoutSeconds,
            log,
            ...(o.projectName !== undefined ? { projectName: o.projectName } : {}),
        };
        if (name === 'down') {
            const state = readState(o.cwd, o.projectName);
            const result = await down(state, { env: io.env, log, ...(o.logsDir ? { logsDir: o.logsDir } : {}) });
            if (o.json)
                io.stdout(json({ down: result }));
            return result.ok ? 0 : 1;
        }
        if (name === 'verify') {
            const state = readState(o.cwd, o.projectName);
            const view = await viewOfRun(state, io.env);
            const result = await interruptible((signal) => verify({
                state,
                view,
                env: io.env,
                log,
                signal,
                ...(o.expectStatus !== undefined ? { expectStatus: o.expectStatus } : {}),
                ...(o.expectBody !== undefined ? { expectBody: o.expectBody } : {}),
            }), io);
            if (o.json)
                io.stdout(json({ verify: result }));
            else
                io.stdout(renderRunText({ ok: result.ok, verify: result }));
            return result.ok ? 0 : 1;
        }
        const upOptions = { ...base, validate: o.validate, tls: o.tls };
        if (name === 'up') {
            // up keeps what it started only when it succeeds; a failed up is torn down at once.
            const report = await interruptible((signal) => run({ ...upOptions, signal, verify: false, keepRunning: true }), io);
            if (o.json)
                io.stdout(json(report));
            else
                io.stdout(renderRunText(report));
            return report.ok ? 0 : 1;
        }
        const report = await interruptible((signal) => run({
            ...upOptions,
            signal,
            verify: true,
            ...(o.speedtest && speedtest ? { speedtest } : {}),
            ...(o.speedtestSeconds !== undefined ? { speedtestSeconds: o.speedtestSeconds } : {}),
            ...(o.expectStatus !== undefined ? { expectStatus: o.expectStatus } : {}),
            ...(o.expectBody !== undefined ? { expectBody: o.expectBody } : {}),
            ...(o.logsDir ? { logsDir: o.logsDir } : {}),
        }), io);
        if (o.speedtest && !speedtest)
            report.speedtest = { skipped: 'this build has no speed-test client' };
        if (o.report) {
            const { mkdirSync, writeFileSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3024, 19));
            const file = external_node_path_.resolve(io.cwd, o.report);
            mkdirSync(external_node_path_.dirname(file), { recursive: true });
            writeFileSync(file, json(summaryReport(report)));
        }
        if (o.json)
            io.stdout(json(report));
        else
            io.stdout(renderRunText(report));
        return report.ok ? 0 : 1;
    };
}
const upCommand = stackCommand('up');
const verifyCommand = stackCommand('verify');
const downCommand = stackCommand('down');
const runCommand = stackCommand('run');


/***/ }),

/***/ 1689:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cI: () => (/* binding */ ExecError),
/* harmony export */   m0: () => (/* binding */ exec),
/* harmony export */   ni: () => (/* binding */ start)
/* harmony export */ });
/* unused harmony exports redact, commandLine */
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2499);

/** A command that failed: which one, how, and what it said (redacted, tail only). */
class ExecError extends Error {
    command;
    failure;
    exitCode;
    stdout;
    stderr;
    name = 'ExecError';
    constructor(message, command, failure, exitCode, stdout, stderr) {
        super(message);
        this.command = command;
        this.failure = failure;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }
}
const DEFAULT_KEEP = 1024 * 1024;
function redact(text, secrets) {
    let out = text;
    for (const s of secrets ?? [])
        if (s.length >= 3)
            out = out.split(s).join('***');
    return out;
}
function quote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function commandLine(file, args, secrets) {
    return redact([file, ...args].map(quote).join(' '), secrets);
}
/** Keeps the last `limit` characters of a stream and cuts it into lines for onLine. */
class Tail {
    limit;
    emit;
    text = '';
    partial = '';
    constructor(limit, emit) {
        this.limit = limit;
        this.emit = emit;
    }
    push(chunk) {
        this.text += chunk;
        if (this.text.length > this.limit * 2)
            this.text = this.text.slice(-this.limit);
        if (!this.emit)
            return;
        const lines = (this.partial + chunk).split('\n');
        this.partial = lines.pop() ?? '';
        for (const l of lines)
            this.emit(l.replace(/\r$/, ''));
    }
    end() {
        if (this.emit && this.partial)
            this.emit(this.partial);
        this.partial = '';
        return this.text.length > this.limit ? this.text.slice(-this.limit) : this.text;
    }
}
async function exec(file, args, opts = {}) {
    const command = commandLine(file, args, opts.secrets);
    const keep = opts.keep ?? DEFAULT_KEEP;
    const emit = (stream) => opts.onLine ? (line) => opts.onLine?.(redact(line, opts.secrets), stream) : undefined;
    const out = new Tail(keep, opts.stdoutTo ? undefined : emit('stdout'));
    const err = new Tail(keep, emit('stderr'));
    const child = (0,execa__WEBPACK_IMPORTED_MODULE_0__/* .execa */ .Ho)(file, args, {
        ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
        env: opts.env ?? {},
        extendEnv: true,
        ...(opts.timeoutMs !== undefined ? { timeout: Math.max(1, Math.ceil(opts.timeoutMs)) } : {}),
        ...(opts.signal ? { cancelSignal: opts.signal } : {}),
        ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' }),
        forceKillAfterDelay: 5000,
        buffer: false,
        reject: false,
        stripFinalNewline: false,
    });
    if (opts.stdoutTo)
        child.stdout?.pipe(opts.stdoutTo, { end: false });
    else
        child.stdout?.setEncoding('utf8').on('data', (c) => out.push(c));
    child.stderr?.setEncoding('utf8').on('data', (c) => err.push(c));
    const result = await child;
    const stdout = redact(out.end(), opts.secrets);
    const stderr = redact(err.end(), opts.secrets);
    const exitCode = result.exitCode ?? -1;
    if (!result.failed)
        return { command, exitCode, stdout, stderr };
    const code = result.code;
    const failure = result.timedOut
        ? 'timeout'
        : result.isCanceled
            ? 'canceled'
            : code === 'ENOENT'
                ? 'not-found'
                : result.signal
                    ? 'signal'
                    : result.exitCode === undefined
                        ? 'spawn'
                        : 'exit';
    if (failure === 'exit' && opts.reject === false)
        return { command, exitCode, stdout, stderr };
    const last = stderr.trim().split('\n').pop() ?? '';
    const why = failure === 'timeout'
        ? `timed out after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`
        : failure === 'canceled'
            ? 'canceled'
            : failure === 'not-found'
                ? `"${file}" is not installed or not on PATH`
                : failure === 'signal'
                    ? `killed by ${result.signal}`
                    : failure === 'spawn'
                        ? redact(result.originalMessage ?? 'could not start', opts.secrets)
                        : `exit code ${exitCode}${last ? `: ${last}` : ''}`;
    throw new ExecError(`${command}: ${why}`, command, failure, failure === 'exit' ? exitCode : undefined, stdout, stderr);
}
/** A long-running command (e.g. `docker compose events --json`) whose lines are consumed as they come. */
function start(file, args, opts = {}) {
    const controller = new AbortController();
    const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
    const done = exec(file, args, { ...opts, signal, reject: false, keep: opts.keep ?? 64 * 1024 }).catch((e) => {
        if (e instanceof ExecError)
            return e;
        throw e;
    });
    return {
        done,
        async stop() {
            controller.abort();
            await done;
        },
    };
}


/***/ })

};
