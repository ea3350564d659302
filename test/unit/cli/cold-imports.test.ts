import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Every file: URL a fresh Node loads while the CLI runs `validate` in `dir`, in load order. */
function modulesLoadedByValidate(dir: string): string[] {
  const main = pathToFileURL(path.join(repo, 'lib/src/cli/main.js')).href;
  const script = `
    import { registerHooks } from 'node:module';
    const loaded = [];
    registerHooks({ load(url, context, next) { if (url.startsWith('file:')) loaded.push(url); return next(url, context); } });
    const { main } = await import(${JSON.stringify(main)});
    const io = { stdout: () => {}, stderr: (t) => process.stderr.write(t), cwd: ${JSON.stringify(dir)}, env: {} };
    const code = await main(['validate', '--format', 'json', '--fail-on', 'never'], io);
    process.stdout.write(JSON.stringify({ code, loaded }));`;
  const out = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  );
  assert.equal(out.code, 0);
  return out.loaded;
}

test('validate does not load the code only other commands need (cold start)', () => {
  const loaded = modulesLoadedByValidate(path.join(repo, 'examples/speedtest'));
  const has = (part: string) => loaded.some((u) => u.includes(part));
  // The hook saw the real work: the compose parser, the schema validator and the rules.
  for (const needed of ['/node_modules/yaml/', '/compose/schema/validator.generated.js', '/rules/index.js'])
    assert.ok(has(needed), `expected ${needed} to load`);
  for (const unneeded of ['/node_modules/execa/', '/src/exec.js', '/src/stack/', '/node_modules/diff/'])
    assert.ok(
      !has(unneeded),
      `${unneeded} loaded for validate: ${loaded.filter((u) => u.includes(unneeded))[0]}`,
    );
});
