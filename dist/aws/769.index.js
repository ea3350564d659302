export const id = 769;
export const ids = [769];
export const modules = {

/***/ 6379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  clientProfilePath: () => (/* binding */ clientProfilePath),
  S: () => (/* binding */ prepareOpenvpn),
  profileSecrets: () => (/* binding */ profileSecrets)
});

// UNUSED EXPORTS: settingsFor

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./lib/src/aws/openvpn/config.js
const TUNNEL_IPV4 = { network: '10.8.0.0', netmask: '255.255.255.0', cidr: '10.8.0.0/24' };
const TUNNEL_IPV6 = 'fd42:42:42:42::/112';
const PUSHED_DNS = ['2620:fe::fe', '9.9.9.9'];
/** Marks the lines a container test may satisfy in advance (package install, service manager). */
const STUB_MARK = '# stackgate:host-only';
const heredoc = (file, body, mode = '0600') => `install -m ${mode} /dev/null ${file}\ncat > ${file} <<'STACKGATE_EOF'\n${body.trimEnd()}\nSTACKGATE_EOF`;
function serverConfig(s) {
    const v4 = s.ipv4Pool ?? TUNNEL_IPV4;
    const v6 = s.ipv6Pool ?? TUNNEL_IPV6;
    return [
        `# stackgate OpenVPN server for environment ${s.env}`,
        `port ${s.port}`,
        // udp6/tcp6 bind dual-stack; plain "udp" binds IPv4 only (REFERENCE \u00a78.5).
        `proto ${s.protocol}6`,
        'dev tun',
        'topology subnet',
        'ca /etc/openvpn/server/ca.crt',
        'cert /etc/openvpn/server/server.crt',
        'key /etc/openvpn/server/server.key',
        'dh none',
        'tls-crypt /etc/openvpn/server/tls-crypt.key',
        'tls-version-min 1.2',
        'data-ciphers AES-256-GCM',
        'remote-cert-tls client',
        `server ${v4.network} ${v4.netmask}`,
        `server-ipv6 ${v6}`,
        'push "route-ipv6 2000::/3"',
        ...(s.dns ?? PUSHED_DNS).map((d) => `push "dhcp-option DNS${d.includes(':') ? '6' : ''} ${d}"`),
        'keepalive 10 60',
        'persist-key',
        'persist-tun',
        'user nobody',
        'group nogroup',
        // NAT is (re)applied by the up script, so it survives a restart of the service.
        'script-security 2',
        'up /etc/openvpn/server/stackgate-nat.sh',
        'verb 3',
    ].join('\n');
}
function natScript(s) {
    const v4 = s.ipv4Pool ?? TUNNEL_IPV4;
    const v6 = s.ipv6Pool ?? TUNNEL_IPV6;
    return `#!/bin/sh
# NAT44 and NAT66 for the tunnel pools out of the interfaces that carry the default routes.
set -eu
IF4=$(ip -4 route get 192.0.2.1 | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p' | head -n1)
IF6=$(ip -6 route get 2600:: | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p' | head -n1)
iptables -t nat -C POSTROUTING -s ${v4.cidr} -o "$IF4" -j MASQUERADE 2>/dev/null ||
  iptables -t nat -A POSTROUTING -s ${v4.cidr} -o "$IF4" -j MASQUERADE
ip6tables -t nat -C POSTROUTING -s ${v6} -o "$IF6" -j MASQUERADE 2>/dev/null ||
  ip6tables -t nat -A POSTROUTING -s ${v6} -o "$IF6" -j MASQUERADE
`;
}
/** The host's whole setup as one shell script: this is the user data, before gzip+base64. */
function userDataScript(s, pki) {
    return `#!/bin/bash
# stackgate: OpenVPN host for environment ${s.env} (generated; lines ending "${STUB_MARK}" touch only the host's
# package manager and service manager).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
shutdown -h +${s.shutdownAfterMinutes} ${STUB_MARK}
apt-get update -q ${STUB_MARK}
apt-get install -y -q openvpn iptables iproute2 ${STUB_MARK}
install -d -m 0700 /etc/openvpn/server
${heredoc('/etc/openvpn/server/ca.crt', pki.caCert, '0644')}
${heredoc('/etc/openvpn/server/server.crt', pki.serverCert, '0644')}
${heredoc('/etc/openvpn/server/server.key', pki.serverKey)}
${heredoc('/etc/openvpn/server/tls-crypt.key', pki.tlsCryptKey)}
${heredoc('/etc/openvpn/server/stackgate-nat.sh', natScript(s), '0700')}
${heredoc('/etc/openvpn/server/server.conf', serverConfig(s), '0644')}
# Forwarding drops the RA-learned IPv6 default route unless accept_ra=2 (REFERENCE \u00a77.5); set it first,
# on every interface that has a default route now.
for i in $(ip -6 route show default | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p') all default; do
  echo "net.ipv6.conf.$i.accept_ra = 2"
done > /etc/sysctl.d/98-stackgate-accept-ra.conf
cat > /etc/sysctl.d/99-stackgate-forwarding.conf <<'STACKGATE_EOF'
net.ipv4.ip_forward = 1
net.ipv6.conf.all.forwarding = 1
STACKGATE_EOF
sysctl -q -p /etc/sysctl.d/98-stackgate-accept-ra.conf
sysctl -q -p /etc/sysctl.d/99-stackgate-forwarding.conf
systemctl enable --now openvpn-server@server ${STUB_MARK}
`;
}
/** The client profile (.ovpn), everything inline. Secret: written to a 0600 file, never logged. */
function clientProfile(s, pki, remotes) {
    return ([
        `# stackgate OpenVPN client for environment ${s.env}`,
        'client',
        'dev tun',
        `proto ${s.protocol}`,
        ...remotes.map((r) => `remote ${r} ${s.port}`),
        'resolv-retry infinite',
        'nobind',
        'persist-key',
        'persist-tun',
        'remote-cert-tls server',
        'verify-x509-name server name',
        'tls-version-min 1.2',
        'data-ciphers AES-256-GCM',
        'auth-nocache',
        'verb 3',
        `<ca>\n${pki.caCert.trim()}\n</ca>`,
        `<cert>\n${pki.clientCert.trim()}\n</cert>`,
        `<key>\n${pki.clientKey.trim()}\n</key>`,
        `<tls-crypt>\n${pki.tlsCryptKey.trim()}\n</tls-crypt>`,
    ].join('\n') + '\n');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/execa/index.js + 136 modules
var execa = __webpack_require__(2499);
;// CONCATENATED MODULE: ./lib/src/exec.js

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
    const child = (0,execa/* execa */.Ho)(file, args, {
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

;// CONCATENATED MODULE: ./lib/src/aws/openvpn/pki.js





/** openssl in the PKI's scratch directory; keys go to files there, never to the (kept) output. */
async function openssl(args, cwd) {
    await exec('openssl', args, { cwd, timeoutMs: 60_000 });
}
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
/** EC P-256 CA, a serverAuth and a clientAuth certificate, and a tls-crypt key (REFERENCE \u00a78.5). */
async function createPki(env, days = 30) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'stackgate-pki-'));
    try {
        await openssl([
            'req',
            '-x509',
            ...EC,
            '-keyout',
            'ca.key',
            '-out',
            'ca.crt',
            '-days',
            String(days),
            '-subj',
            `/CN=stackgate ${env} CA`,
            '-addext',
            'basicConstraints=critical,CA:TRUE',
            '-addext',
            'keyUsage=critical,keyCertSign,cRLSign',
        ], dir);
        for (const [who, eku] of [
            ['server', 'serverAuth'],
            ['client', 'clientAuth'],
        ]) {
            await (0,promises_.writeFile)(external_node_path_.join(dir, `${who}.ext`), `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=${eku}\n` +
                'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
            await openssl(['req', '-new', ...EC, '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`], dir);
            await openssl([
                'x509',
                '-req',
                '-in',
                `${who}.csr`,
                '-CA',
                'ca.crt',
                '-CAkey',
                'ca.key',
                '-CAcreateserial',
                '-out',
                `${who}.crt`,
                '-days',
                String(days),
                '-sha256',
                '-extfile',
                `${who}.ext`,
            ], dir);
        }
        const read = (f) => (0,promises_.readFile)(external_node_path_.join(dir, f), 'utf8');
        const hex = (0,external_node_crypto_.randomBytes)(256).toString('hex');
        const lines = hex.match(/.{32}/g).join('\n');
        return {
            caCert: await read('ca.crt'),
            serverCert: await read('server.crt'),
            serverKey: await read('server.key'),
            clientCert: await read('client.crt'),
            clientKey: await read('client.key'),
            tlsCryptKey: `-----BEGIN OpenVPN Static key V1-----\n${lines}\n-----END OpenVPN Static key V1-----\n`,
        };
    }
    finally {
        // The CA key is not kept: a new environment gets a new PKI.
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./lib/src/aws/openvpn/bundle.js





function clientProfilePath(outputDir, env) {
    return external_node_path_.join(outputDir, `${env}.ovpn`);
}
function settingsFor(desired, ttlMinutes) {
    return {
        env: desired.name,
        port: desired.openvpn.port,
        protocol: desired.openvpn.protocol,
        shutdownAfterMinutes: Math.max(1, Math.ceil(ttlMinutes)),
    };
}
const SECRET_BLOCK = /<(key|tls-crypt)>\n([\s\S]*?)\n<\/\1>/g;
/**
 * The secret parts of a client profile (its private key and tls-crypt key), as the runner masks them:
 * each block whole and line by line (a log shows them a line at a time), markers and comments left out.
 */
function profileSecrets(profile) {
    const out = [];
    for (const [, , body] of profile.matchAll(SECRET_BLOCK)) {
        out.push(body);
        for (const line of body.split('\n'))
            if (!/^(-----|#)/.test(line) && line.trim().length >= 8)
                out.push(line.trim());
    }
    return out;
}
/** A fresh PKI, the host's user data, and a writer for the matching client profile. */
async function prepareOpenvpn(desired, outputDir, ttlMinutes = 240, mask = () => { }) {
    const settings = settingsFor(desired, ttlMinutes);
    const pki = await createPki(desired.name);
    // Masked as soon as they exist, before any step could print them; the server key rides in user data.
    for (const secret of profileSecrets(clientProfile(settings, pki, [])))
        mask(secret);
    for (const secret of profileSecrets(`<key>\n${pki.serverKey.trim()}\n</key>`))
        mask(secret);
    return {
        userData: userDataScript(settings, pki),
        gzip: (b) => (0,external_node_zlib_.gzipSync)(b, { level: 9 }),
        writeClientProfile: async (remotes) => {
            await (0,promises_.mkdir)(outputDir, { recursive: true, mode: 0o700 });
            const file = clientProfilePath(outputDir, desired.name);
            await (0,promises_.writeFile)(file, clientProfile(settings, pki, remotes), { mode: 0o600 });
            await (0,promises_.chmod)(file, 0o600);
            return file;
        },
    };
}


/***/ }),

/***/ 5769:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultOutputDir: () => (/* binding */ defaultOutputDir),
  runAws: () => (/* binding */ runAws)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var client_ssm_dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: ./lib/src/core/errors.js + 1 modules
var errors = __webpack_require__(4768);
// EXTERNAL MODULE: ./lib/src/aws/desired.js
var aws_desired = __webpack_require__(4190);
// EXTERNAL MODULE: ./lib/src/aws/discover.js
var discover = __webpack_require__(697);
;// CONCATENATED MODULE: ./lib/src/aws/retry.js
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Calls fn until it succeeds, `retryable(error)` is false, or the attempts/deadline run out; the last error
 * is rethrown. `onRetry` sees each retried error (for the "still waiting because \u2026" report).
 */
async function withBackoff(fn, retryable, options, onRetry) {
    const sleep = options.sleep ?? realSleep;
    const now = options.now ?? Date.now;
    const random = options.random ?? Math.random;
    const start = now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (!retryable(error) || attempt >= options.maxAttempts)
                throw error;
            const delay = Math.min(options.maxDelayMs, random() * options.baseMs * 2 ** (attempt - 1));
            if (now() + delay - start > options.deadlineMs)
                throw error;
            onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}
/** The AWS error code of an SDK error (`name`/`Code`), or undefined for non-service errors. */
function awsErrorCode(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const e = error;
    if (typeof e.Code === 'string')
        return e.Code;
    if (e.$metadata !== undefined && typeof e.name === 'string')
        return e.name;
    if (typeof e.name === 'string' && /^[A-Z][A-Za-z]+(\.[A-Za-z]+)?$/.test(e.name) && e.name !== 'Error')
        return e.name;
    return undefined;
}
/** HTTP status of an SDK service error, if it got an answer at all. */
function httpStatus(error) {
    const m = error?.$metadata;
    return typeof m?.httpStatusCode === 'number' ? m.httpStatusCode : undefined;
}
/**
 * True when a request may or may not have taken effect: no answer (connection dropped, timeout) or a 5xx.
 * A create that fails this way is looked up by tag before it is retried.
 */
function isAmbiguous(error) {
    const status = httpStatus(error);
    if (status !== undefined)
        return status >= 500;
    const code = error?.code;
    const name = error?.name;
    return ((typeof code === 'string' &&
        /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)$/.test(code)) ||
        name === 'TimeoutError' ||
        name === 'RequestTimeout' ||
        name === 'AbortError');
}
const THROTTLING_CODES = new Set([
    'RequestLimitExceeded',
    'Throttling',
    'ThrottlingException',
    'TooManyRequestsException',
]);
function isThrottling(error) {
    return THROTTLING_CODES.has(awsErrorCode(error) ?? '');
}

;// CONCATENATED MODULE: ./lib/src/aws/runtime.js

const DEFAULT_BACKOFF = { baseMs: 500, maxDelayMs: 20_000 };
/** Transient for our own retry loop: throttling, or no definite answer. */
function isTransient(error) {
    return isThrottling(error) || isAmbiguous(error);
}
function isDependencyViolation(error) {
    const code = awsErrorCode(error);
    return (code === 'DependencyViolation' ||
        code === 'InvalidGroup.InUse' ||
        // "resource sg-\u2026 has a dependent object" comes as DependencyViolation; keep the text check for variants.
        /dependent object|has some mapped public address/i.test(error?.message ?? ''));
}
const NOT_FOUND = new Set([
    'InvalidVpcID.NotFound',
    'InvalidSubnetID.NotFound',
    'InvalidGroup.NotFound',
    'InvalidGroupId.NotFound',
    'InvalidInternetGatewayID.NotFound',
    'InvalidGatewayID.NotFound',
    'Gateway.NotAttached',
    'InvalidRouteTableID.NotFound',
    'InvalidAssociationID.NotFound',
    'InvalidInstanceID.NotFound',
    'InvalidEgressOnlyInternetGatewayId.NotFound',
    'InvalidRoute.NotFound',
]);
function isNotFound(error) {
    return NOT_FOUND.has(awsErrorCode(error) ?? '');
}
/** Runs independent tasks concurrently, or one after another in sequential mode. */
async function together(rt, tasks) {
    if (rt.sequential) {
        for (const t of tasks)
            await t();
        return;
    }
    const results = await Promise.allSettled(tasks.map((t) => t()));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
}

;// CONCATENATED MODULE: ./lib/src/aws/destroy.js





/**
 * Deletes exactly the given owned resources, in reverse dependency order (REFERENCE \u00a77.3). Every delete
 * retries DependencyViolation and transient errors with jittered backoff until the shared deadline; a
 * NotFound counts as done. Nothing outside `actual` is touched.
 */
async function destroyResources(rt, actual) {
    const result = { deleted: [], left: [] };
    const started = rt.backoff.now?.() ?? Date.now();
    const remaining = () => rt.destroyDeadlineMs - ((rt.backoff.now?.() ?? Date.now()) - started);
    const attempt = async (type, id, op) => {
        try {
            await withBackoff(async () => {
                try {
                    await op();
                }
                catch (error) {
                    if (isNotFound(error))
                        return;
                    throw error;
                }
            }, (e) => isDependencyViolation(e) || isTransient(e), { ...rt.backoff, deadlineMs: Math.max(0, remaining()), maxAttempts: 1000 }, (e, n, delay) => rt.log(`aws: ${type} ${id}: ${awsErrorCode(e) ?? 'error'} (attempt ${n}), retrying in ${Math.round(delay)} ms`));
            result.deleted.push({ type, id });
            rt.log(`aws: deleted ${type} ${id}`);
            return true;
        }
        catch (error) {
            result.left.push({ type, id, reason: `${awsErrorCode(error) ?? 'error'}: ${(0,errors/* errorMessage */.gJ)(error)}` });
            return false;
        }
    };
    // 1. Instances: terminate, then wait until they are gone (the waiter polls; no sleeps of our own).
    const instanceIds = actual.instances.map((i) => i.InstanceId).filter((x) => Boolean(x));
    if (instanceIds.length > 0) {
        const terminated = await attempt('instance', instanceIds.join(','), () => rt.ec2.send(new dist_cjs/* TerminateInstancesCommand */.NaF({ InstanceIds: instanceIds })));
        result.deleted = result.deleted.filter((d) => d.type !== 'instance');
        if (terminated) {
            try {
                await (0,dist_cjs/* waitUntilInstanceTerminated */.GJr)({ client: rt.ec2, ...rt.waiter, maxWaitTime: Math.max(rt.waiter.maxWaitTime, 1) }, { InstanceIds: instanceIds });
                for (const id of instanceIds)
                    result.deleted.push({ type: 'instance', id });
                rt.log(`aws: terminated instance(s) ${instanceIds.join(', ')}`);
            }
            catch (error) {
                for (const id of instanceIds)
                    result.left.push({
                        type: 'instance',
                        id,
                        reason: waiterReason(error, rt.waiter.maxWaitTime),
                    });
            }
        }
        else {
            const reason = result.left.pop()?.reason ?? 'terminate failed';
            for (const id of instanceIds)
                result.left.push({ type: 'instance', id, reason });
        }
    }
    // 2. Security groups and subnets: ENIs may linger after termination, hence the DependencyViolation retries.
    await together(rt, actual.securityGroups.map((g) => () => attempt('security-group', g.GroupId, () => rt.ec2.send(new dist_cjs/* DeleteSecurityGroupCommand */.yEh({ GroupId: g.GroupId })))));
    await together(rt, actual.subnets.map((s) => () => attempt('subnet', s.SubnetId, () => rt.ec2.send(new dist_cjs/* DeleteSubnetCommand */.i0k({ SubnetId: s.SubnetId })))));
    // 3. Route tables: disassociate, then delete.
    await together(rt, actual.routeTables.map((t) => async () => {
        for (const a of t.Associations ?? []) {
            if (a.Main || !a.RouteTableAssociationId)
                continue;
            await attempt('route-table-association', a.RouteTableAssociationId, () => rt.ec2.send(new dist_cjs/* DisassociateRouteTableCommand */.v7Y({ AssociationId: a.RouteTableAssociationId })));
        }
        await attempt('route-table', t.RouteTableId, () => rt.ec2.send(new dist_cjs/* DeleteRouteTableCommand */.mZL({ RouteTableId: t.RouteTableId })));
    }));
    // 4. Egress-only gateways (a VPC that still has one cannot be deleted on AWS).
    await together(rt, actual.egressOnlyInternetGateways.map((g) => () => attempt('egress-only-internet-gateway', g.EgressOnlyInternetGatewayId, () => rt.ec2.send(new dist_cjs/* DeleteEgressOnlyInternetGatewayCommand */.fHF({
        EgressOnlyInternetGatewayId: g.EgressOnlyInternetGatewayId,
    })))));
    // 5. Internet gateways: detach (DependencyViolation while public addresses are still mapped), then delete.
    await together(rt, actual.internetGateways.map((g) => async () => {
        for (const a of g.Attachments ?? []) {
            if (!a.VpcId || a.State === 'detached')
                continue;
            const ok = await attempt('internet-gateway', `${g.InternetGatewayId} (detach from ${a.VpcId})`, () => rt.ec2.send(new dist_cjs/* DetachInternetGatewayCommand */.Ynw({ InternetGatewayId: g.InternetGatewayId, VpcId: a.VpcId })));
            result.deleted = result.deleted.filter((d) => !d.id.endsWith(`(detach from ${a.VpcId})`));
            if (!ok)
                return;
        }
        await attempt('internet-gateway', g.InternetGatewayId, () => rt.ec2.send(new dist_cjs/* DeleteInternetGatewayCommand */.yGL({ InternetGatewayId: g.InternetGatewayId })));
    }));
    // 6. VPCs.
    await together(rt, actual.vpcs.map((v) => () => attempt('vpc', v.VpcId, () => rt.ec2.send(new dist_cjs/* DeleteVpcCommand */.mRj({ VpcId: v.VpcId })))));
    return result;
}
/** Destroys everything owned by `env`, then checks by a fresh discovery that nothing owned is left. */
async function destroyEnvironment(rt, env) {
    const result = await destroyResources(rt, await (0,discover/* discover */.k4)(rt.ec2, env));
    const after = await (0,discover/* discover */.k4)(rt.ec2, env);
    if ((0,discover/* countResources */.xI)(after) > 0 && result.left.length === 0) {
        // Something appeared meanwhile (a concurrent apply?): one more pass, reported honestly if it fails too.
        const again = await destroyResources(rt, after);
        result.deleted.push(...again.deleted);
        result.left.push(...again.left);
    }
    return result;
}
/**
 * Destroys every stackgate environment whose expires-at has passed. An environment's expiry is the latest
 * expires-at on any of its resources, so a re-applied environment is not reaped by an old leftover tag;
 * one without a readable expiry is kept and listed.
 */
async function reap(rt) {
    const now = rt.now();
    const out = { reaped: [], kept: [] };
    for (const [environment, actual] of (0,discover/* byEnvironment */.NC)(await (0,discover/* discover */.k4)(rt.ec2))) {
        const dates = Object.values(actual)
            .flat()
            .map((r) => (0,discover/* expiresAt */.WJ)(r.Tags))
            .filter((d) => d !== undefined);
        const latest = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined;
        if (!latest || latest.getTime() > now.getTime()) {
            out.kept.push({ environment, expiresAt: latest?.toISOString() ?? null });
            continue;
        }
        rt.log(`aws: reaping ${environment} (expired ${latest.toISOString()})`);
        out.reaped.push({
            environment,
            expiresAt: latest.toISOString(),
            result: await destroyResources(rt, actual),
        });
    }
    return out;
}
/** The waiter's error carries every observed response as JSON: report the last state instead. */
function waiterReason(error, seconds) {
    const text = (0,errors/* errorMessage */.gJ)(error);
    const states = [...text.matchAll(/\\"State\\":\{\\"Name\\":\\"([a-z-]+)\\"/g)].map((m) => m[1]);
    const last = states.at(-1);
    return last
        ? `still ${last} after the waiter's ${seconds} s`
        : `not terminated within ${seconds} s: ${text.slice(0, 200)}`;
}

// EXTERNAL MODULE: ./lib/src/aws/ipv6.js
var ipv6 = __webpack_require__(4503);
// EXTERNAL MODULE: ./lib/src/aws/openvpn/bundle.js + 3 modules
var bundle = __webpack_require__(6379);
// EXTERNAL MODULE: ./lib/src/aws/plan.js
var plan = __webpack_require__(1413);
;// CONCATENATED MODULE: ./lib/src/aws/apply.js












/** A failure of the environment (not of how stackgate was called): exit 1, printed without a stack. */
class AwsFailure extends Error {
    name = 'AwsFailure';
}
function tagSpec(desired, o, ec2Type, type) {
    return [
        {
            ResourceType: ec2Type,
            Tags: (0,aws_desired/* ownershipTags */.dt)(desired.name, o.expiresAt, (0,aws_desired/* resourceName */.Iy)(desired.name, type)),
        },
    ];
}
/**
 * A create call guarded against lost answers: on an ambiguous failure (no answer, 5xx, throttling) the
 * resource is looked up by tag before the call is repeated, so a create whose answer was lost is adopted,
 * not made twice (moto ignores ClientToken, and most EC2 creates have none).
 */
async function ensure(rt, what, lookup, make) {
    return withBackoff(async (attempt) => {
        if (attempt > 1) {
            const found = await lookup();
            if (found !== undefined) {
                rt.log(`aws: ${what} exists after a lost answer; adopting it`);
                return found;
            }
        }
        return make();
    }, isTransient, { ...rt.backoff, deadlineMs: 120_000, maxAttempts: 8 }, (e, n) => rt.log(`aws: ${what}: ${awsErrorCode(e) ?? (0,errors/* errorMessage */.gJ)(e)} (attempt ${n}), retrying`));
}
/** Calls that are safe to repeat (attribute sets, attaches, authorizes): retried on transient errors. */
function retrying(rt, what, fn) {
    return withBackoff(fn, isTransient, { ...rt.backoff, deadlineMs: 120_000, maxAttempts: 8 }, (e, n) => rt.log(`aws: ${what}: ${awsErrorCode(e) ?? (0,errors/* errorMessage */.gJ)(e)} (attempt ${n}), retrying`));
}
function permission(r) {
    const base = { IpProtocol: r.protocol };
    if (r.protocol !== '-1') {
        base.FromPort = r.fromPort;
        base.ToPort = r.toPort;
    }
    if (r.cidr.includes(':'))
        base.Ipv6Ranges = [{ CidrIpv6: r.cidr }];
    else
        base.IpRanges = [{ CidrIp: r.cidr }];
    return base;
}
/** The AMI id (from --ami or the SSM parameter), checked to exist, with its root device name. */
async function resolveImage(rt, desired) {
    let imageId;
    if ('id' in desired.ami)
        imageId = desired.ami.id;
    else {
        const name = desired.ami.parameter;
        try {
            const r = await rt.ssm.send(new client_ssm_dist_cjs/* GetParameterCommand */.lhy({ Name: name }));
            imageId = r.Parameter?.Value ?? '';
        }
        catch (error) {
            if (awsErrorCode(error) === 'ParameterNotFound')
                throw new AwsFailure(`the SSM parameter ${name} does not exist in this region; give --ami-parameter a parameter that holds an AMI id, or --ami`);
            throw error;
        }
        if (!/^ami-[0-9a-f]+$/.test(imageId))
            throw new AwsFailure(`the SSM parameter ${name} holds "${imageId}", which is not an AMI id`);
    }
    let images = [];
    try {
        images = (await rt.ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5({ ImageIds: [imageId] }))).Images ?? [];
    }
    catch (error) {
        if (!/InvalidAMIID/.test(awsErrorCode(error) ?? ''))
            throw error;
    }
    if (images.length === 0)
        throw new AwsFailure(`the AMI ${imageId} does not exist in ${await rt.ec2.config.region()} (or is not visible to this account)`);
    const rootDevice = images[0]?.RootDeviceName ?? '/dev/xvda';
    const root = images[0]?.BlockDeviceMappings?.find((m) => m.DeviceName === rootDevice);
    // Re-stating the root mapping to encrypt it needs a size; the image's own keeps the AMI's minimum.
    return { imageId, rootDevice, rootSizeGiB: root?.Ebs?.VolumeSize ?? 8 };
}
async function checkInstanceType(rt, instanceType) {
    try {
        const r = await rt.ec2.send(new dist_cjs/* DescribeInstanceTypesCommand */.hkU({ InstanceTypes: [instanceType] }));
        if ((r.InstanceTypes ?? []).some((t) => t.InstanceType === instanceType))
            return;
    }
    catch (error) {
        if (awsErrorCode(error) !== 'InvalidInstanceType')
            throw error;
    }
    throw new AwsFailure(`the instance type ${instanceType} does not exist in this region; pick another --instance-type`);
}
function encodeUserData(script, gzip) {
    const encoded = gzip(Buffer.from(script)).toString('base64');
    if (encoded.length > aws_desired/* USER_DATA_LIMIT */.z4)
        throw new AwsFailure(`the instance's user data is ${encoded.length} bytes after gzip+base64, over EC2's ${aws_desired/* USER_DATA_LIMIT */.z4}-byte limit`);
    return encoded;
}
async function waitIpv6Associated(rt, vpcId) {
    // There is no waiter for the IPv6 association: poll DescribeVpcs with backoff until it is associated.
    return withBackoff(async () => {
        const vpc = (await rt.ec2.send(new dist_cjs/* DescribeVpcsCommand */.Dti({ VpcIds: [vpcId] }))).Vpcs?.[0];
        const cidr = (0,plan/* vpcIpv6Cidr */.Fl)(vpc);
        if (!cidr)
            throw Object.assign(new Error(`the VPC ${vpcId} has no associated IPv6 /56 yet`), { retry: true });
        return cidr;
    }, (e) => e.retry === true || isTransient(e), { ...rt.backoff, baseMs: Math.min(rt.backoff.baseMs, 1000), deadlineMs: 120_000, maxAttempts: 30 });
}
/** Checks done before anything is created, so a bad AMI, type or user data fails with nothing made. */
async function preflight(rt, desired, p, o) {
    if (p.have.instance)
        return {};
    const [image, , openvpn] = await Promise.all([
        resolveImage(rt, desired),
        checkInstanceType(rt, desired.instanceType),
        (0,bundle/* prepareOpenvpn */.S)(desired, o.outputDir, (o.expiresAt.getTime() - rt.now().getTime()) / 60_000, o.mask),
    ]);
    return { image, openvpn };
}
/** Carries out one plan: extras deleted, then everything missing or changed, layer by layer. */
async function execute(rt, desired, p, o, prepared, token) {
    const step = (name) => o.onStep?.(name);
    const env = desired.name;
    const lookup = async (key) => ((0,plan/* plan */.et)(desired, await (0,discover/* discover */.k4)(rt.ec2, env)).have[key] ?? undefined);
    if ((0,discover/* countResources */.xI)(p.extras) > 0) {
        const r = await destroyResources(rt, p.extras);
        if (r.left.length)
            rt.log(`aws: could not delete ${r.left.map((l) => `${l.type} ${l.id} (${l.reason})`).join(', ')}`);
    }
    // Layer 1: the VPC and its IPv6 /56.
    let vpc = p.have.vpc;
    if (!vpc) {
        vpc = await ensure(rt, 'vpc', () => lookup('vpc'), async () => {
            const r = await rt.ec2.send(new dist_cjs/* CreateVpcCommand */.fzh({
                CidrBlock: desired.vpcCidr,
                AmazonProvidedIpv6CidrBlock: true,
                TagSpecifications: tagSpec(desired, o, 'vpc', 'vpc'),
            }));
            return r.Vpc;
        });
        rt.log(`aws: created vpc ${vpc.VpcId}`);
        step('vpc');
    }
    const vpcId = vpc.VpcId;
    await (0,dist_cjs/* waitUntilVpcAvailable */.Qut)({ client: rt.ec2, ...rt.waiter }, { VpcIds: [vpcId] });
    const vpcIpv6 = (0,plan/* vpcIpv6Cidr */.Fl)(vpc) ?? (await waitIpv6Associated(rt, vpcId));
    const subnetIpv6 = (0,ipv6/* subnetOf */.FY)(vpcIpv6, 64, desired.subnetIpv6Index);
    // Layer 2: everything that needs only the VPC, concurrently.
    let subnetId = p.have.subnet?.SubnetId;
    let igwId = p.have.internetGateway?.InternetGatewayId;
    let eigwId = p.have.egressOnlyInternetGateway?.EgressOnlyInternetGatewayId;
    let rtbId = p.have.routeTable?.RouteTableId;
    let sgId = p.have.securityGroup?.GroupId;
    await together(rt, [
        async () => {
            if (!subnetId) {
                const s = await ensure(rt, 'subnet', () => lookup('subnet'), async () => (await rt.ec2.send(new dist_cjs/* CreateSubnetCommand */.Rai({
                    VpcId: vpcId,
                    CidrBlock: desired.subnetCidr,
                    Ipv6CidrBlock: subnetIpv6,
                    TagSpecifications: tagSpec(desired, o, 'subnet', 'subnet'),
                }))).Subnet);
                subnetId = s.SubnetId;
                rt.log(`aws: created subnet ${subnetId} (${desired.subnetCidr}, ${subnetIpv6})`);
                step('subnet');
                Object.assign(p.subnetFix, { mapPublicIp: true, assignIpv6: true, ipv6Cidr: false });
            }
            const id = subnetId;
            if (p.subnetFix.ipv6Cidr)
                await retrying(rt, 'subnet ipv6', () => rt.ec2.send(new dist_cjs/* AssociateSubnetCidrBlockCommand */.cFW({ SubnetId: id, Ipv6CidrBlock: subnetIpv6 })));
            // One attribute per call; the IPv6 one only once the subnet has its /64 (REFERENCE \u00a77.2 step 4).
            if (p.subnetFix.mapPublicIp || p.subnetFix.ipv6Cidr)
                await retrying(rt, 'subnet attribute', () => rt.ec2.send(new dist_cjs/* ModifySubnetAttributeCommand */.Zdz({ SubnetId: id, MapPublicIpOnLaunch: { Value: true } })));
            if (p.subnetFix.assignIpv6 || p.subnetFix.ipv6Cidr)
                await retrying(rt, 'subnet attribute', () => rt.ec2.send(new dist_cjs/* ModifySubnetAttributeCommand */.Zdz({ SubnetId: id, AssignIpv6AddressOnCreation: { Value: true } })));
        },
        async () => {
            let attach = p.attachInternetGateway;
            if (!igwId) {
                const g = await ensure(rt, 'internet-gateway', () => lookup('internetGateway'), async () => (await rt.ec2.send(new dist_cjs/* CreateInternetGatewayCommand */.ToE({
                    TagSpecifications: tagSpec(desired, o, 'internet-gateway', 'internet-gateway'),
                }))).InternetGateway);
                igwId = g.InternetGatewayId;
                attach = !g.Attachments?.some((a) => a.VpcId === vpcId);
                rt.log(`aws: created internet-gateway ${igwId}`);
                step('internet-gateway');
            }
            const id = igwId;
            if (attach)
                await retrying(rt, 'attach internet-gateway', async () => {
                    try {
                        await rt.ec2.send(new dist_cjs/* AttachInternetGatewayCommand */.Gne({ InternetGatewayId: id, VpcId: vpcId }));
                    }
                    catch (error) {
                        if (awsErrorCode(error) !== 'Resource.AlreadyAssociated')
                            throw error;
                    }
                });
        },
        async () => {
            if (!desired.egressOnly || eigwId)
                return;
            const g = await ensure(rt, 'egress-only-internet-gateway', () => lookup('egressOnlyInternetGateway'), async () => (await rt.ec2.send(new dist_cjs/* CreateEgressOnlyInternetGatewayCommand */.Aam({
                VpcId: vpcId,
                ClientToken: `${token}-eigw`,
                TagSpecifications: tagSpec(desired, o, 'egress-only-internet-gateway', 'egress-only-internet-gateway'),
            }))).EgressOnlyInternetGateway);
            eigwId = g.EgressOnlyInternetGatewayId;
            rt.log(`aws: created egress-only-internet-gateway ${eigwId}`);
            step('egress-only-internet-gateway');
        },
        async () => {
            if (rtbId)
                return;
            const t = await ensure(rt, 'route-table', () => lookup('routeTable'), async () => (await rt.ec2.send(new dist_cjs/* CreateRouteTableCommand */.ZDF({
                VpcId: vpcId,
                ClientToken: `${token}-rtb`,
                TagSpecifications: tagSpec(desired, o, 'route-table', 'route-table'),
            }))).RouteTable);
            rtbId = t.RouteTableId;
            rt.log(`aws: created route-table ${rtbId}`);
            step('route-table');
        },
        async () => {
            let ingress = p.ingress;
            let egress = p.egress;
            if (!sgId) {
                const g = await ensure(rt, 'security-group', () => lookup('securityGroup'), async () => {
                    try {
                        const r = await rt.ec2.send(new dist_cjs/* CreateSecurityGroupCommand */.x3C({
                            GroupName: desired.groupName,
                            Description: `stackgate environment ${env}: OpenVPN${desired.ingress.some((r) => r.fromPort === 22) ? ' and SSH' : ''}`,
                            VpcId: vpcId,
                            TagSpecifications: tagSpec(desired, o, 'security-group', 'security-group'),
                        }));
                        return { GroupId: r.GroupId };
                    }
                    catch (error) {
                        // The name is unique per VPC: a duplicate is ours from a lost answer, if it carries our tags.
                        if (awsErrorCode(error) === 'InvalidGroup.Duplicate') {
                            const found = await lookup('securityGroup');
                            if (found)
                                return found;
                        }
                        throw error;
                    }
                });
                sgId = g.GroupId;
                ingress = { add: desired.ingress, remove: [] };
                egress = { add: desired.egress, remove: [] };
                rt.log(`aws: created security-group ${sgId}`);
                step('security-group');
            }
            const id = sgId;
            const rules = [];
            const ruleTags = tagSpec(desired, o, 'security-group-rule', 'security-group');
            for (const r of ingress.add)
                rules.push(() => duplicateOk(rt, 'ingress', () => rt.ec2.send(new dist_cjs/* AuthorizeSecurityGroupIngressCommand */.N8i({
                    GroupId: id,
                    IpPermissions: [permission(r)],
                    TagSpecifications: ruleTags,
                }))));
            // A new group's default egress may already hold the rule (moto: 0.0.0.0/0 and ::/0): Duplicate is success.
            for (const r of egress.add)
                rules.push(() => duplicateOk(rt, 'egress', () => rt.ec2.send(new dist_cjs/* AuthorizeSecurityGroupEgressCommand */.HGF({
                    GroupId: id,
                    IpPermissions: [permission(r)],
                    TagSpecifications: ruleTags,
                }))));
            for (const r of ingress.remove)
                rules.push(() => retrying(rt, 'revoke ingress', () => rt.ec2.send(new dist_cjs/* RevokeSecurityGroupIngressCommand */.eo3({ GroupId: id, IpPermissions: [permission(r)] }))));
            for (const r of egress.remove)
                rules.push(() => retrying(rt, 'revoke egress', () => rt.ec2.send(new dist_cjs/* RevokeSecurityGroupEgressCommand */.kjk({ GroupId: id, IpPermissions: [permission(r)] }))));
            await together(rt, rules);
        },
    ]);
    // Layer 3: routes and the association need the table and gateways; the instance needs subnet and group.
    const routeTableId = rtbId;
    await together(rt, [
        ...p.routes
            .filter((s) => s.op !== 'keep' || !p.have.routeTable)
            .map((s) => async () => {
            const ipv6 = s.route.destination === '::/0';
            const target = s.route.target === 'internet-gateway'
                ? { GatewayId: igwId }
                : { EgressOnlyInternetGatewayId: eigwId };
            const dest = ipv6
                ? { DestinationIpv6CidrBlock: s.route.destination }
                : { DestinationCidrBlock: s.route.destination };
            await retrying(rt, `route ${s.route.destination}`, async () => {
                if (s.op === 'replace') {
                    await rt.ec2.send(new dist_cjs/* ReplaceRouteCommand */.nn7({ RouteTableId: routeTableId, ...dest, ...target }));
                    return;
                }
                try {
                    await rt.ec2.send(new dist_cjs/* CreateRouteCommand */.n0F({ RouteTableId: routeTableId, ...dest, ...target }));
                }
                catch (error) {
                    if (awsErrorCode(error) !== 'RouteAlreadyExists')
                        throw error;
                    await rt.ec2.send(new dist_cjs/* ReplaceRouteCommand */.nn7({ RouteTableId: routeTableId, ...dest, ...target }));
                }
            });
            step(`route ${s.route.destination}`);
        }),
        ...p.extraRoutes.map((r) => () => retrying(rt, `delete route ${r.destination}`, () => rt.ec2.send(new dist_cjs/* DeleteRouteCommand */.e2S({
            RouteTableId: routeTableId,
            ...(r.ipv6
                ? { DestinationIpv6CidrBlock: r.destination }
                : { DestinationCidrBlock: r.destination }),
        })))),
        async () => {
            if (!p.associate && p.have.routeTable && p.have.subnet)
                return;
            await retrying(rt, 'associate route-table', async () => {
                try {
                    await rt.ec2.send(new dist_cjs/* AssociateRouteTableCommand */.N71({ RouteTableId: routeTableId, SubnetId: subnetId }));
                }
                catch (error) {
                    if (awsErrorCode(error) !== 'Resource.AlreadyAssociated')
                        throw error;
                }
            });
            step('route-table-association');
        },
        async () => {
            if (p.have.instance)
                return;
            const { image, openvpn } = prepared;
            if (!image || !openvpn)
                throw new Error('preflight did not run before the instance was created');
            const userData = encodeUserData(openvpn.userData, openvpn.gzip);
            const instance = await ensure(rt, 'instance', () => lookup('instance'), async () => {
                const r = await rt.ec2.send(new dist_cjs/* RunInstancesCommand */.zq7({
                    ImageId: image.imageId,
                    InstanceType: desired.instanceType,
                    MinCount: 1,
                    MaxCount: 1,
                    ClientToken: `${token}-instance`,
                    SubnetId: subnetId,
                    SecurityGroupIds: [sgId],
                    Ipv6AddressCount: 1,
                    UserData: userData,
                    InstanceInitiatedShutdownBehavior: 'terminate',
                    MetadataOptions: {
                        HttpTokens: 'required',
                        HttpEndpoint: 'enabled',
                        HttpPutResponseHopLimit: 1,
                    },
                    BlockDeviceMappings: [
                        {
                            DeviceName: image.rootDevice,
                            Ebs: {
                                Encrypted: true,
                                DeleteOnTermination: true,
                                VolumeType: 'gp3',
                                VolumeSize: image.rootSizeGiB,
                            },
                        },
                    ],
                    TagSpecifications: [
                        ...tagSpec(desired, o, 'instance', 'instance'),
                        ...tagSpec(desired, o, 'volume', 'instance'),
                        ...tagSpec(desired, o, 'network-interface', 'instance'),
                    ],
                }));
                return r.Instances[0];
            });
            p.have.instance = instance;
            rt.log(`aws: created instance ${instance.InstanceId}`);
            step('instance');
        },
    ]);
    return { vpcId, subnetId: subnetId, igwId: igwId, eigwId: eigwId ?? null, routeTableId, sgId: sgId };
}
async function describeInstance(rt, id) {
    const r = await rt.ec2.send(new dist_cjs/* DescribeInstancesCommand */.bNs({ InstanceIds: [id] }));
    const i = r.Reservations?.[0]?.Instances?.[0];
    if (!i)
        throw new AwsFailure(`the instance ${id} disappeared while it was starting`);
    return i;
}
/**
 * Makes the environment match the desired graph. Converges: it re-plans after each pass (at most three),
 * so a run killed half-way, or a duplicate made by a lost answer, is finished or removed by the next pass.
 */
async function apply(rt, desired, o) {
    const token = (0,external_node_crypto_.randomUUID)();
    const first = (0,plan/* plan */.et)(desired, await (0,discover/* discover */.k4)(rt.ec2, desired.name));
    const prepared = await preflight(rt, desired, first, o);
    let current = first;
    let ids;
    for (let pass = 1;; pass++) {
        ids = await execute(rt, desired, current, o, pass === 1 ? prepared : await preflight(rt, desired, current, o), token);
        current = (0,plan/* plan */.et)(desired, await (0,discover/* discover */.k4)(rt.ec2, desired.name));
        if (!current.drift)
            break;
        if (pass >= 3)
            throw new AwsFailure(`the environment did not converge after ${pass} passes; still: ${current.changes
                .filter((c) => c.action !== 'keep')
                .map((c) => `${c.action} ${c.type} ${c.id ?? ''} ${c.detail ?? ''}`.trim())
                .join('; ')}`);
    }
    const instanceId = current.have.instance.InstanceId;
    await (0,dist_cjs/* waitUntilInstanceRunning */.kAk)({ client: rt.ec2, ...rt.waiter }, { InstanceIds: [instanceId] });
    const instance = await describeInstance(rt, instanceId);
    const publicIpv4 = instance.PublicIpAddress ?? null;
    const ipv6Address = (0,discover/* instanceIpv6 */.NV)(instance) ?? null;
    const clientConfigPath = prepared.openvpn
        ? await prepared.openvpn.writeClientProfile([publicIpv4, ipv6Address].filter((x) => Boolean(x)))
        : await existingProfile(o.outputDir, desired.name, o.mask);
    return {
        vpcId: ids.vpcId,
        subnetId: ids.subnetId,
        internetGatewayId: ids.igwId,
        egressOnlyInternetGatewayId: ids.eigwId,
        routeTableId: ids.routeTableId,
        securityGroupId: ids.sgId,
        instanceId,
        publicIpv4,
        ipv6Address,
        clientConfigPath,
        changes: first.changes,
    };
}
/** The profile an earlier apply wrote: its secrets are masked too, since later steps may read it. */
async function existingProfile(dir, env, mask = () => { }) {
    const { clientProfilePath, profileSecrets } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6379));
    const { existsSync, readFileSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3024, 19));
    const p = clientProfilePath(dir, env);
    if (!existsSync(p))
        return null;
    for (const secret of profileSecrets(readFileSync(p, 'utf8')))
        mask(secret);
    return p;
}
async function duplicateOk(rt, what, fn) {
    await retrying(rt, what, async () => {
        try {
            await fn();
        }
        catch (error) {
            if (awsErrorCode(error) !== 'InvalidPermission.Duplicate')
                throw error;
        }
    });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
;// CONCATENATED MODULE: ./lib/src/aws/clients.js



/** More attempts than the SDK's 3: EC2 throttles bursts, and a whole apply should ride out a bad minute. */
const SDK_MAX_ATTEMPTS = 8;
function createClients(o) {
    const common = {
        region: o.region,
        maxAttempts: o.maxAttempts ?? SDK_MAX_ATTEMPTS,
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        ...(o.credentials ? { credentials: o.credentials } : {}),
    };
    return { ec2: new dist_cjs/* EC2Client */.gu5(common), ssm: new client_ssm_dist_cjs/* SSMClient */.jBj(common), sts: new client_sts_dist_cjs/* STSClient */.iM(common) };
}

;// CONCATENATED MODULE: ./lib/src/aws/credentials.js



const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
/**
 * The GitHub OIDC token from the runner: GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=\u2026 with the request token
 * as a Bearer header; the answer is {"value": "<JWT>"}.
 */
function idTokenFromEnvironment(env, fetchImpl = fetch) {
    return async (audience) => {
        const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
        const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!url || !bearer)
            throw new UsageError('no GitHub OIDC token available: ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. ' +
                'Did you mean to set the `id-token: write` permission on the job?');
        const target = new URL(url);
        target.searchParams.set('audience', audience);
        const r = await fetchImpl(target, {
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
        });
        if (!r.ok)
            throw new Error(`the OIDC token endpoint answered HTTP ${r.status}`);
        const body = (await r.json());
        if (typeof body.value !== 'string' || body.value === '')
            throw new Error('the OIDC token endpoint answered without a token ("value")');
        return body.value;
    };
}
/**
 * OIDC \u2192 STS AssumeRoleWithWebIdentity, retried with jittered backoff on every error but a bad request
 * (as configure-aws-credentials does). A new token is fetched for each attempt: a JWT lives ~5 minutes
 * and can expire during the retries (aws-actions/configure-aws-credentials#1848).
 */
async function assumeRoleWithOidc(sts, o) {
    if (!ROLE_ARN.test(o.roleArn))
        throw new errors/* UsageError */.eb(`role-to-assume "${o.roleArn}" is not a role ARN; give the full arn:aws:iam::<account-id>:role/<name>`);
    const sessionName = o.sessionName ?? 'GitHubActions';
    if (!SESSION_NAME.test(sessionName))
        throw new errors/* UsageError */.eb(`role session name "${sessionName}" must be 2-64 characters of letters, digits and +=,.@_-`);
    const durationSeconds = o.durationSeconds ?? 3600;
    if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43_200)
        throw new errors/* UsageError */.eb(`role duration must be 900-43200 seconds, not "${durationSeconds}"`);
    const audience = o.audience ?? 'sts.amazonaws.com';
    const result = await withBackoff(async () => {
        const token = await o.getIdToken(audience);
        o.mask(token);
        return sts.send(new client_sts_dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
            RoleArn: o.roleArn,
            RoleSessionName: sessionName,
            DurationSeconds: durationSeconds,
            WebIdentityToken: token,
        }));
    }, (e) => !(e instanceof errors/* UsageError */.eb) && !/ValidationError|MalformedPolicyDocument/.test(awsErrorCode(e) ?? ''), { baseMs: 50, maxDelayMs: 10_000, deadlineMs: 210_000, maxAttempts: 12, ...o.backoff }, (e, n) => o.log?.(`aws: AssumeRoleWithWebIdentity failed (attempt ${n}): ${awsErrorCode(e) ?? (0,errors/* errorMessage */.gJ)(e)}`));
    const c = result.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
        throw new Error('STS AssumeRoleWithWebIdentity answered without credentials');
    o.mask(c.AccessKeyId);
    o.mask(c.SecretAccessKey);
    o.mask(c.SessionToken);
    return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
}

