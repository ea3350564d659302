// The pure parts: IPv6 arithmetic, the desired graph's refusals, the plan diff, OpenVPN PKI and user data.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { AwsFailure, encodeUserData } from '../../../src/aws/apply.js';
import { DEFAULTS, desiredEnvironment, type EnvOptions, USER_DATA_LIMIT } from '../../../src/aws/desired.js';
import { emptyActual, isOwned } from '../../../src/aws/discover.js';
import { formatIpv6, ipv6CidrContains, parseIpv6, subnetOf } from '../../../src/aws/ipv6.js';
import { clientProfile, serverConfig, userDataScript } from '../../../src/aws/openvpn/config.js';
import { createPki } from '../../../src/aws/openvpn/pki.js';
import { plan, renderPlanTable } from '../../../src/aws/plan.js';
import { UsageError } from '../../../src/core/errors.js';
import { awsActionOptionName } from '../../../src/inputs.js';

// lib/test/unit/aws → the repository.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

const base: EnvOptions = {
  name: 'pure',
  region: 'us-east-1',
  amiParameter: DEFAULTS.amiParameter,
  instanceType: 't3.micro',
  sshCidrs: [],
  vpnCidrs: [],
  openvpnPort: 1194,
  openvpnProtocol: 'udp',
  ipv6Egress: 'egress-only',
  ttlHours: 4,
};

describe('ipv6 arithmetic', () => {
  it('takes the /64s inside a /56 and formats them per RFC 5952', () => {
    assert.equal(subnetOf('2600:1f18:aaaa:bb00::/56', 64, 0), '2600:1f18:aaaa:bb00::/64');
    assert.equal(subnetOf('2600:1f18:aaaa:bb00::/56', 64, 255), '2600:1f18:aaaa:bbff::/64');
    assert.throws(() => subnetOf('2600:1f18:aaaa:bb00::/56', 64, 256), /outside/);
    assert.equal(formatIpv6(parseIpv6('2001:0db8:0000:0000:0001:0000:0000:0001')), '2001:db8::1:0:0:1');
    assert.equal(formatIpv6(0n), '::');
    assert.ok(ipv6CidrContains('2600:1f18:aaaa:bb00::/56', '2600:1f18:aaaa:bb42::/64'));
    assert.ok(!ipv6CidrContains('2600:1f18:aaaa:bb00::/56', '2600:1f18:aaaa:bc00::/64'));
    assert.throws(() => parseIpv6('1:2:3'), /not an IPv6/);
  });
});

describe('desired graph', () => {
  it('defaults: OpenVPN from anywhere on v4 and v6, no SSH, ::/0 to the egress-only gateway', () => {
    const d = desiredEnvironment(base);
    assert.deepEqual(
      d.ingress.map((r) => `${r.protocol}/${r.fromPort}/${r.cidr}`),
      ['udp/1194/0.0.0.0/0', 'udp/1194/::/0'],
    );
    assert.deepEqual(d.routes, [
      { destination: '0.0.0.0/0', target: 'internet-gateway' },
      { destination: '::/0', target: 'egress-only-internet-gateway' },
    ]);
    assert.ok(d.egress.some((r) => r.cidr === '::/0'));
    assert.deepEqual(d.ami, { parameter: '/aws/service/debian/release/12/latest/amd64' });
  });
  it('refuses SSH from anywhere unless forced, and bad names, CIDRs and ports', () => {
    for (const cidr of ['0.0.0.0/0', '::/0'])
      assert.throws(
        () => desiredEnvironment({ ...base, sshCidrs: [cidr] }),
        (e: unknown) => e instanceof UsageError && /whole internet/.test((e as Error).message),
      );
    assert.equal(
      desiredEnvironment({ ...base, sshCidrs: ['::/0'], allowSshFromAnywhere: true }).ingress.length,
      3,
    );
    assert.throws(() => desiredEnvironment({ ...base, name: 'Bad_Name' }), /--name/);
    assert.throws(() => desiredEnvironment({ ...base, vpnCidrs: ['10.0.0.0/33'] }), /--vpn-cidr/);
    assert.throws(() => desiredEnvironment({ ...base, openvpnPort: 70000 }), /--openvpn-port/);
    assert.throws(() => desiredEnvironment({ ...base, ami: 'ubuntu' }), /--ami/);
    assert.throws(
      () => desiredEnvironment({ ...base, sshCidrs: ['0.0.0.0/0'] }),
      /or add --allow-ssh-from-anywhere if you really mean it/,
    );
  });
  it("names the aws action's inputs when the action asks, and offers no option the action lacks", () => {
    const inputs = Object.keys(
      (parseYaml(readFileSync(join(repoRoot, 'aws/action.yml'), 'utf8')) as { inputs: object }).inputs,
    );
    const action = { ...base, optionNamed: awsActionOptionName };
    const message = (o: Partial<EnvOptions>) => {
      try {
        desiredEnvironment({ ...action, ...o });
      } catch (e) {
        return (e as Error).message;
      }
      return assert.fail('accepted');
    };
    const cases: [Partial<EnvOptions>, string][] = [
      [{ name: 'Bad_Name' }, 'name'],
      [{ vpnCidrs: ['10.0.0.0/33'] }, 'vpn-cidr'],
      [{ openvpnPort: 70000 }, 'openvpn-port'],
      [{ ttlHours: 0 }, 'ttl-hours'],
      [{ instanceType: 'big' }, 'instance-type'],
      [{ ami: 'ubuntu' }, 'ami'],
      [{ amiParameter: 'x' }, 'ami-parameter'],
      [{ sshCidrs: ['::/0'] }, 'ssh-cidr'],
    ];
    for (const [o, input] of cases) {
      // Each message starts with an input the action really has.
      assert.ok(inputs.includes(input), `aws/action.yml has no input ${input}`);
      const text = message(o);
      assert.ok(text.startsWith(`${input} `), text);
      assert.doesNotMatch(text, /--/);
    }
    assert.ok(!inputs.includes('allow-ssh-from-anywhere'));
    assert.doesNotMatch(message({ sshCidrs: ['::/0'] }), /allow-ssh-from-anywhere/);
  });
});

