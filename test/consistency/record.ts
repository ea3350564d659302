// Records what real nginx does in each scenario into its expect.json (nginx + emerg), keeping the setup
// fields; expect.json is only ever written from a real run. With --static it runs no Docker and prints the
// validator's verdict against expect.json instead (a fast loop while working on rules).
//   node lib/test/consistency/record.js [--write | --static] [scenario...]
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { requireImages } from '../platform/docker.js';
import { cleanUp, type Expectation, prepare, runReal, SCENARIOS_DIR, scenarioNames } from './scenarios.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const staticOnly = args.includes('--static');
const names = args.filter((a) => !a.startsWith('--'));

async function recordReal(name: string, file: string, current: Partial<Expectation>): Promise<void> {
  const prepared = await prepare(name, current as Expectation);
  try {
    const started = Date.now();
    const real = await runReal(prepared, current as Expectation);
    console.log(`${name.padEnd(32)} ${real.nginx.padEnd(8)} ${Date.now() - started} ms  ${real.emerg ?? ''}`);
    if (write) {
      const { nginx: _n, emerg: _e, ...setup } = current;
      const next: Expectation = { nginx: real.nginx, ...(real.emerg ? { emerg: real.emerg } : {}), ...setup };
      await writeFile(file, `${JSON.stringify(next, null, 2)}\n`);
    }
  } finally {
    await cleanUp(prepared);
  }
}

async function showStatic(name: string, expectation: Expectation): Promise<boolean> {
  const { runStatic, emergNotExplained, describeFindings, findingsNotAsExpected } = await import(
    './static.js'
  );
  const prepared = await prepare(name, expectation);
  try {
    const verdict = await runStatic(prepared, expectation);
    const problem =
      verdict.nginx !== expectation.nginx
        ? `predicted ${verdict.nginx}, nginx ${expectation.nginx}`
        : verdict.falseErrors.length > 0
          ? `errors where the stack works: ${verdict.falseErrors.map((f) => f.rule).join(', ')}`
          : expectation.emerg !== undefined
            ? emergNotExplained(expectation.emerg, verdict.fatal)
            : findingsNotAsExpected(expectation, verdict.findings).join('; ') || undefined;
    console.log(
      `${problem ? 'DIFF' : 'ok  '} ${name.padEnd(32)} ${verdict.nginx.padEnd(8)} ${problem ?? ''}`,
    );
    if (problem) console.log(describeFindings(verdict.findings));
    return problem === undefined;
  } finally {
    await cleanUp(prepared);
  }
}

if (!staticOnly) await requireImages();
let agreeing = 0;
const selected = names.length > 0 ? names : scenarioNames();
for (const name of selected) {
  const file = path.join(SCENARIOS_DIR, name, 'expect.json');
  const current = JSON.parse(await readFile(file, 'utf8')) as Partial<Expectation>;
  if (staticOnly) {
    if (await showStatic(name, current as Expectation)) agreeing += 1;
  } else {
    await recordReal(name, file, current);
  }
}
if (staticOnly) console.log(`agreement with expect.json: ${agreeing}/${selected.length}`);
