// Benchmark of the speed-test client, each figure side by side with its anchor in the same run:
// (b) fidelity through the same nginx (Docker, test/e2e/speedtest-stack.ts): the client's goodput
//     against curl on the same garbage URL (download) and curl POSTing the same number of bytes to the
//     same empty URL (upload), over HTTP and HTTPS; goal ≥ 0.9×.
// (d) the client's peak RSS (its own process) while moving ≥ 2 GB, against the same process that
//     moved nothing; goal < 200 MB.
// Needs the platform images (test/platform/setup.sh). Run: node lib/bench/speedtest.js
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runSpeedtest, type SpeedtestResult } from '../src/speedtest/index.js';
import { type SpeedtestStack, startSpeedtestStack } from '../test/e2e/speedtest-stack.js';

const run = promisify(execFile);
const RUNS = 3;
const GOAL_FIDELITY = 0.9;
const GOAL_RSS_MB = 200;
const MIN_BYTES = 2e9;
const CHILD = fileURLToPath(new URL('./speedtest-child.js', import.meta.url));
const DOUBLE = fileURLToPath(new URL('../test/librespeed-double/main.js', import.meta.url));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const mbps = (bytesPerSecond: number) => (bytesPerSecond * 8) / 1e6;

/** curl's own average, bytes/s; the status must be 2xx or the figure means nothing (REFERENCE.md §8.3). */
async function curl(args: string[], metric: 'speed_download' | 'speed_upload'): Promise<number> {
  const { stdout } = await run(
    'curl',
    ['-sS', '-o', '/dev/null', '-w', `%{http_code} %{${metric}}`, ...args],
    {
      timeout: 300_000,
    },
  );
  const [code = '', speed = ''] = stdout.trim().split(' ');
  if (!code.startsWith('2')) throw new Error(`curl ${args.at(-1)}: HTTP ${code}`);
  return Number(speed);
}

const UPLOAD_BODY = 20 * 1024 * 1024;

/** bytes/s of `count` sequential POSTs of the (sparse, read at memory speed) file, wall clock. */
async function curlUpload(p: Protocol, file: string, count: number): Promise<number> {
  truncateSync(file, UPLOAD_BODY);
  const started = performance.now();
  const { stdout } = await run(
    'curl',
    [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}\\n',
      ...p.curlTls,
      '-X',
      'POST',
      '-H',
      'Expect:',
      '-H',
      'Content-Type: application/octet-stream',
      '-T',
      file,
      `${p.base}backend/empty.php?r=[1-${count}]`,
    ],
    { timeout: 300_000 },
  );
  const seconds = (performance.now() - started) / 1000;
  const codes = stdout.trim().split('\n');
  if (codes.length !== count || codes.some((c) => !c.startsWith('2'))) {
    throw new Error(`curl upload: expected ${count} 2xx answers, got ${codes.join(' ')}`);
  }
  return (count * UPLOAD_BODY) / seconds;
}

interface Protocol {
  name: 'http' | 'https';
  base: string;
  curlTls: string[];
  ca?: string;
}

async function fidelity(p: Protocol, uploadFile: string) {
  const rows: { client: SpeedtestResult; curlDown: number; curlUp: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const client = await runSpeedtest({ url: p.base, ...(p.ca ? { ca: p.ca } : {}) });
    const curlDown = await curl([...p.curlTls, `${p.base}backend/garbage.php?ckSize=1024`], 'speed_download');
    // The same number of bytes the client uploaded, as 20 MiB bodies (the client's largest, and what
    // fits the proxy's body limit) POSTed one after another over one keep-alive connection.
    const count = Math.max(1, Math.round(client.bytesUp / UPLOAD_BODY));
    const curlUp = await curlUpload(p, uploadFile, count);
    rows.push({ client, curlDown, curlUp });
  }
  const clientDown = median(rows.map((r) => r.client.rawDownloadMbps));
  const clientUp = median(rows.map((r) => r.client.rawUploadMbps));
  const curlDown = median(rows.map((r) => mbps(r.curlDown)));
  const curlUp = median(rows.map((r) => mbps(r.curlUp)));
  return {
    protocol: p.name,
    clientDown,
    curlDown,
    downRatio: clientDown / curlDown,
    clientUp,
    curlUp,
    upRatio: clientUp / curlUp,
    uploadBytes: median(rows.map((r) => r.client.bytesUp)),
    runs: rows.map((r) => ({
      client: { down: r.client.rawDownloadMbps, up: r.client.rawUploadMbps, bytesUp: r.client.bytesUp },
      curl: { down: mbps(r.curlDown), up: mbps(r.curlUp) },
    })),
  };
}

