// src/rules/ holds only rules: one file per registered rule, named for its id, plus the registry and the rule type.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../../src/rules/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

test('every file in src/rules is one registered rule named for its id (or the registry and rule type)', () => {
  const files = readdirSync(path.join(repo, 'src/rules'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((f) => f !== 'index' && f !== 'rule')
    .sort();
  assert.ok(files.length >= 30, `only ${files.length} rule files: was src/rules read?`);
  assert.deepEqual(files, RULES.map((r) => r.id).sort());
});
