import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { parseAllDocuments } from 'yaml';
import { errorMessage, InputError } from '../core/errors.js';
import type { Finding, TextEdit } from '../core/finding.js';
import { showUntrusted } from '../core/untrusted-text.js';
import { parseNginxText } from '../nginx/parser.js';
import {
  byteOffset,
  decodeEditable,
  type EditableText,
  encodeEditable,
  lossyOffsetsToBytes,
} from './source.js';

/** One file `--fix` will rewrite. Offsets of `spans` are bytes of `beforeBytes`, ascending. */
export interface FileChange {
  /** The real path (symlinks resolved), inside the root. */
  file: string;
  /** The path as the project names it, relative to the root, for messages and diffs. */
  shown: string;
  before: string;
  after: string;
  beforeBytes: Buffer;
  afterBytes: Buffer;
  spans: { start: number; end: number; bytes: Buffer }[];
  mode: number;
  /** Owner, kept when the writer may (root fixing another user's checkout). */
  uid: number;
  gid: number;
}

export interface FixPlan {
  /** Per real path. */
  files: Map<string, FileChange>;
  /** Edits skipped because they overlapped an earlier one (applied on the next run). */
  skipped: number;
  /** Fixes not applied, and why (the rest of the plan does not depend on them). */
  declined: { file: string; why: string; rules: string[] }[];
  /** Targets that must not be written: while there is one, `writeFixes` writes nothing. */
  refused: { file: string; why: string }[];
}

type Verdict = { ok: true } | { ok: false; why: string };

function shownPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel === '' ? '.' : rel;
}

function inside(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel);
}

/** Why `real` must not be written, if it must not: outside the root, not a regular file, read-only. */
function refusal(root: string, real: string): string | undefined {
  if (!inside(root, real)) return 'it is outside the project root (a bind source or symlink that leaves it)';
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(real);
  } catch (error) {
    return `it cannot be examined (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`;
  }
  if (!st.isFile()) return 'it is not a regular file';
  // Root passes access(W_OK) on a 0444 file; the mode bits say what the owner meant.
  if ((st.mode & 0o222) === 0) return 'it is read-only';
  try {
    accessSync(real, constants.W_OK);
  } catch {
    return 'it is not writable';
  }
  try {
    accessSync(path.dirname(real), constants.W_OK);
  } catch {
    return 'its directory is not writable (the fix is written to a temporary file there, then renamed)';
  }
  return undefined;
}

