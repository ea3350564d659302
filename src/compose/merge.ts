import {
  clone,
  type MapEntry,
  type MapNode,
  type ScalarNode,
  type SeqNode,
  scalarAt,
  toPlain,
  type YNode,
} from './tree.js';

/**
 * Merges `over` into `base` with compose-go's override rules (override/merge.go): mappings merge by key,
 * sequences append without duplicates, `command`/`entrypoint`/`healthcheck.test` are replaced,
 * `environment`/`labels`-style values merge by key, `depends_on` and service `networks` merge by name,
 * `volumes` merge by container target. Neither input is mutated; each value keeps its own position.
 */
export function mergeNodes(base: YNode, over: YNode, path: string[] = []): YNode {
  const special = specialFor(path);
  if (special) return special(base, over, path);
  if (over.kind === 'scalar' && over.value === null) return base;
  if (base.kind === 'map' && over.kind === 'map') return mergeMappings(base, over, path);
  if (base.kind === 'seq' && over.kind === 'seq') {
    const merged = appendUnique(base, over);
    return path.length === 3 && path[0] === 'services' && path[2] === 'volumes'
      ? uniqueByTarget(merged)
      : merged;
  }
  return over;
}

type Merger = (base: YNode, over: YNode, path: string[]) => YNode;

const SERVICE_SPECIALS: Record<string, Merger> = {
  command: (_b, o) => o,
  entrypoint: (_b, o) => o,
  environment: mergeKeyValue,
  labels: mergeKeyValue,
  annotations: mergeKeyValue,
  sysctls: mergeKeyValue,
  depends_on: (b, o, p) => mergeMappings(asMapping(b), asMapping(o), p),
  networks: (b, o, p) => mergeMappings(asMapping(b), asMapping(o), p),
  dns: mergeToSequence,
  dns_opt: mergeToSequence,
  dns_search: mergeToSequence,
  env_file: mergeToSequence,
  label_file: mergeToSequence,
  extra_hosts: mergeToSequence,
  tmpfs: mergeToSequence,
  build: (b, o, p) => mergeMappings(buildMapping(b), buildMapping(o), p),
};

function specialFor(path: string[]): Merger | undefined {
  if (path[0] !== 'services' || path.length < 3) {
    if (
      path.length === 3 &&
      ['networks', 'volumes', 'secrets', 'configs'].includes(path[0]!) &&
      path[2] === 'labels'
    ) {
      return mergeKeyValue;
    }
    return undefined;
  }
  if (path.length === 3) return SERVICE_SPECIALS[path[2]!];
  const tail = path.slice(2).join('.');
  if (tail === 'healthcheck.test') return (_b, o) => o;
  if (tail === 'build.args' || tail === 'build.labels' || tail === 'deploy.labels') return mergeKeyValue;
  if (tail === 'build.extra_hosts') return mergeToSequence;
  return undefined;
}

function mergeMappings(base: MapNode, over: MapNode, path: string[]): MapNode {
  const entries = new Map<string, MapEntry>(base.entries);
  for (const [key, e] of over.entries) {
    const existing = entries.get(key);
    entries.set(
      key,
      existing ? { ...existing, value: mergeNodes(existing.value, e.value, [...path, key]) } : e,
    );
  }
  return { ...base, entries };
}

function sameValue(a: YNode, b: YNode): boolean {
  return JSON.stringify(toPlain(a)) === JSON.stringify(toPlain(b));
}

function appendUnique(base: SeqNode, over: SeqNode): SeqNode {
  const items = [...base.items];
  for (const item of over.items) if (!items.some((existing) => sameValue(existing, item))) items.push(item);
  return { ...base, items };
}

/** Sequence entries with the same key: the last one wins, at the position of the first. */
function uniqueBy(seq: SeqNode, keyOf: (item: YNode) => string | undefined): SeqNode {
  const items: YNode[] = [];
  const index = new Map<string, number>();
  for (const item of seq.items) {
    const key = keyOf(item);
    const at = key === undefined ? undefined : index.get(key);
    if (at !== undefined) items[at] = item;
    else {
      if (key !== undefined) index.set(key, items.length);
      items.push(item);
    }
  }
  return { ...seq, items };
}

