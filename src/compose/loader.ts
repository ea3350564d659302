import path from 'node:path';
import { InputError } from '../core/errors.js';
import { type Located as LocatedPath, ProjectFiles } from '../core/project-files.js';
import type { Located, SourcePos } from '../core/source.js';
import { CLI_INPUT_NAMES } from '../inputs.js';
import { checkConsistency } from './consistency.js';
import { parseDotenv } from './dotenv.js';
import { ExpansionBudget, ProcessEnvValues } from './expansion.js';
import { interpolateTree } from './interpolate.js';
import type { ComposeInputNames, ComposeLoadOptions } from './load-options.js';
import { mergeDocuments, mergeNodes } from './merge.js';
import type { ComposeDiagnostic, ComposeModel, ComposeNetwork } from './model.js';
import {
  type NormalizeContext,
  normalizeProjectName,
  normalizeService,
  topLevelNetworks,
  topLevelVolumes,
} from './normalize.js';
import { readComposeFile } from './parse.js';
import { checkReferences } from './references.js';
import { validateSchema } from './schema.js';
import {
  clone,
  composeDiagnostic,
  get,
  isMap,
  isSeq,
  type MapEntry,
  type MapNode,
  nodePos,
  scalarAt,
  str,
  toPlain,
  type YNode,
} from './tree.js';

/** compose-go's discovery order (cli/options.go). */
export const DEFAULT_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
];
export const OVERRIDE_FILE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];
const MAX_INCLUDE_DEPTH = 32;

type Env = Record<string, string>;

