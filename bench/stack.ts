// Benchmark of the live stack on examples/speedtest (local images when no registry), side by side in one run:
// (a) up → verified: `stackgate up` + `stackgate verify` (CLI processes) against `docker compose up -d --wait`
//     alone and against the peer pattern (`up -d`, then a curl retry loop at 1 s); goal ≤ 1.1× --wait and
//     faster than the peer pattern. Median of ROUNDS, the order rotated each round.
// (c) the proxy's cost: download throughput of `garbage` through nginx (TLS) against straight to the backend
//     (plain HTTP), both from a client container inside the project network; reported as a ratio.
// Run: make build && node lib/bench/stack.js (writes .cache/bench-stack.json); times dist/cli, as shipped.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import {
  cli as cliOf,
  distCliPath,
  type Example,
  example,
  forceDown,
  leftovers,
  repo,
} from '../test/e2e/stack-helpers.js';

// The CLI as it ships: `make build` first.
if (!existsSync(distCliPath)) throw new Error(`${distCliPath} is missing: run make build first`);
const cli = (args: string[], env: NodeJS.ProcessEnv, onStderr?: Parameters<typeof cliOf>[2]) =>
  cliOf(args, env, onStderr, distCliPath);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CK_SIZE = 256; // MiB per download in (c)
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;

