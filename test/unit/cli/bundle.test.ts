import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

test('the CLI and validate bundles are ESM and do not carry the AWS SDK (cold start)', () => {
  for (const entry of ['cli', 'validate']) {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'dist', entry, 'package.json'), 'utf8'));
    assert.equal(pkg.type, 'module');
    const bundle = readFileSync(path.join(repo, 'dist', entry, 'index.js'), 'utf8');
    assert.ok(!bundle.includes('@aws-sdk/client-ec2'), `${entry} bundle must not include the AWS SDK`);
  }
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  assert.equal(pkg.bin.stackgate, 'dist/cli/index.js');
});
