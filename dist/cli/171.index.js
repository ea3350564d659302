export const id = 171;
export const ids = [171];
export const modules = {

/***/ 6294:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ parseArgsOrUsage)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7657);


/**
 * `-C=DIR` as `-C DIR`: node:util reads the value of a short option as everything after the letter,
 * so `-C=DIR` would name the directory "=DIR". Only short options that take a value, and only before `--`.
 */
function splitShortEquals(config) {
    const args = config.args;
    if (!args)
        return undefined;
    const withValue = new Set(Object.values(config.options ?? {})
        .filter((o) => o.type === 'string' && o.short)
        .map((o) => o.short));
    const out = [];
    for (const [i, arg] of args.entries()) {
        if (arg === '--')
            return [...out, ...args.slice(i)];
        const m = /^-([A-Za-z])=([\s\S]*)$/.exec(arg);
        if (m && withValue.has(m[1]))
            out.push(`-${m[1]}`, m[2]);
        else
            out.push(arg);
    }
    return out;
}
/** node:util's parseArgs, with its errors turned into usage errors (exit 2), followed by `help` if given. */
function parseArgsOrUsage(config, help) {
    try {
        const args = splitShortEquals(config);
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(args ? { ...config, args } : config);
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(help ? `${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}\n\n${help}` : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error));
    }
}


/***/ }),

/***/ 171:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dnsCommand: () => (/* binding */ dnsCommand),
  parsePairArgument: () => (/* binding */ parsePairArgument)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/project-files.js
var project_files = __webpack_require__(2835);
// EXTERNAL MODULE: ./lib/src/core/untrusted-text.js
var untrusted_text = __webpack_require__(2704);
// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: ./lib/src/dns/ip.js
var dns_ip = __webpack_require__(9093);
;// CONCATENATED MODULE: ./lib/src/dns/policy.js

const POLICY_NAMES = ['rfc6724', 'rfc3484', 'glibc'];
/** RFC 6724 \u00a72.1. */
const RFC6724_TABLE = [
    ['::1', 128, 50, 0],
    ['::', 0, 40, 1],
    ['::ffff:0:0', 96, 35, 4],
    ['2002::', 16, 30, 2],
    ['2001::', 32, 5, 5],
    ['fc00::', 7, 3, 13],
    ['::', 96, 1, 3],
    ['fec0::', 10, 1, 11],
    ['3ffe::', 16, 1, 12],
];
/** RFC 3484 \u00a72.1. */
const RFC3484_TABLE = [
    ['::1', 128, 50, 0],
    ['::', 0, 40, 1],
    ['2002::', 16, 30, 2],
    ['::', 96, 20, 3],
    ['::ffff:0:0', 96, 10, 4],
];
/** glibc sysdeps/posix/getaddrinfo.c default_labels (its precedence table has no rows for the extra labels). */
const GLIBC_DEFAULT_LABELS = [
    { prefix: '::1', bits: 128, value: 0 },
    { prefix: '2002::', bits: 16, value: 2 },
    { prefix: '::', bits: 96, value: 3 },
    { prefix: '::ffff:0:0', bits: 96, value: 4 },
    { prefix: 'fec0::', bits: 10, value: 5 },
    { prefix: 'fc00::', bits: 7, value: 6 },
    { prefix: '2001::', bits: 32, value: 7 },
    { prefix: '::', bits: 0, value: 1 },
];
/** glibc default_precedence. */
const GLIBC_DEFAULT_PRECEDENCE = [
    { prefix: '::1', bits: 128, value: 50 },
    { prefix: '2002::', bits: 16, value: 30 },
    { prefix: '::', bits: 96, value: 20 },
    { prefix: '::ffff:0:0', bits: 96, value: 10 },
    { prefix: '::', bits: 0, value: 40 },
];
/** glibc default_scopes: IPv4 link-local and loopback are link scope, everything else global. */
const GLIBC_DEFAULT_SCOPES = [
    { prefix: '169.254.0.0', bits: 16, scope: 0x2 },
    { prefix: '127.0.0.0', bits: 8, scope: 0x2 },
    { prefix: '0.0.0.0', bits: 0, scope: 0xe },
];
/** RFC 6724 \u00a73.2: only loopback and 169.254/16 are link scope; RFC 1918 and 100.64/10 are global. */
const RFC6724_IPV4_SCOPES = GLIBC_DEFAULT_SCOPES;
/** RFC 3484 \u00a73.2: the RFC 1918 private ranges were site-local. */
const RFC3484_IPV4_SCOPES = [
    { prefix: '169.254.0.0', bits: 16, scope: 0x2 },
    { prefix: '127.0.0.0', bits: 8, scope: 0x2 },
    { prefix: '10.0.0.0', bits: 8, scope: 0x5 },
    { prefix: '172.16.0.0', bits: 12, scope: 0x5 },
    { prefix: '192.168.0.0', bits: 16, scope: 0x5 },
    { prefix: '0.0.0.0', bits: 0, scope: 0xe },
];
function column(table, index) {
    return table.map((row) => ({ prefix: row[0], bits: row[1], value: row[index] }));
}
/** Longest prefix first; the sort is stable so equal lengths keep their table order. */
function byLongestPrefix(entries) {
    return [...entries].sort((a, b) => b.bits - a.bits);
}
function rfc6724Policy() {
    return {
        name: 'rfc6724',
        precedence: byLongestPrefix(column(RFC6724_TABLE, 2)),
        labels: byLongestPrefix(column(RFC6724_TABLE, 3)),
        ipv4Scopes: [...RFC6724_IPV4_SCOPES],
        rule9: 'rfc6724',
        origin: 'RFC 6724 \u00a72.1',
    };
}
function rfc3484Policy() {
    return {
        name: 'rfc3484',
        precedence: byLongestPrefix(column(RFC3484_TABLE, 2)),
        labels: byLongestPrefix(column(RFC3484_TABLE, 3)),
        ipv4Scopes: [...RFC3484_IPV4_SCOPES],
        rule9: 'rfc3484',
        origin: 'RFC 3484 \u00a72.1',
    };
}
/** glibc's built-in tables; see gai-conf.ts for the /etc/gai.conf overrides. */
function glibcBuiltinPolicy() {
    return {
        name: 'glibc',
        precedence: byLongestPrefix(GLIBC_DEFAULT_PRECEDENCE),
        labels: byLongestPrefix(GLIBC_DEFAULT_LABELS),
        ipv4Scopes: byLongestPrefix(GLIBC_DEFAULT_SCOPES),
        rule9: 'glibc',
        origin: 'glibc built-in',
    };
}
const parsedPrefixes = new Map();
function prefixBytes(prefix) {
    let bytes = parsedPrefixes.get(prefix);
    if (!bytes) {
        bytes = (0,dns_ip/* mustParseIp */.yJ)(prefix).bytes;
        parsedPrefixes.set(prefix, bytes);
    }
    return bytes;
}
/**
 * The first (longest) matching row. A table without a match yields the fallback glibc uses
 * (label INT_MAX, precedence 0): only a gai.conf without ::/0 can get there.
 */
function lookupEntry(table, ip) {
    return table.find((e) => (0,dns_ip/* inPrefix */.uB)(ip, prefixBytes(e.prefix), e.bits));
}
function precedenceOf(policy, ip) {
    return lookupEntry(policy.precedence, ip)?.value ?? 0;
}
function labelOf(policy, ip) {
    return lookupEntry(policy.labels, ip)?.value ?? 2 ** 31 - 1;
}
const SCOPE_NAMES = {
    1: 'interface-local',
    2: 'link-local',
    4: 'admin-local',
    5: 'site-local',
    8: 'organization-local',
    14: 'global',
};
/** RFC 6724 \u00a73.1 scope; IPv4 scope comes from the policy's IPv4 table. */
function scopeOf(policy, ip) {
    const b = ip.bytes;
    if (ip.family === 6) {
        if (b[0] === 0xff)
            return (b[1] ?? 0) & 0x0f;
        const loopback = b.every((v, i) => (i === 15 ? v === 1 : v === 0));
        if (loopback || (b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80))
            return 0x2;
        if (b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0xc0)
            return 0x5;
        return 0xe;
    }
    const entry = policy.ipv4Scopes.find((e) => (0,dns_ip/* inPrefix */.uB)(ip, prefixBytes(`::ffff:${e.prefix}`), 96 + e.bits));
    return entry?.scope ?? 0xe;
}
function scopeName(scope) {
    return SCOPE_NAMES[scope] ?? `0x${scope.toString(16)}`;
}

;// CONCATENATED MODULE: ./lib/src/dns/gai-conf.js




