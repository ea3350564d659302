export const id = 413;
export const ids = [413,190];
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

/***/ 697:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NC: () => (/* binding */ byEnvironment),
/* harmony export */   NV: () => (/* binding */ instanceIpv6),
/* harmony export */   WJ: () => (/* binding */ expiresAt),
/* harmony export */   k4: () => (/* binding */ discover),
/* harmony export */   uw: () => (/* binding */ emptyActual),
/* harmony export */   xI: () => (/* binding */ countResources)
/* harmony export */ });
/* unused harmony exports tagValue, isOwned */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5193);
/* harmony import */ var _desired_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4190);


function emptyActual() {
    return {
        vpcs: [],
        subnets: [],
        internetGateways: [],
        egressOnlyInternetGateways: [],
        routeTables: [],
        securityGroups: [],
        instances: [],
    };
}
function tagValue(tags, key) {
    return tags?.find((t) => t.Key === key)?.Value;
}
/** Both ownership tags, for `env` (or any environment when env is undefined). The one ownership test. */
function isOwned(tags, env) {
    const e = tagValue(tags, _desired_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_ENV */ .jW);
    return tagValue(tags, _desired_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_MANAGED */ .Jo) === _desired_js__WEBPACK_IMPORTED_MODULE_0__/* .MANAGED_BY */ .Kf && e !== undefined && (env === undefined || e === env);
}
function expiresAt(tags) {
    const v = tagValue(tags, _desired_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_EXPIRES */ .MN);
    const d = v ? new Date(v) : undefined;
    return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
async function pages(fetch) {
    const all = [];
    let token;
    do {
        const page = await fetch(token);
        all.push(...page.items);
        token = page.next;
    } while (token);
    return all;
}
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];
/**
 * Finds the resources owned by `env` (or by any stackgate environment). The server-side tag filter narrows
 * the listing; the client-side isOwned check is what decides, so an emulator or API that ignores Filters
 * (moto does for egress-only gateways) can never widen what we touch.
 */
async function discover(ec2, env) {
    const filters = [{ Name: `tag:${_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_MANAGED */ .Jo}`, Values: [_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .MANAGED_BY */ .Kf] }];
    if (env !== undefined)
        filters.push({ Name: `tag:${_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_ENV */ .jW}`, Values: [env] });
    const owned = (items) => items.filter((i) => isOwned(i.Tags, env));
    const [vpcs, subnets, internetGateways, egressOnlyInternetGateways, routeTables, securityGroups, reservations,] = await Promise.all([
        pages(async (NextToken) => {
            const r = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeVpcsCommand */ .Dti({ Filters: filters, NextToken }));
            return { items: r.Vpcs ?? [], next: r.NextToken };
        }),
        pages(async (NextToken) => {
            const r = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeSubnetsCommand */ .jSW({ Filters: filters, NextToken }));
            return { items: r.Subnets ?? [], next: r.NextToken };
        }),
        pages(async (NextToken) => {
            const r = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeInternetGatewaysCommand */ .nWN({ Filters: filters, NextToken }));
            return { items: r.InternetGateways ?? [], next: r.NextToken };
        }),
        pages(async (NextToken) => {
            const r = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeEgressOnlyInternetGatewaysCommand */ .WQy({ Filters: filters, NextToken }));
            return { items: r.EgressOnlyInternetGateways ?? [], next: r.NextToken };
        }),
        pages(async (NextToken) => {
            const r = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRouteTablesCommand */ .VS8({ Filters: filters, NextToken }));
            return { items: r.RouteTables ?? [], next: r.NextToken };
        }),
        pages(async (NextToken) => {
            const r = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeSecurityGroupsCommand */ .jsQ({ Filters: filters, NextToken }));
            return { items: r.SecurityGroups ?? [], next: r.NextToken };
        }),
        pages(async (NextToken) => {
            const r = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeInstancesCommand */ .bNs({
                Filters: [...filters, { Name: 'instance-state-name', Values: LIVE_STATES }],
                NextToken,
            }));
            return { items: r.Reservations ?? [], next: r.NextToken };
        }),
    ]);
    const instances = reservations
        .flatMap((r) => r.Instances ?? [])
        .filter((i) => LIVE_STATES.includes(i.State?.Name ?? ''));
    return {
        vpcs: owned(vpcs),
        subnets: owned(subnets),
        internetGateways: owned(internetGateways),
        egressOnlyInternetGateways: owned(egressOnlyInternetGateways),
        routeTables: owned(routeTables),
        securityGroups: owned(securityGroups),
        instances: owned(instances),
    };
}
/** Splits an all-environments discovery by environment tag. */
function byEnvironment(all) {
    const out = new Map();
    const put = (key, items) => {
        for (const item of items) {
            const env = tagValue(item.Tags, _desired_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_ENV */ .jW);
            if (env === undefined)
                continue;
            let a = out.get(env);
            if (!a) {
                a = emptyActual();
                out.set(env, a);
            }
            a[key].push(item);
        }
    };
    for (const key of Object.keys(all))
        put(key, all[key]);
    return out;
}
/** The instance's IPv6 address, from its network interface (moto never sets Instance.Ipv6Address). */
function instanceIpv6(instance) {
    for (const eni of instance.NetworkInterfaces ?? []) {
        const a = eni.Ipv6Addresses?.find((x) => x.Ipv6Address)?.Ipv6Address;
        if (a)
            return a;
    }
    return instance.Ipv6Address;
}
function countResources(a) {
    return Object.values(a).reduce((n, list) => n + list.length, 0);
}


