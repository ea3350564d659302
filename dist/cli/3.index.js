export const id = 3;
export const ids = [3];
export const modules = {

/***/ 9003:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: USAGE

;// CONCATENATED MODULE: ./lib/package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/untrusted-text.js
var untrusted_text = __webpack_require__(2704);
;// CONCATENATED MODULE: ./lib/src/cli/main.js
// The one place the version is written; ncc inlines it into the bundle.



const COMMANDS = {
    validate: {
        summary: 'cross-file analysis of compose and nginx configs',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(139), __webpack_require__.e(375)]).then(__webpack_require__.bind(__webpack_require__, 375))).validateCommand,
    },
    up: {
        summary: 'validate, then start the stack and wait until the proxy answers',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(588), __webpack_require__.e(139), __webpack_require__.e(964), __webpack_require__.e(62)]).then(__webpack_require__.bind(__webpack_require__, 6062))).upCommand,
    },
    verify: {
        summary: 'probe every server_name \u00d7 proxied location through nginx; TLS, redirects, exposure',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(588), __webpack_require__.e(139), __webpack_require__.e(964), __webpack_require__.e(62)]).then(__webpack_require__.bind(__webpack_require__, 6062))).verifyCommand,
    },
    down: {
        summary: "collect failed services' logs, remove the run's containers, networks, volumes",
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(588), __webpack_require__.e(139), __webpack_require__.e(964), __webpack_require__.e(62)]).then(__webpack_require__.bind(__webpack_require__, 6062))).downCommand,
    },
    run: {
        summary: 'validate \u2192 up \u2192 verify \u2192 speed test \u2192 down in one command',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(588), __webpack_require__.e(139), __webpack_require__.e(964), __webpack_require__.e(62)]).then(__webpack_require__.bind(__webpack_require__, 6062))).runCommand,
    },
    dns: {
        summary: 'RFC 6724 destination ordering (sort) and per-address reachability (check)',
        load: async () => (await __webpack_require__.e(/* import() */ 171).then(__webpack_require__.bind(__webpack_require__, 171))).dnsCommand,
    },
    speedtest: {
        summary: 'ping, jitter, download and upload against a LibreSpeed server (either layout)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(964), __webpack_require__.e(473)]).then(__webpack_require__.bind(__webpack_require__, 3473))).speedtestCommand,
    },
    aws: {
        summary: 'plan, apply, destroy or reap an AWS IPv6 environment with an OpenVPN host',
        load: async () => (await __webpack_require__.e(/* import() */ 719).then(__webpack_require__.bind(__webpack_require__, 7719))).awsCommand,
    },
};
const USAGE = `Usage: stackgate <command> [options]

Commands:
${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
    .join('\n')}

Run 'stackgate <command> --help' for a command's options.
`;
/** Options that may also be written before the command (`stackgate --env-file F validate`). */
const LEADING_OPTIONS_WITH_VALUE = new Set(['--env-file', '-C', '--cwd']);
/** Moves leading `--env-file F` / `-C DIR` (and their `=` forms) after the command, where it parses them. */
function commandFirst(argv) {
    const leading = [];
    let i = 0;
    while (i < argv.length) {
        const arg = argv[i];
        const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
        if (!LEADING_OPTIONS_WITH_VALUE.has(flag))
            break;
        const takesNext = !arg.includes('=');
        if (takesNext && i + 1 >= argv.length)
            break;
        leading.push(...argv.slice(i, i + (takesNext ? 2 : 1)));
        i += takesNext ? 2 : 1;
    }
    if (leading.length === 0 || i >= argv.length)
        return argv;
    return [argv[i], ...leading, ...argv.slice(i + 1)];
}
/** Runs one CLI invocation and returns its exit code: 0 ok, 1 findings/failure, 2 usage or input error. */
async function main(argv, io) {
    const [name, ...rest] = commandFirst(argv);
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(USAGE);
        return name === undefined ? 2 : 0;
    }
    if (name === '--version') {
        io.stdout(`stackgate ${package_namespaceObject.rE}\n`);
        return 0;
    }
    const command = COMMANDS[name];
    try {
        if (!command)
            throw new errors/* UsageError */.eb(`unknown command "${name}"; run 'stackgate --help' for the list`);
        return await (await command.load())(rest, io);
    }
    catch (error) {
        if ((0,errors/* isUserError */.iU)(error)) {
            // User errors quote project data (names, paths, lines of .env): one printable line.
            io.stderr(`stackgate: ${(0,untrusted_text/* showUntrusted */.Gz)((0,errors/* errorMessage */.gJ)(error))}\n`);
            return 2;
        }
        // A bug of ours: keep the stack so it can be reported; its message may quote data, the frames do not.
        io.stderr(`stackgate: internal error: ${(0,untrusted_text/* showUntrusted */.Gz)((0,errors/* errorMessage */.gJ)(error))}\n${(0,errors/* stackFrames */.N0)(error)
            .map((f) => `${f}\n`)
            .join('')}`);
        return 3;
    }
}


/***/ }),

