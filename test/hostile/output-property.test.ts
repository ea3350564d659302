import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { renderMarkdown } from '../../src/report/markdown.js';
import { runCli } from '../unit/helpers/cli.js';
import { validateDir } from '../unit/helpers/project.js';
import { FORMATS, injectionProblems } from './output-helpers.js';

// Characters that matter to the runner, terminals, Markdown and the escaping itself, plus any code point.
const DANGEROUS = fc.constantFrom(
  '\n',
  '\r',
  '\t',
  '\x00',
  '\x07',
  '\x1b',
  '\x7f',
  '\x85',
  '\x9b',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00a0',
  ':',
  '::',
  '#',
  '##[',
  '[',
  ']',
  '%',
  ',',
  '=',
  '|',
  '<',
  '>',
  '`',
  '\\',
  '$',
  ' ',
  'a',
);
const hostileString = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: DANGEROUS }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

const RUNS = Number(process.env.STACKGATE_PROPERTY_RUNS ?? 300);
export const figures = { inputs: 0, failures: 0 };

test('arbitrary strings as service names, images and hosts never inject into any format', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-output-property-'));
  try {
    await fc.assert(
      // Half the time the host is the service: rules then quote it in fixes (SARIF insertedContent) too.
      fc.asyncProperty(
        hostileString,
        hostileString,
        hostileString,
        fc.boolean(),
        async (name, image, other, same) => {
          const host = same ? name : other;
          figures.inputs++;
          writeFileSync(
            path.join(dir, 'compose.yaml'),
            `services:\n  proxy:\n    image: nginx:1.27\n    volumes: ["./default.conf:/etc/nginx/conf.d/default.conf:ro"]\n  ${JSON.stringify(name)}:\n    image: ${JSON.stringify(image)}\n`,
          );
          writeFileSync(
            path.join(dir, 'default.conf'),
            `server {\n    listen 80;\n    location / { proxy_pass "http://${host.replace(/["\\]/g, '\\$&')}:8080"; }\n}\n`,
          );
          for (const format of FORMATS) {
            const r = await runCli(['validate', '--format', format, '--fail-on', 'never'], dir);
            const problems = [
              ...injectionProblems(r.stdout, format === 'github'),
              ...injectionProblems(r.stderr, false),
            ];
            if (problems.length > 0) figures.failures++;
            assert.deepEqual(problems, [], `${format}: ${JSON.stringify({ name, image, host })}`);
          }
          // No files to check as loaded: the hostile names may be refused; the assertion below shows what loaded.
          const { findings } = (await validateDir(dir, {})).result;
          // The hostile input was loaded: a finding quotes the generated service name, image or host.
          assert.ok(
            findings.some(
              (f) => f.service === name || [name, image, host].some((h) => f.message.includes(h)),
            ),
            JSON.stringify({ name, image, host, findings: findings.map((f) => f.message) }),
          );
          assert.deepEqual(injectionProblems(renderMarkdown(findings, dir), false), []);
        },
      ),
      { numRuns: RUNS },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `# output property: ${figures.inputs} inputs × ${FORMATS.length + 1} formats, ${figures.failures} failures`,
  );
});
