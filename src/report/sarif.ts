import type { Finding } from '../core/finding.js';
import { jsonForLog, showUntrusted } from '../core/untrusted-text.js';
import { docsUrl, type Rule } from '../rules/rule.js';
import { type ProjectFindings, projectPath, relativeFile } from './summary.js';

const VERSION = '0.1.0';

/**
 * SARIF 2.1.0 as github/codeql-action/upload-sarif accepts it: rule metadata, help links, URIs relative
 * to `cwd`. In a multi-project run it is one run for all projects, `cwd` their common base (the
 * workspace), and `projectOf` names each result's project in its `properties.project`.
 */
export function renderSarif(
  findings: readonly Finding[],
  rules: readonly Rule[],
  cwd: string,
  projectOf?: (f: Finding) => string,
): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // An image file (image:/etc/nginx/nginx.conf) is an absolute URI of its own, not under the checkout.
  const artifact = (file: string) =>
    file.startsWith('image:') ? { uri: file } : { uri: relativeFile(file, cwd), uriBaseId: '%SRCROOT%' };
  const location = (file: string, line: number, column: number) => ({
    physicalLocation: {
      artifactLocation: artifact(file),
      region: { startLine: line, startColumn: column },
    },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stackgate',
            version: VERSION,
            informationUri: 'https://github.com/stackgate/stackgate',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id
                .split('-')
                .map((w) => w[0]!.toUpperCase() + w.slice(1))
                .join(''),
              shortDescription: { text: r.title },
              fullDescription: { text: r.title },
              helpUri: docsUrl(r.id),
              help: {
                text: `${r.title}. See ${docsUrl(r.id)}`,
                markdown: `${r.title}. [Documentation](${docsUrl(r.id)})`,
              },
              defaultConfiguration: { level: r.severity },
              properties: { tags: ['stackgate', r.id.split('-')[0]!] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${cwd.endsWith('/') ? cwd : `${cwd}/`}` } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: f.severity,
          message: { text: `${showUntrusted(f.message)}\nFix: ${showUntrusted(f.fix.description)}` },
          locations: [location(f.pos.file, f.pos.line, f.pos.column)],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i + 1,
                  ...location(r.pos.file, r.pos.line, r.pos.column),
                  message: { text: showUntrusted(r.message) },
                })),
              }
            : {}),
          ...(f.fix.edits?.length
            ? {
                fixes: [
                  {
                    description: { text: showUntrusted(f.fix.description) },
                    artifactChanges: groupEdits(f).map(([file, edits]) => ({
                      artifactLocation: {
                        uri: showUntrusted(relativeFile(file, cwd)),
                        uriBaseId: '%SRCROOT%',
                      },
                      replacements: edits.map((e) => ({
                        deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                        insertedContent: { text: e.text },
                      })),
                    })),
                  },
                ],
              }
            : {}),
          ...(projectOf ? { properties: { project: showUntrusted(projectOf(f)) } } : {}),
          partialFingerprints: {
            'stackgate/v1': showUntrusted(`${f.rule}:${relativeFile(f.pos.file, cwd)}:${f.message}`),
          },
        })),
      },
    ],
  };
  return `${jsonForLog(sarif)}\n`;
}

function groupEdits(f: Finding) {
  const m = new Map<string, NonNullable<Finding['fix']['edits']>>();
  for (const e of f.fix.edits ?? []) m.set(e.file, [...(m.get(e.file) ?? []), e]);
  return [...m];
}

/** Several projects as one SARIF run, URIs relative to `base` (see renderSarif). */
export function renderSarifProjects(
  projects: readonly ProjectFindings[],
  rules: readonly Rule[],
  base: string,
): string {
  const projectOf = new Map<Finding, string>();
  for (const p of projects) for (const f of p.findings) projectOf.set(f, projectPath(p.cwd, base));
  return renderSarif([...projectOf.keys()], rules, base, (f) => projectOf.get(f)!);
}
