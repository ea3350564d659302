import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings, validateFiles } from '../helpers/project.js';

const RULE = 'http-splitting';
const project = (body: string) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', '  backend:\n    image: traefik/whoami'),
  'default.conf': `server {
    listen 80;
${body}
}
`,
});

test('return 302 with $uri is reported at the URL', async () => {
  const [f, ...rest] = await ruleFindings(
    RULE,
    project('    location / {\n        return 302 https://$host$uri;\n    }'),
  );
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [4, 20]);
  assert.match(f.message, /\$uri/);
  assert.match(f.message, /Location header/);
  assert.match(f.fix.description, /\$request_uri/);
});

test('a named capture from [^.]* reaches add_header', async () => {
  const body =
    '    location ~ /v1/((?<action>[^.]*)\\.json)?$ {\n        add_header X-Action $action;\n        return 204;\n    }';
  const [f] = await ruleFindings(RULE, project(body));
  assert.ok(f);
  assert.equal(f.pos.line, 4);
  assert.match(f.message, /\$action/);
});

test('$document_uri in proxy_set_header and a rewrite redirect capture are reported', async () => {
  assert.equal(
    (
      await ruleFindings(
        RULE,
        project(
          '    location / {\n        proxy_set_header X-Path $document_uri;\n        proxy_pass http://backend;\n    }',
        ),
      )
    ).length,
    1,
  );
  assert.equal(
    (await ruleFindings(RULE, project('    rewrite ^/old/(\\s*.*)$ https://example.com/$1 permanent;')))
      .length,
    1,
  );
});

test('a capture that can hold a CR is reported in a response header, not in the upstream request', async () => {
  // PCRE's "." matches CR (%0D), which some clients read as the end of a header line.
  const [f, ...rest] = await ruleFindings(
    RULE,
    project('    location ~ ^/p/(.*)$ {\n        add_header X-P $1;\n        return 204;\n    }'),
  );
  assert.equal(rest.length, 0);
  assert.match(f?.message ?? '', /\$1/);
});

test('captures of a map regex carry the taint of the map source', async () => {
  const map = (capture: string) => `map $uri $map_path {\n    ~^/api/${capture}$ $1;\n    default "";\n}\n`;
  const files = (capture: string) => ({
    ...project('    add_header X-Path $map_path;\n    return 204;'),
    'default.conf':
      map(capture) + project('    add_header X-Path $map_path;\n    return 204;')['default.conf'],
  });
  const [f] = await ruleFindings(RULE, files('(.*)'));
  assert.match(f?.message ?? '', /\$map_path/);
  const clean = await validateFiles(files('([^\\r\\n]*)'));
  assert.ok(
    clean.result.view.directives.some((p) => p.d.directive === 'map'),
    'the map was loaded',
  );
  assert.deepEqual(
    clean.findings.filter((x) => x.rule === RULE),
    [],
  );
});

test('raw or restricted values are fine', async () => {
  for (const body of [
    '    return 301 https://$host$request_uri;',
    '    location ~ /v1/(?<action>[a-z]+)\\.json$ {\n        add_header X-Action $action;\n        return 204;\n    }',
    // "." excludes LF, and a lone CR does not split the request sent upstream.
    '    location ~ ^/p/(.*)$ {\n        proxy_pass http://backend/$1;\n    }',
    '    location / {\n        add_header X-Arg $arg_q;\n        proxy_set_header X-Host $http_host;\n        proxy_pass http://backend$request_uri;\n    }',
    '    rewrite ^/old/(.*)$ /new/$1 last;',
    '    location / {\n        return 200 "$uri";\n    }',
  ]) {
    assert.deepEqual(await ruleFindings(RULE, project(body)), [], body);
  }
});
