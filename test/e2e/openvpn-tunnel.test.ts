// The OpenVPN host for real, in containers (issue 9, REFERENCE §8.5). A server container runs the exact
// user data that apply sends to EC2 (gzip+base64 from the real generator and a real PKI, decoded in the
// container as cloud-init does); only the package-manager and service-manager lines meet stubs. Clients
// connect with the generated profile and reach, through the tunnel, a destination on a dual-stack network
// that only the server joins (2001:db8::/32 stands in for the internet).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { encodeUserData } from '../../src/aws/apply.js';
import { DEFAULTS, desiredEnvironment } from '../../src/aws/desired.js';
import { type OpenvpnBundle, prepareOpenvpn, settingsFor } from '../../src/aws/openvpn/bundle.js';
import { type OpenvpnSettings, STUB_MARK, serverConfig, TUNNEL_IPV6 } from '../../src/aws/openvpn/config.js';
import { exec } from '../../src/exec.js';
import { NGINX_IMAGE, requireImages, waitForNginx } from '../platform/docker.js';

const OPENVPN_IMAGE = process.env.OPENVPN_IMAGE ?? 'stackgate/openvpn:test';
const PREFIX = `sg-ovpn-${process.pid}-${randomBytes(3).toString('hex')}`;
const SERVER_LOG = '/var/log/openvpn-server.log';
const STUB_LOG = '/run/stackgate-stubs.log';
const READY = 'Initialization Sequence Completed';

/** The user data lines the container cannot run as on EC2; the test stubs exactly these. */
const STUBBED = [
  'shutdown -h +240',
  'apt-get update -q',
  'apt-get install -y -q openvpn iptables iproute2',
  'systemctl enable --now openvpn-server@server',
];

// Stubs on PATH ahead of the real tools; each records its command line. apt-get checks that what the
// script asks for is installed (the image satisfies it in advance); systemctl starts the ExecStart of
// the unit file that Debian's openvpn package installed, in its WorkingDirectory, as systemd would.
const STUBS: Record<string, string> = {
  shutdown: `#!/bin/sh
echo "shutdown $*" >>${STUB_LOG}`,
  'apt-get': `#!/bin/sh
echo "apt-get $*" >>${STUB_LOG}
[ "$1" = install ] || exit 0
for p in "$@"; do
  case "$p" in install | -*) continue ;; esac
  dpkg-query -W -f '\${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || { echo "not installed: $p" >&2; exit 100; }
done`,
  systemctl: `#!/bin/sh
set -eu
echo "systemctl $*" >>${STUB_LOG}
[ "$1 $2" = "enable --now" ] || exit 1
instance=\${3#openvpn-server@}
unit=/lib/systemd/system/openvpn-server@.service
cmd=$(sed -n 's/^ExecStart=//p' $unit | sed "s|%t|/run|g; s|%i|$instance|g")
mkdir -p /run/openvpn-server
cd "$(sed -n 's/^WorkingDirectory=//p' $unit)"
setsid $cmd >${SERVER_LOG} 2>&1 </dev/null &`,
};

interface Result {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], input?: string): Promise<Result> {
  return exec('docker', args, {
    reject: false,
    timeoutMs: 60_000,
    ...(input !== undefined ? { input } : {}),
  });
}

async function must(args: string[], input?: string): Promise<string> {
  const r = await run(args, input);
  if (r.exitCode !== 0)
    throw new Error(`docker ${args.join(' ')} failed (${r.exitCode}): ${r.stderr.trim()}`);
  return r.stdout;
}

const sh = (container: string, script: string, input?: string) =>
  run(['exec', ...(input !== undefined ? ['-i'] : []), container, 'sh', '-c', script], input);
const mustSh = (container: string, script: string, input?: string) =>
  must(['exec', ...(input !== undefined ? ['-i'] : []), container, 'sh', '-c', script], input);

/** Polls `probe` until it returns a value or the deadline passes (then fails with `what`). */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const readFileIn = async (container: string, file: string) =>
  (await sh(container, `cat ${file} 2>/dev/null`)).stdout;

/** Waits until `file` in `container` has a line (after line `from`) that contains `needle`. */
function waitForLine(container: string, file: string, needle: string, from = 0): Promise<string> {
  return waitFor(`"${needle}" in ${container}:${file}`, async () =>
    (await readFileIn(container, file))
      .split('\n')
      .slice(from)
      .find((l) => l.includes(needle)),
  );
}

