// /proc/self/environ mounted as an nginx config would print stackgate's own environment, where CI
// secrets live. It is outside the project: never read.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { composeWith, HANG_GUARD_MS, makeDir, markdownOf, validateAllFormats } from './helpers.js';

const CANARY_VALUE = 'sg_boundary_secret_93ad71';
let project: ReturnType<typeof makeDir>;

before(() => {
  project = makeDir({
    'compose.yaml': composeWith(['/proc/self/environ:/etc/nginx/conf.d/default.conf:ro']),
  });
});
after(() => project.cleanup());

test('a mount of /proc/self/environ does not print the environment', {
  timeout: HANG_GUARD_MS * 6,
}, async () => {
  const env = { SG_BOUNDARY_TOKEN: CANARY_VALUE };
  const { runs, all } = await validateAllFormats(project.dir, [], env);
  process.env.SG_BOUNDARY_TOKEN = CANARY_VALUE;
  let markdown: string;
  try {
    markdown = await markdownOf(project.dir, env);
  } finally {
    delete process.env.SG_BOUNDARY_TOKEN;
  }
  assert.ok(!all.includes(CANARY_VALUE), 'the environment leaked');
  assert.ok(!markdown.includes(CANARY_VALUE), 'the environment leaked into markdown');
  const json = JSON.parse(runs.json.stdout) as { findings: { rule: string; file: string; line: number }[] };
  const where = json.findings.map((f) => `${f.rule}@${f.file}:${f.line}`).join(' ');
  // Loaded: the mount is seen, noted at its line, and flagged as a sensitive host path.
  assert.ok(
    json.findings.some((f) => f.rule === 'path-outside-project' && f.file === 'compose.yaml' && f.line === 7),
    where,
  );
  assert.ok(
    json.findings.some((f) => f.rule === 'proxy-mounts-host-path' && f.line === 7),
    where,
  );
});
