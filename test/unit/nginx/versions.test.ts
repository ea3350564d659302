import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDirective } from '../../../src/nginx/directives.js';
import { parseNginxText } from '../../../src/nginx/parser.js';
import { LATEST_NGINX, versionProblems } from '../../../src/nginx/versions.js';

/** The first directive of `text`, and the one inside its block if asked. */
function directive(text: string, inner = false) {
  const parsed = parseNginxText(text, 'x.conf').parsed;
  const d = inner ? parsed[0]!.block![0]! : parsed[0]!;
  assert.ok(d, 'the directive was parsed');
  return d;
}

test('ssl on: a warning before 1.25.1, unknown from 1.25.1, checked in its old form before', () => {
  const ssl = directive('ssl on;');
  assert.deepEqual(
    versionProblems(ssl, 'server', [1, 22, 1]).map((p) => [p.level, p.message]),
    [['warning', 'the "ssl" directive is deprecated, use the "listen ... ssl" directive instead']],
  );
  assert.deepEqual(checkDirective(ssl, 'server', [1, 22, 1]), []);
  assert.equal(checkDirective(directive('ssl maybe;'), 'server', [1, 22, 1])[0]?.kind, 'args');
  const [removed, ...rest] = versionProblems(ssl, 'server', [1, 26, 3]);
  assert.equal(rest.length, 0);
  assert.deepEqual([removed?.level, removed?.message], ['error', 'unknown directive "ssl"']);
  assert.match(removed!.why, /removed in nginx 1\.25\.1/);
  // The table itself never double-reports what the version layer says.
  assert.deepEqual(checkDirective(ssl, 'server', [1, 26, 3]), []);
  assert.equal(versionProblems(ssl, 'server', LATEST_NGINX)[0]?.message, 'unknown directive "ssl"');
});

test('http2 on needs 1.25.1; listen … http2 warns from 1.25.1', () => {
  const http2 = directive('http2 on;');
  assert.equal(versionProblems(http2, 'server', [1, 22, 1])[0]?.message, 'unknown directive "http2"');
  assert.deepEqual(versionProblems(http2, 'server', [1, 25, 1]), []);
  const listen = directive('listen 443 ssl http2;');
  assert.deepEqual(versionProblems(listen, 'server', [1, 22, 1]), []);
  const [warn] = versionProblems(listen, 'server', [1, 26, 3]);
  assert.equal(warn?.level, 'warning');
  assert.equal(warn?.argIndex, 2);
  assert.match(warn!.message, /"listen \.\.\. http2" directive is deprecated/);
});

test('upstream server … resolve and resolver in upstream need 1.27.3', () => {
  const server = directive('upstream a { server app:80 resolve; }', true);
  const [p] = versionProblems(server, 'upstream', [1, 26, 3]);
  assert.deepEqual([p?.level, p?.message, p?.argIndex], ['error', 'invalid parameter "resolve"', 1]);
  assert.deepEqual(versionProblems(server, 'upstream', [1, 27, 3]), []);
  // The same word elsewhere is not the parameter.
  assert.deepEqual(versionProblems(directive('server resolve;'), 'upstream', [1, 26, 3]), []);
  const resolver = directive('upstream a { resolver 127.0.0.11; }', true);
  assert.equal(
    versionProblems(resolver, 'upstream', [1, 26, 3])[0]?.message,
    '"resolver" directive is not allowed here',
  );
  assert.deepEqual(versionProblems(resolver, 'http', [1, 22, 1]), []);
});

test('quic and http3 need 1.25.0', () => {
  assert.equal(
    versionProblems(directive('listen 443 quic;'), 'server', [1, 22, 1])[0]?.message,
    'invalid parameter "quic"',
  );
  assert.equal(
    versionProblems(directive('http3 on;'), 'server', [1, 22, 1])[0]?.message,
    'unknown directive "http3"',
  );
  assert.deepEqual(versionProblems(directive('http3 on;'), 'server', [1, 26, 3]), []);
});
