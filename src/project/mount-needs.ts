// Whether a bind mount's container path is, or must be, a file, or feeds the proxy's nginx config: then
// a missing source (which compose creates as an empty directory) breaks the service. Otherwise compose's
// directory is what the project expects (uploads, logs, database folders created on the first `up`).
import path from 'node:path';
import type { ComposeService } from '../compose/model.js';
import type { NginxConfig } from '../nginx/ast.js';
import { builtinFiles } from '../nginx/builtin-files.js';
import { fileArgument } from '../nginx/file-directives.js';
import { isUnderNginxPrefix, resolveNginxPath } from '../nginx/paths.js';
import type { MountNeed, PlacedDirective } from './view.js';

/** `name.ext`, not `.m2`, `conf.d` or `sites.d` (dot-d directories are folders by convention). */
function hasFileExtension(target: string): boolean {
  const base = path.posix.basename(target);
  return /^[^.].*\.[a-z0-9]{1,8}$/i.test(base) && !/\.d$/i.test(base);
}

/** The container paths the proxy's nginx reads: its config files and every file argument. */
function nginxReadPaths(nginx: NginxConfig | undefined, directives: readonly PlacedDirective[]): string[] {
  const out = new Set<string>();
  for (const f of nginx?.files ?? []) if (f.containerPath) out.add(f.containerPath);
  for (const p of directives) {
    const arg = fileArgument(p.d);
    if (arg === undefined) continue;
    // A glob's fixed part is what must exist.
    const fixed = arg.split(/[*?[]/)[0]!;
    out.add(resolveNginxPath(fixed));
  }
  return [...out];
}

/**
 * Why a mount's target must be a file or feeds the proxy's config (undefined: a directory is fine).
 * `imageFiles` are the proxy image's own files (empty when its layout is unknown).
 */
export function mountNeeds(
  proxy: ComposeService | undefined,
  nginx: NginxConfig | undefined,
  directives: readonly PlacedDirective[],
  imageFiles: ReadonlyMap<string, string> = builtinFiles,
): MountNeed {
  const reads = proxy ? nginxReadPaths(nginx, directives) : [];
  return (service, mount) => {
    const target = path.posix.normalize(mount.target).replace(/\/$/, '') || '/';
    if (service === proxy) {
      if (imageFiles.has(target)) return `the image has a file at ${target}`;
      if (reads.includes(target)) return `nginx reads ${target} as a file`;
    }
    if (hasFileExtension(target)) return `${target} has a file extension`;
    if (service !== proxy) return undefined;
    if (isUnderNginxPrefix(target)) return `${target} is nginx's configuration`;
    const inside = reads.find((r) => r === target || r.startsWith(target === '/' ? '/' : `${target}/`));
    if (inside) return `nginx reads ${inside} from it`;
    return undefined;
  };
}
