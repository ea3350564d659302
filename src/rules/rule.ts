import type { ComposeDiagnosticKind } from '../compose/model.js';
import type { Finding, Fix, Severity } from '../core/finding.js';
import type { SourcePos } from '../core/source.js';
import type { ProjectView } from '../project/view.js';

/** One check. Its id is a public contract (JSON, SARIF, docs/rules/<id>.md); never rename one. */
export interface Rule {
  id: string;
  /** Default severity; a config file or --severity can change it. */
  severity: Severity;
  /** One line for SARIF's shortDescription and `--help`. */
  title: string;
  /** True when some of its findings carry machine-applicable edits (--fix). */
  fixable?: boolean;
  check(view: ProjectView): Finding[];
}

export const DOCS_BASE = 'https://github.com/stackgate/stackgate/blob/main/docs/rules';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`;
}

/** A finding's `service` when it is about the proxy's configuration: the proxy, when the view has one. */
export function proxyService(view: ProjectView): Pick<Finding, 'service'> {
  return view.proxy ? { service: view.proxy.name } : {};
}

/** Builds a finding of `rule` with its default severity (the runner applies overrides). */
export function finding(
  rule: Pick<Rule, 'id' | 'severity'>,
  pos: SourcePos,
  message: string,
  fix: Fix | string,
  extra: Partial<Pick<Finding, 'service' | 'related' | 'severity'>> = {},
): Finding {
  return {
    rule: rule.id,
    severity: extra.severity ?? rule.severity,
    message,
    pos,
    fix: typeof fix === 'string' ? { description: fix } : fix,
    ...(extra.service !== undefined ? { service: extra.service } : {}),
    ...(extra.related ? { related: extra.related } : {}),
  };
}

/** The compose loader's diagnostics of one kind, as findings of `rule` (the loader itself knows no rule ids). */
export function loaderFindings(
  rule: Pick<Rule, 'id' | 'severity'>,
  view: ProjectView,
  kind: ComposeDiagnosticKind,
): Finding[] {
  return view.compose.diagnostics
    .filter((d) => d.kind === kind)
    .map((d) =>
      finding(rule, d.pos, d.message, d.fix, {
        ...(d.service !== undefined ? { service: d.service } : {}),
        ...(d.related ? { related: d.related } : {}),
      }),
    );
}

/**
 * When the proxy's entrypoint or command can write the nginx config at start, a finding about the
 * config as written cannot be sure: it drops to a warning and says so.
 */
export function generatedAtStart(
  view: ProjectView,
): { severity: Severity; message: string; related: NonNullable<Finding['related']> } | undefined {
  const at = view.configWrittenAtStart;
  if (!at || !view.proxy) return undefined;
  return {
    severity: 'warning',
    message: ` (but "${view.proxy.name}" may generate its config at start: ${at.how}; stackgate cannot run it and analysed the config as written)`,
    related: [{ pos: at.pos, message: 'the start command that can write the config' }],
  };
}
