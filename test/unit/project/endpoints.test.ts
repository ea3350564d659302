import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { endpoints, tlsPairs } from '../../../src/project/endpoints.js';
import { validateFiles } from '../helpers/project.js';

const compose = `services:
  proxy:
    image: nginx:1.27.5
    ports: ["8443:443", "8080:80"]
    volumes:
      - ./conf.d:/etc/nginx/conf.d:ro
      - ./tls:/etc/nginx/tls:ro
  app:
    image: app:1
`;
const conf = `server { listen 80; server_name a.test b.test; return 301 https://$host$request_uri; }
server {
  listen 443 ssl;
  server_name a.test b.test;
  ssl_certificate tls/cert.pem;
  ssl_certificate_key /etc/nginx/tls/key.pem;
  location / { proxy_pass http://app:3000; }
  location = /health { proxy_pass http://app:3000/h; }
  location ~ \\.php$ { proxy_pass http://app:3000; }
  location /static/ { root /srv; }
}
`;

test('endpoints: server_name × proxied location on the published port, redirects, cert files on the host', async () => {
  const { result } = await validateFiles({ 'compose.yaml': compose, 'conf.d/site.conf': conf });
  const view = result.view;
  assert.equal(view.proxy?.name, 'proxy');
  const [pair] = tlsPairs(view);
  assert.equal(pair?.cert, '/etc/nginx/tls/cert.pem');
  assert.equal(path.basename(path.dirname(pair!.certHost!)), 'tls');
  assert.equal(path.basename(pair!.keyHost!), 'key.pem');
  assert.deepEqual(pair?.names, ['a.test', 'b.test']);
  const eps = endpoints(view).map((e) => `${e.kind} ${e.scheme} ${e.publishedPort} ${e.host}${e.path}`);
  assert.deepEqual(eps.sort(), [
    'proxied https 8443 a.test/',
    'proxied https 8443 a.test/health',
    'proxied https 8443 b.test/',
    'proxied https 8443 b.test/health',
    'redirect http 8080 a.test/',
  ]);
});
