import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled CLI entry (lib/src/entries/cli.js), as the bin runs it. */
export const CLI = fileURLToPath(new URL('../../src/entries/cli.js', import.meta.url));

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process; `node --` as in the bin's shebang. */
export function runCliProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, ['--', CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp project (path → content) for the duration of `fn`. */
export function withHostileProject<T>(files: Record<string, string>, fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-output-hostile-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      const p = path.join(dir, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// What a terminal or the runner would act on: C0 except \n and \t, DEL, C1, line/paragraph
// separators, bidi controls.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const ANNOTATION = /^::(error|warning|notice) title=[^:,]*,file=[^:,]*,line=\d+,col=\d+::[^\r\n]*$/;

/**
 * The lines the Actions runner would execute as workflow commands: `::` after leading white space
 * (its TryParseV2 trims), or `##[` anywhere (its legacy TryParse searches the line).
 */
export function commandLines(output: string): string[] {
  return output.split('\n').filter((l) => l.trimStart().startsWith('::') || l.includes('##['));
}

/** Problems with one output stream: raw control characters, and command lines beyond `allowed`. */
export function injectionProblems(output: string, allowAnnotations: boolean): string[] {
  const problems: string[] = [];
  const raw = RAW_CONTROL.exec(output);
  if (raw) problems.push(`raw U+${raw[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${raw.index}`);
  for (const line of commandLines(output)) {
    if (!(allowAnnotations && ANNOTATION.test(line))) problems.push(`command line: ${JSON.stringify(line)}`);
  }
  return problems;
}
