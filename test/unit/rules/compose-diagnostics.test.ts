import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { ruleFindings, validateFiles, withProject } from '../helpers/project.js';

// compose-invalid, compose-interpolation and compose-reference surface the compose loader's
// diagnostics through the whole pipeline; these cases pin their ids, severities and places.

test('compose-invalid: every schema violation at its own line:col, none for a valid file', async () => {
  const compose = 'services:\n  web:\n    image: nginx:1.27\n    bogus_key: {}\n    ports: "80:80"\n';
  const found = await ruleFindings('compose-invalid', { 'compose.yaml': compose });
  assert.deepEqual(
    found.map((f) => [f.severity, f.pos.line]),
    [
      ['error', 4],
      ['error', 5],
    ],
  );
  assert.match(found[0]!.message, /bogus_key/);
  assert.deepEqual(
    await ruleFindings('compose-invalid', { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' }),
    [],
  );
});

test('compose-interpolation: an unset required variable is an error at the value; a set one is not', async () => {
  const compose = `services:\n  web:\n    image: "nginx:$\{TAG:?set TAG to the nginx version}"\n`;
  const [f] = await ruleFindings('compose-interpolation', { 'compose.yaml': compose });
  assert.equal(f?.severity, 'error');
  assert.equal(f?.pos.line, 3);
  assert.match(f?.message ?? '', /TAG/);
  assert.match(f?.message ?? '', /set TAG to the nginx version/);
  assert.deepEqual(
    await ruleFindings('compose-interpolation', { 'compose.yaml': compose, '.env': 'TAG=1.27\n' }),
    [],
  );
});

test('compose-reference: a ghost depends_on and an undefined network, each at its line', async () => {
  const compose =
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [ghost]\n    networks: [front]\n  app:\n    image: app:1\n';
  const found = await ruleFindings('compose-reference', { 'compose.yaml': compose });
  assert.deepEqual(
    found.map((f) => f.pos.line),
    [4, 5],
  );
  assert.match(found[0]!.message, /ghost/);
  assert.match(found[1]!.message, /front/);
  const fixed = compose.replace('[ghost]', '[app]') + 'networks:\n  front: {}\n';
  assert.deepEqual(await ruleFindings('compose-reference', { 'compose.yaml': fixed }), []);
});

test('severities: .stackgate.yaml and --severity change levels, "off" drops a rule, unknown ids are exit 2', async () => {
  const files = {
    'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx\n',
    '.stackgate.yaml': 'rules:\n  image-unpinned: off\n  compose-version-obsolete: error\n',
  };
  const { findings } = await validateFiles(files, {
    severities: { 'image-unpinned': 'off', 'compose-version-obsolete': 'error' },
  });
  assert.ok(!findings.some((f) => f.rule === 'image-unpinned'));
  assert.equal(findings.find((f) => f.rule === 'compose-version-obsolete')?.severity, 'error');
  await withProject(files, async (dir) => {
    const fromFile = JSON.parse(
      (await runCli(['validate', '--format', 'json', '--fail-on', 'never'], dir)).stdout,
    );
    assert.ok(!fromFile.findings.some((f: { rule: string }) => f.rule === 'image-unpinned'));
    assert.equal(
      fromFile.findings.find((f: { rule: string }) => f.rule === 'compose-version-obsolete')?.severity,
      'error',
    );
    // The flag wins over the file.
    const flagged = await runCli(
      ['validate', '--format', 'json', '--fail-on', 'never', '--severity', 'compose-version-obsolete=note'],
      dir,
    );
    assert.equal(
      JSON.parse(flagged.stdout).findings.find((f: { rule: string }) => f.rule === 'compose-version-obsolete')
        ?.severity,
      'note',
    );
    const bad = await runCli(['validate', '--severity', 'no-such-rule=off'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule "no-such-rule"/);
  });
});

test('compose-invalid: a service with neither image nor build, as compose refuses it', async () => {
  const compose =
    'services:\n  web:\n    image: nginx:1.27\n  worker:\n    environment:\n      QUEUE: default\n  built:\n    build: .\n  off:\n    profiles: [debug]\n    command: ["true"]\n';
  const found = await ruleFindings('compose-invalid', {
    'compose.yaml': compose,
    Dockerfile: 'FROM alpine\n',
  });
  assert.deepEqual(
    found.map((f) => [f.pos.line, f.pos.column, f.service]),
    [[4, 3, 'worker']],
    'only the active service without either',
  );
  assert.match(
    found[0]?.message ?? '',
    /service "worker" has neither an image nor a build context specified/,
  );
  assert.match(found[0]?.fix.description ?? '', /image: <image>.*build: <context directory>/);
});
