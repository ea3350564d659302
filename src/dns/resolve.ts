import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { errorMessage, InputError, UsageError } from '../core/errors.js';
import { mustParseIp } from './ip.js';

/** "IP", "IP:PORT" or "[IPv6]:PORT" as node:dns setServers takes it; UsageError otherwise. */
/** A name to resolve as typed on the command line; empty or blank names are usage errors. */
export function checkHostName(name: string): string {
  if (name.trim() === '')
    throw new UsageError('dns check: the NAME is empty; give a host name such as example.com');
  if (/[\s\u0000-\u001f\u007f]/.test(name))
    throw new UsageError(
      `dns check: the NAME ${JSON.stringify(name)} holds spaces or control characters; give a host name such as example.com`,
    );
  if (name.length > 253)
    throw new UsageError(
      `dns check: the NAME is ${name.length} characters long; a host name has at most 253`,
    );
  return name;
}

export function parseResolver(text: string): string {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const [host, port] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : isIP(text)
      ? [text, undefined]
      : [text.slice(0, text.lastIndexOf(':')), text.slice(text.lastIndexOf(':') + 1)];
  if (!isIP(host) || (port !== undefined && !/^\d{1,5}$/.test(port))) {
    throw new UsageError(`--resolver "${text}": expected IP, IP:PORT or [IPv6]:PORT`);
  }
  // Port 0 aborts c-ares natively for IPv4 and is dropped silently for IPv6.
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw new UsageError(
      `--resolver "${text}": port ${port} is out of range; use a port from 1 to 65535 (DNS is 53)`,
    );
  }
  const ip = mustParseIp(host).text;
  if (port === undefined) return ip;
  return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export interface RawAnswers {
  a: string[];
  aaaa: string[];
  /** The servers asked. */
  servers: string[];
}

const EMPTY_ANSWER = new Set(['ENODATA', 'ENOTFOUND']);

/**
 * A and AAAA in answer order via c-ares (node:dns Resolver), which does not sort. "No such name"
 * and "no records of this type" are empty answers; anything else (refused, timeout) is an error.
 */
export async function resolveRaw(
  name: string,
  resolver: string | undefined,
  timeoutMs: number,
): Promise<RawAnswers> {
  const r = new dns.Resolver({ timeout: Math.max(1, Math.min(timeoutMs, 5000)), tries: 2 });
  if (resolver) r.setServers([resolver]);
  const servers = r.getServers();
  const query = async (kind: 'A' | 'AAAA'): Promise<string[] | Error> => {
    try {
      return kind === 'A' ? await r.resolve4(name) : await r.resolve6(name);
    } catch (error) {
      if (EMPTY_ANSWER.has((error as NodeJS.ErrnoException).code ?? '')) return [];
      return error instanceof Error ? error : new Error(errorMessage(error));
    }
  };
  const [a, aaaa] = await Promise.all([query('A'), query('AAAA')]);
  const via = `via ${servers.join(', ') || 'no configured server'}`;
  if (a instanceof Error && aaaa instanceof Error) {
    throw new InputError(`cannot resolve ${name} ${via}: ${(a as NodeJS.ErrnoException).code ?? a.message}`);
  }
  const v4 = a instanceof Error ? [] : a;
  const v6 = aaaa instanceof Error ? [] : aaaa;
  if (v4.length + v6.length === 0) {
    const failed = a instanceof Error ? a : aaaa instanceof Error ? aaaa : null;
    const why = failed ? ` (${(failed as NodeJS.ErrnoException).code ?? failed.message})` : '';
    throw new InputError(`${name} has no A or AAAA records ${via}${why}`);
  }
  return { a: v4.map((x) => mustParseIp(x).text), aaaa: v6.map((x) => mustParseIp(x).text), servers };
}

/**
 * The order getaddrinfo returns (glibc sorts it with its RFC 3484 tables and /etc/gai.conf): no
 * AI_ADDRCONFIG (hints 0) and no reordering by Node (verbatim).
 */
export async function resolveSystem(name: string): Promise<string[]> {
  const results = await dns.lookup(name, { all: true, order: 'verbatim', hints: 0 });
  const seen = new Set<string>();
  for (const r of results) seen.add(mustParseIp(r.address).text);
  return [...seen];
}
