// Fuzzing over what a hostile tree can hold where stackgate reads (issue 6, "fuzzing now also over non-regular files
// and symlinks"). Every place validate reads from (the compose file, .env, env_file, the nginx config and its
// include, a template, the build's Dockerfile, .stackgate.yaml) is, at random, a regular file, a FIFO, a symlink
// to /dev/zero, to a secret outside the root, to a file inside, a dangling link or a directory. Each case must end
// (no wait on a FIFO, no endless read), fail only with a user error, and print no byte of the outside secret in
// any format. SPECIAL_FUZZ_RUNS sets the number of cases (default 1,000).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { isUserError } from '../../src/core/errors.js';
import { renderGithub } from '../../src/report/github.js';
import { renderJson } from '../../src/report/json.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { RULES } from '../../src/rules/index.js';
import { validateDir } from '../unit/helpers/project.js';
import { makeDir, type Tree } from './helpers.js';

const RUNS = Number(process.env.SPECIAL_FUZZ_RUNS ?? 1000);
const SECRET = 'outside-secret-5c1d0a77';
const outside = mkdtempSync(path.join(os.tmpdir(), 'sg-fuzz-outside-'));
const secretFile = path.join(outside, 'secret.conf');
// Shaped like every file it may stand in for, so that a leak would show up in a finding or a code frame.
writeFileSync(secretFile, `# ${SECRET}\nSECRET=${SECRET}\nserver { listen 80; return 200 "${SECRET}"; }\n`);
after(() => rmSync(outside, { recursive: true, force: true }));

const COMPOSE = `services:
  proxy:
    build: ./proxy
    image: nginx:1.27
    env_file: app.env
    ports:
      - "8080:80"
    volumes:
      - ./default.conf:/etc/nginx/conf.d/default.conf:ro
      - ./snippet.conf:/etc/nginx/snippet.conf:ro
      - ./templates:/etc/nginx/templates:ro
  app:
    image: "\${APP_IMAGE:-example/app:1.0}"
`;

/** What each place holds when it is a plain file. */
const REGULAR: Record<string, string> = {
  'compose.yaml': COMPOSE,
  '.env': 'APP_IMAGE=example/app:2.0\n',
  'app.env': 'MODE=prod\n',
  'default.conf':
    'server {\n    listen 80;\n    include /etc/nginx/snippet.conf;\n    location / { proxy_pass http://app:80; }\n}\n',
  'snippet.conf': 'add_header X-Frame-Options DENY;\n',
  'templates/site.conf.template': 'server { listen 81; location / { proxy_pass http://app:80; } }\n',
  'proxy/Dockerfile': 'FROM nginx:1.27\nCOPY extra.conf /etc/nginx/conf.d/extra.conf\n',
  'proxy/extra.conf': 'server { listen 82; return 204; }\n',
  '.stackgate.yaml': 'rules:\n  image-unpinned: off\n',
};

type Kind = 'regular' | 'fifo' | 'zero' | 'outside' | 'inside' | 'dangling' | 'dir' | 'absent';
const KINDS: Kind[] = ['regular', 'fifo', 'zero', 'outside', 'inside', 'dangling', 'dir', 'absent'];

function treeOf(choice: Record<string, Kind>): Tree {
  const tree: Tree = {};
  for (const [place, kind] of Object.entries(choice)) {
    const text = REGULAR[place]!;
    if (kind === 'regular') tree[place] = text;
    else if (kind === 'fifo') tree[place] = { fifo: true };
    else if (kind === 'zero') tree[place] = { symlink: '/dev/zero' };
    else if (kind === 'outside') tree[place] = { symlink: secretFile };
    else if (kind === 'dangling') tree[place] = { symlink: path.join(outside, 'no-such-file') };
    else if (kind === 'dir') tree[place] = { dir: true };
    else if (kind === 'inside') {
      // A link to a copy kept inside the root: the reader follows it and analyses the copy.
      tree[`${place}.real`] = text;
      tree[place] = { symlink: path.basename(`${place}.real`) };
    }
  }
  return tree;
}

test('special files and symlinks at every place validate reads: it ends, fails only as a user error, leaks nothing', async () => {
  let analysed = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.record(Object.fromEntries(Object.keys(REGULAR).map((p) => [p, fc.constantFrom(...KINDS)]))),
      async (choice) => {
        const { dir, cleanup } = makeDir(treeOf(choice as Record<string, Kind>), 'sg-fuzz-special-');
        try {
          // No files to check as loaded: which places load depends on the random choice.
          const result = await validateDir(dir, {}).then(
            (r) => r.result,
            (error: unknown) => {
              // Refusing a FIFO, a device, a directory or a link out of the root is a user error (exit 2), never a crash.
              assert.ok(isUserError(error), `not a user error: ${String(error)}`);
              refused++;
              return undefined;
            },
          );
          if (!result) return;
          analysed++;
          const outputs = [
            renderText(result.findings, dir, result.sources),
            renderJson(result.findings, dir),
            renderSarif(result.findings, RULES, dir),
            renderGithub(result.findings, dir),
          ];
          for (const out of outputs)
            assert.ok(!out.includes(SECRET), `the outside secret was printed:\n${out}`);
          for (const text of result.sources.values())
            assert.ok(!text.includes(SECRET), 'the outside secret was read');
        } finally {
          cleanup();
        }
      },
    ),
    { numRuns: RUNS, seed: 90210 },
  );
  // Both halves were exercised: projects that loaded and were analysed, and projects refused as a user error.
  assert.ok(analysed > RUNS / 20, `only ${analysed} of ${RUNS} cases were analysed`);
  assert.ok(refused > RUNS / 20, `only ${refused} of ${RUNS} cases were refused`);
});

test('the leak check can fail: once the outside folder is allowed, the linked secret is read and printed', async () => {
  const choice = Object.fromEntries(Object.keys(REGULAR).map((p) => [p, 'regular'])) as Record<string, Kind>;
  choice['snippet.conf'] = 'outside';
  const { dir, cleanup } = makeDir(treeOf(choice), 'sg-fuzz-special-');
  try {
    // Loaded all but the linked snippet, so the secret's absence is the boundary's doing.
    const closed = (await validateDir(dir, REGULAR, {}, { unloadedConfs: ['snippet.conf'] })).result;
    assert.ok(![...closed.sources.values()].some((t) => t.includes(SECRET)));
    const open = (await validateDir(dir, REGULAR, { allowPaths: [outside] })).result;
    assert.ok(
      [...open.sources.values()].some((t) => t.includes(SECRET)),
      'the allowed secret was read',
    );
  } finally {
    cleanup();
  }
});
