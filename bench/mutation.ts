// bench/mutation: a small mutation tester over the compiled code (lib/src). StrykerJS mutates the TypeScript and would
// recompile per mutant (14 s here); mutating the emitted JavaScript in place and running only the unit tests that cover
// that file costs 1–3 s per mutant. Run with `make mutation` (not part of `make test`); the score goes to
// docs/benchmarks.md. MUTATION_SAMPLE=N caps the mutants per run (deterministic sample), MUTATION_FILTER=substr picks files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lib = path.join(repo, 'lib');

/** The code under test, and the unit tests that own it (the suite a developer runs after touching that code). */
const targets: { dir: string; tests: (file: string) => string[] }[] = [
  {
    dir: 'src/rules',
    tests: (file) => {
      const own = path.join(lib, 'test/unit/rules', file.replace(/\.js$/, '.test.js'));
      return existsSync(own) ? [own] : [path.join(lib, 'test/unit/rules')];
    },
  },
  { dir: 'src/report', tests: () => [path.join(lib, 'test/unit/report'), path.join(lib, 'test/unit/cli')] },
  { dir: 'src/fix', tests: () => [path.join(lib, 'test/unit/fix'), ...hostile('fix-')] },
  { dir: 'src/action', tests: () => [path.join(lib, 'test/unit/action')] },
  {
    dir: 'src/core/untrusted-text.js',
    tests: () => [
      path.join(lib, 'test/unit/report'),
      path.join(lib, 'test/unit/action'),
      ...hostile('output-'),
    ],
  },
];

function hostile(prefix: string): string[] {
  const dir = path.join(lib, 'test/hostile');
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.test.js'))
    .map((f) => path.join(dir, f));
}

interface Mutant {
  file: string;
  start: number;
  end: number;
  replacement: string;
  line: number;
  description: string;
}

const swaps: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: '!==',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '===',
  [ts.SyntaxKind.AmpersandAmpersandToken]: '||',
  [ts.SyntaxKind.BarBarToken]: '&&',
  [ts.SyntaxKind.LessThanToken]: '<=',
  [ts.SyntaxKind.LessThanEqualsToken]: '<',
  [ts.SyntaxKind.GreaterThanToken]: '>=',
  [ts.SyntaxKind.GreaterThanEqualsToken]: '>',
  [ts.SyntaxKind.PlusToken]: '-',
  [ts.SyntaxKind.MinusToken]: '+',
  [ts.SyntaxKind.QuestionQuestionToken]: '&&',
};

function mutantsOf(file: string): Mutant[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const out: Mutant[] = [];
  const add = (node: ts.Node, start: number, end: number, replacement: string, description: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    out.push({ file, start, end, replacement, line, description });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isBinaryExpression(node)) {
      const swap = swaps[node.operatorToken.kind];
      // `a + b` on strings is usually message building: mutate arithmetic only when a side is a number literal.
      const arithmetic =
        node.operatorToken.kind !== ts.SyntaxKind.PlusToken ||
        ts.isNumericLiteral(node.left) ||
        ts.isNumericLiteral(node.right);
      if (swap && arithmetic) {
        const op = node.operatorToken;
        add(node, op.getStart(source), op.getEnd(), swap, `${op.getText(source)} → ${swap}`);
      }
    } else if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      add(node, node.getStart(source), node.operand.getStart(source), '', 'drop !');
    } else if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
      const flipped = node.kind === ts.SyntaxKind.TrueKeyword ? 'false' : 'true';
      add(node, node.getStart(source), node.getEnd(), flipped, `${node.getText(source)} → ${flipped}`);
    } else if (ts.isIfStatement(node)) {
      add(node, node.expression.getStart(source), node.expression.getEnd(), 'false', 'if (…) → if (false)');
    } else if (
      ts.isStringLiteral(node) &&
      node.text.length > 0 &&
      !(ts.isPropertyAssignment(node.parent) && node.parent.name === node) &&
      !ts.isElementAccessExpression(node.parent) &&
      !ts.isCaseClause(node.parent)
    ) {
      add(
        node,
        node.getStart(source),
        node.getEnd(),
        "'__mutated__'",
        `string ${node.getText(source).slice(0, 30)}`,
      );
    } else if (ts.isRegularExpressionLiteral(node)) {
      add(
        node,
        node.getStart(source),
        node.getEnd(),
        '/(?!)/',
        `regex ${node.getText(source).slice(0, 30)} never matches`,
      );
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['filter', 'sort', 'replace', 'trim', 'slice'].includes(node.expression.name.text)
    ) {
      // `x.filter(f)` → `x`: the step is skipped entirely.
      add(
        node,
        node.expression.expression.getEnd(),
        node.getEnd(),
        '',
        `skip .${node.expression.name.text}(…)`,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function filesOf(target: string): string[] {
  const abs = path.join(lib, target);
  if (abs.endsWith('.js')) return [abs];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(abs, f));
}

/** Deterministic pseudo-random sample, so runs compare. */
function sample<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  let seed = 0x2545f491;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function runTests(tests: string[]): boolean {
  const args = ['--test', '--test-reporter=dot', '--test-concurrency=1', ...tests.map(globFor)];
  const r = spawnSync(process.execPath, args, {
    cwd: repo,
    stdio: 'ignore',
    timeout: 120_000,
    env: { ...process.env },
  });
  return r.status === 0;
}

function globFor(p: string): string {
  return p.endsWith('.js') ? p : `${p}/**/*.test.js`;
}

function main(): void {
  const filter = process.env.MUTATION_FILTER ?? '';
  const limit = Number(process.env.MUTATION_SAMPLE ?? '200');
  const all: { mutant: Mutant; tests: string[] }[] = [];
  for (const target of targets) {
    for (const file of filesOf(target.dir)) {
      if (!file.includes(filter)) continue;
      const tests = target.tests(path.basename(file));
      for (const mutant of mutantsOf(file)) all.push({ mutant, tests });
    }
  }
  const chosen = sample(all, limit);
  const baseline = new Map<string, boolean>();
  let killed = 0;
  const survivors: Mutant[] = [];
  for (const [i, { mutant, tests }] of chosen.entries()) {
    const key = tests.join(' ');
    if (!baseline.has(key)) baseline.set(key, runTests(tests));
    if (!baseline.get(key)) throw new Error(`the unmutated suite fails: ${key}`);
    const original = readFileSync(mutant.file, 'utf8');
    writeFileSync(
      mutant.file,
      original.slice(0, mutant.start) + mutant.replacement + original.slice(mutant.end),
    );
    let dead: boolean;
    try {
      dead = !runTests(tests);
    } finally {
      writeFileSync(mutant.file, original);
    }
    if (dead) killed++;
    else survivors.push(mutant);
    process.stderr.write(
      `${i + 1}/${chosen.length} ${dead ? 'killed' : 'SURVIVED'} ${where(mutant)} ${mutant.description}\n`,
    );
  }
  const score = chosen.length === 0 ? 0 : (100 * killed) / chosen.length;
  console.log(
    `mutants: ${chosen.length} sampled of ${all.length}; killed ${killed}; score ${score.toFixed(1)}%`,
  );
  for (const s of survivors) console.log(`survived: ${where(s)} ${s.description}`);
}

function where(m: Mutant): string {
  // Lines are the emitted JavaScript's (tsc drops type-only lines), so name the emitted file.
  return `lib/${path.relative(lib, m.file)}:${m.line}`;
}

main();
