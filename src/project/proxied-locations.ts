// Project-view questions about proxied locations, asked by proxy-headers-missing, speedtest-proxy-tuning, ssrf, ….

import type { ComposeService } from '../compose/model.js';
import { addTo } from '../core/multimap.js';
import type { NginxDirective } from '../nginx/ast.js';
import type { NginxVersion } from '../nginx/versions.js';
import { directivesNamed } from './scope.js';
import { parseAddress } from './upstreams.js';
import type { PlacedDirective, ProjectView } from './view.js';

export interface ProxiedLocation {
  /** The proxy_pass. */
  pass: PlacedDirective;
  /** The innermost location around it: the level where http-module settings for this request can be written. */
  location: NginxDirective;
  /** Enclosing blocks from the top down to `location` (inclusive): the levels nginx inherits settings through. */
  chain: NginxDirective[];
}

/**
 * The compose services each proxied location reaches, directly or through an `upstream` block; empty
 * for variables and hosts outside the project.
 */
export function targetServices(view: ProjectView): (pl: ProxiedLocation) => ComposeService[] {
  const byPass = new Map<PlacedDirective, ComposeService[]>();
  const byUpstream = new Map<string, ComposeService[]>();
  for (const { ref, service } of view.upstreamTargets) {
    if (ref.kind === 'upstream-server') addTo(byUpstream, ref.upstreamName ?? '', service);
    else addTo(byPass, ref.directive, service);
  }
  return (pl) => {
    const arg = pl.pass.d.args[0] ?? '';
    const addr = arg.includes('$') ? undefined : parseAddress(arg, true);
    return (
      byPass.get(pl.pass) ??
      (addr ? (byUpstream.get(addr.host) ?? byUpstream.get(addr.quoted)) : undefined) ??
      []
    );
  };
}

/** Every `proxy_pass` inside an http `location` (directly or inside `if`/`limit_except`). */
export function proxiedLocations(view: ProjectView): ProxiedLocation[] {
  const out: ProxiedLocation[] = [];
  for (const pass of directivesNamed(view, 'proxy_pass')) {
    if (pass.parents.some((p) => p.directive === 'stream')) continue;
    const at = pass.parents.map((p) => p.directive).lastIndexOf('location');
    if (at < 0) continue;
    out.push({ pass, location: pass.parents[at]!, chain: pass.parents.slice(0, at + 1) });
  }
  return out;
}

/** The source text of a directive as written (`proxy_set_header Host $host;`), for copying it elsewhere. */
export function directiveText(p: PlacedDirective): string {
  return p.file.text.slice(p.d.start, p.d.end);
}

/** `1.27.3` from `nginx:1.27.3-alpine`; undefined for `latest`, `mainline`, no tag or a digest. */
export function proxyNginxVersion(view: ProjectView): NginxVersion | undefined {
  return view.nginxVersion.pinned ? view.nginxVersion.version : undefined;
}

/** Servers (http context) that listen with ssl, each with its first ssl listen. */
export function sslServers(view: ProjectView): { server: NginxDirective; listen: PlacedDirective }[] {
  const seen = new Map<NginxDirective, PlacedDirective>();
  for (const l of view.listens)
    if (l.ssl && !l.implicit && !seen.has(l.server)) seen.set(l.server, l.directive);
  return [...seen].map(([server, listen]) => ({ server, listen }));
}

/**
 * Servers that receive requests for any Host: the default server of one of their ports (marked
 * default_server, else the first to listen there), or servers with a regex server_name.
 */
export function anyHostServers(view: ProjectView): Set<NginxDirective> {
  const out = new Set<NginxDirective>();
  const firstByPort = new Map<number, NginxDirective>();
  for (const l of view.listens) {
    if (!firstByPort.has(l.port)) firstByPort.set(l.port, l.server);
    if (l.directive.d.args.includes('default_server') || l.directive.d.args.includes('default'))
      out.add(l.server);
  }
  const marked = new Set(
    view.listens
      .filter((l) => l.directive.d.args.includes('default_server') || l.directive.d.args.includes('default'))
      .map((l) => l.port),
  );
  for (const [port, server] of firstByPort) if (!marked.has(port)) out.add(server);
  for (const p of directivesNamed(view, 'server_name')) {
    const server = p.parents.at(-1);
    if (server?.directive === 'server' && p.d.args.some((a) => a.startsWith('~'))) out.add(server);
  }
  return out;
}

const byServerCache = new WeakMap<ProjectView, Map<NginxDirective, PlacedDirective[]>>();

/** Every directive inside each server block (nested levels included), computed once per view. */
export function directivesInServer(view: ProjectView, server: NginxDirective): PlacedDirective[] {
  let index = byServerCache.get(view);
  if (!index) {
    index = new Map();
    for (const p of view.directives) {
      const s = p.parents.find((b) => b.directive === 'server');
      if (!s) continue;
      addTo(index, s, p);
    }
    byServerCache.set(view, index);
  }
  return index.get(server) ?? [];
}
