import path from 'node:path';
import type { Finding } from '../core/finding.js';
import { finding, type Rule } from './rule.js';

/** Host paths whose whole tree is sensitive: mounting them, or anything below them, exposes the host. */
const SENSITIVE_TREES = ['/proc', '/sys', '/dev', '/root', '/boot'];
/** Host paths that are sensitive as a whole (their sub-paths, like /etc/letsencrypt, are commonly mounted). */
const SENSITIVE_EXACT = ['/', '/etc', '/home', '/run', '/var', '/var/run', '/var/lib', '/usr'];
/** Files and directories under /etc and /home that hold credentials. */
const SENSITIVE_CREDENTIALS = [
  /^\/etc\/(shadow|gshadow|passwd|sudoers(\.d)?|ssh)(\/|$)/,
  /^\/home\/[^/]+\/?$/,
];
/**
 * Container runtime sockets, wherever they live (/var/run/docker.sock, /run/containerd/containerd.sock,
 * /run/podman/podman.sock, a rootless /run/user/1000/docker.sock): whoever reaches them controls the host.
 */
const RUNTIME_SOCKET = /\/(docker|containerd|podman)\.sock$/;

function under(parent: string, p: string): boolean {
  return p === parent || p.startsWith(`${parent}/`);
}

/** Why a host path is sensitive, or undefined. */
export function sensitiveHostPath(hostPath: string): { why: string; socket: boolean } | undefined {
  const p = path.posix.normalize(hostPath).replace(/(.)\/$/, '$1');
  if (RUNTIME_SOCKET.test(p))
    return {
      why: 'the container runtime socket: a process in the proxy can start privileged containers and take over the host',
      socket: true,
    };
  for (const t of SENSITIVE_TREES)
    if (under(t, p)) return { why: `${t} belongs to the host kernel or its administrator`, socket: false };
  if (SENSITIVE_EXACT.includes(p)) return { why: `${p} is a whole host system directory`, socket: false };
  if (SENSITIVE_CREDENTIALS.some((re) => re.test(p)))
    return { why: `${p} holds host accounts or credentials`, socket: false };
  return undefined;
}

/**
 * A bind mount of a sensitive host path into the internet-facing proxy. A compromised or
 * misconfigured nginx (an alias traversal, an autoindex) then serves or leaks the host itself.
 */
export const proxyMountsHostPath: Rule = {
  id: 'proxy-mounts-host-path',
  severity: 'warning',
  title: 'The proxy mounts a sensitive host path (/, /etc, /proc, the docker socket, …)',
  check(view) {
    const out: Finding[] = [];
    const proxy = view.proxy;
    if (!proxy) return out;
    for (const m of proxy.volumes) {
      if (m.type !== 'bind' || m.hostPath === undefined) continue;
      // The written path and the one it resolves to (a link in the project to /etc counts too).
      const resolved = view.boundary.locate(m.hostPath).real;
      const hit = sensitiveHostPath(m.hostPath) ?? (resolved ? sensitiveHostPath(resolved) : undefined);
      if (!hit) continue;
      out.push(
        finding(
          proxyMountsHostPath,
          m.pos,
          `"${proxy.name}" mounts host path ${m.hostPath}${resolved && resolved !== m.hostPath ? ` (${resolved})` : ''} at ${m.target}: ${hit.why}`,
          hit.socket
            ? 'Remove the socket mount from the proxy; a proxy never needs to control the container runtime.'
            : 'Mount only the files the proxy needs (for example ./nginx.conf or /etc/letsencrypt/live/<site>), read-only.',
          { service: proxy.name, ...(hit.socket ? { severity: 'error' as const } : {}) },
        ),
      );
    }
    return out;
  },
};
