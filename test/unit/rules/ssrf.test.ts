import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  proxyCompose,
  ruleFindings,
  snippetProject,
  snippetRuleFindings,
  validateFiles,
} from '../helpers/project.js';

const RULE = 'ssrf';
const project = (body: string, serverName = 'server_name app.example.com;') => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', '  backend:\n    image: traefik/whoami'),
  'default.conf': `server {
    listen 80;
    return 404;
}
server {
    listen 80;
    ${serverName}
    resolver 127.0.0.11;
${body}
}
`,
});

test('a proxy_pass host from a query argument is reported at the target', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    project('    location /p/ {\n        proxy_pass http://$arg_host/;\n    }'),
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [10, 20]);
  assert.match(f.message, /\$arg_host/);
});

test('a whole URL from a header, or the scheme and host from location captures, are reported', async () => {
  assert.equal(
    (await ruleFindings(RULE, project('    location / {\n        proxy_pass $http_x_target;\n    }'))).length,
    1,
  );
  const captures = '    location ~ ^/proxy/(.*)/(.*)/(.*)$ {\n        proxy_pass $1://$2/$3;\n    }';
  const [f] = await ruleFindings(RULE, project(captures));
  assert.match(f?.message ?? '', /from \$1, \$2, which/);
});

test('a capture glued to a literal host can change the host (location ~ ^/api(.*))', async () => {
  const [f] = await ruleFindings(
    RULE,
    project('    location ~ ^/api(.*)$ {\n        proxy_pass http://backend$1;\n    }'),
  );
  assert.match(f?.message ?? '', /\$1/);
});

test('user data flowing through set is followed', async () => {
  const body =
    '    location / {\n        set $target $cookie_backend;\n        proxy_pass http://$target;\n    }';
  assert.equal((await ruleFindings(RULE, project(body))).length, 1);
});

test('path-only variables, fixed hosts and internal locations are fine', async () => {
  for (const body of [
    '    location / {\n        proxy_pass http://backend$request_uri;\n    }',
    '    location / {\n        proxy_pass http://backend:80$uri$is_args$args;\n    }',
    '    location ~ ^/api/(.*)$ {\n        proxy_pass http://backend/$1;\n    }',
    '    location ~ ^/api(/.*)$ {\n        proxy_pass http://backend$1;\n    }',
    '    location / {\n        set $upstream backend;\n        proxy_pass http://$upstream:80;\n    }',
    '    location /x/ {\n        internal;\n        proxy_pass http://$arg_host;\n    }',
    '    location @fallback {\n        proxy_pass http://$http_x_host;\n    }',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(body)), [], body);
  }
});

test('$host is only client-chosen in a server that takes any Host', async () => {
  const body = '    location / {\n        proxy_pass http://$host$request_uri;\n    }';
  assert.deepEqual(await ruleFindings(RULE, project(body)), [], 'named, non-default server');
  assert.equal(
    (await ruleFindings(RULE, project(body, 'server_name ~^(?<sub>.+)\\.example\\.com$;'))).length,
    1,
  );
});

test('a map passes user data on only when its values carry it', async () => {
  const conf = (values: string) => ({
    'compose.yaml': proxyCompose('    ports:\n      - "80:80"', '  backend:\n    image: traefik/whoami'),
    'default.conf': `map $http_x_env $target {\n    ${values}\n}\nserver {\n    listen 80;\n    resolver 127.0.0.11;\n    location / {\n        proxy_pass http://$target$request_uri;\n    }\n}\n`,
  });
  const [f] = await ruleFindings(RULE, conf('default $http_x_env;'));
  assert.equal(f?.pos.line, 8);
  assert.deepEqual(await ruleFindings(RULE, conf('default backend;\n    staging backend-staging;')), []);
});

test('a URL built with set is judged whole: a fixed host before $request_uri is fine', async () => {
  const body =
    '    location / {\n        set $upstream "http://backend$request_uri";\n        proxy_pass $upstream;\n    }';
  const { findings, result } = await validateFiles(project(body));
  assert.ok(
    result.view.directives.some((p) => p.d.directive === 'set'),
    'the set was loaded',
  );
  assert.deepEqual(
    findings.filter((f) => f.rule === RULE),
    [],
  );
  const bad =
    '    location / {\n        set $upstream "http://$arg_h$request_uri";\n        proxy_pass $upstream;\n    }';
  assert.equal((await ruleFindings(RULE, project(bad))).length, 1);
});

test('captures of a map regex over $uri reach the host', async () => {
  const files = project('    location / {\n        proxy_pass http://$backend;\n    }');
  files['default.conf'] =
    `map $uri $backend {\n    ~^/api/(.*)$ "$1";\n    default "backend:8080";\n}\n${files['default.conf']}`;
  const [f] = await ruleFindings(RULE, files);
  assert.match(f?.message ?? '', /\$backend/);
});

test('fastcgi_pass, uwsgi_pass and scgi_pass with a client-chosen host are reported too', async () => {
  for (const pass of [
    'fastcgi_pass $arg_h:9000',
    'uwsgi_pass $http_x_host:3031',
    'scgi_pass $cookie_b:4000',
  ]) {
    const [f] = await ruleFindings(RULE, project(`    location / {\n        ${pass};\n    }`));
    assert.match(f?.message ?? '', new RegExp(`^${pass.split(' ')[0]}`), pass);
  }
  assert.deepEqual(
    await ruleFindings(RULE, project('    location / {\n        fastcgi_pass php:9000;\n    }')),
    [],
  );
});

test('a location made internal by an included file is not reachable directly', async () => {
  const files = snippetProject(
    '    resolver 127.0.0.11;\n    location /p/ {\n        include snippets/internal.conf;\n        proxy_pass http://$arg_host/;\n    }',
    { 'internal.conf': 'internal;\n' },
    '  backend:\n    image: traefik/whoami',
  );
  assert.deepEqual(await snippetRuleFindings(RULE, files, 'internal'), []);
  // Without the include the same location is reported, so the include is what protects it.
  files['default.conf'] = files['default.conf']!.replace('        include snippets/internal.conf;\n', '');
  assert.equal(
    (await ruleFindings(RULE, files, {}, { unloadedConfs: ['snippets/internal.conf'] })).length,
    1,
  );
});

test('a map whose entries an include brings in passes on their taint', async () => {
  const files = snippetProject(
    '    resolver 127.0.0.11;\n    location /p/ {\n        proxy_pass http://$target/;\n    }',
    { 'targets.conf': 'default backend;\n~^/p/x $arg_host;\n' },
    '  backend:\n    image: traefik/whoami',
    'map $uri $target {\n    include snippets/targets.conf;\n}\n',
  );
  const [f, ...rest] = await ruleFindings(RULE, files);
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.pos.file, f?.pos.line], ['default.conf', 8]);
  assert.match(f?.message ?? '', /\$target/);
});
