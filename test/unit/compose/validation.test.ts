// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateValidatorSource, schemaHash } from '../../../src/compose/schema/generate.js';
import { diags, load, loadFiles, withDir } from './helpers.js';

describe('schema validation', () => {
  it('reports every schema error at the offending node', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:', //                                  1
        '  backend:', //                                 2
        '    image: 5', //                               3
        '    develop2: x', //                            4
        '    ports:', //                                 5
        '      - {target: 80, bogus: 1}', //             6
        '      - [1]', //                                7
        '    environment:', //                           8
        '      A: [1]', //                               9
        '    depends_on:', //                           10
        '      db:', //                                 11
        '        condition: nope', //                   12
        '  db:', //                                     13
        '    image: postgres', //                       14
        'foo: bar', //                                  15
        '',
      ].join('\n'),
    });
    assert.deepEqual(
      diags(m, 'compose-invalid').sort(),
      [
        'compose-invalid 15:1 validating compose.yaml: (root) Additional property foo is not allowed',
        'compose-invalid 12:20 validating compose.yaml: services.backend.depends_on.db.condition must be one of "service_started", "service_healthy", "service_completed_successfully"',
        'compose-invalid 3:12 validating compose.yaml: services.backend.image must be a string',
        'compose-invalid 4:5 validating compose.yaml: services.backend Additional property develop2 is not allowed',
        'compose-invalid 6:22 validating compose.yaml: services.backend.ports.0 Additional property bogus is not allowed',
        'compose-invalid 7:9 validating compose.yaml: services.backend.ports.1 must be a mapping, number or string',
        'compose-invalid 9:10 validating compose.yaml: services.backend.environment.A must be a boolean, null, number or string',
      ].sort(),
    );
    for (const d of m.diagnostics) assert.ok(d.fix.description.length > 10);
  });

  it('validates interpolated values, and a valid file has no findings', async () => {
    const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx\n    read_only: ${RO}\n' };
    assert.deepEqual(diags(await loadFiles(files, { env: { RO: 'true' } })), []);
    assert.deepEqual(diags(await loadFiles(files, { env: { RO: 'maybe' } })), [
      'compose-interpolation 4:16 services.web.read_only: failed to cast to expected type: "maybe" is not a boolean',
    ]);
  });

  it('a service that is null is reported at its key', async () => {
    const m = await loadFiles({ 'compose.yaml': 'services:\n  web:\n' });
    assert.deepEqual(diags(m), [
      'compose-invalid 2:3 validating compose.yaml: services.web must be a mapping',
    ]);
  });

  it('the generated validator is what generate.ts makes of the shipped schema, with its options', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const root = path.resolve(here, '../../../..');
    const schema = readFileSync(path.join(root, 'src/compose/schema/compose-spec.json'), 'utf8');
    const generated = readFileSync(path.join(root, 'src/compose/schema/validator.generated.ts'), 'utf8');
    assert.ok(
      generated.includes(`compose-spec.json sha256 ${schemaHash(schema)}`),
      'run node lib/src/compose/schema/generate.js',
    );
    // The whole text, so that a change of the ajv options (not only of the schema) needs a regeneration too.
    assert.equal(generated, generateValidatorSource(schema), 'run node lib/src/compose/schema/generate.js');
  });
});

describe('interpolation findings', () => {
  it('unset :? and ? are errors at the exact column; plain unset vars are listed', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:',
        '  web:',
        '    image: nginx:${TAG:?set TAG}',
        '    container_name: "x-${NAME?}"',
        '    hostname: ${UNSET_PLAIN}',
        '    environment:',
        '      A: "${BAD"',
        '      B: ${}',
        '      C: $${LITERAL}',
        '',
      ].join('\n'),
    });
    assert.deepEqual(diags(m), [
      'compose-interpolation 3:18 services.web.image: required variable TAG is missing a value: set TAG',
      'compose-interpolation 4:24 services.web.container_name: required variable NAME is missing a value',
      'compose-interpolation 7:11 services.web.environment.A: Invalid template: "${BAD"',
      'compose-interpolation 8:10 services.web.environment.B: Invalid template: "${}"',
    ]);
    assert.deepEqual(
      m.unsetVariables?.map((u) => `${u.value} ${u.pos.line}:${u.pos.column}`),
      ['UNSET_PLAIN 5:15'],
    );
    const web = m.services[0];
    assert.equal(web?.hostname?.value, '');
    assert.equal(web?.environment.C, '${LITERAL}');
  });
});

describe('reference checks', () => {
  it('reports every undefined reference, not only the first', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:', //                                           1
        '  web:', //                                              2
        '    image: nginx', //                                    3
        '    depends_on: [api, ghost]', //                        4
        '    links: ["phantom:alias"]', //                        5
        '    networks: [front, nowhere]', //                      6
        '    volumes: [data:/data, missing:/m, ./bind:/b]', //    7
        '    volumes_from: ["service:absent:ro", "container:ext", api]', // 8
        '  api:', //                                              9
        '    image: x', //                                       10
        '    network_mode: "service:nobody"', //                 11
        '  both:', //                                            12
        '    image: x', //                                       13
        '    network_mode: host', //                             14
        '    networks: [front]', //                              15
        '  optional:', //                                        16
        '    image: x', //                                       17
        '    depends_on: {maybe: {condition: service_started, required: false}}', // 18
        '  hidden:', //                                          19
        '    image: x', //                                       20
        '    profiles: [off]', //                                21
        '    depends_on: [ghost2]', //                           22
        'networks: {front: {}}', //                              23
        'volumes: {data: {}}', //                                24
        '',
      ].join('\n'),
    });
    assert.deepEqual(diags(m, 'compose-reference'), [
      'compose-reference 4:23 service "web" depends on undefined service "ghost"',
      'compose-reference 5:13 service "web" depends on undefined service "phantom" (links)',
      'compose-reference 8:20 service "web" volumes_from undefined service "absent"',
      'compose-reference 6:23 service "web" refers to undefined network nowhere',
      'compose-reference 7:27 service "web" refers to undefined volume missing',
      'compose-reference 11:19 service "nobody" not found for network_mode \'service:nobody\'',
      'compose-reference 15:5 service both declares mutually exclusive `network_mode` and `networks`',
    ]);
    const exclusive = m.diagnostics.find((d) => d.message.includes('mutually exclusive'));
    assert.equal(exclusive?.related?.[0]?.pos.line, 14);
    assert.equal(exclusive?.service, 'both');
    for (const d of m.diagnostics) {
      assert.ok(path.isAbsolute(d.pos.file));
      assert.ok(d.fix.description.length > 10, d.message);
    }
  });

  it('the explicit default network needs no declaration', async () => {
    await withDir({ 'compose.yaml': 'services:\n  a: {image: x, networks: [default]}\n' }, async (dir) => {
      const m = await load(dir);
      assert.deepEqual(diags(m), []);
      assert.equal(m.networks.find((n) => n.name === 'default')?.implicit, true);
    });
  });
});
