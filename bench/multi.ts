// bench/multi: many small projects in one `validate` process against one process per project (issue 8).
// Run with `node lib/bench/multi.js [PROJECTS] [ROUNDS]` after `make build`; numbers go to docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/cli/index.js');
if (!existsSync(cli)) throw new Error('dist/cli/index.js missing: run make build');

const count = Number(process.argv[2] ?? 120);
const rounds = Number(process.argv[3] ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** `count` small projects: the seed and the fixed speedtest example, alternately (8 and 3 files). */
function writeProjects(root: string): string[] {
  const dirs: string[] = [];
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `p${String(i).padStart(3, '0')}`);
    cpSync(path.join(repo, 'examples', i % 2 ? 'speedtest' : 'seed'), dir, { recursive: true });
    dirs.push(dir);
  }
  return dirs;
}

function findingsIn(stdout: string): number {
  const out = JSON.parse(stdout) as { summary: { errors: number; warnings: number; notes: number } };
  return out.summary.errors + out.summary.warnings + out.summary.notes;
}

const root = mkdtempSync(path.join(tmpdir(), 'sg-bench-multi-'));
try {
  const dirs = writeProjects(root);
  const run = (args: string[]) =>
    spawnSync(process.execPath, [cli, 'validate', '--format', 'json', '--fail-on', 'never', ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  // Warm the OS file cache and Node's compile cache once, so both sides start alike.
  run([dirs[0]!]);
  const one: number[] = [];
  const each: number[] = [];
  let oneFindings = 0;
  let eachFindings = 0;
  // Side by side, alternating, so machine noise hits both.
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const all = run(dirs.map((d) => path.relative(root, d)));
    one.push(performance.now() - t);
    if (all.status !== 0) throw new Error(`one-process run failed: ${all.stderr}`);
    oneFindings = findingsIn(all.stdout);
    t = performance.now();
    eachFindings = 0;
    for (const d of dirs) {
      const p = run([path.relative(root, d)]);
      if (p.status !== 0) throw new Error(`${d}: ${p.stderr}`);
      eachFindings += findingsIn(p.stdout);
    }
    each.push(performance.now() - t);
  }
  if (oneFindings !== eachFindings) throw new Error(`findings differ: ${oneFindings} vs ${eachFindings}`);
  const result = {
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
    date: new Date().toISOString().slice(0, 10),
    projects: count,
    findings: oneFindings,
    oneProcessMs: Math.round(median(one)),
    processPerProjectMs: Math.round(median(each)),
    perProjectInOneProcessMs: +(median(one) / count).toFixed(1),
    perProjectProcessMs: +(median(each) / count).toFixed(1),
    speedup: +(median(each) / median(one)).toFixed(1),
  };
  writeFileSync(path.join(repo, '.cache/bench-multi.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(root, { recursive: true, force: true });
}
