import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseAllDocuments, parse as parseYaml, stringify } from 'yaml';
import type { Finding } from '../../../src/core/finding.js';
import { planFixes, writeFixes } from '../../../src/fix/apply.js';
import type { NginxDirective } from '../../../src/nginx/ast.js';
import { parseNginxText } from '../../../src/nginx/parser.js';
import { validate } from '../../../src/validate.js';
import { checksums } from '../../hostile/fix-helpers.js';

// The --fix property (issue 6): over the fixtures and mutations of them (re-styled as flow or JSON,
// re-indented, CRLF, BOM, Latin-1 and other comments between keys, a `version:` added), after --fix
// every file parses, every value not targeted is unchanged, the bytes outside the edited spans are
// unchanged, and validating again shows none of the fixed rules. FIX_RUNS cases (default 600).
const RUNS = Number(process.env.FIX_RUNS ?? 600);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

type Project = Record<string, Buffer>;

function readProject(dir: string): Project {
  const out: Project = {};
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else if (!/\.(json|md)$/.test(name) || /compose/.test(name))
        out[path.relative(dir, p)] = readFileSync(p);
    }
  };
  visit(dir);
  return out;
}

const SEED_DIRS = [
  ...readdirSync(path.join(repo, 'test/fixtures/scenarios'))
    .map((d) => path.join(repo, 'test/fixtures/scenarios', d))
    .filter((d) => statSync(d).isDirectory()),
  path.join(repo, 'test/fixtures/compose/full'),
  path.join(repo, 'examples/seed'),
  path.join(repo, 'examples/speedtest'),
];
const SEEDS = SEED_DIRS.map((d) => ({ name: path.relative(repo, d), files: readProject(d) }));
// The projects whose compose file gets a fix weigh more: most fixtures only get nginx fixes.
const COMPOSE_FIXED = [
  'examples/seed',
  'test/fixtures/scenarios/seed',
  'test/fixtures/scenarios/disjoint-networks',
];

const isCompose = (rel: string) => /(^|\/)(docker-)?compose[^/]*\.(ya?ml|json)$/.test(rel);
const isNginx = (rel: string) => /\.conf(\.template)?$/.test(rel);

