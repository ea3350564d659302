import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NginxDirective } from '../../../src/nginx/ast.js';
import { builtinFiles } from '../../../src/nginx/builtin-files.js';
import {
  checkDirective,
  contextOf,
  isKnownDirective,
  type NginxContext,
} from '../../../src/nginx/directives.js';
import { loadNginxConfig, walk } from '../../../src/nginx/includes.js';
import { memoryContainerFs } from '../../../src/nginx/memory-fs.js';
import { parseNginxText } from '../../../src/nginx/parser.js';

/** Every problem in a configuration, as `line message`, with the image's nginx.conf around conf.d. */
function problems(text: string, entry = '/etc/nginx/conf.d/t.conf'): string[] {
  const files = new Map(builtinFiles);
  files.delete('/etc/nginx/conf.d/default.conf');
  files.set(entry, text);
  const config = loadNginxConfig({ containerPath: '/etc/nginx/nginx.conf' }, memoryContainerFs(files));
  const out: string[] = [];
  walk(config, (d, ctx) => {
    for (const p of checkDirective(d, contextOf(ctx.parents))) {
      out.push(
        `${ctx.file.containerPath === entry ? '' : `${ctx.file.containerPath}:`}${d.line} ${p.message}`,
      );
    }
  });
  return out;
}

function one(text: string, context: NginxContext) {
  return checkDirective(parseNginxText(text, 'x').parsed[0]!, context).map((p) => `${p.kind}: ${p.message}`);
}

describe('checkDirective', () => {
  it('accepts the official image files and a typical proxy', () => {
    assert.deepEqual(
      problems(`
upstream app { server app:8080 max_fails=3; keepalive 8; zone z 64k; resolver 127.0.0.11; }
map $http_upgrade $c { default upgrade; '' close; }
server {
  listen 443 ssl; http2 on; http3 on; quic_retry on;
  ssl_certificate /c.pem; ssl_certificate_key /k.pem; ssl_reject_handshake off;
  ssl_certificate_cache max=10;
  location / {
    proxy_pass http://app; proxy_set_header Host $host; proxy_buffering off;
    limit_except GET { deny all; }
    if ($x) { return 403; }
  }
  location = /x { types { text/plain txt; } early_hints $http2; }
  if ($bad) { rewrite ^ /y; set $z 1; }
}`),
      [],
    );
  });

  it('reports unknown directives with nginx wording', () => {
    assert.deepEqual(one('proxy_passs http://x;', 'location'), ['unknown: unknown directive "proxy_passs"']);
    // Removed in 1.25.1 and nginx Plus-only directives are unknown to the official image too.
    assert.deepEqual(one('ssl on;', 'server'), ['unknown: unknown directive "ssl"']);
    assert.deepEqual(one('sticky cookie s;', 'upstream'), ['unknown: unknown directive "sticky"']);
  });

  it('reports a directive in the wrong context', () => {
    assert.deepEqual(one('proxy_pass http://x;', 'server'), [
      'context: "proxy_pass" directive is not allowed here',
    ]);
    assert.deepEqual(one('server { }', 'main'), ['context: "server" directive is not allowed here']);
    assert.deepEqual(one('listen 80;', 'location'), ['context: "listen" directive is not allowed here']);
    assert.deepEqual(one('worker_connections 1;', 'main'), [
      'context: "worker_connections" directive is not allowed here',
    ]);
  });

  it('reports argument counts, flags and block/simple mismatches', () => {
    assert.deepEqual(one('listen;', 'server'), ['args: invalid number of arguments in "listen" directive']);
    assert.deepEqual(one('proxy_set_header Host;', 'location'), [
      'args: invalid number of arguments in "proxy_set_header" directive',
    ]);
    assert.deepEqual(one('gzip yes;', 'http'), [
      'args: invalid value "yes" in "gzip" directive, it must be "on" or "off"',
    ]);
    assert.deepEqual(one('gzip ON;', 'http'), []);
    assert.deepEqual(one('server;', 'http'), ['args: directive "server" has no opening "{"']);
    assert.deepEqual(one('listen 80 { }', 'server'), ['args: directive "listen" is not terminated by ";"']);
    assert.deepEqual(one('stub_status;', 'location'), []);
    assert.deepEqual(one('random two least_conn;', 'upstream'), []);
  });

  it('picks the form for the context when a name means different things', () => {
    assert.deepEqual(one('server app:80 weight=2;', 'upstream'), []);
    assert.deepEqual(one('server { }', 'stream'), []);
    assert.deepEqual(one('return 200 ok;', 'stream-server'), [
      'args: invalid number of arguments in "return" directive',
    ]);
    assert.deepEqual(one('proxy_pass backend;', 'stream-server'), []);
    assert.deepEqual(one('server_name a b;', 'stream-server'), []);
  });

  it('leaves data blocks and unknown blocks alone', () => {
    assert.deepEqual(one('anything goes here;', 'map'), []);
    assert.deepEqual(one('text/html html;', 'types'), []);
    assert.deepEqual(one('whatever;', 'unknown'), []);
  });

  it('reports the conf.d file read in main context (the classic mistake) via a wrong entry', () => {
    const config = loadNginxConfig(
      { containerPath: '/etc/nginx/conf.d/t.conf' },
      memoryContainerFs(new Map([['/etc/nginx/conf.d/t.conf', 'server { listen 80; }']])),
    );
    const found: string[] = [];
    walk(config, (d, ctx) => {
      for (const p of checkDirective(d, contextOf(ctx.parents))) found.push(p.message);
    });
    assert.deepEqual(found, ['"server" directive is not allowed here']);
  });

  it('finds problems through includes with the includer context', () => {
    assert.deepEqual(problems('server { location / { proxy_pass http://a; } }\nevents { }\nlisten 80;'), [
      '2 "events" directive is not allowed here',
      '3 "listen" directive is not allowed here',
    ]);
  });
});

