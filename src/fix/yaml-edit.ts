import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parse,
  parseAllDocuments,
  Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Fix, TextEdit } from '../core/finding.js';
import { type EditableText, readEditable } from './source.js';

/**
 * YAML edits as minimal text spans, computed from the `yaml` package's document and CST, in every
 * style the file may use (block, flow, JSON). Where the shape is not one we can edit exactly (an
 * alias, several documents, a syntax error) the edit is declined with the reason, never guessed.
 */

export interface Declined {
  declined: string;
}
export type EditResult = TextEdit | Declined | undefined;

export function isDeclined(r: EditResult): r is Declined {
  return r !== undefined && 'declined' in r;
}

/** A Fix with the edit when there is one, or the reason it was declined. */
export function fixWith(description: string, result: EditResult): Fix {
  if (!result) return { description };
  if (isDeclined(result)) return { description, declined: result.declined };
  return { description, edits: [result] };
}

/** The entry to add: its list form, and its mapping form (`mapKey:` with an optional small mapping). */
export interface Entry {
  item: string;
  mapKey: string;
  mapValue?: Record<string, string>;
}

type Src = Pick<EditableText, 'text' | 'encoding'>;

function sourceOf(file: string, text: string | undefined): Src | Declined {
  if (text !== undefined) return { text, encoding: 'utf8' };
  try {
    return readEditable(file);
  } catch {
    return { declined: `${file} cannot be read` };
  }
}

/** How many times edits parsed a file: a test asserts a fix costs one parse, however many entries. */
export const editParses = { count: 0 };

