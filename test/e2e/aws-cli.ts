// Runs the real CLI binary (lib/src/entries/cli.js) as a child process, streams captured.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AMI_PARAMETER, REGION } from './aws-moto.js';

export const CLI = fileURLToPath(new URL('../../src/entries/cli.js', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Only what the CLI needs: no AWS variables from the developer's shell leak into a test. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...env, ...extra };
}

export const MOTO_ENV = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function envArgs(name: string, endpoint: string, outputDir: string, more: string[] = []): string[] {
  return [
    '--name',
    name,
    '--region',
    REGION,
    '--endpoint',
    endpoint,
    '--ami-parameter',
    AMI_PARAMETER,
    '--output-dir',
    outputDir,
    ...more,
  ];
}

export function aws(
  action: string,
  name: string,
  endpoint: string,
  outputDir: string,
  more: string[] = [],
  env: NodeJS.ProcessEnv = cleanEnv(MOTO_ENV),
): Promise<Run> {
  return runNode(CLI, ['aws', action, ...envArgs(name, endpoint, outputDir, more)], env);
}
