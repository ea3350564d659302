// bench/rules: time each rule's check() on one project view, side by side in one process, so a new
// rule's cost is measured against the rules already there. Run: node lib/bench/rules.js
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RULES } from '../src/rules/index.js';
import { validate } from '../src/validate.js';
import { writeSyntheticProject } from './synthetic.js';

/** The gixy-family rules added for issue 8; the rest are the anchor. */
const NEW_RULES = new Set([
  'proxy-set-header-redefinition',
  'allow-without-deny',
  'return-bypasses-allow-deny',
  'stub-status-exposed',
  'capture-group-missing',
  'if-in-location',
  'add-header-multiline',
  'add-header-content-type',
  'resolver-external',
  'regex-redos',
  'unanchored-regex',
  'proxy-pass-normalized',
  'server-tokens-on',
]);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = mkdtempSync(path.join(tmpdir(), 'stackgate-bench-rules-'));
try {
  writeSyntheticProject(dir, { services: 200, servers: 1000, locations: 5000 });
  const { view } = await validate({
    cwd: dir,
    files: [],
    nginxFiles: [],
    profiles: [],
    envFiles: [],
    env: {},
  });
  const rows: { id: string; ms: number }[] = [];
  for (const rule of RULES) {
    rule.check(view); // warm-up (and the per-view caches, as in a real run)
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      rule.check(view);
      times.push(performance.now() - t);
    }
    rows.push({ id: rule.id, ms: median(times) });
  }
  const sum = (f: (id: string) => boolean) => rows.filter((r) => f(r.id)).reduce((a, r) => a + r.ms, 0);
  const result = {
    directives: view.directives.length,
    existingRulesMs: Number(sum((id) => !NEW_RULES.has(id)).toFixed(1)),
    newRulesMs: Number(sum((id) => NEW_RULES.has(id)).toFixed(1)),
    slowestNew: rows
      .filter((r) => NEW_RULES.has(r.id))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((r) => `${r.id} ${r.ms.toFixed(2)} ms`),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
