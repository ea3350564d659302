import { AssumeRoleWithWebIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { errorMessage, UsageError } from '../core/errors.js';
import { awsErrorCode, type Backoff, withBackoff } from './retry.js';

export type GetIdToken = (audience: string) => Promise<string>;

export interface OidcOptions {
  roleArn: string;
  sessionName?: string;
  durationSeconds?: number;
  audience?: string;
  /** The action passes core.getIDToken; the CLI passes fetchIdToken over the runner's HTTP protocol. */
  getIdToken: GetIdToken;
  /** Called with every secret (token and credentials) before anything else sees it: core.setSecret. */
  mask: (secret: string) => void;
  backoff?: Partial<Backoff>;
  log?: (line: string) => void;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/**
 * The GitHub OIDC token from the runner: GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=… with the request token
 * as a Bearer header; the answer is {"value": "<JWT>"}.
 */
export function idTokenFromEnvironment(env: NodeJS.ProcessEnv, fetchImpl: typeof fetch = fetch): GetIdToken {
  return async (audience) => {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !bearer)
      throw new UsageError(
        'no GitHub OIDC token available: ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. ' +
          'Did you mean to set the `id-token: write` permission on the job?',
      );
    const target = new URL(url);
    target.searchParams.set('audience', audience);
    const r = await fetchImpl(target, {
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
    });
    if (!r.ok) throw new Error(`the OIDC token endpoint answered HTTP ${r.status}`);
    const body = (await r.json()) as { value?: unknown };
    if (typeof body.value !== 'string' || body.value === '')
      throw new Error('the OIDC token endpoint answered without a token ("value")');
    return body.value;
  };
}

/**
 * OIDC → STS AssumeRoleWithWebIdentity, retried with jittered backoff on every error but a bad request
 * (as configure-aws-credentials does). A new token is fetched for each attempt: a JWT lives ~5 minutes
 * and can expire during the retries (aws-actions/configure-aws-credentials#1848).
 */
export async function assumeRoleWithOidc(sts: STSClient, o: OidcOptions): Promise<AwsCredentialIdentity> {
  if (!ROLE_ARN.test(o.roleArn))
    throw new UsageError(
      `role-to-assume "${o.roleArn}" is not a role ARN; give the full arn:aws:iam::<account-id>:role/<name>`,
    );
  const sessionName = o.sessionName ?? 'GitHubActions';
  if (!SESSION_NAME.test(sessionName))
    throw new UsageError(
      `role session name "${sessionName}" must be 2-64 characters of letters, digits and +=,.@_-`,
    );
  const durationSeconds = o.durationSeconds ?? 3600;
  if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43_200)
    throw new UsageError(`role duration must be 900-43200 seconds, not "${durationSeconds}"`);
  const audience = o.audience ?? 'sts.amazonaws.com';
  const result = await withBackoff(
    async () => {
      const token = await o.getIdToken(audience);
      o.mask(token);
      return sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: o.roleArn,
          RoleSessionName: sessionName,
          DurationSeconds: durationSeconds,
          WebIdentityToken: token,
        }),
      );
    },
    (e) =>
      !(e instanceof UsageError) && !/ValidationError|MalformedPolicyDocument/.test(awsErrorCode(e) ?? ''),
    { baseMs: 50, maxDelayMs: 10_000, deadlineMs: 210_000, maxAttempts: 12, ...o.backoff },
    (e, n) =>
      o.log?.(`aws: AssumeRoleWithWebIdentity failed (attempt ${n}): ${awsErrorCode(e) ?? errorMessage(e)}`),
  );
  const c = result.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
    throw new Error('STS AssumeRoleWithWebIdentity answered without credentials');
  o.mask(c.AccessKeyId);
  o.mask(c.SecretAccessKey);
  o.mask(c.SessionToken);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    ...(c.Expiration ? { expiration: c.Expiration } : {}),
  };
}
