// A service's build, as the project view needs it: the Dockerfile model (read through the project
// boundary), the image its final stage starts from, and the files COPY/ADD lay into the image.
import path from 'node:path';
import type { ComposeDiagnostic, ComposeService } from '../compose/model.js';
import { composeDiagnostic } from '../compose/tree.js';
import { errorMessage } from '../core/errors.js';
import type { ProjectFiles } from '../core/project-files.js';
import type { Located, SourcePos } from '../core/source.js';
import { type ContextIgnore, dockerignoreCandidates, parseDockerignore } from '../dockerfile/dockerignore.js';
import {
  baseImageOf,
  type DockerCopy,
  type DockerfileModel,
  type DockerStage,
  finalStage,
  parseDockerfile,
  stageNamed,
} from '../dockerfile/index.js';
import { globToRegExp } from '../nginx/memory-fs.js';

/** A file the build puts into the image: its container path, the host file it comes from, and the COPY. */
export interface ImageFile {
  hostPath: string;
  copy: DockerCopy;
}

export interface ServiceBuild {
  model: DockerfileModel;
  final: DockerStage;
  /** The image the final stage starts from (build arguments expanded). */
  base: Located<string>;
  /** Files of the final image that come from the build context, by container path. */
  files: ReadonlyMap<string, ImageFile>;
  /** The context's ignore file, when it has one: what it excludes is in no image. */
  ignore?: ContextIgnore;
}

// A COPY of a big tree (a whole app) is not an nginx config; stop listing there.
const MAX_FILES_PER_COPY = 2000;
const MAX_DEPTH = 8;

/** Reads and models a service's Dockerfile; undefined without a build or when it cannot be read. */
export function readServiceBuild(
  service: ComposeService,
  projectDir: string,
  boundary: ProjectFiles,
  diagnostics: ComposeDiagnostic[],
): ServiceBuild | undefined {
  const build = service.build;
  if (!build) return undefined;
  const contextDir = path.resolve(projectDir, build.value);
  // A remote context (git URL) is not on disk.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(build.value) || build.value.startsWith('git@')) return undefined;
  const file = path.resolve(contextDir, service.buildDockerfile?.value ?? 'Dockerfile');
  const at = service.buildDockerfile?.pos ?? build.pos;
  const where = boundary.locate(file);
  if (where.kind === 'missing') return undefined;
  if (where.kind === 'outside') {
    boundary.noteOutside(at, 'build Dockerfile', where);
    return undefined;
  }
  let text: string;
  try {
    text = boundary.readText(file, 'Dockerfile', at);
  } catch (error) {
    // A FIFO, a device or an oversized file is refused, not waited on; docker build could not use it either.
    diagnostics.push(
      composeDiagnostic('invalid', at, errorMessage(error), 'Make the build Dockerfile a regular file.'),
    );
    return undefined;
  }
  const model = parseDockerfile(file, text, service.buildArgs ?? {});
  const final = finalStage(model);
  if (!final) return undefined;
  const ignore = readContextIgnore(file, contextDir, boundary, at, diagnostics);
  const inContext = (host: string) =>
    !ignore?.excludes(path.relative(contextDir, host).split(path.sep).join('/'));
  const layers = new Map<DockerStage, Map<string, ImageFile>>();
  const layerOf = (stage: DockerStage): Map<string, ImageFile> => {
    let files = layers.get(stage);
    if (files) return files;
    files = new Map(stage.fromStage ? layerOf(stage.fromStage) : []);
    layers.set(stage, files);
    for (const copy of stage.copies) {
      if (copy.from === undefined) copyFromContext(copy, contextDir, boundary, files, inContext);
      else {
        const from = stageNamed(model, copy.from, stage.index);
        // --from=<image>: the image's files are not knowable here.
        if (from) copyFromStage(copy, layerOf(from), files);
      }
    }
    return files;
  };
  return { model, final, base: baseImageOf(final), files: layerOf(final), ...(ignore ? { ignore } : {}) };
}

/** The ignore file docker build applies to this context, if any (see dockerignoreCandidates). */
function readContextIgnore(
  dockerfile: string,
  contextDir: string,
  boundary: ProjectFiles,
  at: SourcePos,
  diagnostics: ComposeDiagnostic[],
): ContextIgnore | undefined {
  const file = dockerignoreCandidates(dockerfile, contextDir).find(
    (f) => boundary.locate(f).kind !== 'missing',
  );
  if (!file || boundary.locate(file).kind === 'outside') return undefined;
  try {
    return parseDockerignore(file, boundary.readText(file, '.dockerignore', at));
  } catch (error) {
    diagnostics.push(
      composeDiagnostic('invalid', at, errorMessage(error), 'Make the .dockerignore a regular file.'),
    );
    return undefined;
  }
}

