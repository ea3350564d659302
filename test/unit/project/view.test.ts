import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateFiles } from '../helpers/project.js';

const template = `server {
    listen 80;
    location / {
        proxy_pass http://\${APP_HOST}:3000;
    }
}
`;

test('a proxy built FROM nginx gets the official layout: templates render with its environment', async () => {
  const files = {
    'compose.yaml': `services:
  proxy:
    build: ./nginx
    volumes:
      - ./site.conf.template:/etc/nginx/templates/site.conf.template:ro
    environment:
      APP_HOST: ghost
`,
    'nginx/Dockerfile': 'FROM nginx:1.27-alpine AS base\nRUN true\n',
    'site.conf.template': template,
  };
  const { findings, result } = await validateFiles(files);
  assert.equal(result.view.proxy?.name, 'proxy');
  // The rendered template is read from conf.d inside http{}, so the upstream is checked.
  const hit = findings.find((f) => f.rule === 'upstream-unresolvable');
  assert.match(
    hit?.message ?? '',
    /host not found in upstream "ghost" in \/etc\/nginx\/conf\.d\/site\.conf:4/,
  );
  assert.equal(hit?.pos.file, 'site.conf.template');
  assert.equal(hit?.pos.line, 4);
});

test('a proxy built FROM something else is not assumed to have nginx files', async () => {
  const files = {
    'compose.yaml':
      'services:\n  proxy:\n    build: .\n    volumes:\n      - ./x.conf:/etc/nginx/x.conf:ro\n',
    Dockerfile: 'FROM debian:12\n',
    'x.conf': 'server { listen 80; location / { proxy_pass http://ghost:80; } }\n',
  };
  const { result } = await validateFiles(files, {}, { unloadedConfs: ['x.conf'] });
  assert.equal(result.view.nginx, undefined);
});
