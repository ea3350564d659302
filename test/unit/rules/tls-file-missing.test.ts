import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';
import { seedFiles } from './fix-roundtrip.js';

const RULE = 'tls-file-missing';
const compose = (extraVolumes = '') =>
  `services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n${extraVolumes}`;
const TLS =
  'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/cert/fullchain.crt;\n    ssl_certificate_key cert/privkey.key;\n}\n';

test("an unmounted certificate and key: nginx's BIO_new_file wording, relative paths under /etc/nginx", async () => {
  const found = await ruleFindings(RULE, { 'compose.yaml': compose(), 'default.conf': TLS });
  assert.equal(found.length, 2);
  const [cert, key] = found;
  assert.equal(cert!.severity, 'error');
  assert.equal(cert!.pos.line, 3);
  assert.equal(cert!.pos.column, 21);
  assert.match(
    cert!.message,
    /cannot load certificate "\/etc\/nginx\/cert\/fullchain\.crt": BIO_new_file\(\) failed \(.*No such file or directory\)/,
  );
  assert.match(key!.message, /cannot load certificate key "\/etc\/nginx\/cert\/privkey\.key"/);
  assert.match(cert!.fix.description, /- \.\/fullchain\.crt:\/etc\/nginx\/cert\/fullchain\.crt:ro/);
});

test('a missing htpasswd file fails at request time, and says so', async () => {
  const conf =
    'server {\n    listen 80;\n    auth_basic "x";\n    auth_basic_user_file /etc/nginx/.htpasswd;\n}\n';
  const [f] = await ruleFindings(RULE, { 'compose.yaml': compose(), 'default.conf': conf });
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /nginx starts, but every request .* 500/);
  assert.match(f.message, /open\(\) "\/etc\/nginx\/\.htpasswd" failed \(2: No such file or directory\)/);
});

test('mounted files, data: values, variables and named volumes give no finding', async () => {
  const mounted = await ruleFindings(RULE, {
    'compose.yaml': compose('      - ./cert:/etc/nginx/cert:ro\n'),
    'default.conf': TLS,
    'cert/fullchain.crt': 'x',
    'cert/privkey.key': 'x',
  });
  assert.deepEqual(mounted, []);
  const conf =
    'server {\n    listen 443 ssl;\n    ssl_certificate data:$cert_pem;\n    ssl_certificate_key /etc/nginx/certs/$ssl_server_name.key;\n' +
    '    ssl_trusted_certificate /etc/letsencrypt/live/x/chain.pem;\n}\n';
  const volume = `${compose('      - certs:/etc/letsencrypt\n')}volumes:\n  certs: {}\n`;
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': volume, 'default.conf': conf }), []);
});

test("the seed's certificate and key are mounted nowhere", async () => {
  const found = await ruleFindings(RULE, seedFiles());
  assert.deepEqual(
    found.map((f) => [f.pos.file, f.pos.line]),
    [
      ['default.conf', 11],
      ['default.conf', 12],
    ],
  );
  assert.match(found[0]!.message, /cannot load certificate "\/etc\/nginx\/cert\/fullchain\.crt"/);
});

test("a certificate path where compose would create a directory: nginx's PEM_read_bio wording", async () => {
  const found = await ruleFindings(RULE, {
    'compose.yaml': compose(
      '      - ./cert/fullchain.crt:/etc/nginx/cert/fullchain.crt:ro\n      - ./cert/privkey.key:/etc/nginx/cert/privkey.key:ro\n',
    ),
    'default.conf': TLS,
  });
  assert.equal(found.length, 2);
  const [cert, key] = found;
  assert.match(
    cert!.message,
    /\[emerg\] cannot load certificate "\/etc\/nginx\/cert\/fullchain\.crt": PEM_read_bio_X509_AUX\(\) failed \(SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE\)/,
  );
  assert.match(cert!.message, /is a directory/);
  assert.match(key!.message, /PEM_read_bio_PrivateKey\(\) failed/);
  // A missing source under a mounted folder is a missing file, not a directory.
  const [inFolder] = await ruleFindings(RULE, {
    'compose.yaml': compose('      - ./cert:/etc/nginx/cert:ro\n'),
    'default.conf': TLS,
  });
  assert.match(inFolder!.message, /BIO_new_file\(\) failed/);
});

test('validate --tls auto: a pair up will generate on a bind mount is a note naming the host path', async () => {
  const files = { 'compose.yaml': compose('      - ./cert:/etc/nginx/cert:ro\n'), 'default.conf': TLS };
  // Without the option the same project is two errors: the input was loaded and the files are missing.
  const plain = await ruleFindings(RULE, files);
  assert.deepEqual(
    plain.map((f) => f.severity),
    ['error', 'error'],
  );
  const found = await ruleFindings(RULE, files, { tlsGenerated: 'auto' });
  assert.deepEqual(
    found.map((f) => [f.severity, f.pos.line]),
    [
      ['note', 3],
      ['note', 4],
    ],
  );
  assert.match(
    found[0]!.message,
    /^\/etc\/nginx\/cert\/fullchain\.crt is not there yet \(ssl_certificate in \/etc\/nginx\/conf\.d\/default\.conf:3\); up --tls auto will generate a self-signed pair at cert\/fullchain\.crt before nginx starts$/,
  );
});

test('validate --tls auto still errs where up would not generate: no bind mount, or one file of the pair present', async () => {
  // No mount covers /etc/nginx/cert: up cannot write there, so nginx would exit.
  const unmounted = await ruleFindings(
    RULE,
    { 'compose.yaml': compose(), 'default.conf': TLS },
    {
      tlsGenerated: 'auto',
    },
  );
  assert.deepEqual(
    unmounted.map((f) => f.severity),
    ['error', 'error'],
  );
  // The certificate is there, its key is not: up refuses to pair up an existing file.
  const half = await ruleFindings(
    RULE,
    {
      'compose.yaml': compose('      - ./cert:/etc/nginx/cert:ro\n'),
      'default.conf': TLS,
      'cert/fullchain.crt': 'x',
    },
    { tlsGenerated: 'auto' },
  );
  assert.deepEqual(
    half.map((f) => [f.severity, f.pos.line]),
    [['error', 4]],
  );
});