const DEFAULT_GAI_CONF = '/etc/gai.conf';
const INT_MAX = 2 ** 31 - 1;
function parseValue(text) {
    if (text === undefined || !/^\d+$/.test(text))
        return null;
    const value = Number(text);
    return value <= INT_MAX ? value : null;
}
/** `prefix[/bits]` for label and precedence: glibc only accepts IPv6 text here. */
function parseIpv6Prefix(text) {
    const [address = '', bitsText] = text.split('/', 2);
    const ip = (0,dns_ip/* parseIp */.r5)(address);
    if (ip?.family !== 6 || address.includes('%'))
        return null;
    const bits = bitsText === undefined ? 128 : parseValue(bitsText);
    if (bits === null || bits > 128)
        return null;
    return { prefix: ip.text, bits };
}
/** `scopev4` takes an IPv4 prefix (bits \u2264 32) or a v4-mapped IPv6 one (bits 96..128). */
function parseScopePrefix(text) {
    const [address = '', bitsText] = text.split('/', 2);
    const ip = (0,dns_ip/* parseIp */.r5)(address);
    if (!ip)
        return null;
    const mapped = ip.bytes.slice(0, 12).every((b, i) => (i < 10 ? b === 0 : b === 0xff));
    if (ip.family === 6 && !mapped)
        return null;
    const bitsValue = bitsText === undefined ? (ip.family === 4 ? 32 : 128) : parseValue(bitsText);
    if (bitsValue === null)
        return null;
    const bits = ip.family === 4 ? bitsValue : bitsValue - 96;
    if (bits < 0 || bits > 32)
        return null;
    return { prefix: [...ip.bytes.slice(12)].join('.'), bits };
}
/** Parses gai.conf text the way glibc's gaiconf_init does. `file` only names the source in warnings. */
function parseGaiConf(text, file = DEFAULT_GAI_CONF) {
    const conf = { labels: [], precedence: [], scopev4: [], warnings: [] };
    text.split('\n').forEach((raw, index) => {
        const line = raw.replace(/#.*$/, '').trim();
        if (line === '')
            return;
        const [command = '', value1, value2] = line.split(/\s+/);
        const where = `${file}:${index + 1}`;
        if (command === 'label' || command === 'precedence') {
            const prefix = value1 === undefined ? null : parseIpv6Prefix(value1);
            const value = parseValue(value2);
            if (!prefix || value === null) {
                conf.warnings.push(`${where}: ignored "${line}": expected "${command} <ipv6-prefix>[/bits] <number>"`);
                return;
            }
            (command === 'label' ? conf.labels : conf.precedence).push({ ...prefix, value });
        }
        else if (command === 'scopev4') {
            const prefix = value1 === undefined ? null : parseScopePrefix(value1);
            const scope = parseValue(value2);
            if (!prefix || scope === null) {
                conf.warnings.push(`${where}: ignored "${line}": expected "scopev4 <ipv4-prefix>[/bits] <number>"`);
                return;
            }
            conf.scopev4.push({ ...prefix, scope });
        }
        else if (command !== 'reload') {
            conf.warnings.push(`${where}: ignored unknown keyword "${command}"`);
        }
    });
    return conf;
}
/**
 * glibc's policy after gai.conf: any label (precedence, scopev4) line replaces that whole built-in
 * table, and glibc appends ::/0 (label 1, precedence 40; scope 14 for 0.0.0.0/0) unless a line
 * already covers everything.
 */
function glibcPolicyFromConf(conf, origin) {
    const policy = glibcBuiltinPolicy();
    const withDefault = (entries, value) => byLongestPrefix(entries.some((e) => e.bits === 0) ? entries : [...entries, { prefix: '::', bits: 0, value }]);
    if (conf.labels.length > 0)
        policy.labels = withDefault(conf.labels, 1);
    if (conf.precedence.length > 0)
        policy.precedence = withDefault(conf.precedence, 40);
    if (conf.scopev4.length > 0) {
        const scopes = conf.scopev4.some((e) => e.bits === 0)
            ? conf.scopev4
            : [...conf.scopev4, { prefix: '0.0.0.0', bits: 0, scope: 0xe }];
        policy.ipv4Scopes = byLongestPrefix(scopes);
    }
    const replaced = conf.labels.length + conf.precedence.length + conf.scopev4.length > 0;
    policy.origin = replaced ? origin : `glibc built-in (${origin} sets no table)`;
    return policy;
}
/**
 * glibc's effective policy on this machine: the built-in tables, or those of `path` when it exists.
 * A missing file means the built-in tables (as in glibc) unless the caller named it explicitly
 * (mustExist); an unreadable one is an InputError.
 */
function loadGlibcPolicy(path = DEFAULT_GAI_CONF, mustExist = false) {
    let text;
    try {
        // gai.conf is a system file, not project input: bounded (never a FIFO or device), not root-confined.
        text = project_files/* ProjectFiles */.di.unconfined().readText(path, 'gai.conf');
    }
    catch (error) {
        if (error instanceof project_files/* FileRefused */.rV && error.reason === 'missing' && !mustExist) {
            const policy = glibcBuiltinPolicy();
            policy.origin = `glibc built-in (no ${path})`;
            return { policy, warnings: [] };
        }
        throw new errors/* InputError */.dz(`${path}: cannot read gai.conf: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    const conf = parseGaiConf(text, path);
    return { policy: glibcPolicyFromConf(conf, path), warnings: conf.warnings };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./lib/src/dns/probe.js





function readStatusLine(stream, signal) {
    return new Promise((resolve, reject) => {
        let buffered = '';
        const cleanup = () => {
            stream.off('data', onData);
            stream.off('end', onEnd);
            stream.off('error', onError);
            signal.removeEventListener('abort', onAbort);
        };
        const onData = (chunk) => {
            buffered += chunk.toString('latin1');
            const end = buffered.indexOf('\r\n');
            if (end < 0 && buffered.length < 8192)
                return;
            cleanup();
            const match = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(buffered.slice(0, end < 0 ? 64 : end));
            if (match)
                resolve(Number(match[1]));
            else
                reject(new Error(`not an HTTP response: ${JSON.stringify(buffered.slice(0, 40))}`));
        };
        const onEnd = () => {
            cleanup();
            reject(new Error('connection closed before an HTTP status line'));
        };
        const onError = (error) => {
            cleanup();
            reject(error);
        };
        const onAbort = () => {
            cleanup();
            reject(signal.reason);
        };
        stream.on('data', onData);
        stream.once('end', onEnd);
        stream.once('error', onError);
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
function describeFailure(error, timeoutMs) {
    if (error instanceof Error && error.name === 'TimeoutError')
        return `timed out after ${timeoutMs} ms`;
    const code = error.code;
    return code && !(0,errors/* errorMessage */.gJ)(error).includes(code)
        ? `${code}: ${(0,errors/* errorMessage */.gJ)(error)}`
        : (0,errors/* errorMessage */.gJ)(error);
}
/**
 * TCP connect, then (optionally) a TLS handshake with SNI, then `GET path`; one deadline for all
 * three (AbortSignal.timeout), so a probe never outlives timeoutMs.
 */
async function probeAddress(options) {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const started = external_node_perf_hooks_.performance.now();
    const elapsed = () => Math.round((external_node_perf_hooks_.performance.now() - started) * 10) / 10;
    const result = {
        address: options.address,
        reachable: false,
        tlsOk: null,
        status: null,
        latencyMs: 0,
    };
    let stage = 'tcp';
    const socket = external_node_net_.connect({ host: options.address, port: options.port });
    // Late errors (a reset while tearing down) must not crash the process; the awaited steps see them.
    socket.on('error', () => { });
    let stream = socket;
    try {
        await (0,external_node_events_.once)(socket, 'connect', { signal });
        result.reachable = true;
        result.connectMs = elapsed();
        if (options.tls) {
            stage = 'tls';
            const secure = external_node_tls_.connect({
                socket,
                ...(external_node_net_.isIP(options.serverName) ? {} : { servername: options.serverName }),
                ALPNProtocols: ['http/1.1'],
                rejectUnauthorized: false,
                ...(options.ca?.length ? { ca: [...external_node_tls_.rootCertificates, ...options.ca] } : {}),
            });
            secure.on('error', () => { });
            stream = secure;
            await (0,external_node_events_.once)(secure, 'secureConnect', { signal });
            // Verify ourselves so that a bad certificate is reported, not just a dropped connection.
            const identityError = external_node_net_.isIP(options.serverName)
                ? undefined
                : external_node_tls_.checkServerIdentity(options.serverName, secure.getPeerCertificate());
            const problem = secure.authorized ? identityError?.message : String(secure.authorizationError);
            result.tlsOk = options.insecure === true || problem === undefined;
            if (problem !== undefined)
                result.tlsError = problem;
        }
        stage = 'http';
        stream.write(`GET ${options.path} HTTP/1.1\r\nHost: ${options.host}\r\nUser-Agent: stackgate-dns-check\r\nAccept: */*\r\nConnection: close\r\n\r\n`);
        result.status = await readStatusLine(stream, signal);
    }
    catch (error) {
        result.failedStage = stage;
        result.error = describeFailure(error, options.timeoutMs);
        if (stage === 'tls')
            result.tlsOk = false;
    }
    finally {
        result.latencyMs = elapsed();
        stream.destroy();
        socket.destroy();
    }
    return result;
}

;// CONCATENATED MODULE: ./lib/src/dns/resolve.js




/** "IP", "IP:PORT" or "[IPv6]:PORT" as node:dns setServers takes it; UsageError otherwise. */
/** A name to resolve as typed on the command line; empty or blank names are usage errors. */
function checkHostName(name) {
    if (name.trim() === '')
        throw new errors/* UsageError */.eb('dns check: the NAME is empty; give a host name such as example.com');
    if (/[\s\u0000-\u001f\u007f]/.test(name))
        throw new errors/* UsageError */.eb(`dns check: the NAME ${JSON.stringify(name)} holds spaces or control characters; give a host name such as example.com`);
    if (name.length > 253)
        throw new errors/* UsageError */.eb(`dns check: the NAME is ${name.length} characters long; a host name has at most 253`);
    return name;
}
function parseResolver(text) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
    const [host, port] = bracketed
        ? [bracketed[1] ?? '', bracketed[2]]
        : (0,external_node_net_.isIP)(text)
            ? [text, undefined]
            : [text.slice(0, text.lastIndexOf(':')), text.slice(text.lastIndexOf(':') + 1)];
    if (!(0,external_node_net_.isIP)(host) || (port !== undefined && !/^\d{1,5}$/.test(port))) {
        throw new errors/* UsageError */.eb(`--resolver "${text}": expected IP, IP:PORT or [IPv6]:PORT`);
    }
    // Port 0 aborts c-ares natively for IPv4 and is dropped silently for IPv6.
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
        throw new errors/* UsageError */.eb(`--resolver "${text}": port ${port} is out of range; use a port from 1 to 65535 (DNS is 53)`);
    }
    const ip = (0,dns_ip/* mustParseIp */.yJ)(host).text;
    if (port === undefined)
        return ip;
    return (0,external_node_net_.isIP)(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
}
const EMPTY_ANSWER = new Set(['ENODATA', 'ENOTFOUND']);
/**
 * A and AAAA in answer order via c-ares (node:dns Resolver), which does not sort. "No such name"
 * and "no records of this type" are empty answers; anything else (refused, timeout) is an error.
 */
async function resolveRaw(name, resolver, timeoutMs) {
    const r = new external_node_dns_.promises.Resolver({ timeout: Math.max(1, Math.min(timeoutMs, 5000)), tries: 2 });
    if (resolver)
        r.setServers([resolver]);
    const servers = r.getServers();
    const query = async (kind) => {
        try {
            return kind === 'A' ? await r.resolve4(name) : await r.resolve6(name);
        }
        catch (error) {
            if (EMPTY_ANSWER.has(error.code ?? ''))
                return [];
            return error instanceof Error ? error : new Error((0,errors/* errorMessage */.gJ)(error));
        }
    };
    const [a, aaaa] = await Promise.all([query('A'), query('AAAA')]);
    const via = `via ${servers.join(', ') || 'no configured server'}`;
    if (a instanceof Error && aaaa instanceof Error) {
        throw new errors/* InputError */.dz(`cannot resolve ${name} ${via}: ${a.code ?? a.message}`);
    }
    const v4 = a instanceof Error ? [] : a;
    const v6 = aaaa instanceof Error ? [] : aaaa;
    if (v4.length + v6.length === 0) {
        const failed = a instanceof Error ? a : aaaa instanceof Error ? aaaa : null;
        const why = failed ? ` (${failed.code ?? failed.message})` : '';
        throw new errors/* InputError */.dz(`${name} has no A or AAAA records ${via}${why}`);
    }
    return { a: v4.map((x) => (0,dns_ip/* mustParseIp */.yJ)(x).text), aaaa: v6.map((x) => (0,dns_ip/* mustParseIp */.yJ)(x).text), servers };
}
/**
 * The order getaddrinfo returns (glibc sorts it with its RFC 3484 tables and /etc/gai.conf): no
 * AI_ADDRCONFIG (hints 0) and no reordering by Node (verbatim).
 */
async function resolveSystem(name) {
    const results = await external_node_dns_.promises.lookup(name, { all: true, order: 'verbatim', hints: 0 });
    const seen = new Set();
    for (const r of results)
        seen.add((0,dns_ip/* mustParseIp */.yJ)(r.address).text);
    return [...seen];
}

;// CONCATENATED MODULE: ./lib/src/dns/sort.js



const RULE_NAMES = {
    1: 'avoid unusable destinations',
    2: 'prefer matching scope',
    3: 'avoid deprecated addresses',
    4: 'prefer home addresses',
    5: 'prefer matching label',
    6: 'prefer higher precedence',
    7: 'prefer native transport',
    8: 'prefer smaller scope',
    9: 'use longest matching prefix',
    10: 'leave order unchanged',
};
function policyByName(name) {
    if (name === 'rfc3484')
        return rfc3484Policy();
    if (name === 'glibc')
        return glibcBuiltinPolicy();
    return rfc6724Policy();
}
function toCandidate(pair) {
    const destination = (0,dns_ip/* parseIp */.r5)(pair.destination);
    if (!destination)
        throw new errors/* InputError */.dz(`destination "${pair.destination}" is not an IPv4 or IPv6 address`);
    let source = null;
    if (pair.source !== null) {
        source = (0,dns_ip/* parseIp */.r5)(pair.source);
        if (!source)
            throw new errors/* InputError */.dz(`source "${pair.source}" is not an IPv4 or IPv6 address`);
        if (source.family !== destination.family) {
            throw new errors/* InputError */.dz(`source ${source.text} is IPv${source.family} but destination ${destination.text} is IPv${destination.family}`);
        }
    }
    return { pair, destination, source, attributes: pair.sourceAttributes ?? {} };
}
/** Turns "does A have the preferred property / does B" into a verdict. */
function prefer(aHas, bHas, rule, reason) {
    if (aHas === bHas)
        return null;
    return { result: aHas ? -1 : 1, rule, reason };
}
/** Rule 9's CommonPrefixLen(Source(D), D), or null when the policy does not apply rule 9 here. */
function rule9Length(policy, c, other) {
    const src = c.source;
    if (!src || !other.source || c.destination.family !== other.destination.family)
        return null;
    const dst = c.destination;
    switch (policy.rule9) {
        case 'rfc6724':
            if (dst.family !== 6)
                return null;
            return (0,dns_ip/* commonPrefixLen */.ND)(src, dst, c.pair.sourcePrefixLength ?? 64);
        case 'rfc3484':
            return (0,dns_ip/* commonPrefixLen */.ND)(src, dst, 128);
        case 'glibc': {
            if (dst.family === 6)
                return (0,dns_ip/* commonPrefixLen */.ND)(src, dst, 128);
            // glibc: "common address prefixes for IPv4 addresses make no sense" outside the source's subnet.
            const prefix = c.pair.sourcePrefixLength;
            if (prefix === undefined)
                return 0;
            const inSubnet = (0,dns_ip/* sharedLeadingBits */.Uk)(src.bytes, dst.bytes, 96, 32) >= prefix;
            return inSubnet ? (0,dns_ip/* commonPrefixLen */.ND)(src, dst) : 0;
        }
    }
}
function rule4(policy, a, b) {
    const reason = (x) => x.home && x.careOf ? 'home+care-of' : x.home ? 'home' : x.careOf ? 'care-of' : 'neither home nor care-of';
    if (policy.name === 'glibc')
        return prefer(!!a.home, !!b.home, 4, `source ${reason(a)} vs ${reason(b)}`);
    const both = (x) => !!x.home && !!x.careOf;
    const why = `source ${reason(a)} vs ${reason(b)}`;
    const v = prefer(both(a), both(b), 4, why);
    if (v)
        return v;
    const homeOnly = (x) => !!x.home && !x.careOf;
    const careOfOnly = (x) => !x.home && !!x.careOf;
    if (homeOnly(a) && careOfOnly(b))
        return { result: -1, rule: 4, reason: why };
    if (careOfOnly(a) && homeOnly(b))
        return { result: 1, rule: 4, reason: why };
    return null;
}
function compare(policy, a, b) {
    const A = a.destination;
    const B = b.destination;
    const rule1 = prefer(!!a.source, !!b.source, 1, `source ${a.source?.text ?? 'none'} vs ${b.source?.text ?? 'none'}`);
    if (rule1)
        return rule1;
    const bothSourced = a.source !== null && b.source !== null;
    const scopeA = scopeOf(policy, A);
    const scopeB = scopeOf(policy, B);
    if (a.source && b.source) {
        const srcScopeA = scopeOf(policy, a.source);
        const srcScopeB = scopeOf(policy, b.source);
        const show = (d, s) => `${scopeName(d)}${d === s ? '=' : '\u2260'}${scopeName(s)}`;
        const v2 = prefer(scopeA === srcScopeA, scopeB === srcScopeB, 2, `scope(D) vs scope(S): ${show(scopeA, srcScopeA)} vs ${show(scopeB, srcScopeB)}`);
        if (v2)
            return v2;
        const v3 = prefer(!a.attributes.deprecated, !b.attributes.deprecated, 3, `source ${a.attributes.deprecated ? 'deprecated' : 'preferred'} vs ${b.attributes.deprecated ? 'deprecated' : 'preferred'}`);
        if (v3)
            return v3;
        const v4 = rule4(policy, a.attributes, b.attributes);
        if (v4)
            return v4;
        const labelA = labelOf(policy, A);
        const labelB = labelOf(policy, B);
        const srcLabelA = labelOf(policy, a.source);
        const srcLabelB = labelOf(policy, b.source);
        const showLabel = (d, s) => `${d}${d === s ? '=' : '\u2260'}${s}`;
        const v5 = prefer(labelA === srcLabelA, labelB === srcLabelB, 5, `label(D) vs label(S): ${showLabel(labelA, srcLabelA)} vs ${showLabel(labelB, srcLabelB)}`);
        if (v5)
            return v5;
    }
    const precA = precedenceOf(policy, A);
    const precB = precedenceOf(policy, B);
    if (precA !== precB) {
        return { result: precA > precB ? -1 : 1, rule: 6, reason: `precedence ${precA} vs ${precB}` };
    }
    if (bothSourced) {
        const v7 = prefer(!a.attributes.encapsulated, !b.attributes.encapsulated, 7, `${a.attributes.encapsulated ? 'tunnel' : 'native'} vs ${b.attributes.encapsulated ? 'tunnel' : 'native'}`);
        if (v7)
            return v7;
    }
    if (scopeA !== scopeB) {
        return {
            result: scopeA < scopeB ? -1 : 1,
            rule: 8,
            reason: `scope ${scopeName(scopeA)} vs ${scopeName(scopeB)}`,
        };
    }
    const lenA = rule9Length(policy, a, b);
    const lenB = rule9Length(policy, b, a);
    if (lenA !== null && lenB !== null && lenA !== lenB) {
        return {
            result: lenA > lenB ? -1 : 1,
            rule: 9,
            reason: `CommonPrefixLen(S, D) ${lenA} vs ${lenB}`,
        };
    }
    return { result: 0, rule: 10, reason: 'no rule decides; input order kept' };
}
/** Explains why `first` goes before `second` (or not) under `policy`. */
function explainPair(first, second, policy) {
    const p = typeof policy === 'string' ? policyByName(policy) : policy;
    const v = compare(p, toCandidate(first), toCandidate(second));
    return { rule: v.rule, ruleName: RULE_NAMES[v.rule] ?? '', reason: v.reason, firstWins: v.result <= 0 };
}
/**
 * Orders destinations as a host whose chosen source for each is `source` would (RFC 6724 \u00a76 with
 * the given policy's tables and rule 9). Pure: a stable merge sort, so rule 10 keeps input order.
 */
function sortDestinations(pairs, policy) {
    const p = typeof policy === 'string' ? policyByName(policy) : policy;
    const candidates = pairs.map(toCandidate);
    const steps = [];
    const decide = (a, b) => {
        const v = compare(p, a, b);
        steps.push({
            a: a.destination.text,
            b: b.destination.text,
            winner: (v.result <= 0 ? a : b).destination.text,
            rule: v.rule,
            ruleName: RULE_NAMES[v.rule] ?? '',
            reason: v.reason,
        });
        return v.result <= 0;
    };
    const mergeSort = (items) => {
        if (items.length < 2)
            return items;
        const middle = items.length >> 1;
        const left = mergeSort(items.slice(0, middle));
        const right = mergeSort(items.slice(middle));
        const merged = [];
        let i = 0;
        let j = 0;
        while (i < left.length && j < right.length) {
            // Left elements always came earlier in the input, so a tie keeps input order (rule 10).
            if (decide(left[i], right[j]))
                merged.push(left[i++]);
            else
                merged.push(right[j++]);
        }
        return [...merged, ...left.slice(i), ...right.slice(j)];
    };
    const sorted = mergeSort(candidates);
    const placements = sorted.map((c, index) => {
        const previous = sorted[index - 1];
        if (!previous)
            return { address: c.destination.text, rule: 0, reason: 'first' };
        const v = compare(p, previous, c);
        return { address: c.destination.text, rule: v.rule, reason: v.reason };
    });
    return { policy: p.name, order: sorted.map((c) => c.destination.text), steps, placements };
}

// EXTERNAL MODULE: external "node:dgram"
var external_node_dgram_ = __webpack_require__(1314);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./lib/src/dns/source.js






// linux/if_addr.h and linux/if_arp.h.
const IFA_F_HOMEADDRESS = 0x10;
const IFA_F_DEPRECATED = 0x20;
/** ARPHRD_TUNNEL, ARPHRD_TUNNEL6, ARPHRD_SIT: the types glibc's rule 7 counts as not native. */
const TUNNEL_TYPES = new Set([768, 769, 776]);
/**
 * Asks the kernel which source it would use, the way glibc does: connect a UDP socket (no packet
 * is sent) and read its local address.
 */
async function kernelSourceFor(destination) {
    const ip = (0,dns_ip/* mustParseIp */.yJ)(destination);
    const socket = external_node_dgram_.createSocket(ip.family === 4 ? 'udp4' : 'udp6');
    try {
        await new Promise((resolve, reject) => {
            socket.once('error', reject);
            // Port 9 (discard): any port works, nothing is sent.
            socket.connect(9, destination, () => resolve());
        });
        return socket.address().address;
    }
    finally {
        socket.close();
    }
}
/** Flags of each IPv6 address from /proc/net/if_inet6 (hex address \u2192 flags); empty where absent. */
async function ipv6AddressFlags(procRoot) {
    const flags = new Map();
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(procRoot, 'net/if_inet6'), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
        const [hex, , , , flagHex] = line.trim().split(/\s+/);
        if (hex?.length !== 32 || !flagHex)
            continue;
        const address = (0,dns_ip/* parseIp */.r5)(hex.replace(/(.{4})(?!$)/g, '$1:'));
        if (address)
            flags.set(address.text, Number.parseInt(flagHex, 16));
    }
    return flags;
}
async function isTunnel(sysRoot, interfaceName) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(sysRoot, 'class/net', interfaceName, 'type'), 'utf8').catch(() => '');
    return TUNNEL_TYPES.has(Number(text.trim()));
}
/** Source(D) for each destination, in parallel, with prefix length and attributes from the OS. */
async function discoverSources(destinations, options = {}) {
    const procRoot = options.procRoot ?? '/proc';
    const sysRoot = options.sysRoot ?? '/sys';
    const flags = await ipv6AddressFlags(procRoot);
    const interfaces = Object.entries((0,external_node_os_.networkInterfaces)()).flatMap(([name, list]) => (list ?? []).map((entry) => ({ name, entry })));
    const infos = await Promise.all(destinations.map(async (destination) => {
        let address;
        try {
            address = (0,dns_ip/* mustParseIp */.yJ)(await (options.kernelSource ?? kernelSourceFor)(destination)).text;
        }
        catch (error) {
            return { destination, address: null, attributes: {}, error: (0,errors/* errorMessage */.gJ)(error) };
        }
        const owner = interfaces.find(({ entry }) => (0,dns_ip/* parseIp */.r5)(entry.address)?.text === address);
        const prefixLength = owner?.entry.cidr ? Number(owner.entry.cidr.split('/')[1]) : undefined;
        const addressFlags = flags.get(address) ?? 0;
        const attributes = {
            deprecated: (addressFlags & IFA_F_DEPRECATED) !== 0,
            home: (addressFlags & IFA_F_HOMEADDRESS) !== 0,
            encapsulated: owner ? await isTunnel(sysRoot, owner.name) : false,
        };
        return {
            destination,
            address,
            attributes,
            ...(prefixLength !== undefined ? { prefixLength } : {}),
            ...(owner ? { interfaceName: owner.name } : {}),
        };
    }));
    return new Map(infos.map((info) => [info.destination, info]));
}

