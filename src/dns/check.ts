import { getServers } from 'node:dns';
import { errorMessage, isUserError } from '../core/errors.js';
import { DEFAULT_GAI_CONF, loadGlibcPolicy } from './gai-conf.js';
import { ipFamily, mustParseIp } from './ip.js';
import type { SelectionPolicy } from './policy.js';
import { type ProbeOptions, type ProbeResult, probeAddress } from './probe.js';
import { type RawAnswers, resolveRaw, resolveSystem } from './resolve.js';
import { type DestinationPair, explainPair, sortDestinations } from './sort.js';
import { discoverSources, type SourceDiscoveryOptions, type SourceInfo } from './source.js';

export type TlsMode = 'auto' | 'on' | 'off';

export interface DnsCheckOptions {
  name: string;
  port?: number;
  /** IP[:PORT] of the DNS server for the raw answers; the system lookup cannot use it. */
  resolver?: string;
  /** SNI and certificate name; defaults to `name`. */
  sni?: string;
  path?: string;
  /** auto: TLS when the port is 443. */
  tls?: TlsMode;
  /** Per-probe deadline (TCP + TLS + first HTTP line), and the DNS timeout. */
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM text). */
  ca?: string[];
  insecure?: boolean;
  /** gai.conf used for the glibc order (default /etc/gai.conf). */
  gaiConfPath?: string;
  /** For tests: where /proc and /sys are. */
  sourceDiscovery?: SourceDiscoveryOptions;
}

export interface DnsCheckRow {
  address: string;
  family: 4 | 6;
  /** 1-based positions; null where the address is not in that list. */
  dnsPosition: number | null;
  systemPosition: number | null;
  rfc6724Position: number;
  glibcPosition: number;
  source: string | null;
  sourcePrefixLength?: number;
  sourceInterface?: string;
  reachable: boolean;
  /** null: TLS not attempted. */
  tlsOk: boolean | null;
  status: number | null;
  latencyMs: number;
  /** TCP, TLS and HTTP all succeeded and the status is below 500. */
  ok: boolean;
  error?: string;
}

export type DnsFlagId =
  | 'partial-outage'
  | 'all-unreachable'
  | 'ipv6-broken'
  | 'order-disagreement'
  | 'round-robin-collapse'
  | 'system-order-unavailable';

export interface DnsFlag {
  id: DnsFlagId;
  severity: 'error' | 'warning' | 'info';
  message: string;
  addresses?: string[];
  /** The RFC 6724 rule that explains an order flag. */
  rule?: number;
}

export interface DnsCheckResult {
  name: string;
  port: number;
  tls: boolean;
  path: string;
  /** The DNS servers asked for the raw answers. */
  servers: string[];
  orders: {
    /** A answers then AAAA answers, as glibc's DNS backend hands them to its sort. */
    dns: string[];
    system: string[] | null;
    rfc6724: string[];
    glibc: string[];
    rfc3484: string[];
  };
  /** Why the system order is missing. */
  systemOrderUnavailable?: string;
  /** Where the glibc tables came from. */
  glibcPolicy: string;
  rows: DnsCheckRow[];
  flags: DnsFlag[];
  warnings: string[];
  /** Every address passed. */
  ok: boolean;
  /** At least one address passed. */
  anyOk: boolean;
}

function pairFor(address: string, source: SourceInfo | undefined): DestinationPair {
  return {
    destination: address,
    source: source?.address ?? null,
    ...(source?.prefixLength !== undefined ? { sourcePrefixLength: source.prefixLength } : {}),
    ...(source ? { sourceAttributes: source.attributes } : {}),
  };
}

/** The first place two orders of the same addresses differ: [ahead in `a`, ahead in `b`]. */
function firstDifference(a: readonly string[], b: readonly string[]): [string, string] | null {
  const common = a.filter((x) => b.includes(x));
  const bCommon = b.filter((x) => a.includes(x));
  const i = common.findIndex((x, index) => x !== bCommon[index]);
  return i < 0 ? null : [common[i]!, bCommon[i]!];
}

