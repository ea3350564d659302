export const id = 964;
export const ids = [964];
export const modules = {

/***/ 6964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ro: () => (/* binding */ DEFAULT_DURATION_SECONDS),
  AD: () => (/* binding */ DEFAULT_STREAMS),
  Ie: () => (/* reexport */ SpeedtestFailure),
  fd: () => (/* binding */ runSpeedtest)
});

// UNUSED EXPORTS: OVERHEAD_FACTOR, pingJitter

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
;// CONCATENATED MODULE: ./lib/src/speedtest/formulas.js
// The LibreSpeed JS client's arithmetic (speedtest_worker.js; REFERENCE.md \u00a75.2), kept pure so it can
// be tested on known samples.
/** speedtest_worker.js `overheadCompensationFactor`: TCP/IP framing on top of the HTTP payload. */
const OVERHEAD_FACTOR = 1.06;
/**
 * Ping and jitter from ping samples (ms), the warm-up sample already dropped: ping is the minimum;
 * jitter starts at the first |\u0394| and then moves 0.7 toward a larger |\u0394| and 0.2 toward a smaller one,
 * so spikes weigh more.
 */
function pingJitter(samples) {
    if (samples.length === 0)
        throw new RangeError('pingJitter needs at least one sample');
    let ping = samples[0];
    let jitter = 0;
    for (let i = 1; i < samples.length; i++) {
        const sample = samples[i];
        if (sample < ping)
            ping = sample;
        const inst = Math.abs(sample - samples[i - 1]);
        if (i === 1)
            jitter = inst;
        else
            jitter = inst > jitter ? jitter * 0.3 + inst * 0.7 : jitter * 0.8 + inst * 0.2;
    }
    return { pingMs: ping, jitterMs: jitter };
}
/** Megabits per second (10^6, `useMebibits` false) of payload bytes over seconds, before the overhead factor. */
function rawMbps(bytes, seconds) {
    return seconds > 0 ? (bytes * 8) / seconds / 1_000_000 : 0;
}
/** What the LibreSpeed UI shows: goodput times the overhead factor. */
function reportedMbps(raw) {
    return raw * OVERHEAD_FACTOR;
}
/** Rounds for output without turning small positive speeds into 0. */
function round(value, digits = 2) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./lib/src/speedtest/transport.js
// HTTP(S) for the speed test: one keep-alive agent per run, so ping samples reuse one connection and
// the transfer streams reuse theirs (a new TCP + TLS handshake per sample roughly doubles ping).




/** A measured check failed: unreachable backend, non-2xx answer, broken stream. Exit code 1. */
class SpeedtestFailure extends Error {
    name = 'SpeedtestFailure';
}
function createTransport(base, options) {
    const secure = base.protocol === 'https:';
    const common = {
        keepAlive: true,
        keepAliveMsecs: 1000,
        maxSockets: options.maxSockets,
        scheduling: 'lifo',
    };
    const agent = secure
        ? new external_node_https_.Agent({
            ...common,
            rejectUnauthorized: !options.insecure,
            ...(options.ca ? { ca: options.ca } : {}),
            ...(options.servername ? { servername: options.servername } : {}),
        })
        : new external_node_http_.Agent(common);
    const send = secure ? external_node_https_.request : external_node_http_.request;
    return {
        request(url, method, headers = {}) {
            return send(url, {
                method,
                agent,
                headers: { 'Accept-Encoding': 'identity', ...options.headers, ...headers },
                ...(secure && options.servername ? { servername: options.servername } : {}),
            });
        },
        close() {
            agent.destroy();
        },
    };
}
/** A cache-busting query, as the JS client adds `r=Math.random()`. */
function withQuery(url, params = {}) {
    const out = new URL(url);
    out.searchParams.set('r', (0,external_node_crypto_.randomBytes)(6).toString('hex'));
    for (const [k, v] of Object.entries(params))
        out.searchParams.set(k, v);
    return out;
}
/** Network error codes that mean "nothing answers there", as opposed to a broken exchange. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
function isUnreachable(error) {
    return UNREACHABLE.has(error?.code ?? '');
}
/** "connect ECONNREFUSED 127.0.0.1:1", TLS reasons kept as Node words them. */
function describeNetworkError(error) {
    const code = error?.code;
    const message = (0,errors/* errorMessage */.gJ)(error);
    return code && !message.includes(code) ? `${message} (${code})` : message;
}
/**
 * One request whose answer body is read and dropped (only its length is kept). Rejects on network
 * errors, on `timeoutMs` of silence and on abort.
 */
