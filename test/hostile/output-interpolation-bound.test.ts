// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, withHostileProject } from './output-helpers.js';

/** `.env` lines where each value doubles the previous one: A0 = 2 chars, An = 2^(n+1) chars. */
function doubling(levels: number): string {
  const lines = ['A0=xx'];
  for (let i = 1; i <= levels; i++) lines.push(`A${i}=\${A${i - 1}}\${A${i - 1}}`);
  return `${lines.join('\n')}\n`;
}

// A heap far below what an unbounded expansion needs (2^41 characters at 40 levels): without the
// bound the run dies of out-of-memory instead of answering.
function run(args: string[], cwd: string) {
  return spawnSync(process.execPath, ['--max-old-space-size=256', '--', CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
  });
}

test('.env values that double each other 40 times: a user error naming the file and line', () => {
  withHostileProject(
    { '.env': doubling(40), 'compose.yaml': 'services:\n  web:\n    image: "nginx:${A40}"\n' },
    (dir) => {
      const r = run(['validate'], dir);
      assert.equal(r.status, 2, r.stderr);
      // A20 is the first value over 2^20 characters; it is on line 21.
      assert.match(r.stderr, /^stackgate: \S+\/\.env:21: the value expands to more than 1048576 characters/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    },
  );
});

test('a compose value over the per-value bound is a compose-interpolation finding at its line', () => {
  withHostileProject(
    {
      '.env': doubling(18),
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    command: "${A18}${A18}${A18}"\n',
    },
    (dir) => {
      const r = run(['validate', '--format', 'json'], dir);
      assert.equal(r.status, 1, r.stderr);
      const found = JSON.parse(r.stdout).findings.filter(
        (f: { rule: string }) => f.rule === 'compose-interpolation',
      );
      assert.equal(found.length, 1, r.stdout.slice(0, 2000));
      assert.equal(found[0].line, 4);
      assert.match(found[0].message, /command: the value expands to more than 1048576 characters/);
    },
  );
});

test('many values under the per-value bound: the per-run bound stops them', () => {
  // 2^19 characters each, 70 times: 36 Mi characters, over the 32 Mi run bound.
  const services = Array.from(
    { length: 70 },
    (_, i) => `  s${i}:\n    image: nginx:1.27\n    command: "\${A18}"\n`,
  );
  withHostileProject({ '.env': doubling(18), 'compose.yaml': `services:\n${services.join('')}` }, (dir) => {
    const r = run(['validate', '--format', 'json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const found = JSON.parse(r.stdout).findings.filter(
      (f: { rule: string }) => f.rule === 'compose-interpolation',
    );
    assert.ok(found.length > 0 && found.length < 70, String(found.length));
    assert.match(found[0].message, /expands to more than 33554432 characters in all/);
  });
});
