// The project view of built proxies: the Dockerfile's COPYed files laid over the image's, proxy
// detection from FROM, the template path, and start commands that write the config.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LATEST_NGINX } from '../../../src/nginx/versions.js';
import { validateFiles } from '../helpers/project.js';

const SERVER = 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n';
const MAIN =
  'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n    server {\n        listen 8080;\n    }\n}\n';
const APP = '  app:\n    image: example/app:1\n    expose: ["3000"]\n';

/** The loaded files that come from the project (not the image), as [container path, project-relative path]. */
const fromProject = (files: { file: string; containerPath?: string; builtin: boolean }[]) =>
  files
    .filter((f) => !f.builtin)
    .map((f) => [f.containerPath, f.file.replace(/^.*stackgate-project-[^/]+\//, '')]);

test('a build-only proxy FROM nginx is the proxy; its COPYed configs are what nginx loads', async () => {
  const { findings, result } = await validateFiles({
    'compose.yaml': `services:\n  web:\n    build: ./proxy\n${APP}`,
    'proxy/Dockerfile':
      'FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY sites/ /etc/nginx/conf.d/\n',
    'proxy/nginx.conf': MAIN,
    'proxy/sites/app.conf': SERVER,
  });
  const view = result.view;
  assert.equal(view.proxy?.name, 'web');
  // The COPYed nginx.conf replaces the image's; the image's conf.d/default.conf stays beside app.conf.
  assert.deepEqual(fromProject(view.nginx?.files ?? []), [
    ['/etc/nginx/nginx.conf', 'proxy/nginx.conf'],
    ['/etc/nginx/conf.d/app.conf', 'proxy/sites/app.conf'],
  ]);
  assert.ok(view.nginx?.files.some((f) => f.builtin && f.containerPath === '/etc/nginx/conf.d/default.conf'));
  assert.deepEqual([...new Set(view.listens.map((l) => l.port))].sort(), [80, 8080]);
  assert.deepEqual(
    findings.filter((f) => f.rule === 'proxy-config-not-mounted'),
    [],
  );
});

test('a COPY into conf.d merges with the image files; a bind mount of conf.d shadows both', async () => {
  const files = {
    'proxy/Dockerfile': `ARG BASE=nginx:1.27\nFROM \${BASE}\nCOPY sites/*.conf /etc/nginx/conf.d/\n`,
    'proxy/sites/app.conf': SERVER,
    'mounted/other.conf': SERVER.replace('listen 80', 'listen 81'),
  };
  const copied = await validateFiles(
    { ...files, 'compose.yaml': `services:\n  web:\n    build: ./proxy\n${APP}` },
    {},
    { unloadedConfs: ['mounted/other.conf'] },
  );
  assert.deepEqual(
    copied.result.view.nginx?.files
      .filter((f) => f.containerPath?.includes('/conf.d/'))
      .map((f) => f.containerPath),
    ['/etc/nginx/conf.d/app.conf', '/etc/nginx/conf.d/default.conf'],
  );
  const mounted = await validateFiles(
    {
      ...files,
      'compose.yaml': `services:\n  web:\n    build: ./proxy\n    volumes:\n      - ./mounted:/etc/nginx/conf.d:ro\n${APP}`,
    },
    {},
    { unloadedConfs: ['proxy/sites/app.conf'] },
  );
  assert.deepEqual(
    mounted.result.view.nginx?.files
      .filter((f) => f.containerPath?.includes('/conf.d/'))
      .map((f) => f.containerPath),
    ['/etc/nginx/conf.d/other.conf'],
  );
});

test('a syntax error in a COPYed config is reported at its host file and line', async () => {
  const { findings } = await validateFiles({
    'compose.yaml':
      'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/proxy.Dockerfile\n',
    'docker/proxy.Dockerfile': 'FROM nginx:1.27\nWORKDIR /etc/nginx/conf.d\nCOPY site.conf default.conf\n',
    'site.conf': 'server {\n    listen 80;\n    location / {\n        return 200;\n    };\n}\n',
  });
  const syntax = findings.filter((f) => f.rule === 'nginx-syntax');
  assert.equal(syntax.length, 1);
  assert.equal(syntax[0]?.pos.file, 'site.conf');
  assert.equal(syntax[0]?.pos.line, 5);
  assert.match(syntax[0]?.message ?? '', /unexpected ";"/);
});

test('a build FROM a non-nginx image with nothing under /etc/nginx is not taken for the proxy', async () => {
  const { result } = await validateFiles({
    'compose.yaml': 'services:\n  api:\n    build: .\n',
    Dockerfile: 'FROM node:22\nCOPY . /app\n',
    'server.js': '',
  });
  assert.equal(result.view.proxy, undefined);
  assert.equal(result.view.builds.get('api')?.base.value, 'node:22');
  assert.ok(result.view.builds.get('api')?.files.has('/app/server.js'), 'the build was read');
});

test('templates render where NGINX_ENVSUBST_OUTPUT_DIR says, subfolders and suffix kept', async () => {
  const { findings, result } = await validateFiles({
    'compose.yaml': `services:
  nginx:
    image: nginx:1.27
    environment:
      NGINX_ENVSUBST_OUTPUT_DIR: /etc/nginx
      NGINX_ENVSUBST_TEMPLATE_SUFFIX: .tpl
      APP_HOST: app
    volumes:
      - ./templates:/etc/nginx/templates:ro
${APP}`,
    'templates/nginx.conf.tpl': MAIN.replace('listen 8080;', 'listen 8080;\n        server_name $APP_HOST;'),
    'templates/conf.d/app.conf.tpl': SERVER.replace('app:3000', `\${APP_HOST}:3000`),
  });
  assert.deepEqual(fromProject(result.view.nginx?.files ?? []), [
    ['/etc/nginx/nginx.conf', 'templates/nginx.conf.tpl'],
    ['/etc/nginx/conf.d/app.conf', 'templates/conf.d/app.conf.tpl'],
  ]);
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error'),
    [],
  );
  assert.ok(result.view.index.byName.get('server_name')?.some((p) => p.d.args[0] === 'app'));
});

test("a Dockerfile's ENV moves the template output like compose's environment does", async () => {
  const { result } = await validateFiles({
    'compose.yaml': 'services:\n  web:\n    build: .\n',
    Dockerfile:
      'FROM nginx:1.27\nENV NGINX_ENVSUBST_OUTPUT_DIR=/etc/nginx\nCOPY nginx.conf.template /etc/nginx/templates/\n',
    'nginx.conf.template': MAIN,
  });
  assert.deepEqual(fromProject(result.view.nginx?.files ?? []), [
    ['/etc/nginx/nginx.conf', 'nginx.conf.template'],
  ]);
});

test('a COPY to an existing image directory without a trailing slash lands inside it', async () => {
  const { result } = await validateFiles({
    'compose.yaml': 'services:\n  web:\n    build: .\n',
    Dockerfile: 'FROM nginx:1.27\nCOPY site.conf /etc/nginx/conf.d\nCOPY main.conf /etc/nginx/nginx.conf\n',
    'site.conf': SERVER,
    'main.conf': MAIN,
  });
  assert.deepEqual(fromProject(result.view.nginx?.files ?? []), [
    ['/etc/nginx/nginx.conf', 'main.conf'],
    ['/etc/nginx/conf.d/site.conf', 'site.conf'],
  ]);
});

test("a built proxy's nginx version comes from its final FROM, not the project's own image tag", async () => {
  const files = {
    'proxy/Dockerfile': 'FROM nginx:1.22.1 AS base\nFROM base\nCOPY site.conf /etc/nginx/conf.d/\n',
    'proxy/site.conf': SERVER,
  };
  const built = await validateFiles({
    ...files,
    'compose.yaml': `services:\n  web:\n    build: ./proxy\n    image: myorg/proxy:2.0\n${APP}`,
  });
  assert.deepEqual(built.result.view.nginxVersion.version, [1, 22, 1]);
  assert.equal(built.result.view.nginxVersion.pinned, true);
  // A tag of an image that is not nginx's says nothing about nginx: not taken as a version.
  const other = await validateFiles(
    {
      'compose.yaml': `services:\n  web:\n    image: myorg/proxy:1.0\n    volumes:\n      - ./proxy/site.conf:/etc/nginx/conf.d/site.conf:ro\n${APP}`,
      ...files,
    },
    {},
    { check: false },
  );
  assert.equal(other.result.view.proxy?.name, 'web', 'the proxy was found, so its tag was looked at');
  assert.equal(other.result.view.nginxVersion.pinned, false);
});

test("nginx's own tag: major.minor pins a version, a bare major follows the newest", async () => {
  const versionOf = async (image: string) => {
    const { result } = await validateFiles(
      {
        'compose.yaml': `services:\n  web:\n    image: ${image}\n    volumes:\n      - ./site.conf:/etc/nginx/conf.d/site.conf:ro\n${APP}`,
        'site.conf': SERVER,
      },
      {},
      { check: false },
    );
    assert.equal(result.view.proxy?.name, 'web', image);
    return result.view.nginxVersion;
  };
  assert.deepEqual((await versionOf('nginx:1.26-alpine')).version, [1, 26, 0]);
  assert.deepEqual((await versionOf('nginx:1.27.3')).version, [1, 27, 3]);
  const bare = await versionOf('nginx:1');
  assert.equal(bare.pinned, false);
  assert.deepEqual(bare.version, LATEST_NGINX);
});

test('what .dockerignore excludes is in no image; <Dockerfile>.dockerignore wins over it', async () => {
  const files = {
    'compose.yaml': `services:\n  web:\n    build:\n      context: .\n      dockerfile: proxy/Dockerfile\n${APP}`,
    'proxy/Dockerfile':
      'FROM nginx:1.27\nCOPY sites/ /etc/nginx/conf.d/\nCOPY extra/*.conf /etc/nginx/extra/\n',
    'sites/app.conf': SERVER,
    'sites/draft.conf': SERVER.replace('listen 80', 'listen 81'),
    'extra/a.conf': '# a\n',
    'extra/b.conf': '# b\n',
    '.dockerignore': '# drafts stay out\nsites/draft.conf\n**/b.conf\n',
  };
  const copied = (r: Awaited<ReturnType<typeof validateFiles>>) =>
    [...(r.result.view.builds.get('web')?.files.keys() ?? [])].sort();
  // The context's .dockerignore: the draft (a single file) and b.conf (matched by a COPY glob) are not sent.
  const root = await validateFiles(
    files,
    {},
    { unloadedConfs: ['sites/draft.conf', 'extra/a.conf', 'extra/b.conf'] },
  );
  assert.match(root.result.view.builds.get('web')?.ignore?.file ?? '', /\/\.dockerignore$/);
  assert.deepEqual(copied(root), ['/etc/nginx/conf.d/app.conf', '/etc/nginx/extra/a.conf']);
  assert.ok(!root.result.view.listens.some((l) => l.port === 81), 'the excluded server is not loaded');
  // Beside the Dockerfile, proxy/Dockerfile.dockerignore replaces the root one: the draft is back, app.conf goes.
  const own = await validateFiles(
    { ...files, 'proxy/Dockerfile.dockerignore': 'sites/app.conf\n' },
    {},
    { unloadedConfs: ['sites/app.conf', 'extra/a.conf', 'extra/b.conf'] },
  );
  assert.match(own.result.view.builds.get('web')?.ignore?.file ?? '', /\/proxy\/Dockerfile\.dockerignore$/);
  assert.deepEqual(copied(own), [
    '/etc/nginx/conf.d/draft.conf',
    '/etc/nginx/extra/a.conf',
    '/etc/nginx/extra/b.conf',
  ]);
  assert.ok(own.result.view.listens.some((l) => l.port === 81));
  // Without any ignore file, everything is copied: the two runs above differ by their ignore files alone.
  const { '.dockerignore': _, ...bare } = files;
  const none = await validateFiles(bare, {}, { unloadedConfs: ['extra/a.conf', 'extra/b.conf'] });
  assert.equal(none.result.view.builds.get('web')?.ignore, undefined);
  assert.deepEqual(copied(none), [
    '/etc/nginx/conf.d/app.conf',
    '/etc/nginx/conf.d/draft.conf',
    '/etc/nginx/extra/a.conf',
    '/etc/nginx/extra/b.conf',
  ]);
});