/** Lossless text of a file: UTF-8 when valid, else Latin-1 (as --fix reads it). */
function textOf(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function yamlValue(text: string): unknown {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  assert.ok(Array.isArray(docs) && docs.length === 1, 'one YAML document');
  assert.deepEqual(
    docs[0]!.errors.map((e) => e.message),
    [],
  );
  return docs[0]!.toJS();
}

const mutationArb = fc.record({
  style: fc.constantFrom('as-is', 'as-is', 'reindent', 'flow', 'json-pretty', 'json-line'),
  indent: fc.integer({ min: 2, max: 5 }),
  addVersion: fc.constantFrom('none', 'first', 'last'),
  dropDependsOn: fc.boolean(),
  comments: fc.array(
    fc.record({
      line: fc.nat(),
      text: fc.constantFrom(
        '# caf\xe9 cr\xe8me',
        '# note: a, [b] {c}',
        '#\u00a9 r\u00e9seau',
        '# services:',
        '#',
      ),
      trailing: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  latin1: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  nginxCrlf: fc.boolean(),
  nginxLatin1: fc.boolean(),
});
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function restyle(text: string, m: Mutation): string {
  if (m.style === 'as-is' && m.addVersion === 'none' && !m.dropDependsOn) return text;
  const value = parseYaml(text) as Record<string, unknown>;
  if (m.dropDependsOn) {
    const services = (value.services ?? {}) as Record<string, Record<string, unknown> | null>;
    for (const s of Object.values(services)) if (s && typeof s === 'object') delete s.depends_on;
  }
  let v: Record<string, unknown> = value;
  if (m.addVersion !== 'none') {
    const { version: _, ...rest } = value;
    v = m.addVersion === 'first' ? { version: '3.8', ...rest } : { ...rest, version: '3.8' };
  }
  switch (m.style) {
    case 'flow':
      return stringify(v, { collectionStyle: 'flow', lineWidth: 0 });
    case 'json-pretty':
      return `${JSON.stringify(v, null, m.indent)}\n`;
    case 'json-line':
      return `${JSON.stringify(v)}\n`;
    default:
      return stringify(v, { indent: m.style === 'reindent' ? m.indent : 2, lineWidth: 0 });
  }
}

/** Comment insertions that keep the value (a `#` inside a block scalar or a string would not). */
function withComments(text: string, m: Mutation): string {
  const want = yamlValue(text);
  let out = text;
  for (const c of m.comments) {
    const lines = out.split('\n');
    const at = c.line % lines.length;
    const body = m.latin1 ? c.text : c.text.replace(/[\x80-\xff]/g, 'e');
    if (c.trailing) lines[at] = `${lines[at]} ${body}`;
    else lines.splice(at, 0, `${/^[ \t]*/.exec(lines[at] ?? '')![0]}${body}`);
    const next = lines.join('\n');
    try {
      if (isDeepStrictEqual(yamlValue(next), want)) out = next;
    } catch {
      // That place breaks the YAML; leave it out.
    }
  }
  return out;
}

function mutateProject(seed: Project, m: Mutation): Project {
  const out: Project = {};
  for (const [rel, bytes] of Object.entries(seed)) {
    if (isCompose(rel)) {
      let text = withComments(restyle(bytes.toString('utf8'), m), m);
      if (m.crlf) text = text.replace(/\r?\n/g, '\r\n');
      if (m.bom) text = `\uFEFF${text}`;
      // Latin-1 comments make the file invalid UTF-8: every other character is ASCII or written as Latin-1.
      out[rel] =
        /[\x80-\xff]/.test(text) && m.latin1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
    } else if (isNginx(rel)) {
      let text = bytes.toString('utf8');
      if (m.nginxLatin1) text = `# r\xe9glages\n${text}`;
      if (m.nginxCrlf) text = text.replace(/\r?\n/g, '\r\n');
      out[rel] = m.nginxLatin1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
    } else out[rel] = bytes;
  }
  return out;
}

const TARGET_KEYS = ['depends_on', 'networks', 'volumes'];

/** Before and after, minus the keys a fix may touch: equal; and each touched key only gained entries. */
function assertComposeKept(before: unknown, after: unknown): void {
  const b = structuredClone(before) as Record<string, unknown>;
  const a = structuredClone(after) as Record<string, unknown>;
  delete b.version;
  delete a.version;
  const bs = (b.services ?? {}) as Record<string, Record<string, unknown>>;
  const as = (a.services ?? {}) as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(as).sort(), Object.keys(bs).sort(), 'the same services');
  for (const [name, svc] of Object.entries(bs)) {
    if (!svc || typeof svc !== 'object') continue;
    for (const key of TARGET_KEYS) {
      const bv = svc[key];
      const av = as[name]?.[key];
      if (Array.isArray(bv)) {
        assert.ok(Array.isArray(av), `services.${name}.${key} stays a list`);
        assert.deepEqual(av.slice(0, bv.length), bv, `services.${name}.${key} keeps its entries`);
      } else if (bv && typeof bv === 'object') {
        for (const [k, v] of Object.entries(bv)) assert.deepEqual((av as Record<string, unknown>)[k], v);
      } else if (bv !== undefined && bv !== null) assert.deepEqual(av, bv);
      delete svc[key];
      delete as[name]?.[key];
    }
  }
  assert.deepEqual(a, b, 'every value not targeted is unchanged');
}

function directives(ds: NginxDirective[], out: string[] = []): string[] {
  for (const d of ds) {
    out.push(`${d.directive} ${d.args.join(' ')}${d.block ? ' {' : ''}`);
    if (d.block) directives(d.block, out);
  }
  return out;
}

/** nginx: parses as well as before, and every directive of before is still there, in order. */
function assertNginxKept(file: string, before: string, after: string): void {
  const b = parseNginxText(before, file);
  const a = parseNginxText(after, file);
  assert.ok(a.errors.length <= b.errors.length, 'no new nginx syntax error');
  const bd = directives(b.parsed);
  const ad = directives(a.parsed);
  let i = 0;
  for (const d of ad) if (d === bd[i]) i++;
  assert.equal(i, bd.length, 'every directive is kept, in order');
}

const base = mkdtempSync(path.join(tmpdir(), 'sg-fix-property-'));
const outside = path.join(base, 'outside');
mkdirSync(outside);
writeFileSync(path.join(outside, 'canary.conf'), 'server { listen 80; }\n');
const outsideBefore = checksums(outside);
after(() => rmSync(base, { recursive: true, force: true }));

const declines: string[] = [];
const stats = { cases: 0, filesChanged: 0, dataLoss: 0, declined: 0, composeEdits: 0, nonUtf8Edited: 0 };

test('fix property: seeds are loaded and some get compose fixes', async () => {
  assert.ok(SEEDS.length >= 30, `seeds: ${SEEDS.length}`);
  for (const name of COMPOSE_FIXED)
    assert.ok(
      SEEDS.some((s) => s.name === name),
      name,
    );
});

test(`fix property: ${RUNS} fixtures and mutations keep every byte and value they do not fix`, async (t) => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.constantFrom(...SEEDS.filter((s) => COMPOSE_FIXED.includes(s.name))),
        fc.constantFrom(...SEEDS),
      ),
      mutationArb,
      async (seed, m) => {
        const root = path.join(base, `case-${n++}`);
        const files = mutateProject(seed.files, m);
        for (const [rel, bytes] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
          writeFileSync(path.join(root, rel), bytes);
        }
        try {
          const opts = { cwd: root, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };
          const declinedRules = new Set<string>();
          const fixedRules = new Set<string>();
          let findings: Finding[] = (await validate(opts)).findings;
          let rounds = 0;
          for (; rounds < 4; rounds++) {
            const plan = planFixes(findings, root);
            for (const d of plan.declined) for (const r of d.rules) declinedRules.add(r);
            for (const d of plan.declined) declines.push(`${seed.name} ${d.file} (${d.rules}): ${d.why}`);
            assert.deepEqual(plan.refused, [], 'every target is inside the project and writable');
            if (!plan.files.size) break;
            for (const f of findings)
              if (f.fix.edits?.length && !plan.declined.some((d) => d.rules.includes(f.rule)))
                fixedRules.add(f.rule);
            const before = new Map([...plan.files.keys()].map((f) => [f, readFileSync(f)]));
            writeFixes(plan);
            for (const c of plan.files.values()) {
              stats.filesChanged++;
              const old = before.get(c.file)!;
              const now = readFileSync(c.file);
              // Bytes outside the spans: copied, compared one by one.
              let at = 0;
              let shift = 0;
              const compose = isCompose(path.relative(root, c.file));
              const utf8 =
                textOf(old) !== old.toString('latin1') || !/[\x80-\xff]/.test(old.toString('latin1'));
              for (const s of c.spans) {
                assert.ok(s.start >= at, 'spans in order');
                assert.ok(old.subarray(at, s.start).equals(now.subarray(at + shift, s.start + shift)));
                assert.ok(now.subarray(s.start + shift, s.start + shift + s.bytes.length).equals(s.bytes));
                if (!utf8)
                  assert.ok(
                    s.bytes.every((x) => x < 0x80),
                    'only ASCII goes into a file that is not UTF-8',
                  );
                // What a span removes is only what a fix replaces: the version key, or one nginx directive.
                const removed = old.subarray(s.start, s.end).toString('latin1');
                if (compose)
                  assert.ok(!removed || /version/.test(removed), `removed only version: ${removed}`);
                else assert.doesNotMatch(removed, /[{}]/, 'an nginx edit replaces one directive at most');
                shift += s.bytes.length - (s.end - s.start);
                at = s.end;
              }
              assert.ok(old.subarray(at).equals(now.subarray(at + shift)), 'the tail is unchanged');
              assert.equal(now.length, old.length + shift);
              const oldText = textOf(old);
              const nowText = textOf(now);
              if (oldText.startsWith('\uFEFF')) assert.ok(nowText.startsWith('\uFEFF'), 'the BOM stays');
              if (compose) {
                stats.composeEdits++;
                assertComposeKept(yamlValue(oldText), yamlValue(nowText));
              } else assertNginxKept(c.file, oldText, nowText);
              if (/[\x80-\xff]/.test(old.toString('latin1')) && textOf(old) === old.toString('latin1'))
                stats.nonUtf8Edited++;
            }
            findings = (await validate(opts)).findings;
          }
          assert.ok(rounds < 4, 'fixing reaches a fixed point');
          // Validating again shows none of the rules fixed, unless a fix of theirs was declined (with a note).
          const left = findings.filter((f) => fixedRules.has(f.rule) && !declinedRules.has(f.rule));
          assert.deepEqual(
            left.map((f) => `${f.rule}: ${f.message}`),
            [],
          );
          stats.cases++;
        } catch (error) {
          stats.dataLoss++;
          throw new Error(`${seed.name} ${JSON.stringify(m)}: ${(error as Error).message}`, { cause: error });
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      },
    ),
    { numRuns: RUNS, seed: 60406 },
  );
  assert.deepEqual(checksums(outside), outsideBefore, 'nothing outside the project roots changed');
  stats.declined = declines.length;
  t.diagnostic(`fix property: ${JSON.stringify(stats)}`);
  assert.equal(stats.dataLoss, 0);
  // Nothing in this corpus needs declining (no alias, one document each): a decline here is a helper bug.
  assert.deepEqual(declines.slice(0, 5), [], 'every fix of the corpus is written exactly');
  assert.ok(
    stats.composeEdits > RUNS / 10,
    `compose files were edited in many cases (${stats.composeEdits})`,
  );
  assert.ok(stats.nonUtf8Edited > 0, 'files that are not UTF-8 were edited');
});
