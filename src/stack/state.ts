// The run's state file (.stackgate/stack/<project>.json in the project directory): what `verify` and
// `down` need to find the run that `up` started. Names, files and ports only; never secrets or env values.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, InputError } from '../core/errors.js';
import type { ComposeTarget } from './compose.js';

export interface PublishedPort {
  service: string;
  target: number;
  published: number;
  hostIp?: string;
  protocol: string;
}

export interface StackState {
  version: 1;
  project: string;
  cwd: string;
  files: string[];
  profiles: string[];
  envFiles: string[];
  proxy?: string;
  ports: PublishedPort[];
  /** Host files stackgate created (self-signed certificates), relative to cwd. */
  generated: string[];
  startedAt: string;
  /** Image overrides in effect (NGINX_IMAGE=…), so `down` and `verify` run compose as `up` did. */
  imageEnv?: Record<string, string>;
}

export function stateDir(cwd: string): string {
  return path.join(cwd, '.stackgate', 'stack');
}

export function statePath(cwd: string, project: string): string {
  return path.join(stateDir(cwd), `${project}.json`);
}

export function writeState(state: StackState): string {
  const file = statePath(state.cwd, state.project);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  return file;
}

/** The run named by --project-name, or the most recent run in this directory. */
export function readState(cwd: string, project?: string): StackState {
  let file: string;
  if (project) {
    file = statePath(cwd, project);
    if (!existsSync(file))
      throw new InputError(
        `no run "${project}" in ${cwd} (${path.relative(cwd, file)} does not exist); start it with 'stackgate up --project-name ${project}'`,
      );
  } else {
    const dir = stateDir(cwd);
    const runs = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => path.join(dir, f))
          .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
      : [];
    if (!runs[0])
      throw new InputError(
        `no stackgate run in ${cwd} (no ${path.relative(cwd, dir)}/*.json); run 'stackgate up' first`,
      );
    file = runs[0];
  }
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as StackState;
    if (state.version !== 1 || typeof state.project !== 'string') throw new Error('unknown format');
    return state;
  } catch (error) {
    throw new InputError(
      `${file}: not a stackgate state file (${errorMessage(error)}); delete it and run 'stackgate up' again`,
    );
  }
}

export function removeState(state: StackState): void {
  rmSync(statePath(state.cwd, state.project), { force: true });
}

export function targetOf(state: StackState, env: NodeJS.ProcessEnv): ComposeTarget {
  return {
    cwd: state.cwd,
    files: state.files,
    profiles: state.profiles,
    envFiles: state.envFiles,
    project: state.project,
    env: { ...env, ...state.imageEnv },
  };
}
