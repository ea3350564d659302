// A pull request mounts host directories into the proxy and includes their files: nothing outside
// the project may be read, so no byte of those files may reach any output format.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { HANG_GUARD_MS, makeDir, markdownOf, runCli, validateAllFormats } from './helpers.js';

const CANARY = 'sg_boundary_canary_6c1f0e';
const PASSWD_FIRST_LINE = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;

let outside: ReturnType<typeof makeDir>;
let project: ReturnType<typeof makeDir>;

before(() => {
  // Outside the root: a config whose every line would show in a code frame or a message if read.
  outside = makeDir({
    'leak.conf': `${CANARY} on;\nserver { listen 81; location / { proxy_pass http://${CANARY}:80; } }\n`,
  });
  project = makeDir({
    'compose.yaml': `services:
  proxy:
    image: nginx:1.27
    ports:
      - "8080:80"
    volumes:
      - ./nginx.conf:/etc/nginx/nginx.conf:ro
      - /etc:/etc/nginx/host:ro
      - ${outside.dir}:/etc/nginx/outside:ro
  app:
    image: example/app:1.0
`,
    'nginx.conf': `events {}
http {
    include /etc/nginx/host/*;
    include /etc/nginx/host/passwd;
    include /etc/nginx/outside/*;
    server {
        listen 80;
        location / { proxy_pass http://app:8080; }
    }
}
`,
  });
});
after(() => {
  project.cleanup();
  outside.cleanup();
});

test('mounts of /etc and of an outside directory are not read: no byte in any format', {
  timeout: HANG_GUARD_MS * 6,
}, async () => {
  const { runs, all } = await validateAllFormats(project.dir);
  const markdown = await markdownOf(project.dir);
  // First the leak itself (messages stay short: a failing test must not print the leaked bytes).
  for (const text of [all, markdown]) {
    assert.ok(!text.includes(CANARY), 'the outside canary leaked');
    assert.ok(!text.includes(PASSWD_FIRST_LINE), "/etc/passwd's first line leaked");
  }
  // The project was loaded and analysed: the references are noted at their lines.
  const json = JSON.parse(runs.json.stdout) as { findings: { rule: string; file: string; line: number }[] };
  const where = json.findings.map((f) => `${f.rule}@${f.line}`).join(' ');
  const outsideNotes = json.findings.filter((f) => f.rule === 'path-outside-project');
  assert.deepEqual(
    outsideNotes.map((f) => `${f.file}:${f.line}`).sort(),
    ['compose.yaml:8', 'compose.yaml:9'],
    where,
  );
  assert.ok(
    json.findings.some((f) => f.rule === 'proxy-mounts-host-path' && f.line === 8),
    where,
  );
  for (const run of Object.values(runs)) assert.equal(run.code, 0, 'every format ran to the end');
});

test('--allow-path reads the outside directory (the positive twin: the canary is there to find)', {
  timeout: HANG_GUARD_MS,
}, async () => {
  const r = await runCli(
    ['validate', '--format', 'text', '--fail-on', 'never', '--allow-path', outside.dir],
    {
      cwd: project.dir,
    },
  );
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(CANARY), r.stdout);
  assert.ok(!r.stdout.includes(PASSWD_FIRST_LINE), '/etc was not allowed and must stay unread');
});
