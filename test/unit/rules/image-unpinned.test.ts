import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';

const RULE = 'image-unpinned';

test('an untagged image and a latest tag are notes at the image value', async () => {
  const compose =
    'services:\n  web:\n    image: nginx\n  speedtest:\n    image: ghcr.io/librespeed/speedtest:latest\n  db:\n    image: postgres:16.4\n';
  const found = await ruleFindings(RULE, { 'compose.yaml': compose });
  assert.equal(found.length, 2);
  const [web, st] = found;
  assert.equal(web!.severity, 'note');
  assert.equal(web!.pos.line, 3);
  assert.equal(web!.service, 'web');
  assert.match(web!.message, /no tag, so :latest/);
  assert.match(web!.fix.description, /image: nginx:<version>/);
  assert.equal(st!.pos.line, 5);
  assert.match(st!.message, /80 to 8080 in 5\.5\.0/);
});

test('tags, digests and built images are fine', async () => {
  const compose =
    'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' +
    '  c:\n    build: .\n    image: myapp\n  d:\n    build: .\n';
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': compose, Dockerfile: 'FROM scratch\n' }), []);
});

test('the LibreSpeed port remark is only for the images whose port changed', async () => {
  const [f] = await ruleFindings(RULE, {
    'compose.yaml': 'services:\n  st:\n    image: adolfintel/speedtest\n',
  });
  assert.ok(f);
  assert.doesNotMatch(f.message, /8080/);
});
