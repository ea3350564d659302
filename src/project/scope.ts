import type { SourcePos } from '../core/source.js';
import type { NginxDirective } from '../nginx/ast.js';
import type { PlacedDirective, ProjectView } from './view.js';

const childCache = new WeakMap<ProjectView, Map<NginxDirective | undefined, PlacedDirective[]>>();

/** Directives directly inside a block (includes expanded), or at the top level for `undefined`. */
export function childrenOf(view: ProjectView, block: NginxDirective | undefined): PlacedDirective[] {
  let index = childCache.get(view);
  if (!index) {
    index = new Map();
    for (const p of view.directives) {
      const parent = p.parents[p.parents.length - 1];
      const list = index.get(parent) ?? [];
      list.push(p);
      index.set(parent, list);
    }
    childCache.set(view, index);
  }
  return index.get(block) ?? [];
}

/** Every placed directive with this name (in load order). */
export function directivesNamed(view: ProjectView, ...names: string[]): PlacedDirective[] {
  return view.directives.filter((p) => names.includes(p.d.directive));
}

/**
 * nginx's inheritance for array-type directives (proxy_set_header, add_header, ssl_*, resolver …):
 * the innermost level that sets the directive at all wins, and outer levels are ignored there.
 * `chain` is the enclosing blocks, outermost first, ending with the block being asked about.
 */
export function effective(view: ProjectView, chain: readonly NginxDirective[], name: string): PlacedDirective[] {
  for (let i = chain.length - 1; i >= -1; i--) {
    const block = i >= 0 ? chain[i] : undefined;
    const hits = childrenOf(view, block).filter((p) => p.d.directive === name);
    if (hits.length) return hits;
  }
  return [];
}

/** The chain of blocks a directive sits in, plus the directive itself when it is a block. */
export function chainOf(p: PlacedDirective): NginxDirective[] {
  return p.d.block ? [...p.parents, p.d] : [...p.parents];
}

export function posOf(d: NginxDirective): SourcePos {
  return { file: d.file, line: d.line, column: d.column };
}

export function argPosOf(d: NginxDirective, index: number): SourcePos {
  const a = d.argPos[index];
  return a ? { file: d.file, line: a.line, column: a.column } : posOf(d);
}

/** The innermost enclosing block with this name. */
export function enclosing(p: PlacedDirective, name: string): NginxDirective | undefined {
  for (let i = p.parents.length - 1; i >= 0; i--) if (p.parents[i]!.directive === name) return p.parents[i];
  return undefined;
}

/** The container path nginx knows a parsed file by, for messages that quote nginx ("in /etc/nginx/conf.d/x.conf:2"). */
export function nginxPathOf(p: PlacedDirective): string {
  return p.file.containerPath ?? p.file.file;
}
