import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { assertNoStack, bytesOf, PROXY_CONF, runCli, withRootAndOutside } from './fix-helpers.js';

// issue 6: --fix turned a Latin-1 byte in a comment into U+FFFD. Bytes outside the edited spans must
// stay as they were, whatever the encoding: here every byte before and after the one edit is compared.

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** Asserts `after` is `before` with [start, end) replaced by ASCII, and returns the inserted text. */
function oneSpliceOf(before: Buffer, after: Buffer): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let tail = 0;
  while (
    tail < before.length - start &&
    tail < after.length - start &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const inserted = after.subarray(start, after.length - tail);
  assert.ok(
    inserted.every((b) => b < 0x80),
    'only ASCII was inserted',
  );
  return inserted.toString('latin1');
}

test('a Latin-1 comment keeps its byte: the compose file is edited as bytes', async () => {
  const compose = latin1(
    "# caf\xe9 cr\xe8me: configuration of the r\xe9seau\nservices:\n  nginx: # le proxy \xe0 l'entr\xe9e\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n  app:\n    image: app:1 # \xa9 2024\n",
  );
  await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': PROXY_CONF }, {}, async (root) => {
    const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
    assertNoStack(stderr);
    assert.equal(code, 0, stderr);
    const after = bytesOf(path.join(root, 'compose.yaml'));
    assert.equal(after.indexOf(Buffer.from('\uFFFD', 'utf8')), -1, 'no U+FFFD written');
    const inserted = oneSpliceOf(compose, after);
    assert.match(inserted, /depends_on:\s+- app/);
    assert.deepEqual(parse(after.toString('latin1')).services.nginx.depends_on, ['app']);
  });
});

test('a BOM and CRLF line endings are kept, and the inserted lines use CRLF', async () => {
  const compose = Buffer.from(
    '\uFEFFversion: "3.8"\r\n\r\nservices:\r\n  nginx:\r\n    image: nginx:1.27\r\n    volumes:\r\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\r\n  app:\r\n    image: app:1 # caf\u00e9\r\n',
    'utf8',
  );
  await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': PROXY_CONF }, {}, async (root) => {
    const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
    assertNoStack(stderr);
    assert.equal(code, 0, stderr);
    const after = bytesOf(path.join(root, 'compose.yaml'));
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM stays');
    const text = after.toString('utf8');
    assert.doesNotMatch(text, /version/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'every line ends in CRLF');
    assert.match(text, /\r\n {4}depends_on:\r\n {6}- app\r\n/);
    assert.match(text, /caf\u00e9\r\n/);
  });
});

test('an nginx fix in a file that is not UTF-8 keeps its Latin-1 bytes', async () => {
  const conf = latin1(
    `# r\xe9glages du proxy \xe0 l'entr\xe9e\n${PROXY_CONF.replace('listen 80;', 'listen 80; # caf\xe9')}`,
  );
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    depends_on: [app]\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n  app:\n    image: app:1\n';
  await withRootAndOutside({ 'compose.yaml': compose, 'default.conf': conf }, {}, async (root) => {
    const plain = await runCli(['validate', '--format', 'json', '--fail-on', 'never'], root);
    assert.ok(
      JSON.parse(plain.stdout).findings.some((f: { rule: string }) => f.rule === 'proxy-headers-missing'),
      'the finding with a fix is there',
    );
    const { code, stderr } = await runCli(['validate', '--fix', '--fail-on', 'never'], root);
    assertNoStack(stderr);
    assert.equal(code, 0);
    const after = bytesOf(path.join(root, 'default.conf'));
    assert.match(oneSpliceOf(conf, after), /proxy_set_header Host \$host;/);
    assert.equal(readFileSync(path.join(root, 'compose.yaml'), 'utf8'), compose, 'nothing to fix there');
  });
});
