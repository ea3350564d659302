// Several projects in one `validate` run: grouped by project in every format, one exit code, and each
// project in its own root boundary.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** base/seed (findings, errors among them), base/clean (none), base/other (one note-free service). */
let base: string;
before(() => {
  base = mkdtempSync(path.join(tmpdir(), 'sg-multi-'));
  cpSync(path.join(repo, 'examples/seed'), path.join(base, 'seed'), { recursive: true });
  mkdirSync(path.join(base, 'clean'));
  writeFileSync(path.join(base, 'clean/compose.yaml'), 'services:\n  web:\n    image: example/web:1.0\n');
  cpSync(path.join(repo, 'examples/seed'), path.join(base, 'nested/seed2'), { recursive: true });
});
after(() => rmSync(base, { recursive: true, force: true }));

const json = async (argv: string[], cwd = base, env: NodeJS.ProcessEnv = {}) => {
  const r = await runCli(['validate', '--format', 'json', ...argv], cwd, env);
  return { ...r, out: JSON.parse(r.stdout) };
};

test('json: version 2, one entry per project in order, each equal to its single-project run', async () => {
  const single = {
    seed: (await json([], path.join(base, 'seed'))).out,
    clean: (await json([], path.join(base, 'clean'))).out,
  };
  // The inputs were loaded: the seed has findings, so equality below is not two empty lists.
  assert.ok(single.seed.findings.length >= 5, JSON.stringify(single.seed.summary));
  assert.deepEqual(single.clean.findings, []);
  const multi = await json(['seed', '-C', 'clean', 'nested/seed2']);
  assert.deepEqual(Object.keys(multi.out).sort(), ['projects', 'summary', 'version']);
  assert.equal(multi.out.version, 2);
  assert.deepEqual(
    multi.out.projects.map((p: { path: string }) => p.path),
    ['clean', 'seed', 'nested/seed2'],
    '-C first, then positionals, in the order given',
  );
  for (const p of multi.out.projects)
    assert.deepEqual(Object.keys(p).sort(), ['findings', 'path', 'summary']);
  const [clean, seed, seed2] = multi.out.projects;
  assert.deepEqual(seed.findings, single.seed.findings);
  assert.deepEqual(seed.summary, single.seed.summary);
  assert.deepEqual(seed2.findings, single.seed.findings, 'files are relative to their own project');
  assert.deepEqual(clean.findings, []);
  assert.deepEqual(multi.out.summary, {
    errors: 2 * single.seed.summary.errors,
    warnings: 2 * single.seed.summary.warnings,
    notes: 2 * single.seed.summary.notes,
  });
  assert.equal(multi.code, 1);
});

test('one project keeps the single-project JSON shape, however it is named', async () => {
  for (const argv of [['seed'], ['-C', 'seed'], ['seed', '-C', 'seed', './seed/']]) {
    const { out } = await json(argv);
    assert.deepEqual(Object.keys(out).sort(), ['findings', 'summary'], argv.join(' '));
    assert.ok(out.findings.length > 0);
  }
});

test('one exit code for the run: the worst project decides, --fail-on applies to all', async () => {
  assert.equal((await json(['clean', 'clean'])).code, 0);
  assert.equal((await runCli(['validate', 'clean', path.join(base, 'clean')], base)).code, 0);
  assert.equal((await json(['clean', 'seed'])).code, 1);
  assert.equal((await json(['seed', 'clean'])).code, 1);
  assert.equal((await json(['seed', 'clean', '--fail-on', 'never'])).code, 0);
});

test('text: a heading per project with its own findings, then the run total', async () => {
  const seedText = (await runCli(['validate'], path.join(base, 'seed'))).stdout;
  assert.match(seedText, /default\.conf\n {2}\d+:\d+ {2}/);
  const r = await runCli(['validate', 'clean', 'seed'], base);
  assert.equal(r.code, 1);
  assert.ok(r.stdout.startsWith('== project clean ==\nNo findings.\n\n== project seed ==\n'), r.stdout);
  assert.ok(r.stdout.includes(seedText), 'the seed section is its single-project report');
  const total = (await json(['clean', 'seed'])).out.summary;
  assert.ok(
    r.stdout.endsWith(
      `2 projects: ${total.errors} errors, ${total.warnings} warnings, ${total.notes} notes\n`,
    ),
    r.stdout.slice(-200),
  );
});

