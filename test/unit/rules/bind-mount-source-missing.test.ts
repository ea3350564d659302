import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/project.js';

const RULE = 'bind-mount-source-missing';

test('a missing short-syntax source explains the empty-directory trap', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n';
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': compose });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.line, 5);
  assert.equal(f.service, 'nginx');
  assert.match(f.message, /"\.\/default\.conf" does not exist: docker compose creates an empty directory/);
  assert.match(f.message, /\/etc\/nginx\/conf\.d\/default\.conf/);
  assert.match(f.fix.description, /Create \.\/default\.conf/);
});

test('a missing long-syntax source fails at up', async () => {
  const compose =
    'services:\n  app:\n    image: x:1\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n';
  const [f] = await ruleFindings(RULE, { 'compose.yaml': compose });
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /bind source path does not exist/);
});

test('existing sources, named volumes and inactive services are fine', async () => {
  const compose =
    'services:\n  app:\n    image: x:1\n    volumes:\n      - ./here.txt:/here.txt\n      - data:/data\n' +
    '  off:\n    image: x:1\n    profiles: [x]\n    volumes:\n      - ./nope:/nope\nvolumes:\n  data: {}\n';
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': compose, 'here.txt': 'hi' }), []);
});

test('runtime data folders that compose creates on the first up are a note, not an error', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n      - ./logs:/var/log/nginx\n' +
    '  app:\n    image: python:3.12\n    volumes:\n      - ./data/uploads:/srv/uploads\n      - ./.m2:/root/.m2\n      - ./mysql:/var/lib/mysql\n';
  const conf = 'server {\n    listen 80;\n    location / { proxy_pass http://app:8000; }\n}\n';
  const found = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': conf });
  assert.deepEqual(
    found.map((f) => [f.pos.line, f.severity]),
    [
      [6, 'note'],
      [10, 'note'],
      [11, 'note'],
      [12, 'note'],
    ],
  );
  assert.match(found[1]!.message, /creates it as an empty directory on the first up/);
  assert.match(found[1]!.fix.description, /data folder/);
});

test('a folder is an error when the target must be a file or feeds nginx', async () => {
  const compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./default.conf:/etc/nginx/conf.d/default.conf:ro\n' +
    '      - ./certs:/etc/letsencrypt\n      - ./conf:/etc/nginx/conf.d/extra\n      - ./mime:/etc/nginx/mime.types\n' +
    '      - ./htpasswd:/srv/auth/htpasswd\n' +
    '  app:\n    image: python:3.12\n    volumes:\n      - ./settings.py:/app/settings.py\n      - ./conf.d:/etc/mysql/conf.d\n';
  const conf =
    'server {\n    listen 443 ssl;\n    ssl_certificate /etc/letsencrypt/live/x/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/x/privkey.pem;\n' +
    '    auth_basic x;\n    auth_basic_user_file /srv/auth/htpasswd;\n    location / { proxy_pass http://app:8000; }\n}\n';
  const found = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': conf });
  const byLine = new Map(found.map((f) => [f.pos.line, f]));
  assert.match(byLine.get(6)!.message, /nginx reads \/etc\/letsencrypt\/live\/x\/fullchain\.pem from it/);
  assert.match(byLine.get(7)!.message, /nginx's configuration/);
  assert.match(byLine.get(8)!.message, /the image has a file at \/etc\/nginx\/mime\.types/);
  assert.match(byLine.get(9)!.message, /nginx reads \/srv\/auth\/htpasswd as a file/);
  assert.match(byLine.get(13)!.message, /has a file extension/);
  for (const line of [6, 7, 8, 9, 13]) assert.equal(byLine.get(line)?.severity, 'error', `line ${line}`);
  // A dot-d folder of another service is a folder, not a file.
  assert.equal(byLine.get(14)?.severity, 'note');
});
