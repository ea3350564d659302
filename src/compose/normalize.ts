import os from 'node:os';
import path from 'node:path';
import { errorMessage } from '../core/errors.js';
import { ProjectFiles } from '../core/project-files.js';
import type { Located, SourcePos } from '../core/source.js';
import { parseDotenv } from './dotenv.js';
import type { ExpansionBudget } from './expansion.js';
import { splitVolumeSpec } from './merge.js';
import type {
  ComposeDiagnostic,
  ComposeNetwork,
  ComposeService,
  DependsOn,
  Mount,
  NetworkMode,
  PortMapping,
  ServiceNetwork,
} from './model.js';
import type { Lookup } from './template.js';
import {
  composeDiagnostic,
  get,
  isMap,
  isScalar,
  isSeq,
  type MapNode,
  nodePos,
  str,
  type YNode,
} from './tree.js';

/** Ports 0–65535: no expansion of a range or a replica count can yield more distinct ports than this. */
const PORT_COUNT = 65536;

export interface NormalizeContext {
  projectName: string;
  projectDir: string;
  /** Enabled profiles; `*` enables all. */
  profiles: string[];
  env: Record<string, string>;
  /** Lookup in `env` for values a service inherits (bare `KEY` in environment and env_file). */
  lookup?: Lookup;
  /** The interpolation bound of the run, for env_file values. */
  budget?: ExpansionBudget;
  /** Where problems found while normalizing (an unreadable env_file) go. */
  diagnostics: ComposeDiagnostic[];
  /** The root-confined reader (env_file); default: unconfined but bounded. */
  boundary?: ProjectFiles;
}

