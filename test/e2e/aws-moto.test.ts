// aws plan/apply/destroy/reap through the real CLI against moto_server on loopback.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateTagsCommand,
  DeleteRouteCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { countResources, discover } from '../../src/aws/discover.js';
import { ipv6CidrContains } from '../../src/aws/ipv6.js';
import { aws, cleanEnv, MOTO_ENV } from './aws-cli.js';
import { createBystanderVpc, ec2For, type Moto, seedAmiParameter, startMoto } from './aws-moto.js';

interface ApplyJson {
  vpcId: string;
  subnetId: string;
  internetGatewayId: string;
  egressOnlyInternetGatewayId: string | null;
  routeTableId: string;
  securityGroupId: string;
  instanceId: string;
  publicIpv4: string | null;
  ipv6Address: string | null;
  clientConfigPath: string | null;
  changes: { action: string; type: string; id: string | null; detail?: string }[];
}

describe('aws against moto_server', () => {
  let moto: Moto;
  let ec2: EC2Client;
  let out: string;
  let untagged: string;
  let otherEnv: string;
  before(async () => {
    moto = await startMoto();
    ec2 = ec2For(moto.endpoint);
    await seedAmiParameter(moto.endpoint);
    out = mkdtempSync(join(tmpdir(), 'sg-aws-moto-'));
    untagged = await createBystanderVpc(moto.endpoint, []);
    otherEnv = await createBystanderVpc(moto.endpoint, [
      { Key: 'stackgate:environment', Value: 'other' },
      { Key: 'stackgate:managed-by', Value: 'stackgate' },
      { Key: 'stackgate:expires-at', Value: '2000-01-01T00:00:00.000Z' },
    ]);
  });
  after(async () => {
    ec2?.destroy();
    await moto?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  let first: ApplyJson;
  it('apply creates the whole environment, tagged, with the security defaults', async () => {
    const r = await aws('apply', 'e2e', moto.endpoint, out, ['--json']);
    assert.equal(r.code, 0, r.stderr);
    first = JSON.parse(r.stdout) as ApplyJson;
    for (const k of [
      'vpcId',
      'subnetId',
      'internetGatewayId',
      'egressOnlyInternetGatewayId',
      'routeTableId',
      'securityGroupId',
      'instanceId',
    ] as const)
      assert.match(String(first[k]), /^(vpc|subnet|igw|eigw|rtb|sg|i)-[0-9a-f]+$/, k);
    assert.ok(
      first.changes.every((c) => c.action === 'create'),
      JSON.stringify(first.changes),
    );
    assert.match(first.ipv6Address ?? '', /:/);
    assert.match(first.publicIpv4 ?? '', /^\d+\.\d+\.\d+\.\d+$/);

    const actual = await discover(ec2, 'e2e');
    assert.equal(actual.vpcs.length, 1);
    const vpc6 = actual.vpcs[0]!.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock ?? '';
    const sub6 = actual.subnets[0]!.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock ?? '';
    assert.match(vpc6, /\/56$/);
    assert.match(sub6, /\/64$/);
    assert.ok(ipv6CidrContains(vpc6, sub6), `${sub6} inside ${vpc6}`);
    assert.ok(
      ipv6CidrContains(sub6, `${first.ipv6Address}/128`),
      'the instance address is in the subnet /64',
    );
    assert.equal(actual.subnets[0]!.MapPublicIpOnLaunch, true);
    for (const list of Object.values(actual))
      for (const r of list as { Tags?: { Key?: string; Value?: string }[] }[]) {
        const keys = new Map((r.Tags ?? []).map((t) => [t.Key, t.Value]));
        assert.equal(keys.get('stackgate:environment'), 'e2e');
        assert.equal(keys.get('stackgate:managed-by'), 'stackgate');
        assert.ok(!Number.isNaN(Date.parse(keys.get('stackgate:expires-at') ?? '')));
        assert.match(keys.get('Name') ?? '', /^stackgate-e2e-/);
      }

    const rt = actual.routeTables[0]!;
    const v4 = rt.Routes?.find((x) => x.DestinationCidrBlock === '0.0.0.0/0');
    const v6 = rt.Routes?.find((x) => x.DestinationIpv6CidrBlock === '::/0');
    assert.equal(v4?.GatewayId, first.internetGatewayId);
    assert.equal(v6?.EgressOnlyInternetGatewayId, first.egressOnlyInternetGatewayId);
    assert.ok(rt.Associations?.some((a) => a.SubnetId === first.subnetId));

    const sg = actual.securityGroups[0]!;
    const ingress = (sg.IpPermissions ?? []).flatMap((p) => [
      ...(p.IpRanges ?? []).map((x) => `${p.IpProtocol}/${p.FromPort}/${x.CidrIp}`),
      ...(p.Ipv6Ranges ?? []).map((x) => `${p.IpProtocol}/${p.FromPort}/${x.CidrIpv6}`),
    ]);
    assert.deepEqual(
      ingress.sort(),
      ['udp/1194/0.0.0.0/0', 'udp/1194/::/0'],
      'OpenVPN from anywhere, no SSH by default',
    );
    const egress6 = (sg.IpPermissionsEgress ?? []).some((p) =>
      p.Ipv6Ranges?.some((x) => x.CidrIpv6 === '::/0'),
    );
    assert.ok(egress6, 'explicit ::/0 egress');

    const inst = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [first.instanceId] })))
      .Reservations?.[0]?.Instances?.[0];
    assert.equal(inst?.MetadataOptions?.HttpTokens, 'required');
    assert.equal(inst?.InstanceType, 't3.micro');
    const vols = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [first.instanceId] }],
      }),
    );
    assert.ok(
      (vols.Volumes ?? []).length > 0 && vols.Volumes!.every((v) => v.Encrypted === true),
      'encrypted root',
    );
    const ud = await ec2.send(
      new DescribeInstanceAttributeCommand({ InstanceId: first.instanceId, Attribute: 'userData' }),
    );
    const script = gunzipSync(Buffer.from(ud.UserData?.Value ?? '', 'base64')).toString();
    assert.match(script, /^#!\/bin\/bash/);
    assert.match(script, /proto udp6/);
    assert.match(script, /push "route-ipv6 2000::\/3"/);
    assert.match(script, /accept_ra = 2/);

    // The profile is a 0600 file, and no key material reached the terminal.
    assert.ok(first.clientConfigPath);
    assert.equal(statSync(first.clientConfigPath).mode & 0o777, 0o600);
    const profile = readFileSync(first.clientConfigPath, 'utf8');
    assert.match(profile, new RegExp(`remote ${first.publicIpv4!.replaceAll('.', '\\.')} 1194`));
    const key = profile.match(/<key>\n([\s\S]*?)\n<\/key>/)?.[1] ?? '';
    const keyLine = key.split('\n')[1] ?? '';
    assert.ok(keyLine.length > 20);
    const tls = profile.match(/<tls-crypt>\n[^\n]+\n([0-9a-f]{32})/)?.[1] ?? '';
    assert.equal(tls.length, 32);
    for (const secret of [keyLine, tls]) assert.ok(!(r.stdout + r.stderr).includes(secret), 'secret printed');
  });

  it('apply again creates nothing and plan lists only keep', async () => {
    const before = countResources(await discover(ec2, 'e2e'));
    const r = await aws('apply', 'e2e', moto.endpoint, out, ['--json']);
    assert.equal(r.code, 0, r.stderr);
    const again = JSON.parse(r.stdout) as ApplyJson;
    assert.ok(
      again.changes.every((c) => c.action === 'keep'),
      JSON.stringify(again.changes),
    );
    assert.equal(again.instanceId, first.instanceId);
    assert.equal(again.clientConfigPath, first.clientConfigPath);
    assert.equal(countResources(await discover(ec2, 'e2e')), before);
    const p = await aws('plan', 'e2e', moto.endpoint, out, ['--json']);
    assert.equal(p.code, 0, p.stderr);
    const plan = JSON.parse(p.stdout) as { changes: { action: string }[]; drift: boolean };
    assert.equal(plan.drift, false);
    assert.ok(plan.changes.length >= 10 && plan.changes.every((c) => c.action === 'keep'), p.stdout);
  });

  it('plan detects a deleted ::/0 route and an opened security group; apply repairs both', async () => {
    await ec2.send(
      new DeleteRouteCommand({ RouteTableId: first.routeTableId, DestinationIpv6CidrBlock: '::/0' }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: first.securityGroupId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    );
    const p = await aws('plan', 'e2e', moto.endpoint, out, ['--json']);
    assert.equal(p.code, 0, p.stderr);
    const plan = JSON.parse(p.stdout) as {
      changes: { action: string; type: string; detail?: string }[];
      drift: boolean;
    };
    assert.equal(plan.drift, true);
    const changed = plan.changes.filter((c) => c.action !== 'keep');
    assert.deepEqual(changed.map((c) => c.type).sort(), ['route', 'security-group'], JSON.stringify(changed));
    assert.match(changed.find((c) => c.type === 'route')?.detail ?? '', /::\/0/);
    assert.match(
      changed.find((c) => c.type === 'security-group')?.detail ?? '',
      /tcp 22 0\.0\.0\.0\/0 is not desired/,
    );
    const text = await aws('plan', 'e2e', moto.endpoint, out);
    assert.match(text.stdout, /update\s+route/);
    assert.match(text.stdout, /drift: yes/);

    const a = await aws('apply', 'e2e', moto.endpoint, out, ['--json']);
    assert.equal(a.code, 0, a.stderr);
    const p2 = JSON.parse((await aws('plan', 'e2e', moto.endpoint, out, ['--json'])).stdout) as {
      drift: boolean;
    };
    assert.equal(p2.drift, false);
  });

  it('destroy removes everything tagged for the environment and nothing else', async () => {
    const r = await aws('destroy', 'e2e', moto.endpoint, out);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /nothing tagged is left/);
    assert.equal(countResources(await discover(ec2, 'e2e')), 0);
    const vpcs = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [untagged, otherEnv] }))).Vpcs ?? [];
    assert.deepEqual(vpcs.map((v) => v.VpcId).sort(), [untagged, otherEnv].sort(), 'bystanders survive');
    const p = JSON.parse((await aws('plan', 'e2e', moto.endpoint, out, ['--json'])).stdout) as {
      changes: { action: string }[];
    };
    assert.ok(p.changes.every((c) => c.action === 'create'));
  });

  it('reap destroys only expired environments, and never the untagged VPC', async () => {
    for (const name of ['old', 'fresh']) {
      const r = await aws('apply', name, moto.endpoint, out, ['--ttl-hours', '2']);
      assert.equal(r.code, 0, r.stderr);
    }
    // Time passing, without waiting for it: the old environment's expiry moves into the past.
    const old = await discover(ec2, 'old');
    const ids = Object.values(old)
      .flat()
      .map((x) => {
        const o = x as Record<string, unknown>;
        return (
          o.VpcId &&
          !o.SubnetId &&
          !o.GroupId &&
          !o.InstanceId &&
          !o.RouteTableId &&
          !o.InternetGatewayId &&
          !o.EgressOnlyInternetGatewayId
            ? o.VpcId
            : (o.InstanceId ??
              o.GroupId ??
              o.SubnetId ??
              o.RouteTableId ??
              o.InternetGatewayId ??
              o.EgressOnlyInternetGatewayId)
        ) as string;
      });
    assert.ok(ids.length >= 7, ids.join(','));
    await ec2.send(
      new CreateTagsCommand({
        Resources: ids,
        Tags: [{ Key: 'stackgate:expires-at', Value: '2001-01-01T00:00:00.000Z' }],
      }),
    );
    const r = await aws('reap', 'x', moto.endpoint, out, [], cleanEnv(MOTO_ENV));
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /reaped old/);
    assert.match(r.stdout, /reaped other/, 'the other environment had expired in 2000');
    assert.match(r.stdout, /kept\s+fresh/);
    assert.equal(countResources(await discover(ec2, 'old')), 0);
    assert.ok(countResources(await discover(ec2, 'fresh')) >= 7);
    const vpcs = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [untagged] }))).Vpcs ?? [];
    assert.equal(vpcs.length, 1, 'the untagged VPC survives reap');
    const d = await aws('destroy', 'fresh', moto.endpoint, out);
    assert.equal(d.code, 0, d.stderr);
  });

  it('refuses SSH from anywhere, a missing AMI and a bogus instance type, creating nothing', async () => {
    const ssh = await aws('plan', 'bad', moto.endpoint, out, ['--ssh-cidr', '0.0.0.0/0']);
    assert.equal(ssh.code, 2);
    assert.match(ssh.stderr, /opens SSH to the whole internet/);
    assert.doesNotMatch(ssh.stderr, /\n\s+at /, 'no stack trace');
    const ami = await aws('apply', 'bad', moto.endpoint, out, ['--ami', 'ami-0123456789abcdef0']);
    assert.equal(ami.code, 1);
    assert.match(ami.stderr, /AMI ami-0123456789abcdef0 does not exist/);
    const type = await aws('apply', 'bad', moto.endpoint, out, ['--instance-type', 'zz9.mega']);
    assert.equal(type.code, 1);
    assert.match(type.stderr, /instance type zz9\.mega does not exist/);
    const param = await aws('apply', 'bad', moto.endpoint, out, [
      '--ami-parameter',
      '/aws/service/debian/release/12/latest/amd64',
    ]);
    assert.equal(param.code, 1);
    assert.match(param.stderr, /SSM parameter .* does not exist/);
    assert.equal(countResources(await discover(ec2, 'bad')), 0);
  });

  it('--ipv6-egress internet-gateway routes ::/0 to the IGW and makes no EIGW', async () => {
    const r = await aws('apply', 'igw6', moto.endpoint, out, [
      '--ipv6-egress',
      'internet-gateway',
      '--json',
      '--ssh-cidr',
      '203.0.113.7/32',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const o = JSON.parse(r.stdout) as ApplyJson;
    assert.equal(o.egressOnlyInternetGatewayId, null);
    const a = await discover(ec2, 'igw6');
    assert.equal(a.egressOnlyInternetGateways.length, 0);
    assert.equal(
      a.routeTables[0]?.Routes?.find((x) => x.DestinationIpv6CidrBlock === '::/0')?.GatewayId,
      o.internetGatewayId,
    );
    assert.ok(
      a.securityGroups[0]?.IpPermissions?.some(
        (p) => p.FromPort === 22 && p.IpRanges?.some((x) => x.CidrIp === '203.0.113.7/32'),
      ),
    );
    assert.equal((await aws('destroy', 'igw6', moto.endpoint, out)).code, 0);
  });
});