function exchange(transport, url, options) {
    return new Promise((resolve, reject) => {
        const req = transport.request(url, options.method ?? 'GET');
        const onAbort = () => req.destroy(options.signal?.reason);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const done = () => options.signal?.removeEventListener('abort', onAbort);
        req.setTimeout(options.timeoutMs, () => req.destroy(new SpeedtestFailure(`no answer from ${url.origin}${url.pathname} within ${options.timeoutMs} ms`)));
        req.once('error', (error) => {
            done();
            reject(error);
        });
        req.once('response', (res) => {
            let bodyBytes = 0;
            res.on('data', (chunk) => {
                bodyBytes += chunk.length;
            });
            res.once('end', () => {
                done();
                resolve({ status: res.statusCode ?? 0, bodyBytes });
            });
            res.once('error', (error) => {
                done();
                reject(error);
            });
        });
        req.end();
    });
}

;// CONCATENATED MODULE: ./lib/src/speedtest/layout.js
// Where the backend's three endpoints are. Real deployments use two layouts: the official image's PHP
// files (`/backend/empty.php` in standalone mode, `/empty.php` in backend mode) and speedtest-go's
// extensionless paths (`/empty`, also under `/backend/`). An endpoint counts as found when `empty`
// answers 2xx with an empty body, so a catch-all page (an SPA's index.html on every path) is not
// mistaken for it.

