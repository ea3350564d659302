// Entry point of the validate sub-action (validate/action.yml).
import { enableCompileCache } from '../core/compile-cache.js';

// Hosted runners start empty, so this pays only on self-hosted ones; it costs a cache write there.
enableCompileCache();
const { runValidateAction } = await import('../action/validate.js');

await runValidateAction();
