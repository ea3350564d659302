import { argPosOf, chainOf, directivesNamed, effective } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

const HIDE_DIRECTIVES = [
  'proxy_hide_header',
  'fastcgi_hide_header',
  'uwsgi_hide_header',
  'scgi_hide_header',
  'grpc_hide_header',
];

export const addHeaderContentType: Rule = {
  id: 'add-header-content-type',
  severity: 'warning',
  title: 'Content-Type set with add_header (sent twice)',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'add_header')) {
      if (p.d.args[0]?.toLowerCase() !== 'content-type') continue;
      // With the upstream's Content-Type hidden, add_header supplies the only one.
      const chain = chainOf(p);
      const hidden = HIDE_DIRECTIVES.some((name) =>
        effective(view, chain, name).some((h) => h.d.args[0]?.toLowerCase() === 'content-type'),
      );
      if (hidden) continue;
      out.push(
        finding(
          addHeaderContentType,
          argPosOf(p.d, 0),
          `add_header Content-Type ${p.d.args[1] ?? ''} adds a second Content-Type header next to the one nginx (or the backend) already sends; clients then pick either, so the type works only by luck.`,
          `Set the type with "default_type ${p.d.args[1] ?? 'text/plain'};" (or a "types { }" block); for proxied responses use "proxy_hide_header Content-Type;" before adding your own.`,
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