const lineCount = async (container: string, file: string) =>
  (await readFileIn(container, file)).split('\n').length - 1;

interface Net {
  name: string;
  gateway4: string;
  gateway6: string;
}

/** A dual-stack bridge network with a random 2001:db8:xxxx::/64 (retried if another test holds it). */
async function createNetwork(label: string): Promise<Net> {
  const name = `${PREFIX}-${label}`;
  for (let attempt = 0; ; attempt++) {
    const hextet = (0x1000 + Math.floor(Math.random() * 0xefff)).toString(16);
    const subnet = `2001:db8:${hextet}::/64`;
    const r = await run([
      'network',
      'create',
      '--ipv6',
      '--subnet',
      subnet,
      '--gateway',
      `2001:db8:${hextet}::1`,
      name,
    ]);
    if (r.exitCode === 0) break;
    if (attempt >= 4 || !/overlap/i.test(r.stderr))
      throw new Error(`docker network create ${name}: ${r.stderr}`);
  }
  const config = JSON.parse(await must(['network', 'inspect', '-f', '{{json .IPAM.Config}}', name])) as {
    Subnet: string;
    Gateway?: string;
  }[];
  const gateway4 = config.find((c) => !c.Subnet.includes(':'))?.Gateway;
  const gateway6 = config.find((c) => c.Subnet.includes(':'))?.Gateway;
  assert.ok(gateway4 && gateway6, `network ${name} has both gateways: ${JSON.stringify(config)}`);
  return { name, gateway4, gateway6 };
}

async function addresses(container: string, net: string): Promise<{ v4: string; v6: string }> {
  const out = await must([
    'inspect',
    '-f',
    `{{with index .NetworkSettings.Networks "${net}"}}{{.IPAddress}} {{.GlobalIPv6Address}}{{end}}`,
    container,
  ]);
  const [v4, v6] = out.trim().split(' ');
  assert.ok(v4 && v6, `${container} has IPv4 and IPv6 addresses on ${net}: "${out.trim()}"`);
  return { v4, v6 };
}

