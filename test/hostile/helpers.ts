// Helpers for the hostile-input tests: the CLI runs as a child process, as on a CI runner, so a hang
// is caught by the kill guard, memory is the child's own peak RSS, and output is exactly what a
// public log would show.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI under test; STACKGATE_CLI points it at another build (to show a test fails on the old code). */
export const CLI =
  process.env.STACKGATE_CLI ?? fileURLToPath(new URL('../../src/entries/cli.js', import.meta.url));

/** Generous: a guard against a hang, not a timing goal (timing lives in bench/). */
export const HANG_GUARD_MS = 20_000;

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set of the child, in bytes (from process.resourceUsage at exit). */
  maxRssBytes: number | undefined;
  /** True when the hang guard had to kill it. */
  killed: boolean;
}

let probe: string | undefined;
/** A preload that prints the child's peak RSS on exit, after everything else it wrote. */
function rssProbe(): string {
  if (probe) return probe;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-boundary-probe-'));
  probe = path.join(dir, 'rss.mjs');
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write('\\nSG_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
  );
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return probe;
}

export function runCli(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // `--` ends node's own options: node 24 otherwise takes `--env-file` anywhere in argv as its own
    // (it opens the file before any stackgate code runs; a FIFO there blocks node itself).
    const child = spawn(process.execPath, ['--import', rssProbe(), '--', CLI, ...args], {
      cwd: opts.cwd,
      // The test's variables first: a file of the environment then starts with them.
      env: { ...opts.env, PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const guard = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, HANG_GUARD_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const m = /\nSG_MAXRSS_KB=(\d+)\n$/.exec(stderr);
      resolve({
        code,
        signal,
        stdout,
        stderr: m ? stderr.slice(0, m.index) : stderr,
        maxRssBytes: m ? Number(m[1]) * 1024 : undefined,
        killed,
      });
    });
  });
}

/** Runs `validate` once per output format; returns every run (output of all formats joined in `all`). */
export async function validateAllFormats(
  cwd: string,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<{ runs: Record<(typeof FORMATS)[number], CliRun>; all: string }> {
  const runs = {} as Record<(typeof FORMATS)[number], CliRun>;
  for (const format of FORMATS) {
    runs[format] = await runCli(['validate', '--format', format, '--fail-on', 'never', ...extra], {
      cwd,
      env,
    });
  }
  const all = Object.values(runs)
    .map((r) => r.stdout + r.stderr)
    .join('\n');
  return { runs, all };
}

export type Tree = Record<string, string | { symlink: string } | { fifo: true } | { dir: true }>;

/** A temporary directory (prefixed sg-boundary-) holding `files`; removed by the returned cleanup. */
export function makeDir(files: Tree, prefix = 'sg-boundary-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === 'string') writeFileSync(p, content);
    else if ('symlink' in content) symlinkSync(content.symlink, p);
    else if ('dir' in content) mkdirSync(p, { recursive: true });
    else mkfifo(p);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function mkfifo(p: string): void {
  // Node has no mkfifo; the coreutils binary makes one.
  const r = spawnSync('mkfifo', [p], { stdio: 'ignore' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`mkfifo ${p} failed`);
}

/** True when stderr holds a JavaScript stack trace (a user error must never show one). */
export function hasStackTrace(s: string): boolean {
  return /\n\s+at .+[:(]\d+:\d+\)?/.test(s);
}

/** An nginx proxy service with `volumes`, and a backend it proxies to. */
export function composeWith(volumes: string[], extra = ''): string {
  return `services:
  proxy:
    image: nginx:1.27
    ports:
      - "8080:80"
    volumes:
${volumes.map((v) => `      - ${v}`).join('\n')}
${extra}  app:
    image: example/app:1.0
`;
}

/** The built library under test (STACKGATE_LIB switches it with STACKGATE_CLI). */
const LIB = process.env.STACKGATE_LIB ?? fileURLToPath(new URL('../../src/', import.meta.url));

/** `--format` has no markdown: the action's job summary renders it; run that path in-process. */
export async function markdownOf(cwd: string, env: Record<string, string> = {}): Promise<string> {
  const { validate } = (await import(
    path.join(LIB, 'validate.js')
  )) as typeof import('../../src/validate.js');
  const { renderMarkdown } = (await import(
    path.join(LIB, 'report/markdown.js')
  )) as typeof import('../../src/report/markdown.js');
  const { findings } = await validate({ cwd, files: [], nginxFiles: [], profiles: [], envFiles: [], env });
  return renderMarkdown(findings, cwd);
}
