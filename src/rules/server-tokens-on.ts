import { argPosOf, directivesNamed } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const serverTokensOn: Rule = {
  id: 'server-tokens-on',
  severity: 'note',
  title: 'server_tokens is explicitly on: responses and error pages name the nginx version',
  check(view) {
    const out = [];
    for (const p of directivesNamed(view, 'server_tokens')) {
      const value = p.d.args[0]?.toLowerCase();
      if (value !== 'on' && value !== 'build') continue;
      out.push(
        finding(
          serverTokensOn,
          argPosOf(p.d, 0),
          `server_tokens ${p.d.args[0]} puts the exact nginx version${value === 'build' ? ' and build name' : ''} into the Server header and every error page, which tells a scanner which known vulnerabilities to try.`,
          'Use "server_tokens off;" (in the http block, so it covers every server).',
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
