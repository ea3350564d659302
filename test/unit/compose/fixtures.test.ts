import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { InputError } from '../../../src/core/errors.js';
import { diags, load, loadFiles, service, withDir } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const full = path.join(root, 'test/fixtures/compose/full');

describe('fixture: test/fixtures/compose/full', () => {
  it('loads include + extends + override + .env + profiles without findings', async () => {
    const m = await load(full);
    assert.deepEqual(diags(m), []);
    assert.equal(m.projectName, 'fullstack');
    assert.deepEqual(
      m.files.map((f) => path.relative(full, f)),
      ['compose.yaml', 'db/compose.yaml', 'common/base.yml', 'compose.override.yaml'],
    );
    assert.deepEqual(
      m.services.map((s) => [s.name, s.active]),
      [
        ['proxy', true],
        ['app', true],
        ['debug', false],
        ['db', true],
      ],
    );
    const proxy = service(m, 'proxy');
    assert.equal(proxy.image?.value, 'nginx:1.27.3');
    assert.deepEqual(
      proxy.ports.map((p) => `${p.hostIp ?? ''}:${p.published}:${p.target}`),
      [':80:80', '127.0.0.1:8443:443', ':8080:8080'],
    );
    assert.deepEqual(
      proxy.volumes.map((v) => [v.type, path.relative(full, v.hostPath ?? ''), v.short]),
      [
        ['bind', 'nginx/conf.d', true],
        ['bind', 'certs', false],
      ],
    );
    assert.equal(proxy.keyRanges.logging?.file, path.join(full, 'compose.yaml'));
    const app = service(m, 'app');
    assert.equal(app.image?.value, 'app:latest');
    assert.equal(app.healthcheck, true);
    assert.deepEqual(app.environment, { DB_HOST: 'db', SECRET: 'not-a-real-secret', LOG_LEVEL: 'debug' });
    assert.equal(app.volumes[0]?.hostPath, path.join(full, 'common/static'));
    assert.deepEqual(
      service(m, 'debug').dependsOn.map((d) => d.service),
      ['app'],
    );
    assert.deepEqual(
      m.networks.map((n) => n.name),
      ['front', 'back'],
    );
    assert.deepEqual(
      m.volumes.map((v) => v.name),
      ['dbdata'],
    );
  });

  it('without its .env, the required APP_SECRET is reported where it is used', async () => {
    await withDir({ 'empty.env': '# nothing\n' }, async (dir) => {
      const m = await load(full, { envFiles: [path.join(dir, 'empty.env')] });
      assert.deepEqual(diags(m), [
        'compose-interpolation 36:15 services.app.environment.SECRET: required variable APP_SECRET is missing a value: APP_SECRET must be set in .env',
      ]);
      assert.equal(service(m, 'proxy').image?.value, 'nginx:1.27');
    });
  });

  it('a --env-file that is not a dotenv file is an InputError naming file and line', async () => {
    const error = await load(full, { envFiles: [path.join(full, 'compose.override.yaml')] }).catch(
      (e: unknown) => e,
    );
    assert.ok(
      error instanceof InputError && /compose\.override\.yaml:\d+:/.test(error.message),
      String(error),
    );
  });
});

describe('property: mutated compose files yield findings or InputError, never a crash', () => {
  const seed = readFileSync(path.join(full, 'compose.yaml'), 'utf8');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom(
        ':',
        '- ',
        '{',
        '}',
        '[',
        ']',
        '"',
        "'",
        '\n',
        '  ',
        '${',
        '$',
        '&a ',
        '*a',
        '<<: ',
        '\t',
        '#',
        '\u0000',
        '\uFEFF',
        'null',
        '~',
      ),
    }),
  );
  it('holds for 300 random mutations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        let text = seed;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text =
            m.kind === 'delete'
              ? text.slice(0, at) + text.slice(at + m.len)
              : text.slice(0, at) + m.text + text.slice(at);
        }
        try {
          const model = await loadFiles({ 'compose.yaml': text }, { env: { APP_SECRET: 'x' } });
          for (const d of model.diagnostics) {
            assert.ok(d.pos.line >= 1 && d.pos.column >= 1, JSON.stringify(d));
            assert.ok(path.isAbsolute(d.pos.file));
            assert.ok(d.fix.description);
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