function valueAt(root: unknown, p: readonly string[]): unknown {
  let v = root;
  for (const k of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function withoutPath(root: unknown, p: readonly string[]): void {
  const parent = valueAt(root, p.slice(0, -1));
  if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[p.at(-1)!];
}

/** Whether `after` holds everything `before` held, plus more: appended items or added keys. */
function extends_(before: unknown, after: unknown): boolean {
  if (before === undefined || before === null)
    return Array.isArray(after) ? after.length > 0 : after !== null && typeof after === 'object';
  if (Array.isArray(before))
    return (
      Array.isArray(after) &&
      after.length > before.length &&
      before.every((v, i) => isDeepStrictEqual(v, after[i]))
    );
  if (typeof before === 'object' && after !== null && typeof after === 'object' && !Array.isArray(after)) {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    return (
      Object.keys(a).length > Object.keys(b).length &&
      Object.keys(b).every((k) => isDeepStrictEqual(b[k], a[k]))
    );
  }
  return false;
}

function yamlValue(text: string): { value: unknown } | { error: string } {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  if (!Array.isArray(docs) || docs.length !== 1) return { error: 'not exactly one YAML document' };
  const doc = docs[0]!;
  if (doc.errors.length) return { error: doc.errors[0]!.message.split('\n')[0]! };
  try {
    return { value: doc.toJS() };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

/**
 * The YAML guarantee: both texts parse, the targeted paths changed only as intended (deleted, or
 * extended without losing an entry), and every other value in the document is unchanged.
 */
export function verifyYaml(before: string, after: string, intents: NonNullable<TextEdit['yaml']>[]): Verdict {
  const b = yamlValue(before);
  if ('error' in b) return { ok: false, why: `the file does not parse as YAML (${b.error})` };
  const a = yamlValue(after);
  if ('error' in a) return { ok: false, why: `the edited file would not parse (${a.error})` };
  for (const { path: p, op } of intents) {
    const bv = valueAt(b.value, p);
    const av = valueAt(a.value, p);
    if (op === 'delete' && (av !== undefined || bv === undefined))
      return { ok: false, why: `${p.join('.')} would not be deleted` };
    if (op === 'extend' && !extends_(bv, av))
      return { ok: false, why: `${p.join('.')} would not keep its entries and gain the new one` };
  }
  for (const { path: p } of intents) {
    withoutPath(b.value, p);
    withoutPath(a.value, p);
  }
  if (!isDeepStrictEqual(b.value, a.value)) return { ok: false, why: 'the edit would change other values' };
  return { ok: true };
}

/** nginx files: the edit must not add a syntax error. */
function verifyNginx(file: string, before: string, after: string): Verdict {
  const b = parseNginxText(before, file).errors.length;
  const a = parseNginxText(after, file).errors;
  return a.length > b
    ? { ok: false, why: `the edit would break the nginx syntax (${a[0]!.message})` }
    : { ok: true };
}

/**
 * Edits computed on the lossy UTF-8 reading of a file that is not UTF-8 (nginx files) are moved to
 * byte offsets, i.e. offsets into the Latin-1 reading, when each offset falls between characters.
 */
function toLatin1Offsets(bytes: Buffer, edits: TextEdit[]): TextEdit[] | undefined {
  const lossy = edits.filter((e) => (e.encoding ?? 'utf8') === 'utf8');
  if (!lossy.length) return edits;
  const map = lossyOffsetsToBytes(
    bytes,
    lossy.flatMap((e) => [e.start, e.end]),
  );
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (e.encoding === 'latin1') {
      out.push(e);
      continue;
    }
    const start = map.get(e.start);
    const end = map.get(e.end);
    if (start === undefined || end === undefined) return undefined;
    out.push({ ...e, start, end, encoding: 'latin1' });
  }
  return out;
}

interface Planned {
  change?: FileChange;
  skipped: number;
  /** The whole file's fixes are declined. */
  declined?: string;
}

/** Applies a file's edits back to front on its bytes; overlapping edits are deferred. */
function planFile(
  real: string,
  shown: string,
  src: EditableText,
  given: TextEdit[],
  owner: Pick<FileChange, 'mode' | 'uid' | 'gid'>,
): Planned {
  const edits = src.encoding === 'latin1' ? toLatin1Offsets(src.bytes, given) : given;
  if (!edits)
    return {
      skipped: 0,
      declined: 'the file is not valid UTF-8 and an edit falls inside a bad byte sequence',
    };
  for (const e of edits) {
    if ((e.encoding ?? 'utf8') !== src.encoding)
      return { skipped: 0, declined: 'the file changed encoding since it was analysed' };
    if (e.start < 0 || e.end < e.start || e.end > src.text.length)
      return { skipped: 0, declined: 'the file changed since it was analysed' };
    // A file that is not UTF-8 has an unknown encoding: only ASCII is the same byte in all of them.
    if (src.encoding === 'latin1' && !/^[\x00-\x7f]*$/.test(e.text))
      return { skipped: 0, declined: 'the file is not valid UTF-8 and the fix is not ASCII' };
  }
  // Identical edits (the same header suggested twice) collapse into one.
  const unique = [...new Map(edits.map((e) => [`${e.start}:${e.end}:${e.text}`, e])).values()];
  unique.sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: TextEdit[] = [];
  let skipped = 0;
  let floor = Number.POSITIVE_INFINITY;
  for (const e of unique) {
    if (e.end > floor) {
      skipped++;
      continue;
    }
    applied.push(e);
    floor = e.start;
  }
  applied.reverse();
  let after = '';
  let at = 0;
  for (const e of applied) {
    after += src.text.slice(at, e.start) + e.text;
    at = e.end;
  }
  after += src.text.slice(at);
  if (after === src.text) return { skipped };

  // The new bytes are the old ones copied around the spans: nothing outside a span is re-encoded.
  const spans: FileChange['spans'] = [];
  const parts: Buffer[] = [];
  let byteAt = 0;
  for (const e of applied) {
    const start = byteOffset(src.text, e.start, src.encoding);
    const end = byteOffset(src.text, e.end, src.encoding);
    const bytes = encodeEditable(e.text, src.encoding);
    if ('declined' in bytes) return { skipped, declined: bytes.declined };
    spans.push({ start, end, bytes });
    parts.push(src.bytes.subarray(byteAt, start), bytes);
    byteAt = end;
  }
  parts.push(src.bytes.subarray(byteAt));
  const afterBytes = Buffer.concat(parts);
  const check = encodeEditable(after, src.encoding);
  if ('declined' in check) return { skipped, declined: check.declined };
  if (!check.equals(afterBytes)) return { skipped, declined: 'the edit would split a character' };

  // Deferred edits are not in `after`: only the applied ones say what must have changed.
  const intents = applied.flatMap((e) => (e.yaml ? [e.yaml] : []));
  const verdict = intents.length
    ? applied.every((e) => e.yaml)
      ? verifyYaml(src.text, after, intents)
      : { ok: false as const, why: 'YAML and non-YAML edits to one file' }
    : verifyNginx(real, src.text, after);
  if (!verdict.ok) return { skipped, declined: verdict.why };
  return {
    skipped,
    change: {
      file: real,
      shown,
      before: src.text,
      after,
      beforeBytes: src.bytes,
      afterBytes,
      spans,
      ...owner,
    },
  };
}

/**
 * Plans every finding's edits, per real file, inside `root` (realpath'd). A file whose edits fail a
 * check declines the fixes of every finding that edits it, so no finding is half applied.
 */
export function planFixes(findings: readonly Finding[], root: string): FixPlan {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    throw new InputError(`${root}: cannot resolve the project directory (${errorMessage(error)})`);
  }
  const declined: FixPlan['declined'] = [];
  const refused: FixPlan['refused'] = [];
  const out = new Set(findings.filter((f) => f.fix.edits?.length));
  const decline = (file: string, why: string, by: Iterable<Finding>) => {
    const rules = new Set<string>();
    for (const f of by) {
      rules.add(f.rule);
      out.delete(f);
    }
    declined.push({ file, why, rules: [...rules].sort() });
  };

  const realOf = new Map<string, { real?: string; why?: string }>();
  const resolve = (file: string) => {
    let r = realOf.get(file);
    if (!r) {
      try {
        const real = realpathSync(file);
        const why = refusal(realRoot, real);
        r = why ? { real, why } : { real };
      } catch (error) {
        r = {
          why: `it cannot be resolved (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`,
        };
      }
      realOf.set(file, r);
    }
    return r;
  };
  // Refusals first: such a target is named once, and its findings leave the plan.
  const refusedFiles = new Map<string, Set<Finding>>();
  for (const f of out)
    for (const e of f.fix.edits!) {
      if (!resolve(e.file).why) continue;
      refusedFiles.set(e.file, (refusedFiles.get(e.file) ?? new Set()).add(f));
    }
  for (const [file, by] of refusedFiles) {
    refused.push({ file: shownPath(path.resolve(root), path.resolve(file)), why: resolve(file).why! });
    for (const f of by) out.delete(f);
  }

  for (;;) {
    const byFile = new Map<string, { edits: TextEdit[]; by: Set<Finding>; shown: string }>();
    for (const f of out)
      for (const e of f.fix.edits!) {
        const real = resolve(e.file).real!;
        const g = byFile.get(real) ?? { edits: [], by: new Set(), shown: shownPath(realRoot, real) };
        g.edits.push(e);
        g.by.add(f);
        byFile.set(real, g);
      }
    const files = new Map<string, FileChange>();
    let skipped = 0;
    let again = false;
    for (const [real, g] of byFile) {
      let src: EditableText;
      let owner: Pick<FileChange, 'mode' | 'uid' | 'gid'>;
      try {
        src = decodeEditable(readFileSync(real));
        const st = lstatSync(real);
        owner = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
      } catch (error) {
        decline(g.shown, `it cannot be read (${errorMessage(error)})`, g.by);
        again = true;
        break;
      }
      const p = planFile(real, g.shown, src, g.edits, owner);
      if (p.declined) {
        decline(g.shown, p.declined, g.by);
        again = true;
        break;
      }
      skipped += p.skipped;
      if (p.change) files.set(real, p.change);
    }
    if (!again) return { files, skipped, declined, refused };
  }
}

/** Notes for stderr: what is declined or refused, and the fixes rules could not offer as edits. */
export function fixNotes(plan: FixPlan, findings: readonly Finding[]): string {
  let out = '';
  for (const r of plan.refused) out += `not fixed: ${showUntrusted(r.file)}: ${r.why}\n`;
  for (const d of plan.declined)
    out += `not fixed: ${showUntrusted(d.file)} (${d.rules.join(', ')}): ${showUntrusted(d.why)}\n`;
  for (const f of findings)
    if (f.fix.declined)
      out += `not fixed automatically (${f.rule}): ${showUntrusted(f.fix.declined)}; ${showUntrusted(f.fix.description)}\n`;
  return out;
}

function writeTemp(c: FileChange): string {
  const dir = path.dirname(c.file);
  const tmp = path.join(dir, `.${path.basename(c.file)}.stackgate-fix-${process.pid}-${Date.now()}`);
  // 'wx': O_EXCL, so a planted file or symlink at the temporary name is never followed.
  const fd = openSync(tmp, 'wx', c.mode);
  try {
    writeSync(fd, c.afterBytes);
    fchmodSync(fd, c.mode);
    if (process.getuid?.() === 0 && (c.uid !== 0 || c.gid !== 0)) fchownSync(fd, c.uid, c.gid);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

/**
 * Writes the plan all or nothing: nothing while a target is refused; every new file goes to a
 * temporary file in the target's directory first, then each is renamed over its target; if a rename
 * fails, the targets already replaced get their old bytes back.
 */
export function writeFixes(plan: FixPlan): void {
  if (plan.refused.length) {
    const list = plan.refused.map((r) => `  ${showUntrusted(r.file)}: ${r.why}`).join('\n');
    throw new InputError(
      `--fix wrote nothing: these files must not be written:\n${list}\nFix them by hand, or make them writable files inside the project and run --fix again (--fix-dry-run shows the edits).`,
    );
  }
  const temps: { c: FileChange; tmp: string }[] = [];
  try {
    for (const c of plan.files.values()) {
      if (!readFileSync(c.file).equals(c.beforeBytes))
        throw new Error(`${showUntrusted(c.shown)} changed while stackgate was fixing it`);
      temps.push({ c, tmp: writeTemp(c) });
    }
  } catch (error) {
    for (const t of temps) removeQuietly(t.tmp);
    throw new InputError(`--fix wrote nothing: ${errorMessage(error)}. Run --fix again.`);
  }
  const done: FileChange[] = [];
  for (const [i, t] of temps.entries()) {
    try {
      renameSync(t.tmp, t.c.file);
      done.push(t.c);
    } catch (error) {
      for (const rest of temps.slice(i)) removeQuietly(rest.tmp);
      const restored = done.filter((c) => {
        try {
          renameSync(writeTemp({ ...c, afterBytes: c.beforeBytes }), c.file);
          return true;
        } catch {
          return false;
        }
      });
      const lost = done.filter((c) => !restored.includes(c)).map((c) => c.shown);
      throw new InputError(
        `--fix could not write ${showUntrusted(t.c.shown)} (${errorMessage(error)}); ${lost.length ? `could not restore ${lost.map(showUntrusted).join(', ')}` : 'nothing was changed'}.`,
      );
    }
  }
}

/** A unified diff of the plan, paths relative to the root (what --fix-dry-run prints). */
export function diffFixes(plan: FixPlan): string {
  let out = '';
  for (const c of plan.files.values()) {
    const shown = showUntrusted(c.shown);
    out += createTwoFilesPatch(`a/${shown}`, `b/${shown}`, c.before, c.after, '', '', {
      context: 3,
    }).replace(/^=+\n/, '');
  }
  return out;
}
