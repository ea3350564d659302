// From and until which nginx version a directive, a directive in a context, or a parameter exists, so
// that a config is judged against the proxy image's nginx rather than the newest. The directive table
// (directives.ts) describes LATEST_NGINX; this table lists what differs in older versions. Each entry was
// checked with `nginx -t` on Debian's 1.22.1 and 1.26.3 (test/platform) and the nginx.org change logs.
import type { NginxDirective } from './ast.js';

export type NginxVersion = readonly [number, number, number];

/** The version the directive table describes: what an unpinned `nginx` image runs. */
export const LATEST_NGINX: NginxVersion = [1, 29, 0];

export function formatVersion(v: NginxVersion): string {
  return v.join('.');
}

export function versionAtLeast(v: readonly number[], min: readonly number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

interface DirectiveSpan {
  /** First version that knows the directive. */
  since?: NginxVersion;
  /** First version that no longer knows it (`unknown directive`). */
  until?: NginxVersion;
  /** The table form (directives.ts's encoding) it had before `until`. */
  legacyForm?: string;
  /** From this version on, nginx warns (and, for `obsolete`, ignores it). */
  deprecated?: { from: NginxVersion; warn: string };
}

const DIRECTIVES: Record<string, DirectiveSpan> = {
  // nginx 1.25.1 removed `ssl on;` (deprecated, with a warning, since 1.15.0).
  ssl: {
    until: [1, 25, 1],
    legacyForm: 'HS F',
    deprecated: {
      from: [1, 15, 0],
      warn: 'the "ssl" directive is deprecated, use the "listen ... ssl" directive instead',
    },
  },
  http2: { since: [1, 25, 1] },
  http3: { since: [1, 25, 0] },
  http3_hq: { since: [1, 25, 0] },
  http3_max_concurrent_streams: { since: [1, 25, 0] },
  http3_stream_buffer_size: { since: [1, 25, 0] },
  quic_active_connection_id_limit: { since: [1, 25, 0] },
  quic_bpf: { since: [1, 25, 0] },
  quic_gso: { since: [1, 25, 0] },
  quic_host_key: { since: [1, 25, 0] },
  quic_retry: { since: [1, 25, 0] },
  early_hints: { since: [1, 29, 0] },
  http2_push: {
    deprecated: { from: [1, 25, 1], warn: 'the "http2_push" directive is obsolete, ignored' },
  },
  http2_push_preload: {
    deprecated: { from: [1, 25, 1], warn: 'the "http2_push_preload" directive is obsolete, ignored' },
  },
};

/** Directives allowed in a context only from a version on (nginx: `"x" directive is not allowed here`). */
const CONTEXT_SINCE: { directive: string; context: string; since: NginxVersion }[] = [
  { directive: 'resolver', context: 'upstream', since: [1, 27, 3] },
  { directive: 'resolver_timeout', context: 'upstream', since: [1, 27, 3] },
];

/** Parameters that exist from a version on (`invalid parameter "x"` before), or warn from one on. */
const PARAMETERS: {
  directive: string;
  context: string;
  param: string;
  since?: NginxVersion;
  deprecated?: { from: NginxVersion; warn: string };
}[] = [
  { directive: 'server', context: 'upstream', param: 'resolve', since: [1, 27, 3] },
  { directive: 'listen', context: 'server', param: 'quic', since: [1, 25, 0] },
  {
    directive: 'listen',
    context: 'server',
    param: 'http2',
    deprecated: {
      from: [1, 25, 1],
      warn: 'the "listen ... http2" directive is deprecated, use the "http2" directive instead',
    },
  },
];

/** Whether the directive table (for LATEST_NGINX) should be consulted for `name` at `version`. */
export function existsIn(name: string, version: NginxVersion): boolean {
  const span = DIRECTIVES[name];
  if (!span) return true;
  if (span.since && !versionAtLeast(version, span.since)) return false;
  if (span.until && versionAtLeast(version, span.until)) return false;
  return true;
}

/** A removed directive's table form for a version that still has it. */
export function legacyForm(name: string, version: NginxVersion): string | undefined {
  const span = DIRECTIVES[name];
  return span?.legacyForm && existsIn(name, version) ? span.legacyForm : undefined;
}

export interface VersionProblem {
  /** `error`: nginx refuses it at this version; `warning`: nginx warns (and may ignore it). */
  level: 'error' | 'warning';
  /** nginx's own words. */
  message: string;
  /** The argument it is about (for positions), when a parameter. */
  argIndex?: number;
  /** What differs, for the message: `"http2" exists from nginx 1.25.1`. */
  why: string;
}

/** What nginx of `version` says about this directive beyond the table's checks (unknown ones included). */
export function versionProblems(d: NginxDirective, context: string, version: NginxVersion): VersionProblem[] {
  const out: VersionProblem[] = [];
  const span = DIRECTIVES[d.directive];
  if (span && !existsIn(d.directive, version)) {
    out.push({
      level: 'error',
      message: `unknown directive "${d.directive}"`,
      why: span.since
        ? `"${d.directive}" exists from nginx ${formatVersion(span.since)}`
        : `"${d.directive}" was removed in nginx ${formatVersion(span.until!)}`,
    });
    return out;
  }
  if (span?.deprecated && versionAtLeast(version, span.deprecated.from)) {
    out.push({
      level: 'warning',
      message: span.deprecated.warn,
      why: `deprecated since nginx ${formatVersion(span.deprecated.from)}${span.until ? `, removed in ${formatVersion(span.until)}` : ''}`,
    });
  }
  for (const c of CONTEXT_SINCE) {
    if (c.directive === d.directive && c.context === context && !versionAtLeast(version, c.since)) {
      out.push({
        level: 'error',
        message: `"${d.directive}" directive is not allowed here`,
        why: `"${d.directive}" in ${context} exists from nginx ${formatVersion(c.since)}`,
      });
    }
  }
  for (const p of PARAMETERS) {
    if (p.directive !== d.directive || p.context !== context) continue;
    const at = d.args.findIndex((a, i) => i > 0 && a === p.param);
    if (at < 0) continue;
    if (p.since && !versionAtLeast(version, p.since)) {
      out.push({
        level: 'error',
        message: `invalid parameter "${p.param}"`,
        argIndex: at,
        why: `"${d.directive} … ${p.param}" exists from nginx ${formatVersion(p.since)}`,
      });
    } else if (p.deprecated && versionAtLeast(version, p.deprecated.from)) {
      out.push({
        level: 'warning',
        message: p.deprecated.warn,
        argIndex: at,
        why: `deprecated since nginx ${formatVersion(p.deprecated.from)}`,
      });
    }
  }
  return out;
}
