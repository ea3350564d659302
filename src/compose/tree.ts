import type { SourcePos } from '../core/source.js';
import type { ComposeDiagnostic, ComposeDiagnosticKind } from './model.js';

/**
 * A YAML value with the place it was written. Compose files are converted into this tree once, so that
 * interpolation, include/extends/override merges and schema errors all keep each value's own file and
 * line, even after values from several files are combined.
 */
export type YNode = ScalarNode | MapNode | SeqNode;

interface NodeBase {
  file: string;
  line: number;
  column: number;
  /** 0-based character offsets into the file's text as read (a BOM counts as one character). */
  start: number;
  end: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** Written in quotes or as a block scalar: interpolated strings are then never re-typed. */
  quoted: boolean;
  /** Plain or quoted on one line: the source text matches the value, so a column inside it can be computed. */
  inline: boolean;
}

export interface MapEntry {
  key: string;
  keyNode: ScalarNode;
  value: YNode;
  /** Whitespace before the key on its line (spaces for a key after a `- ` item marker). */
  indent?: string;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: Map<string, MapEntry>;
  flow: boolean;
  /** Indentation of the keys of a block mapping, for edits that add a key. */
  keyIndent?: string;
  /** Line break style of the file ('\n' or '\r\n'). */
  eol?: string;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: YNode[];
  flow: boolean;
}

export function nodePos(node: { file: string; line: number; column: number }): SourcePos {
  return { file: node.file, line: node.line, column: node.column };
}

export function isMap(node: YNode | undefined): node is MapNode {
  return node?.kind === 'map';
}

export function isSeq(node: YNode | undefined): node is SeqNode {
  return node?.kind === 'seq';
}

export function isScalar(node: YNode | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

export function get(node: YNode | undefined, key: string): YNode | undefined {
  return isMap(node) ? node.entries.get(key)?.value : undefined;
}

export function entry(node: YNode | undefined, key: string): MapEntry | undefined {
  return isMap(node) ? node.entries.get(key) : undefined;
}

/** A scalar's value as compose would read it as a string (numbers and booleans stringified). */
export function str(node: YNode | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return String(node.value);
}

/** A synthetic scalar placed at `at`, for values compose derives (e.g. the string form of a short syntax). */
export function scalarAt(at: NodeBase, value: string | number | boolean | null): ScalarNode {
  return {
    kind: 'scalar',
    value,
    quoted: true,
    inline: false,
    file: at.file,
    line: at.line,
    column: at.column,
    start: at.start,
    end: at.end,
  };
}

/** Plain JSON for schema validation; `Object.fromEntries` keeps keys such as `__proto__` as data. */
export function toPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries([...node.entries.values()].map((e) => [e.key, toPlain(e.value)]));
  }
}

/** Deep copy, so that a merge never mutates a tree that another include or extends still uses. */
export function clone<T extends YNode>(node: T): T {
  switch (node.kind) {
    case 'scalar':
      return { ...node };
    case 'seq':
      return { ...node, items: node.items.map(clone) };
    case 'map':
      return {
        ...node,
        entries: new Map([...node.entries].map(([k, e]) => [k, { ...e, value: clone(e.value) }])),
      };
  }
}

/** A loader diagnostic (see ComposeDiagnostic): what is wrong and where, never which rule or how severe. */
export function composeDiagnostic(
  kind: ComposeDiagnosticKind,
  pos: SourcePos,
  message: string,
  fix: string,
  service?: string,
): ComposeDiagnostic {
  return {
    kind,
    message,
    pos,
    ...(service !== undefined ? { service } : {}),
    fix: { description: fix },
  };
}
