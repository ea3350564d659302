// One speed test in a process of its own, so bench/speedtest.ts can read the client's peak RSS alone.
// Usage: node lib/bench/speedtest-child.js URL DURATION_S [CA_FILE]   or   ... --idle (the anchor:
// the same process, module loaded, nothing moved). Prints one JSON line.
import { readFileSync } from 'node:fs';
import { runSpeedtest, type SpeedtestResult } from '../src/speedtest/index.js';

function peakKiB(): { maxRssKiB: number; vmHwmKiB: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return { maxRssKiB: process.resourceUsage().maxRSS, vmHwmKiB: hwm };
}

const [url = '', duration = '5', ca] = process.argv.slice(2);
let result: SpeedtestResult | undefined;
if (url !== '--idle') {
  result = await runSpeedtest({
    url,
    durationSeconds: Number(duration),
    ...(ca ? { ca: readFileSync(ca, 'utf8') } : {}),
  });
}
process.stdout.write(`${JSON.stringify({ result, ...peakKiB() })}\n`);