/** The script's command lines: not comments, blank lines, here-document bodies or loop ends. */
function commandLines(script: string): number[] {
  const lines = script.split('\n');
  const out: number[] = [];
  let heredocEnd: string | undefined;
  lines.forEach((line, i) => {
    if (heredocEnd !== undefined) {
      if (line === heredocEnd) heredocEnd = undefined;
      return;
    }
    const start = /<<'([A-Z_]+)'/.exec(line);
    if (start) heredocEnd = start[1];
    if (/^\s*(#|$)/.test(line) || /^\s*done\b/.test(line)) return;
    out.push(i + 1);
  });
  return out;
}

const TUN_OPTIONS = [
  '--cap-add',
  'NET_ADMIN',
  '--device',
  '/dev/net/tun',
  '--sysctl',
  'net.ipv6.conf.all.disable_ipv6=0',
];

describe('OpenVPN host in containers: the generated user data and client profile', () => {
  const server = `${PREFIX}-server`;
  const client = `${PREFIX}-client`;
  const dest = `${PREFIX}-dest`;
  const containers = [server, client, dest];
  const networks: string[] = [];
  let dir = '';
  let bundle: OpenvpnBundle;
  let settings: OpenvpnSettings;
  let script = '';
  let wan: Net;
  let inet: Net;
  let serverWan: { v4: string; v6: string };
  let serverInet: { v4: string; v6: string };
  let destInet: { v4: string; v6: string };
  let clientWan: { v4: string; v6: string };
  let inetIface = '';
  let profile = '';

  const destUrl6 = () => `http://[${destInet.v6}]/`;
  const destUrl4 = () => `http://${destInet.v4}/`;

  /** Starts an openvpn client in the client container with `text` as its profile. */
  async function connect(name: string, text: string, extra: string[] = []): Promise<void> {
    await mustSh(client, `cat > /root/${name}.ovpn`, text);
    await mustSh(
      client,
      `openvpn --config /root/${name}.ovpn --daemon ${name} --writepid /run/${name}.pid --log /root/${name}.log ${extra.join(' ')}`,
    );
  }

  /** Stops that client (the pid it wrote) and waits until it has exited. */
  async function disconnect(name: string): Promise<void> {
    await mustSh(
      client,
      `p=$(cat /run/${name}.pid 2>/dev/null) || exit 0; kill "$p" 2>/dev/null || exit 0; ` +
        'while kill -0 "$p" 2>/dev/null; do sleep 0.05; done',
    );
  }

  const curl = (url: string, timeoutS = 5) =>
    sh(client, `curl -sS --connect-timeout ${timeoutS} --max-time ${timeoutS + 2} '${url}'`);

  before(async () => {
    await requireImages([OPENVPN_IMAGE, NGINX_IMAGE]);
    dir = mkdtempSync(join(tmpdir(), 'sg-ovpn-'));
    const desired = desiredEnvironment({
      name: 'ovpn-proof',
      region: 'us-east-1',
      amiParameter: DEFAULTS.amiParameter,
      instanceType: DEFAULTS.instanceType,
      sshCidrs: [],
      vpnCidrs: [],
      openvpnPort: DEFAULTS.openvpnPort,
      openvpnProtocol: DEFAULTS.openvpnProtocol,
      ipv6Egress: DEFAULTS.ipv6Egress,
      ttlHours: 4,
    });
    bundle = await prepareOpenvpn(desired, dir, 240);
    settings = settingsFor(desired, 240);
    const encoded = encodeUserData(bundle.userData, bundle.gzip);
    script = gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8');
    assert.equal(script, bundle.userData);

    // "wan" carries the clients' transport; "inet" (the stand-in internet) is joined only by the server
    // and the destination, so a client reaches the destination only through the tunnel.
    wan = await createNetwork('wan');
    networks.push(wan.name);
    inet = await createNetwork('inet');
    networks.push(inet.name);

    // systempaths=unconfined: /proc/sys is writable, so the user data's own sysctl lines run (they set
    // only net.* keys, which belong to the container's network namespace).
    await must([
      'create',
      '--name',
      server,
      '--init',
      ...TUN_OPTIONS,
      '--security-opt',
      'systempaths=unconfined',
      '--network',
      wan.name,
      OPENVPN_IMAGE,
    ]);
    await must(['network', 'connect', inet.name, server]);
    await must([
      'create',
      '--name',
      dest,
      '--network',
      inet.name,
      '--sysctl',
      'net.ipv6.conf.all.disable_ipv6=0',
      NGINX_IMAGE,
    ]);
    // The destination answers with the address it saw: the proof of NAT66 / NAT44.
    const conf = join(dir, 'dest.conf');
    writeFileSync(
      conf,
      'server {\n  listen 80;\n  listen [::]:80;\n  default_type text/plain;\n' +
        '  location / { return 200 "seen-from $remote_addr\\n"; }\n}\n',
    );
    await must(['cp', conf, `${dest}:/etc/nginx/conf.d/default.conf`]);
    await must(['create', '--name', client, '--init', ...TUN_OPTIONS, '--network', wan.name, OPENVPN_IMAGE]);
    await must(['start', server, dest, client]);
    assert.equal((await waitForNginx(dest)).state, 'started');
    serverWan = await addresses(server, wan.name);
    serverInet = await addresses(server, inet.name);
    destInet = await addresses(dest, inet.name);
    clientWan = await addresses(client, wan.name);

    // As on EC2: the default routes lead to the internet, and forwarding starts off (Docker turns IPv4
    // forwarding on in containers), so the user data's sysctl lines are what turns it on.
    await mustSh(
      server,
      `ip route replace default via ${inet.gateway4} && ip -6 route replace default via ${inet.gateway6} && ` +
        'sysctl -qw net.ipv4.ip_forward=0 net.ipv6.conf.all.forwarding=0',
    );
    inetIface = (await mustSh(server, `ip -o -6 addr show to ${serverInet.v6} | cut -d' ' -f2`)).trim();
    assert.match(inetIface, /^eth\d+$/);
    for (const [command, body] of Object.entries(STUBS))
      await mustSh(
        server,
        `cat > /usr/local/sbin/${command} && chmod 0755 /usr/local/sbin/${command}`,
        `${body}\n`,
      );

    // Decoded in the container, as cloud-init does; BASH_ENV only numbers the xtrace lines.
    await mustSh(server, 'base64 -d | gunzip > /root/user-data && chmod 0700 /root/user-data', encoded);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash expands it (the traced line's number)
    await mustSh(server, 'cat > /root/trace-env', "PS4='+SG:${LINENO}: '\n");
    const ran = await sh(server, 'BASH_ENV=/root/trace-env bash -x /root/user-data 2>/root/user-data.trace');
    assert.equal(ran.exitCode, 0, `user data failed: ${await readFileIn(server, '/root/user-data.trace')}`);
    await waitForLine(server, SERVER_LOG, READY);
    profile = readFileSync(await bundle.writeClientProfile([serverWan.v4, serverWan.v6]), 'utf8');
  });

  after(async () => {
    for (const c of containers) await run(['rm', '-f', '--volumes', c]);
    for (const n of networks) await run(['network', 'rm', n]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs every line of the user data; only the package and service manager lines meet stubs', async () => {
    const marked = script
      .split('\n')
      .filter((l) => l.endsWith(` ${STUB_MARK}`))
      .map((l) => l.slice(0, -STUB_MARK.length - 1));
    assert.deepEqual(marked, STUBBED);
    assert.deepEqual((await readFileIn(server, STUB_LOG)).trimEnd().split('\n'), STUBBED);

    const traced = new Set(
      (await readFileIn(server, '/root/user-data.trace'))
        .split('\n')
        .map((l) => /^\+SG:(\d+): /.exec(l)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number),
    );
    const expected = commandLines(script);
    assert.ok(expected.length >= 20, `the script has its command lines: ${expected.length}`);
    assert.deepEqual(
      expected.filter((n) => !traced.has(n)),
      [],
      'every command line of the user data ran',
    );
    // The files it wrote are the ones it carries.
    assert.equal(await readFileIn(server, '/etc/openvpn/server/server.conf'), `${serverConfig(settings)}\n`);
  });

  it('sets forwarding for IPv4 and IPv6 with accept_ra=2, NAT44 and NAT66 out of the internet interface', async () => {
    const sysctls = await mustSh(
      server,
      `sysctl -n net.ipv4.ip_forward net.ipv6.conf.all.forwarding net.ipv6.conf.all.accept_ra net.ipv6.conf.${inetIface}.accept_ra`,
    );
    assert.deepEqual(sysctls.trim().split('\n'), ['1', '1', '2', '2']);
    assert.match(
      await mustSh(server, 'ip6tables -t nat -S POSTROUTING'),
      new RegExp(`-A POSTROUTING -s ${TUNNEL_IPV6} -o ${inetIface} -j MASQUERADE`),
    );
    assert.match(
      await mustSh(server, 'iptables -t nat -S POSTROUTING'),
      new RegExp(`-A POSTROUTING -s 10\\.8\\.0\\.0/24 -o ${inetIface} -j MASQUERADE`),
    );
  });

  it('listens dual-stack: one udp6 socket with IPV6_V6ONLY=0', async () => {
    const log = await readFileIn(server, SERVER_LOG);
    assert.match(log, /setsockopt\(IPV6_V6ONLY=0\)/);
    assert.match(log, /UDPv6 link local \(bound\): \[AF_INET6\]\[undef\]:1194/);
    const sockets = (await mustSh(server, "ss -Hnlu 'sport = :1194'")).trim().split('\n');
    assert.equal(sockets.length, 1, sockets.join('\n'));
    assert.match(sockets[0] ?? '', /\s(\*|\[::\]):1194\s/);
  });

  it('a client over IPv4 reaches the IPv6 destination (NAT66) and an IPv4 one (NAT44) through the tunnel', async () => {
    assert.match(profile, new RegExp(`^remote ${serverWan.v4} 1194$`, 'm'));
    // The profile routes IPv6 (2000::/3) only; the one IPv4 destination is routed into the tunnel on
    // the command line, to prove the IPv4 pool's NAT44.
    await connect('v4', profile, ['--route', destInet.v4, '255.255.255.255']);
    await waitForLine(client, '/root/v4.log', READY);
    const clientLog = await readFileIn(client, '/root/v4.log');
    assert.match(
      clientLog,
      new RegExp(`UDPv4 link remote: \\[AF_INET\\]${serverWan.v4.replace(/\./g, '\\.')}:1194`),
    );
    assert.match(clientLog, /Data Channel: cipher 'AES-256-GCM'/);
    assert.match(clientLog, /Control Channel: TLSv1\.[23]/);
    assert.match(clientLog, /net_addr_v6_add: fd42:42:42:42::\d+\/112 dev tun0/);
    assert.match(await mustSh(client, `ip -6 route get ${destInet.v6}`), /dev tun0/);

    const v6 = await curl(destUrl6());
    assert.equal(v6.exitCode, 0, v6.stderr);
    assert.equal(v6.stdout.trim(), `seen-from ${serverInet.v6}`);
    const v4 = await curl(destUrl4());
    assert.equal(v4.exitCode, 0, v4.stderr);
    assert.equal(v4.stdout.trim(), `seen-from ${serverInet.v4}`);
  });

  it('without NAT66 the IPv6 destination is not reached; the up script restores it', async () => {
    await mustSh(server, `ip6tables -t nat -D POSTROUTING -s ${TUNNEL_IPV6} -o ${inetIface} -j MASQUERADE`);
    const without = await curl(destUrl6(), 2);
    assert.notEqual(without.exitCode, 0, `reached without NAT66: ${without.stdout}`);
    await mustSh(server, '/etc/openvpn/server/stackgate-nat.sh');
    const again = await curl(destUrl6());
    assert.equal(again.stdout.trim(), `seen-from ${serverInet.v6}`);
    await disconnect('v4');
  });

  it('a client over IPv6 transport connects and reaches the IPv6 destination', async () => {
    const text = readFileSync(await bundle.writeClientProfile([serverWan.v6]), 'utf8');
    assert.match(text, new RegExp(`^remote ${serverWan.v6} 1194$`, 'm'));
    const from = await lineCount(server, SERVER_LOG);
    await connect('v6', text);
    await waitForLine(client, '/root/v6.log', READY);
    assert.match(
      await readFileIn(client, '/root/v6.log'),
      new RegExp(`UDPv6 link remote: \\[AF_INET6\\]${serverWan.v6}:1194`),
    );
    await waitForLine(server, SERVER_LOG, `Peer Connection Initiated with [AF_INET6]${clientWan.v6}:`, from);
    const v6 = await curl(destUrl6());
    assert.equal(v6.stdout.trim(), `seen-from ${serverInet.v6}`, v6.stderr);
    await disconnect('v6');
  });

  it('refuses a client with a wrong tls-crypt key', async () => {
    const key = `-----BEGIN OpenVPN Static key V1-----\n${randomBytes(256).toString('hex').match(/.{32}/g)?.join('\n')}\n-----END OpenVPN Static key V1-----`;
    const wrong = profile.replace(
      /<tls-crypt>\n[\s\S]*?\n<\/tls-crypt>/,
      `<tls-crypt>\n${key}\n</tls-crypt>`,
    );
    assert.notEqual(wrong, profile);
    assert.ok(wrong.includes(key));
    const from = await lineCount(server, SERVER_LOG);
    await connect('badkey', wrong);
    await waitForLine(
      server,
      SERVER_LOG,
      `tls-crypt unwrapping failed from [AF_INET6]::ffff:${clientWan.v4}:`,
      from,
    );
    const log = await readFileIn(client, '/root/badkey.log');
    assert.match(log, /UDPv4 link remote/, 'the client did try');
    assert.doesNotMatch(log, /Peer Connection Initiated|Initialization Sequence Completed/);
    await disconnect('badkey');
  });

  it('refuses a client that offers only AES-128-GCM', async () => {
    const lines = profile.split('\n');
    assert.equal(lines.filter((l) => l === 'data-ciphers AES-256-GCM').length, 1);
    const weak = lines
      .map((l) => (l === 'data-ciphers AES-256-GCM' ? 'data-ciphers AES-128-GCM' : l))
      .join('\n');
    const from = await lineCount(server, SERVER_LOG);
    await connect('aes128', weak);
    await waitForLine(client, '/root/aes128.log', 'AUTH_FAILED');
    await waitForLine(server, SERVER_LOG, 'No common cipher between server and client', from);
    assert.doesNotMatch(await readFileIn(client, '/root/aes128.log'), new RegExp(READY));
    await disconnect('aes128');
  });
});
