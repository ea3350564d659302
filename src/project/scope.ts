import type { SourcePos } from '../core/source.js';
import type { NginxDirective, NginxParsedFile } from '../nginx/ast.js';
import type { PlacedDirective, ProjectView } from './view.js';

/** Directives directly inside a block (includes expanded), or at the top level for `undefined`. */
export function childrenOf(view: ProjectView, block: NginxDirective | undefined): readonly PlacedDirective[] {
  return view.index.children.get(block) ?? [];
}

/** Every placed directive with one of these names, in load order. */
export function directivesNamed(view: ProjectView, ...names: string[]): readonly PlacedDirective[] {
  if (names.length === 1) return view.index.byName.get(names[0]!) ?? [];
  const wanted = new Set(names);
  return view.directives.filter((p) => wanted.has(p.d.directive));
}

/**
 * nginx's inheritance for array-type directives (proxy_set_header, add_header, ssl_*, resolver …):
 * the innermost level that sets the directive at all wins, and outer levels are ignored there.
 * Several names fill one list (allow and deny): the innermost level with any of them wins, in load order.
 * `chain` is the enclosing blocks, outermost first, ending with the block being asked about.
 */
export function effective(
  view: ProjectView,
  chain: readonly NginxDirective[],
  ...names: [string, ...string[]]
): readonly PlacedDirective[] {
  for (let i = chain.length - 1; i >= -1; i--) {
    const block = i >= 0 ? chain[i] : undefined;
    if (names.length === 1) {
      const hits = childrenNamed(view, block, names[0]);
      if (hits.length) return hits;
    } else if (names.some((name) => childrenNamed(view, block, name).length)) {
      return childrenOf(view, block).filter((p) => names.includes(p.d.directive));
    }
  }
  return [];
}

/** A block as a message names it: `location /api`, `server`, or "the main level" for the top. */
export function blockLabel(block: NginxDirective | undefined): string {
  if (!block) return 'the main level';
  return `${block.directive}${block.args.length ? ` ${block.args.join(' ')}` : ''}`;
}

/**
 * What a block loses by setting a list directive itself (add_header, proxy_set_header …): nginx
 * inherits such a list only into a level that has none of its own. Undefined when the block sets none,
 * or drops nothing; `dropped` holds the outer entries whose first argument (case-insensitive) the
 * block does not set again, one per name.
 */
export function redefinedList(
  view: ProjectView,
  block: PlacedDirective,
  name: string,
):
  | { own: readonly PlacedDirective[]; inherited: readonly PlacedDirective[]; dropped: PlacedDirective[] }
  | undefined {
  const own = effective(view, [...block.parents, block.d], name);
  if (own[0]?.parents.at(-1) !== block.d) return undefined;
  const inherited = effective(view, block.parents, name);
  const ownNames = new Set(own.map((c) => c.d.args[0]?.toLowerCase()));
  const dropped = [
    ...new Map(
      inherited
        .filter((c) => c.d.args[0] !== undefined && !ownNames.has(c.d.args[0].toLowerCase()))
        .map((c) => [c.d.args[0]!.toLowerCase(), c]),
    ).values(),
  ];
  return dropped.length > 0 ? { own, inherited, dropped } : undefined;
}

/** childrenOf filtered by name (includes expanded), from the view's per-block index. */
export function childrenNamed(
  view: ProjectView,
  block: NginxDirective | undefined,
  name: string,
): readonly PlacedDirective[] {
  return view.index.childrenByName.get(block)?.get(name) ?? [];
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

/** The container path nginx knows a host file by (the host path when it is not loaded). */
export function nginxPathOfFile(view: ProjectView, hostFile: string): string {
  return view.index.filesByHost.get(hostFile)?.containerPath ?? hostFile;
}

/**
 * Whether edits can be built from a parsed file's directives: not for image files, nor for files the
 * entrypoint renders from a template, where nginx parsed envsubst's output rather than the file as written.
 */
export function isEditableInPlace(file: NginxParsedFile): boolean {
  return !file.builtin && file.template === undefined;
}

/** The text of a project nginx file as parsed, for building edits without reading it again (isEditableInPlace). */
export function editableText(view: ProjectView, hostFile: string): string | undefined {
  const f = view.index.filesByHost.get(hostFile);
  return f && isEditableInPlace(f) ? f.text : undefined;
}

/**
 * Includes nginx cannot read (missing or refused files) placed directly in one of these blocks or at
 * the top level: settings they would bring in are unknown, so a rule that finds a setting missing there
 * follows from that include's error and must say so.
 */
export function unreadIncludesIn(view: ProjectView, chain: readonly NginxDirective[]): PlacedDirective[] {
  const failed = new Set(
    (view.nginx?.includeProblems ?? [])
      .filter((p) => p.kind === 'missing' || p.kind === 'unreadable')
      .map((p) => p.directive),
  );
  if (failed.size === 0) return [];
  const levels = new Set<NginxDirective | undefined>([undefined, ...chain]);
  return directivesNamed(view, 'include').filter((p) => failed.has(p.d) && levels.has(p.parents.at(-1)));
}
