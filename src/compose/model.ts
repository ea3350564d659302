import type { Located, SourcePos } from '../core/source.js';

/**
 * The compose project as `docker compose` would see it after discovery, interpolation, include,
 * extends, merge, profiles and normalization. Every value keeps the file/line/column it came from.
 */
export interface ComposeModel {
  /** Project name (`name:`, COMPOSE_PROJECT_NAME, or the directory's basename, normalized). */
  projectName: string;
  /** Absolute project directory; relative bind sources resolve against it. */
  projectDir: string;
  /** Absolute paths of every compose file read, in merge order (includes and extends too). */
  files: string[];
  /** Services in file order, including inactive ones (see `active`). */
  services: ComposeService[];
  networks: ComposeNetwork[];
  volumes: { name: string; pos: SourcePos; external: boolean }[];
  /** The obsolete top-level `version:` key, when present. */
  version?: Located<string>;
  /** Problems found while loading, by kind; rules turn each kind into findings. */
  diagnostics: ComposeDiagnostic[];
  /** The interpolation environment (.env, --env-file, process env) used. */
  env: Record<string, string>;
  /** What compose would print as warnings (several default files found, …). */
  warnings?: string[];
  /** Variables referenced but unset: compose warns and substitutes "" (a `${X:-d}` default does not count). */
  unsetVariables?: Located<string>[];
  /** Variables interpolation took from the process environment (name → value): reports show them as `${NAME}`. */
  fromProcessEnv?: ReadonlyMap<string, string>;
}

/**
 * What the loader found wrong, without a rule id or severity: `invalid` (YAML, schema, what compose refuses),
 * `interpolation` (a required variable unset, bad syntax), `reference` (an undefined service, network or volume).
 * The compose-invalid, compose-interpolation and compose-reference rules report them, as ESLint keeps parse errors
 * apart from its rules.
 */
export interface ComposeDiagnostic {
  kind: ComposeDiagnosticKind;
  message: string;
  pos: SourcePos;
  /** The service concerned, when there is one. */
  service?: string;
  fix: { description: string };
  /** Other places that explain it. */
  related?: { pos: SourcePos; message: string }[];
}

export type ComposeDiagnosticKind = 'invalid' | 'interpolation' | 'reference';

export type NetworkMode =
  | { kind: 'default' }
  | { kind: 'host' }
  | { kind: 'bridge' }
  | { kind: 'none' }
  | { kind: 'service'; service: string }
  | { kind: 'container'; container: string };

export interface ServiceNetwork {
  /** Key in the top-level `networks:` map (`default` for the implicit one). */
  name: string;
  aliases: Located<string>[];
  /** Where the service joins it; for the implicit default network, the service key. */
  pos: SourcePos;
  implicit: boolean;
}

export interface PortMapping {
  /** Container port. */
  target: number;
  /** Host port; undefined when compose picks an ephemeral one. A range is expanded into several mappings. */
  published?: number;
  hostIp?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  pos: SourcePos;
}

export interface Mount {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** As written (a path or a volume name). */
  source?: string;
  /** Absolute host path for bind mounts (resolved against the project directory, `~` expanded). */
  hostPath?: string;
  /** Absolute container path. */
  target: string;
  readOnly: boolean;
  /** Written in short syntax (`./a:/b`): compose then creates a missing source as a directory. */
  short: boolean;
  pos: SourcePos;
}

export interface DependsOn {
  service: string;
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  /** Where the dependency is written (or the `links` entry that implies it). */
  pos: SourcePos;
  implicit: boolean;
}

export interface ComposeService {
  name: string;
  /** The service's key in `services:`. */
  pos: SourcePos;
  image?: Located<string>;
  build?: Located<string>;
  /** `build.dockerfile` (relative to the context) when written. */
  buildDockerfile?: Located<string>;
  /** `build.args`: values that override the Dockerfile's ARG defaults. */
  buildArgs?: Record<string, string | undefined>;
  /** `entrypoint` / `command` when the service overrides the image's; the shell form is one string. */
  entrypoint?: Located<string[] | string>;
  command?: Located<string[] | string>;
  /** `container_name`, or the default `<project>-<service>-1`. */
  containerName: string;
  containerNamePos?: SourcePos;
  hostname?: Located<string>;
  profiles: string[];
  /** False when disabled by an inactive profile, `scale: 0` or `deploy.replicas: 0`. */
  active: boolean;
  /** Why it is inactive, for messages ("profile \"debug\" is not enabled", "scale: 0"). */
  inactiveReason?: string;
  networkMode: NetworkMode;
  networkModePos?: SourcePos;
  /** Normalized: the implicit `default` network when none is listed and network_mode allows it. */
  networks: ServiceNetwork[];
  links: { service: string; alias: string; pos: SourcePos }[];
  dependsOn: DependsOn[];
  ports: PortMapping[];
  expose: { port: number; protocol: string; pos: SourcePos }[];
  volumes: Mount[];
  volumesFrom: Located<string>[];
  environment: Record<string, string | undefined>;
  extraHosts: { host: string; ip: string; pos: SourcePos }[];
  /** Service-level healthcheck defined (and not disabled). */
  healthcheck: boolean;
  /** `post_start` hooks (compose 2.30+): only compose runs them, so only compose may start this service. */
  postStart: boolean;
  /**
   * Where a fix may insert a new key: right after the service mapping's last value (0-based offset into
   * the file's text as read), so insert `eol + indent + "key: value"`. Absent for flow or empty mappings.
   */
  insertAt?: { file: string; offset: number; indent: string; eol?: string };
  /**
   * Per key of this service's mapping: the file and 0-based [start, end) offsets of the key's VALUE node,
   * the key's own indentation, and whether the value is a flow collection (`[a, b]` / `{a: b}`).
   */
  keyRanges: Record<string, { file: string; start: number; end: number; indent: string; flow: boolean }>;
}

export interface ComposeNetwork {
  name: string;
  pos: SourcePos;
  external: boolean;
  driver?: string;
  implicit: boolean;
}
