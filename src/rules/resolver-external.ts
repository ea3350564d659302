import { inPrefix, mustParseIp, parseIp } from '../dns/ip.js';
import { argPosOf, directivesNamed } from '../project/scope.js';
import { parseAddress } from '../project/upstreams.js';
import { finding, proxyService, type Rule } from './rule.js';

/**
 * Loopback, private, shared (100.64/10), link-local and unique-local ranges: resolvers inside the
 * operator's network (Docker's embedded DNS, 127.0.0.11, among them). IPv4 is held IPv4-mapped, as parseIp
 * holds it, so ::ffff:10.0.0.2 is 10.0.0.2.
 */
const INTERNAL_RANGES = (
  [
    ['::ffff:10.0.0.0', 96 + 8],
    ['::ffff:127.0.0.0', 96 + 8],
    ['::ffff:172.16.0.0', 96 + 12],
    ['::ffff:192.168.0.0', 96 + 16],
    ['::ffff:169.254.0.0', 96 + 16],
    ['::ffff:100.64.0.0', 96 + 10],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
  ] as const
).map(([prefix, bits]) => ({ prefix: mustParseIp(prefix).bytes, bits }));

/** A resolver argument (address[:port], [v6][:port], or a name) that stays inside the operator's network. */
function internalAddress(arg: string): boolean {
  const host = parseAddress(arg, false)?.host ?? arg;
  // nginx's ngx_inet_addr reads each octet as decimal, leading zeros and all (010.0.0.2 is 10.0.0.2). An
  // unbracketed IPv6 address (nginx -t: "invalid port") is still judged as the address it is.
  const ip = parseIp(/^[\d.]+$/.test(host) ? host.replace(/(^|\.)0+(?=\d)/g, '$1') : host) ?? parseIp(arg);
  if (ip) return INTERNAL_RANGES.some((r) => inPrefix(ip, r.prefix, r.bits));
  // A name without a dot (a compose service such as "dns") or under a private suffix.
  return !host.includes('.') || /\.(local|internal|lan|home\.arpa)$/i.test(host);
}

export const resolverExternal: Rule = {
  id: 'resolver-external',
  severity: 'warning',
  title: 'resolver points at a public DNS server',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'resolver')) {
      const at = p.d.args.findIndex((a) => !a.includes('=') && !a.includes('$') && !internalAddress(a));
      if (at < 0) continue;
      out.push(
        finding(
          resolverExternal,
          argPosOf(p.d, at),
          `resolver ${p.d.args[at]} is a public DNS server: nginx's resolver does not validate answers, so anyone who can spoof UDP replies on the way can point your upstreams elsewhere, and a public server cannot resolve compose service names at all.`,
          'Use Docker\'s embedded DNS in containers ("resolver 127.0.0.11 valid=10s;") or a resolver inside your network.',
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
