import { type IpAddress, inPrefix, mustParseIp } from './ip.js';

export type PolicyName = 'rfc6724' | 'rfc3484' | 'glibc';
export const POLICY_NAMES: readonly PolicyName[] = ['rfc6724', 'rfc3484', 'glibc'];

/** One row of a policy table: a prefix and its precedence or label. */
export interface PrefixEntry {
  prefix: string;
  bits: number;
  value: number;
}

/** An IPv4 scope override (glibc's scopev4), bits counted on the IPv4 address. */
export interface Ipv4ScopeEntry {
  prefix: string;
  bits: number;
  scope: number;
}

/**
 * How rule 9 (longest matching prefix) behaves:
 * - rfc6724: IPv6 destinations only, CommonPrefixLen capped at the source prefix (Go, c-ares).
 * - rfc3484: both families, whole-address CommonPrefixLen (Windows Vista/7).
 * - glibc: IPv6 whole address; IPv4 only when destination and source share the source's subnet.
 */
export type Rule9Mode = 'rfc6724' | 'rfc3484' | 'glibc';

export interface SelectionPolicy {
  name: PolicyName;
  precedence: PrefixEntry[];
  labels: PrefixEntry[];
  ipv4Scopes: Ipv4ScopeEntry[];
  rule9: Rule9Mode;
  /** Where the tables came from, e.g. "built-in" or "/etc/gai.conf". */
  origin: string;
}

