/** IPv6 prefix arithmetic on BigInt: the subnet /64s inside the VPC's Amazon-provided /56. */

export function parseIpv6(address: string): bigint {
  const text = address.trim().toLowerCase();
  if (!/^[0-9a-f:]+$/.test(text) || (text.match(/::/g)?.length ?? 0) > 1)
    throw new Error(`not an IPv6 address: "${address}"`);
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if ((tail === undefined && missing !== 0) || missing < 0)
    throw new Error(`not an IPv6 address: "${address}"`);
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) throw new Error(`not an IPv6 address: "${address}"`);
    value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return value;
}

/** RFC 5952 text: lower case, longest run of two or more zero groups as `::`. */
export function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
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
