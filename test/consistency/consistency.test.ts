// The consistency harness: for every scenario in test/fixtures/scenarios, the validator's static verdict
// (started / exited at config load) must equal what real nginx does in real Docker, and real nginx must
// still do what expect.json recorded. Writes the agreement figure to .cache/consistency.json.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKEND_IMAGE, NGINX_IMAGE, requireImages } from '../platform/docker.js';
import {
  cleanUp,
  type Expectation,
  prepare,
  type RealOutcome,
  ROOT,
  readExpectation,
  runReal,
  scenarioNames,
} from './scenarios.js';

interface Row {
  scenario: string;
  expected: Expectation['nginx'];
  real: RealOutcome['nginx'];
  predicted?: Expectation['nginx'];
  emerg?: string;
  agree: boolean;
  problem?: string;
}

const names = scenarioNames();
const rows: Row[] = [];

// Loaded lazily so that a validator that does not load yet fails only the prediction checks.
async function predict(prepared: Awaited<ReturnType<typeof prepare>>, expectation: Expectation) {
  const { runStatic, describeFindings, emergNotExplained, findingsNotAsExpected } = await import(
    './static.js'
  );
  const verdict = await runStatic(prepared, expectation);
  return { verdict, describeFindings, emergNotExplained, findingsNotAsExpected };
}

describe('consistency: the static verdict matches real nginx in Docker', { concurrency: 2 }, () => {
  // The version scenarios run bookworm's nginx 1.22 and trixie's 1.26 by their version tags.
  before(() => requireImages([NGINX_IMAGE, BACKEND_IMAGE, 'stackgate/nginx:1.22', 'stackgate/nginx:1.26']));

  after(async () => {
    // A filtered run (--test-name-pattern) must not overwrite the corpus-wide figure.
    if (rows.length !== names.length) return;
    rows.sort((a, b) => a.scenario.localeCompare(b.scenario));
    const agreeing = rows.filter((r) => r.agree).length;
    const report = { agreement: `${agreeing}/${names.length}`, scenarios: rows };
    await mkdir(path.join(ROOT, '.cache'), { recursive: true });
    await writeFile(path.join(ROOT, '.cache', 'consistency.json'), `${JSON.stringify(report, null, 2)}\n`);
  });

  it('has a corpus of at least 15 scenarios', () => {
    assert.ok(names.length >= 15, `only ${names.length} scenarios in test/fixtures/scenarios`);
  });

  for (const name of names) {
    it(name, { timeout: 180_000 }, async (t) => {
      const expectation = await readExpectation(name);
      const prepared = await prepare(name, expectation);
      try {
        // The validator reads the files before Docker touches them (compose creates missing bind sources).
        const prediction = await predict(prepared, expectation).catch((error: unknown) => error as Error);
        const real = await runReal(prepared, expectation);
        const row: Row = { scenario: name, expected: expectation.nginx, real: real.nginx, agree: false };
        if (real.emerg !== undefined) row.emerg = real.emerg;
        rows.push(row);

        await t.test('real nginx does what expect.json recorded', () => {
          assert.deepEqual(
            { nginx: real.nginx, emerg: real.emerg, requests: real.requests },
            { nginx: expectation.nginx, emerg: expectation.emerg, requests: expectation.requests },
            `${name}: real nginx no longer matches expect.json; nginx logs:\n${real.logs}`,
          );
        });

        await t.test('the validator predicts it', () => {
          if (prediction instanceof Error) {
            row.problem = `validator failed: ${prediction.message}`;
            assert.fail(
              `${name}: the validator threw instead of predicting: ${prediction.stack ?? prediction}`,
            );
          }
          const { verdict, describeFindings, emergNotExplained, findingsNotAsExpected } = prediction;
          row.predicted = verdict.nginx;
          const findings = describeFindings(verdict.fatal);
          if (verdict.nginx !== real.nginx) {
            row.problem = `predicted ${verdict.nginx}, nginx ${real.nginx}`;
            assert.fail(
              `${name}: predicted ${verdict.nginx}, real nginx ${real.nginx}\n` +
                `  nginx emerg: ${real.emerg ?? '(none)'}\n  load-fatal findings:\n${findings}`,
            );
          }
          if (verdict.falseErrors.length > 0) {
            row.problem = `errors where the stack works: ${verdict.falseErrors.map((f) => f.rule).join(', ')}`;
            assert.fail(`${name}: ${row.problem}\n${describeFindings(verdict.falseErrors)}`);
          }
          if (real.emerg !== undefined) {
            const why = emergNotExplained(real.emerg, verdict.fatal);
            if (why !== undefined) {
              row.problem = why;
              assert.fail(`${name}: ${why}\n  load-fatal findings:\n${findings}`);
            }
          }
          const off = findingsNotAsExpected(expectation, verdict.findings);
          if (off.length) {
            row.problem = off.join('; ');
            assert.fail(`${name}: ${off.join('; ')}\n  findings:\n${describeFindings(verdict.findings)}`);
          }
          row.agree = true;
        });
      } finally {
        await cleanUp(prepared);
      }
    });
  }
});
