import path from 'node:path';
import { errorMessage, InputError } from '../core/errors.js';
import { ProjectFiles } from '../core/project-files.js';
import type { IncludeProblem, NginxConfig, NginxDirective, NginxParsedFile } from './ast.js';
import type { ContainerFile, ContainerFs } from './container-fs.js';
import { parseNginxText } from './parser.js';
import { mapToTemplate } from './templates.js';

export interface LoadOptions {
  /** Stop reading new files after this many (a runaway glob or generated tree). */
  maxFiles?: number;
  /**
   * Directory relative include paths resolve against: nginx's conf prefix, the directory of the main
   * file (/etc/nginx for the official image). crossplane uses the same rule.
   */
  prefix?: string;
}

/** Files per configuration; nginx has no such limit, so hitting it is reported as unchecked files. */
export const DEFAULT_MAX_FILES = 10_000;

/** nginx decides "glob or not" by these characters (ngx_conf_include: strpbrk(name, "*?[")). */
export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/**
 * Reads a file as nginx would see its text. Bytes that are not UTF-8 become U+FFFD, as crossplane reads
 * them (nginx itself works on bytes; directive names and paths are ASCII in practice). The BOM is kept
 * so that offsets match the file on disk.
 */
export function readConfigText(file: ContainerFile, fs?: ContainerFs): string {
  if (file.kind === 'builtin') return file.text;
  if (file.text !== undefined) return file.text;
  if (fs?.read) return fs.read(file);
  return ProjectFiles.unconfined().readText(file.hostPath, 'nginx config');
}

/**
 * Loads an nginx configuration the way nginx reads it in its container: the entry file, then every
 * included file, in crossplane's order (breadth-first, each file once; `includes` holds indexes into
 * `files`). Include problems (missing files, empty globs, cycles, too many files) are collected, not
 * thrown. Throws InputError only when the entry file itself is absent or unreadable.
 */
export function loadNginxConfig(
  entry: { containerPath: string },
  fs: ContainerFs,
  opts: LoadOptions = {},
): NginxConfig {
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const prefix = opts.prefix ?? path.posix.dirname(entry.containerPath);
  const entryFile = fs.file(entry.containerPath);
  if (!entryFile)
    throw new InputError(`nginx configuration ${entry.containerPath} does not exist in the container`);
  const files: NginxParsedFile[] = [];
  const includeProblems: IncludeProblem[] = [];
  const indexOf = new Map<string, number>();
  const edges: { from: number; to: number; directive: NginxDirective; pattern: string }[] = [];

  const add = (containerPath: string, file: ContainerFile): number => {
    const hostPath = file.kind === 'host' ? file.hostPath : (file.label ?? containerPath);
    let text: string;
    try {
      text = readConfigText(file, fs);
    } catch (error) {
      if (files.length === 0)
        throw new InputError(`cannot read nginx configuration ${hostPath}: ${errorMessage(error)}`);
      throw error;
    }
    const { parsed, errors } = parseNginxText(text, hostPath);
    const template = file.kind === 'host' ? file.template : undefined;
    if (template) mapToTemplate(parsed, errors, text, template.source);
    const index = files.length;
    files.push({
      file: hostPath,
      containerPath,
      builtin: file.kind === 'builtin',
      errors,
      parsed,
      text: template ? template.source.text : text,
      ...(template ? { template: template.containerPath } : {}),
    });
    indexOf.set(containerPath, index);
    return index;
  };

  add(entry.containerPath, entryFile);
  for (let current = 0; current < files.length; current++) {
    for (const d of includeDirectives(files[current]!.parsed)) {
      const arg = d.args[0];
      if (arg === undefined || d.args.length !== 1) continue; // checkDirective reports the argument count
      const pattern = arg.startsWith('/') ? arg : path.posix.join(prefix, arg);
      let targets: string[];
      if (isGlob(pattern)) {
        targets = fs.glob(pattern).filter((p) => !fs.isDirectory(p));
        // A glob into a mount from outside the project is not analysed; path-outside-project says so.
        if (targets.length === 0 && !fs.outside?.(path.posix.dirname(pattern)))
          includeProblems.push({ kind: 'empty-glob', directive: d, pattern });
      } else if (fs.file(pattern)) {
        targets = [pattern];
      } else if (fs.outside?.(pattern)) {
        targets = [];
      } else {
        const message = fs.isDirectory(pattern)
          ? `${pattern} is a directory`
          : `open() "${pattern}" failed (2: No such file or directory)`;
        includeProblems.push({ kind: 'missing', directive: d, pattern, message });
        targets = [];
      }
      d.includes = [];
      for (const target of targets) {
        let index = indexOf.get(target);
        if (index === undefined) {
          if (files.length >= maxFiles) {
            includeProblems.push({
              kind: 'too-many-files',
              directive: d,
              pattern,
              message: `stackgate reads at most ${maxFiles} files per configuration; ${target} and the files after it were not checked`,
            });
            break;
          }
          const file = fs.file(target);
          if (!file) continue;
          try {
            index = add(target, file);
          } catch (error) {
            // Refused by the boundary (a FIFO, a device, over the size cap or the budget): never waited on.
            includeProblems.push({
              kind: 'unreadable',
              directive: d,
              pattern,
              message: errorMessage(error),
              ...(file.kind === 'host' ? { file: file.hostPath } : {}),
            });
            continue;
          }
        }
        d.includes.push(index);
        edges.push({ from: current, to: index, directive: d, pattern });
      }
    }
  }

  const next = new Map<number, number[]>();
  for (const e of edges) {
    const targets = next.get(e.from);
    if (targets) targets.push(e.to);
    else next.set(e.from, [e.to]);
  }
  // Every cycle has an edge back to an earlier-read file (indexes cannot rise all the way round), so
  // checking only those reports each cycle once. One search per distinct target serves all its back
  // edges (many files including one earlier file would otherwise cost a search each).
  const searches = new Map<number, Map<number, number>>();
  for (const edge of edges) {
    if (edge.to > edge.from) continue;
    let previous = searches.get(edge.to);
    if (!previous) {
      previous = reachableFrom(edge.to, next);
      searches.set(edge.to, previous);
    }
    const chain = pathTo(edge.from, previous);
    if (chain) {
      const names = [edge.from, ...chain].map((i) => files[i]!.containerPath ?? files[i]!.file);
      includeProblems.push({
        kind: 'cycle',
        directive: edge.directive,
        pattern: edge.pattern,
        message: `include cycle: ${names.join(' → ')}`,
      });
    }
  }
  return { files, includeProblems };
}

