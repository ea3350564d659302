import assert from 'node:assert/strict';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import {
  assertNoStack,
  bytesOf,
  checksums,
  modeOf,
  PROXY_CONF,
  runCli,
  withRootAndOutside,
} from './fix-helpers.js';

// issue 6: --fix wrote outside the project (through an absolute bind source, through a compose file
// that is a symlink to elsewhere) and, on a read-only file, crashed after writing the other file.
// Every target must be a writable regular file inside the root before any is written.

const composeWith = (mountSource: string) =>
  `version: "3.8"\nservices:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ${mountSource}:/etc/nginx/conf.d/default.conf:ro\n  app:\n    image: app:1\n`;

test('an absolute bind source outside the root is never written, and nothing else is either', async () => {
  await withRootAndOutside({}, { 'proxy.conf': PROXY_CONF }, async (root, outside) => {
    const compose = composeWith(path.join(outside, 'proxy.conf'));
    writeFileSync(path.join(root, 'compose.yaml'), compose);
    const { code, stdout, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
    assertNoStack(stderr);
    if (code === 2) {
      // The fix planned an edit there: it is refused, and the inside file is not half fixed.
      assert.match(stderr, /--fix wrote nothing/);
      assert.match(stderr, /proxy\.conf: it is outside the project root/);
      assert.equal(readFileSync(path.join(root, 'compose.yaml'), 'utf8'), compose);
    } else {
      // A project boundary that does not read the outside file leaves nothing to fix there.
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stdout, /proxy-headers-missing/);
      assert.equal(parse(readFileSync(path.join(root, 'compose.yaml'), 'utf8')).version, undefined);
    }
  });
});

test('a compose file that is a symlink to a file outside the root is never written', async () => {
  await withRootAndOutside(
    { 'default.conf': PROXY_CONF },
    { 'compose.yaml': composeWith('./default.conf') },
    async (root, outside) => {
      symlinkSync(path.join(outside, 'compose.yaml'), path.join(root, 'compose.yaml'));
      const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
      assertNoStack(stderr);
      assert.equal(code, 2, stderr);
      assert.match(stderr, /compose\.yaml/);
      assert.equal(readFileSync(path.join(root, 'default.conf'), 'utf8'), PROXY_CONF, 'nothing written');
    },
  );
});

test('--compose naming a file outside the root: the fix is refused, nothing is written', async () => {
  await withRootAndOutside(
    { 'default.conf': PROXY_CONF },
    { 'compose.yaml': composeWith('../project/default.conf') },
    async (root) => {
      const { code, stderr } = await runCli(
        ['validate', '--fix', '--fail-on', 'never', '--compose', '../outside/compose.yaml'],
        root,
      );
      assertNoStack(stderr);
      assert.equal(code, 2, stderr);
      assert.equal(readFileSync(path.join(root, 'default.conf'), 'utf8'), PROXY_CONF, 'nothing written');
    },
  );
});

test('a read-only target: exit 2 with a clear message, no stack trace, and no file written', async () => {
  const compose = composeWith('./default.conf');
  await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': PROXY_CONF }, {}, async (root) => {
    chmodSync(path.join(root, 'default.conf'), 0o444);
    const before = checksums(root);
    const { code, stderr } = await runCli(['validate', '--fix'], root);
    assertNoStack(stderr);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /--fix wrote nothing/);
    assert.match(stderr, /default\.conf: it is read-only/);
    assert.deepEqual(checksums(root), before, 'not one file of the project changed');
    // The dry run says the same, before anything is attempted.
    const dry = await runCli(['validate', '--fix-dry-run'], root);
    assert.match(dry.stderr, /not fixed: default\.conf: it is read-only/);
    assert.match(dry.stderr, /--fix would write nothing/);
  });
});

