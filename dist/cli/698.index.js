export const id = 698;
export const ids = [698];
export const modules = {

/***/ 5698:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ assumeRoleWithOidc),
/* harmony export */   idTokenFromEnvironment: () => (/* binding */ idTokenFromEnvironment)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1695);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7657);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1482);



const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
/**
 * The GitHub OIDC token from the runner: GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=\u2026 with the request token
 * as a Bearer header; the answer is {"value": "<JWT>"}.
 */
function idTokenFromEnvironment(env, fetchImpl = fetch) {
    return async (audience) => {
        const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
        const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!url || !bearer)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('no GitHub OIDC token available: ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. ' +
                'Did you mean to set the `id-token: write` permission on the job?');
        const target = new URL(url);
        target.searchParams.set('audience', audience);
        const r = await fetchImpl(target, {
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
        });
        if (!r.ok)
            throw new Error(`the OIDC token endpoint answered HTTP ${r.status}`);
        const body = (await r.json());
        if (typeof body.value !== 'string' || body.value === '')
            throw new Error('the OIDC token endpoint answered without a token ("value")');
        return body.value;
    };
}
/**
 * OIDC \u2192 STS AssumeRoleWithWebIdentity, retried with jittered backoff on every error but a bad request
 * (as configure-aws-credentials does). A new token is fetched for each attempt: a JWT lives ~5 minutes
 * and can expire during the retries (aws-actions/configure-aws-credentials#1848).
 */
async function assumeRoleWithOidc(sts, o) {
    if (!ROLE_ARN.test(o.roleArn))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`role-to-assume "${o.roleArn}" is not a role ARN; give the full arn:aws:iam::<account-id>:role/<name>`);
    const sessionName = o.sessionName ?? 'GitHubActions';
    if (!SESSION_NAME.test(sessionName))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`role session name "${sessionName}" must be 2-64 characters of letters, digits and +=,.@_-`);
    const durationSeconds = o.durationSeconds ?? 3600;
    if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43_200)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`role duration must be 900-43200 seconds, not "${durationSeconds}"`);
    const audience = o.audience ?? 'sts.amazonaws.com';
    const result = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withBackoff */ .Dc)(async () => {
        const token = await o.getIdToken(audience);
        o.mask(token);
        return sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__/* .AssumeRoleWithWebIdentityCommand */ .WH({
            RoleArn: o.roleArn,
            RoleSessionName: sessionName,
            DurationSeconds: durationSeconds,
            WebIdentityToken: token,
        }));
    }, (e) => !(e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb) && !/ValidationError|MalformedPolicyDocument/.test((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorCode */ .J6)(e) ?? ''), { baseMs: 50, maxDelayMs: 10_000, deadlineMs: 210_000, maxAttempts: 12, ...o.backoff }, (e, n) => o.log?.(`aws: AssumeRoleWithWebIdentity failed (attempt ${n}): ${(0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorCode */ .J6)(e) ?? (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`));
    const c = result.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
        throw new Error('STS AssumeRoleWithWebIdentity answered without credentials');
    o.mask(c.AccessKeyId);
    o.mask(c.SecretAccessKey);
    o.mask(c.SessionToken);
    return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
}


/***/ }),

/***/ 1482:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dc: () => (/* binding */ withBackoff),
/* harmony export */   E2: () => (/* binding */ isThrottling),
/* harmony export */   J6: () => (/* binding */ awsErrorCode),
/* harmony export */   X2: () => (/* binding */ isAmbiguous)
/* harmony export */ });
/* unused harmony exports realSleep, httpStatus, THROTTLING_CODES */
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Calls fn until it succeeds, `retryable(error)` is false, or the attempts/deadline run out; the last error
 * is rethrown. `onRetry` sees each retried error (for the "still waiting because \u2026" report).
 */
async function withBackoff(fn, retryable, options, onRetry) {
    const sleep = options.sleep ?? realSleep;
    const now = options.now ?? Date.now;
    const random = options.random ?? Math.random;
    const start = now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (!retryable(error) || attempt >= options.maxAttempts)
                throw error;
            const delay = Math.min(options.maxDelayMs, random() * options.baseMs * 2 ** (attempt - 1));
            if (now() + delay - start > options.deadlineMs)
                throw error;
            onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}
/** The AWS error code of an SDK error (`name`/`Code`), or undefined for non-service errors. */
function awsErrorCode(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const e = error;
    if (typeof e.Code === 'string')
        return e.Code;
    if (e.$metadata !== undefined && typeof e.name === 'string')
        return e.name;
    if (typeof e.name === 'string' && /^[A-Z][A-Za-z]+(\.[A-Za-z]+)?$/.test(e.name) && e.name !== 'Error')
        return e.name;
    return undefined;
}
/** HTTP status of an SDK service error, if it got an answer at all. */
function httpStatus(error) {
    const m = error?.$metadata;
    return typeof m?.httpStatusCode === 'number' ? m.httpStatusCode : undefined;
}
/**
 * True when a request may or may not have taken effect: no answer (connection dropped, timeout) or a 5xx.
 * A create that fails this way is looked up by tag before it is retried.
 */
function isAmbiguous(error) {
    const status = httpStatus(error);
    if (status !== undefined)
        return status >= 500;
    const code = error?.code;
    const name = error?.name;
    return ((typeof code === 'string' &&
        /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)$/.test(code)) ||
        name === 'TimeoutError' ||
        name === 'RequestTimeout' ||
        name === 'AbortError');
}
const THROTTLING_CODES = new Set([
    'RequestLimitExceeded',
    'Throttling',
    'ThrottlingException',
    'TooManyRequestsException',
]);
function isThrottling(error) {
    return THROTTLING_CODES.has(awsErrorCode(error) ?? '');
}


/***/ })

};