export function orderFlag(
  system: string[],
  rfc6724: string[],
  glibc: string[],
  pairs: Map<string, DestinationPair>,
  glibcPolicy: SelectionPolicy,
): DnsFlag | null {
  const difference = firstDifference(system, rfc6724);
  if (!difference) return null;
  const [systemFirst, rfcFirst] = difference;
  const pairA = pairs.get(rfcFirst)!;
  const pairB = pairs.get(systemFirst)!;
  const rfc = explainPair(pairA, pairB, 'rfc6724');
  let message =
    `system order puts ${systemFirst} before ${rfcFirst}; RFC 6724 puts ${rfcFirst} first by rule ${rfc.rule} ` +
    `(${rfc.ruleName}: ${rfc.reason})`;
  if (!firstDifference(system, glibc)) {
    const g = explainPair(pairB, pairA, glibcPolicy);
    message += `; glibc's policy (${glibcPolicy.origin}) explains the system order: rule ${g.rule} (${g.ruleName}: ${g.reason})`;
  } else {
    message += `; glibc's policy (${glibcPolicy.origin}) predicts neither, so a resolver or NSS module reordered`;
  }
  return {
    id: 'order-disagreement',
    severity: 'info',
    message,
    addresses: [systemFirst, rfcFirst],
    rule: rfc.rule,
  };
}

/**
 * Rule 9 on IPv4 (RFC 3484, Windows Vista/7): when one A record shares a strictly longer prefix
 * with the client's source than every other, it comes first whatever order DNS returns, so the
 * round-robin collapses onto it. Tested by sorting every rotation of the answer.
 */
export function collapseFlag(ipv4: DestinationPair[]): DnsFlag | null {
  const sourced = ipv4.filter((p) => p.source !== null);
  if (sourced.length < 2) return null;
  const rotations = sourced.map((_, i) => [...sourced.slice(i), ...sourced.slice(0, i)]);
  const firsts = new Set(rotations.map((r) => sortDestinations(r, 'rfc3484').order[0]));
  const sorted = sortDestinations(sourced, 'rfc3484');
  if (firsts.size !== 1 || sorted.placements[1]?.rule !== 9) return null;
  const winner = sorted.order[0]!;
  const source = sourced.find((p) => mustParseIp(p.destination).text === winner)?.source;
  return {
    id: 'round-robin-collapse',
    severity: 'warning',
    message:
      `RFC 3484 clients (rule 9 on IPv4, e.g. Windows Vista/7) with source ${source} would always pick ${winner} ` +
      `(${sorted.placements[1]?.reason}); the other ${sourced.length - 1} A records would get none of their traffic`,
    addresses: [winner],
    rule: 9,
  };
}

function healthFlags(rows: DnsCheckRow[]): DnsFlag[] {
  const flags: DnsFlag[] = [];
  const dead = rows.filter((r) => !r.ok).map((r) => r.address);
  const alive = rows.filter((r) => r.ok);
  if (dead.length > 0 && alive.length === 0) {
    flags.push({ id: 'all-unreachable', severity: 'error', message: 'no address passed', addresses: dead });
  } else if (dead.length > 0) {
    flags.push({
      id: 'partial-outage',
      severity: 'error',
      message: `${dead.length} of ${rows.length} addresses failed: ${dead.join(', ')}; clients that pick them fail or wait`,
      addresses: dead,
    });
  }
  const v6 = rows.filter((r) => r.family === 6);
  if (v6.length > 0 && v6.every((r) => !r.ok) && alive.some((r) => r.family === 4)) {
    flags.push({
      id: 'ipv6-broken',
      severity: 'error',
      message: `every IPv6 address failed while IPv4 works; RFC 6724 clients try IPv6 first: ${v6.map((r) => r.address).join(', ')}`,
      addresses: v6.map((r) => r.address),
    });
  }
  return flags;
}

/**
 * Resolves `name` (raw answer order and system order), finds the source for every address,
 * computes the RFC 6724 / glibc / RFC 3484 orders and probes every address in parallel.
 */
