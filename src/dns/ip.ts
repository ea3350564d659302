// Hand-rolled literal checks, the same answers as node:net's isIP (a unit property test holds them to
// it): loading node:net and compiling its address regexes cost validate's cold start ~10 ms.

const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const ZONE = /^[0-9a-zA-Z\-.:]+$/;

/** A dotted quad as node:net accepts it: four decimal octets ≤ 255, no leading zeros. */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => DECIMAL_OCTET.test(p) && Number(p) <= 255);
}

/** An IPv6 literal as node:net accepts it: hex groups, one `::` at most, a dotted-quad tail, a %zone. */
export function isIPv6(text: string): boolean {
  const percent = text.indexOf('%');
  const address = percent < 0 ? text : text.slice(0, percent);
  if (percent >= 0 && !ZONE.test(text.slice(percent + 1))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  let count = all.length;
  // A dotted quad may end the address (never before "::") and stands for the last two groups.
  const tail = groups[groups.length - 1] ?? [];
  const last = tail[tail.length - 1];
  if (last?.includes('.')) {
    if (!isIPv4(last)) return false;
    all.pop();
    count++;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** 4, 6 or 0, as node:net's isIP. */
export function ipFamily(text: string): 0 | 4 | 6 {
  return isIPv4(text) ? 4 : isIPv6(text) ? 6 : 0;
}

/**
 * An IP address as the selection rules see it: IPv4 is held as the IPv4-mapped IPv6 address
 * ::ffff:a.b.c.d, because every policy table is keyed on IPv6 prefixes (RFC 6724 §2.1).
 */
export interface IpAddress {
  family: 4 | 6;
  /** 16 bytes; IPv4 as ::ffff:a.b.c.d. */
  bytes: Uint8Array;
  /** The canonical text (zone id dropped). */
  text: string;
}

/** Parses an IPv4 or IPv6 literal (an IPv6 zone id like %eth0 is ignored); null when it is not one. */
export function parseIp(input: string): IpAddress | null {
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
  if (!isIPv6(withoutZone)) return null;
  const bytes = ipv6Bytes(withoutZone);
  return { family: 6, bytes, text: formatIpv6(bytes) };
}

/** Like parseIp, but throws with the offending text. */
export function mustParseIp(input: string): IpAddress {
  const ip = parseIp(input);
  if (!ip) throw new Error(`"${input}" is not an IPv4 or IPv6 address`);
  return ip;
}

function ipv6Bytes(text: string): Uint8Array {
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
  const groups = [...headGroups, ...Array<string>(zeros).fill('0'), ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = Number.parseInt(g, 16);
    bytes[i * 2] = v >> 8;
    bytes[i * 2 + 1] = v & 0xff;
  });
  return bytes;
}

/** RFC 5952 text: lower case, longest run (≥2) of zero groups compressed. */
export function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Number of leading bits a and b share, looking at no more than maxBits of the 16-byte form. */
export function sharedLeadingBits(a: Uint8Array, b: Uint8Array, fromBit: number, maxBits: number): number {
  let n = 0;
  for (let bit = fromBit; bit < fromBit + maxBits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((a[byte] ?? 0) & mask) !== ((b[byte] ?? 0) & mask)) break;
    n++;
  }
  return n;
}

/**
 * CommonPrefixLen as Go's net package computes it for RFC 6724 rule 9: 0 across families, up to 32
 * bits for IPv4, and for IPv6 up to the source's prefix length (the part before the interface id,
 * 64 when unknown).
 */
export function commonPrefixLen(a: IpAddress, b: IpAddress, ipv6PrefixLength = 64): number {
  if (a.family !== b.family) return 0;
  if (a.family === 4) return sharedLeadingBits(a.bytes, b.bytes, 96, 32);
  return sharedLeadingBits(a.bytes, b.bytes, 0, Math.min(128, ipv6PrefixLength));
}

/** True when ip lies in prefix/bits (bits counted on the 16-byte form). */
export function inPrefix(ip: IpAddress, prefix: Uint8Array, bits: number): boolean {
  return sharedLeadingBits(ip.bytes, prefix, 0, bits) === bits;
}
