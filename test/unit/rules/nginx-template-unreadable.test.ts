import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import {
  CUSTOM_TEMPLATE_LAYOUT,
  proxyWithEnvironment,
  validateDir,
  withProject,
} from '../helpers/project.js';

const RULE = 'nginx-template-unreadable';
const TEMPLATE = 'server {\n    listen 80;\n    location / {\n        return 204;\n    }\n}\n';

/** Validates the project with `fifos` (relative paths) made FIFOs: stackgate refuses them unread. */
async function run(files: Record<string, string>, fifos: string[]) {
  return withProject(files, async (dir) => {
    for (const f of fifos) {
      // Node has no mkfifo; the coreutils binary makes one.
      const r = spawnSync('mkfifo', [path.join(dir, f)], { stdio: 'ignore' });
      assert.equal(r.status, 0, `mkfifo ${f}`);
    }
    const { findings } = await validateDir(dir, files);
    return { found: findings.filter((x) => x.rule === RULE) };
  });
}

test('a FIFO template is named at the file, with the conf.d file the entrypoint would write', async () => {
  const { found } = await run(
    {
      'compose.yaml':
        'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./templates:/etc/nginx/templates:ro\n',
      'templates/default.conf.template': TEMPLATE,
    },
    ['templates/stuck.conf.template'],
  );
  assert.deepEqual(
    found.map((f) => `${f.pos.file}:${f.pos.line}`),
    ['templates/stuck.conf.template:1'],
  );
  assert.match(found[0]!.message, /renders it into \/etc\/nginx\/conf\.d\/stuck\.conf with envsubst/);
});

test("the service's NGINX_ENVSUBST_TEMPLATE_DIR, _SUFFIX and _OUTPUT_DIR say which files are templates and where they go", async () => {
  const { found } = await run(
    {
      'compose.yaml': proxyWithEnvironment(CUSTOM_TEMPLATE_LAYOUT, ['./tpl:/etc/nginx/tpl:ro']),
      'tpl/sub/README': 'FIFOs are made beside this file\n',
    },
    ['tpl/sub/stuck.conf.in', 'tpl/ignored.conf.template'],
  );
  // Both are FIFOs; ignored.conf.template lacks the custom suffix, so the entrypoint never renders it.
  assert.deepEqual(
    found.map((f) => `${f.pos.file}:${f.pos.line}`),
    ['tpl/sub/stuck.conf.in:1'],
  );
  assert.match(
    found[0]!.message,
    /^\/etc\/nginx\/tpl\/sub\/stuck\.conf\.in \(tpl\/sub\/stuck\.conf\.in\) was not analysed: .*renders it into \/etc\/nginx\/sites\/sub\/stuck\.conf with envsubst/,
  );
});
