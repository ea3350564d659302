import { accessRules, deniesAll, requiresAuth } from '../project/access.js';
import { chainOf, childrenNamed, directivesNamed, posOf } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const stubStatusExposed: Rule = {
  id: 'stub-status-exposed',
  severity: 'warning',
  title: 'stub_status is reachable by any client',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'stub_status')) {
      if (p.d.args[0]?.toLowerCase() === 'off') continue;
      const chain = chainOf(p);
      const location = chain.findLast((b) => b.directive === 'location');
      if (location && childrenNamed(view, location, 'internal').length > 0) continue;
      if (deniesAll(accessRules(view, chain)) || requiresAuth(view, chain)) continue;
      // A server that listens only on unix sockets is reachable only from inside the host or container.
      const server = chain.findLast((b) => b.directive === 'server');
      const listens = server ? childrenNamed(view, server, 'listen') : [];
      if (listens.length > 0 && listens.every((l) => l.d.args[0]?.startsWith('unix:'))) continue;
      out.push(
        finding(
          stubStatusExposed,
          posOf(p.d),
          `stub_status${location ? ` in location ${location.args.join(' ')}` : ''} has no "deny all" and no auth in effect: anyone can read the connection and request counters (traffic levels, when an attack or a deploy hurts).`,
          'Restrict it: "allow 127.0.0.1; allow <monitoring network>; deny all;" in that location, or listen on an internal-only port.',
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
