import type { SourcePos } from '../core/source.js';
import { argPosOf, childrenOf, posOf } from '../project/scope.js';
import { ifRegex } from '../project/variable-taint.js';
import type { ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

/** PCRE → JS for the simple patterns people write for origins: (?P<n>…) and a leading (?i). */
function toJsRegExp(pattern: string, icase: boolean): RegExp | undefined {
  let source = pattern.replace(/\(\?P</g, '(?<');
  let flags = icase ? 'i' : '';
  const inline = /^\(\?i\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    flags = 'i';
  }
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/**
 * The trusted domain the pattern spells out (`example\.com` → example.com), the longest one if several.
 * Wildcards (`.*`, `.+`) are read as nothing, so `webv.+isor\.com` names webvisor.com.
 */
function trustedDomain(pattern: string): string | undefined {
  const literal = pattern.replace(/\.[*+?]/g, '');
  const found = [...literal.matchAll(/(?:[a-z0-9-]+\\?\.)+[a-z]{2,}/gi)].map((m) =>
    m[0].replace(/\\\./g, '.').toLowerCase(),
  );
  return found.sort((a, b) => b.length - a.length)[0];
}

/** The registrable part of a host, read as its last two labels (gixy-ng's rule without a suffix list). */
function registrable(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').split('.').slice(-2).join('.');
}

/** The host a browser or backend would read from a value (`https://u@h:1/x` → h; `h/x` → h). */
function hostOf(value: string): string {
  const authority =
    /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)/i.exec(value)?.[1] ?? /^([^/?#]*)/.exec(value)![1]!;
  return authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
}

/** Hosts close to `domain` that an attacker can register: the name with a suffix, a prefix, a changed character. */
function attackerHosts(domain: string): string[] {
  const hosts = [`${domain}.evil.com`, `www.${domain}.evil.com`, `evil-${domain}`, `evil${domain}`];
  for (let i = 1; i < domain.length; i++) {
    hosts.push(`${domain.slice(0, i)}evil${domain.slice(i)}`);
    if (domain[i] === '.') hosts.push(`${domain.slice(0, i)}x${domain.slice(i + 1)}`);
  }
  return hosts.filter((h) => registrable(h) !== registrable(domain));
}

/** Origins/referers an attacker can send that a sound check for `domain` must reject. */
function attackerValues(domain: string, header: 'origin' | 'referer'): string[] {
  const values: string[] = [];
  for (const host of attackerHosts(domain)) values.push(`https://${host}`, `http://${host}`, host);
  // The trusted name inside an attacker's URL: no start anchor, or a wildcard that spans hosts.
  for (const lead of [
    'https://evil.com/?',
    'https://evil.com/',
    'https://evil.com?',
    'https://evil.com#',
    'https://evil.com',
  ]) {
    values.push(`${lead}https://${domain}`, `${lead}${domain}`, `${lead}.${domain}`);
  }
  values.push(`https://${domain}@evil.com`);
  const all =
    header === 'origin' ? values : [...values, ...values.map((v) => `${v}/`), ...values.map((v) => `${v}/x`)];
  // Only values whose host is really someone else's (`https://evil.com.example.com` is still example.com).
  return all.filter((v) => registrable(hostOf(v)) !== registrable(domain));
}

/** Values that are no valid Origin/Referer at all (junk before the scheme; a path in an Origin). */
function malformedValues(domain: string, header: 'origin' | 'referer'): string[] {
  const junk = [`evilhttps://${domain}`, `evilhttps://${domain}/`, `evil https://${domain}/`];
  return header === 'origin' ? [...junk, `https://${domain}/`, `https://${domain}/x`] : junk;
}

interface OriginCheck {
  at: SourcePos;
  header: 'origin' | 'referer';
  pattern: string;
  icase: boolean;
  /** `$http_referrer`: nginx has no such header variable unless the client sends "Referrer". */
  misspelt?: { at: SourcePos };
}

/** Regex checks of Origin/Referer: `if ($http_origin ~ re)` and `map $http_origin $x { ~re … }` entries. */
function originChecks(view: ProjectView): OriginCheck[] {
  const out: OriginCheck[] = [];
  const headerOf = (variable: string | undefined) =>
    variable?.toLowerCase() === '$http_origin'
      ? 'origin'
      : variable?.toLowerCase() === '$http_referer' || variable?.toLowerCase() === '$http_referrer'
        ? 'referer'
        : undefined;
  for (const p of view.directives) {
    if (p.d.directive === 'if' && p.d.block) {
      const cond = ifRegex(p.d);
      const header = headerOf(cond?.subject);
      if (cond && header)
        out.push({
          at: argPosOf(p.d, 2),
          header,
          pattern: cond.pattern,
          icase: cond.icase,
          ...(cond.subject.toLowerCase() === '$http_referrer' ? { misspelt: { at: argPosOf(p.d, 0) } } : {}),
        });
    }
    if (p.d.directive === 'map' && p.d.block) {
      const header = headerOf(p.d.args[0]);
      if (!header) continue;
      for (const { d: entry } of childrenOf(view, p.d)) {
        const m = /^~(\*?)(.*)$/s.exec(entry.directive);
        if (m) out.push({ at: posOf(entry), header, pattern: m[2]!, icase: m[1] === '*' });
      }
    }
  }
  return out;
}

export const origins: Rule = {
  id: 'origins',
  severity: 'warning',
  title: 'An Origin/Referer check uses a regex that accepts attacker domains',
  check(view) {
    const out = [];
    const service = proxyService(view);
    for (const { at, header, pattern, icase, misspelt } of originChecks(view)) {
      if (misspelt) {
        out.push(
          finding(
            origins,
            misspelt.at,
            'the check reads $http_referrer, but the header is spelt "Referer": $http_referrer is empty for every browser request, so the check never sees the real referer.',
            'Use $http_referer (one "r" in the middle).',
            service,
          ),
        );
        continue;
      }
      const domain = trustedDomain(pattern);
      const re = toJsRegExp(pattern, icase);
      if (!domain || !re) continue;
      const accepted = [...new Set(attackerValues(domain, header))].filter((v) => re.test(v));
      const fix = `Anchor the whole value and escape the dots, e.g. "~^https://([a-z0-9-]+\\.)*${domain.replace(/\./g, '\\.')}(:[0-9]+)?${header === 'referer' ? '(/|$)' : '$'}".`;
      if (accepted.length === 0) {
        const malformed = malformedValues(domain, header).filter((v) => re.test(v));
        if (malformed.length === 0) continue;
        out.push(
          finding(
            origins,
            at,
            `the ${header} check "${pattern}" accepts ${malformed.map((v) => `"${v}"`).join(', ')}, which no browser sends as ${header === 'origin' ? 'an Origin (scheme://host[:port], no path)' : 'a Referer (an absolute URL)'}: the check does not describe the values it is meant to allow.`,
            fix,
            { ...service, severity: 'note' },
          ),
        );
        continue;
      }
      out.push(
        finding(
          origins,
          at,
          `the ${header} check "${pattern}" also accepts ${accepted
            .slice(0, 3)
            .map((v) => `"${v}"`)
            .join(
              ', ',
            )}${accepted.length > 3 ? ` (and ${accepted.length - 3} more)` : ''}, whose host ${hostOf(accepted[0]!)} is not under ${domain}: ${
            pattern.startsWith('^') ? '' : 'it is not anchored with ^, '
          }${/[^\\]\.[a-z]/i.test(pattern) ? 'a dot is unescaped, ' : ''}so another site can pass as ${domain}.`,
          fix,
          service,
        ),
      );
    }
    return out;
  },
};
