import { parseIp } from '../dns/ip.js';

/**
 * The names Docker writes into every container's /etc/hosts for the container itself. Only these: nginx in the
 * proxy container fails with `host not found in upstream "localhost.localdomain"` (scenario
 * upstream-localhost-localdomain, proven against real nginx).
 */
const CONTAINER_LOOPBACK_NAMES: ReadonlySet<string> = new Set(['localhost', 'ip6-localhost', 'ip6-loopback']);

/** Whether an IP literal (IPv6 bracketed or not) is a loopback address: 127.0.0.0/8 (also IPv4-mapped) or ::1. */
export function isLoopbackAddress(text: string): boolean {
  const ip = parseIp(text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text);
  if (!ip) return false;
  // IPv4 is held IPv4-mapped (::ffff:a.b.c.d), so 127.x and ::ffff:127.x are one test.
  const mapped = ip.bytes.slice(0, 12).every((b, i) => b === (i >= 10 ? 0xff : 0));
  if (mapped) return ip.bytes[12] === 127;
  return ip.bytes.every((b, i) => b === (i === 15 ? 1 : 0));
}

/**
 * Whether a host, as written in nginx or compose (an address or a name), means the container itself: a loopback
 * address, or a name the container's /etc/hosts maps to one. Names are compared case-insensitively, as resolvers do.
 */
export function isContainerLoopback(host: string): boolean {
  return CONTAINER_LOOPBACK_NAMES.has(host.toLowerCase()) || isLoopbackAddress(host);
}

/**
 * Loopback-looking names that nothing answers inside a container: `localhost.localdomain` (distributions write it
 * into their own /etc/hosts; Docker does not) and the RFC 6761 `.localhost` names, which public DNS refuses.
 */
export function isUnansweredLocalName(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost.localdomain' || h.endsWith('.localhost');
}
