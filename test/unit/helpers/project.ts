import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Finding } from '../../../src/core/finding.js';
import { type ValidateOptions, type ValidateResult, validate } from '../../../src/validate.js';

/** Writes a project (path → content) into a fresh temp dir, runs `fn` there, and removes it. */
export async function withProject<T>(
  files: Record<string, string | Uint8Array>,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackgate-project-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      const p = path.join(dir, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What a test expects the project view to hold before it trusts "no finding": by default every compose service and
 * every `*.conf` file it wrote. A test of a project that loads less (an unmounted config, a broken compose file) says
 * which files stay unloaded, or `false` to skip the check for a project that is meant not to load.
 */
export interface Loaded {
  unloadedConfs?: string[];
  check?: boolean;
}

/**
 * Fails unless the view holds the services and nginx files the test wrote: a negative assertion on a project that
 * never loaded would pass for the wrong reason.
 */
export function assertLoaded(
  result: ValidateResult,
  dir: string,
  files: Record<string, string>,
  loaded: Loaded = {},
): void {
  if (loaded.check === false) return;
  const view = result.view;
  const composeFile = Object.keys(files).find((f) => /^(docker-)?compose\.ya?ml$/.test(f));
  if (composeFile) {
    const doc: unknown = parse(files[composeFile] ?? '');
    const services = (doc as { services?: unknown } | null)?.services;
    const declared = services && typeof services === 'object' ? Object.keys(services) : [];
    for (const name of declared)
      assert.ok(
        view.services.has(name),
        `the view holds service "${name}" (loaded: ${[...view.services.keys()].join(', ')})`,
      );
  }
  const unloaded = new Set(loaded.unloadedConfs ?? []);
  for (const rel of Object.keys(files)) {
    if (!rel.endsWith('.conf') || unloaded.has(rel)) continue;
    assert.ok(
      view.index.filesByHost.has(path.join(dir, rel)),
      `the view holds nginx file ${rel} (loaded: ${[...view.index.filesByHost.keys()].map((f) => path.relative(dir, f)).join(', ') || 'none'})`,
    );
  }
}

/** Validates the project written in `dir` (from `files`); returns the findings with paths relative to `dir`. */
export async function validateDir(
  dir: string,
  files: Record<string, string>,
  opts: Partial<ValidateOptions> = {},
  loaded: Loaded = {},
): Promise<{ findings: Finding[]; result: ValidateResult }> {
  const result = await validate({
    cwd: dir,
    files: [],
    nginxFiles: [],
    profiles: [],
    envFiles: [],
    env: {},
    ...opts,
  });
  assertLoaded(result, dir, files, loaded);
  const findings = result.findings.map((f) => ({
    ...f,
    pos: { ...f.pos, file: path.relative(dir, f.pos.file) },
  }));
  return { findings, result };
}

/** Validates a project given as files; returns the findings with file paths relative to the project. */
export async function validateFiles(
  files: Record<string, string>,
  opts: Partial<ValidateOptions> = {},
  loaded: Loaded = {},
): Promise<{ findings: Finding[]; result: ValidateResult }> {
  return withProject(files, (dir) => validateDir(dir, files, opts, loaded));
}

/** Findings of one rule only. */
export async function ruleFindings(
  rule: string,
  files: Record<string, string>,
  opts: Partial<ValidateOptions> = {},
  loaded: Loaded = {},
): Promise<Finding[]> {
  return (await validateFiles(files, opts, loaded)).findings.filter((f) => f.rule === rule);
}

/** A compose file with an nginx proxy mounting ./default.conf into conf.d, plus the given extra YAML. */
export function proxyCompose(proxyExtra: string, otherServices: string, topLevel = ''): string {
  return `services:
  nginx:
    image: nginx:1.27
    volumes:
      - ./default.conf:/etc/nginx/conf.d/default.conf:ro
${proxyExtra}
${otherServices}
${topLevel}`;
}

/** The envsubst layout no default matches: templates in /etc/nginx/tpl ending in .in, rendered into /etc/nginx/sites. */
export const CUSTOM_TEMPLATE_LAYOUT = {
  NGINX_ENVSUBST_TEMPLATE_DIR: '/etc/nginx/tpl',
  NGINX_ENVSUBST_TEMPLATE_SUFFIX: '.in',
  NGINX_ENVSUBST_OUTPUT_DIR: '/etc/nginx/sites',
};

/** A compose file with an nginx proxy that has this environment and these volumes (as written in compose). */
export function proxyWithEnvironment(environment: Record<string, string>, volumes: string[]): string {
  const env = Object.entries(environment).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}\n`);
  const mounts = volumes.map((v) => `      - ${v}\n`);
  return `services:\n  nginx:\n    image: nginx:1.27\n    environment:\n${env.join('')}${mounts.length ? `    volumes:\n${mounts.join('')}` : ''}`;
}

/**
 * Findings of `rule` for one server block (listening on 80, published) holding `body`, after checking that the
 * view holds a `loaded` directive: the negative tests of the nginx-only rules then mean something.
 */
export async function serverRuleFindings(
  rule: string,
  body: string,
  loaded: string,
  otherServices = '',
): Promise<Finding[]> {
  const { findings, result } = await validateFiles({
    'compose.yaml': proxyCompose('    ports:\n      - "80:80"', otherServices),
    'default.conf': `server {\n    listen 80;\n${body}\n}\n`,
  });
  assert.ok(
    result.view.directives.some((p) => p.d.directive === loaded),
    `the config was loaded (it holds ${loaded})`,
  );
  return findings.filter((f) => f.rule === rule);
}

/**
 * One published server block holding `body` (after `httpLevel`, e.g. a map), with `snippets` (name → text)
 * mounted at /etc/nginx/snippets: for rules that must see what reaches a block through `include snippets/…;`.
 */
export function snippetProject(
  body: string,
  snippets: Record<string, string>,
  otherServices = '',
  httpLevel = '',
): Record<string, string> {
  return {
    'compose.yaml': proxyCompose(
      '      - ./snippets:/etc/nginx/snippets:ro\n    ports:\n      - "80:80"',
      otherServices,
    ),
    'default.conf': `${httpLevel}server {\n    listen 80;\n${body}\n}\n`,
    ...Object.fromEntries(Object.entries(snippets).map(([name, text]) => [`snippets/${name}`, text])),
  };
}

/**
 * Findings of `rule` after checking that the view holds a `loaded` directive read from a snippet: a negative
 * test of what an include brings in then means something.
 */
export async function snippetRuleFindings(
  rule: string,
  files: Record<string, string>,
  loaded: string,
): Promise<Finding[]> {
  const { findings, result } = await validateFiles(files);
  assert.ok(
    result.view.directives.some(
      (p) => p.d.directive === loaded && p.file.file.includes(`${path.sep}snippets${path.sep}`),
    ),
    `the snippet holding ${loaded} was loaded`,
  );
  return findings.filter((f) => f.rule === rule);
}
