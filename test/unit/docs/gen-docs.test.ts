import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  beginMarker,
  cell,
  DocsError,
  endMarker,
  generate,
  main,
  parseActionMeta,
  type RuleEntry,
  stale,
} from '../../../scripts/gen-docs.js';
import { RULES } from '../../../src/rules/index.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

const ACTION = `name: demo
description: A demo action.
inputs:
  working-directory:
    description: The compose project directory.
    default: .
  fail-on:
    description: "Fail on findings at or above this level: error, warning, note or never."
    default: error
outputs:
  errors:
    description: Number of error findings.
runs:
  using: node24
  main: dist/index.js
`;

const RULE: RuleEntry = { id: 'demo-rule', severity: 'warning', title: 'A demo rule | with a pipe' };

/** A small repository: README with a block for action.yml, hand-written text around it, a rule index. */
function fixture(t: TestContext): string {
  const root = mkdtempSync(path.join(tmpdir(), 'docs-gen-docs-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(path.join(root, 'action.yml'), ACTION);
  writeFileSync(
    path.join(root, 'README.md'),
    `# demo\n\nHand-written | text.\n\n${beginMarker('action.yml')}\n${endMarker('action.yml')}\n\nAfter.\n`,
  );
  mkdirSync(path.join(root, 'docs', 'rules'), { recursive: true });
  writeFileSync(path.join(root, 'docs/rules/demo-rule.md'), '# demo-rule\n');
  writeFileSync(
    path.join(root, 'docs/rules/README.md'),
    `# Rules\n\nPolicy text.\n\n${beginMarker('rules')}\n${endMarker('rules')}\n`,
  );
  return root;
}

function quiet(t: TestContext): string[] {
  const lines: string[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => lines.push(args.join(' ')));
  t.mock.method(console, 'log', () => {});
  return lines;
}

test("the repository's own README tables and rule index are current", () => {
  const files = generate({ root: REPO });
  const readme = files.find((f) => f.path === 'README.md')!;
  // Loaded: every sub-action's block and a row of each is there.
  for (const row of [
    '| `keep-running` |',
    '| `sarif-file` |',
    '| `destroy-on-failure` |',
    '| `expect-status` |',
  ])
    assert.ok(readme.generated.includes(row), row);
  const index = files.find((f) => f.path === 'docs/rules/README.md')!;
  for (const r of RULES)
    assert.ok(index.generated.includes(`| [${r.id}](${r.id}.md) | ${r.severity} |`), r.id);
  assert.deepEqual(
    stale(files).map((f) => f.path),
    [],
    "run 'make docs' and commit README.md and docs/rules/README.md",
  );
});

test('the check fails on a stale inputs table and --write makes it current again', (t) => {
  const root = fixture(t);
  const errors = quiet(t);
  assert.equal(main(['--write'], root, [RULE]), 0);
  const written = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.match(
    written,
    /\| `fail-on` \| Fail on findings at or above this level: error, warning, note or never\. \| `error` \|/,
  );
  assert.equal(main(['--check'], root, [RULE]), 0);
  assert.deepEqual(errors, []);

  // A new input in action.yml: the committed table no longer matches.
  writeFileSync(
    path.join(root, 'action.yml'),
    ACTION.replace('outputs:', '  timeout:\n    description: Seconds for up.\n    default: "120"\noutputs:'),
  );
  assert.equal(main(['--check'], root, [RULE]), 1);
  assert.deepEqual(errors, ["README.md is stale: run 'make docs' and commit it"]);
  assert.equal(readFileSync(path.join(root, 'README.md'), 'utf8'), written, '--check writes nothing');

  assert.equal(main(['--write'], root, [RULE]), 0);
  assert.match(
    readFileSync(path.join(root, 'README.md'), 'utf8'),
    /\| `timeout` \| Seconds for up\. \| `120` \|/,
  );
  assert.equal(main(['--check'], root, [RULE]), 0);
});

test('the check fails on a stale rule index; hand-written text outside the markers is kept', (t) => {
  const root = fixture(t);
  const errors = quiet(t);
  assert.equal(main(['--write'], root, [RULE]), 0);
  const index = readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8');
  assert.ok(index.startsWith('# Rules\n\nPolicy text.\n\n'));
  assert.match(index, /\| \[demo-rule\]\(demo-rule\.md\) \| warning \| A demo rule \\\| with a pipe \|/);
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.startsWith('# demo\n\nHand-written | text.\n\n'));
  assert.ok(readme.endsWith(`${endMarker('action.yml')}\n\nAfter.\n`));

  writeFileSync(path.join(root, 'docs/rules/other-rule.md'), '# other-rule\n');
  const more: RuleEntry[] = [RULE, { id: 'other-rule', severity: 'note', title: 'Another', fixable: true }];
  assert.equal(main(['--check'], root, more), 1);
  assert.deepEqual(errors, ["docs/rules/README.md is stale: run 'make docs' and commit it"]);
});

test('a rule without its page, a missing block and a block for no action are errors that say what to do', (t) => {
  const root = fixture(t);
  assert.throws(
    () => generate({ root, rules: [RULE, { id: 'no-page', severity: 'note', title: 'x' }] }),
    (e: unknown) => e instanceof DocsError && /docs\/rules\/no-page\.md is missing/.test(e.message),
  );

  mkdirSync(path.join(root, 'stack'));
  writeFileSync(path.join(root, 'stack/action.yml'), ACTION);
  assert.throws(
    () => generate({ root, rules: [RULE] }),
    (e: unknown) =>
      e instanceof DocsError &&
      e.message.includes(`no generated block for stack/action.yml`) &&
      e.message.includes(beginMarker('stack/action.yml')),
  );
  rmSync(path.join(root, 'stack'), { recursive: true });

  const readme = path.join(root, 'README.md');
  writeFileSync(
    readme,
    `${readFileSync(readme, 'utf8')}${beginMarker('gone/action.yml')}\n${endMarker('gone/action.yml')}\n`,
  );
  const errors = quiet(t);
  assert.equal(main(['--check'], root, [RULE]), 2);
  assert.match(
    errors[0] ?? '',
    /gen-docs: README\.md: a generated block for gone\/action\.yml, which does not exist/,
  );
});

test('an action.yml that is not valid YAML is reported at its file and line', () => {
  const broken = 'name: x\ninputs:\n  a:\n    description: Compose files: one per line\n';
  assert.throws(
    () => parseActionMeta(broken, 'validate/action.yml'),
    (e: unknown) => e instanceof DocsError && /^validate\/action\.yml:4: not valid YAML/.test(e.message),
  );
});

test('table cells are one line with pipes and backslashes escaped', () => {
  assert.equal(cell('a | b\n  c \\ d'), 'a \\| b c \\\\ d');
  assert.equal(cell(''), ' ');
  const meta = parseActionMeta(ACTION.replace('default: error', 'required: true'), 'action.yml');
  assert.deepEqual(meta.inputs[1], {
    name: 'fail-on',
    description: 'Fail on findings at or above this level: error, warning, note or never.',
    required: true,
  });
});
