import {
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type EgressOnlyInternetGateway,
  type Filter,
  type Instance,
  type InternetGateway,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type Tag,
  type Vpc,
} from '@aws-sdk/client-ec2';
import { MANAGED_BY, TAG_ENV, TAG_EXPIRES, TAG_MANAGED } from './desired.js';

/** The resources that carry both ownership tags (for one environment, or for all). */
export interface Actual {
  vpcs: Vpc[];
  subnets: Subnet[];
  internetGateways: InternetGateway[];
  egressOnlyInternetGateways: EgressOnlyInternetGateway[];
  routeTables: RouteTable[];
  securityGroups: SecurityGroup[];
  /** Not terminated; `shutting-down` ones are kept so destroy can wait for them. */
  instances: Instance[];
}

export function emptyActual(): Actual {
  return {
    vpcs: [],
    subnets: [],
    internetGateways: [],
    egressOnlyInternetGateways: [],
    routeTables: [],
    securityGroups: [],
    instances: [],
  };
}

export function tagValue(tags: Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

/** Both ownership tags, for `env` (or any environment when env is undefined). The one ownership test. */
export function isOwned(tags: Tag[] | undefined, env: string | undefined): boolean {
  const e = tagValue(tags, TAG_ENV);
  return tagValue(tags, TAG_MANAGED) === MANAGED_BY && e !== undefined && (env === undefined || e === env);
}

export function expiresAt(tags: Tag[] | undefined): Date | undefined {
  const v = tagValue(tags, TAG_EXPIRES);
  const d = v ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

async function pages<T>(
  fetch: (token?: string) => Promise<{ items: T[]; next?: string | undefined }>,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...page.items);
    token = page.next;
  } while (token);
  return all;
}

const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];

/**
 * Finds the resources owned by `env` (or by any stackgate environment). The server-side tag filter narrows
 * the listing; the client-side isOwned check is what decides, so an emulator or API that ignores Filters
 * (moto does for egress-only gateways) can never widen what we touch.
 */
export async function discover(ec2: EC2Client, env?: string): Promise<Actual> {
  const filters: Filter[] = [{ Name: `tag:${TAG_MANAGED}`, Values: [MANAGED_BY] }];
  if (env !== undefined) filters.push({ Name: `tag:${TAG_ENV}`, Values: [env] });
  const owned = <T extends { Tags?: Tag[] | undefined }>(items: T[]) =>
    items.filter((i) => isOwned(i.Tags, env));
  const [
    vpcs,
    subnets,
    internetGateways,
    egressOnlyInternetGateways,
    routeTables,
    securityGroups,
    reservations,
  ] = await Promise.all([
    pages(async (NextToken) => {
      const r = await ec2.send(new DescribeVpcsCommand({ Filters: filters, NextToken }));
      return { items: r.Vpcs ?? [], next: r.NextToken };
    }),
    pages(async (NextToken) => {
      const r = await ec2.send(new DescribeSubnetsCommand({ Filters: filters, NextToken }));
      return { items: r.Subnets ?? [], next: r.NextToken };
    }),
    pages(async (NextToken) => {
      const r = await ec2.send(new DescribeInternetGatewaysCommand({ Filters: filters, NextToken }));
      return { items: r.InternetGateways ?? [], next: r.NextToken };
    }),
    pages(async (NextToken) => {
      const r = await ec2.send(
        new DescribeEgressOnlyInternetGatewaysCommand({ Filters: filters, NextToken }),
      );
      return { items: r.EgressOnlyInternetGateways ?? [], next: r.NextToken };
    }),
    pages(async (NextToken) => {
      const r = await ec2.send(new DescribeRouteTablesCommand({ Filters: filters, NextToken }));
      return { items: r.RouteTables ?? [], next: r.NextToken };
    }),
    pages(async (NextToken) => {
      const r = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters, NextToken }));
      return { items: r.SecurityGroups ?? [], next: r.NextToken };
    }),
    pages(async (NextToken) => {
      const r = await ec2.send(
        new DescribeInstancesCommand({
          Filters: [...filters, { Name: 'instance-state-name', Values: LIVE_STATES }],
          NextToken,
        }),
      );
      return { items: r.Reservations ?? [], next: r.NextToken };
    }),
  ]);
  const instances = reservations
    .flatMap((r) => r.Instances ?? [])
    .filter((i) => LIVE_STATES.includes(i.State?.Name ?? ''));
  return {
    vpcs: owned(vpcs),
    subnets: owned(subnets),
    internetGateways: owned(internetGateways),
    egressOnlyInternetGateways: owned(egressOnlyInternetGateways),
    routeTables: owned(routeTables),
    securityGroups: owned(securityGroups),
    instances: owned(instances),
  };
}

/** Splits an all-environments discovery by environment tag. */
export function byEnvironment(all: Actual): Map<string, Actual> {
  const out = new Map<string, Actual>();
  const put = <K extends keyof Actual>(key: K, items: Actual[K]) => {
    for (const item of items) {
      const env = tagValue((item as { Tags?: Tag[] }).Tags, TAG_ENV);
      if (env === undefined) continue;
      let a = out.get(env);
      if (!a) {
        a = emptyActual();
        out.set(env, a);
      }
      (a[key] as unknown[]).push(item);
    }
  };
  for (const key of Object.keys(all) as (keyof Actual)[]) put(key, all[key]);
  return out;
}

/** The instance's IPv6 address, from its network interface (moto never sets Instance.Ipv6Address). */
export function instanceIpv6(instance: Instance): string | undefined {
  for (const eni of instance.NetworkInterfaces ?? []) {
    const a = eni.Ipv6Addresses?.find((x) => x.Ipv6Address)?.Ipv6Address;
    if (a) return a;
  }
  return instance.Ipv6Address;
}

export function countResources(a: Actual): number {
  return Object.values(a).reduce((n, list: unknown[]) => n + list.length, 0);
}
