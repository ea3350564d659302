// validateProjects: the one multi-project loop under the CLI and the action.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ACTION_INPUT_NAMES } from '../../src/inputs.js';
import { validateProjects } from '../../src/validate-projects.js';

let base: string;
const dir = (name: string) => path.join(base, name);
const shared = { files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };

before(() => {
  base = mkdtempSync(path.join(tmpdir(), 'sg-dedupe-projects-'));
  // `a` pins nothing (image-unpinned, a note) and turns that rule up in its own config; `b` pins its image.
  mkdirSync(dir('a'));
  writeFileSync(path.join(dir('a'), 'compose.yaml'), 'services:\n  web:\n    image: example/web\n');
  writeFileSync(path.join(dir('a'), '.stackgate.yaml'), 'rules:\n  image-unpinned: warning\n');
  mkdirSync(dir('b'));
  writeFileSync(path.join(dir('b'), 'compose.yaml'), 'services:\n  web:\n    image: example/web\n');
});
after(() => rmSync(base, { recursive: true, force: true }));

const unpinned = (findings: readonly { rule: string; severity: string }[]) =>
  findings.filter((f) => f.rule === 'image-unpinned').map((f) => f.severity);

test('each project in the order given, with its own config; the run holds all their findings', async () => {
  const { projects, findings } = await validateProjects({ ...shared, dirs: [dir('b'), dir('a')], base });
  assert.deepEqual(
    projects.map((p) => p.cwd),
    [dir('b'), dir('a')],
  );
  // Both were loaded: each has its unpinned image, at the severity its own config gives.
  assert.deepEqual(unpinned(projects[0]!.findings), ['note']);
  assert.deepEqual(unpinned(projects[1]!.findings), ['warning']);
  assert.deepEqual(findings, [...projects[0]!.findings, ...projects[1]!.findings]);
  assert.ok(projects[1]!.sources.has(path.join(dir('a'), 'compose.yaml')));
  assert.equal(projects[1]!.view.cwd, dir('a'));
});

test("the caller's severities win over each project's config; config none reads no file", async () => {
  const flags = await validateProjects({
    ...shared,
    dirs: [dir('a'), dir('b')],
    base,
    severities: { 'image-unpinned': 'error' },
  });
  assert.deepEqual(
    flags.projects.map((p) => unpinned(p.findings)),
    [['error'], ['error']],
  );
  const none = await validateProjects({ ...shared, dirs: [dir('a')], base, config: 'none' });
  assert.deepEqual(unpinned(none.findings), ['note']);
});

test("a missing config is named in the caller's words, and by project when there are several", async () => {
  await assert.rejects(
    validateProjects({ ...shared, dirs: [dir('a')], base, config: 'nope.yaml' }),
    /^InputError: --config nope\.yaml: no such file/,
  );
  await assert.rejects(
    validateProjects({
      ...shared,
      dirs: [dir('a'), dir('b')],
      base,
      config: 'nope.yaml',
      inputNames: ACTION_INPUT_NAMES,
    }),
    (error: Error) => {
      assert.equal(error.message.split(' (relative to')[0], 'project a: config nope.yaml: no such file');
      return true;
    },
  );
});
