import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUserError } from '../../../src/core/errors.js';
import { ACTION_INPUT_NAMES } from '../../../src/inputs.js';
import { up } from '../../../src/stack/up.js';
import { withProject } from '../helpers/project.js';

const upIn = (cwd: string, inputNames?: typeof ACTION_INPUT_NAMES) =>
  up({
    cwd,
    files: ['nope.yaml'],
    profiles: [],
    envFiles: [],
    env: {},
    timeoutSeconds: 5,
    validate: true,
    tls: 'auto',
    log: () => {},
    ...(inputNames ? { inputNames } : {}),
  });

test("up names a missing compose file in the caller's words, before it asks the engine anything", async () => {
  await withProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' }, async (dir) => {
    const action = await upIn(dir, ACTION_INPUT_NAMES).then(
      () => assert.fail('up started'),
      (e: unknown) => e,
    );
    assert.ok(isUserError(action), String(action));
    assert.match(String((action as Error).message), /compose-file/);
    assert.doesNotMatch(String((action as Error).message), /--compose/);
    const cli = await upIn(dir).then(
      () => assert.fail('up started'),
      (e: unknown) => e,
    );
    assert.match(String((cli as Error).message), /--compose/);
  });
});