function composeArgs(ex: Example): string[] {
  return ['compose', '--project-directory', ex.dir, '-p', ex.project];
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

async function stackgate(ex: Example): Promise<number> {
  const common = ['-C', ex.dir, '--project-name', ex.project];
  const s = await timed(async () => {
    const up = await cli(['up', ...common], ex.env);
    if (up.code !== 0) throw new Error(`stackgate up failed: ${up.stderr}`);
    const v = await cli(['verify', ...common], ex.env);
    if (v.code !== 0) throw new Error(`stackgate verify failed: ${v.stdout}${v.stderr}`);
  });
  const down = await cli(['down', ...common], ex.env);
  if (down.code !== 0) throw new Error(`stackgate down failed: ${down.stderr}`);
  return s;
}

/** `stackgate run --no-speedtest` in one process: spawn until its "verify: ok" line (down is not timed). */
async function stackgateRun(ex: Example): Promise<number> {
  const t = performance.now();
  let verified: number | undefined;
  const r = await cli(
    ['run', '-C', ex.dir, '--project-name', ex.project, '--no-speedtest'],
    ex.env,
    (stderr) => {
      if (verified === undefined && /^verify: ok /m.test(stderr)) verified = performance.now();
    },
  );
  if (r.code !== 0 || verified === undefined) throw new Error(`stackgate run failed: ${r.stdout}${r.stderr}`);
  return (verified - t) / 1000;
}

async function composeWait(ex: Example): Promise<number> {
  const s = await timed(async () => {
    await execa('docker', [...composeArgs(ex), 'up', '-d', '--wait'], { env: ex.env, stdin: 'ignore' });
  });
  await forceDown(ex);
  return s;
}

/** The peer pattern (hoverkraft-style up, then a url-health-check-style retry loop at 1 s). */
async function peer(ex: Example): Promise<number> {
  const s = await timed(async () => {
    await execa('docker', [...composeArgs(ex), 'up', '-d'], { env: ex.env, stdin: 'ignore' });
    for (;;) {
      const r = await execa(
        'curl',
        ['-fsk', '--max-time', '2', '-o', '/dev/null', `https://127.0.0.1:${ex.httpsPort}/`],
        {
          reject: false,
          stdin: 'ignore',
        },
      );
      if (r.exitCode === 0) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
  await forceDown(ex);
  return s;
}

const CLIENT = `
const [url] = process.argv.slice(1);
const mod = url.startsWith('https') ? await import('node:https') : await import('node:http');
const t = performance.now();
let bytes = 0;
await new Promise((resolve, reject) => {
  mod.get(url, { rejectUnauthorized: false, headers: { Host: 'localhost' } }, (res) => {
    res.on('data', (c) => { bytes += c.length; });
    res.on('end', resolve);
    res.on('error', reject);
  }).on('error', reject);
});
console.log(JSON.stringify({ bytes, seconds: (performance.now() - t) / 1000 }));
`;

async function throughput(ex: Example, image: string, url: string): Promise<number> {
  const net = `${ex.project}_edge`;
  const { stdout } = await execa(
    'docker',
    [
      'run',
      '--rm',
      '--network',
      net,
      '--entrypoint',
      'node',
      '--label',
      `com.docker.compose.project=${ex.project}`,
      image,
      '--input-type=module',
      '-e',
      CLIENT,
      url,
    ],
    { stdin: 'ignore' },
  );
  const r = JSON.parse(stdout) as { bytes: number; seconds: number };
  if (r.bytes < CK_SIZE * 1024 * 1024) throw new Error(`${url}: only ${r.bytes} bytes`);
  return (r.bytes * 8) / r.seconds / 1e6;
}

const ex = await example('bench');
const out: Record<string, unknown> = {
  rounds: ROUNDS,
  images: { nginx: ex.env.NGINX_IMAGE, backend: ex.env.SPEEDTEST_IMAGE },
};
try {
  // Warm-up: generates the certificate (kept for every later start) and warms the page cache.
  await stackgate(ex);
  const times: Record<string, number[]> = { stackgate: [], run: [], wait: [], peer: [] };
  const runs: [keyof typeof times, (e: Example) => Promise<number>][] = [
    ['stackgate', stackgate],
    ['run', stackgateRun],
    ['wait', composeWait],
    ['peer', peer],
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < runs.length; i++) {
      const [name, fn] = runs[(i + round) % runs.length]!;
      times[name]!.push(await fn(ex));
    }
  }
  const a = {
    stackgate: median(times.stackgate!),
    run: median(times.run!),
    wait: median(times.wait!),
    peer: median(times.peer!),
    all: times,
  };
  out.a = {
    ...a,
    ratioToWait: a.stackgate / a.wait,
    ratioToPeer: a.stackgate / a.peer,
    runRatioToWait: a.run / a.wait,
    runRatioToPeer: a.run / a.peer,
  };
  console.log(
    `(a) up → verified, median of ${ROUNDS}: stackgate up+verify (2 processes) ${a.stackgate.toFixed(2)} s, stackgate run (1 process, until verified) ${a.run.toFixed(2)} s, docker compose up --wait ${a.wait.toFixed(2)} s, peer (up -d + curl loop at 1 s) ${a.peer.toFixed(2)} s`,
  );
  console.log(
    `    stackgate / --wait = ${(a.stackgate / a.wait).toFixed(2)}× (goal ≤ 1.1×); stackgate / peer = ${(a.stackgate / a.peer).toFixed(2)}× (goal < 1)`,
  );
  console.log(
    `    run / --wait = ${(a.run / a.wait).toFixed(2)}×; run / peer = ${(a.run / a.peer).toFixed(2)}×`,
  );

  // (c) needs the LibreSpeed double's garbage endpoint and node in the client image.
  const backendImage = ex.env.SPEEDTEST_IMAGE!;
  if (!/librespeed-double/.test(backendImage)) {
    console.log(
      `(c) skipped: ${backendImage} has no garbage endpoint (build stackgate/librespeed-double:test)`,
    );
  } else {
    const up = await cli(['up', '-C', ex.dir, '--project-name', ex.project], ex.env);
    if (up.code !== 0) throw new Error(up.stderr);
    try {
      const proxied: number[] = [];
      const direct: number[] = [];
      for (let i = 0; i < 3; i++) {
        proxied.push(
          await throughput(ex, backendImage, `https://nginx/backend/garbage.php?ckSize=${CK_SIZE}`),
        );
        direct.push(
          await throughput(ex, backendImage, `http://speedtest:8080/backend/garbage.php?ckSize=${CK_SIZE}`),
        );
      }
      const c = { proxiedMbps: median(proxied), directMbps: median(direct), all: { proxied, direct } };
      out.c = { ...c, ratio: c.proxiedMbps / c.directMbps };
      console.log(
        `(c) garbage ${CK_SIZE} MiB from a client container, median of 3: through nginx (TLS) ${c.proxiedMbps.toFixed(0)} Mbit/s, direct ${c.directMbps.toFixed(0)} Mbit/s, ratio ${(c.proxiedMbps / c.directMbps).toFixed(2)}`,
      );
    } finally {
      await cli(['down', '-C', ex.dir, '--project-name', ex.project], ex.env);
    }
  }
} finally {
  await forceDown(ex);
  const left = await leftovers(ex.project);
  if (left.length) console.log(`left behind: ${left.join(', ')}`);
  ex.cleanup();
  mkdirSync(path.join(repo, '.cache'), { recursive: true });
  writeFileSync(path.join(repo, '.cache/bench-stack.json'), `${JSON.stringify(out, null, 2)}\n`);
}
