import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  commandLines,
  FORMATS,
  injectionProblems,
  runCliProcess,
  withHostileProject,
} from './output-helpers.js';

// Each would be a workflow command, a terminal escape or a visual reordering if printed raw.
const HOSTILE = [
  'x\n::error::pwned',
  '\r\n::add-mask::leak',
  'a\x1b[31mred\x1b[0m',
  '##[error]legacy',
  '::warning::start',
  'rtl\u202eevil',
  'nul\x00byte',
  'del\x7fx',
  'nel\x85x',
  'ls\u2028x',
  '\u00a0::notice::nbsp',
];

function hostileProject(): Record<string, string> {
  const services = HOSTILE.map(
    (h) => `  ${JSON.stringify(h)}:\n    image: ${JSON.stringify(`img${h}`)}\n`,
  ).join('');
  // nginx quoted strings keep newlines and control bytes as they are; a NUL makes the whole file
  // binary (one nginx-syntax finding), so it stays out of the config.
  const upstreams = HOSTILE.filter((h) => !h.includes('\x00'))
    .map((h, i) => `    location /h${i} { proxy_pass "http://${h.replace(/["\\]/g, '\\$&')}:8080"; }\n`)
    .join('');
  return {
    'compose.yaml': `services:\n  proxy:\n    image: nginx:1.27\n    ports: ["443:443"]\n    volumes: ["./default.conf:/etc/nginx/conf.d/default.conf:ro"]\n${services}`,
    'default.conf': `server {\n    listen 80;\n${upstreams}}\n`,
  };
}

test('hostile service names, images and upstream hosts inject nothing into any format', () => {
  withHostileProject(hostileProject(), (dir) => {
    const json = runCliProcess(['validate', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(json.code, 0, json.stderr);
    const findings = JSON.parse(json.stdout).findings as { message: string; service?: string }[];
    // The input was loaded: findings quote every hostile name, in escaped form.
    for (const shown of [
      'x\\n::error::pwned',
      'a\\x1b[31mred',
      '##\\x5berror]legacy',
      'rtl\\u{202e}evil',
      'proxies to http://x\\n::error::pwned:8080',
    ]) {
      assert.ok(
        findings.some((f) => f.message.includes(shown)),
        `no finding quotes ${shown}: ${json.stdout.slice(0, 2000)}`,
      );
    }
    for (const format of FORMATS) {
      const r = runCliProcess(['validate', '--format', format, '--fail-on', 'never'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(injectionProblems(r.stdout, format === 'github'), [], `${format} stdout`);
      assert.deepEqual(injectionProblems(r.stderr, false), [], `${format} stderr`);
      if (format === 'github') {
        // Exactly one command per finding: nothing split a message into two lines.
        assert.equal(commandLines(r.stdout).length, findings.length);
        assert.equal(r.stdout.split('\n').filter(Boolean).length, findings.length);
      }
    }
  });
});

test('a compose file whose name starts a workflow command is printed so that it does not', () => {
  const files = {
    '::error::named.yaml': 'services:\n  web:\n    image: nginx\n',
    'x\n::error::newline.yaml': 'services:\n  api:\n    image: busybox\n',
  };
  withHostileProject(files, (dir) => {
    for (const format of FORMATS) {
      const r = runCliProcess(
        [
          'validate',
          '--compose',
          Object.keys(files)[0]!,
          '--compose',
          Object.keys(files)[1]!,
          '--format',
          format,
        ],
        dir,
      );
      assert.equal(r.code, 0, r.stderr);
      // Both files were read: each one's service has its image-unpinned note.
      assert.match(r.stdout, /\\?"web\\?" uses nginx/);
      assert.match(r.stdout, /\\?"api\\?" uses busybox/);
      assert.deepEqual(injectionProblems(r.stdout, format === 'github'), [], `${format}: ${r.stdout}`);
    }
  });
});

test('a user error quoting hostile data is one printable line on stderr', () => {
  withHostileProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1\n' }, (dir) => {
    const r = runCliProcess(['validate', '--proxy-service', 'p\n::error::pwned\x1b[2J'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^stackgate: --proxy-service p\\n::error::pwned\\x1b\[2J: no such service/);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
    assert.deepEqual(injectionProblems(r.stderr, false), []);
  });
});

test('--fix-dry-run in an Actions run wraps the byte-exact diff in stop-commands', () => {
  const compose =
    'version: "3"\nx-note: |\n  ::error::from-diff\n  ##[error]legacy\nservices:\n  web:\n    image: nginx:1.27\n';
  withHostileProject({ 'compose.yaml': compose }, (dir) => {
    const plain = runCliProcess(['validate', '--fix-dry-run'], dir);
    // The diff quotes the project's lines as they are, so it holds would-be commands.
    assert.match(plain.stdout, /^ {3}::error::from-diff$/m);
    const r = runCliProcess(['validate', '--fix-dry-run'], dir, { GITHUB_ACTIONS: 'true' });
    const lines = r.stdout.split('\n');
    const start = /^::stop-commands::(stackgate-[0-9a-f-]{36})$/.exec(lines[0]!);
    assert.ok(start, r.stdout);
    const end = lines.indexOf(`::${start[1]}::`);
    assert.ok(end > 0, r.stdout);
    // Between the two: exactly the plain diff; outside them: no command line.
    assert.equal(`${lines.slice(1, end).join('\n')}\n`, plain.stdout);
    assert.deepEqual(commandLines(lines.slice(end + 1).join('\n')), []);
    assert.ok(!compose.includes(start[1]!));
  });
});
