#!/usr/bin/env -S node --
// The CLI binary: a thin wrapper that hands the process streams to the shared core.
// `node --` in the shebang: Node scans every argument for --env-file, even the script's own after
// the script path, and exits 9 when that file is not where Node looks; `--` ends Node's options.
import module from 'node:module';
import { main } from '../cli/main.js';

// V8's code cache across runs (Node 22.1+): the bundle is parsed once, not on every invocation.
module.enableCompileCache?.();

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
