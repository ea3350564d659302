import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { planFixes, writeFixes } from '../../../src/fix/apply.js';
import { validate } from '../../../src/validate.js';
import { proxyCompose, ruleFindings, validateFiles, withProject } from '../helpers/project.js';

const RULE = 'upstream-unresolvable';
const SEED_CONF =
  'upstream speedtest {\n    server speedtest:80;\n}\nserver {\n    listen 80;\n    location / {\n        proxy_pass http://speedtest;\n    }\n}\n';

test('disjoint networks: the exact nginx emerg, at the server argument, with a network fix', async () => {
  const compose = proxyCompose(
    '    networks: [front]',
    '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1\n    networks: [back]',
    'networks:\n  front: {}\n  back: {}\n',
  );
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': SEED_CONF });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.pos.file, 'default.conf');
  assert.equal(f.pos.line, 2);
  assert.equal(f.pos.column, 12);
  assert.match(
    f.message,
    /host not found in upstream "speedtest:80" in \/etc\/nginx\/conf\.d\/default\.conf:2/,
  );
  assert.match(f.message, /share no network/);
  assert.match(f.fix.description, /add "back" to services\.nginx\.networks/);
  assert.equal(f.fix.edits?.length, 1);
});

test('the network fix makes the finding go away and keeps the YAML comments', async () => {
  const compose = proxyCompose(
    '    networks: # where nginx lives\n      - front',
    '  speedtest:\n    image: ghcr.io/librespeed/speedtest:5.4.1\n    networks: [back]',
    'networks:\n  front: {}\n  back: {}\n',
  );
  await withProject({ 'compose.yaml': compose, 'default.conf': SEED_CONF }, async (dir) => {
    const opts = { cwd: dir, files: [], nginxFiles: [], profiles: [], envFiles: [], env: {} };
    writeFixes(planFixes((await validate(opts)).findings, dir));
    const text = readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
    assert.match(text, /# where nginx lives\n {6}- front\n {6}- back\n/);
    assert.deepEqual(
      (await validate(opts)).findings.filter((f) => f.rule === RULE),
      [],
    );
  });
});

test('shared default network, aliases, container names, links and extra_hosts all resolve', async () => {
  const conf =
    'server {\n listen 80;\n location /a { proxy_pass http://speedtest:80; }\n location /b { proxy_pass http://st-box:80; }\n' +
    ' location /c { proxy_pass http://speedy:80; }\n location /d { proxy_pass http://legacy:80; }\n location /e { proxy_pass http://outside:80; }\n' +
    ' location /f { proxy_pass http://10.0.0.5:80; }\n location /g { proxy_pass https://api.example.com; }\n}\n';
  const compose = proxyCompose(
    '    links: ["speedtest:legacy"]\n    extra_hosts: ["outside:192.0.2.10"]',
    '  speedtest:\n    image: x:1\n    container_name: st-box\n    networks:\n      default:\n        aliases: [speedy]',
  );
  assert.deepEqual(await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': conf }), []);
});

test('default bridge, host network and an inactive profile each give the emerg with the reason', async () => {
  const cases: [string, string, RegExp][] = [
    ['    network_mode: bridge', '  speedtest:\n    image: x:1\n    network_mode: bridge', /default bridge/],
    ['    network_mode: host', '  speedtest:\n    image: x:1', /network_mode: host/],
    ['', '  speedtest:\n    image: x:1\n    profiles: [debug]', /profile/],
    ['', '  speedtest:\n    image: x:1\n    scale: 0', /scale/],
  ];
  for (const [proxyExtra, other, why] of cases) {
    const found = await ruleFindings(RULE, {
      'compose.yaml': proxyCompose(proxyExtra, other),
      'default.conf': SEED_CONF,
    });
    assert.equal(found.length, 1, `${proxyExtra} / ${other}`);
    assert.match(found[0]!.message, why);
  }
});

test('a literal proxy_pass host quotes host[:port] as written; upstream names and variables are not hosts', async () => {
  const conf =
    'upstream pool { server 127.0.0.1:9; }\nserver {\n listen 80;\n location /a { proxy_pass http://ghost; }\n' +
    ' location /b { proxy_pass http://pool; }\n location /c { resolver 127.0.0.11; set $u ghost2; proxy_pass http://$u; }\n}\n';
  const found = await ruleFindings(RULE, { 'compose.yaml': proxyCompose('', ''), 'default.conf': conf });
  assert.equal(found.length, 1);
  assert.match(
    found[0]!.message,
    /host not found in upstream "ghost" in \/etc\/nginx\/conf\.d\/default\.conf:4/,
  );
  assert.equal(found[0]!.pos.line, 4);
});

test('a name only an external network could provide is a warning; a typo gets a suggestion', async () => {
  const ext = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('    networks: [shared]', '', 'networks:\n  shared:\n    external: true\n'),
    'default.conf': 'server { listen 80; location / { proxy_pass http://billing:80; } }\n',
  });
  assert.equal(ext[0]?.severity, 'warning');
  const typo = await ruleFindings(RULE, {
    'compose.yaml': proxyCompose('', '  speedtest:\n    image: x:1'),
    'default.conf': 'server { listen 80; location / { proxy_pass http://speedtset:80; } }\n',
  });
  assert.match(typo[0]?.fix.description ?? '', /Did you mean "speedtest"/);
});

test('network_mode service:X borrows X networks', async () => {
  const compose = `services:
  app:
    image: x:1
    networks: [back]
  nginx:
    image: nginx:1.27
    network_mode: service:app
    volumes:
      - ./default.conf:/etc/nginx/conf.d/default.conf:ro
  db:
    image: y:1
    networks: [back]
networks:
  back: {}
`;
  const { findings } = await validateFiles({
    'compose.yaml': compose,
    'default.conf': 'server { listen 80; location / { proxy_pass http://db:80; } }\n',
  });
  assert.deepEqual(
    findings.filter((f) => f.rule === RULE),
    [],
  );
});

test('after an include nginx cannot read, an unknown proxy_pass host follows from it: a warning that says so', async () => {
  const conf =
    'include /etc/nginx/upstreams/app.conf;\nserver {\n    listen 80;\n    location / {\n        proxy_pass http://app;\n    }\n}\n';
  const compose = proxyCompose('', '  backend:\n    image: nginx:1.27');
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': compose, 'default.conf': conf });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /host not found in upstream "app"/);
  assert.match(
    f.message,
    /follows from the include at \/etc\/nginx\/conf\.d\/default\.conf:1, which nginx cannot read/,
  );
  assert.ok(f.related?.some((r) => r.pos.line === 1));
  // Without the include it stays an error.
  const [plain] = await ruleFindings(RULE, {
    'compose.yaml': compose,
    'default.conf': conf.split('\n').slice(1).join('\n'),
  });
  assert.equal(plain?.severity, 'error');
});
