/** IPv6 prefix arithmetic on BigInt: the subnet /64s inside the VPC's Amazon-provided /56. */
import { formatIpv6 as formatIpv6Bytes, parseIp } from '../dns/ip.js';

/** An IPv6 address as a 128-bit integer; the parsing is the dns module's (one IPv6 parser). */
export function parseIpv6(address: string): bigint {
  const ip = parseIp(address);
  if (ip?.family !== 6) throw new Error(`not an IPv6 address: "${address}"`);
  return ip.bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

/** RFC 5952 text of a 128-bit integer, through the dns module's formatter. */
export function formatIpv6(value: bigint): string {
  const bytes = new Uint8Array(16);
  for (let i = 15, v = value; i >= 0; i--, v >>= 8n) bytes[i] = Number(v & 0xffn);
  return formatIpv6Bytes(bytes);
}

export interface Ipv6Prefix {
  network: bigint;
  length: number;
}

export function parseIpv6Cidr(cidr: string): Ipv6Prefix {
  const [addr, len, extra] = cidr.split('/');
  const length = Number(len);
  if (addr === undefined || extra !== undefined || !Number.isInteger(length) || length < 0 || length > 128)
    throw new Error(`not an IPv6 CIDR: "${cidr}"`);
  const mask = length === 0 ? 0n : ((1n << BigInt(length)) - 1n) << BigInt(128 - length);
  return { network: parseIpv6(addr) & mask, length };
}

/** The `index`-th /`newLength` inside `parent` (e.g. the 0th /64 of a /56); throws if it does not fit. */
export function subnetOf(parent: string, newLength: number, index: number): string {
  const p = parseIpv6Cidr(parent);
  if (newLength < p.length || newLength > 128) throw new Error(`/${newLength} does not fit in ${parent}`);
  const count = 1n << BigInt(newLength - p.length);
  if (!Number.isInteger(index) || index < 0 || BigInt(index) >= count)
    throw new Error(`subnet index ${index} is outside ${parent} (which holds ${count} /${newLength}s)`);
  return `${formatIpv6(p.network | (BigInt(index) << BigInt(128 - newLength)))}/${newLength}`;
}

/** True when `inner` lies entirely inside `outer`. */
export function ipv6CidrContains(outer: string, inner: string): boolean {
  const o = parseIpv6Cidr(outer);
  const i = parseIpv6Cidr(inner);
  if (i.length < o.length) return false;
  const mask = o.length === 0 ? 0n : ((1n << BigInt(o.length)) - 1n) << BigInt(128 - o.length);
  return (i.network & mask) === o.network;
}
