// The one state helper between the stack/ action's main and post steps (core.saveState → STATE_*).
// It holds where the run is (project name, directory) and whether it is still up: never secrets.
import * as core from '@actions/core';

const KEY = 'stackgate-stack';

export interface ActionRunState {
  /** The compose project of the run. */
  project: string;
  /** Its project directory (the state file of src/stack/state.ts lives below it). */
  cwd: string;
  /** True while containers may exist: post must take them down. */
  running: boolean;
  /** Where post writes the logs. */
  logsDir?: string;
}

export function saveRunState(state: ActionRunState): void {
  core.saveState(KEY, JSON.stringify(state));
}

/** The state main saved, or undefined when main never got as far as starting anything. */
export function loadRunState(): ActionRunState | undefined {
  const raw = core.getState(KEY);
  if (!raw) return undefined;
  try {
    const s = JSON.parse(raw) as Partial<ActionRunState>;
    return typeof s.project === 'string' && typeof s.cwd === 'string'
      ? {
          project: s.project,
          cwd: s.cwd,
          running: s.running === true,
          ...(s.logsDir ? { logsDir: s.logsDir } : {}),
        }
      : undefined;
  } catch {
    return undefined;
  }
}