export async function checkName(options: DnsCheckOptions): Promise<DnsCheckResult> {
  const port = options.port ?? 443;
  const tlsOn = options.tls === 'on' || ((options.tls ?? 'auto') === 'auto' && port === 443);
  const path = options.path ?? '/';
  const timeoutMs = options.timeoutMs ?? 5000;
  const warnings: string[] = [];

  const systemLookup: Promise<string[] | { unavailable: string }> = options.resolver
    ? Promise.resolve({
        unavailable: `getaddrinfo asks the system's resolvers (/etc/resolv.conf, nsswitch.conf), not --resolver ${options.resolver}`,
      })
    : resolveSystem(options.name).catch((error) => ({
        unavailable: `getaddrinfo failed: ${errorMessage(error)}`,
      }));
  const [answers, system] = await Promise.all([
    resolveRaw(options.name, options.resolver, timeoutMs).catch((error: unknown) => error),
    systemLookup,
  ]);
  let raw: RawAnswers;
  if (!(answers instanceof Error)) raw = answers as RawAnswers;
  else if (isUserError(answers) && Array.isArray(system) && system.length > 0) {
    // e.g. a hosts-file name: getaddrinfo knows it, DNS does not.
    warnings.push(
      `${answers.message}; the addresses come from getaddrinfo only (hosts file or another NSS source)`,
    );
    raw = { a: [], aaaa: [], servers: getServers() };
  } else throw answers;

  const dnsOrder = [...raw.a, ...raw.aaaa];
  const systemOrder = Array.isArray(system) ? system : null;
  const addresses = [...new Set([...dnsOrder, ...(systemOrder ?? [])])];
  const sources = await discoverSources(addresses, options.sourceDiscovery);
  const pairs = new Map(addresses.map((a) => [a, pairFor(a, sources.get(a))]));
  // The sorts start from the system's input order: the DNS answer (plus anything only getaddrinfo found).
  const input = addresses.map((a) => pairs.get(a)!);
  const glibc = loadGlibcPolicy(options.gaiConfPath ?? DEFAULT_GAI_CONF, options.gaiConfPath !== undefined);
  warnings.push(...glibc.warnings);
  const rfc6724 = sortDestinations(input, 'rfc6724').order;
  const glibcOrder = sortDestinations(input, glibc.policy).order;
  const rfc3484 = sortDestinations(input, 'rfc3484').order;

  const sni = options.sni ?? options.name;
  const defaultPort = tlsOn ? 443 : 80;
  const host = port === defaultPort ? options.name : `${options.name}:${port}`;
  const probes = await Promise.all(
    addresses.map((address): Promise<ProbeResult> => {
      const probe: ProbeOptions = { address, port, tls: tlsOn, serverName: sni, host, path, timeoutMs };
      if (options.ca) probe.ca = options.ca;
      if (options.insecure) probe.insecure = true;
      return probeAddress(probe);
    }),
  );

  const position = (list: readonly string[] | null, a: string) => {
    const i = list ? list.indexOf(a) : -1;
    return i < 0 ? null : i + 1;
  };
  const rows = addresses.map((address, i): DnsCheckRow => {
    const probe = probes[i]!;
    const source = sources.get(address);
    const ok = probe.reachable && probe.tlsOk !== false && probe.status !== null && probe.status < 500;
    const row: DnsCheckRow = {
      address,
      family: ipFamily(address) === 6 ? 6 : 4,
      dnsPosition: position(dnsOrder, address),
      systemPosition: position(systemOrder, address),
      rfc6724Position: position(rfc6724, address)!,
      glibcPosition: position(glibcOrder, address)!,
      source: source?.address ?? null,
      reachable: probe.reachable,
      tlsOk: probe.tlsOk,
      status: probe.status,
      latencyMs: probe.latencyMs,
      ok,
    };
    if (source?.prefixLength !== undefined) row.sourcePrefixLength = source.prefixLength;
    if (source?.interfaceName) row.sourceInterface = source.interfaceName;
    const error =
      probe.error !== undefined
        ? `${probe.failedStage}: ${probe.error}`
        : probe.tlsError !== undefined
          ? `tls: ${probe.tlsError}`
          : probe.status !== null && probe.status >= 500
            ? `http: status ${probe.status}`
            : source?.error !== undefined
              ? `no source: ${source.error}`
              : undefined;
    if (error !== undefined) row.error = error;
    return row;
  });

  const flags = healthFlags(rows);
  if (systemOrder) {
    const flag = orderFlag(systemOrder, rfc6724, glibcOrder, pairs, glibc.policy);
    if (flag) flags.push(flag);
  } else if (!Array.isArray(system)) {
    flags.push({ id: 'system-order-unavailable', severity: 'info', message: system.unavailable });
  }
  const collapse = collapseFlag(input.filter((p) => ipFamily(p.destination) === 4));
  if (collapse) flags.push(collapse);

  const result: DnsCheckResult = {
    name: options.name,
    port,
    tls: tlsOn,
    path,
    servers: raw.servers,
    orders: { dns: dnsOrder, system: systemOrder, rfc6724, glibc: glibcOrder, rfc3484 },
    glibcPolicy: glibc.policy.origin,
    rows,
    flags,
    warnings,
    ok: rows.every((r) => r.ok),
    anyOk: rows.some((r) => r.ok),
  };
  if (!Array.isArray(system)) result.systemOrderUnavailable = system.unavailable;
  return result;
}