describe('plan', () => {
  it('an empty account plans a create of everything, with drift', () => {
    const p = plan(desiredEnvironment(base), emptyActual());
    assert.ok(p.drift);
    assert.ok(p.changes.every((c) => c.action === 'create' && c.id === null));
    assert.deepEqual(
      p.changes.map((c) => c.type),
      [
        'vpc',
        'subnet',
        'internet-gateway',
        'egress-only-internet-gateway',
        'route-table',
        'route',
        'route',
        'route-table-association',
        'security-group',
        'instance',
      ],
    );
    assert.match(renderPlanTable(p.changes), /^ACTION\s+TYPE\s+ID\s+DETAIL\ncreate\s+vpc\s+\(new\)/);
  });
  it('owned resources outside the desired VPC are deletes; ownership needs both tags', () => {
    const tags = [
      { Key: 'stackgate:environment', Value: 'pure' },
      { Key: 'stackgate:managed-by', Value: 'stackgate' },
    ];
    const a = emptyActual();
    a.vpcs.push(
      { VpcId: 'vpc-1', CidrBlock: '10.77.0.0/16', Tags: tags },
      { VpcId: 'vpc-2', CidrBlock: '10.77.0.0/16', Tags: tags },
    );
    a.egressOnlyInternetGateways.push({
      EgressOnlyInternetGatewayId: 'eigw-9',
      Attachments: [{ VpcId: 'vpc-gone' }],
      Tags: tags,
    });
    const p = plan(desiredEnvironment(base), a);
    assert.deepEqual(
      p.changes.filter((c) => c.action === 'delete').map((c) => c.id),
      ['eigw-9', 'vpc-2'],
    );
    assert.ok(isOwned(tags, 'pure'));
    assert.ok(!isOwned([tags[0]!], 'pure'), 'the environment tag alone is not ownership');
    assert.ok(!isOwned(tags, 'other'));
  });
});

describe('openvpn', () => {
  it('makes an EC P-256 PKI whose certificates verify with the right purposes', async () => {
    const pki = await createPki('pure');
    const dir = mkdtempSync(join(tmpdir(), 'sg-aws-pki-'));
    try {
      for (const [f, text] of Object.entries({
        'ca.crt': pki.caCert,
        'server.crt': pki.serverCert,
        'client.crt': pki.clientCert,
      }))
        writeFileSync(join(dir, f), text);
      const verify = (cert: string, purpose: string) =>
        execFileSync('openssl', ['verify', '-CAfile', 'ca.crt', '-purpose', purpose, cert], {
          cwd: dir,
        }).toString();
      assert.match(verify('server.crt', 'sslserver'), /OK/);
      assert.match(verify('client.crt', 'sslclient'), /OK/);
      assert.throws(
        () => verify('client.crt', 'sslserver'),
        'a client certificate is not a server certificate',
      );
      const text = execFileSync('openssl', ['x509', '-in', 'ca.crt', '-noout', '-text'], {
        cwd: dir,
      }).toString();
      assert.match(text, /prime256v1|P-256/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.match(
      pki.tlsCryptKey,
      /^-----BEGIN OpenVPN Static key V1-----\n([0-9a-f]{32}\n){16}-----END OpenVPN Static key V1-----\n$/,
    );
  });

  it('user data: udp6, AES-256-GCM, TLS 1.2, tls-crypt, both pools, NAT66, accept_ra=2, and fits in 16 KB', async () => {
    const pki = await createPki('pure');
    const s = { env: 'pure', port: 1194, protocol: 'udp' as const, shutdownAfterMinutes: 240 };
    const conf = serverConfig(s);
    for (const line of [
      'proto udp6',
      'data-ciphers AES-256-GCM',
      'tls-version-min 1.2',
      'tls-crypt /etc/openvpn/server/tls-crypt.key',
      'server 10.8.0.0 255.255.255.0',
      'server-ipv6 fd42:42:42:42::/112',
      'push "route-ipv6 2000::/3"',
      'push "dhcp-option DNS6 2620:fe::fe"',
    ])
      assert.ok(conf.split('\n').includes(line), line);
    const script = userDataScript(s, pki);
    assert.match(script, /apt-get install -y -q openvpn/);
    assert.match(script, /ip6tables -t nat -A POSTROUTING -s fd42:42:42:42::\/112/);
    assert.match(script, /accept_ra = 2/);
    assert.match(script, /net.ipv6.conf.all.forwarding = 1/);
    assert.match(script, /shutdown -h \+240/);
    execFileSync('bash', ['-n'], { input: script });
    const encoded = encodeUserData(script, gzipSync);
    assert.ok(encoded.length < USER_DATA_LIMIT, `${encoded.length} bytes`);
    const profile = clientProfile(s, pki, ['198.51.100.7', '2001:db8::7']);
    assert.match(profile, /remote 198\.51\.100\.7 1194\nremote 2001:db8::7 1194/);
    assert.match(profile, /<tls-crypt>\n-----BEGIN OpenVPN Static key V1-----/);
  });

  it('refuses user data over 16 KB before any call', () => {
    assert.throws(
      () => encodeUserData('x', () => Buffer.alloc(13_000, 1)),
      (e: unknown) => e instanceof AwsFailure && /over EC2's 16384-byte limit/.test((e as Error).message),
    );
  });
});
