// apply/destroy wall time and API calls against moto behind a proxy adding 50 ms per call, concurrent
// creation side by side with sequential (its anchor) in one run. Prints a markdown table.
// Run: node lib/bench/aws.js [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAws } from '../src/aws/run.js';
import { AMI_PARAMETER, REGION, seedAmiParameter, startFaultProxy, startMoto } from '../test/e2e/aws-moto.js';

process.env.AWS_ACCESS_KEY_ID ??= 'testing';
process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';
const rounds = Number(process.argv[2] ?? 3);
const moto = await startMoto();
await seedAmiParameter(moto.endpoint);
const proxy = await startFaultProxy(moto.endpoint, { latencyMs: 50 });
const out = mkdtempSync(join(tmpdir(), 'sg-aws-bench-'));
const env = (name: string) => ({
  name,
  region: REGION,
  endpoint: proxy.endpoint,
  amiParameter: AMI_PARAMETER,
  instanceType: 't3.micro',
  sshCidrs: [],
  vpnCidrs: [],
  openvpnPort: 1194,
  openvpnProtocol: 'udp' as const,
  ipv6Egress: 'egress-only' as const,
  ttlHours: 1,
});
const rows: Record<string, { ms: number[]; calls: number[] }> = {};
const record = (k: string, ms: number, calls: number) => {
  rows[k] ??= { ms: [], calls: [] };
  rows[k].ms.push(ms);
  rows[k].calls.push(calls);
};
for (let i = 0; i < rounds; i++)
  for (const mode of ['concurrent', 'sequential'] as const) {
    const name = `bench-${mode.slice(0, 3)}-${i}`;
    const base = {
      outputDir: out,
      log: () => {},
      mask: () => {},
      ...(mode === 'sequential' ? { sequential: true } : {}),
    };
    let n = proxy.calls.length;
    let t = performance.now();
    await runAws('apply', { env: env(name), ...base });
    record(`apply (${mode})`, performance.now() - t, proxy.calls.length - n);
    n = proxy.calls.length;
    t = performance.now();
    await runAws('destroy', { env: env(name), ...base });
    record(`destroy (${mode})`, performance.now() - t, proxy.calls.length - n);
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`| run (moto + 50 ms/call, ${rounds} rounds, median) | wall ms | API calls |\n|---|---:|---:|`);
for (const [k, v] of Object.entries(rows))
  console.log(`| ${k} | ${Math.round(median(v.ms))} | ${median(v.calls)} |`);
const ratio = median(rows['apply (concurrent)']!.ms) / median(rows['apply (sequential)']!.ms);
console.log(`\napply concurrent / sequential = ${ratio.toFixed(2)} (target ≤ 0.6)`);
await proxy.close();
await moto.stop();
rmSync(out, { recursive: true, force: true });
