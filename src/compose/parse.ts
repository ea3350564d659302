import path from 'node:path';
import {
  type Alias,
  type Document,
  isAlias,
  isMap as isYamlMap,
  isScalar as isYamlScalar,
  isSeq as isYamlSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { InputError } from '../core/errors.js';
import { ProjectFiles } from '../core/project-files.js';
import type { ComposeDiagnostic } from './model.js';
import { composeDiagnostic, type MapNode, type ScalarNode, type YNode } from './tree.js';

/** Real compose files are kilobytes; past this, parsing would take seconds, so refuse with a clear message. */
export const MAX_COMPOSE_BYTES = 4 * 1024 * 1024;
/** Nodes that alias expansion may create in one file: an alias bomb (billion laughs) stops here. */
export const MAX_ALIAS_NODES = 100_000;
const MAX_DEPTH = 500;

export interface ParsedFile {
  file: string;
  /** The file's text as read (BOM included), which keyRanges/insertAt offsets index into. */
  text: string;
  root: MapNode | undefined;
  diagnostics: ComposeDiagnostic[];
}

/** Reads and parses one compose file. Unreadable, binary, oversized or non-regular files throw InputError. */
export function readComposeFile(
  file: string,
  boundary: ProjectFiles = ProjectFiles.unconfined(),
): ParsedFile {
  const where = boundary.locate(file);
  if (where.kind === 'dir') throw new InputError(`${file}: is a directory, not a compose file`);
  const bytes = boundary.readBytes(file, 'compose file', undefined, MAX_COMPOSE_BYTES);
  const parsed = parseComposeBytes(file, bytes);
  boundary.remember(path.resolve(file), parsed.text);
  return parsed;
}

export function parseComposeBytes(file: string, bytes: Uint8Array): ParsedFile {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${file}: compose file is UTF-16 encoded; save it as UTF-8`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError(`${file}: not a text file (NUL byte at offset ${nul}); name a compose YAML file`);
  }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  const diagnostics: ComposeDiagnostic[] = [];
  let strict = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    strict = false;
  }
  const parsed = parseComposeText(file, text);
  if (!strict) {
    const lc = lineCounterFor(text);
    const at = lc.linePos(Math.max(0, text.indexOf('\uFFFD')));
    diagnostics.push(
      composeDiagnostic(
        'invalid',
        { file, line: at.line, column: at.col },
        'invalid UTF-8 byte sequence (compose reads YAML as UTF-8)',
        'Re-save the file as UTF-8.',
      ),
    );
  }
  parsed.diagnostics.unshift(...diagnostics);
  return parsed;
}

function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

class AliasBudgetExceeded extends Error {}
class TooDeep extends Error {}

/** Parses compose YAML text into a positioned tree; every YAML error becomes a compose-invalid finding. */
export function parseComposeText(file: string, text: string): ParsedFile {
  const bom = text.startsWith('\uFEFF');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
  const diagnostics: ComposeDiagnostic[] = [];
  const posOf = (offset: number) => {
    const lp = lineCounter.linePos(offset);
    // Editors do not count a BOM as a column.
    return { file, line: lp.line, column: bom && lp.line === 1 ? Math.max(1, lp.col - 1) : lp.col };
  };
  for (const error of doc.errors) {
    diagnostics.push(
      composeDiagnostic(
        'invalid',
        posOf(error.pos[0]),
        `YAML: ${error.message.split('\n')[0]}`,
        'Fix the YAML syntax at this line (indentation, quotes, brackets).',
      ),
    );
  }
  const result: ParsedFile = { file, text, root: undefined, diagnostics };
  if (doc.errors.length > 0) return result;
  if (doc.contents === null || (isYamlScalar(doc.contents) && doc.contents.value === null)) {
    diagnostics.push(
      composeDiagnostic(
        'invalid',
        { file, line: 1, column: 1 },
        'empty compose file',
        'Add at least a `services:` mapping, or remove the file.',
      ),
    );
    return result;
  }
  const converter = new Converter(text, doc, posOf, diagnostics);
  let root: YNode;
  try {
    root = converter.convert(doc.contents as YamlNode, 0);
  } catch (error) {
    if (error instanceof AliasBudgetExceeded || error instanceof TooDeep) {
      diagnostics.push(
        composeDiagnostic(
          'invalid',
          converter.failedAt ?? { file, line: 1, column: 1 },
          error.message,
          error instanceof AliasBudgetExceeded
            ? 'Remove the nested YAML aliases (this looks like an alias bomb).'
            : 'Flatten the document: compose files are never nested this deep.',
        ),
      );
      return result;
    }
    throw error;
  }
  if (root.kind !== 'map') {
    diagnostics.push(
      composeDiagnostic(
        'invalid',
        { file, line: root.line, column: root.column },
        'Top-level object must be a mapping',
        'Start the file with top-level keys such as `services:`.',
      ),
    );
    return result;
  }
  result.root = root;
  return result;
}

class Converter {
  private aliasNodes = 0;
  private inAlias = 0;
  failedAt: { file: string; line: number; column: number } | undefined;
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly posOf: (offset: number) => { file: string; line: number; column: number },
    private readonly diagnostics: ComposeDiagnostic[],
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  private base(node: YamlNode | null | undefined, fallback: number) {
    const range = node?.range;
    const start = range ? range[0] : fallback;
    let end = range ? range[1] : fallback;
    // Block collections end after their last line break; edits want the end of the last value.
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    return { ...this.posOf(start), start, end };
  }

  convert(node: YamlNode | null | undefined, depth: number, fallbackOffset = 0): YNode {
    if (depth > MAX_DEPTH) {
      this.failedAt = this.posOf(node?.range?.[0] ?? fallbackOffset);
      throw new TooDeep(`YAML nesting deeper than ${MAX_DEPTH} levels`);
    }
    if (this.inAlias > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      throw new AliasBudgetExceeded(
        `YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes; refusing to expand (alias bomb)`,
      );
    }
    if (node === null || node === undefined) {
      return {
        kind: 'scalar',
        value: null,
        quoted: false,
        inline: false,
        ...this.base(null, fallbackOffset),
      };
    }
    if (isAlias(node)) return this.expandAlias(node, depth);
    if (isYamlScalar(node)) {
      const v = node.value;
      const value =
        v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? v
          : typeof v === 'bigint'
            ? Number(v)
            : String(v);
      const quoted = node.type !== 'PLAIN' && node.type !== undefined;
      const inline = node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      return { kind: 'scalar', value, quoted, inline, ...this.base(node, fallbackOffset) };
    }
    if (isYamlSeq(node)) {
      return {
        kind: 'seq',
        flow: node.flow === true,
        items: node.items.map((item) => this.convert(item as YamlNode, depth + 1, node.range?.[0] ?? 0)),
        ...this.base(node, fallbackOffset),
      };
    }
    if (isYamlMap(node)) return this.convertMap(node, depth, fallbackOffset);
    return { kind: 'scalar', value: null, quoted: false, inline: false, ...this.base(null, fallbackOffset) };
  }

  private expandAlias(alias: Alias, depth: number): YNode {
    const target = alias.resolve(this.doc);
    if (!target) {
      this.failedAt = this.posOf(alias.range?.[0] ?? 0);
      return { kind: 'scalar', value: null, quoted: false, inline: false, ...this.base(alias, 0) };
    }
    this.inAlias++;
    try {
      return this.convert(target as YamlNode, depth + 1);
    } catch (error) {
      this.failedAt ??= this.posOf(alias.range?.[0] ?? 0);
      throw error;
    } finally {
      this.inAlias--;
    }
  }

  private convertMap(node: import('yaml').YAMLMap, depth: number, fallbackOffset: number): MapNode {
    const entries = new Map<string, import('./tree.js').MapEntry>();
    const merged: MapNode[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (keyNode !== null && !isYamlScalar(keyNode) && !isAlias(keyNode)) {
        this.diagnostics.push(
          composeDiagnostic(
            'invalid',
            this.posOf(keyNode.range?.[0] ?? 0),
            'mapping keys must be strings',
            'Use a plain string as the key.',
          ),
        );
        continue;
      }
      const key = this.convert(keyNode, depth + 1, node.range?.[0] ?? 0) as ScalarNode;
      const keyText = key.value === null ? '' : String(key.value);
      const value = this.convert(pair.value as YamlNode | null, depth + 1, key.end);
      if (keyText === '<<' && !key.quoted) {
        // YAML merge key (`<<: *defaults`): compose-go's YAML library supports it, explicit keys win.
        const sources = value.kind === 'seq' ? value.items : [value];
        for (const source of sources) if (source.kind === 'map') merged.push(source);
        continue;
      }
      const previous = entries.get(keyText);
      if (previous) {
        this.diagnostics.push(
          composeDiagnostic(
            'invalid',
            { file: key.file, line: key.line, column: key.column },
            `mapping key "${keyText}" already defined at line ${previous.keyNode.line}`,
            `Remove one of the two "${keyText}" keys (YAML keys must be unique).`,
          ),
        );
        continue;
      }
      entries.set(keyText, { key: keyText, keyNode: key, value, indent: this.indentAt(key.start) });
    }
    for (const source of merged) {
      for (const [k, e] of source.entries) if (!entries.has(k)) entries.set(k, e);
    }
    const result: MapNode = {
      kind: 'map',
      flow: node.flow === true,
      entries,
      eol: this.eol,
      ...this.base(node, fallbackOffset),
    };
    const first = node.items[0]?.key as YamlNode | undefined;
    if (!result.flow && first?.range) result.keyIndent = this.indentAt(first.range[0]);
    return result;
  }

  /** The whitespace a new key needs to line up with the key at `offset` (also after a `- ` item marker). */
  private indentAt(offset: number): string {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    const before = this.text.slice(lineStart, offset).replace(/^\uFEFF/, '');
    return /^[ \t]*$/.test(before) ? before : ' '.repeat(before.length);
  }
}
