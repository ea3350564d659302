import type { Finding } from '../core/finding.js';
import type { NginxDirective } from '../nginx/ast.js';
import { directivesInServer, sslServers } from '../project/proxied-locations.js';
import { nginxPathOf, posOf } from '../project/scope.js';
import type { ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);

/** A `return 301 https://…` or `rewrite … https://…` anywhere in the server. */
function redirectsToHttps(view: ProjectView, server: NginxDirective): boolean {
  return directivesInServer(view, server).some((p) => {
    const [a, b] = p.d.args;
    if (p.d.directive === 'return') {
      const url = a !== undefined && REDIRECT_CODES.has(a) ? b : p.d.args.length === 1 ? a : undefined;
      return url !== undefined && /^https:\/\//i.test(url);
    }
    return p.d.directive === 'rewrite' && b !== undefined && /^https:\/\//i.test(b);
  });
}

export const httpRedirectMissing: Rule = {
  id: 'http-redirect-missing',
  severity: 'note',
  title: 'Plain HTTP on port 80 does not redirect to HTTPS',
  check(view) {
    if (sslServers(view).length === 0) return [];
    const out: Finding[] = [];
    const extra = proxyService(view);
    const published = view.proxy?.ports.find(
      (p) => p.target === 80 && p.protocol === 'tcp' && p.published !== undefined,
    );
    const plain80 = view.listens.filter((l) => l.port === 80 && !l.ssl);
    const fix =
      'Serve port 80 with a server that only redirects: "server { listen 80; server_name _; return 301 https://$host$request_uri; }".';
    if (plain80.length === 0) {
      if (published) {
        out.push(
          finding(
            httpRedirectMissing,
            published.pos,
            `Port 80 is published to ${published.published} but no nginx server listens on it, so http:// visitors get a connection error instead of a redirect to HTTPS.`,
            fix,
            extra,
          ),
        );
      }
      return out;
    }
    const seen = new Set<NginxDirective>();
    for (const l of plain80) {
      if (seen.has(l.server)) continue;
      seen.add(l.server);
      if (redirectsToHttps(view, l.server)) continue;
      const builtin = l.directive.file.builtin;
      // A server from the image's own files is only worth a note when it is reachable from outside.
      if (builtin && !published) continue;
      const where = builtin
        ? `the image's ${nginxPathOf(l.directive)}`
        : `this server (line ${l.server.line})`;
      out.push(
        finding(
          httpRedirectMissing,
          builtin ? published!.pos : posOf(l.directive.d),
          `HTTPS is configured, but ${where} answers plain HTTP on port 80 without redirecting to https://: visitors who type the bare name stay unencrypted.`,
          fix,
          extra,
        ),
      );
    }
    return out;
  },
};
