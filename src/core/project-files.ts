import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import type { SourcePos } from './source.js';

/**
 * The one way stackgate reads project input. Project files come from whoever opened the pull request,
 * so every path is resolved with realpath and must lie inside the project root (or under a path the
 * user allowed explicitly); only regular files are read, never a FIFO or a device, and the size is
 * checked on the open descriptor before a byte is read, against a per-file cap and a per-run budget.
 */

/** Real project files are kilobytes; a config this large is an attack or a mistake. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Everything one run may read; bounds memory whatever a glob or include chain matches. */
export const DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024;

export type RefusalReason = 'outside' | 'missing' | 'not-regular' | 'too-large' | 'budget' | 'unreadable';

/** A file stackgate declined to read. An InputError, so the CLI shows it without a stack trace (exit 2). */
export class FileRefused extends InputError {
  constructor(
    message: string,
    readonly reason: RefusalReason,
    /** The path as it was named (absolute). */
    readonly file: string,
    /** Where it resolves to, when known. */
    readonly realPath?: string,
    where?: SourcePos,
  ) {
    super(message, where);
  }
}

export type PathKind = 'file' | 'dir' | 'other' | 'missing' | 'outside';

export interface Located {
  kind: PathKind;
  /** The absolute path as named. */
  path: string;
  /** Its realpath, when it exists. */
  real?: string;
}

/** A reference (mount, include, extends, env_file, COMPOSE_FILE) that points outside the root and was not read. */
export interface OutsideReference {
  /** The file and line that names the path. */
  ref: SourcePos;
  /** What the reference is, in words ("bind mount source", "extends.file"). */
  what: string;
  path: string;
  real: string;
}

export interface ProjectFilesOptions {
  /** Paths outside the root that may be read (`--allow-path`), absolute or relative to the root. */
  allow?: readonly string[];
  /** How the caller names that option in messages: `--allow-path`, or the action's `allow-paths`. */
  allowPathName?: string;
  maxFileBytes?: number;
  budgetBytes?: number;
}

