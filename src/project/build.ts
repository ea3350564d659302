import path from 'node:path';
import type { ComposeModel, ComposeService } from '../compose/model.js';
import { errorMessage } from '../core/errors.js';
import { addTo } from '../core/multimap.js';
import { ProjectFiles } from '../core/project-files.js';
import type { SourcePos } from '../core/source.js';
import type { NginxConfig, NginxDirective, NginxParsedFile } from '../nginx/ast.js';
import { builtinFiles } from '../nginx/builtin-files.js';
import type { ContainerFile } from '../nginx/container-fs.js';
import { loadNginxConfig, walk } from '../nginx/includes.js';
import { CONF_D, isUnderNginxPrefix, NGINX_MAIN } from '../nginx/paths.js';
import {
  isConfigName,
  renderedPath,
  renderTemplateMapped,
  type TemplateLayout,
  templateLayout,
  withoutTemplateSuffix,
} from '../nginx/templates.js';
import { formatVersion, LATEST_NGINX, type NginxVersion } from '../nginx/versions.js';
import { readServiceBuild, type ServiceBuild } from './dockerfile.js';
import { parseImageRef, versionOfTag } from './images.js';
import { isContainerLoopback } from './loopback.js';
import { mountNeeds } from './mount-needs.js';
import { MountedContainerFs } from './mounted-fs.js';
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

/** An image whose repository's last path segment is nginx (nginx, nginx:1.27-alpine, nginxinc/nginx-unprivileged, org/nginx). */
export function isNginxImage(image: string | undefined): boolean {
  if (!image) return false;
  const repo = image.split('@')[0]!.replace(/:[^/]*$/, '');
  const last = repo.split('/').pop() ?? '';
  return /^nginx(-[a-z0-9-]+)?$/.test(last) || last === 'openresty';
}

/**
 * Whether the proxy's image has the official nginx layout (nginx.conf including conf.d/*.conf inside
 * http, templates rendered at start): an nginx image, a build FROM one, or mounts that only make sense
 * with that layout.
 */
function hasOfficialLayout(proxy: ComposeService, build: ServiceBuild | undefined): boolean {
  if (proxy.build) {
    if (build) return isNginxImage(build.base.value);
  } else if (isNginxImage(proxy.image?.value)) return true;
  return proxy.volumes.some((m) => /^\/etc\/nginx\/(conf\.d|templates)(\/|$)/.test(m.target));
}

/** The image a service runs: its build's base when it is built, else its `image`. */
function runsNginx(s: ComposeService, builds: ReadonlyMap<string, ServiceBuild>): boolean {
  const build = builds.get(s.name);
  return build ? isNginxImage(build.base.value) : s.build === undefined && isNginxImage(s.image?.value);
}

/**
 * The nginx service: the one named, else one with an nginx image (or a build FROM one), files mounted
 * into /etc/nginx or a build that COPYs files there.
 */
function pickProxy(
  compose: ComposeModel,
  named: string | undefined,
  builds: ReadonlyMap<string, ServiceBuild>,
): ComposeService | undefined {
  if (named !== undefined) return compose.services.find((x) => x.name === named);
  const carriesConfig = (s: ComposeService) =>
    s.volumes.some((m) => isUnderNginxPrefix(m.target)) ||
    [...(builds.get(s.name)?.files.keys() ?? [])].some(isUnderNginxPrefix);
  const candidates = compose.services.filter(
    (s) => runsNginx(s, builds) || isNginxImage(s.image?.value) || carriesConfig(s),
  );
  // Prefer the one that carries a config, then an active one.
  return (
    candidates.find((s) => s.active && carriesConfig(s)) ?? candidates.find((s) => s.active) ?? candidates[0]
  );
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash)$/;
// Commands that write files: the config can be produced or changed by them before nginx loads it.
const WRITERS =
  /(?:^|[\s;&|(`])(?:envsubst|certbot|sed|tee|cp|mv|install|ln|cat|printf|echo|awk|perl|python3?|confd|gomplate|dockerize)\b|[^2&]>/;

/**
 * Whether the proxy's entrypoint or command (compose's override, or the build's own) can write the
 * nginx config before nginx reads it: a shell command with a writer (envsubst, certbot, sed …), or a
 * script of the project's. stackgate does not run it, so the config is analysed as written.
 */
function configWrittenAtStart(
  proxy: ComposeService,
  build: ServiceBuild | undefined,
): ProjectView['configWrittenAtStart'] {
  const overrides: { key: string; words: string[]; shell: boolean; pos: SourcePos }[] = [];
  for (const key of ['entrypoint', 'command'] as const) {
    const v = proxy[key];
    if (v)
      overrides.push({
        key,
        words: typeof v.value === 'string' ? v.value.split(/\s+/) : v.value,
        shell: false,
        pos: v.pos,
      });
  }
  for (const key of ['entrypoint', 'cmd'] as const) {
    const c = build?.final[key];
    if (c) overrides.push({ key: key.toUpperCase(), words: c.args, shell: c.form === 'shell', pos: c.pos });
  }
  for (const o of overrides) {
    const text = o.words.join(' ');
    const viaShell = o.shell || (SHELLS.test(o.words[0] ?? '') && o.words.includes('-c'));
    const runsCertbot = /\bcertbot\b/.test(text);
    if ((viaShell && WRITERS.test(text)) || runsCertbot) {
      return {
        pos: o.pos,
        how: `its ${o.key} runs \`${text.length > 80 ? `${text.slice(0, 77)}...` : text}\``,
      };
    }
    const script = o.words.find(
      (w) => /^[./].*\.(?:sh|bash)$|^[^-].*\.sh$/.test(w) && !/^\/docker-entrypoint\.sh$/.test(w),
    );
    if (script) return { pos: o.pos, how: `its ${o.key} runs the script ${script}` };
  }
  return undefined;
}

