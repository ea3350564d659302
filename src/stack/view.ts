// The project view of a run, without the rules: `verify` asks the view and judges nothing, so it skips
// the ~0.2 s that validate's rules cost on a cold process.
import { loadCompose } from '../compose/loader.js';
import { buildProjectView } from '../project/build.js';
import type { ProjectView } from '../project/view.js';
import type { StackState } from './state.js';

export async function viewOfRun(state: StackState, env: NodeJS.ProcessEnv): Promise<ProjectView> {
  const compose = await loadCompose({
    cwd: state.cwd,
    files: state.files,
    envFiles: state.envFiles,
    profiles: state.profiles,
    env: { ...env, ...state.imageEnv },
  });
  return buildProjectView({
    cwd: state.cwd,
    compose,
    nginxFiles: [],
    ...(state.proxy ? { proxyService: state.proxy } : {}),
  });
}
