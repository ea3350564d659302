import {
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  TerminateInstancesCommand,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import { errorMessage } from '../core/errors.js';
import type { ResourceType } from './desired.js';
import { type Actual, byEnvironment, countResources, discover, expiresAt } from './discover.js';
import { awsErrorCode, withBackoff } from './retry.js';
import { type AwsRuntime, isDependencyViolation, isNotFound, isTransient, together } from './runtime.js';

export interface Leftover {
  type: ResourceType;
  id: string;
  reason: string;
}

export interface DestroyResult {
  deleted: { type: ResourceType; id: string }[];
  left: Leftover[];
}

/**
 * Deletes exactly the given owned resources, in reverse dependency order (REFERENCE §7.3). Every delete
 * retries DependencyViolation and transient errors with jittered backoff until the shared deadline; a
 * NotFound counts as done. Nothing outside `actual` is touched.
 */
export async function destroyResources(rt: AwsRuntime, actual: Actual): Promise<DestroyResult> {
  const result: DestroyResult = { deleted: [], left: [] };
  const started = rt.backoff.now?.() ?? Date.now();
  const remaining = () => rt.destroyDeadlineMs - ((rt.backoff.now?.() ?? Date.now()) - started);

  const attempt = async (type: ResourceType, id: string, op: () => Promise<unknown>): Promise<boolean> => {
    try {
      await withBackoff(
        async () => {
          try {
            await op();
          } catch (error) {
            if (isNotFound(error)) return;
            throw error;
          }
        },
        (e) => isDependencyViolation(e) || isTransient(e),
        { ...rt.backoff, deadlineMs: Math.max(0, remaining()), maxAttempts: 1000 },
        (e, n, delay) =>
          rt.log(
            `aws: ${type} ${id}: ${awsErrorCode(e) ?? 'error'} (attempt ${n}), retrying in ${Math.round(delay)} ms`,
          ),
      );
      result.deleted.push({ type, id });
      rt.log(`aws: deleted ${type} ${id}`);
      return true;
    } catch (error) {
      result.left.push({ type, id, reason: `${awsErrorCode(error) ?? 'error'}: ${errorMessage(error)}` });
      return false;
    }
  };

  // 1. Instances: terminate, then wait until they are gone (the waiter polls; no sleeps of our own).
  const instanceIds = actual.instances.map((i) => i.InstanceId).filter((x): x is string => Boolean(x));
  if (instanceIds.length > 0) {
    const terminated = await attempt('instance', instanceIds.join(','), () =>
      rt.ec2.send(new TerminateInstancesCommand({ InstanceIds: instanceIds })),
    );
    result.deleted = result.deleted.filter((d) => d.type !== 'instance');
    if (terminated) {
      try {
        await waitUntilInstanceTerminated(
          { client: rt.ec2, ...rt.waiter, maxWaitTime: Math.max(rt.waiter.maxWaitTime, 1) },
          { InstanceIds: instanceIds },
        );
        for (const id of instanceIds) result.deleted.push({ type: 'instance', id });
        rt.log(`aws: terminated instance(s) ${instanceIds.join(', ')}`);
      } catch (error) {
        for (const id of instanceIds)
          result.left.push({
            type: 'instance',
            id,
            reason: waiterReason(error, rt.waiter.maxWaitTime),
          });
      }
    } else {
      const reason = result.left.pop()?.reason ?? 'terminate failed';
      for (const id of instanceIds) result.left.push({ type: 'instance', id, reason });
    }
  }

  // 2. Security groups and subnets: ENIs may linger after termination, hence the DependencyViolation retries.
  await together(
    rt,
    actual.securityGroups.map(
      (g) => () =>
        attempt('security-group', g.GroupId!, () =>
          rt.ec2.send(new DeleteSecurityGroupCommand({ GroupId: g.GroupId })),
        ),
    ),
  );
  await together(
    rt,
    actual.subnets.map(
      (s) => () =>
        attempt('subnet', s.SubnetId!, () => rt.ec2.send(new DeleteSubnetCommand({ SubnetId: s.SubnetId }))),
    ),
  );

  // 3. Route tables: disassociate, then delete.
  await together(
    rt,
    actual.routeTables.map((t) => async () => {
      for (const a of t.Associations ?? []) {
        if (a.Main || !a.RouteTableAssociationId) continue;
        await attempt('route-table-association', a.RouteTableAssociationId, () =>
          rt.ec2.send(new DisassociateRouteTableCommand({ AssociationId: a.RouteTableAssociationId })),
        );
      }
      await attempt('route-table', t.RouteTableId!, () =>
        rt.ec2.send(new DeleteRouteTableCommand({ RouteTableId: t.RouteTableId })),
      );
    }),
  );

  // 4. Egress-only gateways (a VPC that still has one cannot be deleted on AWS).
  await together(
    rt,
    actual.egressOnlyInternetGateways.map(
      (g) => () =>
        attempt('egress-only-internet-gateway', g.EgressOnlyInternetGatewayId!, () =>
          rt.ec2.send(
            new DeleteEgressOnlyInternetGatewayCommand({
              EgressOnlyInternetGatewayId: g.EgressOnlyInternetGatewayId,
            }),
          ),
        ),
    ),
  );

  // 5. Internet gateways: detach (DependencyViolation while public addresses are still mapped), then delete.
  await together(
    rt,
    actual.internetGateways.map((g) => async () => {
      for (const a of g.Attachments ?? []) {
        if (!a.VpcId || a.State === 'detached') continue;
        const ok = await attempt('internet-gateway', `${g.InternetGatewayId} (detach from ${a.VpcId})`, () =>
          rt.ec2.send(
            new DetachInternetGatewayCommand({ InternetGatewayId: g.InternetGatewayId, VpcId: a.VpcId }),
          ),
        );
        result.deleted = result.deleted.filter((d) => !d.id.endsWith(`(detach from ${a.VpcId})`));
        if (!ok) return;
      }
      await attempt('internet-gateway', g.InternetGatewayId!, () =>
        rt.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: g.InternetGatewayId })),
      );
    }),
  );

  // 6. VPCs.
  await together(
    rt,
    actual.vpcs.map(
      (v) => () => attempt('vpc', v.VpcId!, () => rt.ec2.send(new DeleteVpcCommand({ VpcId: v.VpcId }))),
    ),
  );
  return result;
}

