import type { Pki } from './pki.js';

export interface OpenvpnSettings {
  env: string;
  port: number;
  protocol: 'udp' | 'tcp';
  /** Shut the host down (and so terminate it) after this many minutes: the backstop against leaks. */
  shutdownAfterMinutes: number;
  ipv4Pool?: { network: string; netmask: string; cidr: string };
  ipv6Pool?: string;
  dns?: string[];
}

export const TUNNEL_IPV4 = { network: '10.8.0.0', netmask: '255.255.255.0', cidr: '10.8.0.0/24' };
export const TUNNEL_IPV6 = 'fd42:42:42:42::/112';
export const PUSHED_DNS = ['2620:fe::fe', '9.9.9.9'];
/** Marks the lines a container test may satisfy in advance (package install, service manager). */
export const STUB_MARK = '# stackgate:host-only';

const heredoc = (file: string, body: string, mode = '0600') =>
  `install -m ${mode} /dev/null ${file}\ncat > ${file} <<'STACKGATE_EOF'\n${body.trimEnd()}\nSTACKGATE_EOF`;

export function serverConfig(s: OpenvpnSettings): string {
  const v4 = s.ipv4Pool ?? TUNNEL_IPV4;
  const v6 = s.ipv6Pool ?? TUNNEL_IPV6;
  return [
    `# stackgate OpenVPN server for environment ${s.env}`,
    `port ${s.port}`,
    // udp6/tcp6 bind dual-stack; plain "udp" binds IPv4 only (REFERENCE §8.5).
    `proto ${s.protocol}6`,
    'dev tun',
    'topology subnet',
    'ca /etc/openvpn/server/ca.crt',
    'cert /etc/openvpn/server/server.crt',
    'key /etc/openvpn/server/server.key',
    'dh none',
    'tls-crypt /etc/openvpn/server/tls-crypt.key',
    'tls-version-min 1.2',
    'data-ciphers AES-256-GCM',
    'remote-cert-tls client',
    `server ${v4.network} ${v4.netmask}`,
    `server-ipv6 ${v6}`,
    'push "route-ipv6 2000::/3"',
    ...(s.dns ?? PUSHED_DNS).map((d) => `push "dhcp-option DNS${d.includes(':') ? '6' : ''} ${d}"`),
    'keepalive 10 60',
    'persist-key',
    'persist-tun',
    'user nobody',
    'group nogroup',
    // NAT is (re)applied by the up script, so it survives a restart of the service.
    'script-security 2',
    'up /etc/openvpn/server/stackgate-nat.sh',
    'verb 3',
  ].join('\n');
}

export function natScript(s: OpenvpnSettings): string {
  const v4 = s.ipv4Pool ?? TUNNEL_IPV4;
  const v6 = s.ipv6Pool ?? TUNNEL_IPV6;
  return `#!/bin/sh
# NAT44 and NAT66 for the tunnel pools out of the interfaces that carry the default routes.
set -eu
IF4=$(ip -4 route get 192.0.2.1 | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p' | head -n1)
IF6=$(ip -6 route get 2600:: | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p' | head -n1)
iptables -t nat -C POSTROUTING -s ${v4.cidr} -o "$IF4" -j MASQUERADE 2>/dev/null ||
  iptables -t nat -A POSTROUTING -s ${v4.cidr} -o "$IF4" -j MASQUERADE
ip6tables -t nat -C POSTROUTING -s ${v6} -o "$IF6" -j MASQUERADE 2>/dev/null ||
  ip6tables -t nat -A POSTROUTING -s ${v6} -o "$IF6" -j MASQUERADE
`;
}

/** The host's whole setup as one shell script: this is the user data, before gzip+base64. */
export function userDataScript(s: OpenvpnSettings, pki: Pki): string {
  return `#!/bin/bash
# stackgate: OpenVPN host for environment ${s.env} (generated; lines ending "${STUB_MARK}" touch only the host's
# package manager and service manager).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
shutdown -h +${s.shutdownAfterMinutes} ${STUB_MARK}
apt-get update -q ${STUB_MARK}
apt-get install -y -q openvpn iptables iproute2 ${STUB_MARK}
install -d -m 0700 /etc/openvpn/server
${heredoc('/etc/openvpn/server/ca.crt', pki.caCert, '0644')}
${heredoc('/etc/openvpn/server/server.crt', pki.serverCert, '0644')}
${heredoc('/etc/openvpn/server/server.key', pki.serverKey)}
${heredoc('/etc/openvpn/server/tls-crypt.key', pki.tlsCryptKey)}
${heredoc('/etc/openvpn/server/stackgate-nat.sh', natScript(s), '0700')}
${heredoc('/etc/openvpn/server/server.conf', serverConfig(s), '0644')}
# Forwarding drops the RA-learned IPv6 default route unless accept_ra=2 (REFERENCE §7.5); set it first,
# on every interface that has a default route now.
for i in $(ip -6 route show default | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p') all default; do
  echo "net.ipv6.conf.$i.accept_ra = 2"
done > /etc/sysctl.d/98-stackgate-accept-ra.conf
cat > /etc/sysctl.d/99-stackgate-forwarding.conf <<'STACKGATE_EOF'
net.ipv4.ip_forward = 1
net.ipv6.conf.all.forwarding = 1
STACKGATE_EOF
sysctl -q -p /etc/sysctl.d/98-stackgate-accept-ra.conf
sysctl -q -p /etc/sysctl.d/99-stackgate-forwarding.conf
systemctl enable --now openvpn-server@server ${STUB_MARK}
`;
}

/** The client profile (.ovpn), everything inline. Secret: written to a 0600 file, never logged. */
export function clientProfile(s: OpenvpnSettings, pki: Pki, remotes: string[]): string {
  return (
    [
      `# stackgate OpenVPN client for environment ${s.env}`,
      'client',
      'dev tun',
      `proto ${s.protocol}`,
      ...remotes.map((r) => `remote ${r} ${s.port}`),
      'resolv-retry infinite',
      'nobind',
      'persist-key',
      'persist-tun',
      'remote-cert-tls server',
      'verify-x509-name server name',
      'tls-version-min 1.2',
      'data-ciphers AES-256-GCM',
      'auth-nocache',
      'verb 3',
      `<ca>\n${pki.caCert.trim()}\n</ca>`,
      `<cert>\n${pki.clientCert.trim()}\n</cert>`,
      `<key>\n${pki.clientKey.trim()}\n</key>`,
      `<tls-crypt>\n${pki.tlsCryptKey.trim()}\n</tls-crypt>`,
    ].join('\n') + '\n'
  );
}