describe('contextOf', () => {
  const d = (directive: string): NginxDirective => ({
    directive,
    args: [],
    file: 'x',
    line: 1,
    column: 1,
    argPos: [],
    start: 0,
    end: 0,
  });
  const ctx = (...names: string[]) => contextOf(names.map(d));

  it('maps block chains to nginx contexts', () => {
    assert.equal(ctx(), 'main');
    assert.equal(ctx('http', 'server', 'location', 'location'), 'location');
    assert.equal(ctx('http', 'server', 'if'), 'if-in-server');
    assert.equal(ctx('http', 'server', 'location', 'if'), 'if-in-location');
    assert.equal(ctx('http', 'server', 'location', 'limit_except'), 'limit_except');
    assert.equal(ctx('stream', 'upstream'), 'stream-upstream');
    assert.equal(ctx('mail', 'server'), 'mail-server');
    assert.equal(ctx('http', 'map'), 'map');
    assert.equal(ctx('server'), 'unknown');
    assert.equal(ctx('http', 'vendor_block', 'location'), 'unknown');
  });
});

describe('the table', () => {
  it('covers the modules the issue names, old and new', () => {
    const names = [
      'http2',
      'http3',
      'quic_host_key',
      'ssl_conf_command',
      'ssl_ech_file',
      'proxy_ssl_certificate_cache',
      'keepalive_time',
      'early_hints',
      'grpc_pass',
      'uwsgi_pass',
      'scgi_pass',
      'fastcgi_param',
      'real_ip_header',
      'limit_req_zone',
      'limit_conn_dry_run',
      'auth_basic_user_file',
      'gzip_types',
      'split_clients',
      'geo',
      'pass',
      'proxy_half_close',
      'max_headers',
    ];
    assert.deepEqual(
      names.filter((n) => !isKnownDirective(n)),
      [],
    );
  });
});
