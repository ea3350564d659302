/**
 * Differential test: stackgate's gixy-family rules against gixy-ng 0.2.59's own plugin fixtures
 * (tests/plugins/simply/<plugin>/*.conf). gixy-ng's harness (tests/plugins/test_simply.py) audits each
 * file alone with only that plugin on: a `*_fp.conf` must give no issue, any other file exactly one.
 * Here each fixture is placed where nginx would read it (see wrapFixture), validated as a project, and
 * the findings of the matching stackgate rule are counted. Every disagreement must be listed in
 * gixy-known-differences.json and explained in the rule's doc page under "Differences from gixy".
 *
 * The sdist comes from PyPI at test time through the configured pip and is kept in .cache/ (never
 * committed). Without pip or the index it fails under CI=true and skips elsewhere.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseNginxText } from '../../src/nginx/parser.js';
import { validateFiles } from '../unit/helpers/project.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const VERSION = '0.2.59';
const CACHE = path.join(REPO, '.cache', 'gixy');
const SDIST_DIR = path.join(CACHE, `gixy_ng-${VERSION}`);
const FIXTURES = path.join(SDIST_DIR, 'tests', 'plugins', 'simply');
const KNOWN_FILE = path.join(REPO, 'test', 'consistency', 'gixy-known-differences.json');

/** gixy plugin → the stackgate rule that covers the same problem. */
export const PLUGIN_RULES: Readonly<Record<string, string>> = {
  alias_traversal: 'alias-traversal',
  http_splitting: 'http-splitting',
  ssrf: 'ssrf',
  origins: 'origins',
  valid_referers: 'valid-referers',
  host_spoofing: 'host-spoofing',
  add_header_redefinition: 'add-header-redefinition',
};

/** gixy-ng plugins that stackgate's newer rules cover (counted separately from the 136). */
export const EXTRA_PLUGIN_RULES: Readonly<Record<string, string>> = {
  allow_without_deny: 'allow-without-deny',
  return_bypasses_allow_deny: 'return-bypasses-allow-deny',
  status_page_exposed: 'stub-status-exposed',
  version_disclosure: 'server-tokens-on',
  invalid_regex: 'capture-group-missing',
  if_is_evil: 'if-in-location',
  add_header_multiline: 'add-header-multiline',
  add_header_content_type: 'add-header-content-type',
  resolver_external: 'resolver-external',
  regex_redos: 'regex-redos',
  unanchored_regex: 'unanchored-regex',
  proxy_pass_normalized: 'proxy-pass-normalized',
};

interface KnownDifference {
  plugin: string;
  fixture: string;
  /** How many findings stackgate gives (gixy: 0 for *_fp.conf, else 1). */
  stackgate: number;
  reason: string;
}

function pipCommand(): string | undefined {
  for (const candidate of [path.join(REPO, '.tools/py/bin/pip'), 'pip3', 'pip']) {
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}

/** Downloads and unpacks the sdist once; returns why it is unavailable, or undefined when ready. */
function ensureSdist(): string | undefined {
  if (existsSync(FIXTURES)) return undefined;
  const pip = pipCommand();
  if (!pip) return 'no pip on PATH or in .tools/py';
  mkdirSync(CACHE, { recursive: true });
  const archive = path.join(CACHE, `gixy_ng-${VERSION}.tar.gz`);
  if (!existsSync(archive)) {
    const r = spawnSync(
      pip,
      ['download', '--no-deps', '--no-binary', ':all:', `gixy-ng==${VERSION}`, '-d', CACHE],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.status !== 0 || !existsSync(archive))
      return `pip download gixy-ng==${VERSION} failed: ${(r.stderr || r.stdout).trim().split('\n').at(-1)}`;
  }
  const t = spawnSync('tar', ['xzf', archive, '-C', CACHE], { encoding: 'utf8' });
  if (t.status !== 0 || !existsSync(FIXTURES)) return `cannot unpack ${archive}: ${t.stderr.trim()}`;
  return undefined;
}

/** Directives nginx accepts only at http level (not inside a server). */
const HTTP_LEVEL = new Set(['map', 'upstream', 'geo', 'split_clients', 'limit_req_zone', 'limit_conn_zone']);

/**
 * The project files that put a fixture where nginx reads it. gixy audits a bare snippet as if it were a
 * whole config; nginx needs context, so: a file with an `http {}` block becomes nginx.conf (with
 * `events {}` when it lacks one); otherwise it is a conf.d file at http level, with http-only blocks
 * (`map`, `upstream`, `server {}` …) kept there and everything else wrapped in one `server {}`.
 */
export function wrapFixture(text: string): Record<string, string> {
  const { parsed } = parseNginxText(text, '/fixture.conf');
  const compose = (target: string) =>
    `services:\n  nginx:\n    image: nginx:1.29.3\n    ports:\n      - "80:80"\n    volumes:\n      - ./fixture.conf:${target}:ro\n`;
  if (parsed.some((d) => d.directive === 'http' && d.block)) {
    const events = parsed.some((d) => d.directive === 'events') ? '' : 'events {}\n';
    return { 'compose.yaml': compose('/etc/nginx/nginx.conf'), 'fixture.conf': events + text };
  }
  const top: string[] = [];
  const inServer: string[] = [];
  for (const d of parsed) {
    const source = text.slice(d.start, d.end);
    if ((d.directive === 'server' && d.block) || (HTTP_LEVEL.has(d.directive) && d.block)) top.push(source);
    else inServer.push(source);
  }
  const server = inServer.length ? `server {\n    listen 80;\n${inServer.join('\n')}\n}\n` : '';
  return {
    'compose.yaml': compose('/etc/nginx/conf.d/default.conf'),
    'fixture.conf': `${top.join('\n')}\n${server}`,
  };
}

interface Outcome {
  plugin: string;
  fixture: string;
  expected: number;
  stackgate: number;
}

async function runFixtures(plugins: Readonly<Record<string, string>>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const [plugin, rule] of Object.entries(plugins)) {
    const dir = path.join(FIXTURES, plugin);
    for (const fixture of readdirSync(dir)
      .filter((f) => f.endsWith('.conf'))
      .sort()) {
      const text = readFileSync(path.join(dir, fixture), 'utf8');
      const { findings, result } = await validateFiles(wrapFixture(text));
      // The fixture must really have been loaded, or "no finding" would prove nothing.
      assert.ok(
        result.view.directives.some((p) => p.file.file.endsWith('fixture.conf')),
        `${plugin}/${fixture}: the fixture was not loaded`,
      );
      out.push({
        plugin,
        fixture,
        expected: fixture.endsWith('_fp.conf') ? 0 : 1,
        stackgate: findings.filter((f) => f.rule === rule).length,
      });
    }
  }
  return out;
}