/***/ }),

/***/ 4503:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FY: () => (/* binding */ subnetOf),
/* harmony export */   f8: () => (/* binding */ ipv6CidrContains)
/* harmony export */ });
/* unused harmony exports parseIpv6, formatIpv6, parseIpv6Cidr */
/* harmony import */ var _dns_ip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9093);
/** IPv6 prefix arithmetic on BigInt: the subnet /64s inside the VPC's Amazon-provided /56. */

/** An IPv6 address as a 128-bit integer; the parsing is the dns module's (one IPv6 parser). */
function parseIpv6(address) {
    const ip = (0,_dns_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .parseIp */ .r5)(address);
    if (ip?.family !== 6)
        throw new Error(`not an IPv6 address: "${address}"`);
    return ip.bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}
/** RFC 5952 text of a 128-bit integer, through the dns module's formatter. */
function formatIpv6(value) {
    const bytes = new Uint8Array(16);
    for (let i = 15, v = value; i >= 0; i--, v >>= 8n)
        bytes[i] = Number(v & 0xffn);
    return (0,_dns_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .formatIpv6 */ .DU)(bytes);
}
function parseIpv6Cidr(cidr) {
    const [addr, len, extra] = cidr.split('/');
    const length = Number(len);
    if (addr === undefined || extra !== undefined || !Number.isInteger(length) || length < 0 || length > 128)
        throw new Error(`not an IPv6 CIDR: "${cidr}"`);
    const mask = length === 0 ? 0n : ((1n << BigInt(length)) - 1n) << BigInt(128 - length);
    return { network: parseIpv6(addr) & mask, length };
}
/** The `index`-th /`newLength` inside `parent` (e.g. the 0th /64 of a /56); throws if it does not fit. */
function subnetOf(parent, newLength, index) {
    const p = parseIpv6Cidr(parent);
    if (newLength < p.length || newLength > 128)
        throw new Error(`/${newLength} does not fit in ${parent}`);
    const count = 1n << BigInt(newLength - p.length);
    if (!Number.isInteger(index) || index < 0 || BigInt(index) >= count)
        throw new Error(`subnet index ${index} is outside ${parent} (which holds ${count} /${newLength}s)`);
    return `${formatIpv6(p.network | (BigInt(index) << BigInt(128 - newLength)))}/${newLength}`;
}
/** True when `inner` lies entirely inside `outer`. */
function ipv6CidrContains(outer, inner) {
    const o = parseIpv6Cidr(outer);
    const i = parseIpv6Cidr(inner);
    if (i.length < o.length)
        return false;
    const mask = o.length === 0 ? 0n : ((1n << BigInt(o.length)) - 1n) << BigInt(128 - o.length);
    return (i.network & mask) === o.network;
}


/***/ }),