export function volumeTarget(item: YNode): string | undefined {
  if (item.kind === 'map') {
    const t = item.entries.get('target')?.value;
    return t?.kind === 'scalar' && t.value !== null ? String(t.value) : undefined;
  }
  if (item.kind === 'scalar' && typeof item.value === 'string') {
    const parts = splitVolumeSpec(item.value);
    return parts.target;
  }
  return undefined;
}

/** Splits `src:dst[:mode]` / `dst`, keeping Windows drive letters (`C:\x:/y`) in the source. */
export function splitVolumeSpec(spec: string): { source?: string; target: string; mode?: string } {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (
      ch === ':' &&
      !(
        current.length === 1 &&
        /[a-zA-Z]/.test(current) &&
        parts.length === 0 &&
        /[\\/]/.test(spec[i + 1] ?? '')
      )
    ) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  if (parts.length === 1) return { target: parts[0]! };
  if (parts.length === 2) return { source: parts[0]!, target: parts[1]! };
  return { source: parts[0]!, target: parts[1]!, mode: parts.slice(2).join(':') };
}

function uniqueByTarget(seq: SeqNode): SeqNode {
  return uniqueBy(seq, volumeTarget);
}

/** `KEY=VALUE` lists and `KEY: VALUE` maps merge by key; two maps stay a map. */
function mergeKeyValue(base: YNode, over: YNode): YNode {
  if (over.kind === 'scalar' && over.value === null) return base;
  if (base.kind === 'map' && over.kind === 'map') {
    const entries = new Map(base.entries);
    for (const [k, e] of over.entries) entries.set(k, e);
    return { ...base, entries };
  }
  const seq = toSequence(base);
  const merged: SeqNode = { ...seq, items: [...seq.items, ...toSequence(over).items] };
  return uniqueBy(merged, (item) =>
    item.kind === 'scalar' && item.value !== null ? String(item.value).split('=')[0] : undefined,
  );
}

function mergeToSequence(base: YNode, over: YNode): YNode {
  if (over.kind === 'scalar' && over.value === null) return base;
  return appendUnique(toSequence(base), toSequence(over));
}

/** A mapping `{K: V}` as `["K=V"]` (a null value as `"K"`), a string as `[s]`, each item placed at its key. */
export function toSequence(node: YNode): SeqNode {
  if (node.kind === 'seq') return node;
  if (node.kind === 'map') {
    const items: ScalarNode[] = [...node.entries.values()].map((e) => {
      const v = e.value;
      const text = v.kind === 'scalar' && v.value !== null ? `${e.key}=${String(v.value)}` : e.key;
      return scalarAt(e.keyNode, text);
    });
    return {
      kind: 'seq',
      flow: node.flow,
      items,
      file: node.file,
      line: node.line,
      column: node.column,
      start: node.start,
      end: node.end,
    };
  }
  return {
    kind: 'seq',
    flow: true,
    items: node.value === null ? [] : [node],
    file: node.file,
    line: node.line,
    column: node.column,
    start: node.start,
    end: node.end,
  };
}

/** `[a, b]` as `{a: null, b: null}`, for depends_on and service networks. */
export function asMapping(node: YNode): MapNode {
  if (node.kind === 'map') return node;
  const entries = new Map<string, MapEntry>();
  if (node.kind === 'seq') {
    for (const item of node.items) {
      if (item.kind !== 'scalar' || item.value === null) continue;
      const key = String(item.value);
      entries.set(key, { key, keyNode: item, value: scalarAt(item, null) });
    }
  }
  return {
    kind: 'map',
    flow: node.kind === 'seq' ? node.flow : true,
    entries,
    file: node.file,
    line: node.line,
    column: node.column,
    start: node.start,
    end: node.end,
  };
}

function buildMapping(node: YNode): MapNode {
  if (node.kind === 'scalar' && node.value !== null) {
    const key = scalarAt(node, 'context');
    return {
      kind: 'map',
      flow: true,
      entries: new Map([['context', { key: 'context', keyNode: key, value: node }]]),
      file: node.file,
      line: node.line,
      column: node.column,
      start: node.start,
      end: node.end,
    };
  }
  return asMapping(node);
}

/** Merges several top-level documents in order (the `-f` files, or an override file). */
export function mergeDocuments(docs: MapNode[]): MapNode | undefined {
  let merged: MapNode | undefined;
  for (const doc of docs) merged = merged ? (mergeNodes(merged, doc) as MapNode) : clone(doc);
  return merged;
}
