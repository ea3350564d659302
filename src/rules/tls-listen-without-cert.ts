import { argPosOf, effective, nginxPathOfFile } from '../project/scope.js';
import { finding, proxyService, type Rule } from './rule.js';

export const tlsListenWithoutCert: Rule = {
  id: 'tls-listen-without-cert',
  severity: 'error',
  title: '`listen … ssl` in a server without ssl_certificate',
  check(view) {
    const out = [];
    for (const l of view.listens) {
      if (!l.ssl || l.implicit) continue;
      const chain = [...l.directive.parents];
      if (effective(view, chain, 'ssl_certificate').length) continue;
      // A server that only refuses handshakes needs no certificate (nginx 1.19.4+).
      const reject = effective(view, chain, 'ssl_reject_handshake')[0];
      if (reject?.d.args[0]?.toLowerCase() === 'on') continue;
      const d = l.directive.d;
      const sslArg = d.args.indexOf('ssl');
      // nginx names the server block's line, not the listen's.
      const server = l.server;
      const where = `${nginxPathOfFile(view, server.file)}:${server.line}`;
      out.push(
        finding(
          tlsListenWithoutCert,
          argPosOf(d, Math.max(sslArg, 0)),
          `nginx would exit at start: [emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive in ${where}`,
          'Add `ssl_certificate /etc/nginx/certs/fullchain.pem;` and `ssl_certificate_key /etc/nginx/certs/privkey.pem;` to this server (or http) block and mount the files, or drop "ssl" from the listen.',
          {
            ...proxyService(view),
            related: [
              {
                pos: { file: server.file, line: server.line, column: server.column },
                message: 'the server block nginx names',
              },
            ],
          },
        ),
      );
    }
    return out;
  },
};
