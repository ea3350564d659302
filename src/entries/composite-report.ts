// Entry point of the root composite's report step (action.yml).
import { runCompositeReport } from '../action/composite-report.js';

runCompositeReport();