/** compose-go's NormalizeProjectName: lowercase, only [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

function located(node: YNode | undefined): Located<string> | undefined {
  const value = str(node);
  return value === undefined || !node ? undefined : { value, pos: nodePos(node) };
}

function items(node: YNode | undefined): YNode[] {
  return isSeq(node) ? node.items : [];
}

export function parseNetworkMode(mode: string): NetworkMode {
  if (mode === 'host' || mode === 'bridge' || mode === 'none') return { kind: mode };
  if (mode.startsWith('service:')) return { kind: 'service', service: mode.slice('service:'.length) };
  if (mode.startsWith('container:')) return { kind: 'container', container: mode.slice('container:'.length) };
  return { kind: 'default' };
}

export function normalizeService(
  name: string,
  keyPos: SourcePos,
  svc: MapNode,
  ctx: NormalizeContext,
): ComposeService {
  const networkModeNode = get(svc, 'network_mode');
  const networkModeText = str(networkModeNode);
  const networkMode =
    networkModeText === undefined ? ({ kind: 'default' } as const) : parseNetworkMode(networkModeText);
  const containerName = located(get(svc, 'container_name'));
  const links = items(get(svc, 'links')).flatMap((item) => {
    const text = str(item);
    if (text === undefined) return [];
    const [service, alias] = text.split(':');
    return [{ service: service!, alias: alias ?? service!, pos: nodePos(item) }];
  });
  const service: ComposeService = {
    name,
    pos: keyPos,
    containerName: containerName?.value ?? `${ctx.projectName}-${name}-1`,
    profiles: items(get(svc, 'profiles')).flatMap((p) => str(p) ?? []),
    active: true,
    networkMode,
    networks: serviceNetworks(svc, networkModeText === undefined, keyPos),
    links,
    dependsOn: dependsOn(svc, links, networkMode, networkModeNode),
    ports: items(get(svc, 'ports')).flatMap(parsePort),
    expose: items(get(svc, 'expose')).flatMap(parseExpose),
    volumes: items(get(svc, 'volumes')).flatMap((v) => parseMount(v, ctx)),
    volumesFrom: items(get(svc, 'volumes_from')).flatMap((v) => located(v) ?? []),
    environment: {
      ...envFileValues(get(svc, 'env_file'), ctx),
      ...environment(get(svc, 'environment'), ctx.lookup ?? ((k) => ctx.env[k])),
    },
    extraHosts: extraHosts(get(svc, 'extra_hosts')),
    healthcheck: healthcheckEnabled(get(svc, 'healthcheck')),
    postStart: items(get(svc, 'post_start')).length > 0,
    keyRanges: keyRanges(svc),
  };
  const image = located(get(svc, 'image'));
  if (image) service.image = image;
  const buildNode = get(svc, 'build');
  const build = located(isMap(buildNode) ? get(buildNode, 'context') : buildNode);
  if (build) service.build = build;
  else if (isMap(buildNode)) service.build = { value: '.', pos: nodePos(buildNode) };
  if (isMap(buildNode)) {
    const dockerfile = located(get(buildNode, 'dockerfile'));
    if (dockerfile) service.buildDockerfile = dockerfile;
    const args = get(buildNode, 'args');
    if (args) service.buildArgs = environment(args, ctx.lookup ?? ((k) => ctx.env[k]));
  }
  for (const key of ['entrypoint', 'command'] as const) {
    const node = get(svc, key);
    if (!node) continue;
    const value = isSeq(node) ? node.items.map((i) => str(i) ?? '') : str(node);
    if (value !== undefined) service[key] = { value, pos: nodePos(node) };
  }
  if (containerName) service.containerNamePos = containerName.pos;
  const hostname = located(get(svc, 'hostname'));
  if (hostname) service.hostname = hostname;
  if (networkModeNode) service.networkModePos = nodePos(networkModeNode);
  const insert = insertAt(svc);
  if (insert) service.insertAt = insert;
  const inactive = inactiveReason(svc, service.profiles, ctx.profiles);
  if (inactive) {
    service.active = false;
    service.inactiveReason = inactive;
  }
  return service;
}

function inactiveReason(svc: MapNode, profiles: string[], enabled: string[]): string | undefined {
  if (profiles.length > 0 && !enabled.includes('*') && !profiles.some((p) => enabled.includes(p))) {
    return profiles.length === 1
      ? `profile "${profiles[0]}" is not enabled`
      : `none of its profiles (${profiles.map((p) => `"${p}"`).join(', ')}) is enabled`;
  }
  const scale = get(svc, 'scale');
  if (isScalar(scale) && scale.value === 0) return 'scale: 0';
  const replicas = get(get(svc, 'deploy'), 'replicas');
  if (isScalar(replicas) && replicas.value === 0) return 'deploy.replicas: 0';
  return undefined;
}

function serviceNetworks(svc: MapNode, noNetworkMode: boolean, keyPos: SourcePos): ServiceNetwork[] {
  const node = get(svc, 'networks');
  const out: ServiceNetwork[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      const name = str(item);
      if (name !== undefined) out.push({ name, aliases: [], pos: nodePos(item), implicit: false });
    }
  } else if (isMap(node)) {
    for (const e of node.entries.values()) {
      const aliases = items(get(e.value, 'aliases')).flatMap((a) => located(a) ?? []);
      out.push({ name: e.key, aliases, pos: nodePos(e.keyNode), implicit: false });
    }
  }
  // compose joins `default` only when nothing else is listed and no network_mode is set.
  if (out.length === 0 && noNetworkMode)
    out.push({ name: 'default', aliases: [], pos: keyPos, implicit: true });
  return out;
}

const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

function dependsOn(
  svc: MapNode,
  links: { service: string; pos: SourcePos }[],
  mode: NetworkMode,
  modeNode: YNode | undefined,
): DependsOn[] {
  const out: DependsOn[] = [];
  const node = get(svc, 'depends_on');
  if (isSeq(node)) {
    for (const item of node.items) {
      const service = str(item);
      if (service !== undefined)
        out.push({ service, condition: 'service_started', pos: nodePos(item), implicit: false });
    }
  } else if (isMap(node)) {
    for (const e of node.entries.values()) {
      const condition = str(get(e.value, 'condition')) ?? 'service_started';
      out.push({
        service: e.key,
        condition: (CONDITIONS.has(condition) ? condition : 'service_started') as DependsOn['condition'],
        pos: nodePos(e.keyNode),
        implicit: false,
      });
    }
  }
  const add = (service: string, pos: SourcePos) => {
    if (!out.some((d) => d.service === service))
      out.push({ service, condition: 'service_started', pos, implicit: true });
  };
  for (const link of links) add(link.service, link.pos);
  if (mode.kind === 'service' && modeNode) add(mode.service, nodePos(modeNode));
  return out;
}

/** `[ip:][host:]container[/proto]`, with port ranges expanded pairwise, or the long syntax. */
export function parsePort(node: YNode): PortMapping[] {
  const pos = nodePos(node);
  if (isMap(node)) {
    const target = parseRange(str(get(node, 'target')) ?? '');
    const publishedText = str(get(node, 'published'));
    const published = publishedText === undefined ? undefined : parseRange(publishedText);
    const hostIp = str(get(node, 'host_ip')) || undefined;
    const protocol = protocolOf(str(get(node, 'protocol')));
    if (!target) return [];
    return expand(target, published, hostIp, protocol, pos);
  }
  const text = str(node);
  if (text === undefined) return [];
  const [spec = '', proto] = text.split('/');
  let hostIp: string | undefined;
  let rest = spec;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let hostPart: string | undefined;
  let containerPart: string;
  if (hostIp === undefined && parts.length > 3) {
    // An unbracketed IPv6 host address: the last two fields are the ports.
    containerPart = parts.pop()!;
    hostPart = parts.pop();
    hostIp = parts.join(':');
  } else if (parts.length === 3) {
    [hostIp, hostPart, containerPart] = parts as [string, string, string];
  } else if (parts.length === 2) {
    [hostPart, containerPart] = parts as [string, string];
  } else containerPart = parts[0]!;
  const target = parseRange(containerPart);
  if (!target) return [];
  const published = hostPart ? parseRange(hostPart) : undefined;
  return expand(target, published, hostIp || undefined, protocolOf(proto), pos);
}

