export const id = 190;
export const ids = [190];
export const modules = {

/***/ 4190:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULTS: () => (/* binding */ DEFAULTS),
/* harmony export */   Iy: () => (/* binding */ resourceName),
/* harmony export */   Jo: () => (/* binding */ TAG_MANAGED),
/* harmony export */   Kf: () => (/* binding */ MANAGED_BY),
/* harmony export */   MN: () => (/* binding */ TAG_EXPIRES),
/* harmony export */   af: () => (/* binding */ desiredEnvironment),
/* harmony export */   dt: () => (/* binding */ ownershipTags),
/* harmony export */   ep: () => (/* binding */ ruleKey),
/* harmony export */   jW: () => (/* binding */ TAG_ENV),
/* harmony export */   z4: () => (/* binding */ USER_DATA_LIMIT)
/* harmony export */ });
/* unused harmony exports VPC_CIDR, SUBNET_CIDR, SUBNET_IPV6_INDEX, validateCidr */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4768);


const DEFAULTS = {
    amiParameter: '/aws/service/debian/release/12/latest/amd64',
    instanceType: 't3.micro',
    openvpnPort: 1194,
    openvpnProtocol: 'udp',
    ipv6Egress: 'egress-only',
    ttlHours: 4,
    vpnCidrs: ['0.0.0.0/0', '::/0'],
};
const TAG_ENV = 'stackgate:environment';
const TAG_MANAGED = 'stackgate:managed-by';
const TAG_EXPIRES = 'stackgate:expires-at';
const MANAGED_BY = 'stackgate';
const VPC_CIDR = '10.77.0.0/16';
const SUBNET_CIDR = '10.77.0.0/24';
/** The subnet takes the first /64 of the VPC's /56. */
const SUBNET_IPV6_INDEX = 0;
/** EC2's limit on raw user data; we check the gzip+base64 text we send against it. */
const USER_DATA_LIMIT = 16 * 1024;
const NAME_RE = /^[a-z0-9][a-z0-9-]{0,30}$/;
function validateCidr(cidr, what) {
    const [addr, len, extra] = cidr.split('/');
    const n = Number(len);
    if (addr !== undefined && extra === undefined && len !== undefined && /^\d+$/.test(len)) {
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(addr) && n <= 32)
            return 'v4';
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(addr) && n <= 128)
            return 'v6';
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${what} "${cidr}" is not a CIDR (e.g. 203.0.113.7/32 or 2001:db8::/64)`);
}
/** The desired resource graph for an environment; refuses unsafe or malformed options (UsageError). */
function desiredEnvironment(o) {
    if (!NAME_RE.test(o.name))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--name "${o.name}" must be 1-31 characters of a-z, 0-9 and "-", starting with a letter or digit`);
    if (!Number.isInteger(o.openvpnPort) || o.openvpnPort < 1 || o.openvpnPort > 65535)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--openvpn-port must be a port number 1-65535, not "${o.openvpnPort}"`);
    if (!(o.ttlHours > 0 && o.ttlHours <= 24 * 30))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--ttl-hours must be a number of hours above 0 and at most 720, not "${o.ttlHours}"`);
    if (!/^[a-z0-9]+[a-z0-9-]*\.[a-z0-9]+$/.test(o.instanceType))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--instance-type "${o.instanceType}" is not an instance type name (e.g. t3.micro)`);
    if (o.ami !== undefined && !/^ami-[0-9a-f]{8,17}$/.test(o.ami))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--ami "${o.ami}" is not an AMI id (ami- followed by 8 or 17 hex digits)`);
    if (!o.amiParameter.startsWith('/'))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--ami-parameter "${o.amiParameter}" must be an SSM parameter path starting with "/"`);
    const ingress = [];
    const vpnCidrs = o.vpnCidrs.length > 0 ? o.vpnCidrs : [...DEFAULTS.vpnCidrs];
    for (const cidr of vpnCidrs) {
        validateCidr(cidr, '--vpn-cidr');
        ingress.push({ protocol: o.openvpnProtocol, fromPort: o.openvpnPort, toPort: o.openvpnPort, cidr });
    }
    for (const cidr of o.sshCidrs) {
        validateCidr(cidr, '--ssh-cidr');
        if (/\/0$/.test(cidr) && !o.allowSshFromAnywhere)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--ssh-cidr ${cidr} opens SSH to the whole internet; give your runner's address (e.g. 203.0.113.7/32), ` +
                'or add --allow-ssh-from-anywhere if you really mean it');
        ingress.push({ protocol: 'tcp', fromPort: 22, toPort: 22, cidr });
    }
    const egressOnly = o.ipv6Egress === 'egress-only';
    return {
        name: o.name,
        vpcCidr: VPC_CIDR,
        subnetCidr: SUBNET_CIDR,
        subnetIpv6Index: SUBNET_IPV6_INDEX,
        egressOnly,
        routes: [
            { destination: '0.0.0.0/0', target: 'internet-gateway' },
            { destination: '::/0', target: egressOnly ? 'egress-only-internet-gateway' : 'internet-gateway' },
        ],
        groupName: `stackgate-${o.name}`,
        ingress: dedupeRules(ingress),
        egress: [
            { protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' },
            { protocol: '-1', fromPort: -1, toPort: -1, cidr: '::/0' },
        ],
        instanceType: o.instanceType,
        ami: o.ami ? { id: o.ami } : { parameter: o.amiParameter },
        openvpn: { port: o.openvpnPort, protocol: o.openvpnProtocol },
    };
}
function ruleKey(r) {
    return `${r.protocol}:${r.fromPort}-${r.toPort}:${r.cidr}`;
}
function dedupeRules(rules) {
    const seen = new Map();
    for (const r of rules)
        seen.set(ruleKey(r), r);
    return [...seen.values()];
}
/** The ownership tags every resource gets at creation, plus its Name. */
function ownershipTags(env, expiresAt, name) {
    return [
        { Key: TAG_ENV, Value: env },
        { Key: TAG_MANAGED, Value: MANAGED_BY },
        { Key: TAG_EXPIRES, Value: expiresAt.toISOString() },
        { Key: 'Name', Value: name },
    ];
}
function resourceName(env, type) {
    return `stackgate-${env}-${type}`;
}


/***/ })

};
