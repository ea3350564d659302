import { argPosOf, directivesNamed } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const errorLogDebug: Rule = {
  id: 'error-log-debug',
  severity: 'note',
  title: 'error_log is at the debug level',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'error_log')) {
      const at = p.d.args.findIndex((a, i) => i > 0 && a.toLowerCase() === 'debug');
      if (at < 0) continue;
      out.push(
        finding(
          errorLogDebug,
          argPosOf(p.d, at),
          `error_log ${p.d.args.join(' ')} logs at the lowest level: the image's plain nginx binary then writes every info message (each client connection closed or timed out), and the nginx-debug binary writes dozens of lines per request, including headers. Disks fill and real errors drown.`,
          `Use "error_log ${p.d.args[0]} warn;" (or "error", the default) and turn debug on only while investigating.`,
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
