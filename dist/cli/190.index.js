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
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7657);
/* harmony import */ var _dns_ip_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9093);


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
        if ((0,_dns_ip_js__WEBPACK_IMPORTED_MODULE_1__/* .isIPv4 */ .wM)(addr) && n <= 32)
            return 'v4';
        if ((0,_dns_ip_js__WEBPACK_IMPORTED_MODULE_1__/* .isIPv6 */ .w7)(addr) && n <= 128)
            return 'v6';
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${what} "${cidr}" is not a CIDR (e.g. 203.0.113.7/32 or 2001:db8::/64)`);
}
/** The desired resource graph for an environment; refuses unsafe or malformed options (UsageError). */
function desiredEnvironment(o) {
    const named = o.optionNamed ?? ((option) => `--${option}`);
    const n = (option) => named(option) ?? option;
    if (!NAME_RE.test(o.name))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${n('name')} "${o.name}" must be 1-31 characters of a-z, 0-9 and "-", starting with a letter or digit`);
    if (!Number.isInteger(o.openvpnPort) || o.openvpnPort < 1 || o.openvpnPort > 65535)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${n('openvpn-port')} must be a port number 1-65535, not "${o.openvpnPort}"`);
    if (!(o.ttlHours > 0 && o.ttlHours <= 24 * 30))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${n('ttl-hours')} must be a number of hours above 0 and at most 720, not "${o.ttlHours}"`);
    if (!/^[a-z0-9]+[a-z0-9-]*\.[a-z0-9]+$/.test(o.instanceType))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${n('instance-type')} "${o.instanceType}" is not an instance type name (e.g. t3.micro)`);
    if (o.ami !== undefined && !/^ami-[0-9a-f]{8,17}$/.test(o.ami))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${n('ami')} "${o.ami}" is not an AMI id (ami- followed by 8 or 17 hex digits)`);
    if (!o.amiParameter.startsWith('/'))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${n('ami-parameter')} "${o.amiParameter}" must be an SSM parameter path starting with "/"`);
    const ingress = [];
    const vpnCidrs = o.vpnCidrs.length > 0 ? o.vpnCidrs : [...DEFAULTS.vpnCidrs];
    for (const cidr of vpnCidrs) {
        validateCidr(cidr, n('vpn-cidr'));
        ingress.push({ protocol: o.openvpnProtocol, fromPort: o.openvpnPort, toPort: o.openvpnPort, cidr });
    }
    for (const cidr of o.sshCidrs) {
        validateCidr(cidr, n('ssh-cidr'));
        if (/\/0$/.test(cidr) && !o.allowSshFromAnywhere)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${n('ssh-cidr')} ${cidr} opens SSH to the whole internet; give your runner's address (e.g. 203.0.113.7/32)${named('allow-ssh-from-anywhere')
                ? `, or add ${named('allow-ssh-from-anywhere')} if you really mean it`
                : ''}`);
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
