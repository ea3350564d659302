import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs like the runner does: INPUT_* env, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, stdout for commands. */
function runnerEnv(dir: string, inputs: Record<string, string>) {
  const output = path.join(dir, 'github-output');
  const summary = path.join(dir, 'step-summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return { env, output, summary };
}

test('the validate sub-action annotates, summarises, writes SARIF and fails on errors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-action-'));
  try {
    cpSync(path.join(repo, 'examples/seed'), path.join(dir, 'project'), { recursive: true });
    const sarif = path.join(dir, 'out.sarif');
    const { env, output, summary } = runnerEnv(dir, {
      'working-directory': path.join(dir, 'project'),
      'fail-on': 'error',
      'sarif-file': sarif,
    });
    const r = spawnSync(process.execPath, [path.join(repo, 'dist/validate/index.js')], {
      env,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(
      r.stdout,
      /^::error title=stackgate proxy-config-not-mounted,file=docker-compose\.yml,line=\d+,col=\d+::/m,
    );
    assert.match(r.stdout, /^::error::stackgate validate: \d+ error\(s\)/m);
    assert.match(readFileSync(summary, 'utf8'), /\| Severity \| Rule \| Where \| Finding \| Fix \|/);
    assert.match(readFileSync(output, 'utf8'), /errors<<|errors=/);
    assert.equal(JSON.parse(readFileSync(sarif, 'utf8')).version, '2.1.0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad input is one clear line, no stack trace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-action-'));
  try {
    const { env } = runnerEnv(dir, { 'working-directory': dir, 'fail-on': 'sometimes' });
    const r = spawnSync(process.execPath, [path.join(repo, 'dist/validate/index.js')], {
      env,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.match(
      r.stdout,
      /^::error::input "fail-on" must be one of error, warning, note, never, not "sometimes"$/m,
    );
    assert.doesNotMatch(r.stdout, /\s+at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('several projects through the built bundles: the CLI in every format and the sub-action, one verdict', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-action-multi-'));
  try {
    cpSync(path.join(repo, 'examples/seed'), path.join(dir, 'a'), { recursive: true });
    cpSync(path.join(repo, 'examples/speedtest'), path.join(dir, 'deploy/b'), { recursive: true });
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(repo, 'dist/cli/index.js'), 'validate', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
    const single = JSON.parse(cli('--format', 'json', 'a').stdout);
    assert.ok(single.summary.errors > 0, 'project a was loaded and has errors');
    const json = cli('--format', 'json', 'a', 'deploy/b');
    assert.equal(json.status, 1, json.stderr);
    const out = JSON.parse(json.stdout);
    assert.equal(out.version, 2);
    assert.deepEqual(
      out.projects.map((p: { path: string }) => p.path),
      ['a', 'deploy/b'],
    );
    assert.deepEqual(out.projects[0].findings, single.findings);
    const text = cli('-C', 'a', '-C', 'deploy/b');
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^== project a ==$/m);
    assert.match(text.stdout, /^== project deploy\/b ==$/m);
    assert.match(text.stdout, /^2 projects: \d+ errors?, /m);
    const sarif = JSON.parse(cli('--format', 'sarif', 'a', 'deploy/b').stdout);
    assert.equal(sarif.runs.length, 1);
    assert.ok(
      sarif.runs[0].results.every(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          /^(a|deploy\/b)\//.test(r.locations[0]!.physicalLocation.artifactLocation.uri),
      ),
    );
    const gh = cli('--format', 'github', 'a', 'deploy/b');
    assert.match(gh.stdout, /^::error title=stackgate [a-z-]+,file=a\/default\.conf,line=\d+,col=\d+::/m);
    assert.equal(cli('--fail-on', 'never', 'a', 'deploy/b').status, 0);

    const sarifFile = path.join(dir, 'out.sarif');
    const { env, output, summary } = runnerEnv(dir, {
      projects: 'a\ndeploy/b',
      'fail-on': 'error',
      'sarif-file': sarifFile,
    });
    const r = spawnSync(process.execPath, [path.join(repo, 'dist/validate/index.js')], {
      cwd: dir,
      env: { ...env, GITHUB_WORKSPACE: dir },
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error title=stackgate [a-z-]+,file=a\/default\.conf,line=\d+,col=\d+::/m);
    assert.match(readFileSync(summary, 'utf8'), /### project <code>deploy\/b<\/code>/);
    assert.match(readFileSync(output, 'utf8'), new RegExp(`^errors<<.*\\n${out.summary.errors}\\n`, 'm'));
    assert.equal(JSON.parse(readFileSync(sarifFile, 'utf8')).runs.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('allow-paths and config reach validate: an outside mount is read, severities come from the named file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-action-'));
  try {
    const outside = path.join(dir, 'shared');
    const project = path.join(dir, 'project');
    cpSync(path.join(repo, 'examples/seed'), project, { recursive: true });
    // The seed's proxy gains a mount of a directory beside the project, holding one more server.
    const compose = readFileSync(path.join(project, 'docker-compose.yml'), 'utf8').replace(
      '    - 443:443\n',
      `    - 443:443\n    volumes:\n    - ${outside}:/etc/nginx/conf.d:ro\n`,
    );
    writeFileSync(path.join(project, 'docker-compose.yml'), compose);
    cpSync(path.join(project, 'default.conf'), path.join(outside, 'default.conf'));
    writeFileSync(path.join(dir, 'base.yaml'), 'rules:\n  path-outside-project: off\n');
    const run = (inputs: Record<string, string>) => {
      const { env } = runnerEnv(dir, { 'working-directory': project, 'fail-on': 'never', ...inputs });
      const r = spawnSync(process.execPath, [path.join(repo, 'dist/validate/index.js')], {
        env,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      return r.stdout;
    };
    // Without allow-paths the mount is only noted; the compose file was loaded (its line is named).
    const closed = run({});
    assert.match(closed, /^::notice title=stackgate path-outside-project,file=docker-compose\.yml,line=9,/m);
    assert.doesNotMatch(closed, /file=\.\.\/shared\/default\.conf/);
    // With it, the outside config is read and analysed at its own lines.
    const open = run({ 'allow-paths': `${outside}\n` });
    assert.doesNotMatch(open, /path-outside-project/);
    assert.match(open, /file=\.\.\/shared\/default\.conf,line=\d+/);
    // A config outside the project turns the note off; `none` reads no config at all.
    assert.doesNotMatch(run({ config: path.join(dir, 'base.yaml') }), /path-outside-project/);
    writeFileSync(path.join(project, '.stackgate.yaml'), 'rules:\n  path-outside-project: off\n');
    assert.match(run({ config: 'none' }), /title=stackgate path-outside-project/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