interface ChildReport {
  result?: SpeedtestResult;
  maxRssKiB: number;
  vmHwmKiB: number;
}

async function child(args: string[]): Promise<ChildReport> {
  const { stdout } = await run(process.execPath, [CHILD, ...args], { timeout: 600_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
}

/** Runs the client in a child until one run has moved ≥ 2 GB (doubling the duration if not). */
async function peakRss(label: string, url: string, ca?: string) {
  let duration = 5;
  for (;;) {
    const report = await child([url, String(duration), ...(ca ? [ca] : [])]);
    const moved = (report.result?.bytesDown ?? 0) + (report.result?.bytesUp ?? 0);
    if (moved >= MIN_BYTES || duration >= 80) return { label, duration, moved, ...report };
    duration *= 2;
  }
}

/** The double as its own process on loopback (the fastest path, so the most bytes per second). */
async function startDoubleProcess(): Promise<{ url: string; child: ChildProcess }> {
  const proc = spawn(process.execPath, [DOUBLE], {
    env: { ...process.env, WEBPORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: proc.stdout! });
  for await (const line of lines) {
    const match = /listening on (\S+)/.exec(line);
    if (match?.[1]) return { url: match[1], child: proc };
  }
  throw new Error('the test double exited before listening');
}

const dir = mkdtempSync(join(tmpdir(), 'sg-speed-bench-'));
const uploadFile = join(dir, 'upload.bin');
writeFileSync(uploadFile, '');
let stack: SpeedtestStack | undefined;
let double: { url: string; child: ChildProcess } | undefined;
try {
  stack = await startSpeedtestStack('speed-bench');
  const ca = readFileSync(stack.caFile, 'utf8');
  // Warm-up: the nginx workers, upstream keep-alive connections, the first TLS sessions.
  await runSpeedtest({ url: stack.httpBase, durationSeconds: 1 });
  const protocols: Protocol[] = [
    { name: 'http', base: stack.httpBase, curlTls: [] },
    { name: 'https', base: stack.httpsBase, curlTls: ['--cacert', stack.caFile], ca },
  ];
  const fidelityRows = [];
  for (const p of protocols) fidelityRows.push(await fidelity(p, uploadFile));

  const idle = await child(['--idle']);
  double = await startDoubleProcess();
  const rss = [
    await peakRss('through nginx, HTTP', stack.httpBase),
    await peakRss('through nginx, HTTPS', stack.httpsBase, stack.caFile),
    await peakRss('straight to the double on loopback', double.url),
  ];

  const os =
    readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? process.platform;
  const lines = [
    `machine: ${cpus().length} CPUs (nproc, shared), ${cpus()[0]?.model ?? 'unknown'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${os}`,
    `(b) fidelity, median of ${RUNS}, goodput in Mbit/s (client: default 5 s window, 6/3 streams; curl: one stream)`,
    '| protocol | direction | client | curl | ratio | goal |',
    '|---|---|---|---|---|---|',
    ...fidelityRows.flatMap((r) => [
      `| ${r.protocol} | download (curl: garbage.php?ckSize=1024) | ${r.clientDown.toFixed(0)} | ${r.curlDown.toFixed(0)} | ${r.downRatio.toFixed(2)} | ${r.downRatio >= GOAL_FIDELITY ? 'met' : 'missed'} |`,
      `| ${r.protocol} | upload (curl POSTs ${(r.uploadBytes / 1e9).toFixed(2)} GB as 20 MiB bodies) | ${r.clientUp.toFixed(0)} | ${r.curlUp.toFixed(0)} | ${r.upRatio.toFixed(2)} | ${r.upRatio >= GOAL_FIDELITY ? 'met' : 'missed'} |`,
    ]),
    '',
    `(d) peak RSS of the client process (VmHWM), anchor: the same process moving nothing = ${(idle.vmHwmKiB / 1024).toFixed(0)} MB`,
    '| path | duration/direction | moved | peak RSS | goal |',
    '|---|---|---|---|---|',
    ...rss.map(
      (r) =>
        `| ${r.label} | ${r.duration} s | ${(r.moved / 1e9).toFixed(2)} GB | ${(r.vmHwmKiB / 1024).toFixed(0)} MB | ${r.vmHwmKiB / 1024 < GOAL_RSS_MB && r.moved >= MIN_BYTES ? 'met' : 'missed'} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync('.cache', { recursive: true });
  writeFileSync(
    '.cache/bench-speedtest.json',
    `${JSON.stringify({ fidelity: fidelityRows, idle, rss }, null, 2)}\n`,
  );
} finally {
  if (double) {
    double.child.kill('SIGTERM');
    await once(double.child, 'exit');
  }
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
}
