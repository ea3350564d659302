import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../../../src/core/finding.js';
import { type ValidateOptions, type ValidateResult, validate } from '../../../src/validate.js';

/** Writes a project (path → content) into a fresh temp dir, runs `fn` there, and removes it. */
export async function withProject<T>(
  files: Record<string, string | Uint8Array>,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackgate-project-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      const p = path.join(dir, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates a project given as files; returns the findings with file paths relative to the project. */
export async function validateFiles(
  files: Record<string, string>,
  opts: Partial<ValidateOptions> = {},
): Promise<{ findings: Finding[]; result: ValidateResult }> {
  return withProject(files, async (dir) => {
    const result = await validate({
      cwd: dir,
      files: [],
      nginxFiles: [],
      profiles: [],
      envFiles: [],
      env: {},
      ...opts,
    });
    const findings = result.findings.map((f) => ({
      ...f,
      pos: { ...f.pos, file: path.relative(dir, f.pos.file) },
    }));
    return { findings, result };
  });
}

/** Findings of one rule only. */
export async function ruleFindings(
  rule: string,
  files: Record<string, string>,
  opts: Partial<ValidateOptions> = {},
): Promise<Finding[]> {
  return (await validateFiles(files, opts)).findings.filter((f) => f.rule === rule);
}

/** A compose file with an nginx proxy mounting ./default.conf into conf.d, plus the given extra YAML. */
export function proxyCompose(proxyExtra: string, otherServices: string, topLevel = ''): string {
  return `services:
  nginx:
    image: nginx:1.27
    volumes:
      - ./default.conf:/etc/nginx/conf.d/default.conf:ro
${proxyExtra}
${otherServices}
${topLevel}`;
}
