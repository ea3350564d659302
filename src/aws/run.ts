import path from 'node:path';
import { type ApplyOutputs, apply } from './apply.js';
import { createClients } from './clients.js';
import { assumeRoleWithOidc, type GetIdToken } from './credentials.js';
import { type DesiredEnv, desiredEnvironment, type EnvOptions } from './desired.js';
import { type DestroyResult, destroyEnvironment, type ReapResult, reap } from './destroy.js';
import { discover } from './discover.js';
import { type Plan, plan } from './plan.js';
import { type AwsRuntime, DEFAULT_BACKOFF } from './runtime.js';

export type AwsAction = 'plan' | 'apply' | 'destroy' | 'reap';

export interface RunOptions {
  env: EnvOptions;
  outputDir: string;
  log: (line: string) => void;
  /** Called with each secret before it can be printed (the action: core.setSecret). */
  mask: (secret: string) => void;
  oidc?: {
    roleArn: string;
    audience?: string;
    sessionName?: string;
    durationSeconds?: number;
    getIdToken: GetIdToken;
  };
  now?: () => Date;
  sequential?: boolean;
  onStep?: (step: string) => void;
}

export type RunResult =
  | { action: 'plan'; plan: Plan; desired: DesiredEnv }
  | { action: 'apply'; outputs: ApplyOutputs }
  | { action: 'destroy'; result: DestroyResult }
  | { action: 'reap'; result: ReapResult };

export function defaultOutputDir(cwd: string, env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, 'stackgate-aws') : path.join(cwd, '.stackgate', 'aws');
}

/** Credentials, clients, then the action: the one path the CLI and the sub-action share. */
export async function runAws(action: AwsAction, o: RunOptions): Promise<RunResult> {
  const desired = desiredEnvironment(o.env);
  const base = { region: o.env.region, ...(o.env.endpoint ? { endpoint: o.env.endpoint } : {}) };
  let credentials: Awaited<ReturnType<typeof assumeRoleWithOidc>> | undefined;
  if (o.oidc) {
    const { sts } = createClients(base);
    credentials = await assumeRoleWithOidc(sts, { ...o.oidc, mask: o.mask, log: o.log });
    o.log(`aws: assumed ${o.oidc.roleArn} with the GitHub OIDC token`);
  }
  const { ec2, ssm } = createClients({ ...base, ...(credentials ? { credentials } : {}) });
  const now = o.now ?? (() => new Date());
  const rt: AwsRuntime = {
    ec2,
    ssm,
    backoff: DEFAULT_BACKOFF,
    destroyDeadlineMs: 15 * 60_000,
    // Poll from 2 s, backing off to 30 s: an instance runs in ~15 s and terminates in ~30-60 s on EC2.
    waiter: { minDelay: 2, maxDelay: 30, maxWaitTime: 600 },
    log: o.log,
    now,
    ...(o.sequential ? { sequential: true } : {}),
  };
  try {
    switch (action) {
      case 'plan':
        return { action, plan: plan(desired, await discover(ec2, desired.name)), desired };
      case 'apply': {
        const expiresAt = new Date(now().getTime() + o.env.ttlHours * 3_600_000);
        const outputs = await apply(rt, desired, {
          expiresAt,
          outputDir: o.outputDir,
          mask: o.mask,
          ...(o.onStep ? { onStep: o.onStep } : {}),
        });
        return { action, outputs };
      }
      case 'destroy':
        return { action, result: await destroyEnvironment(rt, desired.name) };
      case 'reap':
        return { action, result: await reap(rt) };
    }
  } finally {
    ec2.destroy();
    ssm.destroy();
  }
}
