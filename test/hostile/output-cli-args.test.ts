// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, runCliProcess, withHostileProject } from './output-helpers.js';

/** Runs the CLI file the way the kernel runs its shebang line (`#!interpreter [one argument]`). */
function runAsBin(args: string[], cwd: string) {
  const shebang = readFileSync(CLI, 'utf8').split('\n')[0]!;
  const [, interpreter, arg] = /^#!(\S+)(?:\s+(.*))?$/.exec(shebang)!;
  return spawnSync(interpreter!, [...(arg ? [arg] : []), CLI, ...args], {
    cwd,
    // `node` on PATH is the one running the tests.
    env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
    encoding: 'utf8',
  });
}

test('dns check: resolver port 0 and blank names are usage errors, not a native abort', () => {
  const cases: [string[], RegExp][] = [
    [['--resolver', '127.0.0.1:0', 'example.com'], /--resolver "127\.0\.0\.1:0": port 0 is out of range/],
    [['--resolver', '[::1]:0', 'example.com'], /--resolver "\[::1\]:0": port 0 is out of range/],
    [['--resolver', '[::1]:65536', 'example.com'], /port 65536 is out of range/],
    [[''], /the NAME is empty/],
    [['  '], /the NAME is empty/],
    [['a b'], /holds spaces or control characters/],
  ];
  for (const [args, message] of cases) {
    const r = runCliProcess(['dns', 'check', ...args], process.cwd());
    assert.equal(r.code, 2, `${JSON.stringify(args)}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
  }
});

const project = {
  'proj/compose.yaml': 'services:\n  web:\n    image: "${IMG}"\n',
  'proj/.env.ci': 'IMG=from-first-env-file\n',
  'proj/.env.second': 'IMG=from-second-env-file\n',
};

test('validate --env-file works in every form a user types', () => {
  withHostileProject(project, (root) => {
    const proj = path.join(root, 'proj');
    const forms: [string, () => ReturnType<typeof runAsBin>, string][] = [
      // The env file exists only relative to -C: Node's own scan would stop here with exit 9.
      [
        'bin, -C then --env-file F',
        () => runAsBin(['validate', '-C', 'proj', '--env-file', '.env.ci'], root),
        'first',
      ],
      ['bin, --env-file=F', () => runAsBin(['validate', '-C', 'proj', '--env-file=.env.ci'], root), 'first'],
      [
        'bin, before the command',
        () => runAsBin(['--env-file', '.env.ci', '-C', 'proj', 'validate'], root),
        'first',
      ],
      ['bin, =form before the command', () => runAsBin(['--env-file=.env.ci', 'validate'], proj), 'first'],
      [
        'bin, repeated (the later file wins)',
        () => runAsBin(['validate', '--env-file', '.env.ci', '--env-file', '.env.second'], proj),
        'second',
      ],
      [
        'node -- FILE',
        () =>
          spawnSync(process.execPath, ['--', CLI, 'validate', '-C', 'proj', '--env-file', '.env.ci'], {
            cwd: root,
            encoding: 'utf8',
          }),
        'first',
      ],
    ];
    for (const [name, run, which] of forms) {
      const r = run();
      assert.equal(r.status, 0, `${name}: exit ${r.status}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`"web" uses from-${which}-env-file`), name);
    }
  });
});

test("a missing --env-file is stackgate's usage error (exit 2), not Node's exit 9", () => {
  withHostileProject(project, (root) => {
    const r = runAsBin(['validate', '-C', 'proj', '--env-file', 'missing.env'], root);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^stackgate: --env-file missing\.env: no such file/);
  });
});
