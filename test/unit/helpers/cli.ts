import { main } from '../../../src/cli/main.js';

/** Runs the CLI in-process, capturing what it writes. */
export async function runCli(argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}
