import type { ComposeModel, ComposeService, Mount } from '../compose/model.js';
import type { ProjectFiles } from '../core/project-files.js';
import type { SourcePos } from '../core/source.js';
import type { NginxConfig, NginxDirective, NginxParsedFile } from '../nginx/ast.js';
import type { TemplateLayout } from '../nginx/templates.js';
import type { NginxVersion } from '../nginx/versions.js';
import type { ServiceBuild } from './dockerfile.js';
import type { MountedContainerFs } from './mounted-fs.js';

/** A directive together with the blocks around it (includes followed in place, as nginx reads them). */
export interface PlacedDirective {
  d: NginxDirective;
  /** Enclosing block directives, outermost first (`http`, `server`, `location` …). */
  parents: NginxDirective[];
  /** The parsed file the directive is written in. */
  file: NginxParsedFile;
}

/** An upstream host that resolves to a service of this project (not the proxy itself). */
export interface UpstreamTarget {
  ref: UpstreamRef;
  service: ComposeService;
}

export interface DirectiveIndex {
  byName: ReadonlyMap<string, PlacedDirective[]>;
  /** Children of each block; `undefined` is the top level. */
  children: ReadonlyMap<NginxDirective | undefined, PlacedDirective[]>;
  childrenByName: ReadonlyMap<NginxDirective | undefined, ReadonlyMap<string, PlacedDirective[]>>;
  /** Parsed nginx files by host path. */
  filesByHost: ReadonlyMap<string, NginxParsedFile>;
}

/** A host name nginx will look up, and when. */
export interface UpstreamRef {
  /** The host as written, without port (`speedtest`). */
  host: string;
  /** The port as written, if any. */
  port?: number;
  /** The port nginx will connect to (written, or the scheme's default). */
  effectivePort: number;
  /** host[:port] as written in the config. */
  written: string;
  /** What nginx prints in `host not found in upstream "…"`: host[:port] exactly as written. */
  quoted: string;
  /** `load`: getaddrinfo at startup (failure = [emerg], nginx exits). `runtime`: nginx's resolver per request. */
  resolveAt: 'load' | 'runtime';
  kind: 'upstream-server' | 'pass';
  directive: PlacedDirective;
  /** For `upstream` servers: the upstream block's name. */
  upstreamName?: string;
  /** Position of the host argument. */
  pos: SourcePos;
}

export type Resolution =
  | {
      ok: true;
      how:
        | 'service'
        | 'container-name'
        | 'alias'
        | 'link'
        | 'extra-hosts'
        | 'ip'
        | 'localhost'
        | 'public-name';
      service?: ComposeService;
      network?: string;
    }
  | { ok: false; why: string; externalOnly?: boolean; candidate?: ComposeService | undefined };

export interface ListenSpec {
  port: number;
  address?: string;
  ssl: boolean;
  http2: boolean;
  directive: PlacedDirective;
  /** The `server` block the listen belongs to. */
  server: NginxDirective;
  /** True when the server has no listen directive and nginx uses its default (*:80). */
  implicit: boolean;
}

/**
 * Why a bind mount's target is, or must be, a file, or feeds the proxy's nginx config (a missing source,
 * which compose creates as an empty directory, then breaks the service); undefined when a directory is fine.
 */
export type MountNeed = (service: ComposeService, mount: Mount) => string | undefined;

export interface ProjectView {
  cwd: string;
  compose: ComposeModel;
  /** The root-confined reader that read every file, with the references it did not follow. */
  boundary: ProjectFiles;
  /** Services by name, active or not. */
  services: ReadonlyMap<string, ComposeService>;
  /** The nginx service, when one was found or named. */
  proxy?: ComposeService;
  /** Services built from a readable Dockerfile, by name. */
  builds: ReadonlyMap<string, ServiceBuild>;
  /** When the proxy's entrypoint/command can write the config at start (so it was analysed as written). */
  configWrittenAtStart?: { pos: SourcePos; how: string };
  /** The filesystem the proxy's nginx sees (mounts over image files). */
  containerFs?: MountedContainerFs;
  /** The configuration nginx loads, from its main file through every include. */
  nginx?: NginxConfig;
  /** Every directive in load order, with its enclosing blocks. */
  directives: PlacedDirective[];
  /** Lookups over `directives`, built once (rules ask them thousands of times on big configs). */
  index: DirectiveIndex;
  /** Host nginx config files found in the project that the proxy does not load (not mounted). */
  unmountedConfigs: { hostPath: string; reason: string }[];
  /**
   * Templates the image's entrypoint renders (NGINX_ENVSUBST_TEMPLATE_DIR/…SUFFIX) that could not be read
   * (FIFO, device, caps), with the file it would write (in NGINX_ENVSUBST_OUTPUT_DIR).
   */
  unreadableTemplates: { containerPath: string; hostPath: string; outputPath: string; message: string }[];
  /**
   * Where the proxy's entrypoint finds envsubst templates and writes what it renders: its
   * NGINX_ENVSUBST_TEMPLATE_DIR, _SUFFIX and _OUTPUT_DIR (image ENV, then compose), else the image's defaults.
   * A parsed file rendered from one carries `template`.
   */
  templates: TemplateLayout;
  /** Every host nginx resolves. */
  upstreamRefs: UpstreamRef[];
  /** The upstream hosts that land on a compose service, with that service. */
  upstreamTargets: UpstreamTarget[];
  /** `upstream` blocks by name. */
  upstreamBlocks: ReadonlyMap<string, PlacedDirective>;
  listens: ListenSpec[];
  /** Whether a host as nginx writes it (address or name) means the proxy container itself. */
  isLoopback(host: string): boolean;
  /** Resolve a host name as the proxy container would (embedded DNS, /etc/hosts, links). */
  resolve(host: string): Resolution;
  /** Active services that share at least one network with the proxy. */
  peers: ComposeService[];
  mountNeed: MountNeed;
  /**
   * The nginx version the proxy runs, from its image tag (`nginx:1.26-alpine` → 1.26.0); the newest the
   * directive table knows when the tag pins none (`pinned: false`, and findings say so). `guessed`: the
   * tag names no version and is not one of nginx's latest aliases (`stable`, a custom image's `test`).
   */
  nginxVersion: { version: NginxVersion; pinned: boolean; guessed: boolean; label: string };
  /** Set when a later `up --tls <mode>` generates the missing certificate pairs (pairsToGenerate). */
  tlsGenerated?: 'auto' | 'self-signed';
}
