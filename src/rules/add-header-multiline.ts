import { argPosOf, directivesNamed } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const addHeaderMultiline: Rule = {
  id: 'add-header-multiline',
  severity: 'warning',
  title: 'An add_header value spans several lines',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'add_header', 'more_set_headers')) {
      // more_set_headers -t/-s take a list of types or statuses, not a header.
      const at = p.d.args.findIndex(
        (a, k) =>
          (p.d.directive === 'add_header'
            ? k === 1
            : !a.startsWith('-') && !/^-[ts]$/.test(p.d.args[k - 1] ?? '')) && /[\r\n]/.test(a),
      );
      if (at < 0) continue;
      out.push(
        finding(
          addHeaderMultiline,
          argPosOf(p.d, at),
          `${p.d.directive} ${p.d.args[0]} has a value with a line break: nginx sends it as is, which is obsolete line folding in HTTP/1.1 (RFC 9112 lets clients reject it) and invalid in HTTP/2 and HTTP/3, so some clients drop the header or the whole response.`,
          'Write the value on one line (long CSP or Permissions-Policy values too; a variable built with "map" or "set" can keep the config readable).',
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
