import { randomUUID } from 'node:crypto';
import {
  AssociateRouteTableCommand,
  AssociateSubnetCidrBlockCommand,
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
  DeleteRouteCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeVpcsCommand,
  type ResourceType as Ec2ResourceType,
  type Image,
  type Instance,
  type IpPermission,
  ModifySubnetAttributeCommand,
  ReplaceRouteCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  waitUntilInstanceRunning,
  waitUntilVpcAvailable,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { errorMessage } from '../core/errors.js';
import {
  type DesiredEnv,
  ownershipTags,
  type ResourceType,
  type Rule,
  resourceName,
  USER_DATA_LIMIT,
} from './desired.js';
import { destroyResources } from './destroy.js';
import { countResources, discover, instanceIpv6 } from './discover.js';
import { subnetOf } from './ipv6.js';
import { type OpenvpnBundle, prepareOpenvpn } from './openvpn/bundle.js';
import { type Change, type Plan, plan, vpcIpv6Cidr } from './plan.js';
import { awsErrorCode, withBackoff } from './retry.js';
import { type AwsRuntime, isTransient, together } from './runtime.js';

/** A failure of the environment (not of how stackgate was called): exit 1, printed without a stack. */
export class AwsFailure extends Error {
  override readonly name = 'AwsFailure';
}

export interface ApplyOutputs {
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
  changes: Change[];
}

export interface ApplyOptions {
  expiresAt: Date;
  /** Where the client profile goes (created 0700; the profile 0600). */
  outputDir: string;
  /** Test hook: called after each step, with its name (the kill-half-way test SIGKILLs here). */
  onStep?: (step: string) => void;
  /** Called with each secret of the client profile before anything can print it (the action: core.setSecret). */
  mask?: (secret: string) => void;
}

function tagSpec(desired: DesiredEnv, o: ApplyOptions, ec2Type: Ec2ResourceType, type: ResourceType) {
  return [
    {
      ResourceType: ec2Type,
      Tags: ownershipTags(desired.name, o.expiresAt, resourceName(desired.name, type)),
    },
  ];
}

/**
 * A create call guarded against lost answers: on an ambiguous failure (no answer, 5xx, throttling) the
 * resource is looked up by tag before the call is repeated, so a create whose answer was lost is adopted,
 * not made twice (moto ignores ClientToken, and most EC2 creates have none).
 */
async function ensure<T>(
  rt: AwsRuntime,
  what: string,
  lookup: () => Promise<T | undefined>,
  make: () => Promise<T>,
): Promise<T> {
  return withBackoff(
    async (attempt) => {
      if (attempt > 1) {
        const found = await lookup();
        if (found !== undefined) {
          rt.log(`aws: ${what} exists after a lost answer; adopting it`);
          return found;
        }
      }
      return make();
    },
    isTransient,
    { ...rt.backoff, deadlineMs: 120_000, maxAttempts: 8 },
    (e, n) => rt.log(`aws: ${what}: ${awsErrorCode(e) ?? errorMessage(e)} (attempt ${n}), retrying`),
  );
}

/** Calls that are safe to repeat (attribute sets, attaches, authorizes): retried on transient errors. */
function retrying<T>(rt: AwsRuntime, what: string, fn: () => Promise<T>): Promise<T> {
  return withBackoff(fn, isTransient, { ...rt.backoff, deadlineMs: 120_000, maxAttempts: 8 }, (e, n) =>
    rt.log(`aws: ${what}: ${awsErrorCode(e) ?? errorMessage(e)} (attempt ${n}), retrying`),
  );
}

function permission(r: Rule): IpPermission {
  const base: IpPermission = { IpProtocol: r.protocol };
  if (r.protocol !== '-1') {
    base.FromPort = r.fromPort;
    base.ToPort = r.toPort;
  }
  if (r.cidr.includes(':')) base.Ipv6Ranges = [{ CidrIpv6: r.cidr }];
  else base.IpRanges = [{ CidrIp: r.cidr }];
  return base;
}

/** The AMI id (from --ami or the SSM parameter), checked to exist, with its root device name. */
export async function resolveImage(
  rt: AwsRuntime,
  desired: DesiredEnv,
): Promise<{ imageId: string; rootDevice: string; rootSizeGiB: number }> {
  let imageId: string;
  if ('id' in desired.ami) imageId = desired.ami.id;
  else {
    const name = desired.ami.parameter;
    try {
      const r = await rt.ssm.send(new GetParameterCommand({ Name: name }));
      imageId = r.Parameter?.Value ?? '';
    } catch (error) {
      if (awsErrorCode(error) === 'ParameterNotFound')
        throw new AwsFailure(
          `the SSM parameter ${name} does not exist in this region; give --ami-parameter a parameter that holds an AMI id, or --ami`,
        );
      throw error;
    }
    if (!/^ami-[0-9a-f]+$/.test(imageId))
      throw new AwsFailure(`the SSM parameter ${name} holds "${imageId}", which is not an AMI id`);
  }
  let images: Image[] = [];
  try {
    images = (await rt.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images ?? [];
  } catch (error) {
    if (!/InvalidAMIID/.test(awsErrorCode(error) ?? '')) throw error;
  }
  if (images.length === 0)
    throw new AwsFailure(
      `the AMI ${imageId} does not exist in ${await rt.ec2.config.region()} (or is not visible to this account)`,
    );
  const rootDevice = images[0]?.RootDeviceName ?? '/dev/xvda';
  const root = images[0]?.BlockDeviceMappings?.find((m) => m.DeviceName === rootDevice);
  // Re-stating the root mapping to encrypt it needs a size; the image's own keeps the AMI's minimum.
  return { imageId, rootDevice, rootSizeGiB: root?.Ebs?.VolumeSize ?? 8 };
}

export async function checkInstanceType(rt: AwsRuntime, instanceType: string): Promise<void> {
  try {
    const r = await rt.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: [instanceType as never] }));
    if ((r.InstanceTypes ?? []).some((t) => t.InstanceType === instanceType)) return;
  } catch (error) {
    if (awsErrorCode(error) !== 'InvalidInstanceType') throw error;
  }
  throw new AwsFailure(
    `the instance type ${instanceType} does not exist in this region; pick another --instance-type`,
  );
}

