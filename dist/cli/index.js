#!/usr/bin/env -S node --
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 1314:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dgram");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 8152:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path/win32");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 7066:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tty");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 9003:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: USAGE

;// CONCATENATED MODULE: ./lib/package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __nccwpck_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/untrusted-text.js
var untrusted_text = __nccwpck_require__(2704);
;// CONCATENATED MODULE: ./lib/src/cli/main.js
// The one place the version is written; ncc inlines it into the bundle.



const COMMANDS = {
    validate: {
        summary: 'cross-file analysis of compose and nginx configs',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(985), __nccwpck_require__.e(291), __nccwpck_require__.e(408), __nccwpck_require__.e(475)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3475))).validateCommand,
    },
    up: {
        summary: 'validate, then start the stack and wait until the proxy answers',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(499), __nccwpck_require__.e(985), __nccwpck_require__.e(408), __nccwpck_require__.e(964), __nccwpck_require__.e(188)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3188))).upCommand,
    },
    verify: {
        summary: 'probe every server_name × proxied location through nginx; TLS, redirects, exposure',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(499), __nccwpck_require__.e(985), __nccwpck_require__.e(408), __nccwpck_require__.e(964), __nccwpck_require__.e(188)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3188))).verifyCommand,
    },
    down: {
        summary: "collect failed services' logs, remove the run's containers, networks, volumes",
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(499), __nccwpck_require__.e(985), __nccwpck_require__.e(408), __nccwpck_require__.e(964), __nccwpck_require__.e(188)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3188))).downCommand,
    },
    run: {
        summary: 'validate → up → verify → speed test → down in one command',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(499), __nccwpck_require__.e(985), __nccwpck_require__.e(408), __nccwpck_require__.e(964), __nccwpck_require__.e(188)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3188))).runCommand,
    },
    dns: {
        summary: 'RFC 6724 destination ordering (sort) and per-address reachability (check)',
        load: async () => (await __nccwpck_require__.e(/* import() */ 171).then(__nccwpck_require__.bind(__nccwpck_require__, 171))).dnsCommand,
    },
    speedtest: {
        summary: 'ping, jitter, download and upload against a LibreSpeed server (either layout)',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(964), __nccwpck_require__.e(473)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3473))).speedtestCommand,
    },
    aws: {
        summary: 'plan, apply, destroy or reap an AWS IPv6 environment with an OpenVPN host',
        load: async () => (await __nccwpck_require__.e(/* import() */ 719).then(__nccwpck_require__.bind(__nccwpck_require__, 7719))).awsCommand,
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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N0: () => (/* binding */ stackFrames),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError)
/* harmony export */ });
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2704);

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
 * The `at …` lines of an error's stack, without its message (which may quote project data and
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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
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
    const token = `stackgate-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
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


/***/ }),

/***/ 2331:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9003);
// The CLI binary: a thin wrapper that hands the process streams to the shared core.
// `node --` in the shebang: Node scans every argument for --env-file, even the script's own after
// the script path, and exits 9 when that file is not where Node looks; `--` ends Node's options.


// V8's code cache across runs (Node 22.1+): the bundle is parsed once, not on every invocation.
node_module__WEBPACK_IMPORTED_MODULE_0__.enableCompileCache?.();
const code = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i)(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
});
process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2331);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
