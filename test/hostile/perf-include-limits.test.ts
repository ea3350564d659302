import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PLACED_DIRECTIVES } from '../../src/project/build.js';
import { assertNoCrash, validateJson, where, withProject } from './perf-helpers.js';

const compose =
  'services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80"]\n    volumes:\n      - ./conf.d:/etc/nginx/conf.d:ro\n  app:\n    image: app:1\n';

describe('hostile: include globs and include expansion', () => {
  it('an include glob over 1,500 files reads them all: no "nests too deeply", a finding from the last file', async () => {
    const files: Record<string, string> = { 'compose.yaml': compose };
    for (let i = 0; i < 1500; i++)
      files[`conf.d/s${String(i).padStart(4, '0')}.conf`] =
        `server {\n  listen 80;\n  server_name h${i};\n  location / { proxy_pass http://ghost${i}:80; }\n}\n`;
    await withProject(files, async (dir) => {
      const r = await validateJson(dir);
      assertNoCrash(r);
      assert.deepEqual(r.findings.filter((f) => f.rule === 'nginx-include-missing').map(where), []);
      const unresolved = r.findings.filter((f) => f.rule === 'upstream-unresolvable');
      assert.equal(unresolved.length, 1500);
      assert.ok(unresolved.some((f) => f.file === 'conf.d/s1499.conf' && f.message.includes('"ghost1499"')));
    });
  });

  it('includes that double at every level stop at the directive limit with a warning, not a hang', async () => {
    // 40 levels, each including the next file twice: 2^40 directives if expanded in full.
    const files: Record<string, string> = {
      'compose.yaml': compose,
      'conf.d/default.conf': 'server { listen 80; include /etc/nginx/conf.d/b0.inc; }\n',
    };
    for (let i = 0; i < 40; i++)
      files[`conf.d/b${i}.inc`] =
        i + 1 < 40
          ? `include /etc/nginx/conf.d/b${i + 1}.inc;\ninclude /etc/nginx/conf.d/b${i + 1}.inc;\n`
          : 'add_header X-A a;\n';
    await withProject(files, async (dir) => {
      const r = await validateJson(dir);
      assertNoCrash(r);
      const stopped = r.findings.filter((f) => f.rule === 'nginx-include-missing');
      assert.equal(stopped.length, 1, stopped.map(where).join('\n'));
      assert.equal(stopped[0]!.severity, 'warning');
      assert.match(
        stopped[0]!.message,
        new RegExp(`expand to more than ${MAX_PLACED_DIRECTIVES} directives .*the rest were not checked`),
      );
      assert.match(stopped[0]!.file!, /^conf\.d\/b\d+\.inc$/);
    });
  });
});
