import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ExecError, exec, redact } from '../../src/exec.js';

test('exec streams lines as they arrive and returns the output', async () => {
  const lines: string[] = [];
  const r = await exec('sh', ['-c', 'echo one; echo two >&2; printf three'], {
    onLine: (l, s) => lines.push(`${s}:${l}`),
  });
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, 'one\nthree');
  assert.deepEqual(lines.sort(), ['stderr:two', 'stdout:one', 'stdout:three']);
});

test('a non-zero exit is an ExecError with the command and exit code; reject:false returns it', async () => {
  await assert.rejects(exec('sh', ['-c', 'echo bad >&2; exit 3']), (e: unknown) => {
    assert.ok(e instanceof ExecError);
    assert.equal(e.failure, 'exit');
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /^sh -c .*exit code 3: bad$/);
    return true;
  });
  const r = await exec('sh', ['-c', 'exit 4'], { reject: false });
  assert.equal(r.exitCode, 4);
});

test('timeout, cancel and a missing program are told apart', async () => {
  await assert.rejects(exec('sleep', ['30'], { timeoutMs: 100 }), (e: unknown) => {
    assert.ok(e instanceof ExecError && e.failure === 'timeout');
    return true;
  });
  const c = new AbortController();
  const p = exec('sleep', ['30'], { signal: c.signal });
  c.abort();
  await assert.rejects(p, (e: unknown) => e instanceof ExecError && e.failure === 'canceled');
  await assert.rejects(exec('sg-stack-no-such-program', []), (e: unknown) => {
    assert.ok(e instanceof ExecError && e.failure === 'not-found');
    assert.match(e.message, /not installed or not on PATH/);
    return true;
  });
});

test('secrets never appear in the command line, lines or errors', async () => {
  const secret = 'hunter2-token';
  const lines: string[] = [];
  await assert.rejects(
    exec('sh', ['-c', `echo ${secret}; echo ${secret} >&2; exit 1`, secret], {
      secrets: [secret],
      onLine: (l) => lines.push(l),
    }),
    (e: unknown) => {
      assert.ok(e instanceof ExecError);
      assert.ok(!e.message.includes(secret) && !e.command.includes(secret) && !e.stdout.includes(secret));
      assert.match(e.message, /\*\*\*/);
      return true;
    },
  );
  assert.deepEqual(lines, ['***', '***']);
  assert.equal(redact('a hunter2-token b', [secret]), 'a *** b');
});

test('stdoutTo streams output of any size without keeping it', async () => {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  const r = await exec('head', ['-c', String(64 * 1024 * 1024), '/dev/zero'], { stdoutTo: sink });
  assert.equal(bytes, 64 * 1024 * 1024);
  assert.equal(r.stdout, '');
});

test('src/exec.ts is the one module in src/ that starts processes', () => {
  // lib/test/unit/ → the repository's src/ (the TypeScript sources, not tsc's output).
  const srcDir = fileURLToPath(new URL('../../../src/', import.meta.url));
  const spawning = /from '(?:node:)?child_process'|from 'execa'/;
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const hits = files.filter((f) => spawning.test(readFileSync(`${srcDir}${f}`, 'utf8')));
  assert.ok(files.length > 50 && files.includes('aws/openvpn/pki.ts'), 'the sources were read');
  assert.deepEqual(hits, ['exec.ts']);
});
