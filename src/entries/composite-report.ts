// Entry point of the root composite's output steps (action.yml): verify's and the speed test's outputs, and
// the run report.
import { runCompositeReport } from '../action/composite-report.js';

runCompositeReport();
