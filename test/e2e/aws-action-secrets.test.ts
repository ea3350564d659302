// The aws sub-action's own bundle, run as the runner runs it (INPUT_* env, GITHUB_* files, commands on
// stdout: REFERENCE.md §8.1): the client profile's secrets are masked (::add-mask::) before any step
// could print them, and no byte of the profile's secret blocks reaches the output.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AMI_PARAMETER,
  type Moto,
  REGION,
  seedAmiParameter,
  startMoto,
  TEST_CREDENTIALS,
} from './aws-moto.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const entry = path.join(repo, 'dist/aws/index.js');

let moto: Moto;
let dir: string;
before(async () => {
  moto = await startMoto();
  await seedAmiParameter(moto.endpoint);
  dir = mkdtempSync(path.join(tmpdir(), 'sg-actions-aws-secrets-'));
});
after(async () => {
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function runEntry(inputs: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const f = path.join(dir, k.toLowerCase());
      writeFileSync(f, '');
      return [k, f];
    }),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    RUNNER_TEMP: dir,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    ...files,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout }));
  });
}

/** The values the command stream masked, in order, unescaped as the runner reads them. */
function masked(stdout: string): string[] {
  return [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) =>
    m[1]!.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%'),
  );
}

const inputs = {
  name: 'sg-actions-secrets',
  region: REGION,
  endpoint: '',
  'ami-parameter': AMI_PARAMETER,
};

test('apply masks every line of the private key and the tls-crypt key before it creates the instance', async () => {
  const r = await runEntry({ ...inputs, action: 'apply', endpoint: moto.endpoint });
  assert.equal(r.code, 0, r.stdout);
  const outputs = readFileSync(path.join(dir, 'github_output'), 'utf8');
  const profilePath = /client-config-path<<(\S+)\n(.+)\n/.exec(outputs)?.[2] ?? '';
  assert.match(profilePath, /sg-actions-secrets\.ovpn$/, outputs);
  const profile = readFileSync(profilePath, 'utf8');
  // The secrets, read here from the profile itself (not by the code under test): the client's private
  // key, which must parse as one, and the tls-crypt static key; every base64 or hex line of each.
  const block = (tag: string) => new RegExp(`<${tag}>\n([\\s\\S]*?)\n</${tag}>`).exec(profile)?.[1] ?? '';
  const key = block('key');
  const tlsCrypt = block('tls-crypt');
  assert.equal(createPrivateKey(key).type, 'private');
  const keyLines = key.split('\n').filter((l) => /^[A-Za-z0-9+/=]{16,}$/.test(l));
  const staticKeyLines = tlsCrypt.split('\n').filter((l) => /^[0-9a-f]{32}$/.test(l));
  assert.ok(keyLines.length >= 3, `${keyLines.length} private key lines`);
  assert.equal(staticKeyLines.length, 16, 'an OpenVPN static key is 16 lines of 32 hex digits');
  const secrets = [...keyLines, ...staticKeyLines];
  const maskedValues = masked(r.stdout);
  for (const s of secrets) assert.ok(maskedValues.includes(s), `not masked: ${s.slice(0, 6)}…`);
  // Masked before anything about the instance (the step that puts the server key on the wire) was logged.
  const lastMask = r.stdout.lastIndexOf('::add-mask::');
  const created = r.stdout.indexOf('aws: created instance');
  assert.ok(created > 0, r.stdout.slice(0, 2000));
  assert.ok(lastMask < created, 'a mask came after the instance was created');
  // The profile's secret text is nowhere in the output except inside the mask commands themselves.
  const printed = r.stdout.replace(/^::add-mask::.*$/gm, '');
  for (const s of secrets) assert.ok(!printed.includes(s), `printed: ${s.slice(0, 6)}…`);
  assert.ok(!printed.includes(profile.trim()));

  // A second apply finds the instance: the profile it reports is the earlier one, masked again.
  const again = await runEntry({ ...inputs, action: 'apply', endpoint: moto.endpoint });
  assert.equal(again.code, 0, again.stdout);
  const againMasked = masked(again.stdout);
  for (const s of secrets) assert.ok(againMasked.includes(s), `not masked on re-apply: ${s.slice(0, 6)}…`);
  const destroy = await runEntry({ ...inputs, action: 'destroy', endpoint: moto.endpoint });
  assert.equal(destroy.code, 0, destroy.stdout);
});
