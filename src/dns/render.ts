import { markdownText, showUntrusted } from '../core/untrusted-text.js';
import type { DnsCheckResult, DnsCheckRow } from './check.js';
import { RULE_NAMES, type SortResult } from './sort.js';

const yesNo = (v: boolean | null) => (v === null ? '-' : v ? 'yes' : 'NO');
const pos = (v: number | null) => (v === null ? 'n/a' : String(v));

function cells(row: DnsCheckRow): string[] {
  const source =
    row.source === null
      ? 'none'
      : `${row.source}${row.sourcePrefixLength !== undefined ? `/${row.sourcePrefixLength}` : ''}`;
  return [
    row.address,
    `IPv${row.family}`,
    pos(row.dnsPosition),
    pos(row.systemPosition),
    String(row.rfc6724Position),
    source,
    yesNo(row.reachable),
    yesNo(row.tlsOk),
    row.status === null ? '-' : String(row.status),
    `${row.latencyMs.toFixed(1)} ms`,
    // Errors can quote what a server sent (certificate names, TLS alerts): shown escaped.
    showUntrusted(row.error ?? ''),
  ];
}

const HEADERS = [
  'address',
  'family',
  'DNS',
  'system',
  'RFC 6724',
  'source',
  'reachable',
  'TLS',
  'status',
  'latency',
  'error',
];

function padTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function summaryLines(result: DnsCheckResult): string[] {
  const lines = [
    `DNS order (${result.servers.join(', ') || 'no server'}): ${result.orders.dns.join(', ') || '(none)'}`,
    `system order (getaddrinfo): ${result.orders.system ? result.orders.system.join(', ') : `n/a (${result.systemOrderUnavailable})`}`,
    `RFC 6724 order: ${result.orders.rfc6724.join(', ')}`,
    `glibc order (${result.glibcPolicy}): ${result.orders.glibc.join(', ')}`,
    `RFC 3484 order: ${result.orders.rfc3484.join(', ')}`,
  ];
  return lines;
}

/** The plain-text report of `dns check`. */
export function renderDnsText(result: DnsCheckResult): string {
  const scheme = result.tls ? 'https' : 'http';
  const out = [
    `${result.name} port ${result.port} (${scheme}, GET ${result.path}): ${result.ok ? 'all addresses passed' : result.anyOk ? 'some addresses FAILED' : 'every address FAILED'}`,
    '',
    padTable(HEADERS, result.rows.map(cells)),
    '',
    ...summaryLines(result),
  ];
  if (result.flags.length > 0) {
    out.push('', 'flags:');
    for (const f of result.flags) out.push(`  [${f.severity}] ${f.id}: ${showUntrusted(f.message)}`);
  }
  for (const w of result.warnings) out.push(`warning: ${showUntrusted(w)}`);
  return `${out.join('\n')}\n`;
}

const escapeCell = markdownText;

/** A GitHub-flavoured markdown report (job summaries, PR comments). */
export function renderDnsMarkdown(result: DnsCheckResult): string {
  const scheme = result.tls ? 'https' : 'http';
  const status = result.ok
    ? '✅ all addresses passed'
    : result.anyOk
      ? '⚠️ some addresses failed'
      : '❌ every address failed';
  const out = [
    `### DNS check: \`${result.name}\` port ${result.port} (${scheme})`,
    '',
    status,
    '',
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map(() => '---').join(' | ')} |`,
    ...result.rows.map((r) => `| ${cells(r).map(escapeCell).join(' | ')} |`),
    '',
    ...summaryLines(result).map((l) => `- ${escapeCell(l)}`),
  ];
  if (result.flags.length > 0) {
    out.push('', '**Flags**', '');
    for (const f of result.flags) out.push(`- **${f.id}** (${f.severity}): ${markdownText(f.message)}`);
  }
  for (const w of result.warnings) out.push(`- warning: ${markdownText(w)}`);
  return `${out.join('\n')}\n`;
}

/** The readable table of `dns sort`: each address and the rule that placed it after the previous one. */
export function renderSortText(result: SortResult): string {
  const rows = result.placements.map((p, i) => [
    String(i + 1),
    p.address,
    p.rule === 0 ? '-' : `${p.rule} ${RULE_NAMES[p.rule] ?? ''}`,
    p.rule === 0 ? 'first' : p.reason,
  ]);
  return `policy ${result.policy}\n${padTable(['#', 'address', 'placed by rule', 'why'], rows)}\n`;
}
