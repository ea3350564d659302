// Built-in knowledge of the container ports common images listen on, so that a proxy_pass to a
// service without `expose`/`ports` can still be checked. Only images whose default port is certain.

export interface ImageRef {
  /** Registry host when written (`ghcr.io`); undefined for Docker Hub. */
  registry?: string;
  /** Repository path without registry; Docker Hub official images get no `library/` prefix. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry/repo:tag@digest` the way docker does (first component is a registry if it looks like a host). */
export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io') {
    registry = undefined;
  }
  let repository = rest.toLowerCase();
  if (registry === undefined && repository.startsWith('library/'))
    repository = repository.slice('library/'.length);
  return {
    repository,
    ...(registry !== undefined ? { registry: registry.toLowerCase() } : {}),
    ...(tag !== undefined && tag !== '' ? { tag } : {}),
    ...(digest !== undefined && digest !== '' ? { digest } : {}),
  };
}

/**
 * The version numbers an image tag starts with, as many as it writes: `1.27.3-alpine` → [1, 27, 3], `v5.5` → [5, 5],
 * `5` → [5]; undefined for `latest`, `mainline`, `alpine`, `nightly` … A bare major follows that major's newest release.
 */
export function versionOfTag(tag: string | undefined): [number, ...number[]] | undefined {
  const m = tag ? /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+_].*)?$/.exec(tag) : null;
  if (!m) return undefined;
  const [, major, minor, patch] = m;
  return [Number(major), ...[minor, patch].filter((n) => n !== undefined).map(Number)];
}

/** Registry + repository, `ghcr.io/librespeed/speedtest` or `nginx` for Docker Hub. */
function imageName(ref: ImageRef): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

// The upstream LibreSpeed image (ghcr, mirrored on Docker Hub) moved from :80 to :8080 in 5.5.0.
const LIBRESPEED_VERSIONED = new Set(['ghcr.io/librespeed/speedtest', 'librespeed/speedtest']);
const LIBRESPEED_ON_80 = new Set([
  'adolfintel/speedtest',
  'linuxserver/librespeed',
  'lscr.io/linuxserver/librespeed',
  'ghcr.io/linuxserver/librespeed',
]);

export function isLibreSpeedImage(image: string | undefined): boolean {
  if (!image) return false;
  const name = imageName(parseImageRef(image));
  return LIBRESPEED_VERSIONED.has(name) || LIBRESPEED_ON_80.has(name);
}

/** The LibreSpeed images whose listening port depends on the version (80 up to 5.4.1, 8080 from 5.5.0). */
export function isVersionedLibreSpeedImage(image: string | undefined): boolean {
  return image !== undefined && LIBRESPEED_VERSIONED.has(imageName(parseImageRef(image)));
}

function libreSpeedPorts(ref: ImageRef): { ports: number[]; source: string } {
  const name = imageName(ref);
  if (LIBRESPEED_ON_80.has(name)) return { ports: [80], source: `${name} listens on 80` };
  const tag = ref.tag;
  if (tag === undefined && ref.digest !== undefined) {
    // A pinned digest hides the version: accept either port rather than guess.
    return {
      ports: [8080, 80],
      source: `${name} (version unknown from a digest) listens on 8080 from 5.5.0, 80 before`,
    };
  }
  if (tag === undefined || tag === 'latest' || /^latest[-_]/.test(tag)) {
    return { ports: [8080], source: `${name}:${tag ?? 'latest'} listens on 8080 (since LibreSpeed 5.5.0)` };
  }
  const v = versionOfTag(tag);
  if (!v)
    return {
      ports: [8080, 80],
      source: `${name}:${tag} (version unknown) listens on 8080 from 5.5.0, 80 before`,
    };
  const [major, minor] = v;
  // A bare `5` tag follows the newest 5.x, which is past 5.5.0.
  const newPort = major > 5 || (major === 5 && (minor === undefined || minor >= 5));
  return newPort
    ? { ports: [8080], source: `${name}:${tag} listens on 8080 (LibreSpeed 5.5.0 and later)` }
    : { ports: [80], source: `${name}:${tag} listens on 80 (LibreSpeed up to 5.4.1; 8080 from 5.5.0)` };
}

