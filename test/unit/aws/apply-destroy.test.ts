// apply and destroy against a stateful fake EC2 (aws-sdk-client-mock), where moto is too lenient:
// DependencyViolation ordering and retries, throttling, slow termination, partial failure and resume,
// and a lost create answer that must not make a second resource.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  CreateRouteTableCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DetachInternetGatewayCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { AwsFailure, apply } from '../../../src/aws/apply.js';
import { DEFAULTS, desiredEnvironment } from '../../../src/aws/desired.js';
import { destroyEnvironment } from '../../../src/aws/destroy.js';
import { countResources, discover } from '../../../src/aws/discover.js';
import { awsError, createFake, lostAnswer } from './fake-ec2.js';

const desired = desiredEnvironment({
  name: 'unit',
  region: 'us-east-1',
  amiParameter: '/stackgate/test/ami',
  instanceType: 't3.micro',
  sshCidrs: [],
  vpnCidrs: [],
  openvpnPort: DEFAULTS.openvpnPort,
  openvpnProtocol: 'udp',
  ipv6Egress: 'egress-only',
  ttlHours: 1,
});

describe('apply and destroy (aws-sdk-client-mock)', () => {
  let fake: ReturnType<typeof createFake>;
  let out: string;
  const opts = () => ({ expiresAt: new Date(fake.rt.now().getTime() + 3_600_000), outputDir: out });
  beforeEach(() => {
    fake = createFake();
    out = mkdtempSync(join(tmpdir(), 'sg-aws-unit-'));
  });
  afterEach(() => {
    fake.dispose();
    rmSync(out, { recursive: true, force: true });
  });

  it('apply creates one of each, VPC first and the instance last, and outputs the ENI IPv6', async () => {
    const o = await apply(fake.rt, desired, opts());
    assert.equal(countResources(await discover(fake.rt.ec2, 'unit')), 7);
    const creates = fake.log.filter((c) => /^(Create|RunInstances)/.test(c));
    assert.equal(creates[0], 'CreateVpc');
    assert.ok(creates.indexOf('RunInstances') > creates.indexOf('CreateSubnet'));
    assert.ok(creates.indexOf('RunInstances') > creates.indexOf('CreateSecurityGroup'));
    assert.equal(o.ipv6Address, '2600:1f18:aaaa:bb00::7');
    assert.equal(
      fake.state.subnets[0]?.Ipv6CidrBlockAssociationSet &&
        (fake.state.subnets[0].Ipv6CidrBlockAssociationSet as { Ipv6CidrBlock: string }[])[0]?.Ipv6CidrBlock,
      '2600:1f18:aaaa:bb00::/64',
    );
  });

  it('creates the layer after the VPC concurrently: all five creates are in flight before any answers', async () => {
    let inFlight = 0;
    let peak = 0;
    const origSend = fake.rt.ec2.send.bind(fake.rt.ec2);
    fake.rt.ec2.send = (async (cmd: { constructor: { name: string } }) => {
      const layer2 =
        /^Create(Subnet|InternetGateway|EgressOnlyInternetGateway|RouteTable|SecurityGroup)Command$/.test(
          cmd.constructor.name,
        );
      if (layer2) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setImmediate(r));
      }
      try {
        return await (origSend as (c: unknown) => Promise<unknown>)(cmd);
      } finally {
        if (layer2) inFlight--;
      }
    }) as typeof fake.rt.ec2.send;
    await apply(fake.rt, desired, opts());
    assert.equal(peak, 5);
  });

  it('a lost RunInstances answer is adopted by tag, not launched twice', async () => {
    // The instance is created, but the answer never arrives (the fake creates it, then the call fails).
    let lost = false;
    const origSend = fake.rt.ec2.send.bind(fake.rt.ec2);
    fake.rt.ec2.send = (async (cmd: unknown) => {
      const result = await (origSend as (c: unknown) => Promise<unknown>)(cmd);
      if (cmd instanceof RunInstancesCommand && !lost) {
        lost = true;
        throw lostAnswer();
      }
      return result;
    }) as typeof fake.rt.ec2.send;
    const o = await apply(fake.rt, desired, opts());
    assert.equal(fake.ec2Mock.commandCalls(RunInstancesCommand).length, 1);
    assert.equal(fake.state.instances.length, 1);
    assert.equal(o.instanceId, fake.state.instances[0]!.InstanceId);
  });

  it('a lost CreateVpc answer is adopted too (CreateVpc has no ClientToken)', async () => {
    let lost = false;
    const origSend = fake.rt.ec2.send.bind(fake.rt.ec2);
    fake.rt.ec2.send = (async (cmd: unknown) => {
      const result = await (origSend as (c: unknown) => Promise<unknown>)(cmd);
      if (cmd instanceof CreateVpcCommand && !lost) {
        lost = true;
        throw lostAnswer();
      }
      return result;
    }) as typeof fake.rt.ec2.send;
    await apply(fake.rt, desired, opts());
    assert.equal(fake.ec2Mock.commandCalls(CreateVpcCommand).length, 1);
    assert.equal(fake.state.vpcs.length, 1);
  });

  it('RequestLimitExceeded is retried with jittered backoff; the resource is made once', async () => {
    for (let i = 0; i < 3; i++)
      fake.fail(CreateRouteTableCommand, () =>
        awsError('RequestLimitExceeded', 'Request limit exceeded.', 503),
      );
    await apply(fake.rt, desired, opts());
    assert.equal(fake.ec2Mock.commandCalls(CreateRouteTableCommand).length, 4);
    assert.equal(fake.state.rtbs.length, 1);
    // random() is 0.5: delays are half of base·2^n (100, 200, 400 → 50, 100, 200).
    assert.ok(
      [50, 100, 200].every((d) => fake.sleeps.includes(d)),
      fake.sleeps.join(','),
    );
  });

  it('a failure half-way leaves a partial environment that the next apply completes', async () => {
    fake.fail(RunInstancesCommand, () =>
      awsError('InsufficientInstanceCapacity', 'no capacity in this zone'),
    );
    await assert.rejects(apply(fake.rt, desired, opts()), /no capacity/);
    assert.equal(countResources(await discover(fake.rt.ec2, 'unit')), 6, 'everything but the instance');
    const vpcs = fake.ec2Mock.commandCalls(CreateVpcCommand).length;
    await apply(fake.rt, desired, opts());
    assert.equal(fake.ec2Mock.commandCalls(CreateVpcCommand).length, vpcs, 'no second VPC');
    assert.equal(countResources(await discover(fake.rt.ec2, 'unit')), 7);
  });

  it('refuses a missing AMI before creating anything', async () => {
    fake.ssmMock.reset();
    fake.ssmMock.resolves({ Parameter: { Value: 'ami-99999999' } });
    await assert.rejects(
      apply(fake.rt, desired, opts()),
      (e: unknown) => e instanceof AwsFailure && /ami-99999999 does not exist/.test((e as Error).message),
    );
    assert.equal(fake.ec2Mock.commandCalls(CreateVpcCommand).length, 0);
  });

  it('destroy goes in reverse order and retries DependencyViolation until it clears', async () => {
    await apply(fake.rt, desired, opts());
    fake.log.length = 0;
    for (let i = 0; i < 3; i++)
      fake.fail(DeleteSecurityGroupCommand, () =>
        awsError('DependencyViolation', 'resource sg-x has a dependent object'),
      );
    for (let i = 0; i < 2; i++)
      fake.fail(DeleteSubnetCommand, () => awsError('DependencyViolation', 'The subnet has dependencies'));
    fake.fail(DetachInternetGatewayCommand, () =>
      awsError(
        'DependencyViolation',
        'Network vpc-x has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.',
      ),
    );
    const r = await destroyEnvironment(fake.rt, 'unit');
    assert.deepEqual(r.left, []);
    assert.equal(countResources(await discover(fake.rt.ec2, 'unit')), 0);
    const deletes = fake.log.filter((c) => /^(Terminate|Delete|Detach|Disassociate)/.test(c));
    const firstOf = (c: string) => deletes.indexOf(c);
    const order = [
      'TerminateInstances',
      'DeleteSecurityGroup',
      'DeleteSubnet',
      'DisassociateRouteTable',
      'DeleteRouteTable',
      'DeleteEgressOnlyInternetGateway',
      'DetachInternetGateway',
      'DeleteInternetGateway',
      'DeleteVpc',
    ];
    for (let i = 1; i < order.length; i++)
      assert.ok(
        firstOf(order[i - 1]!) < firstOf(order[i]!),
        `${order[i - 1]} before ${order[i]}: ${deletes.join(' ')}`,
      );
    assert.equal(deletes.filter((c) => c === 'DeleteSecurityGroup').length, 4);
    assert.equal(deletes.filter((c) => c === 'DeleteSubnet').length, 3);
  });

  it('a DependencyViolation that never clears stops at the deadline and is reported with its reason', async () => {
    await apply(fake.rt, desired, opts());
    fake.fail(DeleteSubnetCommand, () =>
      Object.assign(
        awsError('DependencyViolation', 'The subnet subnet-x has dependencies and cannot be deleted.'),
        { once: false },
      ),
    );
    fake.fail(DeleteVpcCommand, () =>
      Object.assign(awsError('DependencyViolation', 'The vpc has dependencies'), { once: false }),
    );
    const started = fake.rt.now().getTime();
    const r = await destroyEnvironment(fake.rt, 'unit');
    const elapsed = fake.rt.now().getTime() - started;
    assert.ok(elapsed <= fake.rt.destroyDeadlineMs * 2 + 10_000, `fake time ${elapsed} ms`);
    const left = r.left.map((l) => `${l.type}: ${l.reason}`);
    assert.ok(
      left.some((l) => /^subnet: DependencyViolation: The subnet .* has dependencies/.test(l)),
      left.join('\n'),
    );
    assert.ok(
      left.some((l) => /^vpc: DependencyViolation/.test(l)),
      left.join('\n'),
    );
    // The rest went: only the subnet and the VPC are left.
    const a = await discover(fake.rt.ec2, 'unit');
    assert.equal(countResources(a), 2);
  });

  it('waits for an instance that takes minutes to terminate before deleting its group', async () => {
    await apply(fake.rt, desired, opts());
    // 40 polls in shutting-down: at EC2's usual 15 s that is 10 minutes; the waiter's delays are injected.
    fake.control.terminatePolls = 40;
    fake.rt.waiter = { minDelay: 0.001, maxDelay: 0.001, maxWaitTime: 600 };
    fake.log.length = 0;
    const r = await destroyEnvironment(fake.rt, 'unit');
    assert.deepEqual(r.left, []);
    const polls = fake.log
      .slice(0, fake.log.indexOf('DeleteSecurityGroup'))
      .filter((c) => c === 'DescribeInstances');
    assert.ok(polls.length >= 40, `${polls.length} polls`);
    const lastPoll = fake.log.lastIndexOf('DescribeInstances', fake.log.indexOf('DeleteSecurityGroup'));
    assert.ok(lastPoll >= 0 && lastPoll < fake.log.indexOf('DeleteSecurityGroup'));
  });

  it('an instance that does not terminate in time is reported, not forgotten', async () => {
    await apply(fake.rt, desired, opts());
    fake.control.terminatePolls = Number.POSITIVE_INFINITY;
    fake.rt.waiter = { minDelay: 0.001, maxDelay: 0.002, maxWaitTime: 0.05 };
    const r = await destroyEnvironment(fake.rt, 'unit');
    const inst = r.left.find((l) => l.type === 'instance');
    assert.ok(inst, JSON.stringify(r.left));
    assert.match(inst.reason, /^still shutting-down after the waiter's 0.05 s/);
  });
});
