import path from 'node:path';
import type { ComposeModel, ComposeService } from '../compose/model.js';
import { composeFinding } from '../compose/tree.js';
import { errorMessage } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { addTo } from '../core/multimap.js';
import { ProjectFiles } from '../core/project-files.js';
import type { Located } from '../core/source.js';
import type { NginxConfig, NginxDirective, NginxParsedFile } from '../nginx/ast.js';
import type { ContainerFile } from '../nginx/container-fs.js';
import { builtinFiles, loadNginxConfig, renderTemplateMapped, walk } from '../nginx/index.js';
import { MountedContainerFs } from './container-fs.js';
import { effectiveNetworks, makeResolver } from './resolve.js';
import { collectUpstreamRefs } from './upstreams.js';
import type {
  DirectiveIndex,
  ListenSpec,
  PlacedDirective,
  ProjectView,
  Resolution,
  UpstreamRef,
  UpstreamTarget,
} from './view.js';

export interface ViewInput {
  cwd: string;
  compose: ComposeModel;
  /** `--nginx` files (host paths, absolute or relative to cwd). */
  nginxFiles: string[];
  /** `--proxy-service`. */
  proxyService?: string;
  /** The root-confined reader (default: one rooted at cwd). */
  boundary?: ProjectFiles;
  /** `validate --tls auto|self-signed`: a later `up` generates the certificate pairs missing on the host. */
  tlsGenerated?: 'auto' | 'self-signed';
}

const NGINX_MAIN = '/etc/nginx/nginx.conf';
const CONF_D = '/etc/nginx/conf.d';
const TEMPLATES = '/etc/nginx/templates';

/** An image whose repository's last path segment is nginx (nginx, nginx:1.27-alpine, nginxinc/nginx-unprivileged, org/nginx). */
export function isNginxImage(image: string | undefined): boolean {
  if (!image) return false;
  const repo = image.split('@')[0]!.replace(/:[^/]*$/, '');
  const last = repo.split('/').pop() ?? '';
  return /^nginx(-[a-z0-9-]+)?$/.test(last) || last === 'openresty';
}

/** The last FROM image of a build context's Dockerfile, if it can be read. */
function dockerfileBase(
  projectDir: string,
  build: Located<string>,
  boundary: ProjectFiles,
  diagnostics: Finding[],
): string | undefined {
  const file = path.resolve(projectDir, build.value, 'Dockerfile');
  const where = boundary.locate(file);
  if (where.kind === 'missing') return undefined;
  if (where.kind === 'outside') {
    boundary.noteOutside(build.pos, 'build context Dockerfile', where);
    return undefined;
  }
  try {
    const text = boundary.readText(file, 'Dockerfile');
    const froms = [...text.matchAll(/^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)/gim)];
    return froms.at(-1)?.[1];
  } catch (error) {
    // A FIFO, a device or an oversized file is refused, not waited on; docker build could not use it either.
    diagnostics.push(
      composeFinding(
        'compose-invalid',
        build.pos,
        errorMessage(error),
        'Make the build context Dockerfile a regular file.',
      ),
    );
    return undefined;
  }
}

/**
 * Whether the proxy's image has the official nginx layout (nginx.conf including conf.d/*.conf inside
 * http, templates rendered at start): an nginx image, a build FROM one, or mounts that only make sense
 * with that layout.
 */
function hasOfficialLayout(proxy: ComposeService, compose: ComposeModel, boundary: ProjectFiles): boolean {
  if (proxy.build) {
    const base = dockerfileBase(compose.projectDir, proxy.build, boundary, compose.diagnostics);
    if (base !== undefined) return isNginxImage(base);
  } else if (isNginxImage(proxy.image?.value)) return true;
  return proxy.volumes.some((m) => /^\/etc\/nginx\/(conf\.d|templates)(\/|$)/.test(m.target));
}

/** The nginx service: the one named, else one with an nginx image or files mounted into /etc/nginx. */
function pickProxy(compose: ComposeModel, named: string | undefined): ComposeService | undefined {
  if (named !== undefined) return compose.services.find((x) => x.name === named);
  const mountsNginx = (s: ComposeService) =>
    s.volumes.some((m) => m.target === '/etc/nginx' || m.target.startsWith('/etc/nginx/'));
  const candidates = compose.services.filter((s) => isNginxImage(s.image?.value) || mountsNginx(s));
  // Prefer the one that carries a config, then an active one.
  return (
    candidates.find((s) => s.active && mountsNginx(s)) ?? candidates.find((s) => s.active) ?? candidates[0]
  );
}

/** Nginx-looking files in the project (shallow), for spotting a config that is never mounted. */
function discoverNginxFiles(dir: string, boundary: ProjectFiles, depth = 3): string[] {
  const out: string[] = [];
  for (const e of boundary.list(dir)) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 1) out.push(...discoverNginxFiles(p, boundary, depth - 1));
    } else if (e.isFile() && /\.conf(\.template)?$/.test(e.name) && looksLikeNginx(p, boundary)) out.push(p);
  }
  return out.sort();
}

