// 8 nginx files of 450 MB through a glob: each is refused by its size on the open descriptor,
// before a byte is read (sparse files: no disk used). Failing first: the old code read each whole
// (the issue measured 45 s and 5 GB); one 450 MB file there peaks far above the RSS bound below.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { composeWith, HANG_GUARD_MS, makeDir, runCli } from './helpers.js';

const RSS_BOUND = 300 * 1024 * 1024;

test('8 × 450 MB configs through conf.d/*.conf: refused by size, each named, memory bounded', {
  timeout: HANG_GUARD_MS + 5000,
}, async () => {
  const project = makeDir({
    'compose.yaml': composeWith(['./conf.d:/etc/nginx/conf.d:ro']),
    'conf.d/ok.conf': 'server {\n    listen 80;\n}\n',
  });
  try {
    const names = Array.from({ length: 8 }, (_, i) => `big${i}.conf`);
    const r0 = spawnSync('truncate', [
      '-s',
      '450M',
      ...names.map((n) => path.join(project.dir, 'conf.d', n)),
    ]);
    assert.equal(r0.status, 0, 'truncate made the sparse files');
    const r = await runCli(['validate', '--format', 'json', '--fail-on', 'never'], { cwd: project.dir });
    assert.equal(r.killed, false);
    assert.equal(r.code, 0, r.stderr.slice(0, 300));
    const json = JSON.parse(r.stdout) as { findings: { rule: string; file: string; message: string }[] };
    for (const n of names) {
      assert.ok(
        json.findings.some((f) => f.file === `conf.d/${n}` && /450\.0 MB, too large/.test(f.message)),
        `${n} not refused by size`,
      );
    }
    // The small file in the same glob was read: the refusal is per file, not for the whole include.
    assert.ok(!json.findings.some((f) => f.file === 'conf.d/ok.conf' && /too large/.test(f.message)));
    assert.ok(r.maxRssBytes !== undefined && r.maxRssBytes < RSS_BOUND, `peak RSS ${r.maxRssBytes}`);
  } finally {
    project.cleanup();
  }
});
