// The validator's side of the consistency harness: its verdict on a prepared scenario, and whether its
// findings account for the emerg that real nginx printed.
import path from 'node:path';
import type { Finding } from '../../src/core/finding.js';
import { validate } from '../../src/validate.js';
import type { Expectation, NginxVerdict, PreparedScenario } from './scenarios.js';

/** Load-fatal rules: an error finding of one of these predicts that nginx exits at start. */
export const LOAD_FATAL_RULES = new Set([
  'upstream-unresolvable',
  'nginx-syntax',
  'nginx-directive',
  'nginx-include-missing',
  'tls-file-missing',
  'tls-listen-without-cert',
]);

export interface StaticVerdict {
  nginx: NginxVerdict;
  /** Error findings of the load-fatal rules (compose-invalid when compose refuses). */
  fatal: Finding[];
  /** Every finding, for the expectations on single rules. */
  findings: Finding[];
  /** Error findings of the rules that expect.json's noErrorFrom says must stay quiet. */
  falseErrors: Finding[];
}

/** The validator's prediction, from the in-process API on the same (prepared) files. */
export async function runStatic(
  prepared: PreparedScenario,
  expectation: Expectation,
): Promise<StaticVerdict> {
  const { findings } = await validate({
    cwd: prepared.dir,
    files: [],
    nginxFiles: [],
    profiles: [],
    envFiles: [],
    env: { ...process.env, ...prepared.env },
    ...(expectation.proxyService !== undefined ? { proxyService: expectation.proxyService } : {}),
  });
  const refused = findings.filter((f) => f.severity === 'error' && f.rule === 'compose-invalid');
  if (refused.length) return { nginx: 'refused', fatal: refused, findings, falseErrors: [] };
  const fatal = findings.filter((f) => f.severity === 'error' && LOAD_FATAL_RULES.has(f.rule));
  const quiet = new Set(expectation.noErrorFrom ?? []);
  const falseErrors = findings.filter((f) => f.severity === 'error' && quiet.has(f.rule));
  return { nginx: fatal.length > 0 ? 'exited' : 'started', fatal, findings, falseErrors };
}

const RANK = { none: 0, note: 1, warning: 2, error: 3 } as const;

/** Where the validator's findings break expect.json's `findings` (highest severity per rule). */
export function findingsNotAsExpected(expectation: Expectation, findings: Finding[]): string[] {
  return Object.entries(expectation.findings ?? {}).flatMap(([rule, expected]) => {
    const highest = findings
      .filter((f) => f.rule === rule)
      .reduce<keyof typeof RANK>((top, f) => (RANK[f.severity] > RANK[top] ? f.severity : top), 'none');
    return highest === expected ? [] : [`${rule}: expected ${expected}, the validator gives ${highest}`];
  });
}

/**
 * Why a predicted set of fatal findings does not account for nginx's emerg, or undefined when it does.
 * upstream-unresolvable must quote nginx's wording (host string and container file:line); other rules must
 * point at the same file name and line, or (for messages without a place) mention the same quoted path.
 */
export function emergNotExplained(emerg: string, fatal: Finding[]): string | undefined {
  if (fatal.some((f) => f.message.includes(emerg))) return undefined;
  const place = / in (\/\S+):(\d+)$/.exec(emerg);
  if (/^host not found in upstream /.test(emerg)) {
    return `no upstream-unresolvable message contains nginx's wording: ${emerg}`;
  }
  if (place?.[1] && place[2]) {
    const base = path.basename(place[1]);
    const line = Number(place[2]);
    const at = (pos: { file: string; line: number }) => path.basename(pos.file) === base && pos.line === line;
    // nginx may name the enclosing block (`listen ... ssl` is reported at its `server {` line): a finding
    // that relates that place also accounts for it.
    if (fatal.some((f) => at(f.pos) || f.related?.some((r) => at(r.pos)))) return undefined;
    return `no fatal finding at ${base}:${line} (nginx: ${emerg})`;
  }
  const quoted = /"([^"]+)"/.exec(emerg)?.[1];
  if (quoted && fatal.some((f) => f.message.includes(quoted))) return undefined;
  return `no fatal finding mentions ${quoted ?? 'the emerg'} (nginx: ${emerg})`;
}

export function describeFindings(findings: Finding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings
    .map(
      (f) =>
        `  ${f.rule} ${f.severity} ${path.basename(f.pos.file)}:${f.pos.line}:${f.pos.column} ${f.message}`,
    )
    .join('\n');
}