// Default listening ports of well-known images (default configuration, any tag unless noted).
const KNOWN_PORTS: Record<string, number[]> = {
  nginx: [80],
  'nginxinc/nginx-unprivileged': [8080],
  httpd: [80],
  caddy: [80, 443],
  'traefik/whoami': [80],
  'containous/whoami': [80],
  'grafana/grafana': [3000],
  'grafana/grafana-oss': [3000],
  'grafana/grafana-enterprise': [3000],
  'prom/prometheus': [9090],
  'prom/alertmanager': [9093],
  'prom/node-exporter': [9100],
  'nodered/node-red': [1880],
  'jenkins/jenkins': [8080, 50000],
  redis: [6379],
  postgres: [5432],
  mysql: [3306, 33060],
  mariadb: [3306],
  mongo: [27017],
  memcached: [11211],
  adminer: [8080],
  'phpmyadmin/phpmyadmin': [80],
  phpmyadmin: [80],
  ghost: [2368],
  'louislam/uptime-kuma': [3001],
  'vaultwarden/server': [80],
  'kennethreitz/httpbin': [80],
  'mccutchen/go-httpbin': [8080],
  'portainer/portainer-ce': [8000, 9000, 9443],
  'gitea/gitea': [22, 3000],
  'hashicorp/consul': [8500, 8600],
  'jaegertracing/all-in-one': [5775, 6831, 6832, 5778, 16686, 14268, 14250, 9411],
};

/** Where a Docker Hub image is also published under another registry with the same repository. */
const MIRROR_REGISTRIES = new Set(['ghcr.io', 'quay.io', 'mirror.gcr.io', 'public.ecr.aws']);

/**
 * The container ports `image` listens on by default, or undefined when not known.
 * `source` says where the knowledge comes from, for messages.
 */
export function knownContainerPorts(
  image: string | undefined,
): { ports: number[]; source: string } | undefined {
  if (!image || image.includes('${')) return undefined;
  const ref = parseImageRef(image);
  if (isLibreSpeedImage(image)) return libreSpeedPorts(ref);
  const name = imageName(ref);
  let ports = KNOWN_PORTS[name];
  if (!ports && ref.registry && MIRROR_REGISTRIES.has(ref.registry)) ports = KNOWN_PORTS[ref.repository];
  if (!ports) return undefined;
  // php-fpm flavours of web images speak FastCGI on 9000, not HTTP on 80.
  if (ref.tag && /(^|[-_.])fpm([-_.]|$)/.test(ref.tag)) return undefined;
  return { ports: [...ports], source: `image ${name} listens on ${ports.join('/')} by default` };
}

/**
 * The container ports a service listens on, as far as the project says (`expose`, `ports` targets) or
 * the image is known to; undefined when nothing is known. A Dockerfile build makes the image unknowable.
 */
export function serviceContainerPorts(service: {
  image?: { value: string };
  build?: unknown;
  expose: { port: number }[];
  ports: { target: number }[];
  environment: Record<string, string | undefined>;
}): { ports: number[]; source: string } | undefined {
  const declared = [...service.expose.map((e) => e.port), ...service.ports.map((p) => p.target)];
  const image = service.build === undefined ? service.image?.value : undefined;
  // LibreSpeed's images move their web server with the WEBPORT variable.
  const webPort = isLibreSpeedImage(image) ? Number(service.environment.WEBPORT) : Number.NaN;
  const known =
    Number.isInteger(webPort) && webPort > 0
      ? { ports: [webPort], source: `WEBPORT=${webPort} moves LibreSpeed to ${webPort}` }
      : knownContainerPorts(image);
  const ports = [...new Set([...declared, ...(known?.ports ?? [])])];
  if (!ports.length) return undefined;
  const sources = [
    ...(service.expose.length ? ['expose'] : []),
    ...(service.ports.length ? ['ports targets'] : []),
    ...(known ? [known.source] : []),
  ];
  return { ports, source: sources.join('; ') };
}

/**
 * What the service's image itself says it listens on: its Dockerfile's EXPOSE and the known default of
 * the image it is built FROM, or the known default of its `image`. The strongest evidence there is.
 */
export function imageContainerPorts(
  service: Parameters<typeof serviceContainerPorts>[0],
  build?: { base: { value: string }; final: { expose: { port: number }[] } },
): { ports: number[]; source: string } | undefined {
  if (service.build !== undefined) {
    if (!build) return undefined;
    const exposed = build.final.expose.map((e) => e.port);
    const base = knownContainerPorts(build.base.value);
    const ports = [...new Set([...exposed, ...(base?.ports ?? [])])];
    if (!ports.length) return undefined;
    const sources = [
      ...(exposed.length ? [`its Dockerfile EXPOSEs ${exposed.join('/')}`] : []),
      ...(base
        ? [`it is built FROM ${build.base.value}, which ${base.source.replace(/^image \S+ /, '')}`]
        : []),
    ];
    return { ports, source: sources.join('; ') };
  }
  const image = service.image?.value;
  const webPort = isLibreSpeedImage(image) ? Number(service.environment.WEBPORT) : Number.NaN;
  if (Number.isInteger(webPort) && webPort > 0)
    return { ports: [webPort], source: `WEBPORT=${webPort} moves LibreSpeed to ${webPort}` };
  return knownContainerPorts(image);
}