function definedOnly(env: Record<string, string | undefined>): Env {
  const out: Env = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** How a load expands variables: its size bound, and the record of values from the process environment. */
export interface ExpansionContext {
  budget: ExpansionBudget;
  processEnv: ProcessEnvValues;
}

/** Reads env files in order (later ones win); `base` (the process environment) is what they may interpolate. */
export function readEnvFiles(
  files: string[],
  base: Env,
  boundary: ProjectFiles = ProjectFiles.unconfined(),
  expansion?: ExpansionContext,
): Env {
  const fromBase = expansion ? expansion.processEnv.lookupIn(base) : (k: string) => base[k];
  const out: Env = {};
  for (const file of files) {
    const text = boundary.readText(file, 'env file');
    Object.assign(
      out,
      parseDotenv(text, file, (k) => fromBase(k) ?? out[k], expansion?.budget),
    );
  }
  return out;
}

/** Where `COMPOSE_FILE` is set in an env file (its last assignment), for findings about its entries. */
function composeFileLine(boundary: ProjectFiles, envFiles: readonly string[]): SourcePos | undefined {
  for (const file of [...envFiles].reverse()) {
    const text = boundary.sources.get(path.resolve(file));
    if (text === undefined) continue;
    const lines = text.split(/\r?\n/);
    for (let i = lines.length - 1; i >= 0; i--) {
      if (/^\s*(export\s+)?COMPOSE_FILE\s*[=:]/.test(lines[i]!))
        return { file: path.resolve(file), line: i + 1, column: 1 };
    }
  }
  return undefined;
}

/** The compose files to load, as docker compose picks them; throws InputError when there is none. */
export function discoverFiles(
  cwd: string,
  explicit: string[],
  env: Env,
  warnings: string[],
  boundary: ProjectFiles = ProjectFiles.unconfined(),
  /** Where COMPOSE_FILE was set, when it came from an env file. */
  composeFileRef?: SourcePos,
  /** How the caller names `explicit` in errors. */
  composeFilesName: string = CLI_INPUT_NAMES.composeFiles,
): string[] {
  const fromEnv = env.COMPOSE_FILE
    ? env.COMPOSE_FILE.split(env.COMPOSE_PATH_SEPARATOR || path.delimiter).filter(Boolean)
    : [];
  const named = explicit.length > 0 ? explicit : fromEnv;
  if (named.length > 0) {
    const flag = explicit.length > 0 ? composeFilesName : 'COMPOSE_FILE';
    const refused: LocatedPath[] = [];
    const files = named.flatMap((f) => {
      const where = boundary.locate(path.resolve(cwd, f));
      if (where.kind === 'missing') throw new InputError(`${flag} ${f}: no such file (relative to ${cwd})`);
      if (where.kind === 'outside') {
        refused.push(where);
        if (composeFileRef && explicit.length === 0)
          boundary.noteOutside(composeFileRef, 'COMPOSE_FILE entry', where);
        return [];
      }
      if (where.kind === 'dir') throw new InputError(`${f}: not a regular file; name a compose YAML file`);
      return [where.path];
    });
    if (files.length === 0 || (explicit.length > 0 && refused.length > 0)) {
      const first = refused[0]!;
      const at =
        composeFileRef && explicit.length === 0 ? `${composeFileRef.file}:${composeFileRef.line}: ` : '';
      throw new InputError(`${at}${boundary.outsideMessage(first.path, first.real ?? first.path, flag)}`);
    }
    return files;
  }
  // Like compose, look in the working directory, then in each parent.
  const exists = (p: string) => boundary.locate(p).kind !== 'missing';
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    // Like compose, any existing path counts; a directory is then reported as unreadable, not skipped.
    const candidates = DEFAULT_FILE_NAMES.map((n) => path.join(dir, n)).filter(exists);
    if (candidates.length > 0) {
      if (candidates.length > 1) {
        warnings.push(
          `Found multiple config files with supported names: ${candidates.join(', ')}; using ${candidates[0]}`,
        );
      }
      const overrides = OVERRIDE_FILE_NAMES.map((n) => path.join(dir, n)).filter(exists);
      if (overrides.length > 1) {
        warnings.push(
          `Found multiple override files with supported names: ${overrides.join(', ')}; using ${overrides[0]}`,
        );
      }
      return overrides[0] ? [candidates[0]!, overrides[0]] : [candidates[0]!];
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new InputError(`no compose file found in ${cwd}; name one with ${composeFilesName}`);
}

/** Loads a compose project as `docker compose config` would, keeping each value's file, line and column. */
export async function loadCompose(opts: ComposeLoadOptions): Promise<ComposeModel> {
  const cwd = path.resolve(opts.cwd);
  const processEnv = definedOnly(opts.env);
  const expansion: ExpansionContext = {
    budget: new ExpansionBudget(),
    processEnv: new ProcessEnvValues(processEnv),
  };
  // Files named by the caller are the caller's choice, not the project's: readable wherever they are.
  const boundary = opts.boundary ?? new ProjectFiles(cwd, { allow: [...opts.files, ...opts.envFiles] });
  const names: ComposeInputNames = opts.inputNames ?? CLI_INPUT_NAMES;
  const warnings: string[] = [];
  const envFilesFor = (dir: string) =>
    opts.envFiles.length > 0
      ? opts.envFiles.map((f) => {
          const abs = path.resolve(cwd, f);
          // A named file that is not regular (a FIFO, a device) is refused when it is read, naming it.
          if (boundary.locate(abs).kind === 'missing')
            throw new InputError(`${names.envFiles} ${f}: no such file (relative to ${cwd})`);
          return abs;
        })
      : [path.join(dir, '.env')].filter((p) => boundary.locate(p).kind !== 'missing');
  // COMPOSE_FILE and friends may come from the working directory's .env, as in compose.
  const cwdEnvFiles = envFilesFor(cwd);
  const cwdEnv: Env = { ...readEnvFiles(cwdEnvFiles, processEnv, boundary, expansion), ...processEnv };
  const composeFileRef =
    processEnv.COMPOSE_FILE === undefined ? composeFileLine(boundary, cwdEnvFiles) : undefined;
  const files = discoverFiles(
    cwd,
    opts.files,
    cwdEnv,
    warnings,
    boundary,
    composeFileRef,
    names.composeFiles,
  );
  const projectDir = path.dirname(files[0]!);
  // Found in a parent directory, as compose looks: that directory is the project.
  boundary.widenRootTo(projectDir);
  const env: Env =
    projectDir === cwd || opts.envFiles.length > 0
      ? cwdEnv
      : { ...readEnvFiles(envFilesFor(projectDir), processEnv, boundary, expansion), ...processEnv };

  const loader = new Loader(cwd, projectDir, expansion, boundary, names.envFiles);
  const docs = files.flatMap((f) => loader.loadFile(f, env, projectDir, []) ?? []);
  const root: MapNode = mergeDocuments(docs) ?? {
    kind: 'map',
    flow: false,
    entries: new Map(),
    file: files[0]!,
    line: 1,
    column: 1,
    start: 0,
    end: 0,
  };

  const profilesFromEnv = (env.COMPOSE_PROFILES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const nameNode = get(root, 'name');
  const projectName = normalizeProjectName(
    env.COMPOSE_PROJECT_NAME || str(nameNode) || path.basename(projectDir),
  );
  const ctx: NormalizeContext = {
    projectName,
    projectDir,
    profiles: opts.profiles.length > 0 ? opts.profiles : profilesFromEnv,
    env,
    lookup: expansion.processEnv.lookupIn(env),
    budget: expansion.budget,
    diagnostics: loader.diagnostics,
    boundary,
  };
  const servicesNode = get(root, 'services');
  const serviceNodes = new Map<string, MapNode>();
  const services = isMap(servicesNode)
    ? [...servicesNode.entries.values()].flatMap((e) => {
        const value: MapNode = isMap(e.value) ? e.value : { ...emptyMapAt(e.value) };
        serviceNodes.set(e.key, value);
        return [normalizeService(e.key, nodePos(e.keyNode), value, ctx)];
      })
    : [];
  const networks: ComposeNetwork[] = topLevelNetworks(root);
  const usesDefault = services.some((s) => s.networks.some((n) => n.name === 'default'));
  if (usesDefault && !networks.some((n) => n.name === 'default')) {
    networks.push({
      name: 'default',
      pos: { file: files[0]!, line: 1, column: 1 },
      external: false,
      implicit: true,
    });
  }
  const versionNode = get(root, 'version');
  const version = str(versionNode);
  const model: ComposeModel = {
    projectName,
    projectDir,
    files: loader.files,
    services,
    networks,
    volumes: topLevelVolumes(root),
    diagnostics: [],
    env,
    warnings: [...warnings, ...loader.warnings],
    unsetVariables: loader.unset,
    fromProcessEnv: expansion.processEnv.used,
  };
  if (version !== undefined && versionNode) model.version = { value: version, pos: nodePos(versionNode) };
  model.diagnostics = [
    ...loader.diagnostics,
    ...checkReferences(model, serviceNodes),
    ...checkConsistency(model, serviceNodes),
  ];
  return model;
}

function emptyMapAt(node: YNode): MapNode {
  return {
    kind: 'map',
    flow: true,
    entries: new Map(),
    file: node.file,
    line: node.line,
    column: node.column,
    start: node.start,
    end: node.end,
  };
}

/** Reads files, applies interpolation, schema, include and extends, and collects findings on the way. */
class Loader {
  readonly files: string[] = [];
  readonly diagnostics: ComposeDiagnostic[] = [];
  readonly warnings: string[] = [];
  readonly unset: Located<string>[] = [];
  private readonly extendsCache = new Map<string, MapNode | undefined>();

  constructor(
    private readonly cwd: string,
    private readonly projectDir: string,
    private readonly expansion: ExpansionContext,
    private readonly boundary: ProjectFiles,
    /** How the caller names env files, for the fix of an unset required variable. */
    private readonly envFilesName: string,
  ) {}

  /** Whether a referenced path may be read; one outside the root is noted at the reference, not read. */
  private readable(p: string, ref: SourcePos, what: string): LocatedPath {
    const where = this.boundary.locate(p);
    if (where.kind === 'outside') this.boundary.noteOutside(ref, what, where);
    return where;
  }

  private label(file: string): string {
    return path.relative(this.cwd, file) || path.basename(file);
  }

  /** Parse, interpolate and schema-check one file; undefined when it has no usable top-level mapping. */
  private read(file: string, env: Env): MapNode | undefined {
    const parsed = readComposeFile(file, this.boundary);
    if (!this.files.includes(file)) this.files.push(file);
    this.diagnostics.push(...parsed.diagnostics);
    if (!parsed.root) return undefined;
    const interpolation = interpolateTree(
      parsed.root,
      parsed.text,
      this.expansion.processEnv.lookupIn(env),
      this.expansion.budget,
      this.envFilesName,
    );
    this.diagnostics.push(...interpolation.diagnostics);
    this.unset.push(...interpolation.unset);
    this.diagnostics.push(...validateSchema(parsed.root, this.label(file)));
    return parsed.root;
  }

  /**
   * One compose file with its includes and extends applied. Relative paths in it resolve against
   * `baseDir`; when that is not the project directory (an included project), they are made absolute.
   */
  loadFile(file: string, env: Env, baseDir: string, chain: string[]): MapNode | undefined {
    const root = this.read(file, env);
    if (!root) return undefined;
    this.applyIncludes(root, file, env, [...chain, file]);
    this.applyExtends(root, file, env);
    if (baseDir !== this.projectDir) rebaseServices(root, baseDir);
    return root;
  }

  private applyIncludes(root: MapNode, file: string, env: Env, chain: string[]): void {
    const include = root.entries.get('include');
    if (!include) return;
    root.entries.delete('include');
    const workingDir = path.dirname(file);
    const list = isSeq(include.value) ? include.value.items : [];
    for (const item of list) {
      const pathNode = isMap(item) ? get(item, 'path') : item;
      const paths = (isSeq(pathNode) ? pathNode.items : pathNode ? [pathNode] : []).flatMap((p) => {
        const s = str(p);
        return s === undefined ? [] : [{ file: path.resolve(workingDir, s), node: p }];
      });
      if (paths.length === 0) continue;
      const located = paths.map((p) => this.readable(p.file, nodePos(p.node), 'include'));
      if (located.some((l) => l.kind === 'outside')) continue;
      const missing = paths.filter((_, i) => located[i]!.kind === 'missing' || located[i]!.kind === 'dir');
      for (const m of missing) {
        this.diagnostics.push(
          composeDiagnostic(
            'invalid',
            nodePos(m.node),
            `include: ${m.file} not found`,
            'Fix the path of the included compose file.',
          ),
        );
      }
      if (missing.length > 0) continue;
      const cycle = paths.find((p) => chain.includes(p.file));
      if (cycle || chain.length > MAX_INCLUDE_DEPTH) {
        this.diagnostics.push(
          composeDiagnostic(
            'invalid',
            nodePos(cycle?.node ?? item),
            `include cycle detected: ${[...chain, cycle?.file ?? ''].map((f) => this.label(f)).join(' includes ')}`,
            'Remove the include that leads back to a file already being included.',
          ),
        );
        continue;
      }
      const projectDirText = isMap(item) ? str(get(item, 'project_directory')) : undefined;
      const includedDir = projectDirText
        ? path.resolve(workingDir, projectDirText)
        : path.dirname(paths[0]!.file);
      const envFileNode = isMap(item) ? get(item, 'env_file') : undefined;
      const envFiles = envFileNode
        ? (isSeq(envFileNode) ? envFileNode.items : [envFileNode]).flatMap((n) => {
            const s = str(n);
            if (s === undefined || s === '/dev/null') return [];
            const abs = path.resolve(workingDir, s);
            const where = this.readable(abs, nodePos(n), 'include env_file');
            if (where.kind === 'outside') return [];
            if (where.kind === 'missing' || where.kind === 'dir') {
              this.diagnostics.push(
                composeDiagnostic(
                  'invalid',
                  nodePos(n),
                  `include: env_file ${abs} not found`,
                  'Fix the env_file path.',
                ),
              );
              return [];
            }
            return [abs];
          })
        : [path.join(includedDir, '.env')].filter((p) => this.boundary.locate(p).kind === 'file');
      const includedEnv = { ...env, ...readEnvFiles(envFiles, env, this.boundary, this.expansion) };
      const docs = paths.flatMap((p) => this.loadFile(p.file, includedEnv, includedDir, chain) ?? []);
      const included = mergeDocuments(docs);
      if (included) this.addImported(root, included);
    }
  }

  /** Resources of an included project join the model; a different local definition of the same name conflicts. */
  private addImported(root: MapNode, included: MapNode): void {
    for (const section of ['services', 'networks', 'volumes', 'secrets', 'configs', 'models']) {
      const imported = get(included, section);
      if (!isMap(imported)) continue;
      const local = root.entries.get(section);
      if (!local || !isMap(local.value)) {
        const keyNode =
          local?.keyNode ?? imported.entries.values().next().value?.keyNode ?? scalarAt(imported, section);
        root.entries.set(section, { key: section, keyNode, value: clone(imported) });
        continue;
      }
      for (const [name, e] of imported.entries) {
        const mine = local.value.entries.get(name);
        // compose accepts the same resource defined identically on both sides.
        if (mine && JSON.stringify(toPlain(mine.value)) === JSON.stringify(toPlain(e.value))) continue;
        if (mine) {
          this.diagnostics.push(
            composeDiagnostic(
              'invalid',
              nodePos(mine.keyNode),
              `${section}.${name} conflicts with imported resource`,
              `Rename ${section}.${name} here or in the included project: both define it.`,
            ),
          );
          continue;
        }
        local.value.entries.set(name, e);
      }
    }
  }

  private applyExtends(root: MapNode, file: string, env: Env): void {
    const services = get(root, 'services');
    if (!isMap(services)) return;
    // Shared with the extends that lead back to this file, so that a cycle across files is seen.
    if (!this.extendsCache.has(file)) this.extendsCache.set(file, services);
    for (const name of [...services.entries.keys()]) this.resolveExtends(name, services, file, env);
  }

  /** The services of a file named by `extends.file`, parsed once; each is resolved when a chain reaches it. */
  private servicesOf(file: string, env: Env): MapNode | undefined {
    if (this.extendsCache.has(file)) return this.extendsCache.get(file);
    const root = this.read(file, env);
    const services = get(root, 'services');
    const result = isMap(services) ? services : undefined;
    this.extendsCache.set(file, result);
    return result;
  }

  /**
   * Follows `name`'s extends chain to its base with a loop, not recursion (a chain 10,000 services
   * deep is user input), then merges back from the base up, leaving each service of the chain resolved.
   */
  private resolveExtends(name: string, services: MapNode, file: string, env: Env): void {
    const chain: ExtendsStep[] = [];
    const onChain = new Map<string, number>();
    let at = { name, services, file };
    let base: MapNode | undefined;
    for (;;) {
      const e = at.services.entries.get(at.name);
      if (!e || !isMap(e.value)) break;
      const svc = e.value;
      const ext = svc.entries.get('extends');
      if (!ext) {
        base = svc;
        break;
      }
      const own: MapNode = { ...svc, entries: new Map([...svc.entries].filter(([k]) => k !== 'extends')) };
      const id = `${at.file}#${at.name}`;
      const stop = (): void => {
        at.services.entries.set(at.name, { ...e, value: own });
        base = own;
      };
      const seen = onChain.get(id);
      if (seen !== undefined) {
        this.diagnostics.push(this.extendsCycle([...chain, { ...at, e, own }], nodePos(ext.keyNode)));
        stop();
        break;
      }
      const targetNode = isMap(ext.value) ? get(ext.value, 'service') : ext.value;
      const target = str(targetNode);
      const fileNode = isMap(ext.value) ? get(ext.value, 'file') : undefined;
      const fromFile = str(fileNode);
      if (target === undefined) {
        stop();
        break;
      }
      let baseServices: MapNode | undefined = at.services;
      let baseFile = at.file;
      if (fromFile !== undefined) {
        baseFile = path.resolve(path.dirname(at.file), fromFile);
        const where = this.readable(baseFile, nodePos(fileNode!), 'extends.file');
        if (where.kind === 'outside') {
          stop();
          break;
        }
        if (where.kind === 'missing' || where.kind === 'dir') {
          this.diagnostics.push(
            composeDiagnostic(
              'reference',
              nodePos(fileNode!),
              `service "${at.name}" extends a file that does not exist: ${baseFile}`,
              'Fix the extends.file path (it is relative to this compose file).',
              at.name,
            ),
          );
          stop();
          break;
        }
        baseServices = baseFile === at.file ? at.services : this.servicesOf(baseFile, env);
      }
      const baseEntry = baseServices?.entries.get(target);
      if (!baseServices || !baseEntry) {
        this.diagnostics.push(
          composeDiagnostic(
            'reference',
            nodePos(targetNode!),
            `service "${at.name}" extends undefined service "${target}"${fromFile !== undefined ? ` in ${this.label(baseFile)}` : ''}`,
            `Name a service defined in ${this.label(baseFile)}.`,
            at.name,
          ),
        );
        stop();
        break;
      }
      onChain.set(id, chain.length);
      chain.push({ ...at, e, own, baseFile });
      at = { name: target, services: baseServices, file: baseFile };
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const step = chain[i]!;
      if (!base) {
        step.services.entries.set(step.name, { ...step.e, value: step.own });
        base = step.own;
        continue;
      }
      let baseCopy = clone(base);
      const baseDir = path.dirname(step.baseFile!);
      if (baseDir !== path.dirname(step.file)) baseCopy = rebaseService(baseCopy, baseDir);
      const merged = mergeNodes(baseCopy, step.own, ['services', step.name]) as MapNode;
      const result: MapNode = { ...step.own, entries: merged.entries };
      step.services.entries.set(step.name, { ...step.e, value: result });
      base = result;
    }
  }

  /**
   * compose refuses an extends cycle ("Circular reference:" and the chain); named here from where
   * the chain started, with the file of each step when the cycle crosses files.
   */
  private extendsCycle(chain: ExtendsStep[], pos: SourcePos): ComposeDiagnostic {
    const last = chain[chain.length - 1]!;
    const crossesFiles = chain.some((s) => s.file !== last.file);
    const names = chain.map((s) => (crossesFiles ? `${s.name} in ${this.label(s.file)}` : s.name));
    return composeDiagnostic(
      'invalid',
      pos,
      `circular reference with extends: ${names.join(' -> ')}`,
      crossesFiles
        ? 'Break the cycle: `docker compose config` stops with "Circular reference" when services extend each other across files.'
        : 'Break the cycle: a service cannot extend itself, directly or through others.',
      last.name,
    );
  }
}

interface ExtendsStep {
  name: string;
  services: MapNode;
  file: string;
  e: MapEntry;
  own: MapNode;
  /** The file of the service this one extends. */
  baseFile?: string;
}

function isRelativePath(p: string): boolean {
  return !path.isAbsolute(p) && !p.startsWith('~') && !/^[a-z]+:\/\//i.test(p) && !/^[a-zA-Z]:[\\/]/.test(p);
}

/** Makes relative bind sources, build contexts and env_file paths absolute, for services defined away from the project directory. */
function rebaseService(svc: MapNode, dir: string): MapNode {
  const out = clone(svc);
  const absolute = (node: YNode | undefined) => {
    if (node?.kind === 'scalar' && typeof node.value === 'string' && isRelativePath(node.value)) {
      node.value = path.resolve(dir, node.value);
    }
  };
  const volumes = get(out, 'volumes');
  if (isSeq(volumes)) {
    for (const v of volumes.items) {
      if (v.kind === 'scalar' && typeof v.value === 'string' && /^\.\.?([\\/]|:|$)/.test(v.value)) {
        const colon = v.value.indexOf(':');
        const source = colon < 0 ? v.value : v.value.slice(0, colon);
        v.value = path.resolve(dir, source) + (colon < 0 ? '' : v.value.slice(colon));
      } else if (isMap(v) && str(get(v, 'type')) === 'bind') absolute(get(v, 'source'));
    }
  }
  const build = get(out, 'build');
  if (isMap(build)) absolute(get(build, 'context'));
  else absolute(build);
  const envFile = get(out, 'env_file');
  for (const entry of isSeq(envFile) ? envFile.items : envFile ? [envFile] : []) {
    absolute(isMap(entry) ? get(entry, 'path') : entry);
  }
  return out;
}

function rebaseServices(root: MapNode, dir: string): void {
  const services = get(root, 'services');
  if (!isMap(services)) return;
  for (const [name, e] of services.entries) {
    if (isMap(e.value)) services.entries.set(name, { ...e, value: rebaseService(e.value, dir) });
  }
}