export function encodeUserData(script: string, gzip: (b: Buffer) => Buffer): string {
  const encoded = gzip(Buffer.from(script)).toString('base64');
  if (encoded.length > USER_DATA_LIMIT)
    throw new AwsFailure(
      `the instance's user data is ${encoded.length} bytes after gzip+base64, over EC2's ${USER_DATA_LIMIT}-byte limit`,
    );
  return encoded;
}

async function waitIpv6Associated(rt: AwsRuntime, vpcId: string): Promise<string> {
  // There is no waiter for the IPv6 association: poll DescribeVpcs with backoff until it is associated.
  return withBackoff(
    async () => {
      const vpc = (await rt.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0];
      const cidr = vpcIpv6Cidr(vpc);
      if (!cidr)
        throw Object.assign(new Error(`the VPC ${vpcId} has no associated IPv6 /56 yet`), { retry: true });
      return cidr;
    },
    (e) => (e as { retry?: boolean }).retry === true || isTransient(e),
    { ...rt.backoff, baseMs: Math.min(rt.backoff.baseMs, 1000), deadlineMs: 120_000, maxAttempts: 30 },
  );
}

interface Prepared {
  image?: { imageId: string; rootDevice: string; rootSizeGiB: number };
  openvpn?: OpenvpnBundle;
}

/** Checks done before anything is created, so a bad AMI, type or user data fails with nothing made. */
async function preflight(rt: AwsRuntime, desired: DesiredEnv, p: Plan, o: ApplyOptions): Promise<Prepared> {
  if (p.have.instance) return {};
  const [image, , openvpn] = await Promise.all([
    resolveImage(rt, desired),
    checkInstanceType(rt, desired.instanceType),
    prepareOpenvpn(desired, o.outputDir, (o.expiresAt.getTime() - rt.now().getTime()) / 60_000, o.mask),
  ]);
  return { image, openvpn };
}

