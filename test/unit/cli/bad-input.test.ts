import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../../src/cli/main.js';

/** Runs `validate --format json` on a project made of `files`; returns the exit code, stderr and findings. */
async function validateProject(files: Record<string, string | Buffer>, extra: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-bad-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    let stdout = '';
    let stderr = '';
    const code = await main(['validate', '--format', 'json', '--fail-on', 'never', ...extra], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      cwd: dir,
      env: {},
    });
    const findings: { rule: string; file: string; line: number; message: string }[] = stdout
      ? JSON.parse(stdout).findings
      : [];
    return { code, stderr, findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const proxy = (conf = 'default.conf') =>
  `services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./${conf}:/etc/nginx/conf.d/default.conf:ro\n`;

/** Either a clear exit 2 naming the file, or findings that all have a file and a line: never a crash. */
function assertHandled(
  r: { code: number; stderr: string; findings: { file: string; line: number }[] },
  file: string,
) {
  assert.ok(r.code === 0 || r.code === 2, `exit ${r.code}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, 'no stack trace');
  if (r.code === 2) assert.match(r.stderr, new RegExp(file.replace('.', '\\.')));
  for (const f of r.findings) {
    assert.ok(f.file.length > 0 && f.line >= 1, `finding has a place: ${JSON.stringify(f)}`);
  }
}

test('an empty compose file is a finding at 1:1', async () => {
  const r = await validateProject({ 'compose.yaml': '' });
  assertHandled(r, 'compose.yaml');
  assert.ok(r.code === 2 || r.findings.some((f) => f.rule === 'compose-invalid' && f.line === 1));
});

test('a binary compose file and a binary nginx file are handled', async () => {
  const bin = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assertHandled(await validateProject({ 'compose.yaml': bin }), 'compose.yaml');
  assertHandled(await validateProject({ 'compose.yaml': proxy(), 'default.conf': bin }), 'default.conf');
});

test('unreadable input (a directory where a file belongs) exits 2 and names it', async () => {
  // Tests run as root, which reads any mode bits; a directory in a file's place cannot be read by anyone.
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-unread-'));
  try {
    mkdirSync(path.join(dir, 'compose.yaml'));
    let stderr = '';
    const code = await main(['validate'], {
      stdout: () => {},
      stderr: (t) => (stderr += t),
      cwd: dir,
      env: {},
    });
    assert.equal(code, 2);
    assert.match(stderr, /compose\.yaml/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const r = await validateProject({ 'compose.yaml': proxy(), 'default.conf': 'server { listen 80; }' }, [
    '--nginx',
    '.',
  ]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--nginx/);
});

test('10,000-deep nesting does not overflow', async () => {
  const deep = `${'location / {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`;
  const r = await validateProject({ 'compose.yaml': proxy(), 'default.conf': `server {\n${deep}}\n` });
  assertHandled(r, 'default.conf');
  const yamlDeep = `services:\n  a:\n    image: x\n    labels: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
  assertHandled(await validateProject({ 'compose.yaml': yamlDeep }), 'compose.yaml');
});

test('include cycles and self-includes are reported, not followed forever', async () => {
  const r = await validateProject({
    'compose.yaml': `${proxy()}      - ./a.inc:/etc/nginx/a.inc:ro\n      - ./b.inc:/etc/nginx/b.inc:ro\n`,
    'default.conf': 'include /etc/nginx/a.inc;\ninclude /etc/nginx/conf.d/default.conf;\n',
    'a.inc': 'include /etc/nginx/b.inc;\n',
    'b.inc': 'include /etc/nginx/a.inc;\n',
  });
  assertHandled(r, 'default.conf');
  assert.ok(
    r.findings.some((f) => f.rule === 'nginx-include-missing' && /cycle|recursive|itself/i.test(f.message)),
  );
});

test('a YAML alias bomb is capped and reported', async () => {
  const bomb = `x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
x-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
x-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
x-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
services:
  a:
    image: x
    labels: *g
`;
  const r = await validateProject({ 'compose.yaml': bomb });
  assertHandled(r, 'compose.yaml');
  assert.ok(r.code === 2 || r.findings.some((f) => f.rule === 'compose-invalid'));
});

test('duplicate keys are a compose-invalid finding at the second key', async () => {
  const r = await validateProject({ 'compose.yaml': 'services:\n  a:\n    image: x\n    image: y\n' });
  assertHandled(r, 'compose.yaml');
  assert.ok(
    r.findings.some((f) => f.rule === 'compose-invalid' && f.line === 4),
    JSON.stringify(r.findings),
  );
});

test('CRLF, BOM and non-UTF-8 bytes keep correct lines', async () => {
  const crlf = proxy().replace(/\n/g, '\r\n');
  const conf =
    '\uFEFFserver {\r\n    listen 80;\r\n    location / {\r\n        proxy_pass http://ghost:80;\r\n    }\r\n}\r\n';
  const r = await validateProject({ 'compose.yaml': `\uFEFF${crlf}`, 'default.conf': conf });
  assertHandled(r, 'default.conf');
  const hit = r.findings.find((f) => f.rule === 'upstream-unresolvable');
  assert.equal(hit?.line, 4);
  const latin1 = Buffer.concat([
    Buffer.from('server {\n    server_name caf'),
    Buffer.from([0xe9]),
    Buffer.from(';\n    listen 80\n}\n'),
  ]);
  const r2 = await validateProject({ 'compose.yaml': proxy(), 'default.conf': latin1 });
  assertHandled(r2, 'default.conf');
  assert.ok(r2.findings.some((f) => f.rule === 'nginx-syntax' && f.file === 'default.conf'));
});

test('a 50 MB nginx file is refused with a finding that names it, not a crash or a hang', async () => {
  const line = 'location /x { return 200; }\n';
  const big = `server {\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}}\n`;
  const r = await validateProject({ 'compose.yaml': proxy(), 'default.conf': big });
  assertHandled(r, 'default.conf');
  assert.ok(
    r.findings.some((f) => f.file === 'default.conf' && /too large/.test(f.message)),
    JSON.stringify(r.findings.map((f) => f.message)),
  );
});
