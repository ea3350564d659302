// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../../../src/core/errors.js';
import { ACTION_INPUT_NAMES, CLI_INPUT_NAMES } from '../../../src/inputs.js';
import { diags, load, loadFiles, service, withDir } from './helpers.js';

describe('compose file discovery', () => {
  it('prefers compose.yaml and warns when several default files exist', async () => {
    await withDir(
      { 'compose.yaml': 'services: {a: {image: x}}\n', 'docker-compose.yml': 'services: {b: {image: y}}\n' },
      async (dir) => {
        const m = await load(dir);
        assert.deepEqual(m.files, [path.join(dir, 'compose.yaml')]);
        assert.deepEqual(
          m.services.map((s) => s.name),
          ['a'],
        );
        assert.match(m.warnings?.[0] ?? '', /Found multiple config files.*using .*compose\.yaml/);
      },
    );
  });

  it('finds docker-compose.yml and its override file, and merges them', async () => {
    await withDir(
      {
        'docker-compose.yml': 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
        'docker-compose.override.yml':
          'services:\n  web:\n    ports: ["443:443"]\n  extra:\n    image: busybox\n',
      },
      async (dir) => {
        const m = await load(dir);
        assert.deepEqual(m.files, [
          path.join(dir, 'docker-compose.yml'),
          path.join(dir, 'docker-compose.override.yml'),
        ]);
        assert.deepEqual(
          service(m, 'web').ports.map((p) => [p.published, p.pos.file.endsWith('override.yml'), p.pos.line]),
          [
            [80, false, 4],
            [443, true, 3],
          ],
        );
        assert.ok(service(m, 'extra'));
      },
    );
  });

  it('looks in parent directories like compose', async () => {
    await withDir({ 'compose.yml': 'services: {a: {image: x}}\n', 'sub/deeper/.keep': '' }, async (dir) => {
      const m = await load(path.join(dir, 'sub/deeper'));
      assert.equal(m.projectDir, dir);
    });
  });

  it('throws a clear InputError when no compose file exists', async () => {
    await withDir({ 'README.md': 'nothing' }, async (dir) => {
      await assert.rejects(load(dir), (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.message, `no compose file found in ${dir}; name one with --compose`);
        return true;
      });
    });
  });

  it('merges several explicit files in order; missing ones are an InputError', async () => {
    await withDir(
      {
        'a.yml': 'services:\n  web:\n    image: one\n    command: [a, b]\n',
        'b.yml': 'services:\n  web:\n    image: two\n    command: [c]\n',
      },
      async (dir) => {
        const m = await load(dir, { files: ['a.yml', 'b.yml'] });
        assert.equal(service(m, 'web').image?.value, 'two');
        assert.equal(service(m, 'web').image?.pos.file, path.join(dir, 'b.yml'));
        await assert.rejects(
          load(dir, { files: ['a.yml', 'nope.yml'] }),
          /--compose nope\.yml: no such file/,
        );
      },
    );
  });

  it('honours COMPOSE_FILE from the environment or .env', async () => {
    await withDir(
      {
        'compose.yaml': 'services: {default: {image: x}}\n',
        'other.yml': 'services: {other: {image: y}}\n',
        '.env': 'COMPOSE_FILE=other.yml\n',
      },
      async (dir) => {
        const m = await load(dir);
        assert.deepEqual(
          m.services.map((s) => s.name),
          ['other'],
        );
      },
    );
  });
});

describe('environment and project name', () => {
  it('.env feeds interpolation and the process environment wins over it', async () => {
    const files = {
      'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n    container_name: ${NAME:-dflt}\n',
      '.env': 'TAG=from-dotenv\nNAME=dotenv-name\n',
    };
    const fromFile = await loadFiles(files);
    assert.equal(service(fromFile, 'web').image?.value, 'nginx:from-dotenv');
    const fromEnv = await loadFiles(files, { env: { TAG: 'from-process' } });
    assert.equal(service(fromEnv, 'web').image?.value, 'nginx:from-process');
    assert.equal(service(fromEnv, 'web').containerName, 'dotenv-name');
    assert.equal(fromEnv.env.TAG, 'from-process');
  });

  it('--env-file replaces .env', async () => {
    await withDir(
      {
        'compose.yaml': 'services:\n  web:\n    image: "${IMG}"\n',
        '.env': 'IMG=dotenv\n',
        'prod.env': 'IMG=prod\n',
      },
      async (dir) => {
        assert.equal(service(await load(dir, { envFiles: ['prod.env'] }), 'web').image?.value, 'prod');
        await assert.rejects(
          load(dir, { envFiles: ['missing.env'] }),
          /--env-file missing\.env: no such file/,
        );
      },
    );
  });

  it('project name: COMPOSE_PROJECT_NAME > name: > directory, normalized', async () => {
    const files = { 'compose.yaml': 'name: My.App_Name\nservices:\n  web:\n    image: x\n' };
    const byName = await loadFiles(files);
    assert.equal(byName.projectName, 'myapp_name');
    assert.equal(service(byName, 'web').containerName, 'myapp_name-web-1');
    const byEnv = await loadFiles(files, { env: { COMPOSE_PROJECT_NAME: 'Env-Proj' } });
    assert.equal(byEnv.projectName, 'env-proj');
    await withDir({ 'Stack Dir!/compose.yaml': 'services: {web: {image: x}}\n' }, async (dir) => {
      const m = await load(path.join(dir, 'Stack Dir!'));
      assert.equal(m.projectName, 'stackdir');
      assert.equal(service(m, 'web').containerName, 'stackdir-web-1');
    });
  });
});