/** Destroys everything owned by `env`, then checks by a fresh discovery that nothing owned is left. */
export async function destroyEnvironment(rt: AwsRuntime, env: string): Promise<DestroyResult> {
  const result = await destroyResources(rt, await discover(rt.ec2, env));
  const after = await discover(rt.ec2, env);
  if (countResources(after) > 0 && result.left.length === 0) {
    // Something appeared meanwhile (a concurrent apply?): one more pass, reported honestly if it fails too.
    const again = await destroyResources(rt, after);
    result.deleted.push(...again.deleted);
    result.left.push(...again.left);
  }
  return result;
}

export interface ReapResult {
  reaped: { environment: string; expiresAt: string; result: DestroyResult }[];
  kept: { environment: string; expiresAt: string | null }[];
}

/**
 * Destroys every stackgate environment whose expires-at has passed. An environment's expiry is the latest
 * expires-at on any of its resources, so a re-applied environment is not reaped by an old leftover tag;
 * one without a readable expiry is kept and listed.
 */
export async function reap(rt: AwsRuntime): Promise<ReapResult> {
  const now = rt.now();
  const out: ReapResult = { reaped: [], kept: [] };
  for (const [environment, actual] of byEnvironment(await discover(rt.ec2))) {
    const dates = Object.values(actual)
      .flat()
      .map((r) => expiresAt((r as { Tags?: { Key?: string; Value?: string }[] }).Tags))
      .filter((d): d is Date => d !== undefined);
    const latest = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined;
    if (!latest || latest.getTime() > now.getTime()) {
      out.kept.push({ environment, expiresAt: latest?.toISOString() ?? null });
      continue;
    }
    rt.log(`aws: reaping ${environment} (expired ${latest.toISOString()})`);
    out.reaped.push({
      environment,
      expiresAt: latest.toISOString(),
      result: await destroyResources(rt, actual),
    });
  }
  return out;
}

/** The waiter's error carries every observed response as JSON: report the last state instead. */
function waiterReason(error: unknown, seconds: number): string {
  const text = errorMessage(error);
  const states = [...text.matchAll(/\\"State\\":\{\\"Name\\":\\"([a-z-]+)\\"/g)].map((m) => m[1]);
  const last = states.at(-1);
  return last
    ? `still ${last} after the waiter's ${seconds} s`
    : `not terminated within ${seconds} s: ${text.slice(0, 200)}`;
}
