import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const run = (argv: string[], cwd: string) => runCli(argv, cwd);

function copyExample(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `sg-cli-${name}-`));
  cpSync(path.join(repo, 'examples', name), dir, { recursive: true });
  return dir;
}

test('--format json follows the contract exactly', async () => {
  const dir = copyExample('seed');
  try {
    const { code, stdout } = await run(['validate', '--format', 'json'], dir);
    const out = JSON.parse(stdout);
    assert.deepEqual(Object.keys(out).sort(), ['findings', 'summary']);
    assert.deepEqual(Object.keys(out.summary).sort(), ['errors', 'notes', 'warnings']);
    assert.ok(out.findings.length > 0);
    const required = ['column', 'file', 'fix', 'line', 'message', 'rule', 'severity'];
    let withService = 0;
    for (const f of out.findings) {
      // Exactly the contract's keys: `service` only on findings about a service, nothing else ever.
      const keys = Object.keys(f).sort();
      if ('service' in f) {
        withService++;
        assert.equal(typeof f.service, 'string');
        assert.deepEqual(keys, [...required, 'service'].sort());
      } else assert.deepEqual(keys, required);
      assert.ok(['error', 'warning', 'note'].includes(f.severity));
      for (const k of ['rule', 'message', 'file', 'fix']) assert.equal(typeof f[k], 'string', k);
      assert.ok(Number.isInteger(f.line) && f.line >= 1);
      assert.ok(Number.isInteger(f.column) && f.column >= 1);
      assert.ok(!path.isAbsolute(f.file), `file is relative: ${f.file}`);
    }
    assert.ok(withService > 0, 'the seed has service findings, so the optional key is exercised');
    const count = (s: string) => out.findings.filter((f: { severity: string }) => f.severity === s).length;
    assert.deepEqual(out.summary, {
      errors: count('error'),
      warnings: count('warning'),
      notes: count('note'),
    });
    // The seed never mounts its config: that is an error, so the default --fail-on error exits 1.
    assert.ok(out.findings.some((f: { rule: string }) => f.rule === 'proxy-config-not-mounted'));
    assert.equal(code, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exit codes: --fail-on never is 0, usage errors are 2 with a message and no stack', async () => {
  const dir = copyExample('seed');
  try {
    assert.equal((await run(['validate', '--fail-on', 'never'], dir)).code, 0);
    const bad = await run(['validate', '--format', 'xml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
    const unknownFlag = await run(['validate', '--nope'], dir);
    assert.equal(unknownFlag.code, 2);
    const missing = await run(['validate', '--compose', 'absent.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /absent\.yaml/);
    const proxy = await run(['validate', '--proxy-service', 'ghost'], dir);
    assert.equal(proxy.code, 2);
    assert.match(proxy.stderr, /ghost/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every command answers --help with exit 0', async () => {
  for (const argv of [
    ['--help'],
    ['validate', '--help'],
    ['dns', '--help'],
    ['dns', 'sort', '--help'],
    ['dns', 'check', '--help'],
  ]) {
    const r = await run(argv, repo);
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /Usage/);
  }
  assert.equal((await run(['frobnicate'], repo)).code, 2);
});

test('sarif and github formats carry file, line and column', async () => {
  const dir = copyExample('seed');
  try {
    const sarif = JSON.parse(
      (await run(['validate', '--format', 'sarif', '--fail-on', 'never'], dir)).stdout,
    );
    assert.equal(sarif.version, '2.1.0');
    const [runObj] = sarif.runs;
    assert.ok(runObj.tool.driver.rules.length >= 33);
    for (const r of runObj.results) {
      const loc = r.locations[0].physicalLocation;
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      assert.equal(runObj.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    }
    const gh = (await run(['validate', '--format', 'github', '--fail-on', 'never'], dir)).stdout;
    assert.match(gh, /^::error title=stackgate [a-z-]+,file=default\.conf,line=\d+,col=\d+::/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the fixed example has no errors or warnings', async () => {
  const { code, stdout } = await run(
    ['validate', '--format', 'json', '--fail-on', 'warning', '-C', 'examples/speedtest'],
    repo,
  );
  const out = JSON.parse(stdout);
  const serious = out.findings.filter(
    (f: { severity: string; rule: string }) => f.severity !== 'note' && f.rule !== 'tls-file-missing',
  );
  assert.deepEqual(serious, []);
  assert.ok(code === 0 || out.findings.some((f: { rule: string }) => f.rule === 'tls-file-missing'));
});

test('--fix writes the machine-applicable fixes and a second run finds none of those rules', async () => {
  const dir = copyExample('seed');
  const fixable = [
    'upstream-unresolvable',
    'upstream-start-order',
    'proxy-headers-missing',
    'speedtest-proxy-tuning',
    'compose-version-obsolete',
  ];
  try {
    const before = JSON.parse(
      (await run(['validate', '--format', 'json', '--fail-on', 'never'], dir)).stdout,
    );
    const fixableBefore = before.findings.filter((f: { rule: string }) => fixable.includes(f.rule));
    assert.ok(
      fixableBefore.length >= 3,
      `seed has fixable findings: ${fixableBefore.map((f: { rule: string }) => f.rule)}`,
    );
    const dry = await run(['validate', '--fix-dry-run', '--fail-on', 'never'], dir);
    assert.match(dry.stdout, /^--- a\/docker-compose\.yml/m);
    assert.match(dry.stdout, /^-version: "2"/m);
    const composeBefore = readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8');
    assert.match(composeBefore, /^version/m, 'dry run changed nothing');
    await run(['validate', '--fix', '--fail-on', 'never'], dir);
    const after = JSON.parse((await run(['validate', '--format', 'json', '--fail-on', 'never'], dir)).stdout);
    assert.deepEqual(
      after.findings.filter((f: { rule: string }) => fixable.includes(f.rule)),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--version prints the version package.json declares', async () => {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
  const { code, stdout } = await run(['--version'], repo);
  assert.equal(code, 0);
  assert.equal(stdout, `stackgate ${pkg.version}\n`);
});

test('-C=DIR, -C DIR and --cwd=DIR work before and after the command, and name the same project', async () => {
  const dir = copyExample('seed');
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'sg-cli-elsewhere-'));
  try {
    const summaries = [];
    for (const argv of [
      ['validate', '--format', 'json', `-C=${dir}`],
      [`-C=${dir}`, 'validate', '--format', 'json'],
      ['-C', dir, 'validate', '--format', 'json'],
      ['validate', '--format', 'json', '-C', dir],
      [`--cwd=${dir}`, 'validate', '--format', 'json'],
    ]) {
      const { code, stdout, stderr } = await run(argv, elsewhere);
      assert.equal(code, 1, `${argv.join(' ')}: ${stderr}`);
      summaries.push(JSON.parse(stdout).summary);
    }
    // The seed was found each time (its own counts), not an empty "=DIR" beside the caller.
    for (const s of summaries) assert.deepEqual(s, { errors: 3, warnings: 4, notes: 5 });
    // A value after `--` is not rewritten: it is a project directory named "-C=…", which does not exist.
    const r = await run(['validate', '--', `-C=${dir}`], elsewhere);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`-C=${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
