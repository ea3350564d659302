// GitHub OIDC end to end: a local token endpoint speaking the ACTIONS_ID_TOKEN_REQUEST protocol, then
// STS AssumeRoleWithWebIdentity on moto, then EC2 signed with the assumed credentials. All output is
// scanned for the token and the credentials, which the proxy in front of moto sees on the wire.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { aws, cleanEnv } from './aws-cli.js';
import { type FaultProxy, type Moto, seedAmiParameter, startFaultProxy, startMoto } from './aws-moto.js';

const JWT =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOnN0YWNrZ2F0ZS9zdGFja2dhdGU6cmVmOnJlZnMvaGVhZHMvbWFpbiJ9.c2lnbmF0dXJlLXN0YWNrZ2F0ZS10ZXN0';
const REQUEST_TOKEN = 'request-token-7f3a9c1e5b';
const ROLE = 'arn:aws:iam::123456789012:role/stackgate-ci';

describe('aws with GitHub OIDC credentials', () => {
  let moto: Moto;
  let proxy: FaultProxy;
  let tokenServer: http.Server;
  let tokenUrl: string;
  const tokenRequests: { audience: string | null; authorization: string | undefined }[] = [];
  let out: string;
  before(async () => {
    moto = await startMoto();
    await seedAmiParameter(moto.endpoint);
    proxy = await startFaultProxy(moto.endpoint);
    tokenServer = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      tokenRequests.push({
        audience: url.searchParams.get('audience'),
        authorization: req.headers.authorization,
      });
      if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
        res.writeHead(401).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ count: 1, value: JWT }));
    });
    await new Promise<void>((r) => tokenServer.listen(0, '127.0.0.1', r));
    const a = tokenServer.address();
    tokenUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/_apis/token?api-version=2.0`;
    out = mkdtempSync(join(tmpdir(), 'sg-aws-oidc-'));
  });
  after(async () => {
    await new Promise((r) => tokenServer?.close(r));
    await proxy?.close();
    await moto?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('gets the token with the audience and bearer, assumes the role, signs EC2 with it, prints no secret', async () => {
    const env = cleanEnv({
      ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    });
    const r = await aws('apply', 'oidc', proxy.endpoint, out, ['--role-to-assume', ROLE, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(tokenRequests[0], {
      audience: 'sts.amazonaws.com',
      authorization: `Bearer ${REQUEST_TOKEN}`,
    });
    const sts = proxy.bodies.find((b) => b.includes('AssumeRoleWithWebIdentityResponse'));
    assert.ok(sts, 'STS answered through the proxy');
    const grab = (tag: string) => sts.match(new RegExp(`<${tag}>([^<]+)</${tag}>`))?.[1] ?? '';
    const secrets = {
      AccessKeyId: grab('AccessKeyId'),
      SecretAccessKey: grab('SecretAccessKey'),
      SessionToken: grab('SessionToken'),
    };
    for (const [k, v] of Object.entries(secrets)) assert.ok(v.length >= 16, `${k} read from the STS answer`);
    // Every EC2 call was signed with the assumed key, not with anything ambient (there is none).
    const signed = proxy.authorizations.filter((a) => a.includes('/ec2/'));
    assert.ok(signed.length > 10 && signed.every((a) => a.includes(`Credential=${secrets.AccessKeyId}/`)));
    const all = r.stdout + r.stderr;
    for (const secret of [JWT, REQUEST_TOKEN, ...Object.values(secrets)])
      assert.ok(!all.includes(secret), `a secret reached the output: ${secret.slice(0, 6)}…`);
    assert.equal(
      (await aws('destroy', 'oidc', proxy.endpoint, out, ['--role-to-assume', ROLE], env)).code,
      0,
    );
  });

  it('without id-token permission the error says what to set, with exit 2 and no stack', async () => {
    const r = await aws('plan', 'oidc', proxy.endpoint, out, ['--role-to-assume', ROLE], cleanEnv());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /id-token: write/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('a role name instead of an ARN is a usage error', async () => {
    const env = cleanEnv({
      ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    });
    const r = await aws('plan', 'oidc', proxy.endpoint, out, ['--role-to-assume', 'stackgate-ci'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /full arn:aws:iam::<account-id>:role\/<name>/);
  });
});
