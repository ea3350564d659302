import path from 'node:path';
import type { Mount } from '../compose/model.js';
import { ProjectFiles } from '../core/project-files.js';
import type { SourcePos } from '../core/source.js';
import { type ContainerFile, type ContainerFs, imageLabel } from '../nginx/container-fs.js';
import { globToRegExp } from '../nginx/memory-fs.js';

/** A bind mount as nginx's container sees it: the container path `target` shows the host path. */
interface BindView {
  target: string;
  hostPath: string;
  pos: SourcePos;
  /** Short syntax: compose creates the missing source as an empty directory (create_host_path). */
  createsHostPath: boolean;
}

/**
 * The proxy container's filesystem: image files (`builtin`, e.g. the official nginx image's
 * nginx.conf) overlaid by bind mounts. As in Docker, a mount shadows everything the image had
 * below its target, and the most specific (longest) target wins.
 */
export class MountedContainerFs implements ContainerFs {
  private readonly binds: BindView[];
  /** Every mount (bind, volume, tmpfs), most specific target first. */
  private readonly mounts: readonly Mount[];

  constructor(
    mounts: readonly Mount[],
    private readonly builtin: ReadonlyMap<string, string>,
    /** Extra files that exist only in the running container (rendered templates). */
    private readonly rendered: ReadonlyMap<string, ContainerFile> = new Map(),
    /** Every host path goes through it: outside the project root nothing is listed or read. */
    private readonly boundary: ProjectFiles = ProjectFiles.unconfined(),
    /** Files the image's build COPYed from the project (container path → host path), over `builtin`. */
    private readonly copied: ReadonlyMap<string, string> = new Map(),
  ) {
    this.mounts = [...mounts].sort((a, b) => normalTarget(b.target).length - normalTarget(a.target).length);
    this.binds = mounts
      .filter((m) => m.type === 'bind' && m.hostPath !== undefined)
      .map((m) => ({
        target: path.posix.normalize(m.target).replace(/\/$/, '') || '/',
        hostPath: m.hostPath!,
        pos: m.pos,
        createsHostPath: m.short === true,
      }))
      .sort((a, b) => b.target.length - a.target.length);
  }

  /** The mount of any type that decides what a container path holds: the longest target that covers it. */
  mountAt(containerPath: string): Mount | undefined {
    const p = normalTarget(containerPath);
    return this.mounts.find((m) => {
      const t = normalTarget(m.target);
      return p === t || p.startsWith(t === '/' ? '/' : `${t}/`);
    });
  }

  /** What a bind mount's source is, seen from the container (outside the root, missing: undefined). */
  hostKind(containerPath: string): 'file' | 'dir' | undefined {
    const kind = this.kindOf(normalTarget(containerPath));
    return kind === 'outside' ? undefined : kind;
  }

  /** The mount that covers a container path. */
  private bindOf(containerPath: string): BindView | undefined {
    for (const b of this.binds) {
      if (containerPath === b.target) return b;
      if (containerPath.startsWith(b.target === '/' ? '/' : `${b.target}/`)) return b;
    }
    return undefined;
  }

  /** The host path a bind mount maps a container path to (undefined when no bind mount covers it). */
  hostPathOf(containerPath: string): string | undefined {
    const b = this.bindOf(containerPath);
    if (!b) return undefined;
    return containerPath === b.target
      ? b.hostPath
      : path.join(b.hostPath, containerPath.slice(b.target.length));
  }

  /** What a host path is, through the boundary; a path that leaves the root is noted at its mount. */
  private kindOf(containerPath: string): 'file' | 'dir' | 'outside' | undefined {
    const b = this.bindOf(containerPath);
    const host = this.hostPathOf(containerPath);
    if (!b || host === undefined) return undefined;
    const where = this.boundary.locate(host);
    if (where.kind === 'outside') {
      this.boundary.noteOutside(
        b.pos,
        'bind mount source',
        this.boundary.locate(b.hostPath).kind === 'outside' ? this.boundary.locate(b.hostPath) : where,
      );
      return 'outside';
    }
    // A FIFO or device counts as a file here: reading it is then refused with a message naming it.
    return where.kind === 'dir' ? 'dir' : where.kind === 'missing' ? undefined : 'file';
  }

  /** Whether a container path lies in a mount whose real source is outside the project root. */
  outside(containerPath: string): boolean {
    const p = path.posix.normalize(containerPath).replace(/\/$/, '') || '/';
    return this.kindOf(p) === 'outside';
  }

  read(file: ContainerFile & { kind: 'host' }): string {
    return this.boundary.readText(file.hostPath, 'nginx config');
  }

