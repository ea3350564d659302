import { loaderFindings, type Rule } from './rule.js';

/** The compose loader's `invalid` diagnostics, reported as findings (see ComposeDiagnostic). */
export const composeInvalid: Rule = {
  id: 'compose-invalid',
  severity: 'error',
  title: 'YAML syntax error, compose-spec schema violation, or a project compose refuses to run',
  check: (view) => loaderFindings(composeInvalid, view, 'invalid'),
};
