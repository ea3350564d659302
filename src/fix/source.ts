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

const lossyUtf8 = () => new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Maps character offsets into the lossy UTF-8 reading of a file that is not valid UTF-8 (what the
 * nginx loader sees: each bad sequence one U+FFFD) to byte offsets. An offset maps to byte `b` only
 * if the bytes before `b` decode to exactly the text before it and the rest to the rest; otherwise
 * (an offset inside a replaced sequence) there is no answer and the edit is declined.
 */
export function lossyOffsetsToBytes(bytes: Buffer, offsets: readonly number[]): Map<number, number> {
  const text = lossyUtf8().decode(bytes);
  const wanted = new Set(offsets.filter((k) => k >= 0 && k <= text.length));
  const out = new Map<number, number>();
  const stream = lossyUtf8();
  let length = 0;
  const tryAt = (k: number, b: number) => {
    if (out.has(k) || !wanted.has(k)) return;
    const head = lossyUtf8().decode(bytes.subarray(0, b));
    if (head === text.slice(0, k) && lossyUtf8().decode(bytes.subarray(b)) === text.slice(k)) out.set(k, b);
  };
  tryAt(0, 0);
  for (let j = 0; j < bytes.length && out.size < wanted.size; j++) {
    const before = length;
    length += stream.decode(bytes.subarray(j, j + 1), { stream: true }).length;
    // A bad sequence is reported when the next byte arrives: the boundary may lie before byte j.
    for (let k = before; k <= length; k++) {
      tryAt(k, j + 1);
      tryAt(k, j);
    }
  }
  return out;
}