// Directories every image has (and the nginx image's own): a COPY to one of them without a trailing
// slash still lands inside it, as docker copies into an existing directory.
const IMAGE_DIRS = new Set([
  '/',
  '/etc',
  '/tmp',
  '/usr/local/bin',
  '/etc/nginx',
  '/etc/nginx/conf.d',
  '/etc/nginx/templates',
  '/usr/share/nginx/html',
  '/docker-entrypoint.d',
]);

function place(
  copy: DockerCopy,
  sourceCount: number,
  name: string,
  layer: ReadonlyMap<string, ImageFile>,
): string {
  const dest = copy.destination;
  const existingDir = IMAGE_DIRS.has(dest) || [...layer.keys()].some((p) => p.startsWith(`${dest}/`));
  return dest.endsWith('/') || sourceCount > 1 || existingDir ? path.posix.join(dest, name) : dest;
}

function copyFromContext(
  copy: DockerCopy,
  contextDir: string,
  boundary: ProjectFiles,
  into: Map<string, ImageFile>,
  inContext: (host: string) => boolean,
): void {
  const sources = copy.sources.flatMap((s) => {
    // ADD of a URL or an archive (which ADD unpacks) brings files that are not on disk as such.
    if (/^[a-z]+:\/\//i.test(s) || (copy.keyword === 'ADD' && /\.(tar|tgz|tar\.\w+)$/.test(s))) return [];
    return expandSource(path.resolve(contextDir, s), boundary, copy.pos);
  });
  const count = copy.sources.length > 1 || copy.sources.some((s) => /[*?[]/.test(s)) ? 2 : 1;
  // What .dockerignore excludes is not in the context, so in no image. An excluded directory still
  // holds the files an exception (`!`) brings back, as docker walks it for them: files are judged one by one.
  for (const host of sources) {
    const kind = boundary.locate(host).kind;
    if (kind === 'dir') {
      // A directory's contents go into the destination, not the directory itself.
      const dest = copy.destination.replace(/\/$/, '') || '/';
      listTree(host, boundary, (file, rel) => {
        if (inContext(file)) into.set(path.posix.join(dest, ...rel), { hostPath: file, copy });
      });
    } else if ((kind === 'file' || kind === 'other') && inContext(host)) {
      into.set(place(copy, count, path.basename(host), into), { hostPath: host, copy });
    }
  }
}

/** A COPY source with `*`/`?` in its last segment, as the matching paths; others as themselves. */
function expandSource(host: string, boundary: ProjectFiles, at: SourcePos): string[] {
  const where = boundary.locate(host);
  if (where.kind === 'outside') {
    boundary.noteOutside(at, 'COPY source', where);
    return [];
  }
  const name = path.basename(host);
  if (!/[*?[]/.test(name)) return [host];
  const re = globToRegExp(name);
  const dir = path.dirname(host);
  if (boundary.locate(dir).kind !== 'dir') return [];
  return boundary
    .list(dir)
    .filter((e) => re.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

function listTree(dir: string, boundary: ProjectFiles, visit: (file: string, rel: string[]) => void): void {
  let count = 0;
  const walk = (d: string, rel: string[]) => {
    if (rel.length > MAX_DEPTH) return;
    for (const e of boundary.list(d)) {
      if (count >= MAX_FILES_PER_COPY) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p, [...rel, e.name]);
      else if (e.isFile()) {
        count++;
        visit(p, [...rel, e.name]);
      }
    }
  };
  walk(dir, []);
}

function copyFromStage(
  copy: DockerCopy,
  from: ReadonlyMap<string, ImageFile>,
  into: Map<string, ImageFile>,
): void {
  const count = copy.sources.length;
  for (const source of copy.sources) {
    const abs = path.posix.resolve('/', source).replace(/\/$/, '') || '/';
    const exact = from.get(abs);
    if (exact) {
      into.set(place(copy, count, path.posix.basename(abs), into), { hostPath: exact.hostPath, copy });
      continue;
    }
    const prefix = abs === '/' ? '/' : `${abs}/`;
    const dest = copy.destination.replace(/\/$/, '') || '/';
    for (const [p, f] of from) {
      if (p.startsWith(prefix))
        into.set(path.posix.join(dest, p.slice(prefix.length)), { hostPath: f.hostPath, copy });
    }
  }
}
