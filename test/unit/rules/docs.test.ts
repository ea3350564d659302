// Every registered rule has a page in docs/rules/ with the required sections and the severity it
// declares, and a test that names it; every page belongs to a registered rule (after typescript-eslint's
// docs test). The severity policy itself is docs/rules/README.md.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../../src/rules/index.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DOCS = join(ROOT, 'docs', 'rules');
const SECTIONS = ['## What', '## Why', '## Example (bad)', '## Fix (good)'];

/** Test sources (the .ts files, not the compiled ones) that may name a rule. */
function testSources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'fixtures') out.push(...testSources(p));
    else if (e.isFile() && e.name.endsWith('.test.ts') && e.name !== 'docs.test.ts') out.push(p);
  }
  return out;
}

/** The page's structure: `# title`, the stated severity, the `## ` headings in order. */
export function pageOutline(text: string): { title?: string; severity?: string; headings: string[] } {
  const lines = text.split('\n');
  const title = lines[0]?.startsWith('# ') ? lines[0].slice(2).trim() : undefined;
  const severity = /^\*\*Default severity:\*\*\s*(error|warning|note)\b/m.exec(text)?.[1];
  const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.trim());
  return { ...(title !== undefined ? { title } : {}), ...(severity ? { severity } : {}), headings };
}

describe('docs/rules', () => {
  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
  const tests = testSources(join(ROOT, 'test')).map((f) => readFileSync(f, 'utf8'));

  it('loaded the registry and the pages', () => {
    assert.ok(RULES.length >= 30, `only ${RULES.length} rules registered`);
    assert.ok(pages.length >= 30, `only ${pages.length} pages in docs/rules`);
    assert.ok(tests.length >= 30, `only ${tests.length} test files found`);
  });

  it('states the severity policy outside any generated block', () => {
    const readme = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const policy = readme.indexOf('## The severity policy');
    assert.ok(policy >= 0, 'docs/rules/README.md has no "## The severity policy" section');
    for (const level of ['**error**', '**warning**', '**note**']) assert.ok(readme.includes(level), level);
    // Text between <!-- begin … --> / <!-- end … --> markers is regenerated; the policy must not be in it.
    for (const m of readme.matchAll(
      /<!--\s*(?:gen-docs:)?begin[^>]*-->[\s\S]*?<!--\s*(?:gen-docs:)?end[^>]*-->/gi,
    )) {
      const start = m.index ?? 0;
      assert.ok(policy < start || policy > start + m[0].length, 'the policy sits inside a generated block');
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const file = join(DOCS, `${rule.id}.md`);

      it('has a page with the required sections and its declared severity', () => {
        assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing`);
        const outline = pageOutline(readFileSync(file, 'utf8'));
        assert.equal(outline.title, rule.id, 'the page title must be the rule id');
        assert.equal(
          outline.severity,
          rule.severity,
          `the page states "${outline.severity}", the rule declares "${rule.severity}"`,
        );
        const present = SECTIONS.filter((s) => outline.headings.includes(s));
        assert.deepEqual(present, SECTIONS, 'sections missing');
        const order = outline.headings.filter((h) => SECTIONS.includes(h));
        assert.deepEqual(order, SECTIONS, 'sections out of order');
      });

      it('is named by a test', () => {
        assert.ok(
          tests.some((t) => t.includes(`'${rule.id}'`) || t.includes(`"${rule.id}"`)),
          `no test file under test/ names '${rule.id}'`,
        );
      });
    });
  }

  it('has no page without a registered rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const orphans = pages.map((p) => p.replace(/\.md$/, '')).filter((id) => !ids.has(id));
    assert.deepEqual(orphans, [], 'pages for rules that are not registered');
  });

  it('reads a page outline correctly (so the checks above can fail)', () => {
    const outline = pageOutline(
      '# x\n\n**Default severity:** warning (an error when y)\n\n## What\n## Why\n',
    );
    assert.deepEqual(outline, { title: 'x', severity: 'warning', headings: ['## What', '## Why'] });
    assert.equal(pageOutline('# x\nno severity\n').severity, undefined);
  });
});
