// bench/validate: the numbers behind docs/benchmarks.md. Run with `make bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { validate } from '../src/validate.js';
import { writeHostileScaleProject, writeSyntheticProject } from './synthetic.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/cli/index.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const opts = (cwd: string) => ({ cwd, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} });

async function warmSeed(): Promise<number> {
  const dir = path.join(repo, 'examples/seed');
  for (let i = 0; i < 20; i++) await validate(opts(dir));
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await validate(opts(dir));
    times.push(performance.now() - t);
  }
  return median(times);
}

function coldCli(): { ms: number; awsInBundle: boolean } {
  const dir = path.join(repo, 'examples/seed');
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [cli, 'validate', '--format', 'json', '--fail-on', 'never'], { cwd: dir });
    times.push(performance.now() - t);
  }
  return { ms: median(times), awsInBundle: readFileSync(cli, 'utf8').includes('@aws-sdk') };
}

/**
 * One synthetic size in a fresh process: the first (cold) validate gives the peak RSS a CLI run
 * would have; a second, warm run gives the steady-state time.
 */
function synthetic(factor: number): {
  coldMs: number;
  warmMs: number;
  peakRssMb: number;
  directives: number;
  findings: number;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-bench-'));
  try {
    writeSyntheticProject(dir, { services: 200 * factor, servers: 1000 * factor, locations: 5000 * factor });
    const script = `
      import { validate } from ${JSON.stringify(path.join(repo, 'lib/src/validate.js'))};
      const o = { cwd: ${JSON.stringify(dir)}, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };
      let t = performance.now();
      const r = await validate(o);
      const coldMs = performance.now() - t;
      const peakRssMb = process.resourceUsage().maxRSS / 1024;
      t = performance.now();
      await validate(o);
      const warmMs = performance.now() - t;
      console.log(JSON.stringify({ coldMs, warmMs, peakRssMb, directives: r.view.directives.length, findings: r.findings.length }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The hostile-scale case (issue 6): n services + n server blocks, in a fresh process per size. Time
 * grew quadratically before (a whole-file YAML parse per service for the depends_on edit: 36 s at n =
 * 1,000); the growth ratio is the anchor here, so the sizes run side by side in one run.
 */
function hostileScale(factor: number): {
  services: number;
  servers: number;
  inputKb: number;
  coldMs: number;
  warmMs: number;
  findings: number;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-bench-hostile-'));
  try {
    const n = 1000 * factor;
    writeHostileScaleProject(dir, n);
    const inputKb =
      (readFileSync(path.join(dir, 'compose.yaml')).length +
        readFileSync(path.join(dir, 'nginx.conf')).length) /
      1024;
    const script = `
      import { validate } from ${JSON.stringify(path.join(repo, 'lib/src/validate.js'))};
      const o = { cwd: ${JSON.stringify(dir)}, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };
      let t = performance.now();
      const r = await validate(o);
      const coldMs = performance.now() - t;
      const warm = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        await validate(o);
        warm.push(performance.now() - t);
      }
      warm.sort((a, b) => a - b);
      console.log(JSON.stringify({ coldMs, warmMs: warm[2], findings: r.findings.length }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return {
      services: n,
      servers: n,
      inputKb: Math.round(inputKb),
      ...JSON.parse(out.trim().split('\n').pop()!),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withGrowth<T extends { coldMs: number; warmMs: number }>(runs: Record<string, T>) {
  const base = runs['1x']!;
  return Object.fromEntries(
    Object.entries(runs).map(([k, r]) => [
      k,
      {
        ...r,
        coldVs1x: +(r.coldMs / base.coldMs).toFixed(2),
        warmVs1x: +(r.warmMs / base.warmMs).toFixed(2),
      },
    ]),
  );
}

/** `docker compose config -q` + `nginx -t` in the nginx image, against stackgate, on the same project. */
async function versusDocker(): Promise<string> {
  const image = process.env.NGINX_IMAGE ?? 'stackgate/nginx:test';
  const has = spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' }).status === 0;
  if (!has) return `(skipped: image ${image} not built; run test/platform/setup.sh)`;
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-vs-'));
  try {
    cpSync(path.join(repo, 'examples/seed'), dir, { recursive: true });
    const time = (f: () => void, n: number) => {
      const ts: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        f();
        ts.push(performance.now() - t);
      }
      return median(ts);
    };
    let dockerOut = '';
    const dockerMs = time(() => {
      const c = spawnSync('docker', ['compose', 'config', '-q'], { cwd: dir, encoding: 'utf8' });
      const n = spawnSync(
        'docker',
        [
          'run',
          '--rm',
          '-v',
          `${dir}/default.conf:/etc/nginx/conf.d/default.conf:ro`,
          '--entrypoint',
          'nginx',
          image,
          '-t',
        ],
        { encoding: 'utf8' },
      );
      dockerOut = `compose config: exit ${c.status} ${c.stderr.trim().split('\n')[0] ?? ''}; nginx -t: exit ${n.status} ${
        n.stderr
          .trim()
          .split('\n')
          .filter((l) => l.includes('emerg'))[0] ?? ''
      }`;
    }, 5);
    let sgCount = 0;
    const sgMs = time(() => {
      const r = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', '--fail-on', 'never'], {
        cwd: dir,
        encoding: 'utf8',
      });
      sgCount = JSON.parse(r.stdout).findings.length;
    }, 5);
    for (let i = 0; i < 10; i++) await validate(opts(dir));
    const warm: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await validate(opts(dir));
      warm.push(performance.now() - t);
    }
    const warmMs = median(warm);
    return `docker: ${dockerMs.toFixed(0)} ms (${dockerOut}); stackgate CLI cold: ${sgMs.toFixed(0)} ms (${sgCount} findings), ratio ${(dockerMs / sgMs).toFixed(1)}x; stackgate in-process warm: ${warmMs.toFixed(1)} ms, ratio ${(dockerMs / warmMs).toFixed(0)}x`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Cold start (issue 10): `validate` on examples/speedtest in a fresh process against `docker compose
 * config -q` on the same files, interleaved round by round so machine noise hits every variant alike.
 * Variants: the CLI as shipped (compile cache on, warmed by the first round), the CLI with Node's
 * compile cache off, the node24 validate sub-action's entry with the runner's env/file protocol, and
 * `node -e 0` (the floor no Node program can beat).
 */
function coldStart(rounds: number) {
  const dir = path.join(repo, 'examples/speedtest');
  const scratch = mkdtempSync(path.join(tmpdir(), 'sg-bench-cold-'));
  const actionEntry = path.join(repo, 'dist/validate/index.js');
  const output = path.join(scratch, 'output');
  const summary = path.join(scratch, 'summary');
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const variants: Record<string, () => ReturnType<typeof spawnSync>> = {
    composeConfigQ: () => spawnSync('docker', ['compose', 'config', '-q'], { cwd: dir, stdio: 'ignore' }),
    cli: () =>
      spawnSync(process.execPath, [cli, 'validate', '--fail-on', 'never'], {
        cwd: dir,
        env: base,
        stdio: 'ignore',
      }),
    cliNoCompileCache: () =>
      spawnSync(process.execPath, [cli, 'validate', '--fail-on', 'never'], {
        cwd: dir,
        env: { ...base, NODE_DISABLE_COMPILE_CACHE: '1' },
        stdio: 'ignore',
      }),
    action: () => {
      writeFileSync(output, '');
      writeFileSync(summary, '');
      return spawnSync(process.execPath, [actionEntry], {
        cwd: dir,
        env: {
          ...base,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: summary,
          'INPUT_WORKING-DIRECTORY': dir,
          'INPUT_FAIL-ON': 'never',
        },
        stdio: 'ignore',
      });
    },
    nodeEmpty: () => spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  try {
    for (const run of Object.values(variants)) run(); // warm the file cache and the compile cache
    for (let i = 0; i < rounds; i++) {
      for (const [name, run] of Object.entries(variants)) {
        const t = performance.now();
        const r = run();
        times[name]!.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`${name}: exit ${r.status}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v))]));
  const compose = ms.composeConfigQ!;
  return {
    rounds,
    medianMs: ms,
    cliVsCompose: +(ms.cli! / compose).toFixed(2),
    cliNoCompileCacheVsCompose: +(ms.cliNoCompileCache! / compose).toFixed(2),
    actionVsCompose: +(ms.action! / compose).toFixed(2),
    target: 0.6,
  };
}

const results: Record<string, unknown> = {
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
};
if (process.argv[2] === 'cold') {
  // `node lib/bench/validate.js cold [ROUNDS]`: the cold-start comparison alone.
  results.coldStart = coldStart(Number(process.argv[3] ?? 15));
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}
results.coldStart = coldStart(15);
results.seedWarmMs = await warmSeed();
results.cliCold = existsSync(cli) ? coldCli() : 'dist/cli/index.js missing: run make build';
results.synthetic = Object.fromEntries([1, 2, 4].map((f) => [`${f}x`, synthetic(f)]));
results.hostileScale = withGrowth(Object.fromEntries([1, 2, 4].map((f) => [`${f}x`, hostileScale(f)])));
results.versusDocker = await versusDocker();
writeFileSync(path.join(repo, '.cache/bench-validate.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
