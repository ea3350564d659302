import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Mount } from '../compose/model.js';
import type { ContainerFile, ContainerFs } from '../nginx/container-fs.js';
import { globToRegExp } from '../nginx/memory-fs.js';

/** A bind mount as nginx's container sees it: the container path `target` shows the host path. */
interface BindView {
  target: string;
  hostPath: string;
}

function statOf(p: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * The proxy container's filesystem: image files (`builtin`, e.g. the official nginx image's
 * nginx.conf) overlaid by bind mounts. As in Docker, a mount shadows everything the image had
 * below its target, and the most specific (longest) target wins.
 */
export class MountedContainerFs implements ContainerFs {
  private readonly binds: BindView[];

  constructor(
    mounts: readonly Mount[],
    private readonly builtin: ReadonlyMap<string, string>,
    /** Extra files that exist only in the running container (rendered templates). */
    private readonly rendered: ReadonlyMap<string, ContainerFile> = new Map(),
  ) {
    this.binds = mounts
      .filter((m) => m.type === 'bind' && m.hostPath !== undefined)
      .map((m) => ({
        target: path.posix.normalize(m.target).replace(/\/$/, '') || '/',
        hostPath: m.hostPath!,
      }))
      .sort((a, b) => b.target.length - a.target.length);
  }

  /** The host path a bind mount maps a container path to (undefined when no bind mount covers it). */
  hostPathOf(containerPath: string): string | undefined {
    for (const b of this.binds) {
      if (containerPath === b.target) return b.hostPath;
      if (containerPath.startsWith(b.target === '/' ? '/' : `${b.target}/`)) {
        return path.join(b.hostPath, containerPath.slice(b.target.length));
      }
    }
    return undefined;
  }

  /** The container path under which a host file is visible, if any mount exposes it. */
  containerPathOf(hostPath: string): string | undefined {
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
    const rendered = this.rendered.get(p);
    if (rendered) return rendered;
    const host = this.hostPathOf(p);
    if (host !== undefined) {
      return statOf(host) === 'file' ? { kind: 'host', containerPath: p, hostPath: host } : undefined;
    }
    const text = this.builtin.get(p);
    return text === undefined ? undefined : { kind: 'builtin', containerPath: p, text };
  }

  isDirectory(containerPath: string): boolean {
    const p = path.posix.normalize(containerPath).replace(/\/$/, '') || '/';
    const host = this.hostPathOf(p);
    if (host !== undefined) return statOf(host) === 'dir';
    const prefix = `${p}/`;
    for (const k of [...this.builtin.keys(), ...this.rendered.keys()]) if (k.startsWith(prefix)) return true;
    return false;
  }

  /** Entries of one container directory, as names. */
  private list(dir: string): string[] {
    const names = new Set<string>();
    const host = this.hostPathOf(dir);
    if (host !== undefined) {
      try {
        for (const n of readdirSync(host)) names.add(n);
      } catch {
        // A missing or unreadable mount source lists as empty, as the container would see it.
      }
    } else {
      const prefix = dir === '/' ? '/' : `${dir}/`;
      for (const k of this.builtin.keys()) {
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
