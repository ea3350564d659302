import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseSize } from '../../../src/rules/speedtest-proxy-tuning.js';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { fixRoundTrip, seedFiles } from './fix-roundtrip.js';

const RULE = 'speedtest-proxy-tuning';
const SPEEDTEST = '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.5.1\n    expose:\n      - "8080"';
const OTHER = '  api:\n    image: ghcr.io/example/api:1.0\n    expose:\n      - "8080"';
const project = (conf: string, image = 'nginx:1.27', others = SPEEDTEST) => ({
  'compose.yaml': proxyCompose('    ports:\n      - "80:80"', others).replace('nginx:1.27', image),
  'default.conf': conf,
});

const BARE = `server {
    listen 80;
    location / {
        proxy_pass http://speedtest:8080;
    }
}
`;

const TUNED = `server {
    listen 80;
    client_max_body_size 0;
    location / {
        proxy_pass http://speedtest:8080;
        proxy_http_version 1.1;
        proxy_buffering off;
        proxy_request_buffering off;
    }
}
`;

test('parseSize reads nginx sizes', () => {
  assert.equal(parseSize('21m'), 21 * 1024 * 1024);
  assert.equal(parseSize('8K'), 8192);
  assert.equal(parseSize('1g'), 1024 ** 3);
  assert.equal(parseSize('0'), 0);
  assert.equal(parseSize('lots'), undefined);
});

test('a bare proxy to LibreSpeed lists every missing setting in one finding', async () => {
  const [f, ...rest] = await ruleFindings(RULE, project(BARE));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [4, 20]);
  assert.match(f.message, /"speedtest"/);
  assert.match(f.message, /client_max_body_size is 1m .*413/);
  assert.match(f.message, /proxy_buffering on/);
  assert.match(f.message, /proxy_request_buffering on/);
  assert.match(f.message, /HTTP\/1\.0 \(the default before nginx 1\.29\.7\)/);
  assert.doesNotMatch(f.message, /gzip/);
});

test('a tuned location is clean, including client_max_body_size 0 (unlimited) inherited from the server', async () => {
  assert.deepEqual(await ruleFindings(RULE, project(TUNED)), []);
});

test('the same bare proxy to a service that is not LibreSpeed is not reported', async () => {
  assert.deepEqual(
    await ruleFindings(RULE, project(BARE.replace('speedtest:8080', 'api:8080'), 'nginx:1.27', OTHER)),
    [],
  );
});

test('LibreSpeed behind an upstream block is found, and 20m, gzip on are reported', async () => {
  const conf = `upstream st {
    server speedtest:8080;
}
server {
    listen 80;
    gzip on;
    client_max_body_size 20m;
    location / {
        proxy_pass http://st;
        proxy_http_version 1.1;
        proxy_buffering off;
        proxy_request_buffering off;
    }
}
`;
  const [f] = await ruleFindings(RULE, project(conf));
  assert.ok(f);
  assert.equal(f.pos.line, 9);
  assert.match(f.message, /client_max_body_size is 20m/);
  assert.match(f.message, /gzip is on/);
  assert.doesNotMatch(f.message, /buffer|HTTP\//);
});

test('nginx 1.29.7 and later default to HTTP/1.1 upstream', async () => {
  const conf = TUNED.replace('        proxy_http_version 1.1;\n', '');
  assert.deepEqual(await ruleFindings(RULE, project(conf, 'nginx:1.29.7-alpine')), []);
  const [f] = await ruleFindings(RULE, project(conf, 'nginx:1.27.3'));
  assert.match(f?.message ?? '', /HTTP\/1\.0/);
});

test('the fix inserts or rewrites the settings, and together with proxy-headers-missing gives a valid file', async () => {
  const conf = `server {
    listen 80;
    location / {
        # LibreSpeed
        proxy_pass http://speedtest:8080;
        proxy_buffering on;
    }
}
`;
  const r = await fixRoundTrip(project(conf), [RULE, 'proxy-headers-missing']);
  assert.equal(r.before.length, 2);
  assert.deepEqual(
    r.after.filter((f) => [RULE, 'proxy-headers-missing'].includes(f.rule) || f.rule.startsWith('nginx-')),
    [],
  );
  const text = r.files['default.conf']!;
  assert.match(text, /# LibreSpeed\n/);
  assert.equal((text.match(/proxy_buffering/g) ?? []).length, 1, 'rewritten in place, not duplicated');
  for (const line of [
    'client_max_body_size 21m;',
    'proxy_request_buffering off;',
    'proxy_http_version 1.1;',
    'proxy_set_header Host $host;',
    'proxy_buffering off;',
  ]) {
    assert.ok(text.includes(`\n        ${line}`), line);
  }
});

test("the seed's LibreSpeed behind upstream speedtest is reported", async () => {
  const [f] = await ruleFindings(RULE, seedFiles());
  assert.ok(f);
  assert.deepEqual([f.pos.line, f.pos.column], [18, 20]);
  assert.match(f.message, /adolfintel\/speedtest/);
});

test('the corrected example (examples/speedtest) is clean', async () => {
  const dir = path.resolve(import.meta.dirname, '../../../../examples/speedtest');
  const findings = await ruleFindings(RULE, {
    'compose.yaml': readFileSync(path.join(dir, 'compose.yaml'), 'utf8'),
    'nginx/conf.d/speedtest.conf': readFileSync(path.join(dir, 'nginx/conf.d/speedtest.conf'), 'utf8'),
  });
  assert.deepEqual(findings, []);
});

test("a location in a template (the proxy's own NGINX_ENVSUBST_TEMPLATE_SUFFIX) is reported without edits", async () => {
  const compose = `services:
  nginx:
    image: nginx:1.27
    environment:
      NGINX_ENVSUBST_TEMPLATE_SUFFIX: .in
      BACKEND: speedtest
    ports:
      - "80:80"
    volumes:
      - ./templates:/etc/nginx/templates:ro
${SPEEDTEST}
`;
  const template = BARE.replace('http://speedtest:8080', 'http://$BACKEND:8080').replace(
    '        proxy_pass',
    '        proxy_buffering on;\n        proxy_pass',
  );
  const [f, ...rest] = await ruleFindings(RULE, {
    'compose.yaml': compose,
    'templates/speed.conf.in': template,
  });
  assert.equal(rest.length, 0);
  assert.ok(f, 'the rendered template was loaded and its location found');
  assert.equal(f.pos.file, path.join('templates', 'speed.conf.in'));
  assert.match(f.message, /proxy_buffering on/);
  // envsubst rewrites the file at start; an edit built from what nginx parsed would not be the file as written.
  assert.equal(f.fix.edits, undefined);
});