/** The include directives of a file, at any depth, in document order (no recursion). */
function includeDirectives(parsed: readonly NginxDirective[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  const stack: { list: readonly NginxDirective[]; i: number }[] = [{ list: parsed, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const d = top.list[top.i++];
    if (!d) {
      stack.pop();
      continue;
    }
    if (d.directive === 'include') out.push(d);
    if (d.block) stack.push({ list: d.block, i: 0 });
  }
  return out;
}

/** Breadth-first from `from` along include edges: each reached file index with the one it was reached from (-1 for `from`). */
function reachableFrom(from: number, next: ReadonlyMap<number, number[]>): Map<number, number> {
  const previous = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q]!;
    for (const target of next.get(at) ?? []) {
      if (!previous.has(target)) {
        previous.set(target, at);
        queue.push(target);
      }
    }
  }
  return previous;
}

/** The file indexes from the search's start to `to` (inclusive), or undefined when unreachable. */
function pathTo(to: number, previous: ReadonlyMap<number, number>): number[] | undefined {
  if (!previous.has(to)) return undefined;
  const chain: number[] = [];
  for (let k = to; k !== -1; k = previous.get(k)!) chain.push(k);
  return chain.reverse();
}

interface IncludeLink {
  include: NginxDirective;
  up: IncludeLink | undefined;
}

export interface WalkContext {
  /** Enclosing block directives, outermost first, across include boundaries. */
  parents: NginxDirective[];
  /** The file the directive was read from. */
  file: NginxParsedFile;
  /** The include directives that led to this file, outermost first (built when read). */
  readonly includedBy: NginxDirective[];
}

/**
 * Visits every directive in nginx's reading order: an included file's directives appear in place of
 * the include, with the includer's enclosing blocks. Return false from the visitor to skip a block's
 * children or an include's files. Iterative, and an include cycle is entered only once per chain.
 */
export function walk(config: NginxConfig, visitor: (d: NginxDirective, ctx: WalkContext) => unknown): void {
  const first = config.files[0];
  if (!first) return;
  interface Level {
    list: readonly NginxDirective[];
    i: number;
    parents: NginxDirective[];
    file: NginxParsedFile;
    fileIndex: number;
    /** The include chain as a linked list (deep include chains would make arrays quadratic). */
    chain: IncludeLink | undefined;
    /** Set on the first level of an included file: leaving it takes the file off the include chain. */
    entersFile: boolean;
  }
  // Files on the current include chain (the stack is depth-first), to enter a cycle only once.
  const onChain = new Set<number>();
  const stack: Level[] = [
    { list: first.parsed, i: 0, parents: [], file: first, fileIndex: 0, chain: undefined, entersFile: true },
  ];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i === 0 && top.entersFile) onChain.add(top.fileIndex);
    const d = top.list[top.i++];
    if (!d) {
      stack.pop();
      if (top.entersFile) onChain.delete(top.fileIndex);
      continue;
    }
    const chain = top.chain;
    const ctx: WalkContext = {
      parents: top.parents,
      file: top.file,
      get includedBy() {
        const out: NginxDirective[] = [];
        for (let link = chain; link; link = link.up) out.unshift(link.include);
        return out;
      },
    };
    const descend = visitor(d, ctx) !== false;
    if (!descend) continue;
    if (d.block) {
      stack.push({ ...top, list: d.block, i: 0, parents: [...top.parents, d], entersFile: false });
    } else if (d.includes?.length) {
      // Pushed in reverse so the first included file is read first.
      for (let k = d.includes.length - 1; k >= 0; k--) {
        const index = d.includes[k]!;
        const file = config.files[index];
        if (!file || onChain.has(index)) continue;
        stack.push({
          list: file.parsed,
          i: 0,
          parents: top.parents,
          file,
          fileIndex: index,
          chain: { include: d, up: top.chain },
          entersFile: true,
        });
      }
    }
  }
}