/***/ 7657:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N0: () => (/* binding */ stackFrames),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError)
/* harmony export */ });
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2704);

/**
 * A mistake in how stackgate was called (bad flag, unknown command). Exit code 2, no stack trace.
 */
class UsageError extends Error {
    name = 'UsageError';
}
/**
 * Input that cannot be read at all (missing, unreadable, binary, too large). Exit code 2, no stack
 * trace; the message names the file and, where known, the line, and says what to do.
 */
class InputError extends Error {
    where;
    name = 'InputError';
    constructor(message, where) {
        super(message);
        this.where = where;
    }
}
/** The text of any thrown value, including non-Error throws. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
/** True for the errors that are the user's to fix: they are printed without a stack trace. */
function isUserError(error) {
    return error instanceof UsageError || error instanceof InputError;
}
/**
 * The `at \u2026` lines of an error's stack, without its message (which may quote project data and
 * is printed escaped on its own), each one printable.
 */
function stackFrames(error) {
    if (!(error instanceof Error) || typeof error.stack !== 'string')
        return [];
    const head = error.message ? `${error.name}: ${error.message}` : error.name;
    const rest = error.stack.startsWith(head) ? error.stack.slice(head.length) : '';
    return rest
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(l));
}


/***/ }),

/***/ 2704:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ showUntrustedPath),
/* harmony export */   Gz: () => (/* binding */ showUntrusted),
/* harmony export */   N1: () => (/* binding */ commandProperty),
/* harmony export */   Uf: () => (/* binding */ verbatimBlock),
/* harmony export */   X8: () => (/* binding */ hideValues),
/* harmony export */   p7: () => (/* binding */ markdownText),
/* harmony export */   wn: () => (/* binding */ jsonForLog),
/* harmony export */   wq: () => (/* binding */ commandData)
/* harmony export */ });
/* unused harmony exports hasUnsafeCharacters, MIN_HIDDEN_VALUE_LENGTH */
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
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };
// C0, DEL, C1, NEL; U+2028/2029 (line breaks to JavaScript and some terminals); bidi embeddings,
// overrides and isolates (the "Trojan Source" characters); U+FEFF (invisible).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|(?<=##)\[/;
const UNSAFE_OR_BACKSLASH = new RegExp(`${UNSAFE.source}|\\\\`, 'g');
/**
 * Untrusted text as one printable line: unsafe characters shown as escapes. A backslash is doubled
 * only when the text holds something else to escape, so ordinary paths and regexes read as written,
 * and within an escaped text every escape is unambiguous.
 */
function showUntrusted(text) {
    if (!UNSAFE.test(text))
        return text;
    return text.replace(UNSAFE_OR_BACKSLASH, (ch) => {
        if (ch === '[')
            return '\\x5b';
        const named = NAMED[ch];
        if (named !== undefined)
            return named;
        const code = ch.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    });
}
/**
 * An untrusted path as printed at the start of a line: escaped, and prefixed with `./` (the same
 * path) when the runner would read the line as a `::command::`.
 */
function showUntrustedPath(file) {
    const shown = showUntrusted(file);
    return /^(::|##\[)/.test(shown.trimStart()) ? `./${shown}` : shown;
}
/** True when `showUntrusted` would change the text. */
function hasUnsafeCharacters(text) {
    return UNSAFE.test(text);
}
/** A workflow command's message, escaped exactly as @actions/core's `escapeData` does. */
function commandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A workflow command's property value, escaped exactly as @actions/core's `escapeProperty` does. */
function commandProperty(text) {
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
function markdownText(text) {
    return showUntrusted(text).replace(MARKDOWN_SPECIAL, (ch) => `&#${ch.charCodeAt(0)};`);
}
/** Shorter values are left as they are: they hold no secret, and replacing them would garble messages. */
const MIN_HIDDEN_VALUE_LENGTH = 4;
/**
 * Shows every occurrence of a variable's value as `${NAME}` (longest values first, so a value that
 * contains another is hidden whole). Used for values from the process environment, where CI secrets live.
 */
function hideValues(values) {
    const pairs = [...values]
        .filter(([, v]) => v.length >= MIN_HIDDEN_VALUE_LENGTH)
        .sort((a, b) => b[1].length - a[1].length);
    if (pairs.length === 0)
        return (text) => text;
    return (text) => {
        let out = text;
        for (const [name, value] of pairs)
            if (out.includes(value))
                out = out.split(value).join(`\${${name}}`);
        return out;
    };
}
/**
 * Text that must be printed byte for byte (a diff of project files) cannot be escaped; in an Actions
 * run it goes between `::stop-commands::TOKEN` and `::TOKEN::`, the runner's own switch for
 * printing untrusted text, with a token the text cannot know in advance.
 */
function verbatimBlock(text, env) {
    if (env.GITHUB_ACTIONS !== 'true' || text === '')
        return text;
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
function jsonForLog(value) {
    return JSON.stringify(value, null, 2)
        .replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/##\[/g, '##\\u005b');
}


/***/ })

};
