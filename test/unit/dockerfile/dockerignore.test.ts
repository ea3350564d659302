// Docker's .dockerignore matching, as the project view relies on it; test/e2e/dockerignore-build.test.ts
// checks the same table against a real docker build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerignoreCandidates, parseDockerignore } from '../../../src/dockerfile/dockerignore.js';
import { IGNORE, TABLE } from './dockerignore-table.js';

test('.dockerignore patterns exclude as docker build does', () => {
  const ignore = parseDockerignore('/ctx/.dockerignore', IGNORE);
  assert.equal(ignore.file, '/ctx/.dockerignore');
  for (const [p, excluded, why] of TABLE) assert.equal(ignore.excludes(p), excluded, `${p}: ${why}`);
  // The root itself is never excluded, even by `*`.
  assert.equal(parseDockerignore('x', '*\n').excludes(''), false);
  assert.equal(parseDockerignore('x', '*\n').excludes('any'), true);
  // CRLF files behave as LF ones.
  assert.equal(parseDockerignore('x', 'a.conf\r\nb.conf\r\n').excludes('a.conf'), true);
});

test('<Dockerfile>.dockerignore beside the Dockerfile comes before the context root .dockerignore', () => {
  assert.deepEqual(dockerignoreCandidates('/p/docker/proxy.Dockerfile', '/p'), [
    '/p/docker/proxy.Dockerfile.dockerignore',
    '/p/.dockerignore',
  ]);
});
