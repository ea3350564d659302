import { proxiedLocations } from '../project/proxied-locations.js';
import { argPosOf, childrenNamed, nginxPathOf } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const proxyPassNormalized: Rule = {
  id: 'proxy-pass-normalized',
  severity: 'note',
  title: 'proxy_pass with a URI sends the decoded, normalised path upstream',
  check(view) {
    const out = [];
    for (const { pass, location } of proxiedLocations(view)) {
      const target = pass.d.args[0] ?? '';
      if (location.args[0] === '=' || location.args[0]?.startsWith('@')) continue;
      // `rewrite ^ $request_uri;` puts the raw path into $uri: a proxy_pass without $uri/$N then encodes it twice.
      const raw = childrenNamed(view, location, 'rewrite').find(
        (c) => c.d.args[0] === '^' && c.d.args[1] === '$request_uri',
      );
      if (raw && !/\$(?:uri\b|\d)/.test(target)) {
        out.push(
          finding(
            proxyPassNormalized,
            argPosOf(pass.d, 0),
            `"rewrite ^ $request_uri;" (${raw.d.file === location.file ? `line ${raw.d.line}` : `${nginxPathOf(raw)}:${raw.d.line}`}) puts the raw, still-encoded path into $uri, and proxy_pass ${target} encodes it again: the backend gets %252F for %2F.`,
            'Pass the rewritten path explicitly, e.g. "proxy_pass http://backend$uri;" (or a $1 from a following rewrite … break).',
            proxyService(view),
          ),
        );
        continue;
      }
      if (target.includes('$')) continue;
      const unix = /^[a-z]+:\/\/unix:[^:]*(?::(\/.*))?$/i.exec(target);
      const uri = unix ? unix[1] : /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(target)?.[1];
      if (uri === undefined) continue;
      out.push(
        finding(
          proxyPassNormalized,
          argPosOf(pass.d, 0),
          `proxy_pass ${target} has a URI part ("${uri}"), so nginx replaces the matched prefix in the decoded, normalised path: %2F arrives as "/", "%2E%2E/" segments are already resolved, and the backend cannot see what the client sent (breaks encoded slashes in IDs, and lets paths the backend would refuse slip through as other paths).`,
          `If the backend needs the original path, drop the URI ("proxy_pass ${target.slice(0, target.length - uri.length)};") and strip the prefix with "rewrite" or in the app, or pass $request_uri.`,
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
