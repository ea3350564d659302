import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCliProcess, withHostileProject } from './output-helpers.js';

const files = {
  'compose.yaml': 'services:\n  web:\n    image: nginx\n',
  // What a pull request can add to silence the check.
  '.stackgate.yaml': 'rules:\n  image-unpinned: off\n',
};

const rules = (stdout: string) => JSON.parse(stdout).findings as { rule: string; severity: string }[];

test("--config none and --config FILE take severities away from the pull request's .stackgate.yaml", () => {
  withHostileProject(files, (dir) => {
    const own = runCliProcess(['validate', '--format', 'json'], dir);
    assert.equal(own.code, 0, own.stderr);
    assert.deepEqual(
      rules(own.stdout).filter((f) => f.rule === 'image-unpinned'),
      [],
    );

    const none = runCliProcess(['validate', '--format', 'json', '--config', 'none'], dir);
    assert.deepEqual(
      rules(none.stdout)
        .filter((f) => f.rule === 'image-unpinned')
        .map((f) => f.severity),
      ['note'],
    );

    // The base branch's copy, checked out beside the PR's files.
    mkdirSync(path.join(dir, 'base'));
    const base = path.join(dir, 'base', '.stackgate.yaml');
    writeFileSync(base, 'rules:\n  image-unpinned: error\n');
    const fromBase = runCliProcess(['validate', '--format', 'json', '--config', base], dir);
    assert.equal(fromBase.code, 1);
    assert.deepEqual(
      rules(fromBase.stdout)
        .filter((f) => f.rule === 'image-unpinned')
        .map((f) => f.severity),
      ['error'],
    );
    // --severity still wins over any config.
    const flag = runCliProcess(
      ['validate', '--format', 'json', '--config', base, '--severity', 'image-unpinned=warning'],
      dir,
    );
    assert.deepEqual(
      rules(flag.stdout)
        .filter((f) => f.rule === 'image-unpinned')
        .map((f) => f.severity),
      ['warning'],
    );

    const missing = runCliProcess(['validate', '--config', 'nope.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^stackgate: --config nope\.yaml: no such file/);
  });
});
