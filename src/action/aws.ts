import * as core from '@actions/core';
import { errorMessage, isUserError } from '../core/errors.js';
import { awsActionOptionName } from '../inputs.js';
import { getChoice, getList, getOptional } from './inputs.js';

const STATE_ENV = 'stackgate-aws-env';

/** The inputs, read once: they mirror the CLI flags (see docs/aws.md). */
async function envFromInputs() {
  const { DEFAULTS } = await import('../aws/desired.js');
  const num = (name: string, fallback: number) => {
    const v = getOptional(name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isFinite(n)) throw new Error(`input "${name}" must be a number, not "${v}"`);
    return n;
  };
  return {
    name: core.getInput('name', { required: true }).trim(),
    region: core.getInput('region', { required: true }).trim(),
    ...(getOptional('endpoint') ? { endpoint: getOptional('endpoint')! } : {}),
    ...(getOptional('ami') ? { ami: getOptional('ami')! } : {}),
    amiParameter: getOptional('ami-parameter') ?? DEFAULTS.amiParameter,
    instanceType: getOptional('instance-type') ?? DEFAULTS.instanceType,
    sshCidrs: getList('ssh-cidr'),
    vpnCidrs: getList('vpn-cidr'),
    openvpnPort: num('openvpn-port', DEFAULTS.openvpnPort),
    openvpnProtocol: getChoice('openvpn-protocol', ['udp', 'tcp'] as const, 'udp'),
    ipv6Egress: getChoice('ipv6-egress', ['egress-only', 'internet-gateway'] as const, 'egress-only'),
    ttlHours: num('ttl-hours', DEFAULTS.ttlHours),
    // Messages name the action's inputs.
    optionNamed: awsActionOptionName,
  };
}

async function run(action: 'plan' | 'apply' | 'destroy' | 'reap'): Promise<void> {
  const { runAws, defaultOutputDir } = await import('../aws/run.js');
  const { renderAwsResult } = await import('../aws/render.js');
  const { planJson, renderPlanTable } = await import('../aws/plan.js');
  const env = await envFromInputs();
  const role = getOptional('role-to-assume');
  const result = await runAws(action, {
    env,
    outputDir: defaultOutputDir(process.cwd(), process.env),
    log: (l) => core.info(l),
    // Masked before anything can print it: the token, then each credential as STS returns it.
    mask: (s) => core.setSecret(s),
    ...(role
      ? {
          oidc: {
            roleArn: role,
            audience: getOptional('audience') ?? 'sts.amazonaws.com',
            getIdToken: (aud: string) => core.getIDToken(aud),
          },
        }
      : {}),
  });
  core.saveState(STATE_ENV, env.name);
  const rendered = renderAwsResult(result, false);
  core.info(rendered.text);
  const summary = core.summary.addHeading(`stackgate aws ${action}: ${env.name}`, 3);
  if (result.action === 'plan') {
    const p = planJson(result.plan);
    core.setOutput('changes', JSON.stringify(p.changes));
    core.setOutput('drift', String(p.drift));
    summary.addCodeBlock(renderPlanTable(p.changes));
  } else if (result.action === 'apply') {
    const o = result.outputs;
    for (const [k, v] of Object.entries(o)) {
      const name = k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      core.setOutput(name, k === 'changes' ? JSON.stringify(v) : String(v ?? ''));
    }
    summary.addCodeBlock(renderPlanTable(o.changes)).addTable([
      [
        { data: 'resource', header: true },
        { data: 'value', header: true },
      ],
      ['instance', o.instanceId],
      ['public IPv4', o.publicIpv4 ?? '-'],
      ['IPv6', o.ipv6Address ?? '-'],
      ['client profile', o.clientConfigPath ?? '-'],
    ]);
  } else summary.addCodeBlock(rendered.text);
  await summary.write();
  if (!rendered.ok) core.setFailed(`stackgate aws ${action}: resources left, see the log`);
}

function fail(error: unknown): void {
  core.setFailed(
    isUserError(error) || (error as Error | null)?.name === 'AwsFailure'
      ? errorMessage(error)
      : error instanceof Error
        ? (error.stack ?? error.message)
        : errorMessage(error),
  );
}

/** Main step: plan, apply, destroy or reap, as the `action` input says. */
export async function runAwsAction(): Promise<void> {
  try {
    await run(getChoice('action', ['plan', 'apply', 'destroy', 'reap'] as const, 'plan'));
  } catch (error) {
    fail(error);
  }
}

/** Post step: with destroy-on-failure, tear the environment down when the job failed. */
export async function runAwsPost(): Promise<void> {
  try {
    if (core.getBooleanInput('destroy-on-failure') !== true || core.getState(STATE_ENV) === '') return;
    // A post step cannot read the job status itself: the caller passes job.status as STACKGATE_JOB_STATUS.
    const status = process.env.STACKGATE_JOB_STATUS;
    if (status !== 'failure' && status !== 'cancelled') {
      core.info(
        `stackgate aws post: job status is ${status ?? 'unknown (set STACKGATE_JOB_STATUS)'}; not destroying`,
      );
      return;
    }
    await run('destroy');
  } catch (error) {
    fail(error);
  }
}
