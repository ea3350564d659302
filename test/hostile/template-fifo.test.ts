// A pull request mounts a templates/ directory whose *.template is a FIFO: the nginx image's entrypoint
// would render it with envsubst. It is never opened for reading (no hang), and it is named as a finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HANG_GUARD_MS, makeDir, runCli } from './helpers.js';

const compose = `services:
  nginx:
    image: nginx:1.27
    ports:
      - "8080:80"
    volumes:
      - ./templates:/etc/nginx/templates:ro
  app:
    image: example/app:1.0
`;
const TEMPLATE = `server {\n    listen 80;\n    location / { proxy_pass http://app:\${APP_PORT}; }\n}\n`;

test('a FIFO template is named (nginx-template-unreadable at the file), the regular one beside it analysed', {
  timeout: HANG_GUARD_MS,
}, async () => {
  const project = makeDir({
    'compose.yaml': compose,
    'templates/default.conf.template': TEMPLATE,
    'templates/stuck.conf.template': { fifo: true },
  });
  try {
    const r = await runCli(['validate', '--format', 'json', '--fail-on', 'never'], { cwd: project.dir });
    assert.equal(r.code, 0, r.stderr);
    const findings = (
      JSON.parse(r.stdout) as { findings: { rule: string; file: string; line: number; message: string }[] }
    ).findings;
    // The regular template was loaded and rendered: its proxy_pass is analysed (APP_PORT is unset).
    assert.ok(
      findings.some((f) => f.file === 'templates/default.conf.template'),
      JSON.stringify(findings.map((f) => `${f.rule}@${f.file}`)),
    );
    const fifo = findings.filter((f) => f.rule === 'nginx-template-unreadable');
    assert.deepEqual(
      fifo.map((f) => `${f.file}:${f.line}`),
      ['templates/stuck.conf.template:1'],
    );
    assert.match(
      fifo[0]!.message,
      /^\/etc\/nginx\/templates\/stuck\.conf\.template \(templates\/stuck\.conf\.template\) was not analysed: .*FIFO.*conf\.d\/stuck\.conf with envsubst/,
    );
  } finally {
    project.cleanup();
  }
});
