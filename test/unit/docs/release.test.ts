import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  bundledPackageDirs,
  packageDirOf,
  readPackage,
  renderLicenses,
} from '../../../scripts/third-party-licenses.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const read = (rel: string) => readFileSync(path.join(REPO, rel), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  steps: Step[];
}

test('release.yml: tags vX.Y.Z, check-dist and make test before the major tag moves, write only there', () => {
  const wf = parse(read('.github/workflows/release.yml')) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    concurrency: { group: string; 'cancel-in-progress': boolean };
    jobs: Record<string, Job>;
  };
  assert.deepEqual(wf.on.push.tags, ['v*.*.*']);
  assert.deepEqual(wf.permissions, {});
  assert.equal(wf.concurrency['cancel-in-progress'], false);
  const jobs = Object.entries(wf.jobs);
  assert.ok(jobs.length >= 2, 'a check job and the tag job');

  const writers = jobs.filter(([, j]) => Object.values(j.permissions ?? {}).includes('write'));
  assert.deepEqual(
    writers.map(([id, j]) => [id, j.permissions]),
    [['move-major-tag', { contents: 'write' }]],
  );
  const tagJob = wf.jobs['move-major-tag']!;
  assert.deepEqual(tagJob.needs, 'check');
  assert.ok(
    !tagJob.steps.some((s) => s.uses?.startsWith('actions/checkout')),
    'the writer checks nothing out',
  );

  const checkRuns = wf.jobs.check!.steps.map((s) => s.run ?? '').join('\n');
  assert.match(checkRuns, /make check-dist/);
  assert.match(checkRuns, /\.ci\/run/);
  assert.match(checkRuns, /CHANGELOG\.md/);

  for (const [id, job] of jobs) {
    assert.ok((job['timeout-minutes'] ?? 0) > 0, `${id}: timeout-minutes`);
    for (const step of job.steps) {
      assert.ok(!/\$\{\{/.test(step.run ?? ''), `${id}: no \${{ }} inside run:`);
      if (step.uses) {
        assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40} *$/, `${id}: ${step.uses} pinned by SHA`);
        if (step.uses.startsWith('actions/checkout')) assert.equal(step.with?.['persist-credentials'], false);
      }
    }
  }
});

test('CHANGELOG.md is keep-a-changelog with an Unreleased section the release check can find', () => {
  const text = read('CHANGELOG.md');
  assert.match(text, /^# Changelog\n/);
  assert.match(text, /^## \[Unreleased\]$/m);
  assert.match(text, /^### Added$/m);
  // The release job greps for "## [X.Y.Z]"; every released section must have that shape and a date.
  for (const m of text.matchAll(/^## \[(?!Unreleased)([^\]]+)\](.*)$/gm)) {
    assert.match(m[1]!, /^\d+\.\d+\.\d+$/, `version ${m[1]}`);
    assert.match(m[2]!, /^ - \d{4}-\d{2}-\d{2}$/, `date of ${m[1]}`);
  }
});

test('every dist bundle ships the licences of the packages it bundles, @actions/* included', () => {
  const expected: Record<string, string[]> = {
    cli: ['yaml', 'ajv', 'diff'],
    validate: ['@actions/core', 'yaml', 'diff'],
    'stack-main': ['@actions/core'],
    'stack-post': ['@actions/core'],
    // ncc's own --license left these out of the aws bundle (concatenated into the entry's module).
    aws: ['@actions/core', '@actions/http-client', 'undici', '@aws-sdk/client-ec2'],
  };
  for (const [entry, packages] of Object.entries(expected)) {
    const file = path.join('dist', entry, 'licenses.txt');
    assert.ok(existsSync(path.join(REPO, file)), `${file} exists (scripts/bundle.sh)`);
    const lines = new Set(read(file).split('\n'));
    for (const pkg of packages) {
      const { version } = JSON.parse(read(`node_modules/${pkg}/package.json`)) as { version: string };
      assert.ok(lines.has(`${pkg}@${version}`), `${file}: ${pkg}@${version}`);
    }
  }
  assert.match(read('.gitattributes'), /^dist\/\*\* .*linguist-generated=true/m);
});

test('the licence list comes from every module of the build, concatenated ones included', (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'docs-licenses-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const pkg = (rel: string, manifest: object, licence?: string) => {
    const dir = path.join(root, rel);
    mkdirSync(path.join(dir, 'lib'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
    if (licence) writeFileSync(path.join(dir, 'LICENSE'), licence);
    return dir;
  };
  const outer = pkg(
    'node_modules/@scope/outer',
    { name: '@scope/outer', version: '1.0.0', license: 'MIT' },
    'MIT text',
  );
  const inner = pkg('node_modules/@scope/outer/node_modules/inner', {
    name: 'inner',
    version: '2.0.0',
    license: 'ISC',
  });
  const loader = `${root}/node_modules/@vercel/ncc/dist/ncc/loaders/shebang-loader.js!`;
  const stats = {
    modules: [
      { identifier: `${loader}${root}/lib/src/entries/x.js` },
      {
        // A concatenated module: the entry with a package's module scope-hoisted into it.
        identifier: `${loader}${root}/lib/src/entries/y.js|0123abcd`,
        modules: [{ identifier: `${loader}${outer}/lib/index.js` }],
      },
      { identifier: `${loader}${inner}/lib/deep/file.js|ffee` },
    ],
  };
  const dirs = bundledPackageDirs(stats).sort();
  assert.deepEqual(dirs, [outer, inner].sort());
  assert.equal(packageDirOf(`${root}/lib/src/a.js`), undefined);
  assert.equal(
    renderLicenses(dirs.map(readPackage)),
    '@scope/outer@1.0.0\nMIT\nMIT text\n\ninner@2.0.0\nISC\n(The package ships no licence file; its package.json says: ISC.)\n',
  );
});
