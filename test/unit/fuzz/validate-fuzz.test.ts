import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadCompose } from '../../../src/compose/loader.js';
import { isUserError } from '../../../src/core/errors.js';
import type { Finding } from '../../../src/core/finding.js';
import { parseNginxText } from '../../../src/nginx/parser.js';
import { RULES_BY_ID } from '../../../src/rules/index.js';
import { validate } from '../../../src/validate.js';

// Property-based fuzzing over mutated fixtures: whatever the bytes, only our typed errors or
// findings come out, and every finding has a file and a line. CI runs FUZZ_RUNS (default 10,000) cases.
const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_000);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function filesUnder(dir: string, pattern: RegExp, out: string[] = []): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) filesUnder(p, pattern, out);
    else if (pattern.test(name) && st.size < 200_000) out.push(p);
  }
  return out;
}

const nginxSeeds = [
  ...filesUnder(path.join(repo, 'test/fixtures'), /\.conf$/),
  ...filesUnder(path.join(repo, 'examples'), /\.conf$/),
].map((f) => readFileSync(f, 'utf8'));
const composeSeeds = [
  ...filesUnder(path.join(repo, 'test/fixtures'), /^(docker-)?compose.*\.ya?ml$/),
  ...filesUnder(path.join(repo, 'examples'), /^(docker-)?compose.*\.ya?ml$/),
].map((f) => readFileSync(f, 'utf8'));

const NASTY = [
  '{',
  '}',
  ';',
  '"',
  "'",
  '\\',
  '$',
  '${',
  '#',
  '\n',
  '\r\n',
  '\t',
  ':',
  '- ',
  '[',
  ']',
  '&a',
  '*a',
  '!!',
  '|',
  '>',
  '\u0000',
  '\uFEFF',
  '\u00e9',
  '  ',
  'include ',
  'server ',
  'proxy_pass http://x;',
  'location /',
  '<<: *a',
];

/** A mutation of a seed text: delete, insert, duplicate or truncate at a position. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(seed: string, muts: Mutation[]): string {
  let s = seed;
  for (const m of muts) {
    const at = s.length ? m.at % (s.length + 1) : 0;
    if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'duplicate') s = s.slice(0, at) + s.slice(at, at + m.len) + s.slice(at);
    else s = s.slice(0, at);
  }
  return s;
}

function assertFindings(findings: Finding[]) {
  for (const f of findings) {
    assert.ok(RULES_BY_ID.has(f.rule), `known rule: ${f.rule}`);
    assert.ok(f.pos.file.length > 0, `finding has a file: ${f.rule} ${f.message}`);
    assert.ok(Number.isInteger(f.pos.line) && f.pos.line >= 1, `finding has a line: ${f.rule} ${f.pos.line}`);
    assert.ok(Number.isInteger(f.pos.column) && f.pos.column >= 1, `finding has a column: ${f.rule}`);
    assert.ok(f.fix.description.length > 0, `finding has a fix text: ${f.rule}`);
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'sg-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('fixtures to fuzz exist', () => {
  assert.ok(nginxSeeds.length >= 3, `nginx seeds: ${nginxSeeds.length}`);
  assert.ok(composeSeeds.length >= 3, `compose seeds: ${composeSeeds.length}`);
});

test(`nginx parser: ${Math.round(TOTAL * 0.6)} mutated configs give positioned errors only`, () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...nginxSeeds),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      (seed, muts) => {
        const text = mutate(seed, muts);
        const { parsed, errors } = parseNginxText(text, '/fuzz/default.conf');
        assert.ok(Array.isArray(parsed));
        for (const e of errors) assert.ok(e.line >= 1 && e.column >= 1 && e.message.length > 0);
      },
    ),
    { numRuns: Math.round(TOTAL * 0.6), seed: 424242 },
  );
});

test(`compose loader: ${Math.round(TOTAL * 0.2)} mutated compose files give findings or typed errors only`, async () => {
  const composeFile = path.join(dir, 'compose.yaml');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...composeSeeds),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      async (seed, muts) => {
        writeFileSync(composeFile, mutate(seed, muts));
        try {
          const model = await loadCompose({ cwd: dir, files: [], envFiles: [], profiles: [], env: {} });
          assertFindings(
            model.diagnostics.map((d) => ({ ...d, rule: `compose-${d.kind}`, severity: 'error' as const })),
          );
        } catch (error) {
          if (!isUserError(error)) throw error;
        }
      },
    ),
    { numRuns: Math.round(TOTAL * 0.2), seed: 2718 },
  );
});

test(`whole pipeline: ${Math.round(TOTAL * 0.2)} mutated projects give findings or typed errors only`, async () => {
  const composeFile = path.join(dir, 'compose.yaml');
  const confFile = path.join(dir, 'default.conf');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...composeSeeds),
      fc.array(mutation, { maxLength: 4 }),
      fc.constantFrom(...nginxSeeds),
      fc.array(mutation, { maxLength: 4 }),
      async (cSeed, cMuts, nSeed, nMuts) => {
        // The proxy always mounts default.conf so the nginx side is reached whatever the compose mutation.
        const compose = `${mutate(cSeed, cMuts)}`;
        writeFileSync(composeFile, compose);
        writeFileSync(confFile, mutate(nSeed, nMuts));
        try {
          const { findings } = await validate({
            cwd: dir,
            files: [],
            nginxFiles: ['default.conf'],
            profiles: [],
            envFiles: [],
            env: {},
          });
          assertFindings(findings);
        } catch (error) {
          if (!isUserError(error)) throw error;
        }
      },
    ),
    { numRuns: Math.round(TOTAL * 0.2), seed: 1337 },
  );
});
