import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';

const RULE = 'path-outside-project';

test('an env_file and an extends.file outside the root are notes at their lines; inside ones are read', async () => {
  const outside = mkdtempSync(path.join(os.tmpdir(), 'sg-boundary-out-'));
  try {
    writeFileSync(path.join(outside, 'a.env'), 'A=1\n');
    writeFileSync(path.join(outside, 'base.yaml'), 'services:\n  base:\n    image: x:1\n');
    const compose = `services:\n  app:\n    image: x:1\n    env_file: ${outside}/a.env\n  web:\n    extends:\n      file: ${outside}/base.yaml\n      service: base\n  ok:\n    image: x:1\n    env_file: ./in.env\n`;
    const found = await ruleFindings(RULE, { 'compose.yaml': compose, 'in.env': 'B=2\n' });
    assert.deepEqual(
      found.map((f) => `${f.severity}@${f.pos.line}`),
      ['note@4', 'note@7'],
    );
    assert.match(found[0]!.message, /env_file .*a\.env is outside the project root .*not read/);
    assert.match(found[0]!.fix.description, /--allow-path /);
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});
