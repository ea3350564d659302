import type { SourcePos } from '../core/source.js';
import { argPosOf, posOf } from '../project/scope.js';
import type { ProjectView } from '../project/view.js';
import { finding, type Rule } from './rule.js';
import { ifRegex } from './variables.js';

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

/** The trusted domain the pattern spells out (`example\.com` → example.com), the longest one if several. */
function trustedDomain(pattern: string): string | undefined {
  const found = [...pattern.matchAll(/(?:[a-z0-9-]+\\?\.)+[a-z]{2,}/gi)].map((m) =>
    m[0].replace(/\\\./g, '.'),
  );
  return found.sort((a, b) => b.length - a.length)[0];
}

/** Origins/referers an attacker can register or craft that a sound check for `domain` must reject. */
function attackerValues(domain: string, header: 'origin' | 'referer'): string[] {
  // An unescaped dot lets "wwwxexample.com" stand in for "www.example.com" (kept only if still a domain).
  const dotless = [...domain.matchAll(/\./g)]
    .map((m) => `${domain.slice(0, m.index)}x${domain.slice(m.index + 1)}`)
    .filter((d) => d.includes('.'));
  const values = [
    `https://${domain}.evil.com`,
    `https://www.${domain}.evil.com`,
    `https://evil-${domain}`,
    `https://evil${domain}`,
    ...dotless.map((d) => `https://${d}`),
  ];
  if (header === 'origin') return [...values, `https://evil.com?${domain}`];
  // A Referer is a full URL: try each host with a path, plus the trusted name inside an attacker's URL.
  return [
    ...values.map((v) => `${v}/`),
    `https://evil.com/${domain}`,
    `https://evil.com/?https://${domain}/`,
  ];
}

/** Regex checks of Origin/Referer: `if ($http_origin ~ re)` and `map $http_origin $x { ~re … }` entries. */
function originChecks(
  view: ProjectView,
): { at: SourcePos; header: 'origin' | 'referer'; pattern: string; icase: boolean }[] {
  const out: { at: SourcePos; header: 'origin' | 'referer'; pattern: string; icase: boolean }[] = [];
  const headerOf = (variable: string | undefined) =>
    variable?.toLowerCase() === '$http_origin'
      ? 'origin'
      : variable?.toLowerCase() === '$http_referer'
        ? 'referer'
        : undefined;
  for (const p of view.directives) {
    if (p.d.directive === 'if' && p.d.block) {
      const cond = ifRegex(p.d);
      const header = headerOf(cond?.subject);
      if (cond && header)
        out.push({ at: argPosOf(p.d, 2), header, pattern: cond.pattern, icase: cond.icase });
    }
    if (p.d.directive === 'map' && p.d.block) {
      const header = headerOf(p.d.args[0]);
      if (!header) continue;
      for (const entry of p.d.block) {
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
    for (const { at, header, pattern, icase } of originChecks(view)) {
      const domain = trustedDomain(pattern);
      const re = toJsRegExp(pattern, icase);
      if (!domain || !re) continue;
      const accepted = attackerValues(domain, header).filter((v) => re.test(v));
      if (accepted.length === 0) continue;
      out.push(
        finding(
          origins,
          at,
          `the ${header} check "${pattern}" also accepts ${accepted.map((v) => `"${v}"`).join(', ')}: ${
            pattern.startsWith('^') ? '' : 'it is not anchored with ^, '
          }${/[^\\]\.[a-z]/i.test(pattern) ? 'a dot is unescaped, ' : ''}so any site can pass as ${domain}.`,
          `Anchor the whole value and escape the dots, e.g. "~^https://([a-z0-9-]+\\.)*${domain.replace(/\./g, '\\.')}(:[0-9]+)?${header === 'referer' ? '(/|$)' : '$'}".`,
          view.proxy ? { service: view.proxy.name } : {},
        ),
      );
    }
    return out;
  },
};
