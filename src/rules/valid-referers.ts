import { argPosOf, directivesNamed } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const validReferers: Rule = {
  id: 'valid-referers',
  severity: 'warning',
  title: 'valid_referers accepts requests without a Referer ("none")',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'valid_referers')) {
      const at = p.d.args.findIndex((a) => a.toLowerCase() === 'none');
      if (at < 0) continue;
      out.push(
        finding(
          validReferers,
          argPosOf(p.d, at),
          `valid_referers ${p.d.args.join(' ')} treats a request without any Referer header as valid ("none"); the header is trivially left out (curl, Referrer-Policy: no-referrer, a meta tag), so the check stops nothing.`,
          `Remove "none" from valid_referers (keep "${p.d.args.filter((_, i) => i !== at).join(' ')}"), or use a real access control (auth_request, signed URLs with secure_link) if the protection matters.`,
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