const unavailable = ensureSdist();
const skip = unavailable && process.env.CI !== 'true' ? unavailable : false;

describe('gixy-ng plugin fixtures', { skip }, () => {
  it('the sdist is available', () => assert.equal(unavailable, undefined, unavailable));

  it('stackgate agrees with gixy-ng except for the documented differences', async () => {
    const known: KnownDifference[] = JSON.parse(readFileSync(KNOWN_FILE, 'utf8'));
    const knownByKey = new Map(known.map((k) => [`${k.plugin}/${k.fixture}`, k]));
    const shared = await runFixtures(PLUGIN_RULES);
    assert.equal(shared.length, 136, 'gixy-ng 0.2.59 ships 136 fixtures for the seven shared plugins');
    const extra = await runFixtures(EXTRA_PLUGIN_RULES);
    const agreed = (list: Outcome[]) => list.filter((o) => o.expected === o.stackgate).length;
    console.log(
      `gixy-ng ${VERSION} fixtures: stackgate agrees on ${agreed(shared)}/${shared.length} (the seven shared plugins), ${agreed(extra)}/${extra.length} (the ${Object.keys(EXTRA_PLUGIN_RULES).length} plugins of the newer rules)`,
    );
    const outcomes = [...shared, ...extra];
    const problems: string[] = [];
    for (const o of outcomes) {
      const key = `${o.plugin}/${o.fixture}`;
      const k = knownByKey.get(key);
      knownByKey.delete(key);
      if (o.expected === o.stackgate) {
        if (k) problems.push(`${key}: now agrees with gixy; remove it from gixy-known-differences.json`);
        continue;
      }
      if (!k) problems.push(`${key}: gixy ${o.expected}, stackgate ${o.stackgate} (not a known difference)`);
      else if (k.stackgate !== o.stackgate)
        problems.push(`${key}: listed with stackgate ${k.stackgate}, now ${o.stackgate}`);
    }
    for (const key of knownByKey.keys()) problems.push(`${key}: listed but no such fixture`);
    assert.deepEqual(problems, []);
  });

  it('every known difference is explained in its rule doc under "Differences from gixy"', () => {
    const known: KnownDifference[] = JSON.parse(readFileSync(KNOWN_FILE, 'utf8'));
    const missing: string[] = [];
    for (const k of known) {
      assert.ok(k.reason.length > 20, `${k.plugin}/${k.fixture}: give a reason`);
      const rule = PLUGIN_RULES[k.plugin] ?? EXTRA_PLUGIN_RULES[k.plugin];
      assert.ok(rule, `${k.plugin}: not a plugin this test runs`);
      const doc = readFileSync(path.join(REPO, 'docs', 'rules', `${rule}.md`), 'utf8');
      const section = doc.split(/^## Differences from gixy$/m)[1]?.split(/^## /m)[0] ?? '';
      if (!section.includes(k.fixture)) missing.push(`${rule}.md: ${k.fixture}`);
    }
    assert.deepEqual(missing, []);
  });
});