/** RFC 6724 §2.1. */
const RFC6724_TABLE: ReadonlyArray<[string, number, number, number]> = [
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

/** RFC 3484 §2.1. */
const RFC3484_TABLE: ReadonlyArray<[string, number, number, number]> = [
  ['::1', 128, 50, 0],
  ['::', 0, 40, 1],
  ['2002::', 16, 30, 2],
  ['::', 96, 20, 3],
  ['::ffff:0:0', 96, 10, 4],
];

/** glibc sysdeps/posix/getaddrinfo.c default_labels (its precedence table has no rows for the extra labels). */
export const GLIBC_DEFAULT_LABELS: readonly PrefixEntry[] = [
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
export const GLIBC_DEFAULT_PRECEDENCE: readonly PrefixEntry[] = [
  { prefix: '::1', bits: 128, value: 50 },
  { prefix: '2002::', bits: 16, value: 30 },
  { prefix: '::', bits: 96, value: 20 },
  { prefix: '::ffff:0:0', bits: 96, value: 10 },
  { prefix: '::', bits: 0, value: 40 },
];

/** glibc default_scopes: IPv4 link-local and loopback are link scope, everything else global. */
export const GLIBC_DEFAULT_SCOPES: readonly Ipv4ScopeEntry[] = [
  { prefix: '169.254.0.0', bits: 16, scope: 0x2 },
  { prefix: '127.0.0.0', bits: 8, scope: 0x2 },
  { prefix: '0.0.0.0', bits: 0, scope: 0xe },
];

/** RFC 6724 §3.2: only loopback and 169.254/16 are link scope; RFC 1918 and 100.64/10 are global. */
const RFC6724_IPV4_SCOPES: readonly Ipv4ScopeEntry[] = GLIBC_DEFAULT_SCOPES;

/** RFC 3484 §3.2: the RFC 1918 private ranges were site-local. */
const RFC3484_IPV4_SCOPES: readonly Ipv4ScopeEntry[] = [
  { prefix: '169.254.0.0', bits: 16, scope: 0x2 },
  { prefix: '127.0.0.0', bits: 8, scope: 0x2 },
  { prefix: '10.0.0.0', bits: 8, scope: 0x5 },
  { prefix: '172.16.0.0', bits: 12, scope: 0x5 },
  { prefix: '192.168.0.0', bits: 16, scope: 0x5 },
  { prefix: '0.0.0.0', bits: 0, scope: 0xe },
];

function column(table: ReadonlyArray<[string, number, number, number]>, index: 2 | 3): PrefixEntry[] {
  return table.map((row) => ({ prefix: row[0], bits: row[1], value: row[index] }));
}

/** Longest prefix first; the sort is stable so equal lengths keep their table order. */
export function byLongestPrefix<T extends { bits: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.bits - a.bits);
}

export function rfc6724Policy(): SelectionPolicy {
  return {
    name: 'rfc6724',
    precedence: byLongestPrefix(column(RFC6724_TABLE, 2)),
    labels: byLongestPrefix(column(RFC6724_TABLE, 3)),
    ipv4Scopes: [...RFC6724_IPV4_SCOPES],
    rule9: 'rfc6724',
    origin: 'RFC 6724 §2.1',
  };
}

export function rfc3484Policy(): SelectionPolicy {
  return {
    name: 'rfc3484',
    precedence: byLongestPrefix(column(RFC3484_TABLE, 2)),
    labels: byLongestPrefix(column(RFC3484_TABLE, 3)),
    ipv4Scopes: [...RFC3484_IPV4_SCOPES],
    rule9: 'rfc3484',
    origin: 'RFC 3484 §2.1',
  };
}

/** glibc's built-in tables; see gai-conf.ts for the /etc/gai.conf overrides. */
export function glibcBuiltinPolicy(): SelectionPolicy {
  return {
    name: 'glibc',
    precedence: byLongestPrefix(GLIBC_DEFAULT_PRECEDENCE),
    labels: byLongestPrefix(GLIBC_DEFAULT_LABELS),
    ipv4Scopes: byLongestPrefix(GLIBC_DEFAULT_SCOPES),
    rule9: 'glibc',
    origin: 'glibc built-in',
  };
}

const parsedPrefixes = new Map<string, Uint8Array>();
function prefixBytes(prefix: string): Uint8Array {
  let bytes = parsedPrefixes.get(prefix);
  if (!bytes) {
    bytes = mustParseIp(prefix).bytes;
    parsedPrefixes.set(prefix, bytes);
  }
  return bytes;
}

/**
 * The first (longest) matching row. A table without a match yields the fallback glibc uses
 * (label INT_MAX, precedence 0): only a gai.conf without ::/0 can get there.
 */
export function lookupEntry(table: readonly PrefixEntry[], ip: IpAddress): PrefixEntry | undefined {
  return table.find((e) => inPrefix(ip, prefixBytes(e.prefix), e.bits));
}

export function precedenceOf(policy: SelectionPolicy, ip: IpAddress): number {
  return lookupEntry(policy.precedence, ip)?.value ?? 0;
}

export function labelOf(policy: SelectionPolicy, ip: IpAddress): number {
  return lookupEntry(policy.labels, ip)?.value ?? 2 ** 31 - 1;
}

export const SCOPE_NAMES: Record<number, string> = {
  1: 'interface-local',
  2: 'link-local',
  4: 'admin-local',
  5: 'site-local',
  8: 'organization-local',
  14: 'global',
};

/** RFC 6724 §3.1 scope; IPv4 scope comes from the policy's IPv4 table. */
export function scopeOf(policy: SelectionPolicy, ip: IpAddress): number {
  const b = ip.bytes;
  if (ip.family === 6) {
    if (b[0] === 0xff) return (b[1] ?? 0) & 0x0f;
    const loopback = b.every((v, i) => (i === 15 ? v === 1 : v === 0));
    if (loopback || (b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80)) return 0x2;
    if (b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0xc0) return 0x5;
    return 0xe;
  }
  const entry = policy.ipv4Scopes.find((e) => inPrefix(ip, prefixBytes(`::ffff:${e.prefix}`), 96 + e.bits));
  return entry?.scope ?? 0xe;
}

export function scopeName(scope: number): string {
  return SCOPE_NAMES[scope] ?? `0x${scope.toString(16)}`;
}
