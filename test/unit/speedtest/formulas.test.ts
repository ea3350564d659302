import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  OVERHEAD_FACTOR,
  pingJitter,
  rawMbps,
  reportedMbps,
  round,
} from '../../../src/speedtest/formulas.js';

test('ping is the minimum sample; jitter follows speedtest_worker.js on known samples', () => {
  // |Δ| = 2, 1, 9, 10: jitter = 2 → 0.8·2+0.2·1 = 1.8 → 0.3·1.8+0.7·9 = 6.84 → 0.3·6.84+0.7·10 = 9.052
  const { pingMs, jitterMs } = pingJitter([10, 12, 11, 20, 10]);
  assert.equal(pingMs, 10);
  assert.ok(Math.abs(jitterMs - 9.052) < 1e-9, `jitter ${jitterMs}`);
});

test('a falling |Δ| moves jitter 0.2 toward it, a rising one 0.7', () => {
  assert.ok(Math.abs(pingJitter([5, 9, 9]).jitterMs - 3.2) < 1e-9); // 4 → 0.8·4 + 0.2·0
  assert.ok(Math.abs(pingJitter([5, 5, 9]).jitterMs - 2.8) < 1e-9); // 0 → 0.3·0 + 0.7·4
  assert.equal(pingJitter([7, 3, 8]).pingMs, 3);
});

test('one sample has no jitter; no sample is an error', () => {
  assert.deepEqual(pingJitter([4.5]), { pingMs: 4.5, jitterMs: 0 });
  assert.throws(() => pingJitter([]), RangeError);
});

test('Mbit/s are 10^6 bits of payload per second; the reported figure adds the 1.06 factor', () => {
  assert.equal(rawMbps(125_000_000, 10), 100);
  assert.equal(rawMbps(1000, 0), 0);
  assert.equal(OVERHEAD_FACTOR, 1.06);
  assert.equal(round(reportedMbps(100)), 106);
  assert.equal(round(0.004), 0);
  assert.equal(round(1.005 + 1e-9), 1.01);
});
