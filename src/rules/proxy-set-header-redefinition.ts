import { blockLabel, posOf, redefinedList } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

/** Headers whose loss changes what the backend believes about the request (links, client IP, scheme). */
const FORWARDING_HEADERS = new Set([
  'host',
  'x-real-ip',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'forwarded',
  'upgrade',
  'connection',
]);

const HEADER_DIRECTIVES = ['proxy_set_header', 'grpc_set_header'];

export const proxySetHeaderRedefinition: Rule = {
  id: 'proxy-set-header-redefinition',
  severity: 'warning',
  title: 'A nested proxy_set_header silently drops every proxy_set_header of the outer level',
  check(view) {
    const out = [];
    for (const block of view.directives) {
      if (!block.d.block || !['server', 'location', 'if', 'limit_except'].includes(block.d.directive))
        continue;
      for (const name of HEADER_DIRECTIVES) {
        const lost = redefinedList(view, block, name);
        if (!lost) continue;
        const { own, inherited, dropped } = lost;
        const levelName = blockLabel(inherited[0]!.parents.at(-1));
        const where = blockLabel(block.d);
        const forwarding = dropped.filter((c) => FORWARDING_HEADERS.has(c.d.args[0]!.toLowerCase()));
        const names = dropped.map((c) => `"${c.d.args[0]}"`).join(', ');
        out.push(
          finding(
            proxySetHeaderRedefinition,
            posOf(own[0]!.d),
            `${where} has its own ${name}, so nginx drops ${names} set in ${levelName} (line ${inherited[0]!.d.line}) for requests proxied from here${forwarding.length ? `: the backend gets nginx's defaults instead (Host $proxy_host, no client address, "Connection: close"), so links, redirects, client IPs or websockets break` : ''}.`,
            `Repeat the outer ${name} lines in ${where}, or move them into a file included at both levels.`,
            {
              ...proxyService(view),
              related: dropped.map((c) => ({ pos: posOf(c.d), message: `dropped: ${c.d.args[0]}` })),
            },
          ),
        );
      }
    }
    return out;
  },
};