/** Carries out one plan: extras deleted, then everything missing or changed, layer by layer. */
async function execute(
  rt: AwsRuntime,
  desired: DesiredEnv,
  p: Plan,
  o: ApplyOptions,
  prepared: Prepared,
  token: string,
) {
  const step = (name: string) => o.onStep?.(name);
  const env = desired.name;
  const lookup = async <K extends keyof Plan['have']>(
    key: K,
  ): Promise<NonNullable<Plan['have'][K]> | undefined> =>
    (plan(desired, await discover(rt.ec2, env)).have[key] ?? undefined) as
      | NonNullable<Plan['have'][K]>
      | undefined;

  if (countResources(p.extras) > 0) {
    const r = await destroyResources(rt, p.extras);
    if (r.left.length)
      rt.log(`aws: could not delete ${r.left.map((l) => `${l.type} ${l.id} (${l.reason})`).join(', ')}`);
  }

  // Layer 1: the VPC and its IPv6 /56.
  let vpc = p.have.vpc;
  if (!vpc) {
    vpc = await ensure(
      rt,
      'vpc',
      () => lookup('vpc'),
      async () => {
        const r = await rt.ec2.send(
          new CreateVpcCommand({
            CidrBlock: desired.vpcCidr,
            AmazonProvidedIpv6CidrBlock: true,
            TagSpecifications: tagSpec(desired, o, 'vpc', 'vpc'),
          }),
        );
        return r.Vpc!;
      },
    );
    rt.log(`aws: created vpc ${vpc.VpcId}`);
    step('vpc');
  }
  const vpcId = vpc.VpcId!;
  await waitUntilVpcAvailable({ client: rt.ec2, ...rt.waiter }, { VpcIds: [vpcId] });
  const vpcIpv6 = vpcIpv6Cidr(vpc) ?? (await waitIpv6Associated(rt, vpcId));
  const subnetIpv6 = subnetOf(vpcIpv6, 64, desired.subnetIpv6Index);

  // Layer 2: everything that needs only the VPC, concurrently.
  let subnetId = p.have.subnet?.SubnetId;
  let igwId = p.have.internetGateway?.InternetGatewayId;
  let eigwId = p.have.egressOnlyInternetGateway?.EgressOnlyInternetGatewayId;
  let rtbId = p.have.routeTable?.RouteTableId;
  let sgId = p.have.securityGroup?.GroupId;
  await together(rt, [
    async () => {
      if (!subnetId) {
        const s = await ensure(
          rt,
          'subnet',
          () => lookup('subnet'),
          async () =>
            (
              await rt.ec2.send(
                new CreateSubnetCommand({
                  VpcId: vpcId,
                  CidrBlock: desired.subnetCidr,
                  Ipv6CidrBlock: subnetIpv6,
                  TagSpecifications: tagSpec(desired, o, 'subnet', 'subnet'),
                }),
              )
            ).Subnet!,
        );
        subnetId = s.SubnetId!;
        rt.log(`aws: created subnet ${subnetId} (${desired.subnetCidr}, ${subnetIpv6})`);
        step('subnet');
        Object.assign(p.subnetFix, { mapPublicIp: true, assignIpv6: true, ipv6Cidr: false });
      }
      const id = subnetId;
      if (p.subnetFix.ipv6Cidr)
        await retrying(rt, 'subnet ipv6', () =>
          rt.ec2.send(new AssociateSubnetCidrBlockCommand({ SubnetId: id, Ipv6CidrBlock: subnetIpv6 })),
        );
      // One attribute per call; the IPv6 one only once the subnet has its /64 (REFERENCE §7.2 step 4).
      if (p.subnetFix.mapPublicIp || p.subnetFix.ipv6Cidr)
        await retrying(rt, 'subnet attribute', () =>
          rt.ec2.send(
            new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: true } }),
          ),
        );
      if (p.subnetFix.assignIpv6 || p.subnetFix.ipv6Cidr)
        await retrying(rt, 'subnet attribute', () =>
          rt.ec2.send(
            new ModifySubnetAttributeCommand({ SubnetId: id, AssignIpv6AddressOnCreation: { Value: true } }),
          ),
        );
    },
    async () => {
      let attach = p.attachInternetGateway;
      if (!igwId) {
        const g = await ensure(
          rt,
          'internet-gateway',
          () => lookup('internetGateway'),
          async () =>
            (
              await rt.ec2.send(
                new CreateInternetGatewayCommand({
                  TagSpecifications: tagSpec(desired, o, 'internet-gateway', 'internet-gateway'),
                }),
              )
            ).InternetGateway!,
        );
        igwId = g.InternetGatewayId!;
        attach = !g.Attachments?.some((a) => a.VpcId === vpcId);
        rt.log(`aws: created internet-gateway ${igwId}`);
        step('internet-gateway');
      }
      const id = igwId;
      if (attach)
        await retrying(rt, 'attach internet-gateway', async () => {
          try {
            await rt.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }));
          } catch (error) {
            if (awsErrorCode(error) !== 'Resource.AlreadyAssociated') throw error;
          }
        });
    },
    async () => {
      if (!desired.egressOnly || eigwId) return;
      const g = await ensure(
        rt,
        'egress-only-internet-gateway',
        () => lookup('egressOnlyInternetGateway'),
        async () =>
          (
            await rt.ec2.send(
              new CreateEgressOnlyInternetGatewayCommand({
                VpcId: vpcId,
                ClientToken: `${token}-eigw`,
                TagSpecifications: tagSpec(
                  desired,
                  o,
                  'egress-only-internet-gateway',
                  'egress-only-internet-gateway',
                ),
              }),
            )
          ).EgressOnlyInternetGateway!,
      );
      eigwId = g.EgressOnlyInternetGatewayId!;
      rt.log(`aws: created egress-only-internet-gateway ${eigwId}`);
      step('egress-only-internet-gateway');
    },
    async () => {
      if (rtbId) return;
      const t = await ensure(
        rt,
        'route-table',
        () => lookup('routeTable'),
        async () =>
          (
            await rt.ec2.send(
              new CreateRouteTableCommand({
                VpcId: vpcId,
                ClientToken: `${token}-rtb`,
                TagSpecifications: tagSpec(desired, o, 'route-table', 'route-table'),
              }),
            )
          ).RouteTable!,
      );
      rtbId = t.RouteTableId!;
      rt.log(`aws: created route-table ${rtbId}`);
      step('route-table');
    },
    async () => {
      let ingress = p.ingress;
      let egress = p.egress;
      if (!sgId) {
        const g = await ensure(
          rt,
          'security-group',
          () => lookup('securityGroup'),
          async () => {
            try {
              const r = await rt.ec2.send(
                new CreateSecurityGroupCommand({
                  GroupName: desired.groupName,
                  Description: `stackgate environment ${env}: OpenVPN${desired.ingress.some((r) => r.fromPort === 22) ? ' and SSH' : ''}`,
                  VpcId: vpcId,
                  TagSpecifications: tagSpec(desired, o, 'security-group', 'security-group'),
                }),
              );
              return { GroupId: r.GroupId! };
            } catch (error) {
              // The name is unique per VPC: a duplicate is ours from a lost answer, if it carries our tags.
              if (awsErrorCode(error) === 'InvalidGroup.Duplicate') {
                const found = await lookup('securityGroup');
                if (found) return found;
              }
              throw error;
            }
          },
        );
        sgId = g.GroupId!;
        ingress = { add: desired.ingress, remove: [] };
        egress = { add: desired.egress, remove: [] };
        rt.log(`aws: created security-group ${sgId}`);
        step('security-group');
      }
      const id = sgId;
      const rules: (() => Promise<unknown>)[] = [];
      const ruleTags = tagSpec(desired, o, 'security-group-rule', 'security-group');
      for (const r of ingress.add)
        rules.push(() =>
          duplicateOk(rt, 'ingress', () =>
            rt.ec2.send(
              new AuthorizeSecurityGroupIngressCommand({
                GroupId: id,
                IpPermissions: [permission(r)],
                TagSpecifications: ruleTags,
              }),
            ),
          ),
        );
      // A new group's default egress may already hold the rule (moto: 0.0.0.0/0 and ::/0): Duplicate is success.
      for (const r of egress.add)
        rules.push(() =>
          duplicateOk(rt, 'egress', () =>
            rt.ec2.send(
              new AuthorizeSecurityGroupEgressCommand({
                GroupId: id,
                IpPermissions: [permission(r)],
                TagSpecifications: ruleTags,
              }),
            ),
          ),
        );
      for (const r of ingress.remove)
        rules.push(() =>
          retrying(rt, 'revoke ingress', () =>
            rt.ec2.send(
              new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [permission(r)] }),
            ),
          ),
        );
      for (const r of egress.remove)
        rules.push(() =>
          retrying(rt, 'revoke egress', () =>
            rt.ec2.send(
              new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [permission(r)] }),
            ),
          ),
        );
      await together(rt, rules);
    },
  ]);

  // Layer 3: routes and the association need the table and gateways; the instance needs subnet and group.
  const routeTableId = rtbId!;
  await together(rt, [
    ...p.routes
      .filter((s) => s.op !== 'keep' || !p.have.routeTable)
      .map((s) => async () => {
        const ipv6 = s.route.destination === '::/0';
        const target =
          s.route.target === 'internet-gateway'
            ? { GatewayId: igwId }
            : { EgressOnlyInternetGatewayId: eigwId };
        const dest = ipv6
          ? { DestinationIpv6CidrBlock: s.route.destination }
          : { DestinationCidrBlock: s.route.destination };
        await retrying(rt, `route ${s.route.destination}`, async () => {
          if (s.op === 'replace') {
            await rt.ec2.send(new ReplaceRouteCommand({ RouteTableId: routeTableId, ...dest, ...target }));
            return;
          }
          try {
            await rt.ec2.send(new CreateRouteCommand({ RouteTableId: routeTableId, ...dest, ...target }));
          } catch (error) {
            if (awsErrorCode(error) !== 'RouteAlreadyExists') throw error;
            await rt.ec2.send(new ReplaceRouteCommand({ RouteTableId: routeTableId, ...dest, ...target }));
          }
        });
        step(`route ${s.route.destination}`);
      }),
    ...p.extraRoutes.map(
      (r) => () =>
        retrying(rt, `delete route ${r.destination}`, () =>
          rt.ec2.send(
            new DeleteRouteCommand({
              RouteTableId: routeTableId,
              ...(r.ipv6
                ? { DestinationIpv6CidrBlock: r.destination }
                : { DestinationCidrBlock: r.destination }),
            }),
          ),
        ),
    ),
    async () => {
      if (!p.associate && p.have.routeTable && p.have.subnet) return;
      await retrying(rt, 'associate route-table', async () => {
        try {
          await rt.ec2.send(
            new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }),
          );
        } catch (error) {
          if (awsErrorCode(error) !== 'Resource.AlreadyAssociated') throw error;
        }
      });
      step('route-table-association');
    },
    async () => {
      if (p.have.instance) return;
      const { image, openvpn } = prepared;
      if (!image || !openvpn) throw new Error('preflight did not run before the instance was created');
      const userData = encodeUserData(openvpn.userData, openvpn.gzip);
      const instance = await ensure(
        rt,
        'instance',
        () => lookup('instance'),
        async () => {
          const r = await rt.ec2.send(
            new RunInstancesCommand({
              ImageId: image.imageId,
              InstanceType: desired.instanceType as never,
              MinCount: 1,
              MaxCount: 1,
              ClientToken: `${token}-instance`,
              SubnetId: subnetId,
              SecurityGroupIds: [sgId!],
              Ipv6AddressCount: 1,
              UserData: userData,
              InstanceInitiatedShutdownBehavior: 'terminate',
              MetadataOptions: {
                HttpTokens: 'required',
                HttpEndpoint: 'enabled',
                HttpPutResponseHopLimit: 1,
              },
              BlockDeviceMappings: [
                {
                  DeviceName: image.rootDevice,
                  Ebs: {
                    Encrypted: true,
                    DeleteOnTermination: true,
                    VolumeType: 'gp3',
                    VolumeSize: image.rootSizeGiB,
                  },
                },
              ],
              TagSpecifications: [
                ...tagSpec(desired, o, 'instance', 'instance'),
                ...tagSpec(desired, o, 'volume', 'instance'),
                ...tagSpec(desired, o, 'network-interface', 'instance'),
              ],
            }),
          );
          return r.Instances![0]!;
        },
      );
      p.have.instance = instance;
      rt.log(`aws: created instance ${instance.InstanceId}`);
      step('instance');
    },
  ]);
  return { vpcId, subnetId: subnetId!, igwId: igwId!, eigwId: eigwId ?? null, routeTableId, sgId: sgId! };
}