/***/ 1413:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ vpcIpv6Cidr),
/* harmony export */   Qi: () => (/* binding */ renderPlanTable),
/* harmony export */   et: () => (/* binding */ plan),
/* harmony export */   iY: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony exports rulesOf, subnetIpv6Cidr */
/* harmony import */ var _desired_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4190);
/* harmony import */ var _discover_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(697);
/* harmony import */ var _ipv6_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4503);



/** Flattens EC2's grouped permissions into one rule per CIDR. */
function rulesOf(permissions) {
    const out = [];
    for (const p of permissions ?? []) {
        const protocol = (p.IpProtocol === '-1' ? '-1' : p.IpProtocol);
        const fromPort = protocol === '-1' ? -1 : (p.FromPort ?? -1);
        const toPort = protocol === '-1' ? -1 : (p.ToPort ?? -1);
        for (const r of p.IpRanges ?? [])
            if (r.CidrIp)
                out.push({ protocol, fromPort, toPort, cidr: r.CidrIp });
        for (const r of p.Ipv6Ranges ?? [])
            if (r.CidrIpv6)
                out.push({ protocol, fromPort, toPort, cidr: r.CidrIpv6 });
    }
    return out;
}
function ruleText(r) {
    const what = r.protocol === '-1'
        ? 'all traffic'
        : `${r.protocol} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`}`;
    return `${what} ${r.cidr}`;
}
function diffRules(want, have) {
    const haveKeys = new Set(have.map(_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleKey */ .ep));
    const wantKeys = new Set(want.map(_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleKey */ .ep));
    return {
        add: want.filter((r) => !haveKeys.has((0,_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleKey */ .ep)(r))),
        remove: have.filter((r) => !wantKeys.has((0,_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleKey */ .ep)(r))),
    };
}
function vpcIpv6Cidr(vpc) {
    return vpc?.Ipv6CidrBlockAssociationSet?.find((a) => a.Ipv6CidrBlockState?.State === 'associated')
        ?.Ipv6CidrBlock;
}
function subnetIpv6Cidr(subnet) {
    // moto reports the state as the string "{'State': 'associated'}" (REFERENCE \u00a77.4 G1): accept both.
    return subnet?.Ipv6CidrBlockAssociationSet?.find((a) => {
        const s = a.Ipv6CidrBlockState?.State ?? a.Ipv6CidrBlockState;
        return typeof s === 'string' && s.includes('associated') && !s.includes('disassociated');
    })?.Ipv6CidrBlock;
}
const byId = (id) => (a, b) => (id(a) ?? '').localeCompare(id(b) ?? '');
/** Diffs the desired graph against the owned resources. Pure: no AWS calls. */
function plan(desired, actual) {
    const changes = [];
    const extras = (0,_discover_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyActual */ .uw)();
    const keepOrCreate = (type, id) => changes.push({ action: id ? 'keep' : 'create', type, id: id ?? null });
    const vpcs = [...actual.vpcs].sort(byId((v) => v.VpcId));
    const vpc = vpcs.find((v) => v.CidrBlock === desired.vpcCidr);
    extras.vpcs = vpcs.filter((v) => v !== vpc);
    const vpcId = vpc?.VpcId;
    keepOrCreate('vpc', vpcId);
    const inVpc = (id) => vpcId !== undefined && id === vpcId;
    // Subnet
    const subnets = [...actual.subnets].sort(byId((s) => s.SubnetId));
    const subnet = subnets.find((s) => inVpc(s.VpcId) && s.CidrBlock === desired.subnetCidr);
    extras.subnets = subnets.filter((s) => s !== subnet);
    const subnetFix = { mapPublicIp: false, assignIpv6: false, ipv6Cidr: false };
    if (subnet) {
        const v6 = subnetIpv6Cidr(subnet);
        const parent = vpcIpv6Cidr(vpc);
        subnetFix.ipv6Cidr = !v6 || (parent !== undefined && !(0,_ipv6_js__WEBPACK_IMPORTED_MODULE_2__/* .ipv6CidrContains */ .f8)(parent, v6));
        subnetFix.mapPublicIp = subnet.MapPublicIpOnLaunch !== true;
        subnetFix.assignIpv6 = subnet.AssignIpv6AddressOnCreation !== true;
        const why = [
            subnetFix.ipv6Cidr && 'no IPv6 /64 inside the VPC /56',
            subnetFix.mapPublicIp && 'public IPv4 auto-assign is off',
            subnetFix.assignIpv6 && 'IPv6 auto-assign is off',
        ].filter(Boolean);
        changes.push(why.length
            ? { action: 'update', type: 'subnet', id: subnet.SubnetId ?? null, detail: why.join('; ') }
            : { action: 'keep', type: 'subnet', id: subnet.SubnetId ?? null });
    }
    else
        keepOrCreate('subnet', undefined);
    // Internet gateway: one attached to our VPC, or an owned detached one we can attach.
    const igws = [...actual.internetGateways].sort(byId((g) => g.InternetGatewayId));
    const attachedTo = (g) => g.Attachments?.find((a) => a.State !== 'detached')?.VpcId;
    const igw = igws.find((g) => inVpc(attachedTo(g))) ??
        (vpcId ? igws.find((g) => attachedTo(g) === undefined) : undefined);
    extras.internetGateways = igws.filter((g) => g !== igw);
    const attachInternetGateway = igw !== undefined && !inVpc(attachedTo(igw));
    if (igw && attachInternetGateway)
        changes.push({
            action: 'update',
            type: 'internet-gateway',
            id: igw.InternetGatewayId ?? null,
            detail: 'not attached to the VPC',
        });
    else
        keepOrCreate('internet-gateway', igw?.InternetGatewayId);
    // Egress-only gateway (only in egress-only mode)
    const eigws = [...actual.egressOnlyInternetGateways].sort(byId((g) => g.EgressOnlyInternetGatewayId));
    const eigw = desired.egressOnly ? eigws.find((g) => g.Attachments?.some((a) => inVpc(a.VpcId))) : undefined;
    extras.egressOnlyInternetGateways = eigws.filter((g) => g !== eigw);
    if (desired.egressOnly)
        keepOrCreate('egress-only-internet-gateway', eigw?.EgressOnlyInternetGatewayId);
    // Route table, its routes, its association
    const tables = [...actual.routeTables].sort(byId((t) => t.RouteTableId));
    const routeTable = tables.find((t) => inVpc(t.VpcId));
    extras.routeTables = tables.filter((t) => t !== routeTable);
    keepOrCreate('route-table', routeTable?.RouteTableId);
    const routes = [];
    const extraRoutes = [];
    for (const route of desired.routes) {
        const ipv6 = route.destination === '::/0';
        const existing = routeTable?.Routes?.find((r) => ipv6 ? r.DestinationIpv6CidrBlock === route.destination : r.DestinationCidrBlock === route.destination);
        const targetId = route.target === 'internet-gateway' ? igw?.InternetGatewayId : eigw?.EgressOnlyInternetGatewayId;
        const id = `${routeTable?.RouteTableId ?? '(new)'} ${route.destination}`;
        if (!existing) {
            routes.push({ route, op: 'create' });
            // In a table that exists, a missing route is drift of that table (e.g. ::/0 deleted by hand).
            changes.push(routeTable
                ? {
                    action: 'update',
                    type: 'route',
                    id,
                    detail: `${route.destination} \u2192 ${route.target} is missing`,
                }
                : { action: 'create', type: 'route', id: null });
            continue;
        }
        const actualTarget = existing.GatewayId ?? existing.EgressOnlyInternetGatewayId;
        if (targetId === undefined || actualTarget !== targetId || existing.State === 'blackhole') {
            routes.push({ route, op: 'replace' });
            changes.push({
                action: 'update',
                type: 'route',
                id,
                detail: `${route.destination} goes to ${actualTarget ?? 'nothing'}${existing.State === 'blackhole' ? ' (blackhole)' : ''}, not the ${route.target}`,
            });
        }
        else {
            routes.push({ route, op: 'keep' });
            changes.push({ action: 'keep', type: 'route', id });
        }
    }
    for (const r of routeTable?.Routes ?? []) {
        const dest = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock;
        if (!dest || r.GatewayId === 'local' || desired.routes.some((d) => d.destination === dest))
            continue;
        extraRoutes.push({ destination: dest, ipv6: r.DestinationIpv6CidrBlock !== undefined });
        changes.push({
            action: 'delete',
            type: 'route',
            id: `${routeTable?.RouteTableId} ${dest}`,
            detail: 'not desired',
        });
    }
    const association = routeTable?.Associations?.find((a) => subnet && a.SubnetId === subnet.SubnetId);
    const associate = association === undefined;
    keepOrCreate('route-table-association', association?.RouteTableAssociationId);
    // Security group
    const groups = [...actual.securityGroups].sort(byId((g) => g.GroupId));
    const securityGroup = groups.find((g) => inVpc(g.VpcId) && g.GroupName === desired.groupName);
    extras.securityGroups = groups.filter((g) => g !== securityGroup);
    const ingress = securityGroup
        ? diffRules(desired.ingress, rulesOf(securityGroup.IpPermissions))
        : { add: desired.ingress, remove: [] };
    const egress = securityGroup
        ? diffRules(desired.egress, rulesOf(securityGroup.IpPermissionsEgress))
        : { add: desired.egress, remove: [] };
    if (securityGroup) {
        const why = [
            ...ingress.remove.map((r) => `ingress ${ruleText(r)} is not desired`),
            ...ingress.add.map((r) => `ingress ${ruleText(r)} is missing`),
            ...egress.remove.map((r) => `egress ${ruleText(r)} is not desired`),
            ...egress.add.map((r) => `egress ${ruleText(r)} is missing`),
        ];
        changes.push(why.length
            ? {
                action: 'update',
                type: 'security-group',
                id: securityGroup.GroupId ?? null,
                detail: why.join('; '),
            }
            : { action: 'keep', type: 'security-group', id: securityGroup.GroupId ?? null });
    }
    else
        keepOrCreate('security-group', undefined);
    // Instance: a live one in our subnet with the desired type.
    const instances = [...actual.instances].sort(byId((i) => i.InstanceId));
    const instance = instances.find((i) => i.State?.Name !== 'shutting-down' &&
        subnet !== undefined &&
        i.SubnetId === subnet.SubnetId &&
        i.InstanceType === desired.instanceType);
    extras.instances = instances.filter((i) => i !== instance);
    keepOrCreate('instance', instance?.InstanceId);
    const extraChanges = [
        ...extras.instances.map((i) => ({ type: 'instance', id: i.InstanceId })),
        ...extras.securityGroups.map((g) => ({ type: 'security-group', id: g.GroupId })),
        ...extras.subnets.map((s) => ({ type: 'subnet', id: s.SubnetId })),
        ...extras.routeTables.map((t) => ({ type: 'route-table', id: t.RouteTableId })),
        ...extras.egressOnlyInternetGateways.map((g) => ({
            type: 'egress-only-internet-gateway',
            id: g.EgressOnlyInternetGatewayId,
        })),
        ...extras.internetGateways.map((g) => ({ type: 'internet-gateway', id: g.InternetGatewayId })),
        ...extras.vpcs.map((v) => ({ type: 'vpc', id: v.VpcId })),
    ].map((c) => ({
        action: 'delete',
        type: c.type,
        id: c.id ?? null,
        detail: 'owned but not desired',
    }));
    changes.push(...extraChanges);
    return {
        changes,
        drift: changes.some((c) => c.action !== 'keep'),
        have: {
            vpc,
            subnet,
            internetGateway: igw,
            egressOnlyInternetGateway: eigw,
            routeTable,
            securityGroup,
            instance,
        },
        subnetFix,
        attachInternetGateway,
        routes,
        extraRoutes,
        associate,
        ingress,
        egress,
        extras,
    };
}
/** The plan as a fixed-width table for the terminal and the job summary. */
function renderPlanTable(changes) {
    const rows = changes.map((c) => [c.action, c.type, c.id ?? '(new)', c.detail ?? '']);
    const head = ['ACTION', 'TYPE', 'ID', 'DETAIL'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r) => r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    return [line(head), ...rows.map(line)].join('\n') + '\n';
}
function planJson(p) {
    return {
        changes: p.changes.map(({ action, type, id, detail }) => ({
            action,
            type,
            id,
            ...(detail ? { detail } : {}),
        })),
        drift: p.drift,
    };
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
