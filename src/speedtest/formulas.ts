// The LibreSpeed JS client's arithmetic (speedtest_worker.js; REFERENCE.md §5.2), kept pure so it can
// be tested on known samples.

/** speedtest_worker.js `overheadCompensationFactor`: TCP/IP framing on top of the HTTP payload. */
export const OVERHEAD_FACTOR = 1.06;

/**
 * Ping and jitter from ping samples (ms), the warm-up sample already dropped: ping is the minimum;
 * jitter starts at the first |Δ| and then moves 0.7 toward a larger |Δ| and 0.2 toward a smaller one,
 * so spikes weigh more.
 */
export function pingJitter(samples: readonly number[]): { pingMs: number; jitterMs: number } {
  if (samples.length === 0) throw new RangeError('pingJitter needs at least one sample');
  let ping = samples[0]!;
  let jitter = 0;
  for (let i = 1; i < samples.length; i++) {
    const sample = samples[i]!;
    if (sample < ping) ping = sample;
    const inst = Math.abs(sample - samples[i - 1]!);
    if (i === 1) jitter = inst;
    else jitter = inst > jitter ? jitter * 0.3 + inst * 0.7 : jitter * 0.8 + inst * 0.2;
  }
  return { pingMs: ping, jitterMs: jitter };
}

/** Megabits per second (10^6, `useMebibits` false) of payload bytes over seconds, before the overhead factor. */
export function rawMbps(bytes: number, seconds: number): number {
  return seconds > 0 ? (bytes * 8) / seconds / 1_000_000 : 0;
}

/** What the LibreSpeed UI shows: goodput times the overhead factor. */
export function reportedMbps(raw: number): number {
  return raw * OVERHEAD_FACTOR;
}

/** Rounds for output without turning small positive speeds into 0. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
