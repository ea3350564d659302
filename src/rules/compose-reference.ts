import { loaderFindings, type Rule } from './rule.js';

/** The compose loader's `reference` diagnostics, reported as findings (see ComposeDiagnostic). */
export const composeReference: Rule = {
  id: 'compose-reference',
  severity: 'error',
  title: 'A reference to an undefined service, network or volume',
  check: (view) => loaderFindings(composeReference, view, 'reference'),
};
