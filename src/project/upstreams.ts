import type { SourcePos } from '../core/source.js';
import type { NginxDirective } from '../nginx/ast.js';
import type { PlacedDirective, UpstreamRef } from './view.js';

/** Directives that take an upstream address, with the default port of each scheme. */
const PASS_DIRECTIVES: Record<string, { schemes: Record<string, number>; defaultPort: number }> = {
  proxy_pass: { schemes: { http: 80, https: 443 }, defaultPort: 80 },
  grpc_pass: { schemes: { grpc: 80, grpcs: 443 }, defaultPort: 80 },
  fastcgi_pass: { schemes: {}, defaultPort: 80 },
  uwsgi_pass: { schemes: { uwsgi: 80, suwsgi: 80 }, defaultPort: 80 },
  scgi_pass: { schemes: {}, defaultPort: 80 },
  memcached_pass: { schemes: {}, defaultPort: 80 },
};

export const PASS_DIRECTIVE_NAMES = Object.keys(PASS_DIRECTIVES);

export interface ParsedAddress {
  host: string;
  port?: number;
  /** host[:port] as written (the authority, without scheme or URI). */
  quoted: string;
  /** Offset of the host inside the argument, for positions. */
  hostOffset: number;
  scheme?: string;
  /** Has a URI part after the authority ("/api/"). */
  uri?: string;
}

/** Splits `scheme://host:port/uri`, `host:port`, `[v6]:port` or `unix:/path` (returns undefined for sockets). */
export function parseAddress(arg: string, withScheme: boolean): ParsedAddress | undefined {
  let rest = arg;
  let offset = 0;
  let scheme: string | undefined;
  if (withScheme) {
    const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
    if (m) {
      scheme = m[1]!.toLowerCase();
      offset = m[0].length;
      rest = rest.slice(offset);
    }
  }
  if (rest.startsWith('unix:')) return undefined;
  const slash = rest.indexOf('/');
  const authority = slash >= 0 ? rest.slice(0, slash) : rest;
  const uri = slash >= 0 ? rest.slice(slash) : undefined;
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    host = authority.slice(1, close < 0 ? undefined : close);
    const after = close < 0 ? '' : authority.slice(close + 1);
    portText = after.startsWith(':') ? after.slice(1) : undefined;
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon >= 0 ? authority.slice(0, colon) : authority;
    portText = colon >= 0 ? authority.slice(colon + 1) : undefined;
  }
  const port = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
  return {
    host,
    ...(port !== undefined ? { port } : {}),
    quoted: authority,
    hostOffset: offset + (authority.startsWith('[') ? 1 : 0),
    ...(scheme !== undefined ? { scheme } : {}),
    ...(uri !== undefined ? { uri } : {}),
  };
}

function argPos(d: NginxDirective, index: number, within = 0): SourcePos {
  const p = d.argPos[index];
  // Arguments may be quoted; the +within offset is exact for unquoted args, close enough for quoted ones.
  return p
    ? { file: d.file, line: p.line, column: p.column + within }
    : { file: d.file, line: d.line, column: d.column };
}

/**
 * Every host nginx resolves: `server` lines in `upstream` blocks (at load, unless `resolve`), and
 * literal hosts in `*_pass` (at load) unless they name an upstream block or contain a variable
 * (then nginx's own resolver looks them up per request, and only when no upstream block matches).
 */
export function collectUpstreamRefs(
  directives: readonly PlacedDirective[],
  upstreamBlocks: ReadonlyMap<string, PlacedDirective>,
): UpstreamRef[] {
  const refs: UpstreamRef[] = [];
  for (const placed of directives) {
    const { d, parents } = placed;
    const parent = parents[parents.length - 1];
    if (d.directive === 'server' && parent?.directive === 'upstream') {
      const arg = d.args[0];
      if (arg === undefined) continue;
      const addr = parseAddress(arg, false);
      if (!addr || addr.host === '') continue;
      const runtime = d.args.slice(1).includes('resolve');
      refs.push({
        host: addr.host,
        ...(addr.port !== undefined ? { port: addr.port } : {}),
        effectivePort: addr.port ?? 80,
        written: addr.quoted,
        quoted: addr.quoted,
        resolveAt: runtime ? 'runtime' : 'load',
        kind: 'upstream-server',
        directive: placed,
        upstreamName: parent.args[0] ?? '',
        pos: argPos(d, 0, addr.hostOffset),
      });
      continue;
    }
    const spec = PASS_DIRECTIVES[d.directive];
    if (!spec) continue;
    const arg = d.args[0];
    if (arg === undefined) continue;
    const addr = parseAddress(arg, true);
    if (!addr) continue;
    // Any variable in the argument makes nginx evaluate it per request and resolve with `resolver`.
    const hasVariable = arg.includes('$');
    if (hasVariable) {
      const literal = addr.quoted.split('$')[0]!;
      addr.host = literal.includes(':') ? literal.slice(0, literal.lastIndexOf(':')) : literal;
    }
    // `proxy_pass http://name` with `upstream name {}` uses the block: no DNS (unless it has a variable
    // that happens to match at request time, which nginx also checks against upstream blocks first).
    if (!hasVariable && addr.host === '') continue;
    if (!hasVariable && upstreamBlocks.has(addr.host)) continue;
    if (!hasVariable && upstreamBlocks.has(addr.quoted)) continue;
    const port = addr.port;
    refs.push({
      host: addr.host,
      ...(port !== undefined ? { port } : {}),
      effectivePort:
        port ?? (addr.scheme ? (spec.schemes[addr.scheme] ?? spec.defaultPort) : spec.defaultPort),
      written: addr.quoted,
      // nginx resolves a *_pass host through an implicit upstream and quotes only the host.
      quoted: addr.host,
      resolveAt: hasVariable ? 'runtime' : 'load',
      kind: 'pass',
      directive: placed,
      pos: argPos(d, 0, addr.hostOffset),
    });
  }
  return refs;
}
