// A small stateful EC2 (and SSM) behind aws-sdk-client-mock: the creates add to in-memory state, the
// describes read it (honouring tag filters), and `fail` injects errors per command. moto is too lenient
// for these tests (no async states, no DependencyViolation on subnets/groups, ClientToken ignored).
import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  EC2Client,
  type Filter,
  type Instance,
  ModifySubnetAttributeCommand,
  RunInstancesCommand,
  type Tag,
  type TagSpecification,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsRuntime } from '../../../src/aws/runtime.js';

export function awsError(code: string, message = code, status = 400): Error {
  return Object.assign(new Error(message), { name: code, Code: code, $metadata: { httpStatusCode: status } });
}

/** No answer at all: the request may or may not have been carried out. */
export function lostAnswer(): Error {
  return Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' });
}

type AnyCommand = new (input: never) => unknown;
type Fail = (input: Record<string, unknown>) => Error | undefined;

export interface FakeState {
  vpcs: Record<string, unknown>[];
  subnets: Record<string, unknown>[];
  igws: Record<string, unknown>[];
  eigws: Record<string, unknown>[];
  rtbs: Record<string, unknown>[];
  sgs: Record<string, unknown>[];
  instances: Instance[];
}

export function createFake() {
  const ec2 = new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const ssm = new SSMClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const ec2Mock = mockClient(ec2);
  const ssmMock = mockClient(ssm);
  const state: FakeState = { vpcs: [], subnets: [], igws: [], eigws: [], rtbs: [], sgs: [], instances: [] };
  /** How many DescribeInstances a terminating instance stays shutting-down for. */
  const control = { terminatePolls: 1, describePolls: 0 };
  const failures = new Map<AnyCommand, Fail[]>();
  /** Every command in order, by name (for ordering assertions). */
  const log: string[] = [];
  let n = 0;
  const id = (prefix: string) => `${prefix}-${(++n).toString(16).padStart(8, '0')}`;
  const tagsOf = (specs: TagSpecification[] | undefined) => specs?.[0]?.Tags ?? [];
  const matches = (tags: Tag[] | undefined, filters: Filter[] | undefined, fields: Record<string, unknown>) =>
    (filters ?? []).every((f) => {
      if (f.Name?.startsWith('tag:')) {
        const key = f.Name.slice(4);
        return (tags ?? []).some((t) => t.Key === key && f.Values?.includes(t.Value ?? ''));
      }
      const v = fields[f.Name ?? ''];
      return v === undefined || f.Values?.includes(String(v));
    });

  const on = <C extends AnyCommand>(command: C, fn: (input: Record<string, unknown>) => unknown) => {
    (
      ec2Mock.on(command as never) as { callsFake: (f: (i: Record<string, unknown>) => unknown) => void }
    ).callsFake(async (input: Record<string, unknown>) => {
      log.push(command.name.replace(/Command$/, ''));
      const queue = failures.get(command) ?? [];
      for (let i = 0; i < queue.length; i++) {
        const e = queue[i]!(input);
        if (e) {
          if ((e as { once?: boolean }).once !== false) queue.splice(i, 1);
          throw e;
        }
      }
      return fn(input);
    });
  };

  on(DescribeVpcsCommand, (i) => ({
    Vpcs: state.vpcs.filter(
      (v) =>
        matches(v.Tags as Tag[], i.Filters as Filter[], {}) &&
        (!i.VpcIds || (i.VpcIds as string[]).includes(v.VpcId as string)),
    ),
  }));
  on(DescribeSubnetsCommand, (i) => ({
    Subnets: state.subnets.filter((s) => matches(s.Tags as Tag[], i.Filters as Filter[], {})),
  }));
  on(DescribeInternetGatewaysCommand, (i) => ({
    InternetGateways: state.igws.filter((s) => matches(s.Tags as Tag[], i.Filters as Filter[], {})),
  }));
  // Like moto: Filters ignored here, so discovery must filter by tag itself.
  on(DescribeEgressOnlyInternetGatewaysCommand, () => ({ EgressOnlyInternetGateways: state.eigws }));
  on(DescribeRouteTablesCommand, (i) => ({
    RouteTables: state.rtbs.filter((s) => matches(s.Tags as Tag[], i.Filters as Filter[], {})),
  }));
  on(DescribeSecurityGroupsCommand, (i) => ({
    SecurityGroups: state.sgs.filter((s) => matches(s.Tags as Tag[], i.Filters as Filter[], {})),
  }));
  on(DescribeInstancesCommand, (i) => {
    for (const x of state.instances)
      if (x.State?.Name === 'shutting-down' && --control.terminatePolls <= 0)
        x.State = { Name: 'terminated' };
    return {
      Reservations: [
        {
          Instances: state.instances.filter(
            (x) =>
              (!i.InstanceIds || (i.InstanceIds as string[]).includes(x.InstanceId!)) &&
              matches(x.Tags, i.Filters as Filter[], { 'instance-state-name': x.State?.Name }),
          ),
        },
      ],
    };
  });
  on(DescribeImagesCommand, (i) => ({
    Images: (i.ImageIds as string[]).includes('ami-12345678')
      ? [
          {
            ImageId: 'ami-12345678',
            RootDeviceName: '/dev/xvda',
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }],
          },
        ]
      : [],
  }));
  on(DescribeInstanceTypesCommand, (i) => ({
    InstanceTypes: (i.InstanceTypes as string[]).map((t) => ({ InstanceType: t })),
  }));
  on(CreateVpcCommand, (i) => {
    const vpc = {
      VpcId: id('vpc'),
      CidrBlock: i.CidrBlock,
      State: 'available',
      Tags: tagsOf(i.TagSpecifications as TagSpecification[]),
      Ipv6CidrBlockAssociationSet: [
        { Ipv6CidrBlock: '2600:1f18:aaaa:bb00::/56', Ipv6CidrBlockState: { State: 'associated' } },
      ],
    };
    state.vpcs.push(vpc);
    return { Vpc: vpc };
  });
  on(CreateSubnetCommand, (i) => {
    const s = {
      SubnetId: id('subnet'),
      VpcId: i.VpcId,
      CidrBlock: i.CidrBlock,
      Tags: tagsOf(i.TagSpecifications as TagSpecification[]),
      Ipv6CidrBlockAssociationSet: [
        { Ipv6CidrBlock: i.Ipv6CidrBlock, Ipv6CidrBlockState: { State: 'associated' } },
      ],
      MapPublicIpOnLaunch: false,
      AssignIpv6AddressOnCreation: false,
    };
    state.subnets.push(s);
    return { Subnet: s };
  });
  on(ModifySubnetAttributeCommand, (i) => {
    const s = state.subnets.find((x) => x.SubnetId === i.SubnetId)!;
    if (i.MapPublicIpOnLaunch) s.MapPublicIpOnLaunch = true;
    if (i.AssignIpv6AddressOnCreation) s.AssignIpv6AddressOnCreation = true;
    return {};
  });
  on(CreateInternetGatewayCommand, (i) => {
    const g = {
      InternetGatewayId: id('igw'),
      Attachments: [],
      Tags: tagsOf(i.TagSpecifications as TagSpecification[]),
    };
    state.igws.push(g);
    return { InternetGateway: g };
  });
  on(AttachInternetGatewayCommand, (i) => {
    const g = state.igws.find((x) => x.InternetGatewayId === i.InternetGatewayId)!;
    g.Attachments = [{ VpcId: i.VpcId, State: 'available' }];
    return {};
  });
  on(CreateEgressOnlyInternetGatewayCommand, (i) => {
    const g = {
      EgressOnlyInternetGatewayId: id('eigw'),
      Attachments: [{ VpcId: i.VpcId, State: 'attached' }],
      Tags: tagsOf(i.TagSpecifications as TagSpecification[]),
    };
    state.eigws.push(g);
    return { EgressOnlyInternetGateway: g };
  });
  on(CreateRouteTableCommand, (i) => {
    const t = {
      RouteTableId: id('rtb'),
      VpcId: i.VpcId,
      Routes: [],
      Associations: [],
      Tags: tagsOf(i.TagSpecifications as TagSpecification[]),
    };
    state.rtbs.push(t);
    return { RouteTable: t };
  });
  on(CreateRouteCommand, (i) => {
    const t = state.rtbs.find((x) => x.RouteTableId === i.RouteTableId)!;
    const { RouteTableId: _, ...route } = i;
    (t.Routes as unknown[]).push({ ...route, State: 'active' });
    return { Return: true };
  });
  on(AssociateRouteTableCommand, (i) => {
    const t = state.rtbs.find((x) => x.RouteTableId === i.RouteTableId)!;
    const a = { RouteTableAssociationId: id('rtbassoc'), SubnetId: i.SubnetId };
    (t.Associations as unknown[]).push(a);
    return { AssociationId: a.RouteTableAssociationId };
  });
  on(CreateSecurityGroupCommand, (i) => {
    const g = {
      GroupId: id('sg'),
      GroupName: i.GroupName,
      VpcId: i.VpcId,
      IpPermissions: [],
      IpPermissionsEgress: [],
      Tags: tagsOf(i.TagSpecifications as TagSpecification[]),
    };
    state.sgs.push(g);
    return { GroupId: g.GroupId };
  });
  on(AuthorizeSecurityGroupIngressCommand, (i) => {
    (state.sgs.find((x) => x.GroupId === i.GroupId)!.IpPermissions as unknown[]).push(
      ...(i.IpPermissions as unknown[]),
    );
    return {};
  });
  on(AuthorizeSecurityGroupEgressCommand, (i) => {
    (state.sgs.find((x) => x.GroupId === i.GroupId)!.IpPermissionsEgress as unknown[]).push(
      ...(i.IpPermissions as unknown[]),
    );
    return {};
  });
  on(RunInstancesCommand, (i) => {
    const inst: Instance = {
      InstanceId: id('i'),
      InstanceType: i.InstanceType as never,
      SubnetId: i.SubnetId as string,
      State: { Name: 'pending' },
      Tags:
        (i.TagSpecifications as TagSpecification[]).find((s) => s.ResourceType === 'instance')?.Tags ?? [],
      PublicIpAddress: '198.51.100.7',
      NetworkInterfaces: [{ Ipv6Addresses: [{ Ipv6Address: '2600:1f18:aaaa:bb00::7' }] }],
    };
    state.instances.push(inst);
    // Running as soon as someone looks again.
    queueMicrotask(() => {
      inst.State = { Name: 'running' };
    });
    return { Instances: [inst] };
  });
  on(TerminateInstancesCommand, (i) => {
    for (const x of state.instances)
      if ((i.InstanceIds as string[]).includes(x.InstanceId!)) x.State = { Name: 'shutting-down' };
    return {};
  });
  const remove = (list: Record<string, unknown>[], key: string, value: unknown) => {
    const at = list.findIndex((x) => x[key] === value);
    if (at < 0) throw awsError('InvalidID.NotFound');
    list.splice(at, 1);
    return {};
  };
  on(DeleteSecurityGroupCommand, (i) => remove(state.sgs, 'GroupId', i.GroupId));
  on(DeleteSubnetCommand, (i) => remove(state.subnets, 'SubnetId', i.SubnetId));
  on(DisassociateRouteTableCommand, (i) => {
    for (const t of state.rtbs)
      t.Associations = (t.Associations as { RouteTableAssociationId: string }[]).filter(
        (a) => a.RouteTableAssociationId !== i.AssociationId,
      );
    return {};
  });
  on(DeleteRouteTableCommand, (i) => remove(state.rtbs, 'RouteTableId', i.RouteTableId));
  on(DeleteEgressOnlyInternetGatewayCommand, (i) =>
    remove(state.eigws, 'EgressOnlyInternetGatewayId', i.EgressOnlyInternetGatewayId),
  );
  on(DetachInternetGatewayCommand, (i) => {
    const g = state.igws.find((x) => x.InternetGatewayId === i.InternetGatewayId)!;
    g.Attachments = [];
    return {};
  });
  on(DeleteInternetGatewayCommand, (i) => remove(state.igws, 'InternetGatewayId', i.InternetGatewayId));
  on(DeleteVpcCommand, (i) => remove(state.vpcs, 'VpcId', i.VpcId));
  ssmMock.on(GetParameterCommand).resolves({ Parameter: { Value: 'ami-12345678' } });

  const sleeps: number[] = [];
  let clock = 1_800_000_000_000;
  const rt: AwsRuntime = {
    ec2,
    ssm,
    // A fake clock: each sleep advances it, so deadlines are exercised without real waiting.
    backoff: {
      baseMs: 100,
      maxDelayMs: 5000,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      now: () => clock,
      random: () => 0.5,
    },
    destroyDeadlineMs: 60_000,
    waiter: { minDelay: 0.001, maxDelay: 0.002, maxWaitTime: 60 },
    log: () => {},
    now: () => new Date(clock),
  };
  return {
    ec2Mock,
    ssmMock,
    state,
    control,
    log,
    rt,
    sleeps,
    /** The next call(s) of `command` for which `when` returns an error throw it (once, unless once:false). */
    fail<C extends AnyCommand>(command: C, when: Fail) {
      const q = failures.get(command) ?? [];
      q.push(when);
      failures.set(command, q);
    },
    dispose() {
      ec2Mock.restore();
      ssmMock.restore();
    },
  };
}
