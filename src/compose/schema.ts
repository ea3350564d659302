import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ComposeDiagnostic } from './model.js';
import { validate as generatedValidate } from './schema/validator.generated.js';
import { composeDiagnostic, type MapNode, nodePos, toPlain, type YNode } from './tree.js';

/**
 * ajv standalone code generated from compose-spec.json (see schema/generate.ts): compiling the schema
 * at run time takes about a second, loading the generated module a few tens of milliseconds. A static
 * import keeps the ncc bundle a single file.
 */
const validator = generatedValidate as unknown as ValidateFunction;

/** Validates one interpolated compose document; every schema error becomes a compose-invalid finding at its node. */
export function validateSchema(root: MapNode, fileLabel: string): ComposeDiagnostic[] {
  const validate = validator;
  if (validate(toPlain(root))) return [];
  const errors = selectErrors(validate.errors ?? []);
  const seen = new Set<string>();
  const findings: ComposeDiagnostic[] = [];
  for (const error of errors) {
    const located = locate(root, error);
    const message = `${describePath(error)} ${describeError(error)}`.trim();
    const key = `${located.line}:${located.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(
      composeDiagnostic('invalid', located, `validating ${fileLabel}: ${message}`, fixFor(error)),
    );
  }
  return findings;
}

function segments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function extraProperty(error: ErrorObject): string | undefined {
  const p = error.params as { additionalProperty?: string; unevaluatedProperty?: string };
  if (error.keyword === 'additionalProperties') return p.additionalProperty;
  if (error.keyword === 'unevaluatedProperties') return p.unevaluatedProperty;
  return undefined;
}

/** The node an error is about: the extra key itself for additional properties, else the value. */
function locate(root: YNode, error: ErrorObject) {
  let node: YNode = root;
  let keyOf: YNode | undefined;
  for (const seg of segments(error.instancePath)) {
    if (node.kind === 'map') {
      const e = node.entries.get(seg);
      if (!e) break;
      keyOf = e.keyNode;
      node = e.value;
    } else if (node.kind === 'seq') {
      const item = node.items[Number(seg)];
      if (!item) break;
      keyOf = undefined;
      node = item;
    } else break;
  }
  const extra = extraProperty(error);
  if (extra !== undefined && node.kind === 'map') {
    const e = node.entries.get(extra);
    if (e) return nodePos(e.keyNode);
  }
  // A null value (`services:` with nothing after it) has no position of its own; the key has.
  if (node.kind === 'scalar' && node.value === null && keyOf) return nodePos(keyOf);
  return nodePos(node);
}

function describePath(error: ErrorObject): string {
  const segs = segments(error.instancePath);
  return segs.length === 0 ? '(root)' : segs.join('.');
}

function humanType(t: string): string {
  return t === 'object' ? 'mapping' : t === 'array' ? 'array' : t;
}

export function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `Additional property ${extraProperty(error)} is not allowed`;
    case 'type': {
      const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')).map((t) =>
        humanType(String(t)),
      );
      const text = joinOr(types);
      return `must be ${/^[aeiou]/.test(text) ? 'an' : 'a'} ${text}`;
    }
    case 'required':
      return `missing property ${String(params.missingProperty)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minimum':
      return `must be greater than or equal to ${String(params.limit)}`;
    case 'maximum':
      return `must be less than or equal to ${String(params.limit)}`;
    case 'pattern':
      return `does not match pattern ${String(params.pattern)}`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    case 'uniqueItems':
      return `array items ${String(params.j)} and ${String(params.i)} are equal`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'minProperties':
      return `must have at least ${String(params.limit)} properties`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function joinOr(items: string[]): string {
  const sorted = [...new Set(items)].sort();
  if (sorted.length <= 1) return sorted[0] ?? '';
  return `${sorted.slice(0, -1).join(', ')} or ${sorted[sorted.length - 1]}`;
}

function fixFor(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `Remove or rename "${extraProperty(error)}": the compose specification does not define it here (extensions must start with x-).`;
    case 'type':
      return 'Change the value to the type the compose specification expects here.';
    case 'required':
      return 'Add the missing property.';
    default:
      return 'Change the value to one the compose specification allows (see the compose file reference).';
  }
}

/**
 * Ajv with allErrors reports every failed branch of each oneOf/anyOf. Like compose, keep the most
 * specific: the errors that got deeper into the value than the combinator's own node; when every
 * branch fails at the node itself (a wrong type), one error listing the accepted types.
 *
 * Branch errors cannot be matched by schemaPath (it restarts after each $ref), so this relies on ajv's
 * order: a combinator's branch errors are pushed right before the combinator's own error.
 */
export function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const under = (e: ErrorObject, p: string) => e.instancePath === p || e.instancePath.startsWith(`${p}/`);
  const owner = new Map<number, number>();
  errors.forEach((e, i) => {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return;
    for (let j = i - 1; j >= 0 && under(errors[j]!, e.instancePath); j--) if (!owner.has(j)) owner.set(j, i);
  });
  const childrenOf = (i: number | undefined) => errors.flatMap((_, j) => (owner.get(j) === i ? [j] : []));
  const depth = (e: ErrorObject) =>
    segments(e.instancePath).length + (extraProperty(e) !== undefined ? 1 : 0);
  const resolve = (i: number): ErrorObject[] => {
    const e = errors[i]!;
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return [e];
    const kids = childrenOf(i).flatMap(resolve);
    if (kids.length === 0) return [e];
    const own = segments(e.instancePath).length;
    const deeper = kids.filter((k) => depth(k) > own);
    if (deeper.length > 0) return deeper;
    const types = kids.filter((k) => k.keyword === 'type');
    if (types.length === 0) return kids;
    const all = types.flatMap((t) => {
      const p = (t.params as { type: string | string[] }).type;
      return Array.isArray(p) ? p : String(p).split(',');
    });
    return [{ ...types[0]!, instancePath: e.instancePath, params: { type: [...new Set(all)] } }];
  };
  const selected = childrenOf(undefined).flatMap(resolve);
  // A property whose value failed its own schema is also reported as unevaluated; the real error suffices.
  return selected.filter((e) => {
    if (e.keyword !== 'unevaluatedProperties') return true;
    const prop = `${e.instancePath}/${String(extraProperty(e)).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return !errors.some(
      (other) => other !== e && other.keyword !== 'unevaluatedProperties' && under(other, prop),
    );
  });
}