;// CONCATENATED MODULE: ./lib/src/dns/check.js








function pairFor(address, source) {
    return {
        destination: address,
        source: source?.address ?? null,
        ...(source?.prefixLength !== undefined ? { sourcePrefixLength: source.prefixLength } : {}),
        ...(source ? { sourceAttributes: source.attributes } : {}),
    };
}
/** The first place two orders of the same addresses differ: [ahead in `a`, ahead in `b`]. */
function firstDifference(a, b) {
    const common = a.filter((x) => b.includes(x));
    const bCommon = b.filter((x) => a.includes(x));
    const i = common.findIndex((x, index) => x !== bCommon[index]);
    return i < 0 ? null : [common[i], bCommon[i]];
}
function orderFlag(system, rfc6724, glibc, pairs, glibcPolicy) {
    const difference = firstDifference(system, rfc6724);
    if (!difference)
        return null;
    const [systemFirst, rfcFirst] = difference;
    const pairA = pairs.get(rfcFirst);
    const pairB = pairs.get(systemFirst);
    const rfc = explainPair(pairA, pairB, 'rfc6724');
    let message = `system order puts ${systemFirst} before ${rfcFirst}; RFC 6724 puts ${rfcFirst} first by rule ${rfc.rule} ` +
        `(${rfc.ruleName}: ${rfc.reason})`;
    if (!firstDifference(system, glibc)) {
        const g = explainPair(pairB, pairA, glibcPolicy);
        message += `; glibc's policy (${glibcPolicy.origin}) explains the system order: rule ${g.rule} (${g.ruleName}: ${g.reason})`;
    }
    else {
        message += `; glibc's policy (${glibcPolicy.origin}) predicts neither, so a resolver or NSS module reordered`;
    }
    return {
        id: 'order-disagreement',
        severity: 'info',
        message,
        addresses: [systemFirst, rfcFirst],
        rule: rfc.rule,
    };
}
/**
 * Rule 9 on IPv4 (RFC 3484, Windows Vista/7): when one A record shares a strictly longer prefix
 * with the client's source than every other, it comes first whatever order DNS returns, so the
 * round-robin collapses onto it. Tested by sorting every rotation of the answer.
 */
