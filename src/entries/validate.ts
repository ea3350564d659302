// Entry point of the validate sub-action (validate/action.yml).
import { runValidateAction } from '../action/validate.js';

await runValidateAction();
