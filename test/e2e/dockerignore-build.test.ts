// The project view's COPY overlay against a real `docker build`: the files the view says a build puts into the
// image are exactly those a tiny image built from the local nginx image holds, with a .dockerignore that
// uses `**`, `!` exceptions, a leading `/`, comments and directory patterns.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { docker, NGINX_IMAGE, requireImages } from '../platform/docker.js';
import { IGNORE, TABLE } from '../unit/dockerfile/dockerignore-table.js';
import { validateDir, withProject } from '../unit/helpers/project.js';

test('the files the view puts into a built image are those docker build puts there', async () => {
  await requireImages([NGINX_IMAGE]);
  const image = `stackgate-dockerignore:${process.pid}-${randomBytes(3).toString('hex')}`;
  const files = {
    'compose.yaml': 'services:\n  web:\n    build: .\n',
    Dockerfile: `FROM ${NGINX_IMAGE}\nCOPY . /ctx/\n`,
    '.dockerignore': IGNORE,
    ...Object.fromEntries(TABLE.map(([rel]) => [rel, `${rel}\n`])),
  };
  try {
    await withProject(files, async (dir) => {
      // The table's .conf files are context files, not nginx configs: no proxy loads them.
      const { view } = (await validateDir(dir, files, {}, { check: false })).result;
      const modelled = [...(view.builds.get('web')?.files.keys() ?? [])]
        .filter((p) => p.startsWith('/ctx/'))
        .sort();

      // Without buildx, docker build is the legacy builder, which skips a few files BuildKit walks to (the table
      // names them): the view models BuildKit, the default builder, and the legacy one is held to its own column.
      const buildkit = (await docker(['buildx', 'version'])).exitCode === 0;
      const build = await docker(['build', '-q', '-t', image, dir]);
      assert.equal(build.exitCode, 0, build.stderr);
      const listed = await docker([
        'run',
        '--rm',
        '--network',
        'none',
        '--entrypoint',
        'find',
        image,
        '/ctx',
        '-type',
        'f',
      ]);
      assert.equal(listed.exitCode, 0, listed.stderr);
      const built = listed.stdout.split('\n').filter(Boolean).sort();

      const excludedHere = (excluded: boolean, legacy?: boolean) =>
        !buildkit && legacy !== undefined ? legacy : excluded;
      const kept = TABLE.filter(([, excluded, , legacy]) => !excludedHere(excluded, legacy)).map(
        ([rel]) => `/ctx/${rel}`,
      );
      const ours = ['/ctx/.dockerignore', '/ctx/Dockerfile', '/ctx/compose.yaml'];
      // The build ran and kept what it should; the excluded files are missing.
      assert.deepEqual(built, [...kept, ...ours].sort());
      // The view read the context (it holds the kept files) and puts exactly the image's files there, but for
      // the legacy builder's own misses.
      const legacyMisses = buildkit
        ? []
        : TABLE.filter(([, excluded, , legacy]) => !excluded && legacy === true).map(
            ([rel]) => `/ctx/${rel}`,
          );
      assert.deepEqual(modelled, [...built, ...legacyMisses].sort());
    });
  } finally {
    await docker(['rmi', '-f', image]);
  }
});
