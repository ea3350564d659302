// The stack/ sub-action as the runner runs it: main (INPUT_*, GITHUB_OUTPUT/STATE/STEP_SUMMARY files)
// with keep-running, then post with the STATE_* that main saved: down + logs, nothing left.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { example, forceDown, leftovers, repo } from './stack-helpers.js';

/** name<<DELIM\nvalue\nDELIM blocks, as @actions/core appends them to GITHUB_OUTPUT / GITHUB_STATE. */
function readCommandFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of readFileSync(file, 'utf8').matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

test('stack/action.yml points main and post at the bundles the Makefile builds', () => {
  const meta = parse(readFileSync(path.join(repo, 'stack/action.yml'), 'utf8'));
  assert.equal(meta.runs.using, 'node24');
  assert.equal(meta.runs.main, '../dist/stack-main/index.js');
  assert.equal(meta.runs.post, '../dist/stack-post/index.js');
  const entries = /^ENTRIES := (.*)$/m
    .exec(readFileSync(path.join(repo, 'Makefile'), 'utf8'))?.[1]
    ?.split(' ');
  assert.ok(entries?.includes('stack-main') && entries.includes('stack-post'));
  for (const e of ['stack-main', 'stack-post']) assert.ok(existsSync(path.join(repo, `src/entries/${e}.ts`)));
});

test('keep-running: main leaves the stack up with outputs and a summary; post takes it down with the logs', async () => {
  const ex = await example('action');
  const tmp = mkdtempSync(path.join(tmpdir(), 'sg-stack-runner-'));
  try {
    const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' };
    const env: NodeJS.ProcessEnv = { ...ex.env, RUNNER_TEMP: tmp };
    for (const [k, f] of Object.entries(files)) {
      env[k] = path.join(tmp, f);
      writeFileSync(env[k]!, '');
    }
    const inputs = {
      'working-directory': ex.dir,
      'project-name': ex.project,
      'keep-running': 'true',
      speedtest: 'false',
      timeout: '60',
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const main = spawnSync(process.execPath, [path.join(repo, 'lib/src/entries/stack-main.js')], {
      env,
      encoding: 'utf8',
    });
    assert.equal(main.status, 0, main.stdout + main.stderr);
    assert.doesNotMatch(main.stdout, /::error/);
    const outputs = readCommandFile(env.GITHUB_OUTPUT!);
    assert.equal(outputs['project-name'], ex.project);
    assert.equal(outputs.url, `https://localhost:${ex.httpsPort}/`);
    assert.equal(JSON.parse(outputs.report!).verify.ok, true);
    assert.match(
      readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
      /### Probes[\s\S]*✅ \| https:\/\/localhost/,
    );
    assert.ok((await leftovers(ex.project)).length >= 3, 'kept running for later steps');

    // A later step fails; the runner still calls post with the state main saved.
    const state = readCommandFile(env.GITHUB_STATE!);
    const postEnv: NodeJS.ProcessEnv = { ...ex.env, RUNNER_TEMP: tmp, GITHUB_STATE: env.GITHUB_STATE };
    for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
    const post = spawnSync(process.execPath, [path.join(repo, 'lib/src/entries/stack-post.js')], {
      env: postEnv,
      encoding: 'utf8',
    });
    assert.equal(post.status, 0, post.stdout + post.stderr);
    assert.doesNotMatch(post.stdout, /::warning/);
    assert.deepEqual(await leftovers(ex.project), []);
    const logs = readdirSync(path.join(tmp, 'stackgate-logs'));
    assert.deepEqual(logs, [`${ex.project}.log`]);
    assert.match(readFileSync(path.join(tmp, 'stackgate-logs', logs[0]!), 'utf8'), /nginx-1 +\|/);

    // Post after post (or after a main that cleaned up): nothing to do, still green.
    const again = spawnSync(process.execPath, [path.join(repo, 'lib/src/entries/stack-post.js')], {
      env: {
        ...postEnv,
        ...Object.fromEntries(
          Object.entries(readCommandFile(env.GITHUB_STATE!)).map(([k, v]) => [`STATE_${k}`, v]),
        ),
      },
      encoding: 'utf8',
    });
    assert.equal(again.status, 0);
    assert.match(again.stdout, /nothing left running/);
  } finally {
    await forceDown(ex);
    ex.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }
});
