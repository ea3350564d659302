import { argPosOf, directivesNamed } from '../project/scope.js';
import { splitValue } from '../project/variable-taint.js';
import { finding, proxyService, type Rule } from './rule.js';

/** Variables carrying a client-supplied host unchecked ($host is validated and falls back to server_name). */
function rawHostVariables(value: string): string[] {
  return splitValue(value)
    .filter((p) => p.kind === 'var' && /^(http_|arg_|cookie_)/i.test(p.name))
    .map((p) => `$${(p as { name: string }).name}`);
}

export const hostSpoofing: Rule = {
  id: 'host-spoofing',
  severity: 'warning',
  title: 'The Host header sent upstream is copied from the client unchecked',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'proxy_set_header', 'grpc_set_header')) {
      const [name, value] = p.d.args;
      if (name?.toLowerCase() !== 'host' || value === undefined) continue;
      const vars = rawHostVariables(value);
      if (vars.length === 0) continue;
      out.push(
        finding(
          hostSpoofing,
          argPosOf(p.d, 1),
          `${p.d.directive} Host ${value} forwards the Host the client sent (${vars.join(', ')}), unvalidated and even when it matches no server_name: the backend builds links, redirects and password-reset mails for a host the attacker chooses.`,
          `Use "${p.d.directive} Host $host;" ($host is the validated request host, or server_name when the client sent none).`,
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
