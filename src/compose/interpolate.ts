import type { Located } from '../core/source.js';
import { CLI_INPUT_NAMES } from '../inputs.js';
import type { ExpansionBudget } from './expansion.js';
import type { ComposeDiagnostic } from './model.js';
import { type Lookup, substitute } from './template.js';
import { composeDiagnostic, type ScalarNode, type YNode } from './tree.js';

const requiredFix = (envFilesName: string) =>
  `Set the variable in the environment, in .env or with ${envFilesName}, or give it a default (\${VAR:-default}).`;
const SIZE_FIX = `Shorten the value: variables that repeat each other (B=\${A}\${A}, C=\${B}\${B}, …) grow exponentially.`;
const SYNTAX_FIX = `Fix the variable reference: use \${NAME} with a name of letters, digits and _, and write a literal $ as $$.`;

type Cast = 'int' | 'float' | 'bool';

/** compose-go's type casts after interpolation (loader/interpolate.go), as path patterns; `[]` is a list item. */
const CASTS: [string[], Cast][] = [
  ...['networks', 'volumes', 'secrets', 'configs'].map((top): [string[], Cast] => [
    [top, '*', 'external'],
    'bool',
  ]),
  ...['internal', 'attachable', 'enable_ipv4', 'enable_ipv6'].map((k): [string[], Cast] => [
    ['networks', '*', k],
    'bool',
  ]),
  ...['init', 'oom_kill_disable', 'privileged', 'read_only', 'stdin_open', 'tty'].map(
    (k): [string[], Cast] => [['services', '*', k], 'bool'],
  ),
  [['services', '*', 'networks', '*', 'use_service_name_alias'], 'bool'],
  [['services', '*', 'volumes', '[]', 'read_only'], 'bool'],
  [['services', '*', 'volumes', '[]', 'volume', 'nocopy'], 'bool'],
  [['services', '*', 'depends_on', '*', 'required'], 'bool'],
  [['services', '*', 'depends_on', '*', 'restart'], 'bool'],
  [['services', '*', 'healthcheck', 'disable'], 'bool'],
  ...[
    'cpu_count',
    'cpu_period',
    'cpu_quota',
    'cpu_rt_period',
    'cpu_rt_runtime',
    'cpu_shares',
    'oom_score_adj',
  ].map((k): [string[], Cast] => [['services', '*', k], 'int']),
  ...['pids_limit', 'scale'].map((k): [string[], Cast] => [['services', '*', k], 'int']),
  [['services', '*', 'ulimits', '*'], 'int'],
  [['services', '*', 'ulimits', '*', 'hard'], 'int'],
  [['services', '*', 'ulimits', '*', 'soft'], 'int'],
  [['services', '*', 'healthcheck', 'retries'], 'int'],
  [['services', '*', 'ports', '[]', 'target'], 'int'],
  [['services', '*', 'deploy', 'replicas'], 'int'],
  [['services', '*', 'deploy', 'update_config', 'parallelism'], 'int'],
  [['services', '*', 'deploy', 'rollback_config', 'parallelism'], 'int'],
  [['services', '*', 'deploy', 'restart_policy', 'max_attempts'], 'int'],
  [['services', '*', 'deploy', 'placement', 'max_replicas_per_node'], 'int'],
  [['services', '*', 'cpus'], 'float'],
  [['services', '*', 'cpu_percent'], 'float'],
  [['services', '*', 'deploy', 'update_config', 'max_failure_ratio'], 'float'],
  [['services', '*', 'deploy', 'rollback_config', 'max_failure_ratio'], 'float'],
];

export interface InterpolationResult {
  diagnostics: ComposeDiagnostic[];
  unset: Located<string>[];
}

/**
 * Substitutes variables in every scalar value of `root` in place (keys are left alone, as in compose),
 * then applies compose's type casts. Errors become compose-interpolation findings at the value, with the
 * column of the failing `$` when the value is written on one line.
 */
