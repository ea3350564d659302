import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';
import { fixRoundTrip } from './fix-roundtrip.js';

const RULE = 'compose-version-obsolete';
const COMPOSE = '# my stack\nversion: "3.8"\n\nservices:\n  app:\n    image: x:1 # pinned\n';

test("a top-level version is a note quoting compose's warning", async () => {
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': COMPOSE });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.equal(f.pos.line, 2);
  assert.match(f.message, /the attribute `version` is obsolete/);
  assert.equal(f.fix.edits?.length, 1);
});

test('the fix deletes the line and keeps the rest', async () => {
  const r = await fixRoundTrip({ 'compose.yaml': COMPOSE }, [RULE]);
  assert.equal(r.before.length, 1);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
  assert.equal(r.files['compose.yaml']!, '# my stack\nservices:\n  app:\n    image: x:1 # pinned\n');
});

test('no version, no finding', async () => {
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': 'services:\n  app:\n    image: x:1\n' }), []);
});