function protocolOf(proto: string | undefined): PortMapping['protocol'] {
  return proto === 'udp' || proto === 'sctp' ? proto : 'tcp';
}

function parseRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  return [from, m[2] === undefined ? from : Number(m[2])];
}

function expand(
  target: [number, number],
  published: [number, number] | undefined,
  hostIp: string | undefined,
  protocol: PortMapping['protocol'],
  pos: SourcePos,
): PortMapping[] {
  const out: PortMapping[] = [];
  const count = target[1] - target[0] + 1;
  // A host range with one container port lets the engine pick one host port of the range.
  const pairwise = published !== undefined && published[1] - published[0] + 1 === count;
  for (let i = 0; i < count && i < PORT_COUNT; i++) {
    const mapping: PortMapping = { target: target[0] + i, protocol, pos };
    if (published && (pairwise || published[0] === published[1]))
      mapping.published = published[0] + (pairwise ? i : 0);
    if (hostIp) mapping.hostIp = hostIp;
    out.push(mapping);
  }
  return out;
}

function parseExpose(node: YNode): { port: number; protocol: string; pos: SourcePos }[] {
  const text = str(node);
  if (text === undefined) return [];
  const [ports = '', protocol = 'tcp'] = text.split('/');
  const range = parseRange(ports);
  if (!range) return [];
  const out = [];
  for (let p = range[0]; p <= range[1] && out.length < PORT_COUNT; p++)
    out.push({ port: p, protocol, pos: nodePos(node) });
  return out;
}

function hostPathOf(source: string, ctx: NormalizeContext): string {
  if (source === '~' || source.startsWith('~/'))
    return path.join(ctx.env.HOME ?? os.homedir(), source.slice(1));
  return path.resolve(ctx.projectDir, source);
}

function isBindSource(source: string): boolean {
  return /^[./~]/.test(source) || /^[a-zA-Z]:[\\/]/.test(source) || source.startsWith('\\\\');
}

export function parseMount(node: YNode, ctx: NormalizeContext): Mount[] {
  const pos = nodePos(node);
  if (isMap(node)) {
    const type = (str(get(node, 'type')) ?? 'volume') as Mount['type'];
    const target = str(get(node, 'target'));
    if (target === undefined) return [];
    const source = str(get(node, 'source'));
    const mount: Mount = {
      type,
      target,
      readOnly:
        get(node, 'read_only')?.kind === 'scalar' &&
        (get(node, 'read_only') as { value: unknown }).value === true,
      short: false,
      pos,
    };
    if (source !== undefined) mount.source = source;
    if (type === 'bind' && source !== undefined) mount.hostPath = hostPathOf(source, ctx);
    return [mount];
  }
  const text = str(node);
  if (text === undefined) return [];
  const { source, target, mode } = splitVolumeSpec(text);
  const readOnly = (mode ?? '').split(',').includes('ro');
  if (source === undefined || source === '') return [{ type: 'volume', target, readOnly, short: true, pos }];
  if (isBindSource(source)) {
    return [{ type: 'bind', source, hostPath: hostPathOf(source, ctx), target, readOnly, short: true, pos }];
  }
  return [{ type: 'volume', source, target, readOnly, short: true, pos }];
}

/**
 * `env_file:` (a path, a list of paths, or `{path, required}` entries) read in order with compose's dotenv
 * rules; `environment:` wins over it. A missing required file is compose-invalid, as `up` would fail.
 */
function envFileValues(node: YNode | undefined, ctx: NormalizeContext): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = isSeq(node) ? node.items : node ? [node] : [];
  for (const item of entries) {
    const file = str(isMap(item) ? get(item, 'path') : item);
    if (file === undefined) continue;
    const requiredNode = isMap(item) ? get(item, 'required') : undefined;
    const required = !(isScalar(requiredNode) && requiredNode.value === false);
    const abs = path.resolve(ctx.projectDir, file);
    ctx.boundary ??= ProjectFiles.unconfined();
    const boundary = ctx.boundary;
    const where = boundary.locate(abs);
    if (where.kind === 'outside') {
      boundary.noteOutside(nodePos(item), 'env_file', where);
      continue;
    }
    let text: string;
    try {
      text = boundary.readText(abs, 'env file');
    } catch (error) {
      if (where.kind !== 'missing') {
        // A FIFO, device or oversized file: say so at the reference, whether required or not.
        ctx.diagnostics.push(
          composeDiagnostic(
            'invalid',
            nodePos(item),
            errorMessage(error),
            'Point env_file at a regular KEY=VALUE file.',
          ),
        );
      } else if (required) {
        ctx.diagnostics.push(
          composeDiagnostic(
            'invalid',
            nodePos(item),
            `env file ${abs} not found`,
            'Create the file, fix the path (relative to the project directory), or mark the entry `required: false`.',
          ),
        );
      }
      continue;
    }
    try {
      Object.assign(
        out,
        parseDotenv(text, abs, (k) => out[k] ?? (ctx.lookup ? ctx.lookup(k) : ctx.env[k]), ctx.budget),
      );
    } catch (error) {
      ctx.diagnostics.push(
        composeDiagnostic(
          'invalid',
          nodePos(item),
          errorMessage(error),
          'Fix the env file (KEY=VALUE lines).',
        ),
      );
    }
  }
  return out;
}

