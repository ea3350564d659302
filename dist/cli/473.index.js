export const id = 473;
export const ids = [473];
export const modules = {

/***/ 6294:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ parseArgsOrUsage)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7657);


/**
 * `-C=DIR` as `-C DIR`: node:util reads the value of a short option as everything after the letter,
 * so `-C=DIR` would name the directory "=DIR". Only short options that take a value, and only before `--`.
 */
function splitShortEquals(config) {
    const args = config.args;
    if (!args)
        return undefined;
    const withValue = new Set(Object.values(config.options ?? {})
        .filter((o) => o.type === 'string' && o.short)
        .map((o) => o.short));
    const out = [];
    for (const [i, arg] of args.entries()) {
        if (arg === '--')
            return [...out, ...args.slice(i)];
        const m = /^-([A-Za-z])=([\s\S]*)$/.exec(arg);
        if (m && withValue.has(m[1]))
            out.push(`-${m[1]}`, m[2]);
        else
            out.push(arg);
    }
    return out;
}
/** node:util's parseArgs, with its errors turned into usage errors (exit 2), followed by `help` if given. */
function parseArgsOrUsage(config, help) {
    try {
        const args = splitShortEquals(config);
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(args ? { ...config, args } : config);
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(help ? `${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}\n\n${help}` : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error));
    }
}


/***/ }),

/***/ 3473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSpeedtestText: () => (/* binding */ renderSpeedtestText),
/* harmony export */   speedtestCommand: () => (/* binding */ speedtestCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
/* harmony import */ var _speedtest_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6964);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6294);





const USAGE = `Usage: stackgate speedtest URL [options]

Measures ping, jitter, download and upload against a LibreSpeed server, the way LibreSpeed's browser
client does (ping = minimum, weighted jitter, speeds \u00d7 1.06 overhead factor; raw goodput beside it).
URL is the server's base, either layout: https://host/ or https://host/backend/ (the official image's
PHP files, or speedtest-go's /garbage, /empty, /getIP); the layout is found by probing.

Options:
  --duration S    measured seconds per direction, after the grace time (default ${_speedtest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DURATION_SECONDS */ .Ro})
  --streams N     parallel download streams, 1-64 (default ${_speedtest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_STREAMS */ .AD}); upload uses half as many
  --ca FILE       extra trusted CA certificate (PEM)
  --insecure      accept any TLS certificate
  --json          print {downloadMbps, uploadMbps, pingMs, jitterMs, rawDownloadMbps, rawUploadMbps,
                  layout, bytesDown, bytesUp, seconds}
  -h, --help      this help

Exit codes: 0 measured; 1 the test failed (unreachable, non-2xx answer, broken stream); 2 usage error
or unreadable input.
`;
function duration(text) {
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0) || value > 3600) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--duration "${text}": expected seconds, more than 0 and at most 3600`);
    }
    return value;
}
function streams(text) {
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 64) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--streams "${text}": expected a whole number from 1 to 64`);
    }
    return Number(text);
}
function renderSpeedtestText(url, r) {
    const gb = (bytes) => `${(bytes / 1e9).toFixed(2)} GB`;
    return [
        `speedtest ${url} (${r.layout === 'php' ? 'LibreSpeed PHP layout' : 'speedtest-go layout'})`,
        `  ping      ${r.pingMs.toFixed(2)} ms   jitter ${r.jitterMs.toFixed(2)} ms`,
        `  download  ${r.downloadMbps.toFixed(2)} Mbit/s   (goodput ${r.rawDownloadMbps.toFixed(2)}, ${gb(r.bytesDown)})`,
        `  upload    ${r.uploadMbps.toFixed(2)} Mbit/s   (goodput ${r.rawUploadMbps.toFixed(2)}, ${gb(r.bytesUp)})`,
        `  took ${r.seconds.toFixed(1)} s`,
        '',
    ].join('\n');
}
/** `stackgate speedtest URL`. */
const speedtestCommand = async (argv, io) => {
    const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseArgsOrUsage */ .J)({
        args: argv,
        options: {
            duration: { type: 'string' },
            streams: { type: 'string' },
            ca: { type: 'string' },
            insecure: { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        allowPositionals: true,
        strict: true,
    }, USAGE);
    if (values.help) {
        io.stdout(USAGE);
        return 0;
    }
    if (positionals.length !== 1)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`speedtest needs exactly one URL\n\n${USAGE}`);
    const url = positionals[0];
    const options = { url };
    if (values.duration !== undefined)
        options.durationSeconds = duration(values.duration);
    if (values.streams !== undefined)
        options.streams = streams(values.streams);
    if (values.insecure)
        options.insecure = true;
    if (values.ca !== undefined) {
        try {
            options.ca = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, values.ca), 'utf8');
        }
        catch (error) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${values.ca}: cannot read the CA certificate: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
        }
        if (!options.ca.includes('-----BEGIN CERTIFICATE-----')) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${values.ca}: not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line)`);
        }
    }
    let result;
    try {
        result = await (0,_speedtest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .runSpeedtest */ .fd)(options);
    }
    catch (error) {
        if (!(error instanceof _speedtest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .SpeedtestFailure */ .Ie))
            throw error;
        io.stderr(`stackgate: speedtest failed: ${error.message}\n`);
        return 1;
    }
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderSpeedtestText(url, result));
    return 0;
};


/***/ })

};
