import { insertAtLocation } from '../fix/location-edit.js';
import { isLibreSpeedImage } from '../project/images.js';
import { directiveText, proxiedLocations, targetServices } from '../project/proxied-locations.js';
import { argPosOf, effective, nginxPathOf, posOf, unreadIncludesIn } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

/** The headers a backend needs to see the client rather than the proxy, with the usual values. */
const WANTED: { name: string; line: string }[] = [
  { name: 'Host', line: 'proxy_set_header Host $host;' },
  { name: 'X-Real-IP', line: 'proxy_set_header X-Real-IP $remote_addr;' },
  { name: 'X-Forwarded-For', line: 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;' },
];

export const proxyHeadersMissing: Rule = {
  id: 'proxy-headers-missing',
  severity: 'warning',
  title: 'A proxied location does not pass Host, X-Real-IP or X-Forwarded-For',
  fixable: true,
  check(view) {
    const out = [];
    const targetOf = targetServices(view);
    for (const pl of proxiedLocations(view)) {
      const set = effective(view, pl.chain, 'proxy_set_header');
      const have = new Set(set.map((p) => (p.d.args[0] ?? '').toLowerCase()));
      const missing = WANTED.filter((w) => !have.has(w.name.toLowerCase()));
      if (missing.length === 0) continue;
      // proxy_set_header is inherited only by levels that set none themselves: once the location gets one,
      // everything inherited from server/http stops applying, so those lines are copied in too.
      const inheritedLevel = set[0]?.parents[set[0].parents.length - 1];
      const inherited =
        inheritedLevel !== undefined && inheritedLevel !== pl.location ? set.map(directiveText) : [];
      const lines = [...inherited, ...missing.map((m) => m.line)];
      const edit = insertAtLocation(pl, lines);
      const names = missing.map((m) => m.name).join(', ');
      const target = pl.pass.d.args[0] ?? '';
      const from = inherited.length
        ? ` (it inherits ${set.length} proxy_set_header line(s) from ${inheritedLevel?.directive} at line ${set[0]!.d.line})`
        : '';
      // Name the app only when it is the one behind this location.
      const targets = targetOf(pl);
      const who = targets.some((t) => isLibreSpeedImage(t.image?.value))
        ? 'LibreSpeed then sees'
        : targets.length
          ? `"${targets[0]!.name}" then sees`
          : 'the backend then sees';
      // A missing include in scope may well set them: this follows from its error, one level lower.
      const unread = unreadIncludesIn(view, pl.chain)[0];
      const followOn = unread
        ? `; but the include at ${nginxPathOf(unread)}:${unread.d.line} cannot be read (nginx-include-missing) and may set them, so this is only a note until it is fixed`
        : '';
      out.push(
        finding(
          proxyHeadersMissing,
          argPosOf(pl.pass.d, 0),
          `location "${pl.location.args.join(' ')}" proxies to ${target} without setting ${names}${from}: ${who} the proxy's address instead of the client's${
            missing.some((m) => m.name === 'Host')
              ? `, and nginx sends the upstream name ("${pl.pass.d.args[0]?.replace(/^[a-z]+:\/\//i, '').split('/')[0]}") as Host`
              : ''
          }${followOn}.`,
          {
            description: `Add ${lines.length === missing.length ? '' : 'the inherited headers plus '}${missing.map((m) => `"${m.line}"`).join(', ')} in the location${inherited.length ? ' (a location that sets any proxy_set_header no longer inherits those of server/http, so they are repeated)' : ''}.`,
            ...(edit ? { edits: [edit] } : {}),
          },
          {
            ...proxyService(view),
            related: [
              { pos: posOf(pl.location), message: 'the location' },
              ...(unread ? [{ pos: posOf(unread.d), message: 'the include that cannot be read' }] : []),
            ],
            ...(unread ? { severity: 'note' as const } : {}),
          },
        ),
      );
    }
    return out;
  },
};
