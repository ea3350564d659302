export const id = 719;
export const ids = [719];
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

/***/ 7719:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AWS_HELP: () => (/* binding */ AWS_HELP),
/* harmony export */   awsCommand: () => (/* binding */ awsCommand)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7657);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6294);


const AWS_HELP = `Usage: stackgate aws <plan|apply|destroy|reap> --name ENV --region R [options]

An AWS environment with IPv6: VPC (+ Amazon /56), public subnet, internet and egress-only gateways,
routes, a security group, and an OpenVPN host that tunnels IPv6. Resources are owned by tags; there is
no state file.

  plan      diff the desired resources against the tagged ones (exit 0; "drift" says if they differ)
  apply     create or fix what plan lists, then print the addresses and the client profile's path
  destroy   delete everything tagged for ENV, in reverse order; report what is left and why
  reap      destroy every stackgate environment whose expires-at has passed (--name not needed)

Options:
  --name ENV                       environment name (a-z, 0-9, -)
  --region R                       AWS region
  --endpoint URL                   point EC2, STS and SSM at an emulator (e.g. moto)
  --ami AMI                        AMI id (overrides --ami-parameter)
  --ami-parameter NAME             SSM parameter holding the AMI id
                                   (default /aws/service/debian/release/12/latest/amd64)
  --instance-type T                default t3.micro
  --ssh-cidr CIDR                  allow SSH from CIDR (repeatable; default: no SSH)
  --allow-ssh-from-anywhere        accept 0.0.0.0/0 or ::/0 for --ssh-cidr
  --vpn-cidr CIDR                  allow OpenVPN from CIDR (repeatable; default anywhere, v4 and v6)
  --openvpn-port N                 default 1194
  --openvpn-protocol udp|tcp       default udp
  --ipv6-egress egress-only|internet-gateway   where ::/0 goes (default egress-only)
  --ttl-hours H                    expires-at tag and host shutdown (default 4)
  --output-dir DIR                 where the client profile goes (default $RUNNER_TEMP/stackgate-aws
                                   or ./.stackgate/aws)
  --role-to-assume ARN             get credentials by GitHub OIDC + STS AssumeRoleWithWebIdentity
                                   (default: the ambient credentials)
  --audience AUD                   OIDC audience (default sts.amazonaws.com)
  --json                           print JSON
  -h, --help                       this help

Exit codes: 0 success (plan: also with drift); 1 failure; 2 usage error.
`;
const ACTIONS = ['plan', 'apply', 'destroy', 'reap'];
function choice(flag, value, choices, fallback) {
    const v = value ?? fallback;
    if (!choices.includes(v))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${flag} must be one of ${choices.join(', ')}, not "${v}"`);
    return v;
}
function number(flag, value, fallback) {
    if (value === undefined)
        return fallback;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${flag} must be a number, not "${value}"`);
    return n;
}
const awsCommand = async (argv, io) => {
    const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .parseArgsOrUsage */ .J)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            name: { type: 'string' },
            region: { type: 'string' },
            endpoint: { type: 'string' },
            ami: { type: 'string' },
            'ami-parameter': { type: 'string' },
            'instance-type': { type: 'string' },
            'ssh-cidr': { type: 'string', multiple: true },
            'allow-ssh-from-anywhere': { type: 'boolean' },
            'vpn-cidr': { type: 'string', multiple: true },
            'openvpn-port': { type: 'string' },
            'openvpn-protocol': { type: 'string' },
            'ipv6-egress': { type: 'string' },
            'ttl-hours': { type: 'string' },
            'output-dir': { type: 'string' },
            'role-to-assume': { type: 'string' },
            audience: { type: 'string' },
            json: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        },
    }, AWS_HELP);
    if (values.help) {
        io.stdout(AWS_HELP);
        return 0;
    }
    const [actionName, ...extra] = positionals;
    if (!actionName || !ACTIONS.includes(actionName))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`give one of ${ACTIONS.join(', ')} after "aws"\n\n${AWS_HELP}`);
    if (extra.length)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`unexpected argument "${extra[0]}"`);
    const action = actionName;
    const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
    if (!region)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('--region is required (or AWS_REGION in the environment)');
    if (!values.name && action !== 'reap')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('--name is required');
    if (values.endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(values.endpoint))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--endpoint must be an http(s) URL, not "${values.endpoint}"`);
    // The AWS SDK loads only here: validate and dns never pay for it.
    const { runAws, defaultOutputDir } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(499), __webpack_require__.e(736), __webpack_require__.e(695), __webpack_require__.e(413), __webpack_require__.e(488), __webpack_require__.e(539)]).then(__webpack_require__.bind(__webpack_require__, 6539));
    const { DEFAULTS } = await __webpack_require__.e(/* import() */ 190).then(__webpack_require__.bind(__webpack_require__, 4190));
    const { AwsFailure } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(499), __webpack_require__.e(736), __webpack_require__.e(413), __webpack_require__.e(488)]).then(__webpack_require__.bind(__webpack_require__, 5488));
    const { renderAwsResult } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(413), __webpack_require__.e(222)]).then(__webpack_require__.bind(__webpack_require__, 6222));
    const { idTokenFromEnvironment } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695), __webpack_require__.e(698)]).then(__webpack_require__.bind(__webpack_require__, 5698));
    const path = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6760, 19));
    const env = {
        name: values.name ?? 'reap',
        region,
        ...(values.endpoint ? { endpoint: values.endpoint } : {}),
        ...(values.ami ? { ami: values.ami } : {}),
        amiParameter: values['ami-parameter'] ?? DEFAULTS.amiParameter,
        instanceType: values['instance-type'] ?? DEFAULTS.instanceType,
        sshCidrs: values['ssh-cidr'] ?? [],
        allowSshFromAnywhere: values['allow-ssh-from-anywhere'] === true,
        vpnCidrs: values['vpn-cidr'] ?? [],
        openvpnPort: number('--openvpn-port', values['openvpn-port'], DEFAULTS.openvpnPort),
        openvpnProtocol: choice('--openvpn-protocol', values['openvpn-protocol'], ['udp', 'tcp'], 'udp'),
        ipv6Egress: choice('--ipv6-egress', values['ipv6-egress'], ['egress-only', 'internet-gateway'], 'egress-only'),
        ttlHours: number('--ttl-hours', values['ttl-hours'], DEFAULTS.ttlHours),
    };
    const log = (line) => io.stderr(`${line}\n`);
    try {
        const result = await runAws(action, {
            env,
            outputDir: values['output-dir']
                ? path.resolve(io.cwd, values['output-dir'])
                : defaultOutputDir(io.cwd, io.env),
            log,
            // A terminal has no masking; the secrets are simply never printed.
            mask: () => { },
            ...(values['role-to-assume']
                ? {
                    oidc: {
                        roleArn: values['role-to-assume'],
                        ...(values.audience ? { audience: values.audience } : {}),
                        getIdToken: idTokenFromEnvironment(io.env),
                    },
                }
                : {}),
        });
        const rendered = renderAwsResult(result, values.json === true);
        io.stdout(rendered.text);
        return rendered.ok ? 0 : 1;
    }
    catch (error) {
        if (error instanceof AwsFailure) {
            io.stderr(`stackgate: aws ${action}: ${error.message}\n`);
            return 1;
        }
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb)
            throw error;
        // An AWS service or network error: one line with its code, not a stack (it is not our bug).
        const code = error.name;
        if (error.$metadata !== undefined ||
            /Credential|Timeout|ECONN/i.test(`${code} ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`)) {
            io.stderr(`stackgate: aws ${action}: ${code ? `${code}: ` : ''}${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}\n`);
            return 1;
        }
        throw error;
    }
};


/***/ })

};