test('sarif: one run, URIs relative to the invocation directory, each result naming its project', async () => {
  const single = JSON.parse(
    (await runCli(['validate', '--format', 'sarif'], path.join(base, 'seed'))).stdout,
  );
  const r = await runCli(['validate', '--format', 'sarif', 'seed', 'nested/seed2', 'clean'], base);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.runs.length, 1);
  const [run] = sarif.runs;
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${base}/`);
  assert.equal(run.results.length, 2 * single.runs[0].results.length);
  const uris = new Set<string>();
  for (const res of run.results) {
    const uri: string = res.locations[0].physicalLocation.artifactLocation.uri;
    uris.add(uri);
    assert.ok(uri.startsWith(`${res.properties.project}/`), `${uri} lies in ${res.properties.project}`);
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  }
  assert.ok(uris.has('seed/default.conf') && uris.has('nested/seed2/default.conf'), [...uris].join());
  // Fingerprints stay distinct across projects that hold the same file names.
  const prints = run.results.map((x: { partialFingerprints: Record<string, string> }) =>
    JSON.stringify(x.partialFingerprints),
  );
  assert.equal(new Set(prints).size, prints.length);
  assert.equal(r.code, 1);
});

test('github: annotation paths relative to the workspace, for one project and for several', async () => {
  const several = (await runCli(['validate', '--format', 'github', 'seed', 'nested/seed2'], base)).stdout;
  assert.match(several, /^::error title=stackgate [a-z-]+,file=seed\/default\.conf,line=\d+,col=\d+::/m);
  assert.match(
    several,
    /^::error title=stackgate [a-z-]+,file=nested\/seed2\/default\.conf,line=\d+,col=\d+::/m,
  );
  const one = (await runCli(['validate', '--format', 'github', '-C', 'nested/seed2'], base)).stdout;
  assert.match(one, /^::error title=stackgate [a-z-]+,file=nested\/seed2\/default\.conf,/m);
  // In Actions the workspace is GITHUB_WORKSPACE, wherever the command was started.
  const fromSub = await runCli(['validate', '--format', 'github', 'seed2'], path.join(base, 'nested'), {
    GITHUB_WORKSPACE: base,
  });
  assert.match(fromSub.stdout, /^::error title=stackgate [a-z-]+,file=nested\/seed2\/default\.conf,/m);
});

test('each project keeps its own root boundary: a sibling project in the same run is still outside', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-multi-boundary-'));
  try {
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a/x.yaml'), 'services:\n  base:\n    image: example/base:1\n');
    writeFileSync(path.join(dir, 'a/compose.yaml'), 'services:\n  web:\n    image: example/web:1.0\n');
    writeFileSync(path.join(dir, 'b/.env'), 'COMPOSE_FILE=compose.yaml:../a/x.yaml\n');
    writeFileSync(path.join(dir, 'b/compose.yaml'), 'services:\n  web:\n    image: example/web:1.0\n');
    const { out } = await json(['a', 'b'], dir);
    const [a, b] = out.projects;
    assert.deepEqual(a.findings, [], 'a reads its own files');
    const outside = b.findings.filter((f: { rule: string }) => f.rule === 'path-outside-project');
    assert.deepEqual(
      outside.map((f: { file: string; line: number }) => `${f.file}:${f.line}`),
      ['.env:1'],
      JSON.stringify(b.findings),
    );
    // A user error names its project, exit 2, no stack.
    writeFileSync(path.join(dir, 'b/.env'), 'COMPOSE_FILE=../a/x.yaml\n');
    const r = await runCli(['validate', 'a', 'b'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^stackgate: project b: .*\.env:1: .*outside the project root/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix and --fix-dry-run refuse several projects (exit 2), and a missing project is exit 2', async () => {
  for (const flag of ['--fix', '--fix-dry-run']) {
    const r = await runCli(['validate', flag, 'seed', 'clean'], base);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /one project at a time/);
  }
  const missing = await runCli(['validate', 'seed', 'absent'], base);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /project absent: /);
});
