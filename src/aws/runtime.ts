import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { awsErrorCode, type Backoff, isAmbiguous, isThrottling } from './retry.js';

/** Everything apply/destroy need from the outside, injectable so tests control clients, clock and delays. */
export interface AwsRuntime {
  ec2: EC2Client;
  ssm: SSMClient;
  /** Our own retries (DependencyViolation, throttling, lost answers); the SDK's retries come first. */
  backoff: Omit<Backoff, 'deadlineMs' | 'maxAttempts'>;
  /** How long destroy keeps retrying DependencyViolation (ms). */
  destroyDeadlineMs: number;
  /** SDK waiter timing in seconds (production: the waiter's own defaults, tests: milliseconds). */
  waiter: { minDelay?: number; maxDelay?: number; maxWaitTime: number };
  /** Progress lines (never secrets). */
  log: (line: string) => void;
  now: () => Date;
  /** Create one resource at a time: the benchmark's baseline. */
  sequential?: boolean;
}

export const DEFAULT_BACKOFF: AwsRuntime['backoff'] = { baseMs: 500, maxDelayMs: 20_000 };

/** Transient for our own retry loop: throttling, or no definite answer. */
export function isTransient(error: unknown): boolean {
  return isThrottling(error) || isAmbiguous(error);
}

export function isDependencyViolation(error: unknown): boolean {
  const code = awsErrorCode(error);
  return (
    code === 'DependencyViolation' ||
    code === 'InvalidGroup.InUse' ||
    // "resource sg-… has a dependent object" comes as DependencyViolation; keep the text check for variants.
    /dependent object|has some mapped public address/i.test((error as Error | null)?.message ?? '')
  );
}

export const NOT_FOUND = new Set([
  'InvalidVpcID.NotFound',
  'InvalidSubnetID.NotFound',
  'InvalidGroup.NotFound',
  'InvalidGroupId.NotFound',
  'InvalidInternetGatewayID.NotFound',
  'InvalidGatewayID.NotFound',
  'Gateway.NotAttached',
  'InvalidRouteTableID.NotFound',
  'InvalidAssociationID.NotFound',
  'InvalidInstanceID.NotFound',
  'InvalidEgressOnlyInternetGatewayId.NotFound',
  'InvalidRoute.NotFound',
]);

export function isNotFound(error: unknown): boolean {
  return NOT_FOUND.has(awsErrorCode(error) ?? '');
}

/** Runs independent tasks concurrently, or one after another in sequential mode. */
export async function together(rt: AwsRuntime, tasks: (() => Promise<unknown>)[]): Promise<void> {
  if (rt.sequential) {
    for (const t of tasks) await t();
    return;
  }
  const results = await Promise.allSettled(tasks.map((t) => t()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
