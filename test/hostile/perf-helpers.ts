import { runCli } from '../unit/helpers/cli.js';

export { withProject } from '../unit/helpers/project.js';

export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** `stackgate validate -C dir --format json`, in-process; asserts nothing itself. */
export async function validateJson(dir: string, extra: string[] = []) {
  const r = await runCli(['validate', '-C', dir, '--format', 'json', '--fail-on', 'never', ...extra], dir);
  let findings: JsonFinding[] = [];
  try {
    findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
  } catch {
    // Left empty: the caller's assertion on code/stderr names the failure.
  }
  return { ...r, findings };
}

/** `file:line:column rule message`, for compact assertions. */
export function where(f: JsonFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`;
}

/** A crash shows as a JS stack frame or V8's recursion message in what the CLI printed. */
export function assertNoCrash(r: { code: number; stderr: string; stdout: string }): void {
  const text = `${r.stderr}\n${r.stdout}`;
  if (/Maximum call stack size exceeded|RangeError|\n\s+at .+:\d+:\d+\)?\n/.test(text) || r.code > 2)
    throw new Error(`the CLI crashed (exit ${r.code}):\n${r.stderr.slice(0, 2000)}`);
}
