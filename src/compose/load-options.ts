import type { ProjectFiles } from '../core/project-files.js';
import type { InputNames } from '../inputs.js';

/** How the caller names the compose files and env files in errors: a CLI flag, or the action's input. */
export type ComposeInputNames = Pick<InputNames, 'composeFiles' | 'envFiles'>;

/** What `validate` (and later `up`) passes to the compose loader; mirrors docker compose's flags. */
export interface ComposeLoadOptions {
  /** Project directory (`-C` / working directory). */
  cwd: string;
  /** `--compose` files, relative to cwd; empty means default discovery + override file. */
  files: string[];
  /** `--env-file` files; empty means `<projectDir>/.env` when it exists. */
  envFiles: string[];
  /** `--profile` values; when empty, COMPOSE_PROFILES (environment or .env) applies, as in compose. */
  profiles: string[];
  /** Process environment used for interpolation (it wins over .env, as in compose). */
  env: Record<string, string | undefined>;
  /** The root-confined reader every project file goes through (default: one rooted at cwd). */
  boundary?: ProjectFiles;
  /** The caller's words for `files` and `envFiles` (default: the CLI's flags). */
  inputNames?: ComposeInputNames;
}
