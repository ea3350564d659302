import { readFileSync } from 'node:fs';

/**
 * How a file's bytes were turned into the text that edits are offsets into. `utf8` only when the
 * bytes are valid UTF-8 (then encoding the text gives the same bytes back, BOM included); any other
 * file is read as `latin1`, one character per byte, so that no byte is ever replaced by U+FFFD.
 */
export type EditEncoding = 'utf8' | 'latin1';

export interface EditableText {
  bytes: Buffer;
  text: string;
  encoding: EditEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes losslessly: UTF-8 when valid, else Latin-1. */
export function decodeEditable(bytes: Buffer): EditableText {
  try {
    return { bytes, text: strictUtf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { bytes, text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

export function readEditable(file: string): EditableText {
  return decodeEditable(readFileSync(file));
}

/**
 * The bytes of `text` in `encoding`, or why they cannot be written without changing what the
 * file's other bytes mean: a Latin-1 file takes only ASCII insertions (its real encoding is unknown),
 * and a UTF-8 text must be well formed (an edit splitting a surrogate pair would write U+FFFD).
 */
export function encodeEditable(text: string, encoding: EditEncoding): Buffer | { declined: string } {
  if (encoding === 'utf8') {
    if (!text.isWellFormed()) return { declined: 'the edit would split a character' };
    return Buffer.from(text, 'utf8');
  }
  return Buffer.from(text, 'latin1');
}

/** Byte offset of a character offset into a text decoded by `decodeEditable`. */
export function byteOffset(text: string, offset: number, encoding: EditEncoding): number {
  return encoding === 'latin1' ? offset : Buffer.byteLength(text.slice(0, offset), 'utf8');
}