describe('profiles and inactive services', () => {
  const files = {
    'compose.yaml': [
      'services:',
      '  web: {image: x}',
      '  debug: {image: x, profiles: [debug]}',
      '  tools: {image: x, profiles: [ops, debug2]}',
      '  off: {image: x, scale: 0}',
      '  off2: {image: x, deploy: {replicas: 0}}',
      '',
    ].join('\n'),
  };

  it('services with profiles are inactive unless a profile is enabled', async () => {
    const m = await loadFiles(files);
    assert.equal(service(m, 'web').active, true);
    assert.equal(service(m, 'debug').active, false);
    assert.equal(service(m, 'debug').inactiveReason, 'profile "debug" is not enabled');
    assert.match(service(m, 'tools').inactiveReason ?? '', /none of its profiles \("ops", "debug2"\)/);
    assert.equal(service(m, 'off').inactiveReason, 'scale: 0');
    assert.equal(service(m, 'off2').inactiveReason, 'deploy.replicas: 0');
  });

  it('--profile and COMPOSE_PROFILES enable them; * enables all', async () => {
    assert.equal(service(await loadFiles(files, { profiles: ['debug'] }), 'debug').active, true);
    const fromEnv = await loadFiles(files, { env: { COMPOSE_PROFILES: 'ops,debug' } });
    assert.equal(service(fromEnv, 'tools').active, true);
    assert.equal(service(fromEnv, 'debug').active, true);
    assert.equal(service(await loadFiles(files, { profiles: ['*'] }), 'tools').active, true);
    // An explicit --profile replaces COMPOSE_PROFILES, as in compose.
    const flagWins = await loadFiles(files, { profiles: ['ops'], env: { COMPOSE_PROFILES: 'debug' } });
    assert.equal(service(flagWins, 'debug').active, false);
    assert.equal(service(flagWins, 'tools').active, true);
  });

  it('COMPOSE_PROFILES may come from .env', async () => {
    const m = await loadFiles({ ...files, '.env': 'COMPOSE_PROFILES=debug\n' });
    assert.equal(service(m, 'debug').active, true);
    assert.deepEqual(diags(m), []);
  });
});

describe("compose input errors in the caller's words", () => {
  const files = { 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG:?set TAG}"\n' };
  for (const [caller, names] of [
    ['the CLI', CLI_INPUT_NAMES],
    ['the action', ACTION_INPUT_NAMES],
  ] as const) {
    it(`${caller} says ${names.composeFiles} and ${names.envFiles}`, async () => {
      const inputNames = { composeFiles: names.composeFiles, envFiles: names.envFiles };
      const says = (expected: string) => (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.message, expected);
        return true;
      };
      await withDir(files, async (dir) => {
        // The project loads with these names: each error below comes from the one input that is wrong.
        const m = await load(dir, { inputNames, env: { TAG: '1' } });
        assert.equal(service(m, 'web').image?.value, 'nginx:1');
        await assert.rejects(
          load(dir, { inputNames, files: ['nope.yml'] }),
          says(`${names.composeFiles} nope.yml: no such file (relative to ${dir})`),
        );
        await assert.rejects(
          load(dir, { inputNames, envFiles: ['nope.env'] }),
          says(`${names.envFiles} nope.env: no such file (relative to ${dir})`),
        );
        // An unset required variable: the fix names the caller's way to give an env file.
        const [unset, ...more] = (await load(dir, { inputNames })).diagnostics;
        assert.deepEqual(more, []);
        assert.equal(unset?.kind, 'interpolation');
        assert.equal(
          unset?.fix.description,
          `Set the variable in the environment, in .env or with ${names.envFiles}, or give it a default (\${VAR:-default}).`,
        );
      });
      await withDir({ 'README.md': 'no compose here' }, async (bare) => {
        await assert.rejects(
          load(bare, { inputNames }),
          says(`no compose file found in ${bare}; name one with ${names.composeFiles}`),
        );
      });
    });
  }
});