/** Both forms; a name without a value takes it from the environment, and is dropped when unset there. */
function environment(node: YNode | undefined, lookup: Lookup): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const set = (key: string, value: string | undefined) => {
    Object.defineProperty(out, key, {
      value: value ?? lookup(key),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  if (isSeq(node)) {
    for (const item of node.items) {
      const text = str(item);
      if (text === undefined) continue;
      const eq = text.indexOf('=');
      set(eq < 0 ? text : text.slice(0, eq), eq < 0 ? undefined : text.slice(eq + 1));
    }
  } else if (isMap(node)) {
    for (const e of node.entries.values()) set(e.key, str(e.value));
  }
  return out;
}

/** `host:ip`, `host=ip` (IPv6 values keep their colons, brackets are dropped) or `{host: ip | [ip, …]}`. */
function extraHosts(node: YNode | undefined): { host: string; ip: string; pos: SourcePos }[] {
  const out: { host: string; ip: string; pos: SourcePos }[] = [];
  const push = (host: string, ip: string, pos: SourcePos) =>
    out.push({ host, ip: ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip, pos });
  if (isSeq(node)) {
    for (const item of node.items) {
      const text = str(item);
      if (text === undefined) continue;
      const eq = text.indexOf('=');
      const sep = eq >= 0 ? eq : text.indexOf(':');
      if (sep < 0) continue;
      push(text.slice(0, sep), text.slice(sep + 1), nodePos(item));
    }
  } else if (isMap(node)) {
    for (const e of node.entries.values()) {
      const values = isSeq(e.value) ? e.value.items : [e.value];
      for (const v of values) {
        const ip = str(v);
        if (ip !== undefined) push(e.key, ip, nodePos(v));
      }
    }
  }
  return out;
}

function healthcheckEnabled(node: YNode | undefined): boolean {
  if (!isMap(node)) return false;
  const disable = get(node, 'disable');
  if (isScalar(disable) && disable.value === true) return false;
  const test = get(node, 'test');
  const first = isSeq(test) ? str(test.items[0]) : str(test);
  return first !== 'NONE';
}

function keyRanges(svc: MapNode): ComposeService['keyRanges'] {
  const out: ComposeService['keyRanges'] = {};
  for (const e of svc.entries.values()) {
    out[e.key] = {
      file: e.value.file,
      start: e.value.start,
      end: e.value.end,
      indent: e.indent ?? svc.keyIndent ?? '',
      flow: e.value.kind !== 'scalar' && e.value.flow,
    };
  }
  return out;
}

function insertAt(svc: MapNode): ComposeService['insertAt'] {
  if (svc.flow || svc.keyIndent === undefined || svc.entries.size === 0) return undefined;
  return { file: svc.file, offset: svc.end, indent: svc.keyIndent, eol: svc.eol ?? '\n' };
}

export function topLevelNetworks(root: MapNode): ComposeNetwork[] {
  const node = get(root, 'networks');
  if (!isMap(node)) return [];
  return [...node.entries.values()].map((e) => {
    const external = get(e.value, 'external');
    const network: ComposeNetwork = {
      name: e.key,
      pos: nodePos(e.keyNode),
      external: (isScalar(external) && external.value === true) || isMap(external),
      implicit: false,
    };
    const driver = str(get(e.value, 'driver'));
    if (driver !== undefined) network.driver = driver;
    return network;
  });
}

export function topLevelVolumes(root: MapNode): ComposeModelVolume[] {
  const node = get(root, 'volumes');
  if (!isMap(node)) return [];
  return [...node.entries.values()].map((e) => {
    const external = get(e.value, 'external');
    return {
      name: e.key,
      pos: nodePos(e.keyNode),
      external: (isScalar(external) && external.value === true) || isMap(external),
    };
  });
}

type ComposeModelVolume = { name: string; pos: SourcePos; external: boolean };