function looksLikeNginx(file: string, boundary: ProjectFiles): boolean {
  try {
    const head = boundary.readText(file, 'nginx config', undefined, 4 * 1024 * 1024).slice(0, 64 * 1024);
    return (
      /(^|[\s;{}])(server|upstream|location|http|events)\s*\{/.test(head) ||
      /(^|\n)\s*(proxy_pass|listen|server_name)\s/.test(head)
    );
  } catch {
    return false;
  }
}

/** Templates the official image renders at start: /etc/nginx/templates/X.template → /etc/nginx/conf.d/X. */
function renderTemplates(
  fs: MountedContainerFs,
  env: Record<string, string | undefined>,
  unreadable: ProjectView['unreadableTemplates'],
): Map<string, ContainerFile> {
  const rendered = new Map<string, ContainerFile>();
  for (const t of fs.glob(`${TEMPLATES}/*.template`)) {
    const f = fs.file(t);
    if (f?.kind !== 'host') continue;
    let source: string;
    try {
      source = fs.read(f);
    } catch (error) {
      // Refused (a FIFO, a device, over the caps), never waited on; nothing else reads templates/, so say so here.
      unreadable.push({ containerPath: t, hostPath: f.hostPath, message: errorMessage(error) });
      continue;
    }
    const { text, template } = renderTemplateMapped(source, env);
    const target = path.posix.join(CONF_D, path.posix.basename(t, '.template'));
    rendered.set(target, { kind: 'host', containerPath: target, hostPath: f.hostPath, text, template });
  }
  return rendered;
}

/**
 * Directives placed per configuration. Files each including the next one twice double the count per
 * level (2^30 from 60 lines), so the expansion stops here, as a finding, instead of never.
 */
export const MAX_PLACED_DIRECTIVES = 500_000;

/** Every directive in load order; an include's files appear in place with the includer's blocks. */
export function placeDirectives(config: NginxConfig, max = MAX_PLACED_DIRECTIVES): PlacedDirective[] {
  const out: PlacedDirective[] = [];
  let stoppedAt: NginxDirective | undefined;
  walk(config, (d, ctx) => {
    if (out.length >= max) {
      // Blame the include that led here; skipping every block and include from now on ends the walk.
      stoppedAt ??= ctx.includedBy.at(-1) ?? d;
      return false;
    }
    out.push({ d, parents: ctx.parents, file: ctx.file });
    return true;
  });
  if (stoppedAt)
    config.includeProblems.push({
      kind: 'too-many-files',
      directive: stoppedAt,
      pattern: stoppedAt.args[0] ?? '',
      message: `the files it includes expand to more than ${max} directives (the same files included again and again); stackgate stopped there, so the rest were not checked`,
    });
  return out;
}

export function indexDirectives(
  directives: readonly PlacedDirective[],
  files: readonly NginxParsedFile[] = [],
): DirectiveIndex {
  const byName = new Map<string, PlacedDirective[]>();
  const children = new Map<NginxDirective | undefined, PlacedDirective[]>();
  const childrenByName = new Map<NginxDirective | undefined, Map<string, PlacedDirective[]>>();
  for (const p of directives) {
    const parent = p.parents[p.parents.length - 1];
    addTo(byName, p.d.directive, p);
    addTo(children, parent, p);
    let named = childrenByName.get(parent);
    if (!named) {
      named = new Map();
      childrenByName.set(parent, named);
    }
    addTo(named, p.d.directive, p);
  }
  return { byName, children, childrenByName, filesByHost: new Map(files.map((f) => [f.file, f])) };
}

function collectListens(index: DirectiveIndex): ListenSpec[] {
  const listens: ListenSpec[] = [];
  const serversWithListen = new Set<NginxDirective>();
  for (const placed of index.byName.get('listen') ?? []) {
    const server = placed.parents[placed.parents.length - 1];
    if (placed.d.directive !== 'listen' || server?.directive !== 'server') continue;
    if (placed.parents.some((p) => p.directive === 'stream')) continue;
    serversWithListen.add(server);
    const [addr = '', ...params] = placed.d.args;
    const m =
      /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(addr) ?? (/^\d+$/.test(addr) ? [addr, undefined, addr] : null);
    if (!m) continue; // unix: sockets and bare addresses (port 80) are rare in proxies; skip
    listens.push({
      port: Number(m[2]),
      ...(m[1] !== undefined ? { address: m[1] } : {}),
      ssl: params.includes('ssl'),
      http2: params.includes('http2'),
      directive: placed,
      server,
      implicit: false,
    });
  }
  for (const placed of index.byName.get('server') ?? []) {
    const parent = placed.parents[placed.parents.length - 1];
    if (
      placed.d.directive === 'server' &&
      placed.d.block &&
      parent?.directive === 'http' &&
      !serversWithListen.has(placed.d)
    ) {
      listens.push({
        port: 80,
        ssl: false,
        http2: false,
        directive: placed,
        server: placed.d,
        implicit: true,
      });
    }
  }
  return listens;
}

/** The upstream hosts that resolve to a compose service other than the proxy. */
function resolveTargets(
  refs: readonly UpstreamRef[],
  resolve: (host: string) => Resolution,
  proxy: ComposeService | undefined,
): UpstreamTarget[] {
  const targets: UpstreamTarget[] = [];
  for (const ref of refs) {
    if (ref.host === '') continue;
    const res = resolve(ref.host);
    if (res.ok && res.service && res.service !== proxy) targets.push({ ref, service: res.service });
  }
  return targets;
}

/** Joins the compose model and the nginx configuration once; every rule reads the result. */
export function buildProjectView(input: ViewInput): ProjectView {
  const { compose, cwd } = input;
  const boundary = input.boundary ?? new ProjectFiles(cwd);
  const services = new Map(compose.services.map((s) => [s.name, s]));
  const proxy = pickProxy(compose, input.proxyService);
  const unmountedConfigs: ProjectView['unmountedConfigs'] = [];
  const unreadableTemplates: ProjectView['unreadableTemplates'] = [];
  let containerFs: MountedContainerFs | undefined;
  let nginx: NginxConfig | undefined;

  if (proxy) {
    const builtin = hasOfficialLayout(proxy, compose, boundary) ? builtinFiles : new Map<string, string>();
    // Mount sources outside the project are not analysed; path-outside-project notes each one.
    for (const m of proxy.volumes) {
      if (m.type !== 'bind' || m.hostPath === undefined) continue;
      const where = boundary.locate(m.hostPath);
      if (where.kind === 'outside') boundary.noteOutside(m.pos, 'bind mount source', where);
    }
    const base = new MountedContainerFs(proxy.volumes, builtin, new Map(), boundary);
    const rendered = builtin.size
      ? renderTemplates(base, proxy.environment, unreadableTemplates)
      : new Map<string, ContainerFile>();
    const mountsConfig = proxy.volumes.some((m) => m.type === 'bind' && m.target.startsWith('/etc/nginx'));
    const explicit = input.nginxFiles.map((f) => path.resolve(cwd, f));
    const candidates = explicit.length
      ? explicit
      : mountsConfig
        ? []
        : discoverNginxFiles(compose.projectDir, boundary);
    // A config the proxy never loads is still analysed, placed where it was evidently meant to go.
    for (const hostPath of candidates) {
      if (base.containerPathOf(hostPath) !== undefined) continue;
      const name = path.basename(hostPath).replace(/\.template$/, '');
      let text: string;
      try {
        text = boundary.readText(hostPath, 'nginx config');
      } catch (error) {
        // A named --nginx file that cannot be read is the user's to fix (exit 2, naming it).
        if (explicit.length) throw error;
        continue;
      }
      const isMain = /(^|[\s;}])http\s*\{/.test(text);
      const target = isMain
        ? NGINX_MAIN
        : path.posix.join(CONF_D, name.endsWith('.conf') ? name : `${name}.conf`);
      unmountedConfigs.push({ hostPath, reason: `not mounted into the "${proxy.name}" service` });
      rendered.set(target, { kind: 'host', containerPath: target, hostPath, text });
    }
    containerFs = new MountedContainerFs(proxy.volumes, builtin, rendered, boundary);
    if (containerFs.file(NGINX_MAIN)) nginx = loadNginxConfig({ containerPath: NGINX_MAIN }, containerFs);
    // Image files are shown from the embedded copy, under their image: label, never from the host.
    for (const f of nginx?.files ?? []) if (f.builtin) boundary.remember(f.file, f.text);
  }

  const directives = nginx ? placeDirectives(nginx) : [];
  const index = indexDirectives(directives, nginx?.files);
  const upstreamBlocks = new Map<string, PlacedDirective>();
  for (const p of index.byName.get('upstream') ?? []) {
    if (p.d.args[0] !== undefined && !p.parents.some((x) => x.directive === 'stream')) {
      upstreamBlocks.set(p.d.args[0], p);
    }
  }
  const resolve = proxy
    ? makeResolver(compose, services, proxy)
    : () => ({ ok: false as const, why: 'no proxy service was found' });
  const upstreamRefs = collectUpstreamRefs(directives, upstreamBlocks);
  const proxyNets = proxy ? effectiveNetworks(proxy, services) : [];
  const peers = compose.services.filter(
    (s) => s.active && s !== proxy && effectiveNetworks(s, services).some((n) => proxyNets.includes(n)),
  );

  return {
    cwd,
    compose,
    boundary,
    services,
    ...(proxy ? { proxy } : {}),
    ...(containerFs ? { containerFs } : {}),
    ...(nginx ? { nginx } : {}),
    directives,
    index,
    unmountedConfigs,
    unreadableTemplates,
    upstreamRefs,
    upstreamTargets: resolveTargets(upstreamRefs, resolve, proxy),
    upstreamBlocks,
    listens: collectListens(index),
    resolve,
    peers,
    ...(input.tlsGenerated ? { tlsGenerated: input.tlsGenerated } : {}),
  };
}