/** Parses the single document of a file, or says why it will not be edited. */
function documentOf(text: string): Document.Parsed | Declined {
  editParses.count++;
  const docs = parseAllDocuments(text, { keepSourceTokens: true, uniqueKeys: false });
  if (!Array.isArray(docs)) return { declined: 'the file holds no YAML document' };
  if (docs.length !== 1) return { declined: `the file holds ${docs.length} YAML documents` };
  const doc = docs[0]!;
  if (doc.errors.length) return { declined: `the file has a YAML error (${doc.errors[0]!.code})` };
  return doc;
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** End of the line holding the last non-blank character before `offset` (so comments on it stay put). */
function endOfContent(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** List items in flow style: `a, b`. */
function flowItems(entries: readonly Entry[], json: boolean): string {
  return entries.map((e) => scalar(e.item, true, json)).join(', ');
}

/** List items in block style, one `- item` line each at `indent`. */
function blockItems(entries: readonly Entry[], indent: string, json: boolean): string {
  return entries.map((e) => `\n${indent}- ${scalar(e.item, false, json)}`).join('');
}

/** Whether `s` written plain reads back as the same string (not a number, bool, comment…). */
function plainReadsBack(s: string, flow: boolean): boolean {
  if (!/^[A-Za-z0-9_./~${}@+=:-]+$/.test(s) || /^[-?:]|:$|: /.test(s)) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  try {
    return parse(s) === s;
  } catch {
    return false;
  }
}

/** A scalar as YAML text: plain when that reads back the same, else double-quoted (JSON-compatible). */
function scalar(s: string, flow: boolean, json: boolean): string {
  return !json && plainReadsBack(s, flow) ? s : JSON.stringify(s);
}

/** A JSON-style file (double-quoted keys) gets JSON-style insertions. */
function isJsonStyle(map: YAMLMap): boolean {
  const key = map.items[0]?.key;
  return isScalar(key) && key.type === Scalar.QUOTE_DOUBLE;
}

function flowMapping(values: Record<string, string>, json: boolean): string {
  const body = Object.entries(values).map(([k, v]) => `${scalar(k, true, json)}: ${scalar(v, true, json)}`);
  return `{${body.join(', ')}}`;
}

/** Where a flow collection's items end: after the last item, or just inside the opening bracket. */
function flowInsertAt(node: YAMLMap | YAMLSeq): number | undefined {
  const tok = node.srcToken;
  if (tok?.type !== 'flow-collection') return undefined;
  const last = node.items[node.items.length - 1] as Pair<Node, Node> | Node | undefined;
  if (!last) return tok.start.offset + 1;
  const lastNode = (
    isMap(node) ? ((last as Pair<Node, Node>).value ?? (last as Pair<Node, Node>).key) : last
  ) as Node | undefined;
  return lastNode?.range?.[1];
}

/**
 * An edit that adds entries to `services.<service>.<key>` in a compose file, keeping comments and
 * layout: appends to a sequence, adds keys to a mapping, or creates the key, in the file's style.
 * Several entries make one insertion from one parse (a parse per entry is quadratic in the services).
 * `text` defaults to the file read by `readEditable` (so offsets match what `--fix` applies).
 */
export function addToServiceKey(
  file: string,
  service: string,
  key: string,
  entry: Entry | readonly Entry[],
  text?: string,
): EditResult {
  const entries: readonly Entry[] = Array.isArray(entry) ? entry : [entry as Entry];
  if (entries.length === 0) return undefined;
  const src = sourceOf(file, text);
  if ('declined' in src) return src;
  const edit = insertionFor(file, service, key, entries, src.text);
  if (!edit || isDeclined(edit)) return edit;
  return {
    ...withLineEndingsOf(src.text, edit),
    ...(src.encoding === 'latin1' ? { encoding: 'latin1' as const } : {}),
    yaml: { path: ['services', service, key], op: 'extend' },
  };
}

/** Inserts are built with \n; a CRLF file gets CRLF, inserted before the \r of the line it follows. */
function withLineEndingsOf(text: string, e: TextEdit): TextEdit {
  if (!text.includes('\r\n') || !e.text.includes('\n')) return e;
  const at = text[e.start - 1] === '\r' && e.start === e.end ? e.start - 1 : e.start;
  return { ...e, start: at, end: e.end === e.start ? at : e.end, text: e.text.replace(/\n/g, '\r\n') };
}

function insertionFor(
  file: string,
  service: string,
  key: string,
  entries: readonly Entry[],
  text: string,
): EditResult {
  const doc = documentOf(text);
  if ('declined' in doc) return doc;
  const top = doc.contents;
  if (!isMap(top)) return undefined;
  const services = top.items.find((p) => isScalar(p.key) && p.key.value === 'services')?.value;
  if (isAlias(services)) return { declined: '`services` is an alias' };
  if (!isMap(services)) return undefined;
  const svcPair = services.items.find((p) => isScalar(p.key) && p.key.value === service);
  if (!svcPair) return undefined;
  const map = svcPair.value as Node | null;
  if (isAlias(map)) return { declined: `services.${service} is an alias` };
  if (!isMap(map) || !map.range) return undefined;
  const pairs = map.items.filter((p) => isScalar(p.key) && p.key.value === key);
  if (pairs.length > 1) return { declined: `services.${service}.${key} appears twice` };
  const pair = pairs[0] as Pair<Node, Node> | undefined;
  const json = isJsonStyle(map) || isJsonStyle(services);
  if (map.flow) {
    const at = flowInsertAt(map);
    if (at === undefined)
      return { declined: `cannot place an entry in the flow mapping of services.${service}` };
    if (!pair) {
      const sep = map.items.length ? ', ' : '';
      const k = scalar(key, true, json);
      return { file, start: at, end: at, text: `${sep}${k}: [${flowItems(entries, json)}]` };
    }
  }
  const firstKey = map.items[0]?.key as Node | undefined;
  const keyIndent = firstKey?.range ? lineIndent(text, firstKey.range[0]) : '    ';
  const step = keyIndent.length >= 2 ? keyIndent.slice(0, 2).replace(/\t/g, '  ') : '  ';
  if (!pair) {
    const at = endOfContent(text, map.range[1]);
    return {
      file,
      start: at,
      end: at,
      text: `\n${keyIndent}${scalar(key, false, json)}:${blockItems(entries, `${keyIndent}${step}`, json)}`,
    };
  }
  const value = pair.value;
  if (isAlias(value)) return { declined: `services.${service}.${key} is an alias` };
  if (!value || (isScalar(value) && value.value === null)) {
    if (value?.range && value.range[1] > value.range[0]) {
      // An explicit null (`key: null`, `key: ~`) becomes the list.
      return {
        file,
        start: value.range[0],
        end: value.range[1],
        text: `[${flowItems(entries, json)}]`,
      };
    }
    if (map.flow) {
      const at = (pair.key as Node).range![1];
      return { file, start: at, end: at, text: `: [${flowItems(entries, json)}]` };
    }
    const at = endOfContent(text, (pair.key as Node).range![1]);
    return { file, start: at, end: at, text: blockItems(entries, `${keyIndent}${step}`, json) };
  }
  if (!value.range) return undefined;
  if (isSeq(value)) {
    if (value.flow) {
      const at = flowInsertAt(value);
      if (at === undefined) return { declined: `cannot place an entry in services.${service}.${key}` };
      const sep = value.items.length ? ', ' : '';
      return { file, start: at, end: at, text: `${sep}${flowItems(entries, json)}` };
    }
    const last = value.items[value.items.length - 1] as Node | undefined;
    const indent = lineIndent(text, (value.items[0] as Node | undefined)?.range?.[0] ?? value.range[0]);
    const at = endOfContent(text, last?.range?.[1] ?? value.range[1]);
    return { file, start: at, end: at, text: blockItems(entries, indent, json) };
  }
  if (isMap(value)) {
    if (value.flow) {
      const at = flowInsertAt(value);
      if (at === undefined) return { declined: `cannot place an entry in services.${service}.${key}` };
      const sep = value.items.length ? ', ' : '';
      const pairs = entries.map(
        (e) => `${scalar(e.mapKey, true, json)}: ${flowMapping(e.mapValue ?? {}, json)}`,
      );
      return { file, start: at, end: at, text: `${sep}${pairs.join(', ')}` };
    }
    const first = value.items[0]?.key as Node | undefined;
    const indent = first?.range ? lineIndent(text, first.range[0]) : `${keyIndent}${step}`;
    const at = endOfContent(text, value.range[1]);
    const inserted = entries
      .map((e) => {
        const values = Object.entries(e.mapValue ?? {});
        const body = values.length
          ? values
              .map(([k, v]) => `\n${indent}${step}${scalar(k, false, json)}: ${scalar(v, false, json)}`)
              .join('')
          : ' {}';
        return `\n${indent}${scalar(e.mapKey, false, json)}:${body}`;
      })
      .join('');
    return { file, start: at, end: at, text: inserted };
  }
  return { declined: `services.${service}.${key} is neither a list nor a mapping` };
}

/** An edit that deletes a top-level key (with its value), e.g. `version: "3"`, in any style. */
export function deleteTopLevelKey(file: string, key: string, text?: string): EditResult {
  const src = sourceOf(file, text);
  if ('declined' in src) return src;
  const edit = deletionFor(file, key, src.text);
  if (!edit || isDeclined(edit)) return edit;
  return {
    ...edit,
    ...(src.encoding === 'latin1' ? { encoding: 'latin1' as const } : {}),
    yaml: { path: [key], op: 'delete' },
  };
}

function deletionFor(file: string, key: string, text: string): EditResult {
  const doc = documentOf(text);
  if ('declined' in doc) return doc;
  const top = doc.contents;
  if (!isMap(top)) return undefined;
  const index = top.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  if (index < 0) return undefined;
  if (top.items.findIndex((p, i) => i > index && isScalar(p.key) && p.key.value === key) >= 0)
    return { declined: `the top-level \`${key}\` appears twice` };
  const pair = top.items[index] as Pair<Node, Node>;
  const keyRange = pair.key.range;
  if (!keyRange) return undefined;
  const valueEnd = pair.value?.range?.[1] ?? keyRange[1];
  if (top.flow) {
    // `{a: 1, key: 2, b: 3}`: remove from the key up to the next key, or, for the last pair, from the
    // end of the previous value: the separators go with it and the rest keeps its layout.
    const next = top.items[index + 1] as Pair<Node, Node> | undefined;
    if (next?.key?.range) return { file, start: keyRange[0], end: next.key.range[0], text: '' };
    const prev = top.items[index - 1] as Pair<Node, Node> | undefined;
    const prevEnd = (prev?.value ?? prev?.key)?.range?.[1];
    if (prev && prevEnd === undefined) return { declined: `cannot delimit the top-level \`${key}\`` };
    return { file, start: prevEnd ?? keyRange[0], end: valueEnd, text: '' };
  }
  const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const before = text.slice(lineStart, keyRange[0]);
  // The BOM stays; anything else before the key on its line (`--- key: …`) is not ours to cut.
  if (!/^\uFEFF?[ \t]*$/.test(before)) return { declined: `the top-level \`${key}\` shares its line` };
  const start = lineStart + (before.startsWith('\uFEFF') ? 1 : 0);
  const next = top.items[index + 1] as Pair<Node, Node> | undefined;
  let end = endOfContent(text, valueEnd);
  if (next?.key?.range && next.key.range[0] < end)
    return { declined: `the top-level \`${key}\` shares its line` };
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (text[end] === '\n') end++;
  // Drop one blank line that separated it from what follows.
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (text[end] === '\n') end++;
  return { file, start, end, text: '' };
}
