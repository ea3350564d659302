import type { Rule } from './rule.js';

/** The compose loader finds these while reading; the rules only surface its diagnostics by id. */
function loaderRule(id: string, title: string): Rule {
  return {
    id,
    severity: 'error',
    title,
    check: (view) => view.compose.diagnostics.filter((f) => f.rule === id),
  };
}

export const composeInvalid = loaderRule(
  'compose-invalid',
  'YAML syntax error or compose-spec schema violation',
);
export const composeInterpolation = loaderRule(
  'compose-interpolation',
  'A required variable (the `:?` or `?` form) is unset, or the interpolation syntax is bad',
);
export const composeReference = loaderRule(
  'compose-reference',
  'A reference to an undefined service, network or volume',
);
