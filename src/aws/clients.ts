import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

export interface ClientOptions {
  region: string;
  /** An emulator (moto) for EC2, STS and SSM alike. */
  endpoint?: string;
  /** From OIDC; otherwise the SDK's default chain (environment, profile, …). */
  credentials?: AwsCredentialIdentity;
  /** The SDK's own retry attempts (standard mode: jittered backoff, throttling-aware). */
  maxAttempts?: number;
}

/** More attempts than the SDK's 3: EC2 throttles bursts, and a whole apply should ride out a bad minute. */
export const SDK_MAX_ATTEMPTS = 8;

export function createClients(o: ClientOptions): { ec2: EC2Client; ssm: SSMClient; sts: STSClient } {
  const common = {
    region: o.region,
    maxAttempts: o.maxAttempts ?? SDK_MAX_ATTEMPTS,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(o.credentials ? { credentials: o.credentials } : {}),
  };
  return { ec2: new EC2Client(common), ssm: new SSMClient(common), sts: new STSClient(common) };
}
