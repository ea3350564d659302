import { argPosOf } from '../project/scope.js';
import { proxiedLocations } from './proxied.js';
import { finding, type Rule } from './rule.js';

export const proxyPassNormalized: Rule = {
  id: 'proxy-pass-normalized',
  severity: 'note',
  title: 'proxy_pass with a URI sends the decoded, normalised path upstream',
  check(view) {
    const out = [];
    for (const { pass, location } of proxiedLocations(view)) {
      const target = pass.d.args[0] ?? '';
      if (target.includes('$') || location.args[0] === '=' || location.args[0]?.startsWith('@')) continue;
      const uri = /^[a-z]+:\/\/(?:unix:[^:]*:)?[^/]*(\/.*)?$/i.exec(target)?.[1];
      if (uri === undefined) continue;
      out.push(
        finding(
          proxyPassNormalized,
          argPosOf(pass.d, 0),
          `proxy_pass ${target} has a URI part ("${uri}"), so nginx replaces the matched prefix in the decoded, normalised path: %2F arrives as "/", "%2E%2E/" segments are already resolved, and the backend cannot see what the client sent (breaks encoded slashes in IDs, and lets paths the backend would refuse slip through as other paths).`,
          `If the backend needs the original path, drop the URI ("proxy_pass ${target.slice(0, target.length - uri.length)};") and strip the prefix with "rewrite" or in the app, or pass $request_uri.`,
          view.proxy ? { service: view.proxy.name } : {},
        ),
      );
    }
    return out;
  },
};
