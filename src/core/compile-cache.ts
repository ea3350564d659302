import module from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * V8's code cache across runs (Node 22.1+): the bundle is parsed and compiled once, not on every
 * invocation (measured in docs/benchmarks.md). The cache lives in the user's own cache directory
 * ($XDG_CACHE_HOME or ~/.cache), not in Node's default under the shared OS temp directory, where
 * another account could plant entries first. Its content depends only on stackgate's own code: the
 * project being validated never reaches it. NODE_COMPILE_CACHE and NODE_DISABLE_COMPILE_CACHE still
 * decide when set.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  if (!module.enableCompileCache || env.NODE_DISABLE_COMPILE_CACHE) return;
  if (env.NODE_COMPILE_CACHE) {
    module.enableCompileCache();
    return;
  }
  const root = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : cacheHome();
  if (root) module.enableCompileCache(path.join(root, 'stackgate', 'compile-cache'));
}

function cacheHome(): string | undefined {
  try {
    const home = homedir();
    return home ? path.join(home, '.cache') : undefined;
  } catch {
    return undefined;
  }
}
