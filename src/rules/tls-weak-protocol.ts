import type { Finding } from '../core/finding.js';
import { versionAtLeast } from '../nginx/versions.js';
import { proxyNginxVersion, sslServers } from '../project/proxied-locations.js';
import { argPosOf, effective, posOf } from '../project/scope.js';
import type { PlacedDirective } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

const WEAK_PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1'];
/** nginx 1.23.4 dropped TLSv1 and TLSv1.1 from the default ssl_protocols. */
const MODERN_DEFAULT_FROM = [1, 23, 4];

/** Cipher-string words that enable broken or unauthenticated suites (OpenSSL names). */
const WEAK_CIPHER =
  /^(?:.*\b)?(NULL|eNULL|aNULL|EXPORT\d*|EXP|RC4|DES|3DES|DES-CBC3|MD5|LOW|EXPORT|ADH|AECDH|SEED|IDEA)(?:\b.*)?$/i;
/** Broad groups that include anonymous (aNULL) suites unless those are removed. */
const BROAD = new Set(['ALL', 'HIGH', 'MEDIUM', 'COMPLEMENTOFALL', 'COMPLEMENTOFDEFAULT']);

/** The enabled weak parts of an OpenSSL cipher string. */
export function weakCiphers(spec: string): string[] {
  const tokens = spec.split(/[:, ]+/).filter(Boolean);
  const removed = new Set(
    tokens.filter((t) => t.startsWith('!') || t.startsWith('-')).map((t) => t.slice(1).toUpperCase()),
  );
  const weak: string[] = [];
  for (const token of tokens) {
    if (/^[!+-]/.test(token) || token.startsWith('@')) continue;
    const parts = token.split('+');
    if (parts.some((p) => p.toUpperCase() === 'MEDIUM')) weak.push(token);
    else if (parts.some((p) => BROAD.has(p.toUpperCase()))) {
      if (!removed.has('ANULL') && !(removed.has('ADH') && removed.has('AECDH')))
        weak.push(`${token} without !aNULL`);
    } else if (parts.some((p) => WEAK_CIPHER.test(p)) && !parts.some((p) => removed.has(p.toUpperCase())))
      weak.push(token);
  }
  return weak;
}

export const tlsWeakProtocol: Rule = {
  id: 'tls-weak-protocol',
  severity: 'warning',
  title: 'An HTTPS server allows SSLv3, TLSv1, TLSv1.1 or weak ciphers',
  check(view) {
    const out: Finding[] = [];
    const reported = new Set<PlacedDirective>();
    const version = proxyNginxVersion(view);
    const extra = proxyService(view);
    for (const { server, listen } of sslServers(view)) {
      const chain = [...listen.parents];
      if (chain.at(-1) !== server) continue;
      const protocols = effective(view, chain, 'ssl_protocols').at(-1);
      let enabled: string[];
      if (protocols) {
        enabled = protocols.d.args;
        const weak = enabled.filter((a) => WEAK_PROTOCOLS.includes(a));
        if (weak.length && !reported.has(protocols)) {
          reported.add(protocols);
          out.push(
            finding(
              tlsWeakProtocol,
              argPosOf(protocols.d, protocols.d.args.indexOf(weak[0]!)),
              `ssl_protocols enables ${weak.join(', ')}: deprecated by RFC 8996 and open to downgrade attacks (POODLE, BEAST); no current browser needs them.`,
              `Use "ssl_protocols TLSv1.2 TLSv1.3;".`,
              extra,
            ),
          );
        }
      } else if (version && !versionAtLeast(version, MODERN_DEFAULT_FROM)) {
        enabled = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
        out.push(
          finding(
            tlsWeakProtocol,
            posOf(listen.d),
            `This HTTPS server sets no ssl_protocols, and nginx ${version.join('.')} (${view.proxy?.image?.value}) then defaults to "TLSv1 TLSv1.1 TLSv1.2" (TLSv1 and TLSv1.1 are deprecated by RFC 8996).`,
            `Add "ssl_protocols TLSv1.2 TLSv1.3;" to the server (or http), or use nginx 1.23.4 or later.`,
            extra,
          ),
        );
      } else enabled = ['TLSv1.2', 'TLSv1.3'];
      // ssl_ciphers does not apply to TLSv1.3 suites.
      if (enabled.every((p) => p === 'TLSv1.3')) continue;
      const ciphers = effective(view, chain, 'ssl_ciphers').at(-1);
      const spec = ciphers?.d.args[0];
      if (!ciphers || spec === undefined || reported.has(ciphers)) continue;
      const weak = weakCiphers(spec);
      if (weak.length === 0) continue;
      reported.add(ciphers);
      out.push(
        finding(
          tlsWeakProtocol,
          argPosOf(ciphers.d, 0),
          `ssl_ciphers "${spec}" enables weak ciphers: ${weak.join(', ')} (no encryption, no authentication, or broken algorithms such as RC4, DES, 3DES and MD5).`,
          'Use the nginx default "HIGH:!aNULL:!MD5", or Mozilla\'s intermediate list (ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305).',
          extra,
        ),
      );
    }
    return out;
  },
};