function endpointsAt(directory, layout) {
    const ext = layout === 'php' ? '.php' : '';
    return {
        layout,
        garbage: new URL(`garbage${ext}`, directory),
        empty: new URL(`empty${ext}`, directory),
        getIP: new URL(`getIP${ext}`, directory),
    };
}
/** The base as a directory URL (trailing slash), query and fragment dropped. */
function baseDirectory(base) {
    const out = new URL(base);
    out.search = '';
    out.hash = '';
    if (!out.pathname.endsWith('/'))
        out.pathname += '/';
    return out;
}
/** The candidates in probe order: under `backend/` first unless the base already is that folder. */
function candidates(base) {
    const dir = baseDirectory(base);
    const backend = new URL('backend/', dir);
    if (dir.pathname.endsWith('/backend/'))
        return [endpointsAt(dir, 'php'), endpointsAt(dir, 'go')];
    return [
        endpointsAt(backend, 'php'),
        endpointsAt(dir, 'php'),
        endpointsAt(dir, 'go'),
        endpointsAt(backend, 'go'),
    ];
}
async function detectLayout(transport, base, options) {
    const tried = [];
    for (const candidate of candidates(base)) {
        const url = candidate.empty;
        let answer;
        try {
            answer = await exchange(transport, withQuery(url), options);
        }
        catch (error) {
            if (options.signal?.aborted)
                throw error;
            const why = describeNetworkError(error);
            // Nothing listens there: every other candidate is on the same host and port.
            if (isUnreachable(error))
                throw new SpeedtestFailure(`cannot reach ${base.origin}: ${why}`);
            if (error instanceof SpeedtestFailure)
                throw error;
            throw new SpeedtestFailure(`${url.href}: ${why}`);
        }
        if (answer.status >= 200 && answer.status < 300 && answer.bodyBytes === 0)
            return candidate;
        tried.push(`${url.pathname} (${answer.status}${answer.status < 300 ? `, ${answer.bodyBytes}-byte body` : ''})`);
    }
    throw new SpeedtestFailure(`no LibreSpeed backend at ${base.href}: tried ${tried.join(', ')}; give the URL of the folder that holds empty.php (official image) or empty (speedtest-go)`);
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./lib/src/speedtest/raw-download.js
// The download streams' HTTP/1.1 client. node:http allocates a fresh buffer for every socket read;
// at loopback rates (5+ Gbit/s) that garbage alone pushed the client past 200 MB RSS while V8 caught
// up. Here each connection reads into one reused 64 KiB buffer (net/tls `onread`), and the body is
// only counted, so memory stays flat however many gigabytes move. Keep-alive, Content-Length,
// chunked and read-until-close bodies are handled; the headers are parsed just enough for that.



const READ_BUFFER_BYTES = 64 * 1024;
const MAX_HEAD_BYTES = 64 * 1024;
/** One keep-alive connection that runs GETs one after another and counts their body bytes. */
class RawConnection {
    origin;
    options;
    socket;
    pending;
    buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    constructor(origin, options) {
        this.origin = origin;
        this.options = options;
    }
    /** GETs `url` (same origin) and calls `onBytes` for every body byte range as it arrives. */
    get(url, onBytes) {
        return new Promise((resolve, reject) => {
            const socket = this.socket && !this.socket.destroyed ? this.socket : this.connect();
            const pending = {
                url,
                onBytes,
                resolve: () => resolve(pending.status),
                reject,
                head: '',
                status: 0,
                keepAlive: true,
            };
            this.pending = pending;
            // Header names are case-insensitive: a caller's `host` replaces our Host rather than doubling it.
            const headers = new Map();
            const defaults = { Host: this.origin.host, 'Accept-Encoding': 'identity', Connection: 'keep-alive' };
            for (const [k, v] of Object.entries({ ...defaults, ...this.options.headers })) {
                headers.set(k.toLowerCase(), [k, v]);
            }
            const lines = [...headers.values()].map(([k, v]) => `${k}: ${v}\r\n`);
            socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\n${lines.join('')}\r\n`, 'latin1');
        });
    }
    destroy(error) {
        this.socket?.destroy(error);
    }
    connect() {
        const port = Number(this.origin.port) || (this.origin.protocol === 'https:' ? 443 : 80);
        const host = this.origin.hostname.replace(/^\[|\]$/g, '');
        // Returning true keeps reading; the buffer is handed back to us on every read.
        const onread = {
            buffer: this.buffer,
            callback: (n, buf) => {
                this.onData(n, buf);
                return true;
            },
        };
        let socket;
        if (this.origin.protocol === 'https:') {
            const servername = this.options.servername ?? (external_node_net_.isIP(host) ? undefined : host);
            socket = external_node_tls_.connect({
                host,
                port,
                onread,
                ALPNProtocols: ['http/1.1'],
                rejectUnauthorized: !this.options.insecure,
                ...(servername ? { servername } : {}),
                ...(this.options.ca ? { ca: this.options.ca } : {}),
            });
        }
        else {
            socket = external_node_net_.connect({ host, port, onread });
        }
        socket.setNoDelay(true);
        socket.setTimeout(this.options.timeoutMs, () => socket.destroy(new SpeedtestFailure(`download: no data from ${this.origin.origin} for ${this.options.timeoutMs} ms`)));
        socket.once('error', (error) => this.fail(error));
        socket.once('close', () => {
            const p = this.pending;
            if (!p)
                return;
            if (p.body?.kind === 'close')
                this.finish();
            else
                this.fail(new Error(`${this.origin.origin} closed the connection mid-response`));
        });
        this.socket = socket;
        return socket;
    }
    fail(error) {
        const p = this.pending;
        this.pending = undefined;
        this.socket?.destroy();
        p?.reject(error);
    }
    finish() {
        const p = this.pending;
        this.pending = undefined;
        if (p && !p.keepAlive)
            this.socket?.destroy();
        p?.resolve();
    }
    onData(n, buf) {
        let offset = 0;
        while (offset < n) {
            const p = this.pending;
            if (!p) {
                this.fail(new Error(`${this.origin.origin} sent bytes after the response`));
                return;
            }
            if (!p.body) {
                offset = this.readHead(p, buf, offset, n);
                continue;
            }
            offset = this.readBody(p, p.body, buf, offset, n);
        }
    }
    /** Accumulates the head (latin1) and, once complete, picks the body mode. */
    readHead(p, buf, offset, n) {
        const before = p.head.length;
        p.head += Buffer.from(buf.buffer, buf.byteOffset + offset, n - offset).toString('latin1');
        const end = p.head.indexOf('\r\n\r\n');
        if (end < 0) {
            if (p.head.length > MAX_HEAD_BYTES)
                this.fail(new Error('response head too large'));
            return n;
        }
        const consumed = end + 4 - before;
        const [statusLine = '', ...headerLines] = p.head.slice(0, end).split('\r\n');
        const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
        if (!match) {
            this.fail(new Error(`not an HTTP/1.1 response: ${JSON.stringify(statusLine.slice(0, 40))}`));
            return n;
        }
        p.status = Number(match[1]);
        const headers = new Map();
        for (const line of headerLines) {
            const colon = line.indexOf(':');
            if (colon > 0)
                headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        p.keepAlive = !/\bclose\b/i.test(headers.get('connection') ?? '') && statusLine.startsWith('HTTP/1.1');
        if (p.status < 200 || p.status >= 300) {
            const error = new SpeedtestFailure(`download: ${p.url.origin}${p.url.pathname} answered ${p.status}`);
            error.status = p.status;
            this.fail(error);
            return n;
        }
        if (/\bchunked\b/i.test(headers.get('transfer-encoding') ?? '')) {
            p.body = { kind: 'chunked', state: 'size', left: 0, line: '' };
        }
        else if (headers.has('content-length')) {
            p.body = { kind: 'length', left: Number(headers.get('content-length')) };
        }
        else {
            p.body = { kind: 'close' };
            p.keepAlive = false;
        }
        if (p.body.kind === 'length' && p.body.left === 0)
            this.finish();
        return offset + consumed;
    }
    readBody(p, body, buf, offset, n) {
        if (body.kind === 'close') {
            p.onBytes(n - offset);
            return n;
        }
        if (body.kind === 'length') {
            const take = Math.min(body.left, n - offset);
            body.left -= take;
            p.onBytes(take);
            if (body.left === 0)
                this.finish();
            return offset + take;
        }
        // Chunked: `SIZE[;ext]\r\n DATA \r\n` ... `0\r\n [trailers] \r\n`.
        if (body.state === 'data') {
            const take = Math.min(body.left, n - offset);
            body.left -= take;
            p.onBytes(take);
            if (body.left === 0) {
                body.state = 'data-end';
                body.line = '';
            }
            return offset + take;
        }
        const newline = buf.indexOf(0x0a, offset);
        const stop = newline < 0 || newline >= n ? n : newline + 1;
        body.line += Buffer.from(buf.buffer, buf.byteOffset + offset, stop - offset).toString('latin1');
        if (!body.line.endsWith('\n')) {
            if (body.line.length > 4096)
                this.fail(new Error('malformed chunked body'));
            return stop;
        }
        const line = body.line.trim();
        body.line = '';
        if (body.state === 'data-end') {
            body.state = 'size';
        }
        else if (body.state === 'size') {
            const size = Number.parseInt(line.split(';')[0] ?? '', 16);
            if (!Number.isFinite(size) || size < 0) {
                this.fail(new Error(`malformed chunk size ${JSON.stringify(line.slice(0, 20))}`));
                return n;
            }
            if (size === 0)
                body.state = 'trailer';
            else {
                body.state = 'data';
                body.left = size;
            }
        }
        else if (line === '') {
            this.finish();
        }
        return stop;
    }
}

;// CONCATENATED MODULE: ./lib/src/speedtest/phases.js
// The three measurements of the LibreSpeed JS client (speedtest_worker.js; REFERENCE.md \u00a75.2): ping
// over one keep-alive connection, download over parallel `garbage` streams, upload by POSTing random
// bodies to `empty`. Bytes are counted as they move and never kept: one random 1 MiB block is the
// only payload buffer of the whole run.






const MIB = 1024 * 1024;
/** Each download stream asks for 100 MiB and asks again when it ends, as the JS client does. */
const DOWNLOAD_CHUNKS = 100;
/** The JS client's 20 MB upload blob is the largest body; smaller ones keep slow links responsive. */
const MAX_UPLOAD_BYTES = 20 * MIB;
const MIN_UPLOAD_BYTES = 1 * MIB;
/** An upload body should take about this long, so the wait for the last answers stays short. */
const UPLOAD_TARGET_MS = 500;
const TICK_MS = 200;
let sharedBlock;
function payloadBlock() {
    sharedBlock ??= (0,external_node_crypto_.randomBytes)(MIB);
    return sharedBlock;
}
/** Keep-alive GETs of `empty`; the first opens the connection and is dropped. */
async function measurePing(ctx, count) {
    const samples = [];
    for (let i = 0; i <= count; i++) {
        const start = external_node_perf_hooks_.performance.now();
        const answer = await exchange(ctx.transport, withQuery(ctx.endpoints.empty), {
            timeoutMs: ctx.timeoutMs,
            signal: ctx.signal,
        });
        const elapsed = external_node_perf_hooks_.performance.now() - start;
        if (answer.status < 200 || answer.status >= 300) {
            throw new SpeedtestFailure(`ping: ${ctx.endpoints.empty.href} answered ${answer.status}`);
        }
        if (i > 0)
            samples.push(elapsed);
        ctx.onProgress?.('ping', 0);
    }
    return pingJitter(samples);
}
/**
 * Runs `streams` copies of `stream` (started `staggerMs` apart), resets the count after `graceMs`,
 * and stops them `windowMs` later. The first stream error fails the whole phase.
 */
async function runWindow(ctx, phase, streams, graceMs, windowMs, stream) {
    const controller = new AbortController();
    const stopper = new AbortController();
    const onOuterAbort = () => controller.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onOuterAbort, { once: true });
    let measuring = false;
    let stopped = false;
    let credited = 0;
    let moved = 0;
    let windowStart = 0;
    let windowEnd = 0;
    let failure;
    const window = {
        get measuring() {
            return measuring;
        },
        get stopped() {
            return stopped;
        },
        credit(bytes) {
            credited += bytes;
        },
        moved(bytes) {
            moved += bytes;
        },
        signal: controller.signal,
        stop: stopper.signal,
    };
    const start = external_node_perf_hooks_.performance.now();
    const staggerMs = Math.min(300, graceMs / Math.max(1, streams));
    const timers = [];
    const runs = [];
    const fail = (error) => {
        failure ??= error;
        controller.abort(error);
    };
    const finished = new Promise((resolve) => {
        timers.push(setTimeout(() => {
            measuring = true;
            credited = 0;
            windowStart = external_node_perf_hooks_.performance.now();
        }, graceMs), setTimeout(() => {
            stopped = true;
            measuring = false;
            windowEnd = external_node_perf_hooks_.performance.now();
            stopper.abort();
            resolve();
        }, graceMs + windowMs), setInterval(() => {
            const now = external_node_perf_hooks_.performance.now();
            const mbps = measuring
                ? rawMbps(credited, (now - windowStart) / 1000)
                : rawMbps(moved, (now - start) / 1000);
            ctx.onProgress?.(phase, reportedMbps(mbps));
        }, TICK_MS));
        controller.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    for (let i = 0; i < streams; i++) {
        const launch = () => {
            if (!stopped && !controller.signal.aborted)
                runs.push(stream(window).catch(fail));
        };
        if (i === 0)
            launch();
        else
            timers.push(setTimeout(launch, i * staggerMs));
    }
    try {
        await finished;
        // Download streams stop at once; upload streams finish their body and wait for its answer.
        await Promise.all(runs);
    }
    finally {
        for (const t of timers)
            clearTimeout(t);
        ctx.signal.removeEventListener('abort', onOuterAbort);
        controller.abort();
    }
    if (failure !== undefined) {
        if (ctx.signal.aborted)
            throw ctx.signal.reason;
        throw failure instanceof SpeedtestFailure
            ? failure
            : new SpeedtestFailure(`${phase}: ${describeNetworkError(failure)}`);
    }
    if (ctx.signal.aborted)
        throw ctx.signal.reason;
    const windowSeconds = (windowEnd - windowStart) / 1000;
    return { rawMbps: rawMbps(credited, windowSeconds), bytes: moved, windowSeconds };
}
function statusFailure(phase, url, res) {
    const hint = res.statusCode === 413 ? ' (the proxy limits the body size: raise client_max_body_size, e.g. 64m)' : '';
    return new SpeedtestFailure(`${phase}: ${url.origin}${url.pathname} answered ${res.statusCode}${hint}`);
}
/** One download stream: GET garbage on one keep-alive connection, count what arrives, ask again. */
function downloadStream(ctx) {
    return async (w) => {
        const connection = new RawConnection(ctx.endpoints.garbage, { ...ctx.raw, timeoutMs: ctx.timeoutMs });
        const cut = () => connection.destroy();
        w.signal.addEventListener('abort', cut, { once: true });
        w.stop.addEventListener('abort', cut, { once: true });
        try {
            while (!w.stopped && !w.signal.aborted) {
                const url = withQuery(ctx.endpoints.garbage, { ckSize: String(DOWNLOAD_CHUNKS) });
                await connection.get(url, (n) => {
                    w.moved(n);
                    if (w.measuring)
                        w.credit(n);
                });
            }
        }
        catch (error) {
            // A stream cut when the window closes ends with a socket error: not a failure.
            if (w.stop.aborted || w.signal.aborted)
                return;
            throw error;
        }
        finally {
            w.signal.removeEventListener('abort', cut);
            w.stop.removeEventListener('abort', cut);
            connection.destroy();
        }
    };
}
/**
 * One upload stream: POST a random body of a known length to `empty` and wait for the answer. Only a
 * 2xx answer credits the body's window bytes; any other status fails the test (librespeed-cli, which
 * does not look, reports 9 Gbps against a 413: REFERENCE.md \u00a78.3). The window's last bodies are
 * finished rather than cut, so each counted byte has its 2xx.
 */
function uploadStream(ctx) {
    const block = payloadBlock();
    return async (w) => {
        let size = MIN_UPLOAD_BYTES;
        while (!w.stopped && !w.signal.aborted) {
            const url = withQuery(ctx.endpoints.empty);
            const started = external_node_perf_hooks_.performance.now();
            const req = ctx.transport.request(url, 'POST', {
                'Content-Type': 'application/octet-stream',
                'Content-Length': String(size),
            });
            let windowBytes = 0;
            const answered = new Promise((resolve, reject) => {
                req.once('response', resolve);
                req.once('error', reject);
            });
            // A failed exchange also rejects `answered`; the write loop only needs to stop.
            answered.catch(() => { });
            const onAbort = () => req.destroy(w.signal.reason);
            w.signal.addEventListener('abort', onAbort, { once: true });
            req.setTimeout(ctx.timeoutMs, () => req.destroy(new SpeedtestFailure(`upload: ${url.origin} took no data for ${ctx.timeoutMs} ms`)));
            let early;
            answered.then((res) => {
                early = res;
            }, () => { });
            try {
                let left = size;
                while (left > 0 && early === undefined && !req.destroyed) {
                    const n = Math.min(block.length, left);
                    left -= n;
                    const measuring = w.measuring;
                    const ok = req.write(n === block.length ? block : block.subarray(0, n), (error) => {
                        if (error)
                            return;
                        w.moved(n);
                        if (measuring)
                            windowBytes += n;
                    });
                    if (!ok)
                        await Promise.race([(0,external_node_events_.once)(req, 'drain'), answered]);
                }
                if (early === undefined && !req.destroyed)
                    req.end();
                const res = await answered;
                res.resume();
                if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) {
                    req.destroy();
                    throw statusFailure('upload', url, res);
                }
                if (early !== undefined && left > 0) {
                    // A 2xx before the body was sent (h2 proxies do this: REFERENCE.md \u00a75.4) proves nothing.
                    req.destroy();
                    throw new SpeedtestFailure(`upload: ${url.origin}${url.pathname} answered ${res.statusCode} before the body was sent`);
                }
                await (0,external_node_events_.once)(res, 'end');
                w.credit(windowBytes);
            }
            catch (error) {
                // The 'error' of a request destroyed with a status failure carries that failure.
                if (error instanceof SpeedtestFailure)
                    throw error;
                if (w.signal.aborted)
                    return;
                throw new SpeedtestFailure(`upload: ${describeNetworkError(error)}`);
            }
            finally {
                w.signal.removeEventListener('abort', onAbort);
            }
            const ms = external_node_perf_hooks_.performance.now() - started;
            const bytesPerMs = size / Math.max(1, ms);
            size = Math.round(Math.min(MAX_UPLOAD_BYTES, Math.max(MIN_UPLOAD_BYTES, bytesPerMs * UPLOAD_TARGET_MS)));
        }
    };
}
function measureDownload(ctx, streams, graceMs, windowMs) {
    return runWindow(ctx, 'download', streams, graceMs, windowMs, downloadStream(ctx));
}
function measureUpload(ctx, streams, graceMs, windowMs) {
    return runWindow(ctx, 'upload', streams, graceMs, windowMs, uploadStream(ctx));
}

;// CONCATENATED MODULE: ./lib/src/speedtest/index.js
// The LibreSpeed protocol client: ping + jitter, download, upload against a LibreSpeed backend of
// either layout (the official image's PHP files or speedtest-go), with the JS client's formulas.
// Shared by the CLI (`stackgate speedtest`) and `stackgate run` / the action; no @actions imports.








const DEFAULT_DURATION_SECONDS = 5;
const DEFAULT_STREAMS = 6;
const PING_COUNT = 10;
const REQUEST_TIMEOUT_MS = 15_000;
/** The JS client's grace times at the default duration; shorter tests scale them down. */
const DOWNLOAD_GRACE_MS = 1500;
const UPLOAD_GRACE_MS = 3000;
function parseBase(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors/* UsageError */.eb(`"${text}" is not a URL; expected the base of a LibreSpeed server, e.g. https://host/`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new errors/* UsageError */.eb(`"${text}": only http:// and https:// URLs can be tested`);
    }
    if (url.username || url.password) {
        throw new errors/* UsageError */.eb(`"${url.host}": credentials in the URL are not supported; use headers`);
    }
    return url;
}
async function runSpeedtest(options) {
    const base = parseBase(options.url);
    const duration = options.durationSeconds ?? DEFAULT_DURATION_SECONDS;
    if (!(duration > 0) || duration > 3600)
        throw new errors/* UsageError */.eb(`duration ${duration}: expected 0 < seconds \u2264 3600`);
    const streams = options.streams ?? DEFAULT_STREAMS;
    if (!Number.isInteger(streams) || streams < 1 || streams > 64) {
        throw new errors/* UsageError */.eb(`streams ${streams}: expected a whole number from 1 to 64`);
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
        // The download streams write their own request heads: refuse what could split them.
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) {
            throw new errors/* UsageError */.eb(`header ${JSON.stringify(name)}: invalid name or a line break in its value`);
        }
    }
    const uploadStreams = Math.max(1, Math.ceil(streams / 2));
    const windowMs = duration * 1000;
    const scale = Math.min(1, duration / DEFAULT_DURATION_SECONDS);
    const started = external_node_perf_hooks_.performance.now();
    const transport = createTransport(base, {
        maxSockets: streams + 1,
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
        ...(options.insecure ? { insecure: true } : {}),
        ...(options.servername !== undefined ? { servername: options.servername } : {}),
        ...(options.headers !== undefined ? { headers: options.headers } : {}),
    });
    const signal = options.signal ?? new AbortController().signal;
    try {
        const endpoints = await detectLayout(transport, base, { timeoutMs: REQUEST_TIMEOUT_MS, signal });
        const ctx = {
            transport,
            endpoints,
            signal,
            timeoutMs: REQUEST_TIMEOUT_MS,
            raw: {
                ...(options.ca !== undefined ? { ca: options.ca } : {}),
                ...(options.insecure ? { insecure: true } : {}),
                ...(options.servername !== undefined ? { servername: options.servername } : {}),
                ...(options.headers !== undefined ? { headers: options.headers } : {}),
            },
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        };
        const ping = await measurePing(ctx, PING_COUNT);
        const down = await measureDownload(ctx, streams, DOWNLOAD_GRACE_MS * scale, windowMs);
        const up = await measureUpload(ctx, uploadStreams, UPLOAD_GRACE_MS * scale, windowMs);
        if (down.bytes === 0)
            throw new SpeedtestFailure(`download: no byte arrived from ${endpoints.garbage.href}`);
        if (up.bytes === 0)
            throw new SpeedtestFailure(`upload: no body was accepted by ${endpoints.empty.href}`);
        return {
            downloadMbps: round(reportedMbps(down.rawMbps)),
            uploadMbps: round(reportedMbps(up.rawMbps)),
            pingMs: round(ping.pingMs),
            jitterMs: round(ping.jitterMs),
            rawDownloadMbps: round(down.rawMbps),
            rawUploadMbps: round(up.rawMbps),
            layout: endpoints.layout,
            bytesDown: down.bytes,
            bytesUp: up.bytes,
            seconds: round((external_node_perf_hooks_.performance.now() - started) / 1000),
        };
    }
    finally {
        transport.close();
    }
}


/***/ })

};
