// Convergence: an apply SIGKILLed half-way is finished by the next apply, a destroy after a half-done
// apply leaves nothing tagged, and apply/destroy ride out throttling, latency and dropped connections
// from a fault-injecting proxy in front of moto (the SDK's retry middleware is real here, unlike a mock).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { countResources, discover } from '../../src/aws/discover.js';
import { aws, cleanEnv, MOTO_ENV, runNode } from './aws-cli.js';
import {
  ec2For,
  type FaultProxy,
  type Moto,
  seedAmiParameter,
  seeded,
  startFaultProxy,
  startMoto,
} from './aws-moto.js';

const RUNNER = fileURLToPath(new URL('./aws-kill-runner.js', import.meta.url));
/** vpc, subnet, igw, eigw, route table, security group, instance. */
const FULL = 7;

describe('aws convergence', () => {
  let moto: Moto;
  let ec2: EC2Client;
  let out: string;
  before(async () => {
    moto = await startMoto();
    ec2 = ec2For(moto.endpoint);
    await seedAmiParameter(moto.endpoint);
    out = mkdtempSync(join(tmpdir(), 'sg-aws-conv-'));
  });
  after(async () => {
    ec2?.destroy();
    await moto?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  for (const step of ['vpc', 'subnet', 'security-group', 'route-table', 'route ::/0', 'instance']) {
    it(`an apply killed after "${step}" is finished by the next apply`, async () => {
      const name = `kill-${step.replace(/[^a-z]/g, '')}`;
      const killed = await runNode(RUNNER, [moto.endpoint, name, out, step], cleanEnv(MOTO_ENV));
      assert.equal(killed.signal, 'SIGKILL', killed.stderr);
      const half = countResources(await discover(ec2, name));
      assert.ok(half >= 1 && half <= FULL, `half-done: ${half}`);
      const r = await aws('apply', name, moto.endpoint, out, ['--json']);
      assert.equal(r.code, 0, r.stderr);
      const a = await discover(ec2, name);
      assert.equal(countResources(a), FULL, 'one of each, no duplicates');
      const plan = JSON.parse((await aws('plan', name, moto.endpoint, out, ['--json'])).stdout) as {
        drift: boolean;
      };
      assert.equal(plan.drift, false);
      assert.equal((await aws('destroy', name, moto.endpoint, out)).code, 0);
      assert.equal(countResources(await discover(ec2, name)), 0);
    });
  }

  it('destroy after a half-done apply leaves nothing tagged', async () => {
    const killed = await runNode(
      RUNNER,
      [moto.endpoint, 'half', out, 'internet-gateway'],
      cleanEnv(MOTO_ENV),
    );
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(countResources(await discover(ec2, 'half')) >= 2);
    const d = await aws('destroy', 'half', moto.endpoint, out);
    assert.equal(d.code, 0, d.stderr + d.stdout);
    assert.equal(countResources(await discover(ec2, 'half')), 0);
  });

  describe('behind a fault-injecting proxy', () => {
    let proxy: FaultProxy;
    before(async () => {
      proxy = await startFaultProxy(moto.endpoint);
    });
    after(async () => {
      await proxy?.close();
    });
    it('apply and destroy converge with 20% throttling, 5% dropped connections and latency', async () => {
      proxy.setFaults({ latencyMs: 5, throttleRate: 0.2, dropRate: 0.05, random: seeded(9) });
      const r = await aws('apply', 'faulty', proxy.endpoint, out, ['--json']);
      assert.equal(r.code, 0, r.stderr);
      const throttled = proxy.calls.filter((c) => c.outcome === 'throttled').length;
      const dropped = proxy.calls.filter((c) => c.outcome === 'dropped').length;
      assert.ok(
        throttled >= 2 && dropped >= 1,
        `faults were injected: ${throttled} throttled, ${dropped} dropped`,
      );
      assert.equal(countResources(await discover(ec2, 'faulty')), FULL);
      const d = await aws('destroy', 'faulty', proxy.endpoint, out);
      assert.equal(d.code, 0, d.stderr + d.stdout);
      assert.equal(countResources(await discover(ec2, 'faulty')), 0);
      const calls = proxy.calls.length;
      proxy.setFaults({});
      assert.ok(calls > 50, `${calls} calls`);
    });
  });
});
