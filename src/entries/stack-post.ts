// Entry point of the stack sub-action's post step (stack/action.yml): down + logs at job end.
import { runStackPost } from '../action/stack.js';

await runStackPost();
// Nothing may keep post alive (actions/cache does the same): its work is done.
process.exit(0);
