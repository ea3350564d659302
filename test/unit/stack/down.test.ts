import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CappedFile } from '../../../src/stack/down.js';

const E = '\x1b[2K';

async function through(chunks: Buffer[], cap = 1 << 20): Promise<{ text: string; sink: CappedFile }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-capped-'));
  try {
    const file = path.join(dir, 'logs.txt');
    const sink = new CappedFile(file, cap, () => {});
    for (const c of chunks) await new Promise<void>((r, j) => sink.write(c, (e) => (e ? j(e) : r())));
    await sink.close();
    return { text: readFileSync(file, 'utf8'), sink };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// compose's lines, then a container's own line that starts with the same code mid-line and a colour code.
const input = `${E}${E}nginx-1  | start\n${E}app-1  | a ${E}b \x1b[31mred\x1b[0m\n${E}app-1  | last`;
const expected = `nginx-1  | start\napp-1  | a ${E}b \x1b[31mred\x1b[0m\napp-1  | last`;

test("CappedFile drops compose's erase-line code at each line start, wherever the chunks are cut", async () => {
  const bytes = Buffer.from(input);
  assert.equal((await through([bytes])).text, expected);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const { text } = await through([bytes.subarray(0, cut), bytes.subarray(cut)]);
    assert.equal(text, expected, `cut at ${cut}`);
  }
  // One byte at a time.
  assert.equal((await through([...bytes].map((b) => Buffer.from([b])))).text, expected);
});

test('CappedFile keeps a last line that only began like the code, and still stops at the cap', async () => {
  assert.equal((await through([Buffer.from('x\n\x1b[2')])).text, 'x\n\x1b[2');
  const { text, sink } = await through([Buffer.from(`${E}0123456789\n${E}0123456789\n`)], 12);
  assert.equal(sink.truncated, true);
  assert.match(text, /^0123456789\n0\n\[stackgate: logs cut at 12 bytes\]\n$/);
});