  /** The container path under which a host file is visible, if any mount or COPY exposes it. */
  containerPathOf(hostPath: string): string | undefined {
    for (const [containerPath, host] of this.copied)
      if (host === hostPath && this.hostPathOf(containerPath) === undefined) return containerPath;
    for (const b of this.binds) {
      if (hostPath === b.hostPath) return b.target;
      const rel = path.relative(b.hostPath, hostPath);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel))
        return path.posix.join(b.target, ...rel.split(path.sep));
    }
    return undefined;
  }

  file(containerPath: string): ContainerFile | undefined {
    const p = path.posix.normalize(containerPath);
    return this.rendered.get(p) ?? this.beneathRendered(p);
  }

  /**
   * The file at the path as if `hostPath` were not placed there: what nginx really reads at a path where
   * the view put an unmounted config for analysis.
   */
  fileWithout(containerPath: string, hostPath: string): ContainerFile | undefined {
    const p = path.posix.normalize(containerPath);
    const rendered = this.rendered.get(p);
    if (rendered && !(rendered.kind === 'host' && rendered.hostPath === hostPath)) return rendered;
    return this.beneathRendered(p);
  }

  private beneathRendered(p: string): ContainerFile | undefined {
    const host = this.hostPathOf(p);
    if (host !== undefined) {
      return this.kindOf(p) === 'file' ? { kind: 'host', containerPath: p, hostPath: host } : undefined;
    }
    const copied = this.copied.get(p);
    if (copied !== undefined) return { kind: 'host', containerPath: p, hostPath: copied };
    const text = this.builtin.get(p);
    return text === undefined ? undefined : { kind: 'builtin', containerPath: p, text, label: imageLabel(p) };
  }

  /**
   * Whether nginx will find a directory at this path once compose has run: one is there now, or a
   * short-syntax bind mount targets exactly this path and compose creates its missing source as a directory.
   */
  directoryAtStart(containerPath: string): boolean {
    const p = path.posix.normalize(containerPath).replace(/\/$/, '') || '/';
    if (this.isDirectory(p)) return true;
    const b = this.bindOf(p);
    return b !== undefined && b.target === p && b.createsHostPath && this.kindOf(p) === undefined;
  }

  isDirectory(containerPath: string): boolean {
    const p = path.posix.normalize(containerPath).replace(/\/$/, '') || '/';
    const host = this.hostPathOf(p);
    if (host !== undefined) return this.kindOf(p) === 'dir';
    const prefix = `${p}/`;
    for (const k of [...this.builtin.keys(), ...this.copied.keys(), ...this.rendered.keys()])
      if (k.startsWith(prefix)) return true;
    return false;
  }

  /** Entries of one container directory, as names. */
  private list(dir: string): string[] {
    const names = new Set<string>();
    const host = this.hostPathOf(dir);
    if (host !== undefined) {
      // A missing, unreadable or outside mount source lists as empty.
      if (this.kindOf(dir) === 'dir') for (const e of this.boundary.list(host)) names.add(e.name);
    } else {
      const prefix = dir === '/' ? '/' : `${dir}/`;
      for (const k of [...this.builtin.keys(), ...this.copied.keys()]) {
        if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]!);
      }
    }
    // Mounts whose target sits directly in this directory add entries of their own.
    for (const b of this.binds)
      if (path.posix.dirname(b.target) === dir) names.add(path.posix.basename(b.target));
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const k of this.rendered.keys())
      if (path.posix.dirname(k) === dir) names.add(k.slice(prefix.length));
    return [...names];
  }

  /** Every file below a container directory, in byte order (what `find dir -type f` would print). */
  filesUnder(dir: string, depth = 8): string[] {
    const d = path.posix.normalize(dir).replace(/\/$/, '') || '/';
    const out: string[] = [];
    for (const name of this.list(d)) {
      const p = path.posix.join(d, name);
      if (this.file(p)) out.push(p);
      else if (depth > 1 && this.isDirectory(p)) out.push(...this.filesUnder(p, depth - 1));
    }
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  glob(pattern: string): string[] {
    const p = path.posix.normalize(pattern);
    const segments = p.split('/').filter(Boolean);
    let current = ['/'];
    for (const seg of segments) {
      const next: string[] = [];
      const magic = /[*?[]/.test(seg);
      for (const dir of current) {
        if (!magic) {
          next.push(path.posix.join(dir, seg));
          continue;
        }
        const re = globToRegExp(seg);
        for (const name of this.list(dir)) if (re.test(name)) next.push(path.posix.join(dir, name));
      }
      current = next;
    }
    // nginx uses glob(3) without GLOB_NOSORT: results are in byte order.
    return current.filter((c) => this.file(c) !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function normalTarget(containerPath: string): string {
  return path.posix.normalize(containerPath).replace(/\/$/, '') || '/';
}
