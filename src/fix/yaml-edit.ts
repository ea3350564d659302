import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, type Node, type Pair, parseDocument } from 'yaml';
import type { TextEdit } from '../core/finding.js';

/** Where a line starts, and the run of spaces that indents it. */
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

/** How many times a compose text was parsed to build an edit: one per edit, whatever the entry count (tests read it). */
export const editParses = { count: 0 };

function serviceMap(text: string, service: string) {
  editParses.count++;
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const node = doc.getIn(['services', service], true) as Node | undefined;
  return node && isMap(node) ? node : undefined;
}

export type ListStyle = { kind: 'list'; item: string } | { kind: 'map-entry'; key: string; body?: string[] };

export type ServiceKeyEntry = { item: string; mapKey: string; mapBody?: string[] };

/**
 * An edit that adds an entry (or several, in order) to `services.<service>.<key>` in a compose file,
 * keeping comments and layout: appends to a block or flow sequence, adds a key to a block mapping,
 * or creates the key. `entry` gives the list form and the mapping form, since either may be in use.
 * Several entries cost one parse: they all go to the same place.
 */
export function addToServiceKey(
  file: string,
  service: string,
  key: string,
  entry: ServiceKeyEntry | readonly ServiceKeyEntry[],
  text = readFileSync(file, 'utf8'),
): TextEdit | undefined {
  const entries = Array.isArray(entry) ? entry : [entry as ServiceKeyEntry];
  if (!entries.length) return undefined;
  const edit = insertionFor(file, service, key, entries, text);
  return edit && withLineEndingsOf(text, edit);
}

/** Inserts are built with \n; a CRLF file gets CRLF, inserted before the \r of the line it follows. */
function withLineEndingsOf(text: string, e: TextEdit): TextEdit {
  if (!text.includes('\r\n')) return e;
  const at = text[e.start - 1] === '\r' ? e.start - 1 : e.start;
  return { ...e, start: at, end: at, text: e.text.replace(/\n/g, '\r\n') };
}

function listItems(entries: readonly ServiceKeyEntry[], indent: string): string {
  return entries.map((e) => `\n${indent}- ${e.item}`).join('');
}

function insertionFor(
  file: string,
  service: string,
  key: string,
  entries: readonly ServiceKeyEntry[],
  text: string,
): TextEdit | undefined {
  const map = serviceMap(text, service);
  if (!map?.range) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
  const firstKey = map.items[0]?.key as Node | undefined;
  const keyIndent = firstKey?.range ? lineIndent(text, firstKey.range[0]) : '    ';
  const step = keyIndent.length >= 2 ? keyIndent.slice(0, 2).replace(/\t/g, '  ') : '  ';
  if (!pair) {
    const at = endOfContent(text, map.range[1]);
    return {
      file,
      start: at,
      end: at,
      text: `\n${keyIndent}${key}:${listItems(entries, `${keyIndent}${step}`)}`,
    };
  }
  const value = pair.value;
  if (!value || (isScalar(value) && value.value === null)) {
    const at = endOfContent(text, (pair.key as Node).range![1]);
    return { file, start: at, end: at, text: listItems(entries, `${keyIndent}${step}`) };
  }
  if (!value.range) return undefined;
  if (isSeq(value)) {
    if (value.flow) {
      const close = text.lastIndexOf(']', value.range[1]);
      const empty = value.items.length === 0;
      const items = entries.map((e) => e.item).join(', ');
      return { file, start: close, end: close, text: empty ? items : `, ${items}` };
    }
    const last = value.items[value.items.length - 1] as Node | undefined;
    const indent = lineIndent(text, (value.items[0] as Node | undefined)?.range?.[0] ?? value.range[0]);
    const at = endOfContent(text, last?.range?.[1] ?? value.range[1]);
    return { file, start: at, end: at, text: listItems(entries, indent) };
  }
  if (isMap(value)) {
    if (value.flow) {
      const close = text.lastIndexOf('}', value.range[1]);
      const pairs = entries.map(
        (e) => `${e.mapKey}:${e.mapBody?.length ? ` {${e.mapBody.join(', ')}}` : ' {}'}`,
      );
      return { file, start: close, end: close, text: `${value.items.length ? ', ' : ''}${pairs.join(', ')}` };
    }
    const first = value.items[0]?.key as Node | undefined;
    const indent = first?.range ? lineIndent(text, first.range[0]) : `${keyIndent}${step}`;
    const at = endOfContent(text, value.range[1]);
    const body = (e: ServiceKeyEntry) =>
      e.mapBody?.length ? e.mapBody.map((l) => `\n${indent}${step}${l}`).join('') : ' {}';
    return {
      file,
      start: at,
      end: at,
      text: entries.map((e) => `\n${indent}${e.mapKey}:${body(e)}`).join(''),
    };
  }
  return undefined;
}

/** An edit that deletes a top-level key (with its value and trailing newline), e.g. `version: "3"`. */
export function deleteTopLevelKey(
  file: string,
  key: string,
  text = readFileSync(file, 'utf8'),
): TextEdit | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) as
    | Pair<Node, Node>
    | undefined;
  const keyRange = (pair?.key as Node | undefined)?.range;
  if (!pair || !keyRange) return undefined;
  const start = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const valueEnd = (pair.value as Node | undefined)?.range?.[1] ?? keyRange[1];
  let end = endOfContent(text, valueEnd);
  if (text[end] === '\n') end++;
  // Drop one blank line that separated it from what follows.
  if (text[end] === '\n') end++;
  return { file, start, end, text: '' };
}
