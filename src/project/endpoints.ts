// What a running stack should answer, asked of the project view: the certificate files nginx loads and
// the host files the mounts map them to, and the (server_name × proxied location) pairs behind each
// published listen port. `up` (certificates) and `verify` (probes) read this; nothing re-parses nginx.
import path from 'node:path';
import type { NginxDirective } from '../nginx/ast.js';
import { resolveNginxPath } from '../nginx/paths.js';
import { proxiedLocations, sslServers } from './proxied-locations.js';
import { childrenOf, effective, enclosing } from './scope.js';
import type { ProjectView } from './view.js';

export interface TlsPair {
  /** Container paths as nginx resolves them. */
  cert: string;
  key: string;
  /** Host files the proxy's bind mounts map them to; undefined when no bind mount covers the path. */
  certHost?: string;
  keyHost?: string;
  /** server_names of the servers using the pair (for the certificate's subjectAltName). */
  names: string[];
}

function literalPath(value: string | undefined): string | undefined {
  if (value === undefined || value.includes('$') || value.startsWith('data:') || value.startsWith('engine:'))
    return undefined;
  return resolveNginxPath(value);
}

function serverNames(view: ProjectView, server: NginxDirective): string[] {
  return childrenOf(view, server)
    .filter((p) => p.d.directive === 'server_name')
    .flatMap((p) => p.d.args);
}

/** The certificate/key pairs of every TLS server (inherited from `http` when the server sets none). */
export function tlsPairs(view: ProjectView): TlsPair[] {
  const fs = view.containerFs;
  const pairs = new Map<string, TlsPair>();
  for (const { server, listen } of sslServers(view)) {
    const chain = [...listen.parents];
    const certs = effective(view, chain, 'ssl_certificate');
    const keys = effective(view, chain, 'ssl_certificate_key');
    certs.forEach((c, i) => {
      const cert = literalPath(c.d.args[0]);
      const key = literalPath(keys[i]?.d.args[0]);
      if (!cert || !key) return;
      const id = `${cert}\0${key}`;
      const pair = pairs.get(id) ?? {
        cert,
        key,
        ...(fs?.hostPathOf(cert) !== undefined ? { certHost: fs.hostPathOf(cert)! } : {}),
        ...(fs?.hostPathOf(key) !== undefined ? { keyHost: fs.hostPathOf(key)! } : {}),
        names: [],
      };
      for (const n of serverNames(view, server)) if (!pair.names.includes(n)) pair.names.push(n);
      pairs.set(id, pair);
    });
  }
  return [...pairs.values()];
}

/**
 * The pairs `up --tls auto|self-signed` generates: both files missing and both on a bind mount, so
 * the host path is known (a pair with one file present is refused, never completed).
 */
export function pairsToGenerate(view: ProjectView): TlsPair[] {
  const fs = view.containerFs;
  if (!fs) return [];
  return tlsPairs(view).filter(
    (p) => p.certHost && p.keyHost && fs.file(p.cert) === undefined && fs.file(p.key) === undefined,
  );
}

export interface Endpoint {
  scheme: 'https' | 'http';
  /** The container port nginx listens on. */
  listenPort: number;
  /** The host port compose publishes it on (undefined: not published). */
  publishedPort?: number;
  /** The Host header / SNI name to send; `localhost` for catch-all servers (`_`, "", regex names). */
  host: string;
  /** Request path: the location's prefix (exact and prefix locations; regex locations probe "/"). */
  path: string;
  kind: 'proxied' | 'redirect';
  /** For TLS endpoints, the certificate the server should present. */
  tls?: TlsPair;
  /** Where the location (or the redirecting return) is written, file:line. */
  where: string;
}

function probeHost(names: string[]): string {
  const usable = names.find((n) => n && n !== '_' && !n.startsWith('~') && !n.includes('*'));
  return usable ?? 'localhost';
}

function locationPath(loc: NginxDirective): string {
  const [first, second] = loc.args;
  if (first === '=' || first === '^~') return second ?? '/';
  if (first === '~' || first === '~*' || first?.startsWith('@')) return '/';
  return first ?? '/';
}

function publishedFor(view: ProjectView, port: number): number | undefined {
  return view.proxy?.ports.find((p) => p.target === port && p.protocol === 'tcp')?.published;
}

/**
 * Every server_name × proxied location on each published listen port, plus the plain-HTTP servers that
 * redirect to HTTPS (`return 301 https://…`). Regex locations and named locations are probed at "/".
 */
export function endpoints(view: ProjectView): Endpoint[] {
  const pairs = tlsPairs(view);
  const out: Endpoint[] = [];
  const seen = new Set<string>();
  const push = (e: Endpoint) => {
    const id = `${e.scheme} ${e.listenPort} ${e.host} ${e.path} ${e.kind}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(e);
    }
  };
  const listensOf = (server: NginxDirective) => view.listens.filter((l) => l.server === server);
  for (const pl of proxiedLocations(view)) {
    const server = enclosing(pl.pass, 'server');
    if (!server) continue;
    const names = serverNames(view, server);
    const hosts = names.filter((n) => n && n !== '_' && !n.startsWith('~') && !n.includes('*'));
    for (const l of listensOf(server)) {
      const cert = l.ssl ? effective(view, [...l.directive.parents], 'ssl_certificate')[0] : undefined;
      const certPath = literalPath(cert?.d.args[0]);
      const tls = pairs.find((p) => p.cert === certPath);
      for (const host of hosts.length ? hosts : [probeHost(names)]) {
        push({
          scheme: l.ssl ? 'https' : 'http',
          listenPort: l.port,
          ...(publishedFor(view, l.port) !== undefined ? { publishedPort: publishedFor(view, l.port)! } : {}),
          host,
          path: locationPath(pl.location),
          kind: 'proxied',
          ...(tls ? { tls } : {}),
          where: `${path.basename(pl.location.file)}:${pl.location.line}`,
        });
      }
    }
  }
  for (const ret of view.index.byName.get('return') ?? []) {
    const [code, target] = ret.d.args;
    if (!code || !/^30[1278]$/.test(code) || !target?.startsWith('https://')) continue;
    const server = enclosing(ret, 'server');
    // Only a server-level redirect applies to every request of that server.
    if (!server || ret.parents[ret.parents.length - 1] !== server) continue;
    for (const l of listensOf(server)) {
      if (l.ssl) continue;
      push({
        scheme: 'http',
        listenPort: l.port,
        ...(publishedFor(view, l.port) !== undefined ? { publishedPort: publishedFor(view, l.port)! } : {}),
        host: probeHost(serverNames(view, server)),
        path: '/',
        kind: 'redirect',
        where: `${path.basename(ret.d.file)}:${ret.d.line}`,
      });
    }
  }
  return out;
}
