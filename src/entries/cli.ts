#!/usr/bin/env -S node --
// The CLI binary: a thin wrapper that hands the process streams to the shared core.
// `node --` in the shebang: Node scans every argument for --env-file, even the script's own after
// the script path, and exits 9 when that file is not where Node looks; `--` ends Node's options.
import { enableCompileCache } from '../core/compile-cache.js';

// Before the rest loads, so that all of it is compiled from (and into) the cache.
enableCompileCache();
const { main } = await import('../cli/main.js');

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
