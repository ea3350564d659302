import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { mustParseIp, parseIp } from './ip.js';
import type { SourceAttributes } from './sort.js';

/** Source(D) as this host would choose it, plus what rules 3, 4, 7 and 9 need to know about it. */
export interface SourceInfo {
  destination: string;
  /** null: no route (rule 1). */
  address: string | null;
  prefixLength?: number;
  interfaceName?: string;
  attributes: SourceAttributes;
  /** Why there is no source. */
  error?: string;
}

export interface SourceDiscoveryOptions {
  /** Where /proc/net/if_inet6 and /sys/class/net live; tests point these at fixtures. */
  procRoot?: string;
  sysRoot?: string;
  /** Replaces the UDP-connect lookup (tests simulate a host without a route). */
  kernelSource?: (destination: string) => Promise<string>;
}

// linux/if_addr.h and linux/if_arp.h.
const IFA_F_HOMEADDRESS = 0x10;
const IFA_F_DEPRECATED = 0x20;
/** ARPHRD_TUNNEL, ARPHRD_TUNNEL6, ARPHRD_SIT: the types glibc's rule 7 counts as not native. */
const TUNNEL_TYPES = new Set([768, 769, 776]);

/**
 * Asks the kernel which source it would use, the way glibc does: connect a UDP socket (no packet
 * is sent) and read its local address.
 */
export async function kernelSourceFor(destination: string): Promise<string> {
  const ip = mustParseIp(destination);
  const socket = dgram.createSocket(ip.family === 4 ? 'udp4' : 'udp6');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      // Port 9 (discard): any port works, nothing is sent.
      socket.connect(9, destination, () => resolve());
    });
    return socket.address().address;
  } finally {
    socket.close();
  }
}

/** Flags of each IPv6 address from /proc/net/if_inet6 (hex address → flags); empty where absent. */
async function ipv6AddressFlags(procRoot: string): Promise<Map<string, number>> {
  const flags = new Map<string, number>();
  const text = await readFile(join(procRoot, 'net/if_inet6'), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [hex, , , , flagHex] = line.trim().split(/\s+/);
    if (hex?.length !== 32 || !flagHex) continue;
    const address = parseIp(hex.replace(/(.{4})(?!$)/g, '$1:'));
    if (address) flags.set(address.text, Number.parseInt(flagHex, 16));
  }
  return flags;
}

async function isTunnel(sysRoot: string, interfaceName: string): Promise<boolean> {
  const text = await readFile(join(sysRoot, 'class/net', interfaceName, 'type'), 'utf8').catch(() => '');
  return TUNNEL_TYPES.has(Number(text.trim()));
}

/** Source(D) for each destination, in parallel, with prefix length and attributes from the OS. */
export async function discoverSources(
  destinations: readonly string[],
  options: SourceDiscoveryOptions = {},
): Promise<Map<string, SourceInfo>> {
  const procRoot = options.procRoot ?? '/proc';
  const sysRoot = options.sysRoot ?? '/sys';
  const flags = await ipv6AddressFlags(procRoot);
  const interfaces = Object.entries(networkInterfaces()).flatMap(([name, list]) =>
    (list ?? []).map((entry) => ({ name, entry })),
  );
  const infos = await Promise.all(
    destinations.map(async (destination): Promise<SourceInfo> => {
      let address: string;
      try {
        address = mustParseIp(await (options.kernelSource ?? kernelSourceFor)(destination)).text;
      } catch (error) {
        return { destination, address: null, attributes: {}, error: errorMessage(error) };
      }
      const owner = interfaces.find(({ entry }) => parseIp(entry.address)?.text === address);
      const prefixLength = owner?.entry.cidr ? Number(owner.entry.cidr.split('/')[1]) : undefined;
      const addressFlags = flags.get(address) ?? 0;
      const attributes: SourceAttributes = {
        deprecated: (addressFlags & IFA_F_DEPRECATED) !== 0,
        home: (addressFlags & IFA_F_HOMEADDRESS) !== 0,
        encapsulated: owner ? await isTunnel(sysRoot, owner.name) : false,
      };
      return {
        destination,
        address,
        attributes,
        ...(prefixLength !== undefined ? { prefixLength } : {}),
        ...(owner ? { interfaceName: owner.name } : {}),
      };
    }),
  );
  return new Map(infos.map((info) => [info.destination, info]));
}
