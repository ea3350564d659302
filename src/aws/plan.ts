import type {
  EgressOnlyInternetGateway,
  Instance,
  InternetGateway,
  IpPermission,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
import type { DesiredEnv, DesiredRoute, ResourceType, Rule } from './desired.js';
import { ruleKey } from './desired.js';
import { type Actual, emptyActual } from './discover.js';
import { ipv6CidrContains } from './ipv6.js';

export type Action = 'create' | 'update' | 'delete' | 'keep';

export interface Change {
  action: Action;
  type: ResourceType;
  /** The AWS id, or null for a resource still to be created. */
  id: string | null;
  /** Why it changes, e.g. "ingress tcp 22 from 0.0.0.0/0 is not desired". */
  detail?: string;
}

export interface RouteStep {
  route: DesiredRoute;
  op: 'create' | 'replace' | 'keep';
}

/** The diff, plus what apply needs to act on it. */
export interface Plan {
  changes: Change[];
  drift: boolean;
  have: {
    vpc?: Vpc | undefined;
    subnet?: Subnet | undefined;
    internetGateway?: InternetGateway | undefined;
    egressOnlyInternetGateway?: EgressOnlyInternetGateway | undefined;
    routeTable?: RouteTable | undefined;
    securityGroup?: SecurityGroup | undefined;
    instance?: Instance | undefined;
  };
  subnetFix: { mapPublicIp: boolean; assignIpv6: boolean; ipv6Cidr: boolean };
  attachInternetGateway: boolean;
  routes: RouteStep[];
  /** Routes in our own route table that we did not ask for (e.g. one added by hand). */
  extraRoutes: { destination: string; ipv6: boolean }[];
  associate: boolean;
  ingress: { add: Rule[]; remove: Rule[] };
  egress: { add: Rule[]; remove: Rule[] };
  /** Owned resources to delete: duplicates, leftovers in other VPCs, orphans. */
  extras: Actual;
}

/** Flattens EC2's grouped permissions into one rule per CIDR. */
export function rulesOf(permissions: IpPermission[] | undefined): Rule[] {
  const out: Rule[] = [];
  for (const p of permissions ?? []) {
    const protocol = (p.IpProtocol === '-1' ? '-1' : p.IpProtocol) as Rule['protocol'];
    const fromPort = protocol === '-1' ? -1 : (p.FromPort ?? -1);
    const toPort = protocol === '-1' ? -1 : (p.ToPort ?? -1);
    for (const r of p.IpRanges ?? []) if (r.CidrIp) out.push({ protocol, fromPort, toPort, cidr: r.CidrIp });
    for (const r of p.Ipv6Ranges ?? [])
      if (r.CidrIpv6) out.push({ protocol, fromPort, toPort, cidr: r.CidrIpv6 });
  }
  return out;
}

function ruleText(r: Rule): string {
  const what =
    r.protocol === '-1'
      ? 'all traffic'
      : `${r.protocol} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`}`;
  return `${what} ${r.cidr}`;
}

function diffRules(want: Rule[], have: Rule[]): { add: Rule[]; remove: Rule[] } {
  const haveKeys = new Set(have.map(ruleKey));
  const wantKeys = new Set(want.map(ruleKey));
  return {
    add: want.filter((r) => !haveKeys.has(ruleKey(r))),
    remove: have.filter((r) => !wantKeys.has(ruleKey(r))),
  };
}

export function vpcIpv6Cidr(vpc: Vpc | undefined): string | undefined {
  return vpc?.Ipv6CidrBlockAssociationSet?.find((a) => a.Ipv6CidrBlockState?.State === 'associated')
    ?.Ipv6CidrBlock;
}

export function subnetIpv6Cidr(subnet: Subnet | undefined): string | undefined {
  // moto reports the state as the string "{'State': 'associated'}" (REFERENCE §7.4 G1): accept both.
  return subnet?.Ipv6CidrBlockAssociationSet?.find((a) => {
    const s = a.Ipv6CidrBlockState?.State ?? (a.Ipv6CidrBlockState as unknown);
    return typeof s === 'string' && s.includes('associated') && !s.includes('disassociated');
  })?.Ipv6CidrBlock;
}

const byId =
  <T>(id: (x: T) => string | undefined) =>
  (a: T, b: T) =>
    (id(a) ?? '').localeCompare(id(b) ?? '');

/** Diffs the desired graph against the owned resources. Pure: no AWS calls. */
export function plan(desired: DesiredEnv, actual: Actual): Plan {
  const changes: Change[] = [];
  const extras = emptyActual();
  const keepOrCreate = (type: ResourceType, id: string | undefined) =>
    changes.push({ action: id ? 'keep' : 'create', type, id: id ?? null });

  const vpcs = [...actual.vpcs].sort(byId((v) => v.VpcId));
  const vpc = vpcs.find((v) => v.CidrBlock === desired.vpcCidr);
  extras.vpcs = vpcs.filter((v) => v !== vpc);
  const vpcId = vpc?.VpcId;
  keepOrCreate('vpc', vpcId);
  const inVpc = (id: string | undefined) => vpcId !== undefined && id === vpcId;

  // Subnet
  const subnets = [...actual.subnets].sort(byId((s) => s.SubnetId));
  const subnet = subnets.find((s) => inVpc(s.VpcId) && s.CidrBlock === desired.subnetCidr);
  extras.subnets = subnets.filter((s) => s !== subnet);
  const subnetFix = { mapPublicIp: false, assignIpv6: false, ipv6Cidr: false };
  if (subnet) {
    const v6 = subnetIpv6Cidr(subnet);
    const parent = vpcIpv6Cidr(vpc);
    subnetFix.ipv6Cidr = !v6 || (parent !== undefined && !ipv6CidrContains(parent, v6));
    subnetFix.mapPublicIp = subnet.MapPublicIpOnLaunch !== true;
    subnetFix.assignIpv6 = subnet.AssignIpv6AddressOnCreation !== true;
    const why = [
      subnetFix.ipv6Cidr && 'no IPv6 /64 inside the VPC /56',
      subnetFix.mapPublicIp && 'public IPv4 auto-assign is off',
      subnetFix.assignIpv6 && 'IPv6 auto-assign is off',
    ].filter(Boolean);
    changes.push(
      why.length
        ? { action: 'update', type: 'subnet', id: subnet.SubnetId ?? null, detail: why.join('; ') }
        : { action: 'keep', type: 'subnet', id: subnet.SubnetId ?? null },
    );
  } else keepOrCreate('subnet', undefined);

  // Internet gateway: one attached to our VPC, or an owned detached one we can attach.
  const igws = [...actual.internetGateways].sort(byId((g) => g.InternetGatewayId));
  const attachedTo = (g: InternetGateway) => g.Attachments?.find((a) => a.State !== 'detached')?.VpcId;
  const igw =
    igws.find((g) => inVpc(attachedTo(g))) ??
    (vpcId ? igws.find((g) => attachedTo(g) === undefined) : undefined);
  extras.internetGateways = igws.filter((g) => g !== igw);
  const attachInternetGateway = igw !== undefined && !inVpc(attachedTo(igw));
  if (igw && attachInternetGateway)
    changes.push({
      action: 'update',
      type: 'internet-gateway',
      id: igw.InternetGatewayId ?? null,
      detail: 'not attached to the VPC',
    });
  else keepOrCreate('internet-gateway', igw?.InternetGatewayId);

  // Egress-only gateway (only in egress-only mode)
  const eigws = [...actual.egressOnlyInternetGateways].sort(byId((g) => g.EgressOnlyInternetGatewayId));
  const eigw = desired.egressOnly ? eigws.find((g) => g.Attachments?.some((a) => inVpc(a.VpcId))) : undefined;
  extras.egressOnlyInternetGateways = eigws.filter((g) => g !== eigw);
  if (desired.egressOnly) keepOrCreate('egress-only-internet-gateway', eigw?.EgressOnlyInternetGatewayId);

  // Route table, its routes, its association
  const tables = [...actual.routeTables].sort(byId((t) => t.RouteTableId));
  const routeTable = tables.find((t) => inVpc(t.VpcId));
  extras.routeTables = tables.filter((t) => t !== routeTable);
  keepOrCreate('route-table', routeTable?.RouteTableId);
  const routes: RouteStep[] = [];
  const extraRoutes: Plan['extraRoutes'] = [];
  for (const route of desired.routes) {
    const ipv6 = route.destination === '::/0';
    const existing = routeTable?.Routes?.find((r) =>
      ipv6 ? r.DestinationIpv6CidrBlock === route.destination : r.DestinationCidrBlock === route.destination,
    );
    const targetId =
      route.target === 'internet-gateway' ? igw?.InternetGatewayId : eigw?.EgressOnlyInternetGatewayId;
    const id = `${routeTable?.RouteTableId ?? '(new)'} ${route.destination}`;
    if (!existing) {
      routes.push({ route, op: 'create' });
      // In a table that exists, a missing route is drift of that table (e.g. ::/0 deleted by hand).
      changes.push(
        routeTable
          ? {
              action: 'update',
              type: 'route',
              id,
              detail: `${route.destination} → ${route.target} is missing`,
            }
          : { action: 'create', type: 'route', id: null },
      );
      continue;
    }
    const actualTarget = existing.GatewayId ?? existing.EgressOnlyInternetGatewayId;
    if (targetId === undefined || actualTarget !== targetId || existing.State === 'blackhole') {
      routes.push({ route, op: 'replace' });
      changes.push({
        action: 'update',
        type: 'route',
        id,
        detail: `${route.destination} goes to ${actualTarget ?? 'nothing'}${existing.State === 'blackhole' ? ' (blackhole)' : ''}, not the ${route.target}`,
      });
    } else {
      routes.push({ route, op: 'keep' });
      changes.push({ action: 'keep', type: 'route', id });
    }
  }
  for (const r of routeTable?.Routes ?? []) {
    const dest = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock;
    if (!dest || r.GatewayId === 'local' || desired.routes.some((d) => d.destination === dest)) continue;
    extraRoutes.push({ destination: dest, ipv6: r.DestinationIpv6CidrBlock !== undefined });
    changes.push({
      action: 'delete',
      type: 'route',
      id: `${routeTable?.RouteTableId} ${dest}`,
      detail: 'not desired',
    });
  }
  const association = routeTable?.Associations?.find((a) => subnet && a.SubnetId === subnet.SubnetId);
  const associate = association === undefined;
  keepOrCreate('route-table-association', association?.RouteTableAssociationId);

  // Security group
  const groups = [...actual.securityGroups].sort(byId((g) => g.GroupId));
  const securityGroup = groups.find((g) => inVpc(g.VpcId) && g.GroupName === desired.groupName);
  extras.securityGroups = groups.filter((g) => g !== securityGroup);
  const ingress = securityGroup
    ? diffRules(desired.ingress, rulesOf(securityGroup.IpPermissions))
    : { add: desired.ingress, remove: [] };
  const egress = securityGroup
    ? diffRules(desired.egress, rulesOf(securityGroup.IpPermissionsEgress))
    : { add: desired.egress, remove: [] };
  if (securityGroup) {
    const why = [
      ...ingress.remove.map((r) => `ingress ${ruleText(r)} is not desired`),
      ...ingress.add.map((r) => `ingress ${ruleText(r)} is missing`),
      ...egress.remove.map((r) => `egress ${ruleText(r)} is not desired`),
      ...egress.add.map((r) => `egress ${ruleText(r)} is missing`),
    ];
    changes.push(
      why.length
        ? {
            action: 'update',
            type: 'security-group',
            id: securityGroup.GroupId ?? null,
            detail: why.join('; '),
          }
        : { action: 'keep', type: 'security-group', id: securityGroup.GroupId ?? null },
    );
  } else keepOrCreate('security-group', undefined);

  // Instance: a live one in our subnet with the desired type.
  const instances = [...actual.instances].sort(byId((i) => i.InstanceId));
  const instance = instances.find(
    (i) =>
      i.State?.Name !== 'shutting-down' &&
      subnet !== undefined &&
      i.SubnetId === subnet.SubnetId &&
      i.InstanceType === desired.instanceType,
  );
  extras.instances = instances.filter((i) => i !== instance);
  keepOrCreate('instance', instance?.InstanceId);

  const extraChanges: Change[] = [
    ...extras.instances.map((i) => ({ type: 'instance' as const, id: i.InstanceId })),
    ...extras.securityGroups.map((g) => ({ type: 'security-group' as const, id: g.GroupId })),
    ...extras.subnets.map((s) => ({ type: 'subnet' as const, id: s.SubnetId })),
    ...extras.routeTables.map((t) => ({ type: 'route-table' as const, id: t.RouteTableId })),
    ...extras.egressOnlyInternetGateways.map((g) => ({
      type: 'egress-only-internet-gateway' as const,
      id: g.EgressOnlyInternetGatewayId,
    })),
    ...extras.internetGateways.map((g) => ({ type: 'internet-gateway' as const, id: g.InternetGatewayId })),
    ...extras.vpcs.map((v) => ({ type: 'vpc' as const, id: v.VpcId })),
  ].map((c) => ({
    action: 'delete' as const,
    type: c.type,
    id: c.id ?? null,
    detail: 'owned but not desired',
  }));
  changes.push(...extraChanges);

  return {
    changes,
    drift: changes.some((c) => c.action !== 'keep'),
    have: {
      vpc,
      subnet,
      internetGateway: igw,
      egressOnlyInternetGateway: eigw,
      routeTable,
      securityGroup,
      instance,
    },
    subnetFix,
    attachInternetGateway,
    routes,
    extraRoutes,
    associate,
    ingress,
    egress,
    extras,
  };
}

/** The plan as a fixed-width table for the terminal and the job summary. */
export function renderPlanTable(changes: Change[]): string {
  const rows = changes.map((c) => [c.action, c.type, c.id ?? '(new)', c.detail ?? '']);
  const head = ['ACTION', 'TYPE', 'ID', 'DETAIL'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

export function planJson(p: Pick<Plan, 'changes' | 'drift'>): { changes: Change[]; drift: boolean } {
  return {
    changes: p.changes.map(({ action, type, id, detail }) => ({
      action,
      type,
      id,
      ...(detail ? { detail } : {}),
    })),
    drift: p.drift,
  };
}
