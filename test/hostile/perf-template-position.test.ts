// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${NAME}` here is envsubst syntax.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoCrash, validateJson, withProject } from './perf-helpers.js';

describe('hostile: findings in an nginx template', () => {
  it("carry the template's own line and column, not the rendered file's", async () => {
    await withProject(
      {
        'compose.yaml': [
          'services:',
          '  proxy:',
          '    image: nginx:1.27',
          '    ports: ["80:80"]',
          '    environment:',
          '      BACKEND: a-backend-name-much-longer-than-the-variable',
          '      EXTRA: "x 1;\\n    y 2;\\n    z 3"',
          '    volumes:',
          '      - ./templates:/etc/nginx/templates:ro',
          '',
        ].join('\n'),
        'templates/default.conf.template': [
          'server {', //                                                     1
          '  listen 80;', //                                                 2
          '  location / { set $a 1; ${EXTRA}; proxy_pass http://${BACKEND}:8080; }', // 3
          '  location /b { proxy_pass http://ghost:8080; }', //              4
          '}',
          '',
        ].join('\n'),
      },
      async (dir) => {
        const r = await validateJson(dir);
        assertNoCrash(r);
        const unresolved = r.findings
          .filter((f) => f.rule === 'upstream-unresolvable')
          .map((f) => `${f.file}:${f.line}:${f.column}`);
        // Rendered, line 3 becomes three lines and `ghost` moves to line 6, column 35 stays; BACKEND's
        // value starts at column 66 of the rendered line 5.
        assert.deepEqual(unresolved, [
          'templates/default.conf.template:3:54',
          'templates/default.conf.template:4:35',
        ]);
        const unknown = r.findings
          .filter((f) => f.rule === 'nginx-directive')
          .map((f) => `${f.line}:${f.column}`);
        assert.deepEqual(unknown, ['3:26', '3:26', '3:26']);
      },
    );
  });
});