export function interpolateTree(
  root: YNode,
  text: string,
  lookup: Lookup,
  budget?: ExpansionBudget,
  /** How the caller names env files (`--env-file`, or the action's `env-file`). */
  envFilesName = CLI_INPUT_NAMES.envFiles,
): InterpolationResult {
  const result: InterpolationResult = { diagnostics: [], unset: [] };
  walk(root, [], text, { lookup, budget, envFilesName }, result);
  return result;
}

interface Expansion {
  lookup: Lookup;
  budget: ExpansionBudget | undefined;
  envFilesName: string;
}

function walk(node: YNode, path: string[], text: string, x: Expansion, result: InterpolationResult): void {
  if (node.kind === 'map') {
    for (const e of node.entries.values()) walk(e.value, [...path, e.key], text, x, result);
    return;
  }
  if (node.kind === 'seq') {
    for (const item of node.items) walk(item, [...path, '[]'], text, x, result);
    return;
  }
  if (typeof node.value === 'string' && node.value.includes('$')) {
    const template = node.value;
    const r = substitute(template, x.lookup, x.budget);
    for (const name of r.unset) {
      result.unset.push({
        value: name,
        pos: posIn(node, text, template, template.lastIndexOf('$', template.indexOf(name))),
      });
    }
    if (r.error) {
      const pos = posIn(node, text, template, r.error.index);
      result.diagnostics.push(
        composeDiagnostic(
          'interpolation',
          pos,
          `${path.filter((p) => p !== '[]').join('.')}: ${r.error.message}`,
          r.error.kind === 'required'
            ? requiredFix(x.envFilesName)
            : r.error.kind === 'too-large'
              ? SIZE_FIX
              : SYNTAX_FIX,
        ),
      );
      return;
    }
    node.value = r.value;
  }
  castAt(node, path, result);
}

function castAt(node: ScalarNode, path: string[], result: InterpolationResult): void {
  if (typeof node.value !== 'string') return;
  const cast = CASTS.find(([pattern]) => matches(pattern, path))?.[1];
  if (!cast) return;
  const raw = node.value;
  let value: number | boolean | undefined;
  if (cast === 'bool') {
    const lower = raw.toLowerCase();
    value = ['true', 'y', 'yes', 'on'].includes(lower)
      ? true
      : ['false', 'n', 'no', 'off'].includes(lower)
        ? false
        : undefined;
  } else if (cast === 'int' ? /^[-+]?\d+$/.test(raw) : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
    value = Number(raw);
  }
  if (value === undefined) {
    result.diagnostics.push(
      composeDiagnostic(
        'interpolation',
        { file: node.file, line: node.line, column: node.column },
        `${path.filter((p) => p !== '[]').join('.')}: failed to cast to expected type: "${raw}" is not ${cast === 'bool' ? 'a boolean' : cast === 'int' ? 'an integer' : 'a number'}`,
        `Give a ${cast === 'bool' ? 'true/false' : 'numeric'} value here.`,
      ),
    );
    return;
  }
  node.value = value;
}

function matches(pattern: string[], path: string[]): boolean {
  return (
    pattern.length === path.length && pattern.every((p, i) => (p === '*' ? path[i] !== '[]' : p === path[i]))
  );
}

/** The position of `template[index]` in the file when the scalar is on one line, else the value's start. */
function posIn(node: ScalarNode, text: string, template: string, index: number) {
  const at = { file: node.file, line: node.line, column: node.column };
  if (!node.inline || index < 0) return at;
  const source = text.slice(node.start, node.end);
  const before = template.slice(0, index);
  // Quoted scalars start with the quote; an escape before the `$` would shift columns, so only plain text counts.
  const lead = node.quoted ? 1 : 0;
  if (source.slice(lead, lead + before.length) !== before || source.includes('\n')) return at;
  return { ...at, column: node.column + lead + index };
}