function collapseFlag(ipv4) {
    const sourced = ipv4.filter((p) => p.source !== null);
    if (sourced.length < 2)
        return null;
    const rotations = sourced.map((_, i) => [...sourced.slice(i), ...sourced.slice(0, i)]);
    const firsts = new Set(rotations.map((r) => sortDestinations(r, 'rfc3484').order[0]));
    const sorted = sortDestinations(sourced, 'rfc3484');
    if (firsts.size !== 1 || sorted.placements[1]?.rule !== 9)
        return null;
    const winner = sorted.order[0];
    const source = sourced.find((p) => (0,dns_ip/* mustParseIp */.yJ)(p.destination).text === winner)?.source;
    return {
        id: 'round-robin-collapse',
        severity: 'warning',
        message: `RFC 3484 clients (rule 9 on IPv4, e.g. Windows Vista/7) with source ${source} would always pick ${winner} ` +
            `(${sorted.placements[1]?.reason}); the other ${sourced.length - 1} A records would get none of their traffic`,
        addresses: [winner],
        rule: 9,
    };
}
function healthFlags(rows) {
    const flags = [];
    const dead = rows.filter((r) => !r.ok).map((r) => r.address);
    const alive = rows.filter((r) => r.ok);
    if (dead.length > 0 && alive.length === 0) {
        flags.push({ id: 'all-unreachable', severity: 'error', message: 'no address passed', addresses: dead });
    }
    else if (dead.length > 0) {
        flags.push({
            id: 'partial-outage',
            severity: 'error',
            message: `${dead.length} of ${rows.length} addresses failed: ${dead.join(', ')}; clients that pick them fail or wait`,
            addresses: dead,
        });
    }
    const v6 = rows.filter((r) => r.family === 6);
    if (v6.length > 0 && v6.every((r) => !r.ok) && alive.some((r) => r.family === 4)) {
        flags.push({
            id: 'ipv6-broken',
            severity: 'error',
            message: `every IPv6 address failed while IPv4 works; RFC 6724 clients try IPv6 first: ${v6.map((r) => r.address).join(', ')}`,
            addresses: v6.map((r) => r.address),
        });
    }
    return flags;
}
/**
 * Resolves `name` (raw answer order and system order), finds the source for every address,
 * computes the RFC 6724 / glibc / RFC 3484 orders and probes every address in parallel.
 */