test('a fix through a symlink inside the root writes its target, keeps the link and the mode', async () => {
  const compose = composeWith('./default.conf');
  await withRootAndOutside(
    { 'stack/compose.yaml': compose, 'default.conf': PROXY_CONF },
    {},
    async (root) => {
      symlinkSync('stack/compose.yaml', path.join(root, 'compose.yaml'));
      chmodSync(path.join(root, 'stack/compose.yaml'), 0o640);
      chmodSync(path.join(root, 'default.conf'), 0o600);
      // Root fixing another user's checkout keeps the owner (as any user, the owner is the writer).
      const asRoot = process.getuid?.() === 0;
      if (asRoot) chownSync(path.join(root, 'default.conf'), 1234, 1234);
      const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
      assertNoStack(stderr);
      assert.equal(code, 0, stderr);
      assert.ok(lstatSync(path.join(root, 'compose.yaml')).isSymbolicLink(), 'the link is still a link');
      const doc = parse(bytesOf(path.join(root, 'stack/compose.yaml')).toString('utf8'));
      assert.equal(doc.version, undefined);
      assert.deepEqual(doc.services.nginx.depends_on, ['app']);
      assert.equal(modeOf(path.join(root, 'stack/compose.yaml')), 0o640);
      assert.equal(modeOf(path.join(root, 'default.conf')), 0o600);
      if (asRoot) assert.equal(statSync(path.join(root, 'default.conf')).uid, 1234);
      assert.match(readFileSync(path.join(root, 'default.conf'), 'utf8'), /proxy_set_header Host/);
      assert.deepEqual(
        Object.keys(checksums(root)).filter((f) => f.includes('stackgate-fix')),
        [],
        'no temporary file is left',
      );
    },
  );
});

test('a directory symlink that leaves the root: its files are outside, never written', async () => {
  await withRootAndOutside(
    { 'compose.yaml': composeWith('./conf/default.conf') },
    { 'conf/default.conf': PROXY_CONF },
    async (root, outside) => {
      symlinkSync(path.join(outside, 'conf'), path.join(root, 'conf'));
      const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
      assertNoStack(stderr);
      if (code === 2) assert.match(stderr, /conf\/default\.conf: it is outside the project root/);
      else assert.equal(code, 0, stderr);
    },
  );
});

test('a hard link to a file outside the root: the rename replaces the link, the outside file keeps its bytes', async () => {
  await withRootAndOutside(
    { 'default.conf': PROXY_CONF },
    { 'shared.yaml': composeWith('./default.conf') },
    async (root, outside) => {
      linkSync(path.join(outside, 'shared.yaml'), path.join(root, 'compose.yaml'));
      const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
      assertNoStack(stderr);
      assert.equal(code, 0, stderr);
      assert.equal(
        parse(readFileSync(path.join(root, 'compose.yaml'), 'utf8')).version,
        undefined,
        'fixed inside',
      );
    },
  );
});

test('a fix --fix cannot write exactly is declined with a note, and nothing is written', async () => {
  const compose =
    'x-proxy: &proxy\n  image: nginx:1.27\n  volumes:\n    - ./default.conf:/etc/nginx/conf.d/default.conf:ro\nservices:\n  nginx: *proxy\n  app:\n    image: app:1\n';
  await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': PROXY_CONF }, {}, async (root) => {
    const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
    assertNoStack(stderr);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /not fixed automatically \(upstream-start-order\): services\.nginx is an alias/);
    assert.equal(readFileSync(path.join(root, 'compose.yaml'), 'utf8'), compose);
  });
});

test('names from the project in --fix notes cannot start a line of their own', async () => {
  const compose =
    'x-proxy: &proxy\n  image: nginx:1.27\n  volumes:\n    - ./default.conf:/etc/nginx/conf.d/default.conf:ro\nservices:\n  "nginx\\n::error ::pwned\\r\\n::add-mask::x":\n    *proxy\n  app:\n    image: app:1\n';
  await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': PROXY_CONF }, {}, async (root) => {
    const { stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
    assertNoStack(stderr);
    assert.match(
      stderr,
      /not fixed automatically \(upstream-start-order\): services\.nginx\\n::error ::pwned\\r\\n::add-mask::x is an alias/,
    );
    assert.doesNotMatch(stderr, /^::/m);
  });
});
