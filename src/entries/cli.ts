#!/usr/bin/env node
// The CLI binary: a thin wrapper that hands the process streams to the shared core.
import { main } from '../cli/main.js';

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