;// CONCATENATED MODULE: ./lib/src/aws/run.js









function defaultOutputDir(cwd, env) {
    return env.RUNNER_TEMP ? external_node_path_.join(env.RUNNER_TEMP, 'stackgate-aws') : external_node_path_.join(cwd, '.stackgate', 'aws');
}
/** Credentials, clients, then the action: the one path the CLI and the sub-action share. */
async function runAws(action, o) {
    const desired = (0,aws_desired/* desiredEnvironment */.af)(o.env);
    const base = { region: o.env.region, ...(o.env.endpoint ? { endpoint: o.env.endpoint } : {}) };
    let credentials;
    if (o.oidc) {
        const { sts } = createClients(base);
        credentials = await assumeRoleWithOidc(sts, { ...o.oidc, mask: o.mask, log: o.log });
        o.log(`aws: assumed ${o.oidc.roleArn} with the GitHub OIDC token`);
    }
    const { ec2, ssm } = createClients({ ...base, ...(credentials ? { credentials } : {}) });
    const now = o.now ?? (() => new Date());
    const rt = {
        ec2,
        ssm,
        backoff: DEFAULT_BACKOFF,
        destroyDeadlineMs: 15 * 60_000,
        // Poll from 2 s, backing off to 30 s: an instance runs in ~15 s and terminates in ~30-60 s on EC2.
        waiter: { minDelay: 2, maxDelay: 30, maxWaitTime: 600 },
        log: o.log,
        now,
        ...(o.sequential ? { sequential: true } : {}),
    };
    try {
        switch (action) {
            case 'plan':
                return { action, plan: (0,plan/* plan */.et)(desired, await (0,discover/* discover */.k4)(ec2, desired.name)), desired };
            case 'apply': {
                const expiresAt = new Date(now().getTime() + o.env.ttlHours * 3_600_000);
                const outputs = await apply(rt, desired, {
                    expiresAt,
                    outputDir: o.outputDir,
                    mask: o.mask,
                    ...(o.onStep ? { onStep: o.onStep } : {}),
                });
                return { action, outputs };
            }
            case 'destroy':
                return { action, result: await destroyEnvironment(rt, desired.name) };
            case 'reap':
                return { action, result: await reap(rt) };
        }
    }
    finally {
        ec2.destroy();
        ssm.destroy();
    }
}


/***/ })

};
