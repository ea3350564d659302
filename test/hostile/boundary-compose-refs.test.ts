// COMPOSE_FILE in .env and extends.file are written by the pull request: pointed outside the
// project, they are not read (a note at the reference, or exit 2 when nothing is left to load).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HANG_GUARD_MS, hasStackTrace, makeDir, runCli, validateAllFormats } from './helpers.js';

const CANARY = 'sg_boundary_canary_c0mp05e';
let outside: ReturnType<typeof makeDir>;

before(() => {
  // A duplicate key on the canary's line: read, that line would be shown in a code frame.
  outside = makeDir({
    'x.yaml': `services:\n  base:\n    image: example/base:1\n    image: ${CANARY}/img:1\n`,
  });
});
after(() => outside.cleanup());

const service = `services:
  web:
    image: example/web:1.0
`;

test('COMPOSE_FILE naming only an outside file: exit 2, naming .env:1 and --allow-path, nothing read', {
  timeout: HANG_GUARD_MS,
}, async () => {
  const project = makeDir({ '.env': `COMPOSE_FILE=${outside.dir}/x.yaml\n`, 'compose.yaml': service });
  try {
    const text = await runCli(['validate'], { cwd: project.dir });
    assert.ok(!(text.stdout + text.stderr).includes(CANARY), 'the outside file was read and printed');
    const r = await runCli(['validate', '--format', 'json'], { cwd: project.dir });
    assert.ok(!(r.stdout + r.stderr).includes(CANARY), 'the outside file was read and printed');
    assert.equal(r.code, 2);
    assert.ok(!hasStackTrace(r.stderr), 'no stack trace');
    assert.match(r.stderr, /\.env:1: .*outside the project root.*--allow-path/);
  } finally {
    project.cleanup();
  }
});

test('COMPOSE_FILE with an outside entry: the rest is analysed, the entry noted at .env:1', {
  timeout: HANG_GUARD_MS * 4,
}, async () => {
  const project = makeDir({
    '.env': `COMPOSE_FILE=compose.yaml:${outside.dir}/x.yaml\n`,
    'compose.yaml': service,
  });
  try {
    const { runs, all } = await validateAllFormats(project.dir);
    assert.ok(!all.includes(CANARY), 'the outside file was read and printed');
    const json = JSON.parse(runs.json.stdout) as { findings: { rule: string; file: string; line: number }[] };
    const notes = json.findings.filter((f) => f.rule === 'path-outside-project');
    assert.deepEqual(
      notes.map((f) => `${f.file}:${f.line}`),
      ['.env:1'],
      JSON.stringify(notes),
    );
  } finally {
    project.cleanup();
  }
});

test('extends.file outside the project: not read, noted at the file: line', {
  timeout: HANG_GUARD_MS * 4,
}, async () => {
  const project = makeDir({
    'compose.yaml': `services:
  web:
    extends:
      file: ${outside.dir}/x.yaml
      service: base
    image: example/web:1.0
`,
  });
  try {
    const { runs, all } = await validateAllFormats(project.dir);
    assert.ok(!all.includes(CANARY), 'the outside file was read and printed');
    const json = JSON.parse(runs.json.stdout) as { findings: { rule: string; file: string; line: number }[] };
    const notes = json.findings.filter((f) => f.rule === 'path-outside-project');
    assert.deepEqual(
      notes.map((f) => `${f.file}:${f.line}`),
      ['compose.yaml:4'],
      JSON.stringify(json.findings),
    );
    // The positive twin: allowed, the file is read (and its YAML error reported).
    const allowed = await runCli(['validate', '--format', 'json', '--allow-path', outside.dir], {
      cwd: project.dir,
    });
    const read = JSON.parse(allowed.stdout) as { findings: { rule: string; file: string; line: number }[] };
    assert.ok(
      read.findings.some((f) => f.rule === 'compose-invalid' && f.file.endsWith('/x.yaml') && f.line === 4),
      'allowed, the extends file is read (its duplicate key reported)',
    );
    assert.ok(!read.findings.some((f) => f.rule === 'path-outside-project'));
  } finally {
    project.cleanup();
  }
});