async function checkName(options) {
    const port = options.port ?? 443;
    const tlsOn = options.tls === 'on' || ((options.tls ?? 'auto') === 'auto' && port === 443);
    const path = options.path ?? '/';
    const timeoutMs = options.timeoutMs ?? 5000;
    const warnings = [];
    const systemLookup = options.resolver
        ? Promise.resolve({
            unavailable: `getaddrinfo asks the system's resolvers (/etc/resolv.conf, nsswitch.conf), not --resolver ${options.resolver}`,
        })
        : resolveSystem(options.name).catch((error) => ({
            unavailable: `getaddrinfo failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
        }));
    const [answers, system] = await Promise.all([
        resolveRaw(options.name, options.resolver, timeoutMs).catch((error) => error),
        systemLookup,
    ]);
    let raw;
    if (!(answers instanceof Error))
        raw = answers;
    else if ((0,errors/* isUserError */.iU)(answers) && Array.isArray(system) && system.length > 0) {
        // e.g. a hosts-file name: getaddrinfo knows it, DNS does not.
        warnings.push(`${answers.message}; the addresses come from getaddrinfo only (hosts file or another NSS source)`);
        raw = { a: [], aaaa: [], servers: (0,external_node_dns_.getServers)() };
    }
    else
        throw answers;
    const dnsOrder = [...raw.a, ...raw.aaaa];
    const systemOrder = Array.isArray(system) ? system : null;
    const addresses = [...new Set([...dnsOrder, ...(systemOrder ?? [])])];
    const sources = await discoverSources(addresses, options.sourceDiscovery);
    const pairs = new Map(addresses.map((a) => [a, pairFor(a, sources.get(a))]));
    // The sorts start from the system's input order: the DNS answer (plus anything only getaddrinfo found).
    const input = addresses.map((a) => pairs.get(a));
    const glibc = loadGlibcPolicy(options.gaiConfPath ?? DEFAULT_GAI_CONF, options.gaiConfPath !== undefined);
    warnings.push(...glibc.warnings);
    const rfc6724 = sortDestinations(input, 'rfc6724').order;
    const glibcOrder = sortDestinations(input, glibc.policy).order;
    const rfc3484 = sortDestinations(input, 'rfc3484').order;
    const sni = options.sni ?? options.name;
    const defaultPort = tlsOn ? 443 : 80;
    const host = port === defaultPort ? options.name : `${options.name}:${port}`;
    const probes = await Promise.all(addresses.map((address) => {
        const probe = { address, port, tls: tlsOn, serverName: sni, host, path, timeoutMs };
        if (options.ca)
            probe.ca = options.ca;
        if (options.insecure)
            probe.insecure = true;
        return probeAddress(probe);
    }));
    const position = (list, a) => {
        const i = list ? list.indexOf(a) : -1;
        return i < 0 ? null : i + 1;
    };
    const rows = addresses.map((address, i) => {
        const probe = probes[i];
        const source = sources.get(address);
        const ok = probe.reachable && probe.tlsOk !== false && probe.status !== null && probe.status < 500;
        const row = {
            address,
            family: (0,dns_ip/* ipFamily */.Mr)(address) === 6 ? 6 : 4,
            dnsPosition: position(dnsOrder, address),
            systemPosition: position(systemOrder, address),
            rfc6724Position: position(rfc6724, address),
            glibcPosition: position(glibcOrder, address),
            source: source?.address ?? null,
            reachable: probe.reachable,
            tlsOk: probe.tlsOk,
            status: probe.status,
            latencyMs: probe.latencyMs,
            ok,
        };
        if (source?.prefixLength !== undefined)
            row.sourcePrefixLength = source.prefixLength;
        if (source?.interfaceName)
            row.sourceInterface = source.interfaceName;
        const error = probe.error !== undefined
            ? `${probe.failedStage}: ${probe.error}`
            : probe.tlsError !== undefined
                ? `tls: ${probe.tlsError}`
                : probe.status !== null && probe.status >= 500
                    ? `http: status ${probe.status}`
                    : source?.error !== undefined
                        ? `no source: ${source.error}`
                        : undefined;
        if (error !== undefined)
            row.error = error;
        return row;
    });
    const flags = healthFlags(rows);
    if (systemOrder) {
        const flag = orderFlag(systemOrder, rfc6724, glibcOrder, pairs, glibc.policy);
        if (flag)
            flags.push(flag);
    }
    else if (!Array.isArray(system)) {
        flags.push({ id: 'system-order-unavailable', severity: 'info', message: system.unavailable });
    }
    const collapse = collapseFlag(input.filter((p) => (0,dns_ip/* ipFamily */.Mr)(p.destination) === 4));
    if (collapse)
        flags.push(collapse);
    const result = {
        name: options.name,
        port,
        tls: tlsOn,
        path,
        servers: raw.servers,
        orders: { dns: dnsOrder, system: systemOrder, rfc6724, glibc: glibcOrder, rfc3484 },
        glibcPolicy: glibc.policy.origin,
        rows,
        flags,
        warnings,
        ok: rows.every((r) => r.ok),
        anyOk: rows.some((r) => r.ok),
    };
    if (!Array.isArray(system))
        result.systemOrderUnavailable = system.unavailable;
    return result;
}

;// CONCATENATED MODULE: ./lib/src/dns/render.js


const yesNo = (v) => (v === null ? '-' : v ? 'yes' : 'NO');
const pos = (v) => (v === null ? 'n/a' : String(v));
function cells(row) {
    const source = row.source === null
        ? 'none'
        : `${row.source}${row.sourcePrefixLength !== undefined ? `/${row.sourcePrefixLength}` : ''}`;
    return [
        row.address,
        `IPv${row.family}`,
        pos(row.dnsPosition),
        pos(row.systemPosition),
        String(row.rfc6724Position),
        source,
        yesNo(row.reachable),
        yesNo(row.tlsOk),
        row.status === null ? '-' : String(row.status),
        `${row.latencyMs.toFixed(1)} ms`,
        // Errors can quote what a server sent (certificate names, TLS alerts): shown escaped.
        (0,untrusted_text/* showUntrusted */.Gz)(row.error ?? ''),
    ];
}
const HEADERS = [
    'address',
    'family',
    'DNS',
    'system',
    'RFC 6724',
    'source',
    'reachable',
    'TLS',
    'status',
    'latency',
    'error',
];
function padTable(headers, rows) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (r) => r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
function summaryLines(result) {
    const lines = [
        `DNS order (${result.servers.join(', ') || 'no server'}): ${result.orders.dns.join(', ') || '(none)'}`,
        `system order (getaddrinfo): ${result.orders.system ? result.orders.system.join(', ') : `n/a (${result.systemOrderUnavailable})`}`,
        `RFC 6724 order: ${result.orders.rfc6724.join(', ')}`,
        `glibc order (${result.glibcPolicy}): ${result.orders.glibc.join(', ')}`,
        `RFC 3484 order: ${result.orders.rfc3484.join(', ')}`,
    ];
    return lines;
}
/** The plain-text report of `dns check`. */
function renderDnsText(result) {
    const scheme = result.tls ? 'https' : 'http';
    const out = [
        `${result.name} port ${result.port} (${scheme}, GET ${result.path}): ${result.ok ? 'all addresses passed' : result.anyOk ? 'some addresses FAILED' : 'every address FAILED'}`,
        '',
        padTable(HEADERS, result.rows.map(cells)),
        '',
        ...summaryLines(result),
    ];
    if (result.flags.length > 0) {
        out.push('', 'flags:');
        for (const f of result.flags)
            out.push(`  [${f.severity}] ${f.id}: ${(0,untrusted_text/* showUntrusted */.Gz)(f.message)}`);
    }
    for (const w of result.warnings)
        out.push(`warning: ${(0,untrusted_text/* showUntrusted */.Gz)(w)}`);
    return `${out.join('\n')}\n`;
}
const escapeCell = untrusted_text/* markdownText */.p7;
/** A GitHub-flavoured markdown report (job summaries, PR comments). */
function renderDnsMarkdown(result) {
    const scheme = result.tls ? 'https' : 'http';
    const status = result.ok
        ? '\u2705 all addresses passed'
        : result.anyOk
            ? '\u26a0\ufe0f some addresses failed'
            : '\u274c every address failed';
    const out = [
        `### DNS check: \`${result.name}\` port ${result.port} (${scheme})`,
        '',
        status,
        '',
        `| ${HEADERS.join(' | ')} |`,
        `| ${HEADERS.map(() => '---').join(' | ')} |`,
        ...result.rows.map((r) => `| ${cells(r).map(escapeCell).join(' | ')} |`),
        '',
        ...summaryLines(result).map((l) => `- ${escapeCell(l)}`),
    ];
    if (result.flags.length > 0) {
        out.push('', '**Flags**', '');
        for (const f of result.flags)
            out.push(`- **${f.id}** (${f.severity}): ${(0,untrusted_text/* markdownText */.p7)(f.message)}`);
    }
    for (const w of result.warnings)
        out.push(`- warning: ${(0,untrusted_text/* markdownText */.p7)(w)}`);
    return `${out.join('\n')}\n`;
}
/** The readable table of `dns sort`: each address and the rule that placed it after the previous one. */
function renderSortText(result) {
    const rows = result.placements.map((p, i) => [
        String(i + 1),
        p.address,
        p.rule === 0 ? '-' : `${p.rule} ${RULE_NAMES[p.rule] ?? ''}`,
        p.rule === 0 ? 'first' : p.reason,
    ]);
    return `policy ${result.policy}\n${padTable(['#', 'address', 'placed by rule', 'why'], rows)}\n`;
}

// EXTERNAL MODULE: ./lib/src/cli/args.js
var args = __webpack_require__(6294);
;// CONCATENATED MODULE: ./lib/src/cli/commands/dns.js











const DNS_USAGE = `Usage: stackgate dns <sort|check> [options]

  sort    order destination addresses as a host with the given sources would
  check   resolve a name, probe every address, and compare DNS, system and RFC 6724 orders

Run 'stackgate dns <sort|check> --help' for options.
`;
const SORT_USAGE = `Usage: stackgate dns sort [--policy rfc6724|rfc3484|glibc] [--json] DEST=SRC ...

Sorts destinations by RFC 6724 \u00a76 destination address selection, as a host whose source for each
destination is SRC would.

  DEST=SRC[/PREFIXLEN][,ATTR...]
      SRC is the source address, or 'none' when there is no usable source (rule 1).
      PREFIXLEN is the source's subnet prefix length (rule 9; RFC 6724 caps IPv6 at it, default 64;
      glibc applies IPv4 rule 9 only inside it).
      ATTR: deprecated (rule 3), home, careof (rule 4), tunnel (rule 7).

Options:
  --policy NAME     rfc6724 (default), rfc3484 (old table, rule 9 on IPv4: Windows Vista/7),
                    glibc (glibc's built-in tables, or those of /etc/gai.conf when present)
  --gai-conf FILE   the gai.conf for --policy glibc (default ${DEFAULT_GAI_CONF})
  --json            print {"order": [...], "steps": [...]}
  -h, --help        this help
`;
const CHECK_USAGE = `Usage: stackgate dns check NAME [options]

Resolves NAME (A and AAAA), finds this host's source for every address, computes the RFC 6724 order,
and probes every address in parallel: TCP connect, TLS with SNI, HTTP GET.

Options:
  --port N              port to probe (default 443)
  --tls auto|on|off     TLS before the request; auto = on for port 443 (default auto)
  --sni NAME            TLS server name and certificate name (default NAME)
  --path PATH           HTTP path (default /)
  --resolver IP[:PORT]  DNS server for the raw answer order; the system order (getaddrinfo)
                        cannot use it and is then reported as n/a
  --timeout MS          per-probe deadline for TCP + TLS + HTTP status line (default 5000)
  --ca FILE             extra trusted CA certificate (PEM); repeatable
  --insecure            accept any TLS certificate
  --gai-conf FILE       gai.conf for the glibc order (default ${DEFAULT_GAI_CONF})
  --format text|json|markdown   output format (default text)
  --json                same as --format json
  --allow-partial       exit 0 when at least one address passed
  -h, --help            this help

Exit codes: 0 every address passed; 1 some address failed (see --allow-partial);
2 usage error or NAME could not be resolved.
`;
function parse(argv, options) {
    return (0,args/* parseArgsOrUsage */.J)({ args: argv, options: options ?? {}, allowPositionals: true, strict: true });
}
const ATTRIBUTES = {
    deprecated: 'deprecated',
    home: 'home',
    careof: 'careOf',
    'care-of': 'careOf',
    tunnel: 'encapsulated',
    encapsulated: 'encapsulated',
};
/** `DEST=SRC[/PREFIXLEN][,ATTR...]` \u2192 a destination pair. */
function parsePairArgument(argument) {
    const eq = argument.indexOf('=');
    if (eq <= 0)
        throw new errors/* UsageError */.eb(`"${argument}": expected DEST=SRC (SRC may be 'none')`);
    const destination = argument.slice(0, eq);
    const [sourceSpec = '', ...attributeNames] = argument.slice(eq + 1).split(',');
    const pair = { destination, source: null };
    const attributes = {};
    for (const name of attributeNames) {
        const key = ATTRIBUTES[name.toLowerCase()];
        if (!key) {
            throw new errors/* UsageError */.eb(`"${argument}": unknown source attribute "${name}" (deprecated, home, careof, tunnel)`);
        }
        attributes[key] = true;
    }
    if (attributeNames.length > 0)
        pair.sourceAttributes = attributes;
    if (sourceSpec.toLowerCase() === 'none')
        return pair;
    const [source = '', prefix] = sourceSpec.split('/');
    pair.source = source;
    if (prefix !== undefined) {
        if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > 128) {
            throw new errors/* UsageError */.eb(`"${argument}": prefix length "${prefix}" is not a number from 0 to 128`);
        }
        pair.sourcePrefixLength = Number(prefix);
    }
    return pair;
}
async function sortCommand(argv, io) {
    const { values, positionals } = parse(argv, {
        policy: { type: 'string', default: 'rfc6724' },
        'gai-conf': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
        io.stdout(SORT_USAGE);
        return 0;
    }
    const policyName = String(values.policy);
    if (!POLICY_NAMES.includes(policyName)) {
        throw new errors/* UsageError */.eb(`--policy "${policyName}": expected one of ${POLICY_NAMES.join(', ')}`);
    }
    if (values['gai-conf'] !== undefined && policyName !== 'glibc') {
        throw new errors/* UsageError */.eb('--gai-conf only applies to --policy glibc');
    }
    if (positionals.length === 0)
        throw new errors/* UsageError */.eb('dns sort needs at least one DEST=SRC');
    const pairs = positionals.map(parsePairArgument);
    let policy = policyName;
    if (policyName === 'glibc') {
        const gaiConf = values['gai-conf'];
        const loaded = loadGlibcPolicy(gaiConf ? (0,external_node_path_.resolve)(io.cwd, gaiConf) : DEFAULT_GAI_CONF, gaiConf !== undefined);
        for (const w of loaded.warnings)
            io.stderr(`stackgate: warning: ${(0,untrusted_text/* showUntrusted */.Gz)(w)}\n`);
        policy = loaded.policy;
    }
    let result;
    try {
        result = sortDestinations(pairs, policy);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw new errors/* UsageError */.eb(error.message);
        throw error;
    }
    if (values.json) {
        io.stdout(`${(0,untrusted_text/* jsonForLog */.wn)({ order: result.order, steps: result.steps })}\n`);
    }
    else {
        io.stdout(renderSortText(result));
    }
    return 0;
}
function positiveInteger(flag, text, max) {
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
        throw new errors/* UsageError */.eb(`${flag} "${text}": expected a whole number from 1 to ${max}`);
    }
    return Number(text);
}
async function checkCommand(argv, io) {
    const { values, positionals } = parse(argv, {
        port: { type: 'string', default: '443' },
        tls: { type: 'string', default: 'auto' },
        sni: { type: 'string' },
        path: { type: 'string', default: '/' },
        resolver: { type: 'string' },
        timeout: { type: 'string', default: '5000' },
        ca: { type: 'string', multiple: true },
        insecure: { type: 'boolean', default: false },
        'gai-conf': { type: 'string' },
        format: { type: 'string' },
        json: { type: 'boolean', default: false },
        'allow-partial': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
        io.stdout(CHECK_USAGE);
        return 0;
    }
    if (positionals.length !== 1)
        throw new errors/* UsageError */.eb('dns check needs exactly one NAME');
    const name = checkHostName(positionals[0]);
    const formatFlag = values.format;
    if (formatFlag !== undefined && !['text', 'json', 'markdown'].includes(formatFlag)) {
        throw new errors/* UsageError */.eb(`--format "${formatFlag}": expected text, json or markdown`);
    }
    if (values.json && formatFlag !== undefined && formatFlag !== 'json') {
        throw new errors/* UsageError */.eb(`--json conflicts with --format ${formatFlag}`);
    }
    const format = values.json ? 'json' : (formatFlag ?? 'text');
    const tls = String(values.tls);
    if (!['auto', 'on', 'off'].includes(tls))
        throw new errors/* UsageError */.eb(`--tls "${tls}": expected auto, on or off`);
    const path = String(values.path);
    if (!path.startsWith('/') || /[\s]/.test(path)) {
        throw new errors/* UsageError */.eb(`--path "${path}": expected an absolute path without spaces`);
    }
    const options = {
        name,
        port: positiveInteger('--port', String(values.port), 65535),
        tls: tls,
        path,
        timeoutMs: positiveInteger('--timeout', String(values.timeout), 600_000),
    };
    if (values.sni !== undefined)
        options.sni = String(values.sni);
    if (values.resolver !== undefined)
        options.resolver = parseResolver(String(values.resolver));
    if (values.insecure)
        options.insecure = true;
    if (values['gai-conf'] !== undefined)
        options.gaiConfPath = (0,external_node_path_.resolve)(io.cwd, String(values['gai-conf']));
    const caFiles = values.ca ?? [];
    options.ca = caFiles.map((file) => {
        try {
            return project_files/* ProjectFiles */.di.unconfined().readText((0,external_node_path_.resolve)(io.cwd, file), 'CA certificate');
        }
        catch (error) {
            throw new errors/* InputError */.dz(`${file}: cannot read CA certificate: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    });
    const result = await checkName(options);
    if (format === 'json')
        io.stdout(`${(0,untrusted_text/* jsonForLog */.wn)(result)}\n`);
    else if (format === 'markdown')
        io.stdout(renderDnsMarkdown(result));
    else
        io.stdout(renderDnsText(result));
    if (result.ok)
        return 0;
    return values['allow-partial'] && result.anyOk ? 0 : 1;
}
/** `stackgate dns sort|check`. */
const dnsCommand = async (argv, io) => {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
        io.stdout(DNS_USAGE);
        return sub === undefined ? 2 : 0;
    }
    if (sub === 'sort')
        return sortCommand(rest, io);
    if (sub === 'check')
        return checkCommand(rest, io);
    throw new errors/* UsageError */.eb(`unknown dns subcommand "${sub}"; expected sort or check`);
};


/***/ }),

/***/ 2835:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   di: () => (/* binding */ ProjectFiles),
/* harmony export */   rV: () => (/* binding */ FileRefused)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_FILE_BYTES, DEFAULT_BUDGET_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);



/**
 * The one way stackgate reads project input. Project files come from whoever opened the pull request,
 * so every path is resolved with realpath and must lie inside the project root (or under a path the
 * user allowed explicitly); only regular files are read, never a FIFO or a device, and the size is
 * checked on the open descriptor before a byte is read, against a per-file cap and a per-run budget.
 */
/** Real project files are kilobytes; a config this large is an attack or a mistake. */
const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Everything one run may read; bounds memory whatever a glob or include chain matches. */
const DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024;
/** A file stackgate declined to read. An InputError, so the CLI shows it without a stack trace (exit 2). */
class FileRefused extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz {
    reason;
    file;
    realPath;
    constructor(message, reason, 
    /** The path as it was named (absolute). */
    file, 
    /** Where it resolves to, when known. */
    realPath, where) {
        super(message, where);
        this.reason = reason;
        this.file = file;
        this.realPath = realPath;
    }
}
function within(parent, child) {
    if (child === parent)
        return true;
    const prefix = parent.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? parent : `${parent}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`;
    return child.startsWith(prefix);
}
function realOrSelf(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(p);
    }
}
function mb(n) {
    return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
class ProjectFiles {
    /** The realpath of the project root. */
    root;
    allowed;
    maxFileBytes;
    budgetBytes;
    allowPathName;
    used = 0;
    /** The text of every file read, keyed by the absolute path it was named by: reporters show only this. */
    sources = new Map();
    outside = [];
    constructor(root, opts = {}) {
        this.root = realOrSelf(root);
        // Only paths that are outside the root as written: a link inside the project is the project's
        // (a pull request's) to aim, so allowing it would let the pull request choose what is read.
        this.allowed = (opts.allow ?? [])
            .map((a) => node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, a))
            .filter((a) => !within(this.root, a) && !within(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root), a))
            .map(realOrSelf);
        this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
        this.budgetBytes = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
        this.allowPathName = opts.allowPathName ?? '--allow-path';
    }
    /** A reader with no root (the whole filesystem is "inside"), still bounded: for library callers and tests. */
    static unconfined(opts = {}) {
        return new ProjectFiles(node_path__WEBPACK_IMPORTED_MODULE_1__.parse(process.cwd()).root, opts);
    }
    /** Compose found the project in a parent of the working directory: that directory is the project. */
    widenRootTo(dir) {
        const real = realOrSelf(dir);
        if (within(real, this.root))
            this.root = real;
    }
    /** Whether a real path may be read: inside the root or under an allowed path. */
    permits(real) {
        return within(this.root, real) || this.allowed.some((a) => within(a, real));
    }
    /** What a path is, without opening it (stat never blocks on a FIFO). Outside paths are not stat'ed further. */
    locate(p) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(this.root, p);
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
        }
        catch {
            return { kind: 'missing', path: abs };
        }
        if (!this.permits(real))
            return { kind: 'outside', path: abs, real };
        try {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
            return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other', path: abs, real };
        }
        catch {
            return { kind: 'missing', path: abs, real };
        }
    }
    isFile(p) {
        return this.locate(p).kind === 'file';
    }
    /** Records a reference that points outside the root, for the path-outside-project note. */
    noteOutside(ref, what, located) {
        const real = located.real ?? located.path;
        if (this.outside.some((o) => o.ref.file === ref.file && o.ref.line === ref.line && o.real === real))
            return;
        this.outside.push({ ref, what, path: located.path, real });
    }
    /** The message for a path outside the root, with the way to allow it. */
    outsideMessage(p, real, what) {
        return `${what} ${p} resolves to ${real}, outside the project root ${this.root}: not read. Pass ${this.allowPathName} ${real} to analyse it.`;
    }
    /** The bytes of a regular file inside the root. Throws FileRefused, naming the file and why. */
    readBytes(p, what = 'file', where, maxBytes = this.maxFileBytes) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(this.root, p);
        const refuse = (reason, message, real) => {
            throw new FileRefused(`${where ? `${where.file}:${where.line}: ` : ''}${message}`, reason, abs, real, where);
        };
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
        }
        catch (error) {
            const code = error.code;
            return refuse(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', `${abs}: cannot read the ${what} (${code ?? 'error'})`);
        }
        if (!this.permits(real))
            return refuse('outside', this.outsideMessage(abs, real, what), real);
        let fd;
        try {
            // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
            fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY);
        }
        catch (error) {
            return refuse('unreadable', `${abs}: cannot read the ${what} (${error.code ?? 'error'})`, real);
        }
        try {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
            if (st.isDirectory())
                return refuse('not-regular', `${abs}: is a directory, not a ${what}`, real);
            if (!st.isFile()) {
                const kind = st.isFIFO()
                    ? 'a FIFO'
                    : st.isCharacterDevice() || st.isBlockDevice()
                        ? 'a device'
                        : st.isSocket()
                            ? 'a socket'
                            : 'not a regular file';
                return refuse('not-regular', `${abs}: is ${kind}, not a regular file; stackgate reads only regular files as ${what}`, real);
            }
            if (st.size > maxBytes) {
                return refuse('too-large', `${abs}: ${what} is ${mb(st.size)}, too large; stackgate reads ${what}s up to ${mb(maxBytes)}`, real);
            }
            if (this.used + st.size > this.budgetBytes) {
                return refuse('budget', `${abs}: not read: the project's files exceed the ${mb(this.budgetBytes)} stackgate reads in one run`, real);
            }
            this.used += st.size;
            const buf = Buffer.allocUnsafe(st.size);
            let off = 0;
            // Read what fstat promised and no more: a file that grows meanwhile cannot outgrow the cap.
            while (off < st.size) {
                const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, off, st.size - off, off);
                if (n === 0)
                    break;
                off += n;
            }
            return off === st.size ? buf : buf.subarray(0, off);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    /** A file's text as UTF-8 (a BOM is kept, so offsets match the file); remembered for code frames. */
    readText(p, what = 'file', where, maxBytes = this.maxFileBytes) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(this.root, p);
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.readBytes(abs, what, where, maxBytes));
        this.sources.set(abs, text);
        return text;
    }
    /** Remembers text that was analysed but did not come from a project file (an image's built-in file). */
    remember(label, text) {
        this.sources.set(label, text);
    }
    /** The entries of a directory inside the root; empty when it is outside, missing or unreadable. */
    list(dir) {
        const where = this.locate(dir);
        if (where.kind !== 'dir' || where.real === undefined)
            return [];
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(where.real, { withFileTypes: true });
        }
        catch {
            return [];
        }
    }
}


/***/ }),

