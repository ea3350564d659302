import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { writeHostileScaleProject } from '../../bench/synthetic.js';
import { editParses } from '../../src/fix/yaml-edit.js';
import { validateDir } from '../unit/helpers/project.js';
import { withProject } from './perf-helpers.js';

/** Validates the hostile-scale project at size n; returns the YAML parses spent building fixes. */
async function parsesAt(n: number) {
  return withProject({}, async (dir) => {
    writeHostileScaleProject(dir, n);
    const before = editParses.count;
    const { result } = await validateDir(dir, {});
    return {
      parses: editParses.count - before,
      result,
      dir,
      compose: readFileSync(path.join(dir, 'compose.yaml'), 'utf8'),
    };
  });
}

describe('hostile: 1,000 services and 1,000 server blocks cost linear work', () => {
  it('the depends_on fix for every unreached service costs one parse, at any size', async () => {
    const small = await parsesAt(250);
    const large = await parsesAt(1000);
    // Loaded: every service, and every server proxying to one the proxy does not wait for.
    assert.equal(large.result.view.compose.services.length, 1001);
    const startOrder = large.result.findings.filter((f) => f.rule === 'upstream-start-order');
    assert.equal(startOrder.length, 1000);
    // One parse per edit, not one per service (it was 1,000 here: 36 s).
    assert.equal(small.parses, 1);
    assert.equal(large.parses, 1);
  });

  it('that one edit adds all 1,000 services to depends_on, and the file still parses', async () => {
    const { result, compose } = await parsesAt(1000);
    const edit = result.findings.find((f) => f.rule === 'upstream-start-order')?.fix?.edits?.[0];
    assert.ok(edit, 'the finding carries its edit');
    const fixed = compose.slice(0, edit.start) + edit.text + compose.slice(edit.end);
    const doc = parseDocument(fixed);
    assert.deepEqual(doc.errors, []);
    // The proxy had no depends_on: the edit creates it as a list, in the order of the servers.
    const deps = (doc.toJS() as { services: { proxy: { depends_on: string[] } } }).services.proxy.depends_on;
    assert.equal(deps.length, 1000);
    assert.deepEqual([deps[0], deps[999]], ['s0', 's999']);
  });
});
