// The github-script contract, faked: the script body runs as an async function of (github, context, core,
// require). github.rest.issues answers from SG_STUB_COMMENTS (the PR's existing comments, JSON) and
// records every call in $SG_ACT_OUT/github-script.jsonl.
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = `${process.env.SG_ACT_OUT}/github-script.jsonl`;
const record = (method, params) => appendFileSync(out, `${JSON.stringify({ method, params })}\n`);
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
const existing = JSON.parse(process.env.SG_STUB_COMMENTS || '[]');
const issues = {
  listComments: async (params) => {
    record('issues.listComments', params);
    return { data: existing };
  },
  createComment: async (params) => {
    record('issues.createComment', params);
    return { data: { id: 1 } };
  },
  updateComment: async (params) => {
    record('issues.updateComment', params);
    return { data: { id: params.comment_id } };
  },
};
const github = {
  rest: { issues },
  paginate: async (method, params) => (await method(params)).data,
};
const context = { repo: { owner, repo }, payload: event, eventName: process.env.GITHUB_EVENT_NAME };
const core = { info: (s) => console.log(s), setFailed: (s) => { console.error(s); process.exitCode = 1; } };
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
await new AsyncFunction('github', 'context', 'core', 'require', process.env.SG_SCRIPT)(
  github,
  context,
  core,
  createRequire(import.meta.url),
);
