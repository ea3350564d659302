// The least-privilege policy in docs/ covers every AWS operation the code sends, and nothing is missed
// because a call was added later: the operations are read from the source itself.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SERVICES: Record<string, string> = {
  '@aws-sdk/client-ec2': 'ec2',
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-ssm': 'ssm',
};
/** Waiters poll a Describe operation. */
const WAITERS: Record<string, string> = {
  waitUntilVpcAvailable: 'ec2:DescribeVpcs',
  waitUntilInstanceRunning: 'ec2:DescribeInstances',
  waitUntilInstanceTerminated: 'ec2:DescribeInstances',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every `XCommand` and waiter imported from an AWS client in src/aws, as service:Operation. */
function operationsInCode(): Set<string> {
  const ops = new Set<string>();
  for (const file of sources(join(ROOT, 'src/aws'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z0-9]+)'/g,
    )) {
      const service = SERVICES[m[2]!];
      assert.ok(service, `${file} imports ${m[2]}, which the policy test does not know`);
      for (const raw of m[1]!.split(',')) {
        const name = raw.trim();
        if (name.startsWith('type ')) continue;
        const command = name.match(/^(\w+)Command$/)?.[1];
        if (command && text.includes(`new ${name}(`)) ops.add(`${service}:${command}`);
        if (WAITERS[name] && text.includes(`${name}(`)) ops.add(WAITERS[name]!);
      }
    }
  }
  return ops;
}

function actionsIn(file: string): Set<string> {
  const doc = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as {
    Statement: { Action: string | string[] }[];
  };
  return new Set(doc.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
}

describe('docs/aws-policy.json', () => {
  const ops = operationsInCode();
  it('reads a plausible set of operations from the code', () => {
    for (const op of [
      'ec2:CreateVpc',
      'ec2:RunInstances',
      'ec2:DeleteVpc',
      'ec2:DescribeInstances',
      'ssm:GetParameter',
      'sts:AssumeRoleWithWebIdentity',
    ])
      assert.ok(ops.has(op), `${op} found in src/aws (found ${[...ops].join(', ')})`);
    assert.ok(ops.size >= 30, `${ops.size} operations`);
  });
  it('allows every EC2 and SSM operation the code sends, plus CreateTags for TagSpecifications', () => {
    const allowed = actionsIn('docs/aws-policy.json');
    const missing = [...ops].filter((op) => !op.startsWith('sts:') && !allowed.has(op));
    assert.deepEqual(missing, []);
    assert.ok(allowed.has('ec2:CreateTags'));
  });
  it('the trust policy allows the STS operation the code sends, for the GitHub audience', () => {
    const trust = actionsIn('docs/aws-trust-policy.json');
    assert.deepEqual(
      [...ops].filter((op) => op.startsWith('sts:') && !trust.has(op)),
      [],
    );
    assert.match(
      readFileSync(join(ROOT, 'docs/aws-trust-policy.json'), 'utf8'),
      /"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"/,
    );
  });
});
