/**
 * The one escaping of untrusted text. Everything a report shows that came from project files
 * (service names, paths, hosts, directive arguments, messages that quote them) passes through here,
 * because a pull request writes those files and its output is a public CI log that the Actions runner
 * scans for `::command::` lines.
 *
 * Layer 1, `showUntrusted`, makes data printable: C0 controls, DEL, C1 controls and the Unicode
 * line/paragraph separators and bidi overrides become visible escapes (`\n`, `\x1b`, `\u{202e}`),
 * so data can never start a new output line, move the cursor or reorder what a reader sees. The
 * runner also takes `##[command]` anywhere in a line (its legacy syntax), so the `[` of `##[` is
 * escaped too; `::` commands count only at a line's start (after leading white space), which
 * `showUntrustedPath` guards for the one place data starts a line (the text format's file header).
 * Layer 2 is per format: workflow-command escaping for `--format github` (the rules of @actions/core),
 * and HTML-entity escaping for the Markdown job summary.
 */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

// C0, DEL, C1, NEL; U+2028/2029 (line breaks to JavaScript and some terminals); bidi embeddings,
// overrides and isolates (the "Trojan Source" characters); U+FEFF (invisible).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|(?<=##)\[/;
const UNSAFE_OR_BACKSLASH = new RegExp(`${UNSAFE.source}|\\\\`, 'g');

/**
 * Untrusted text as one printable line: unsafe characters shown as escapes. A backslash is doubled
 * only when the text holds something else to escape, so ordinary paths and regexes read as written,
 * and within an escaped text every escape is unambiguous.
 */
export function showUntrusted(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_OR_BACKSLASH, (ch) => {
    if (ch === '[') return '\\x5b';
    const named = NAMED[ch];
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * An untrusted path as printed at the start of a line: escaped, and prefixed with `./` (the same
 * path) when the runner would read the line as a `::command::`.
 */
export function showUntrustedPath(file: string): string {
  const shown = showUntrusted(file);
  return /^(::|##\[)/.test(shown.trimStart()) ? `./${shown}` : shown;
}

/** True when `showUntrusted` would change the text. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** A workflow command's message, escaped exactly as @actions/core's `escapeData` does. */
export function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value, escaped exactly as @actions/core's `escapeProperty` does. */
export function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// Characters that start inline Markdown or HTML, or end a table cell: as entities they render as
// themselves and cannot open a tag, a link or autolink (`:`), an image, emphasis, math (`$`), a
// mention, a code span or a new cell.
const MARKDOWN_SPECIAL = /[&<>|`\\[\]()*_~!$:@]/g;

/**
 * Untrusted text for the Markdown job summary (inside a table cell or a `<code>` element): printable
 * first, then every Markdown/HTML-significant character as a numeric entity.
 */
export function markdownText(text: string): string {
  return showUntrusted(text).replace(MARKDOWN_SPECIAL, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Shorter values are left as they are: they hold no secret, and replacing them would garble messages. */
export const MIN_HIDDEN_VALUE_LENGTH = 4;

/**
 * Shows every occurrence of a variable's value as `${NAME}` (longest values first, so a value that
 * contains another is hidden whole). Used for values from the process environment, where CI secrets live.
 */
export function hideValues(values: ReadonlyMap<string, string>): (text: string) => string {
  const pairs = [...values]
    .filter(([, v]) => v.length >= MIN_HIDDEN_VALUE_LENGTH)
    .sort((a, b) => b[1].length - a[1].length);
  if (pairs.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const [name, value] of pairs) if (out.includes(value)) out = out.split(value).join(`\${${name}}`);
    return out;
  };
}

/**
 * Text that must be printed byte for byte (a diff of project files) cannot be escaped; in an Actions
 * run it goes between `::stop-commands::TOKEN` and `::TOKEN::`, the runner's own switch for
 * printing untrusted text, with a token the text cannot know in advance.
 */
export function verbatimBlock(text: string, env: Readonly<Record<string, string | undefined>>): string {
  if (env.GITHUB_ACTIONS !== 'true' || text === '') return text;
  const token = `stackgate-${globalThis.crypto.randomUUID()}`;
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}

// Characters JSON.stringify leaves raw that a terminal or a reader acts on.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Pretty-printed JSON that is safe in a log and parses to exactly `value`: characters that
 * JSON.stringify leaves raw (DEL, C1, separators, bidi) and the `[` of `##[` become `\uXXXX`
 * escapes. `#` only occurs inside strings, so the replacement never touches JSON's own syntax.
 */
export function jsonForLog(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '##\\u005b');
}