/** How deep config discovery looks below the project folder (nginx/, nginx/conf.d/, …). */
const DISCOVERY_DEPTH = 3;
/** Discovery skips larger files: a config that big is not hand-written and would be mounted explicitly. */
const DISCOVERY_MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Whether a file is an nginx config shows in its first directives. */
const DISCOVERY_SNIFF_BYTES = 64 * 1024;

/** Nginx-looking files in the project (shallow), for spotting a config that is never mounted. */
function discoverNginxFiles(
  dir: string,
  boundary: ProjectFiles,
  templates: TemplateLayout,
  depth = DISCOVERY_DEPTH,
): string[] {
  const out: string[] = [];
  for (const e of boundary.list(dir)) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 1) out.push(...discoverNginxFiles(p, boundary, templates, depth - 1));
    } else if (e.isFile() && isConfigName(e.name, templates) && looksLikeNginx(p, boundary)) out.push(p);
  }
  return out.sort();
}

function looksLikeNginx(file: string, boundary: ProjectFiles): boolean {
  try {
    const head = boundary
      .readText(file, 'nginx config', undefined, DISCOVERY_MAX_FILE_BYTES)
      .slice(0, DISCOVERY_SNIFF_BYTES);
    return (
      /(^|[\s;{}])(server|upstream|location|http|events)\s*\{/.test(head) ||
      /(^|\n)\s*(proxy_pass|listen|server_name)\s/.test(head)
    );
  } catch {
    return false;
  }
}

/**
 * Templates the official image renders at start (its 20-envsubst-on-templates.sh): every file under
 * NGINX_ENVSUBST_TEMPLATE_DIR ending in the suffix, into NGINX_ENVSUBST_OUTPUT_DIR, subfolders kept.
 */
function renderTemplates(
  fs: MountedContainerFs,
  env: Record<string, string | undefined>,
  layout: TemplateLayout,
  unreadable: ProjectView['unreadableTemplates'],
): Map<string, ContainerFile> {
  const rendered = new Map<string, ContainerFile>();
  for (const t of fs.filesUnder(layout.dir)) {
    const target = renderedPath(t, layout);
    if (target === undefined) continue;
    const f = fs.file(t);
    if (f?.kind !== 'host') continue;
    let source: string;
    try {
      source = fs.read(f);
    } catch (error) {
      // Refused (a FIFO, a device, over the caps), never waited on; nothing else reads templates/, so say so here.
      unreadable.push({
        containerPath: t,
        hostPath: f.hostPath,
        outputPath: target,
        message: errorMessage(error),
      });
      continue;
    }
    const { text, template } = renderTemplateMapped(source, env);
    rendered.set(target, {
      kind: 'host',
      containerPath: target,
      hostPath: f.hostPath,
      text,
      template: { containerPath: t, source: template },
    });
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

/**
 * The proxy's nginx version from the tag of the image it runs: a built proxy's final `FROM` (compose tags the
 * build with `image:`, which then names the project's own image, not nginx's), else `image:`. The newest known when
 * the tag pins none.
 */
function nginxVersionOf(
  proxy: ComposeService | undefined,
  build: ServiceBuild | undefined,
): ProjectView['nginxVersion'] {
  const image = build?.base.value ?? proxy?.image?.value;
  const tag = image ? parseImageRef(image).tag : undefined;
  // Only nginx's own images number their tags by nginx version (`myorg/proxy:1.0`, `debian:12` do not).
  const numbers = isNginxImage(image) ? versionOfTag(tag) : undefined;
  // A bare major (`nginx:1`) follows the newest 1.x: it pins no version.
  const version: NginxVersion | undefined =
    numbers?.[1] !== undefined ? [numbers[0], numbers[1], numbers[2] ?? 0] : undefined;
  if (version)
    return {
      version,
      pinned: true,
      guessed: false,
      label: `nginx ${formatVersion(version)} (from ${image})`,
    };
  const latest = `nginx ${formatVersion(LATEST_NGINX)}`;
  return {
    version: LATEST_NGINX,
    pinned: false,
    // No tag, `latest`, `mainline`, `alpine`…: the official image's newest; any other tag: a guess.
    guessed:
      tag !== undefined && !/^(latest|mainline|alpine|alpine-slim|bookworm|perl|alpine-perl)$/.test(tag),
    label: image
      ? `${latest}, the newest stackgate knows (${image} pins no version)`
      : `${latest}, the newest stackgate knows (the proxy's image pins no version)`,
  };
}

/** Joins the compose model and the nginx configuration once; every rule reads the result. */
export function buildProjectView(input: ViewInput): ProjectView {
  const { compose, cwd } = input;
  const boundary = input.boundary ?? new ProjectFiles(cwd);
  const services = new Map(compose.services.map((s) => [s.name, s]));
  const builds = new Map<string, ServiceBuild>();
  for (const s of compose.services) {
    const build = readServiceBuild(s, compose.projectDir, boundary, compose.diagnostics);
    if (build) builds.set(s.name, build);
  }
  const proxy = pickProxy(compose, input.proxyService, builds);
  const proxyBuild = proxy ? builds.get(proxy.name) : undefined;
  const unmountedConfigs: ProjectView['unmountedConfigs'] = [];
  const unreadableTemplates: ProjectView['unreadableTemplates'] = [];
  let containerFs: MountedContainerFs | undefined;
  let nginx: NginxConfig | undefined;
  let imageFiles: ReadonlyMap<string, string> = new Map();
  let templates = templateLayout();

  if (proxy) {
    const builtin = hasOfficialLayout(proxy, proxyBuild) ? builtinFiles : new Map<string, string>();
    const copied = new Map([...(proxyBuild?.files ?? [])].map(([p, f]) => [p, f.hostPath]));
    // The container's environment: the image's ENV, then compose's.
    const env = { ...(proxyBuild?.final.env ?? {}), ...proxy.environment };
    templates = templateLayout(env);
    // Mount sources outside the project are not analysed; path-outside-project notes each one.
    for (const m of proxy.volumes) {
      if (m.type !== 'bind' || m.hostPath === undefined) continue;
      const where = boundary.locate(m.hostPath);
      if (where.kind === 'outside') boundary.noteOutside(m.pos, 'bind mount source', where);
    }
    imageFiles = builtin;
    const base = new MountedContainerFs(proxy.volumes, builtin, new Map(), boundary, copied);
    const rendered = builtin.size
      ? renderTemplates(base, env, templates, unreadableTemplates)
      : new Map<string, ContainerFile>();
    const mountsConfig =
      proxy.volumes.some((m) => m.type === 'bind' && isUnderNginxPrefix(m.target)) ||
      [...copied.keys()].some(isUnderNginxPrefix);
    const explicit = input.nginxFiles.map((f) => path.resolve(cwd, f));
    const candidates = explicit.length
      ? explicit
      : mountsConfig
        ? []
        : discoverNginxFiles(compose.projectDir, boundary, templates);
    // A config the proxy never loads is still analysed, placed where it was evidently meant to go.
    for (const hostPath of candidates) {
      if (base.containerPathOf(hostPath) !== undefined) continue;
      const name = withoutTemplateSuffix(path.basename(hostPath), templates);
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
    containerFs = new MountedContainerFs(proxy.volumes, builtin, rendered, boundary, copied);
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

  const writtenAtStart = proxy ? configWrittenAtStart(proxy, proxyBuild) : undefined;
  return {
    cwd,
    compose,
    boundary,
    services,
    ...(proxy ? { proxy } : {}),
    builds,
    ...(writtenAtStart ? { configWrittenAtStart: writtenAtStart } : {}),
    ...(containerFs ? { containerFs } : {}),
    ...(nginx ? { nginx } : {}),
    directives,
    index,
    unmountedConfigs,
    unreadableTemplates,
    templates,
    upstreamRefs,
    upstreamTargets: resolveTargets(upstreamRefs, resolve, proxy),
    upstreamBlocks,
    listens: collectListens(index),
    resolve,
    isLoopback: isContainerLoopback,
    peers,
    mountNeed: mountNeeds(proxy, nginx, directives, imageFiles),
    nginxVersion: nginxVersionOf(proxy, proxyBuild),
    ...(input.tlsGenerated ? { tlsGenerated: input.tlsGenerated } : {}),
  };
}
