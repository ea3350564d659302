// bench/validate: the numbers behind docs/benchmarks.md. Run with `make bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { validate } from '../src/validate.js';
import { writeSyntheticProject } from './synthetic.js';

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

/** Runs one synthetic size in a fresh process so peak RSS is that run's alone. */
function synthetic(factor: number): { ms: number; rssMb: number; findings: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-bench-'));
  try {
    writeSyntheticProject(dir, { services: 200 * factor, servers: 1000 * factor, locations: 5000 * factor });
    const script = `
      import { validate } from ${JSON.stringify(path.join(repo, 'lib/src/validate.js'))};
      const o = { cwd: ${JSON.stringify(dir)}, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };
      await validate(o);
      const t = performance.now();
      const r = await validate(o);
      const ms = performance.now() - t;
      console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, findings: r.findings.length }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `docker compose config -q` + `nginx -t` in the nginx image, against stackgate, on the same project. */
function versusDocker(): string {
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
    return `docker: ${dockerMs.toFixed(0)} ms (${dockerOut}); stackgate CLI: ${sgMs.toFixed(0)} ms (${sgCount} findings); ratio ${(dockerMs / sgMs).toFixed(1)}x`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = {
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
};
results.seedWarmMs = await warmSeed();
results.cliCold = existsSync(cli) ? coldCli() : 'dist/cli/index.js missing: run make build';
results.synthetic = Object.fromEntries([1, 2, 4].map((f) => [`${f}x`, synthetic(f)]));
results.versusDocker = versusDocker();
writeFileSync(path.join(repo, '.cache/bench-validate.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
