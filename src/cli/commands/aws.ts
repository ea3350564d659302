import { errorMessage, UsageError } from '../../core/errors.js';
import { parseArgsOrUsage } from '../args.js';
import type { Command } from '../io.js';

export const AWS_HELP = `Usage: stackgate aws <plan|apply|destroy|reap> --name ENV --region R [options]

An AWS environment with IPv6: VPC (+ Amazon /56), public subnet, internet and egress-only gateways,
routes, a security group, and an OpenVPN host that tunnels IPv6. Resources are owned by tags; there is
no state file.

  plan      diff the desired resources against the tagged ones (exit 0; "drift" says if they differ)
  apply     create or fix what plan lists, then print the addresses and the client profile's path
  destroy   delete everything tagged for ENV, in reverse order; report what is left and why
  reap      destroy every stackgate environment whose expires-at has passed (--name not needed)

Options:
  --name ENV                       environment name (a-z, 0-9, -)
  --region R                       AWS region
  --endpoint URL                   point EC2, STS and SSM at an emulator (e.g. moto)
  --ami AMI                        AMI id (overrides --ami-parameter)
  --ami-parameter NAME             SSM parameter holding the AMI id
                                   (default /aws/service/debian/release/12/latest/amd64)
  --instance-type T                default t3.micro
  --ssh-cidr CIDR                  allow SSH from CIDR (repeatable; default: no SSH)
  --allow-ssh-from-anywhere        accept 0.0.0.0/0 or ::/0 for --ssh-cidr
  --vpn-cidr CIDR                  allow OpenVPN from CIDR (repeatable; default anywhere, v4 and v6)
  --openvpn-port N                 default 1194
  --openvpn-protocol udp|tcp       default udp
  --ipv6-egress egress-only|internet-gateway   where ::/0 goes (default egress-only)
  --ttl-hours H                    expires-at tag and host shutdown (default 4)
  --output-dir DIR                 where the client profile goes (default $RUNNER_TEMP/stackgate-aws
                                   or ./.stackgate/aws)
  --role-to-assume ARN             get credentials by GitHub OIDC + STS AssumeRoleWithWebIdentity
                                   (default: the ambient credentials)
  --audience AUD                   OIDC audience (default sts.amazonaws.com)
  --json                           print JSON
  -h, --help                       this help

Exit codes: 0 success (plan: also with drift); 1 failure; 2 usage error.
`;

const ACTIONS = ['plan', 'apply', 'destroy', 'reap'] as const;
type Action = (typeof ACTIONS)[number];

function choice<T extends string>(
  flag: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  const v = value ?? fallback;
  if (!choices.includes(v as T))
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}, not "${v}"`);
  return v as T;
}

function number(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`${flag} must be a number, not "${value}"`);
  return n;
}

export const awsCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgsOrUsage(
    {
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        region: { type: 'string' },
        endpoint: { type: 'string' },
        ami: { type: 'string' },
        'ami-parameter': { type: 'string' },
        'instance-type': { type: 'string' },
        'ssh-cidr': { type: 'string', multiple: true },
        'allow-ssh-from-anywhere': { type: 'boolean' },
        'vpn-cidr': { type: 'string', multiple: true },
        'openvpn-port': { type: 'string' },
        'openvpn-protocol': { type: 'string' },
        'ipv6-egress': { type: 'string' },
        'ttl-hours': { type: 'string' },
        'output-dir': { type: 'string' },
        'role-to-assume': { type: 'string' },
        audience: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    AWS_HELP,
  );
  if (values.help) {
    io.stdout(AWS_HELP);
    return 0;
  }
  const [actionName, ...extra] = positionals;
  if (!actionName || !ACTIONS.includes(actionName as Action))
    throw new UsageError(`give one of ${ACTIONS.join(', ')} after "aws"\n\n${AWS_HELP}`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const action = actionName as Action;
  const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError('--region is required (or AWS_REGION in the environment)');
  if (!values.name && action !== 'reap') throw new UsageError('--name is required');
  if (values.endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(values.endpoint))
    throw new UsageError(`--endpoint must be an http(s) URL, not "${values.endpoint}"`);

  // The AWS SDK loads only here: validate and dns never pay for it.
  const { runAws, defaultOutputDir } = await import('../../aws/run.js');
  const { DEFAULTS } = await import('../../aws/desired.js');
  const { AwsFailure } = await import('../../aws/apply.js');
  const { renderAwsResult } = await import('../../aws/render.js');
  const { idTokenFromEnvironment } = await import('../../aws/credentials.js');
  const path = await import('node:path');
  const env = {
    name: values.name ?? 'reap',
    region,
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    ...(values.ami ? { ami: values.ami } : {}),
    amiParameter: values['ami-parameter'] ?? DEFAULTS.amiParameter,
    instanceType: values['instance-type'] ?? DEFAULTS.instanceType,
    sshCidrs: values['ssh-cidr'] ?? [],
    allowSshFromAnywhere: values['allow-ssh-from-anywhere'] === true,
    vpnCidrs: values['vpn-cidr'] ?? [],
    openvpnPort: number('--openvpn-port', values['openvpn-port'], DEFAULTS.openvpnPort),
    openvpnProtocol: choice('--openvpn-protocol', values['openvpn-protocol'], ['udp', 'tcp'] as const, 'udp'),
    ipv6Egress: choice(
      '--ipv6-egress',
      values['ipv6-egress'],
      ['egress-only', 'internet-gateway'] as const,
      'egress-only',
    ),
    ttlHours: number('--ttl-hours', values['ttl-hours'], DEFAULTS.ttlHours),
  };
  const log = (line: string) => io.stderr(`${line}\n`);
  try {
    const result = await runAws(action, {
      env,
      outputDir: values['output-dir']
        ? path.resolve(io.cwd, values['output-dir'])
        : defaultOutputDir(io.cwd, io.env),
      log,
      // A terminal has no masking; the secrets are simply never printed.
      mask: () => {},
      ...(values['role-to-assume']
        ? {
            oidc: {
              roleArn: values['role-to-assume'],
              ...(values.audience ? { audience: values.audience } : {}),
              getIdToken: idTokenFromEnvironment(io.env),
            },
          }
        : {}),
    });
    const rendered = renderAwsResult(result, values.json === true);
    io.stdout(rendered.text);
    return rendered.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof AwsFailure) {
      io.stderr(`stackgate: aws ${action}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError) throw error;
    // An AWS service or network error: one line with its code, not a stack (it is not our bug).
    const code = (error as { name?: string }).name;
    if (
      (error as { $metadata?: unknown }).$metadata !== undefined ||
      /Credential|Timeout|ECONN/i.test(`${code} ${errorMessage(error)}`)
    ) {
      io.stderr(`stackgate: aws ${action}: ${code ? `${code}: ` : ''}${errorMessage(error)}\n`);
      return 1;
    }
    throw error;
  }
};