function within(parent: string, child: string): boolean {
  if (child === parent) return true;
  const prefix = parent.endsWith(path.sep) ? parent : `${parent}${path.sep}`;
  return child.startsWith(prefix);
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export class ProjectFiles {
  /** The realpath of the project root. */
  root: string;
  readonly allowed: readonly string[];
  readonly maxFileBytes: number;
  readonly budgetBytes: number;
  private readonly allowPathName: string;
  private used = 0;
  /** The text of every file read, keyed by the absolute path it was named by: reporters show only this. */
  readonly sources = new Map<string, string>();
  readonly outside: OutsideReference[] = [];

  constructor(root: string, opts: ProjectFilesOptions = {}) {
    this.root = realOrSelf(root);
    // Only paths that are outside the root as written: a link inside the project is the project's
    // (a pull request's) to aim, so allowing it would let the pull request choose what is read.
    this.allowed = (opts.allow ?? [])
      .map((a) => path.resolve(root, a))
      .filter((a) => !within(this.root, a) && !within(path.resolve(root), a))
      .map(realOrSelf);
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.budgetBytes = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
    this.allowPathName = opts.allowPathName ?? '--allow-path';
  }

  /** A reader with no root (the whole filesystem is "inside"), still bounded: for library callers and tests. */
  static unconfined(opts: Omit<ProjectFilesOptions, 'allow'> = {}): ProjectFiles {
    return new ProjectFiles(path.parse(process.cwd()).root, opts);
  }

  /** Compose found the project in a parent of the working directory: that directory is the project. */
  widenRootTo(dir: string): void {
    const real = realOrSelf(dir);
    if (within(real, this.root)) this.root = real;
  }

  /** Whether a real path may be read: inside the root or under an allowed path. */
  permits(real: string): boolean {
    return within(this.root, real) || this.allowed.some((a) => within(a, real));
  }

  /** What a path is, without opening it (stat never blocks on a FIFO). Outside paths are not stat'ed further. */
  locate(p: string): Located {
    const abs = path.resolve(this.root, p);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return { kind: 'missing', path: abs };
    }
    if (!this.permits(real)) return { kind: 'outside', path: abs, real };
    try {
      const st = statSync(real);
      return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other', path: abs, real };
    } catch {
      return { kind: 'missing', path: abs, real };
    }
  }

  isFile(p: string): boolean {
    return this.locate(p).kind === 'file';
  }

  /** Records a reference that points outside the root, for the path-outside-project note. */
  noteOutside(ref: SourcePos, what: string, located: Located): void {
    const real = located.real ?? located.path;
    if (this.outside.some((o) => o.ref.file === ref.file && o.ref.line === ref.line && o.real === real))
      return;
    this.outside.push({ ref, what, path: located.path, real });
  }

  /** The message for a path outside the root, with the way to allow it. */
  outsideMessage(p: string, real: string, what: string): string {
    return `${what} ${p} resolves to ${real}, outside the project root ${this.root}: not read. Pass ${this.allowPathName} ${real} to analyse it.`;
  }

  /** The bytes of a regular file inside the root. Throws FileRefused, naming the file and why. */
  readBytes(p: string, what = 'file', where?: SourcePos, maxBytes = this.maxFileBytes): Buffer {
    const abs = path.resolve(this.root, p);
    const refuse = (reason: RefusalReason, message: string, real?: string): never => {
      throw new FileRefused(
        `${where ? `${where.file}:${where.line}: ` : ''}${message}`,
        reason,
        abs,
        real,
        where,
      );
    };
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return refuse(
        code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable',
        `${abs}: cannot read the ${what} (${code ?? 'error'})`,
      );
    }
    if (!this.permits(real)) return refuse('outside', this.outsideMessage(abs, real, what), real);
    let fd: number;
    try {
      // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
      fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (error) {
      return refuse(
        'unreadable',
        `${abs}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        real,
      );
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) return refuse('not-regular', `${abs}: is a directory, not a ${what}`, real);
      if (!st.isFile()) {
        const kind = st.isFIFO()
          ? 'a FIFO'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : st.isSocket()
              ? 'a socket'
              : 'not a regular file';
        return refuse(
          'not-regular',
          `${abs}: is ${kind}, not a regular file; stackgate reads only regular files as ${what}`,
          real,
        );
      }
      if (st.size > maxBytes) {
        return refuse(
          'too-large',
          `${abs}: ${what} is ${mb(st.size)}, too large; stackgate reads ${what}s up to ${mb(maxBytes)}`,
          real,
        );
      }
      if (this.used + st.size > this.budgetBytes) {
        return refuse(
          'budget',
          `${abs}: not read: the project's files exceed the ${mb(this.budgetBytes)} stackgate reads in one run`,
          real,
        );
      }
      this.used += st.size;
      const buf = Buffer.allocUnsafe(st.size);
      let off = 0;
      // Read what fstat promised and no more: a file that grows meanwhile cannot outgrow the cap.
      while (off < st.size) {
        const n = readSync(fd, buf, off, st.size - off, off);
        if (n === 0) break;
        off += n;
      }
      return off === st.size ? buf : buf.subarray(0, off);
    } finally {
      closeSync(fd);
    }
  }

  /** A file's text as UTF-8 (a BOM is kept, so offsets match the file); remembered for code frames. */
  readText(p: string, what = 'file', where?: SourcePos, maxBytes = this.maxFileBytes): string {
    const abs = path.resolve(this.root, p);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      this.readBytes(abs, what, where, maxBytes),
    );
    this.sources.set(abs, text);
    return text;
  }

  /** Remembers text that was analysed but did not come from a project file (an image's built-in file). */
  remember(label: string, text: string): void {
    this.sources.set(label, text);
  }

  /** The entries of a directory inside the root; empty when it is outside, missing or unreadable. */
  list(dir: string): Dirent[] {
    const where = this.locate(dir);
    if (where.kind !== 'dir' || where.real === undefined) return [];
    try {
      return readdirSync(where.real, { withFileTypes: true });
    } catch {
      return [];
    }
  }
}
