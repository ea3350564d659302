// Entry point of the stack sub-action's main step (stack/action.yml).
import { runStackMain } from '../action/stack.js';

await runStackMain();
