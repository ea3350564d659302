import { UsageError } from '../core/errors.js';
import { isIPv4, isIPv6 } from '../dns/ip.js';

/** What the user asked for: the CLI flags / action inputs after parsing. */
export interface EnvOptions {
  name: string;
  region: string;
  endpoint?: string;
  ami?: string;
  amiParameter: string;
  instanceType: string;
  sshCidrs: string[];
  vpnCidrs: string[];
  openvpnPort: number;
  openvpnProtocol: 'udp' | 'tcp';
  ipv6Egress: 'egress-only' | 'internet-gateway';
  ttlHours: number;
  /** SSH from 0.0.0.0/0 or ::/0 is refused unless this is set. */
  allowSshFromAnywhere?: boolean;
  /**
   * How the caller names an option in messages: the CLI's `--ssh-cidr` (the default), the action's
   * input `ssh-cidr`; undefined for an option the caller does not have.
   */
  optionNamed?: (option: string) => string | undefined;
}

export const DEFAULTS = {
  amiParameter: '/aws/service/debian/release/12/latest/amd64',
  instanceType: 't3.micro',
  openvpnPort: 1194,
  openvpnProtocol: 'udp',
  ipv6Egress: 'egress-only',
  ttlHours: 4,
  vpnCidrs: ['0.0.0.0/0', '::/0'],
} as const;

export const TAG_ENV = 'stackgate:environment';
export const TAG_MANAGED = 'stackgate:managed-by';
export const TAG_EXPIRES = 'stackgate:expires-at';
export const MANAGED_BY = 'stackgate';

export const VPC_CIDR = '10.77.0.0/16';
export const SUBNET_CIDR = '10.77.0.0/24';
/** The subnet takes the first /64 of the VPC's /56. */
export const SUBNET_IPV6_INDEX = 0;
/** EC2's limit on raw user data; we check the gzip+base64 text we send against it. */
export const USER_DATA_LIMIT = 16 * 1024;

export type ResourceType =
  | 'vpc'
  | 'subnet'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'route-table'
  | 'route'
  | 'route-table-association'
  | 'security-group'
  | 'instance';

export interface Rule {
  protocol: 'tcp' | 'udp' | '-1';
  fromPort: number;
  toPort: number;
  cidr: string;
}

export interface DesiredRoute {
  destination: '0.0.0.0/0' | '::/0';
  target: 'internet-gateway' | 'egress-only-internet-gateway';
}

export interface DesiredEnv {
  name: string;
  vpcCidr: string;
  subnetCidr: string;
  subnetIpv6Index: number;
  egressOnly: boolean;
  routes: DesiredRoute[];
  groupName: string;
  ingress: Rule[];
  egress: Rule[];
  instanceType: string;
  ami: { id: string } | { parameter: string };
  openvpn: { port: number; protocol: 'udp' | 'tcp' };
}

const NAME_RE = /^[a-z0-9][a-z0-9-]{0,30}$/;

export function validateCidr(cidr: string, what: string): 'v4' | 'v6' {
  const [addr, len, extra] = cidr.split('/');
  const n = Number(len);
  if (addr !== undefined && extra === undefined && len !== undefined && /^\d+$/.test(len)) {
    if (isIPv4(addr) && n <= 32) return 'v4';
    if (isIPv6(addr) && n <= 128) return 'v6';
  }
  throw new UsageError(`${what} "${cidr}" is not a CIDR (e.g. 203.0.113.7/32 or 2001:db8::/64)`);
}

/** The desired resource graph for an environment; refuses unsafe or malformed options (UsageError). */
export function desiredEnvironment(o: EnvOptions): DesiredEnv {
  const named = o.optionNamed ?? ((option: string) => `--${option}`);
  const n = (option: string) => named(option) ?? option;
  if (!NAME_RE.test(o.name))
    throw new UsageError(
      `${n('name')} "${o.name}" must be 1-31 characters of a-z, 0-9 and "-", starting with a letter or digit`,
    );
  if (!Number.isInteger(o.openvpnPort) || o.openvpnPort < 1 || o.openvpnPort > 65535)
    throw new UsageError(`${n('openvpn-port')} must be a port number 1-65535, not "${o.openvpnPort}"`);
  if (!(o.ttlHours > 0 && o.ttlHours <= 24 * 30))
    throw new UsageError(
      `${n('ttl-hours')} must be a number of hours above 0 and at most 720, not "${o.ttlHours}"`,
    );
  if (!/^[a-z0-9]+[a-z0-9-]*\.[a-z0-9]+$/.test(o.instanceType))
    throw new UsageError(
      `${n('instance-type')} "${o.instanceType}" is not an instance type name (e.g. t3.micro)`,
    );
  if (o.ami !== undefined && !/^ami-[0-9a-f]{8,17}$/.test(o.ami))
    throw new UsageError(`${n('ami')} "${o.ami}" is not an AMI id (ami- followed by 8 or 17 hex digits)`);
  if (!o.amiParameter.startsWith('/'))
    throw new UsageError(
      `${n('ami-parameter')} "${o.amiParameter}" must be an SSM parameter path starting with "/"`,
    );
  const ingress: Rule[] = [];
  const vpnCidrs = o.vpnCidrs.length > 0 ? o.vpnCidrs : [...DEFAULTS.vpnCidrs];
  for (const cidr of vpnCidrs) {
    validateCidr(cidr, n('vpn-cidr'));
    ingress.push({ protocol: o.openvpnProtocol, fromPort: o.openvpnPort, toPort: o.openvpnPort, cidr });
  }
  for (const cidr of o.sshCidrs) {
    validateCidr(cidr, n('ssh-cidr'));
    if (/\/0$/.test(cidr) && !o.allowSshFromAnywhere)
      throw new UsageError(
        `${n('ssh-cidr')} ${cidr} opens SSH to the whole internet; give your runner's address (e.g. 203.0.113.7/32)${
          named('allow-ssh-from-anywhere')
            ? `, or add ${named('allow-ssh-from-anywhere')} if you really mean it`
            : ''
        }`,
      );
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

export function ruleKey(r: Rule): string {
  return `${r.protocol}:${r.fromPort}-${r.toPort}:${r.cidr}`;
}

function dedupeRules(rules: Rule[]): Rule[] {
  const seen = new Map<string, Rule>();
  for (const r of rules) seen.set(ruleKey(r), r);
  return [...seen.values()];
}

export interface Tag {
  Key: string;
  Value: string;
}

/** The ownership tags every resource gets at creation, plus its Name. */
export function ownershipTags(env: string, expiresAt: Date, name: string): Tag[] {
  return [
    { Key: TAG_ENV, Value: env },
    { Key: TAG_MANAGED, Value: MANAGED_BY },
    { Key: TAG_EXPIRES, Value: expiresAt.toISOString() },
    { Key: 'Name', Value: name },
  ];
}

export function resourceName(env: string, type: ResourceType): string {
  return `stackgate-${env}-${type}`;
}
