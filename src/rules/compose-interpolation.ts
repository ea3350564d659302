import { loaderFindings, type Rule } from './rule.js';

/** The compose loader's `interpolation` diagnostics, reported as findings (see ComposeDiagnostic). */
export const composeInterpolation: Rule = {
  id: 'compose-interpolation',
  severity: 'error',
  title: 'A required variable (the `:?` or `?` form) is unset, or the interpolation syntax is bad',
  check: (view) => loaderFindings(composeInterpolation, view, 'interpolation'),
};