async function describeInstance(rt: AwsRuntime, id: string): Promise<Instance> {
  const r = await rt.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  const i = r.Reservations?.[0]?.Instances?.[0];
  if (!i) throw new AwsFailure(`the instance ${id} disappeared while it was starting`);
  return i;
}

/**
 * Makes the environment match the desired graph. Converges: it re-plans after each pass (at most three),
 * so a run killed half-way, or a duplicate made by a lost answer, is finished or removed by the next pass.
 */
export async function apply(rt: AwsRuntime, desired: DesiredEnv, o: ApplyOptions): Promise<ApplyOutputs> {
  const token = randomUUID();
  const first = plan(desired, await discover(rt.ec2, desired.name));
  const prepared = await preflight(rt, desired, first, o);
  let current = first;
  let ids: Awaited<ReturnType<typeof execute>> | undefined;
  for (let pass = 1; ; pass++) {
    ids = await execute(
      rt,
      desired,
      current,
      o,
      pass === 1 ? prepared : await preflight(rt, desired, current, o),
      token,
    );
    current = plan(desired, await discover(rt.ec2, desired.name));
    if (!current.drift) break;
    if (pass >= 3)
      throw new AwsFailure(
        `the environment did not converge after ${pass} passes; still: ${current.changes
          .filter((c) => c.action !== 'keep')
          .map((c) => `${c.action} ${c.type} ${c.id ?? ''} ${c.detail ?? ''}`.trim())
          .join('; ')}`,
      );
  }
  const instanceId = current.have.instance!.InstanceId!;
  await waitUntilInstanceRunning({ client: rt.ec2, ...rt.waiter }, { InstanceIds: [instanceId] });
  const instance = await describeInstance(rt, instanceId);
  const publicIpv4 = instance.PublicIpAddress ?? null;
  const ipv6Address = instanceIpv6(instance) ?? null;
  const clientConfigPath = prepared.openvpn
    ? await prepared.openvpn.writeClientProfile(
        [publicIpv4, ipv6Address].filter((x): x is string => Boolean(x)),
      )
    : await existingProfile(o.outputDir, desired.name, o.mask);
  return {
    vpcId: ids.vpcId,
    subnetId: ids.subnetId,
    internetGatewayId: ids.igwId,
    egressOnlyInternetGatewayId: ids.eigwId,
    routeTableId: ids.routeTableId,
    securityGroupId: ids.sgId,
    instanceId,
    publicIpv4,
    ipv6Address,
    clientConfigPath,
    changes: first.changes,
  };
}

/** The profile an earlier apply wrote: its secrets are masked too, since later steps may read it. */
async function existingProfile(
  dir: string,
  env: string,
  mask: (secret: string) => void = () => {},
): Promise<string | null> {
  const { clientProfilePath, profileSecrets } = await import('./openvpn/bundle.js');
  const { existsSync, readFileSync } = await import('node:fs');
  const p = clientProfilePath(dir, env);
  if (!existsSync(p)) return null;
  for (const secret of profileSecrets(readFileSync(p, 'utf8'))) mask(secret);
  return p;
}

async function duplicateOk(rt: AwsRuntime, what: string, fn: () => Promise<unknown>): Promise<void> {
  await retrying(rt, what, async () => {
    try {
      await fn();
    } catch (error) {
      if (awsErrorCode(error) !== 'InvalidPermission.Duplicate') throw error;
    }
  });
}
