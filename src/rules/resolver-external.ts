import { argPosOf, directivesNamed } from '../project/scope.js';
import { finding, type Rule } from './rule.js';

/** Loopback, private, link-local and Docker's embedded DNS: resolvers inside the operator's network. */
function internalAddress(address: string): boolean {
  const host = address
    .replace(/^\[([^\]]+)\](?::\d+)?$/, '$1')
    .replace(/^([^:]+):\d+$/, '$1')
    .toLowerCase();
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (host.includes(':')) return host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  // A name without a dot (a compose service such as "dns") or under a private suffix.
  return !host.includes('.') || /\.(local|internal|lan|home\.arpa)$/.test(host);
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
          view.proxy ? { service: view.proxy.name } : {},
        ),
      );
    }
    return out;
  },
};
