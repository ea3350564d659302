import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CLI_INPUT_NAMES } from '../../../src/inputs.js';
import { runCli } from '../helpers/cli.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ENTRY = fileURLToPath(new URL('../../../src/entries/validate.js', import.meta.url));
const CANARY = 'canary-7f3a9c1e-do-not-print';

/** The seed example plus a service whose image comes from the process environment. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-output-action-'));
  cpSync(path.join(repo, 'examples/seed'), dir, { recursive: true });
  const compose = path.join(dir, 'docker-compose.yml');
  writeFileSync(compose, `${readFileSync(compose, 'utf8')}  web:\n    image: "\${MY_TOKEN}"\n`);
  return dir;
}

/** Runs the action entry as the runner does: INPUT_* variables, file commands, stdout commands. */
function runAction(dir: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const files = { output: path.join(dir, '.gh-output'), summary: path.join(dir, '.gh-summary') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const all: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    'INPUT_WORKING-DIRECTORY': dir,
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) all[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [ENTRY], { cwd: dir, env: all, encoding: 'utf8' });
  return {
    ...r,
    output: readFileSync(files.output, 'utf8'),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

/** The annotations in a run's stdout, as level and rule. */
const annotations = (stdout: string) =>
  stdout.split('\n').flatMap((l) => {
    const m = /^::(error|warning|notice) title=stackgate ([a-z-]+),/.exec(l);
    return m ? [{ level: m[1]!, rule: m[2]! }] : [];
  });

test('errors stay errors, warnings warnings, notes notices; outputs and summary agree', async () => {
  const dir = project();
  try {
    const env = { MY_TOKEN: CANARY };
    const cli = await runCli(['validate', '--format', 'json', '--config', 'none', '-C', dir], dir, env);
    const expected = (JSON.parse(cli.stdout).findings as { severity: string }[]).map(
      (f) => ({ error: 'error', warning: 'warning', note: 'notice' })[f.severity],
    );
    assert.ok(
      ['error', 'warning', 'notice'].every((l) => expected.includes(l)),
      cli.stdout,
    );
    const r = runAction(dir, { config: 'none', 'fail-on': 'error' }, env);
    assert.equal(r.status, 1, r.stderr);
    const levels = annotations(r.stdout).map((a) => a.level);
    assert.deepEqual(levels.sort(), [...expected].sort());
    const count = (l: string) => expected.filter((e) => e === l).length;
    assert.match(r.output, new RegExp(`^errors<<(ghadelimiter_[-0-9a-f]+)\\n${count('error')}\\n\\1$`, 'm'));
    assert.match(
      r.output,
      new RegExp(`^warnings<<(ghadelimiter_[-0-9a-f]+)\\n${count('warning')}\\n\\1$`, 'm'),
    );
    assert.match(r.output, new RegExp(`^notes<<(ghadelimiter_[-0-9a-f]+)\\n${count('notice')}\\n\\1$`, 'm'));
    assert.match(r.summary, /\| Severity \| Rule \| Where \| Finding \| Fix \|/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a value from the process environment is masked first and printed nowhere', () => {
  const dir = project();
  try {
    const sarif = path.join(dir, 'out.sarif');
    const r = runAction(
      dir,
      { config: 'none', 'sarif-file': sarif, 'fail-on': 'never' },
      { MY_TOKEN: CANARY },
    );
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const mask = lines.indexOf(`::add-mask::${CANARY}`);
    assert.ok(mask >= 0, r.stdout);
    assert.ok(
      mask < lines.findIndex((l) => /^::(error|warning|notice) /.test(l)),
      'masked before any annotation',
    );
    // The finding about the service is there, with the variable's name in place of its value.
    assert.match(r.stdout, /"web" uses \$\{MY_TOKEN\}/);
    for (const [where, text] of [
      ['stdout', lines.filter((_, i) => i !== mask).join('\n')],
      ['stderr', r.stderr],
      ['outputs', r.output],
      ['summary', r.summary],
      ['sarif', readFileSync(sarif, 'utf8')],
    ] as const) {
      assert.ok(!text.includes(CANARY), `${where} holds the canary`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the config input replaces the pull request's .stackgate.yaml", () => {
  const dir = project();
  try {
    writeFileSync(
      path.join(dir, '.stackgate.yaml'),
      'rules:\n  image-unpinned: off\n  proxy-config-not-mounted: off\n',
    );
    const base = path.join(dir, 'base-config.yaml');
    writeFileSync(base, 'rules:\n  image-unpinned: warning\n');
    const run = (inputs: Record<string, string>) => {
      const found = annotations(runAction(dir, { 'fail-on': 'never', ...inputs }).stdout);
      return (rule: string) => [...new Set(found.filter((a) => a.rule === rule).map((a) => a.level))];
    };
    // No config: the rules fire at their defaults.
    const none = run({ config: 'none' });
    assert.deepEqual(none('image-unpinned'), ['notice']);
    assert.deepEqual(none('proxy-config-not-mounted'), ['error']);
    // The project's own file (what a PR can edit) switches them off.
    const own = run({});
    assert.deepEqual(own('image-unpinned'), []);
    assert.deepEqual(own('proxy-config-not-mounted'), []);
    // The base branch's copy wins over the PR's.
    const fromBase = run({ config: base });
    assert.deepEqual(fromBase('image-unpinned'), ['warning']);
    assert.deepEqual(fromBase('proxy-config-not-mounted'), ['error']);
    // A config that is not there is one clear line, not a stack.
    const missing = runAction(dir, { config: 'nope.yaml' });
    assert.equal(missing.status, 1);
    // In the action's words: its input is `config`, there is no --config flag to fix.
    assert.match(missing.stdout, /^::error::config nope\.yaml: no such file/m);
    assert.doesNotMatch(missing.stdout, /--config/);
    assert.doesNotMatch(missing.stdout, /\n {4}at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('projects: several directories in one step, annotations from the workspace, one verdict', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-action-multi-'));
  try {
    cpSync(path.join(repo, 'examples/seed'), path.join(dir, 'seed'), { recursive: true });
    cpSync(path.join(repo, 'examples/seed'), path.join(dir, 'apps/seed2'), { recursive: true });
    mkdirSync(path.join(dir, 'clean'));
    writeFileSync(path.join(dir, 'clean/compose.yaml'), 'services:\n  web:\n    image: example/web:1.0\n');
    const single = JSON.parse(
      (await runCli(['validate', '--format', 'json', '--config', 'none'], path.join(dir, 'seed'))).stdout,
    );
    assert.ok(single.summary.errors > 0, 'the seed was loaded');
    const sarif = path.join(dir, 'out.sarif');
    const r = runAction(
      dir,
      { projects: 'seed\nclean\napps/seed2\n', 'sarif-file': sarif },
      {
        GITHUB_WORKSPACE: dir,
      },
    );
    assert.equal(r.status, 1, r.stderr);
    const files = new Set(
      [...r.stdout.matchAll(/^::(?:error|warning|notice) [^:]*file=([^,]+),/gm)].map((m) => m[1]),
    );
    assert.ok(files.has('seed/default.conf') && files.has('apps/seed2/default.conf'), [...files].join());
    assert.ok(
      [...files].every((f) => f!.startsWith('seed/') || f!.startsWith('apps/seed2/')),
      [...files].join(),
    );
    assert.equal(annotations(r.stdout).length, 2 * single.findings.length);
    assert.match(r.output, new RegExp(`^errors<<.*\\n${2 * single.summary.errors}\\n`, 'm'));
    assert.match(
      r.stdout,
      new RegExp(`^::error::stackgate validate: ${2 * single.summary.errors} error\\(s\\)`, 'm'),
    );
    for (const p of ['seed', 'clean', 'apps/seed2'])
      assert.ok(r.summary.includes(`### project <code>${p}</code>`), `${p} in the summary:\n${r.summary}`);
    const run = JSON.parse(readFileSync(sarif, 'utf8')).runs;
    assert.equal(run.length, 1);
    assert.deepEqual(
      [...new Set(run[0].results.map((x: { properties: { project: string } }) => x.properties.project))],
      ['seed', 'apps/seed2'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an input error names the action's input, not the CLI flag", () => {
  const dir = project();
  try {
    const nginx = runAction(dir, { 'nginx-config': 'absent.conf' });
    assert.equal(nginx.status, 1);
    assert.match(nginx.stdout, /^::error::nginx-config absent\.conf: no such file/m);
    assert.doesNotMatch(nginx.stdout, /--nginx/);
    const proxy = runAction(dir, { 'proxy-service': 'ghost' });
    assert.match(proxy.stdout, /^::error::proxy-service ghost: no such service in docker-compose\.yml/m);
    assert.doesNotMatch(proxy.stdout, /--proxy-service/);
    const compose = runAction(dir, { 'compose-file': 'absent.yml' });
    assert.equal(compose.status, 1);
    assert.match(compose.stdout, /^::error::compose-file absent\.yml: no such file/m);
    const envFile = runAction(dir, { 'env-file': 'absent.env' });
    assert.equal(envFile.status, 1);
    assert.match(envFile.stdout, /^::error::env-file absent\.env: no such file/m);
    // A compose file outside the project root, named by COMPOSE_FILE in .env: the way to allow it is the input.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'sg-output-elsewhere-'));
    try {
      writeFileSync(path.join(elsewhere, 'compose.yaml'), 'services: {}\n');
      writeFileSync(path.join(dir, '.env'), `COMPOSE_FILE=${path.join(elsewhere, 'compose.yaml')}\n`);
      const outside = runAction(dir, {});
      assert.equal(outside.status, 1);
      assert.match(
        outside.stdout,
        /^::error::.*\.env:1: COMPOSE_FILE .* outside the project root .*Pass allow-paths /m,
      );
      // No message of the action names a CLI flag (the CLI's own, by its table, against the action's output).
      for (const flag of Object.values(CLI_INPUT_NAMES))
        for (const r of [nginx, proxy, compose, envFile, outside])
          assert.ok(!r.stdout.includes(flag), `${flag} in ${r.stdout}`);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
