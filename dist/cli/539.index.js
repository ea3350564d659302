export const id = 539;
export const ids = [539];
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

/***/ 6539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultOutputDir: () => (/* binding */ defaultOutputDir),
  runAws: () => (/* binding */ runAws)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/src/aws/apply.js
var apply = __webpack_require__(5488);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var client_ssm_dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
;// CONCATENATED MODULE: ./lib/src/aws/clients.js



/** More attempts than the SDK's 3: EC2 throttles bursts, and a whole apply should ride out a bad minute. */
const SDK_MAX_ATTEMPTS = 8;
function createClients(o) {
    const common = {
        region: o.region,
        maxAttempts: o.maxAttempts ?? SDK_MAX_ATTEMPTS,
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        ...(o.credentials ? { credentials: o.credentials } : {}),
    };
    return { ec2: new dist_cjs/* EC2Client */.gu5(common), ssm: new client_ssm_dist_cjs/* SSMClient */.jBj(common), sts: new client_sts_dist_cjs/* STSClient */.iM(common) };
}

// EXTERNAL MODULE: ./lib/src/aws/credentials.js
var aws_credentials = __webpack_require__(5698);
// EXTERNAL MODULE: ./lib/src/aws/desired.js
var aws_desired = __webpack_require__(4190);
// EXTERNAL MODULE: ./lib/src/aws/destroy.js
var destroy = __webpack_require__(4558);
// EXTERNAL MODULE: ./lib/src/aws/discover.js
var discover = __webpack_require__(697);
// EXTERNAL MODULE: ./lib/src/aws/plan.js
var plan = __webpack_require__(1413);
// EXTERNAL MODULE: ./lib/src/aws/runtime.js
var runtime = __webpack_require__(1712);
;// CONCATENATED MODULE: ./lib/src/aws/run.js









function defaultOutputDir(cwd, env) {
    return env.RUNNER_TEMP ? external_node_path_.join(env.RUNNER_TEMP, 'stackgate-aws') : external_node_path_.join(cwd, '.stackgate', 'aws');
}
/** Credentials, clients, then the action: the one path the CLI and the sub-action share. */
async function runAws(action, o) {
    const desired = (0,aws_desired/* desiredEnvironment */.af)(o.env);
    const base = { region: o.env.region, ...(o.env.endpoint ? { endpoint: o.env.endpoint } : {}) };
    let credentials;
    if (o.oidc) {
        const { sts } = createClients(base);
        credentials = await (0,aws_credentials/* assumeRoleWithOidc */.Y)(sts, { ...o.oidc, mask: o.mask, log: o.log });
        o.log(`aws: assumed ${o.oidc.roleArn} with the GitHub OIDC token`);
    }
    const { ec2, ssm } = createClients({ ...base, ...(credentials ? { credentials } : {}) });
    const now = o.now ?? (() => new Date());
    const rt = {
        ec2,
        ssm,
        backoff: runtime/* DEFAULT_BACKOFF */.VU,
        destroyDeadlineMs: 15 * 60_000,
        // Poll from 2 s, backing off to 30 s: an instance runs in ~15 s and terminates in ~30-60 s on EC2.
        waiter: { minDelay: 2, maxDelay: 30, maxWaitTime: 600 },
        log: o.log,
        now,
        ...(o.sequential ? { sequential: true } : {}),
    };
    try {
        switch (action) {
            case 'plan':
                return { action, plan: (0,plan/* plan */.et)(desired, await (0,discover/* discover */.k4)(ec2, desired.name)), desired };
            case 'apply': {
                const expiresAt = new Date(now().getTime() + o.env.ttlHours * 3_600_000);
                const outputs = await (0,apply/* apply */.Bb)(rt, desired, {
                    expiresAt,
                    outputDir: o.outputDir,
                    mask: o.mask,
                    ...(o.onStep ? { onStep: o.onStep } : {}),
                });
                return { action, outputs };
            }
            case 'destroy':
                return { action, result: await (0,destroy/* destroyEnvironment */.Wv)(rt, desired.name) };
            case 'reap':
                return { action, result: await (0,destroy/* reap */.xg)(rt) };
        }
    }
    finally {
        ec2.destroy();
        ssm.destroy();
    }
}


/***/ })

};