/***/ 9093:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ formatIpv6),
/* harmony export */   Mr: () => (/* binding */ ipFamily),
/* harmony export */   ND: () => (/* binding */ commonPrefixLen),
/* harmony export */   Uk: () => (/* binding */ sharedLeadingBits),
/* harmony export */   r5: () => (/* binding */ parseIp),
/* harmony export */   uB: () => (/* binding */ inPrefix),
/* harmony export */   w7: () => (/* binding */ isIPv6),
/* harmony export */   wM: () => (/* binding */ isIPv4),
/* harmony export */   yJ: () => (/* binding */ mustParseIp)
/* harmony export */ });
// Hand-rolled literal checks, the same answers as node:net's isIP (a unit property test holds them to
// it): loading node:net and compiling its address regexes cost validate's cold start ~10 ms.
const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const ZONE = /^[0-9a-zA-Z\-.:]+$/;
/** A dotted quad as node:net accepts it: four decimal octets \u2264 255, no leading zeros. */
function isIPv4(text) {
    const parts = text.split('.');
    return parts.length === 4 && parts.every((p) => DECIMAL_OCTET.test(p) && Number(p) <= 255);
}
/** An IPv6 literal as node:net accepts it: hex groups, one `::` at most, a dotted-quad tail, a %zone. */
function isIPv6(text) {
    const percent = text.indexOf('%');
    const address = percent < 0 ? text : text.slice(0, percent);
    if (percent >= 0 && !ZONE.test(text.slice(percent + 1)))
        return false;
    const halves = address.split('::');
    if (halves.length > 2)
        return false;
    const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
    const all = groups.flat();
    let count = all.length;
    // A dotted quad may end the address (never before "::") and stands for the last two groups.
    const tail = groups[groups.length - 1] ?? [];
    const last = tail[tail.length - 1];
    if (last?.includes('.')) {
        if (!isIPv4(last))
            return false;
        all.pop();
        count++;
    }
    if (!all.every((g) => HEX_GROUP.test(g)))
        return false;
    return halves.length === 2 ? count <= 7 : count === 8;
}
/** 4, 6 or 0, as node:net's isIP. */
function ipFamily(text) {
    return isIPv4(text) ? 4 : isIPv6(text) ? 6 : 0;
}
/** Parses an IPv4 or IPv6 literal (an IPv6 zone id like %eth0 is ignored); null when it is not one. */
function parseIp(input) {
    const text = input.trim();
    if (isIPv4(text)) {
        const bytes = new Uint8Array(16);
        bytes[10] = 0xff;
        bytes[11] = 0xff;
        text.split('.').forEach((part, i) => {
            bytes[12 + i] = Number(part);
        });
        return { family: 4, bytes, text };
    }
    const withoutZone = text.replace(/%.*$/, '');
    if (!isIPv6(withoutZone))
        return null;
    const bytes = ipv6Bytes(withoutZone);
    return { family: 6, bytes, text: formatIpv6(bytes) };
}
/** Like parseIp, but throws with the offending text. */
function mustParseIp(input) {
    const ip = parseIp(input);
    if (!ip)
        throw new Error(`"${input}" is not an IPv4 or IPv6 address`);
    return ip;
}
function ipv6Bytes(text) {
    // An embedded dotted quad (::ffff:1.2.3.4) becomes two hex groups first.
    let hex = text;
    const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (dotted?.[1]) {
        const q = dotted[1].split('.').map(Number);
        const g1 = (((q[0] ?? 0) << 8) | (q[1] ?? 0)).toString(16);
        const g2 = (((q[2] ?? 0) << 8) | (q[3] ?? 0)).toString(16);
        hex = text.slice(0, dotted.index) + `${g1}:${g2}`;
    }
    const [head = '', tail] = hex.split('::');
    const headGroups = head === '' ? [] : head.split(':');
    const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
    const zeros = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
    const groups = [...headGroups, ...Array(zeros).fill('0'), ...tailGroups];
    const bytes = new Uint8Array(16);
    groups.forEach((g, i) => {
        const v = Number.parseInt(g, 16);
        bytes[i * 2] = v >> 8;
        bytes[i * 2 + 1] = v & 0xff;
    });
    return bytes;
}
/** RFC 5952 text: lower case, longest run (\u22652) of zero groups compressed. */
function formatIpv6(bytes) {
    const groups = [];
    for (let i = 0; i < 16; i += 2)
        groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0)
        return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
