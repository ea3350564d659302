import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

// Every action.yml and workflow must load: GitHub refuses a file that is not valid YAML (a plain scalar
// holding ": " is the classic). The schema and linter checks live in `make lint-actions`; this is the
// cheap first line, plus the composite ⇄ sub-action contract.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SKIP = new Set(['node_modules', '.git', '.tools', 'lib', 'dist', '.cache', 'coverage']);

function actionFiles(dir = repo): string[] {
  const found: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...actionFiles(p));
    else if (e.name === 'action.yml' || e.name === 'action.yaml') found.push(p);
  }
  return found;
}

function workflowFiles(): string[] {
  return ['.github/workflows', 'workflows', 'test/workflows'].flatMap((d) =>
    readdirSync(path.join(repo, d))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(repo, d, f)),
  );
}

interface ActionMeta {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: { using: string; steps?: { id?: string; run?: string; env?: Record<string, string> }[] };
}

function load(file: string): unknown {
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  assert.deepEqual(
    doc.errors.map((e) => `${path.relative(repo, file)}: ${e.message}`),
    [],
    'not valid YAML',
  );
  return doc.toJS();
}

const action = (rel: string) => load(path.join(repo, rel)) as ActionMeta;

test('every action.yml and workflow is valid YAML with the keys GitHub needs', () => {
  const actions = actionFiles().map((f) => path.relative(repo, f));
  // The walk found the actions (a negative test must see its input).
  assert.ok(actions.includes('action.yml') && actions.includes('validate/action.yml'), actions.join());
  for (const rel of actions) {
    const a = action(rel);
    assert.ok(a.runs?.using, `${rel}: runs.using`);
  }
  const workflows = workflowFiles();
  assert.ok(workflows.length >= 4, workflows.join());
  for (const f of workflows) {
    const w = load(f) as { on?: unknown; jobs?: unknown };
    assert.ok(w.on && w.jobs, `${path.relative(repo, f)}: on and jobs`);
  }
});

test('a plain scalar holding ": " is caught (the check can fail)', () => {
  const doc = parseDocument('inputs:\n  x:\n    description: Compose files (default: discovery).\n');
  assert.match(doc.errors[0]?.message ?? '', /Nested mappings are not allowed in compact mappings/);
});

test('the composite has the inputs and outputs of issue 7, and the sub-action shares them', () => {
  const composite = action('action.yml');
  const aws = action('aws/action.yml');
  assert.deepEqual(
    Object.keys(composite.inputs).sort(),
    [
      'allow-paths',
      'aws-action',
      // Every aws/ input but action (aws-action) and destroy-on-failure (a composite has no post step).
      ...Object.keys(aws.inputs)
        .filter((n) => n !== 'action' && n !== 'destroy-on-failure')
        .map((n) => `aws-${n}`),
      'compose-file',
      'config',
      'env-file',
      'expect-status',
      'fail-on',
      'nginx-config',
      'profiles',
      'projects',
      'proxy-service',
      'sarif-file',
      'speedtest',
      'timeout',
      'tls',
      'up',
      'validate',
      'verify',
      'working-directory',
    ].sort(),
  );
  assert.deepEqual(
    Object.keys(composite.outputs).sort(),
    [
      ...Object.keys(aws.outputs).map((n) => `aws-${n}`),
      'download-mbps',
      'errors',
      'jitter-ms',
      'notes',
      'ping-ms',
      'report',
      'sarif-file',
      'upload-mbps',
      'url',
      'warnings',
    ].sort(),
  );
  // The sub-actions that exist (stack/ is built in parallel): a name they share means the same thing.
  const subs = ['validate/action.yml', 'stack/action.yml'].filter((f) => existsSync(path.join(repo, f)));
  assert.ok(subs.includes('validate/action.yml'));
  for (const rel of subs) {
    const sub = action(rel);
    for (const [name, input] of Object.entries(sub.inputs)) {
      // validate/'s tls is the mode of the up that follows (default: none, so provided); the composite's
      // is up's own, and its validate step derives validate's from it (see the next test).
      if (rel === 'validate/action.yml' && name === 'tls') continue;
      if (name in composite.inputs)
        assert.deepEqual(composite.inputs[name], input, `${rel} input ${name}: same meaning in both actions`);
    }
    for (const [name, output] of Object.entries(sub.outputs)) {
      if (name in composite.outputs)
        assert.equal(composite.outputs[name]?.description, output.description, `${rel} output ${name}`);
    }
  }
  // The validate sub-action's inputs and outputs are all the composite's.
  const validateSub = action('validate/action.yml');
  assert.deepEqual(
    Object.keys(validateSub.inputs).filter((n) => !(n in composite.inputs)),
    [],
  );
  assert.deepEqual(
    Object.keys(validateSub.outputs).filter((n) => !(n in composite.outputs)),
    [],
  );
});

test('the composite runs the sub-action entry with every input once, as INPUT_<NAME>', () => {
  const composite = action('action.yml');
  const sub = action('validate/action.yml');
  const step = composite.runs.steps?.find((s) => s.id === 'validate');
  assert.equal(step?.run, 'node "$GITHUB_ACTION_PATH/dist/validate/index.js"');
  // @actions/core reads INPUT_ + the name upper-cased, spaces to "_", hyphens kept.
  const expected = Object.fromEntries(
    Object.keys(sub.inputs).map((n) => [
      `INPUT_${n.replace(/ /g, '_').toUpperCase()}`,
      `\${{ inputs.${n} }}`,
    ]),
  );
  // The one derived input: validate notes the certificates up will generate only when up runs.
  expected.INPUT_TLS = `\${{ inputs.up == 'true' && inputs.tls || 'provided' }}`;
  assert.deepEqual(step?.env, expected);
});

test('no expression inside any run: block (inputs reach shell only through env)', () => {
  const runs: string[] = [];
  for (const f of actionFiles()) {
    for (const s of (load(f) as ActionMeta).runs.steps ?? []) if (s.run) runs.push(s.run);
  }
  for (const f of workflowFiles()) {
    const w = load(f) as { jobs: Record<string, { steps?: { run?: string }[] }> };
    for (const job of Object.values(w.jobs)) for (const s of job.steps ?? []) if (s.run) runs.push(s.run);
  }
  assert.ok(runs.length >= 8, `found ${runs.length} run: blocks`);
  assert.deepEqual(
    runs.filter((r) => r.includes('${{')),
    [],
  );
});
