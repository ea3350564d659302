import type { ContainerFile, ContainerFs } from './container-fs.js';

/**
 * A glob pattern as nginx's glob(3) reads it: `*`, `?` and `[...]` (with `!` or `^` negation) never
 * match `/`, and a wildcard never matches a leading dot.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  let segmentStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const noDot = segmentStart ? '(?!\\.)' : '';
    segmentStart = c === '/';
    if (c === '*') re += `${noDot}[^/]*`;
    else if (c === '?') re += `${noDot}[^/]`;
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      body = body.replace(/[\\\]^]/g, '\\$&');
      re += negate ? `${noDot}[^/${body}]` : `[${body}]`;
      i = close;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A ContainerFs over in-memory files (container path → text): the image's own files, and tests. */
export function memoryContainerFs(files: ReadonlyMap<string, string>): ContainerFs {
  const directories = new Set<string>();
  for (const p of files.keys()) {
    for (let i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) directories.add(p.slice(0, i));
  }
  return {
    file(containerPath: string): ContainerFile | undefined {
      const text = files.get(containerPath);
      return text === undefined ? undefined : { kind: 'builtin', containerPath, text };
    },
    glob(pattern: string): string[] {
      const re = globToRegExp(pattern);
      const depth = pattern.split('/').length;
      const found = new Set<string>();
      for (const p of files.keys()) {
        // Directories that only exist as prefixes of files match too, as glob(3) lists them.
        const parts = p.split('/');
        if (parts.length < depth) continue;
        const candidate = parts.slice(0, depth).join('/');
        if (re.test(candidate)) found.add(candidate);
      }
      return [...found].sort();
    },
    isDirectory(containerPath: string): boolean {
      return directories.has(containerPath.replace(/\/+$/, '')) || containerPath === '/';
    },
  };
}