/** Number of leading bits a and b share, looking at no more than maxBits of the 16-byte form. */
function sharedLeadingBits(a, b, fromBit, maxBits) {
    let n = 0;
    for (let bit = fromBit; bit < fromBit + maxBits; bit++) {
        const byte = bit >> 3;
        const mask = 0x80 >> (bit & 7);
        if (((a[byte] ?? 0) & mask) !== ((b[byte] ?? 0) & mask))
            break;
        n++;
    }
    return n;
}
/**
 * CommonPrefixLen as Go's net package computes it for RFC 6724 rule 9: 0 across families, up to 32
 * bits for IPv4, and for IPv6 up to the source's prefix length (the part before the interface id,
 * 64 when unknown).
 */
function commonPrefixLen(a, b, ipv6PrefixLength = 64) {
    if (a.family !== b.family)
        return 0;
    if (a.family === 4)
        return sharedLeadingBits(a.bytes, b.bytes, 96, 32);
    return sharedLeadingBits(a.bytes, b.bytes, 0, Math.min(128, ipv6PrefixLength));
}
/** True when ip lies in prefix/bits (bits counted on the 16-byte form). */
function inPrefix(ip, prefix, bits) {
    return sharedLeadingBits(ip.bytes, prefix, 0, bits) === bits;
}


/***/ })

};
