// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseMount, parsePort } from '../../../src/compose/normalize.js';
import { parseComposeText } from '../../../src/compose/parse.js';
import type { YNode } from '../../../src/compose/tree.js';
import { diags, load, loadFiles, service, withDir } from './helpers.js';

/** The YAML node of a single flow/inline value, for the pure parsers. */
function node(yamlValue: string): YNode {
  const parsed = parseComposeText('/p/compose.yaml', `v: ${yamlValue}\n`);
  const v = parsed.root?.entries.get('v')?.value;
  assert.ok(v, parsed.diagnostics.map((d) => d.message).join('; '));
  return v;
}

const ports = (spec: string) =>
  parsePort(node(spec)).map((p) => [p.hostIp ?? '', p.published ?? null, p.target, p.protocol]);

describe('ports', () => {
  it('short forms', () => {
    assert.deepEqual(ports('80'), [['', null, 80, 'tcp']]);
    assert.deepEqual(ports('"8080:80"'), [['', 8080, 80, 'tcp']]);
    assert.deepEqual(ports('"127.0.0.1:8080:80/udp"'), [['127.0.0.1', 8080, 80, 'udp']]);
    assert.deepEqual(ports('"127.0.0.1::80"'), [['127.0.0.1', null, 80, 'tcp']]);
    assert.deepEqual(ports('"[::1]:8443:443"'), [['::1', 8443, 443, 'tcp']]);
    assert.deepEqual(ports('"::1:8443:443"'), [['::1', 8443, 443, 'tcp']]);
    assert.deepEqual(ports('"53:53/sctp"'), [['', 53, 53, 'sctp']]);
  });

  it('ranges expand pairwise', () => {
    assert.deepEqual(ports('"8000-8001:80-81"'), [
      ['', 8000, 80, 'tcp'],
      ['', 8001, 81, 'tcp'],
    ]);
    assert.deepEqual(ports('"3000-3001"'), [
      ['', null, 3000, 'tcp'],
      ['', null, 3001, 'tcp'],
    ]);
    // A host range for one container port: the engine picks the host port.
    assert.deepEqual(ports('"9000-9010:80"'), [['', null, 80, 'tcp']]);
  });

  it('long syntax', () => {
    assert.deepEqual(ports('{target: 80, published: "8080", host_ip: 0.0.0.0, protocol: udp}'), [
      ['0.0.0.0', 8080, 80, 'udp'],
    ]);
    assert.deepEqual(ports('{target: 80}'), [['', null, 80, 'tcp']]);
    assert.deepEqual(ports('{target: 80, published: "8000-8001"}'), [['', null, 80, 'tcp']]);
  });
});

describe('volumes', () => {
  const ctx = {
    projectName: 'p',
    projectDir: '/proj',
    profiles: [],
    env: { HOME: '/home/u' },
    diagnostics: [],
  };
  const mount = (spec: string) => {
    const [m] = parseMount(node(spec), ctx);
    assert.ok(m);
    return [m.type, m.source ?? null, m.hostPath ?? null, m.target, m.readOnly, m.short];
  };

  it('short syntax: bind when the source starts with . / or ~, else a named volume', () => {
    assert.deepEqual(mount('./conf:/etc/nginx/conf.d:ro'), [
      'bind',
      './conf',
      '/proj/conf',
      '/etc/nginx/conf.d',
      true,
      true,
    ]);
    assert.deepEqual(mount('../up:/x'), ['bind', '../up', '/up', '/x', false, true]);
    assert.deepEqual(mount('/abs/p:/x:rw'), ['bind', '/abs/p', '/abs/p', '/x', false, true]);
    assert.deepEqual(mount('~/certs:/certs:ro,z'), [
      'bind',
      '~/certs',
      '/home/u/certs',
      '/certs',
      true,
      true,
    ]);
    assert.deepEqual(mount('data:/var/lib/data'), ['volume', 'data', null, '/var/lib/data', false, true]);
    assert.deepEqual(mount('/anonymous'), ['volume', null, null, '/anonymous', false, true]);
  });

  it('long syntax', () => {
    assert.deepEqual(mount('{type: bind, source: ./site, target: /usr/share/nginx/html, read_only: true}'), [
      'bind',
      './site',
      '/proj/site',
      '/usr/share/nginx/html',
      true,
      false,
    ]);
    assert.deepEqual(mount('{type: volume, source: db, target: /db}'), [
      'volume',
      'db',
      null,
      '/db',
      false,
      false,
    ]);
    assert.deepEqual(mount('{type: tmpfs, target: /tmp}'), ['tmpfs', null, null, '/tmp', false, false]);
  });

  it('~ falls back to the home directory', () => {
    const [m] = parseMount(node('~/x:/x'), { ...ctx, env: {} });
    assert.equal(m?.hostPath, path.join(os.homedir(), 'x'));
  });
});

describe('service normalization', () => {
  const compose = [
    'services:',
    '  proxy:',
    '    image: nginx',
    '    links: [app, "db:database"]',
    '    extra_hosts:',
    '      - "host.docker.internal:host-gateway"',
    '      - "v6host=::1"',
    '      - "bracket:[fe80::1]"',
    '    environment:',
    '      - MODE=prod',
    '      - FROM_SHELL',
    '      - EMPTY=',
    '    healthcheck:',
    '      test: ["CMD", "true"]',
    '  app:',
    '    image: app',
    '    container_name: custom-app',
    '    networks:',
    '      back:',
    '        aliases: [api, api.internal]',
    '    expose: ["3000", "4000-4001/udp"]',
    '    extra_hosts: {mapped: 10.0.0.1, multi: ["10.0.0.2", "::2"]}',
    '    environment: {A: 1, B: null, C: true}',
    '    healthcheck: {disable: true}',
    '  db:',
    '    image: postgres',
    '    network_mode: host',
    '    healthcheck: {test: ["NONE"]}',
    '  side:',
    '    image: x',
    '    network_mode: "service:app"',
    '  box:',
    '    image: x',
    '    network_mode: "container:abc123"',
    '  none: {image: x, network_mode: none}',
    '  bridged: {image: x, network_mode: bridge}',
    'networks:',
    '  back: {}',
    '',
  ].join('\n');

  it('implicit default network, default container names and network_mode kinds', async () => {
    const m = await loadFiles({ 'p/compose.yaml': compose }, { cwd: undefined } as never).catch(
      () => undefined,
    );
    assert.equal(m, undefined); // cwd is required: guards against a helper that silently ignores it
    await withDir({ 'compose.yaml': compose }, async (dir) => {
      const model = await load(dir, { env: { FROM_SHELL: 'shell-value' } });
      assert.deepEqual(diags(model), []);
      const proxy = service(model, 'proxy');
      assert.deepEqual(proxy.networks, [{ name: 'default', aliases: [], pos: proxy.pos, implicit: true }]);
      assert.equal(proxy.containerName, `${model.projectName}-proxy-1`);
      assert.equal(proxy.containerNamePos, undefined);
      const def = model.networks.find((n) => n.name === 'default');
      assert.equal(def?.implicit, true);
      assert.equal(model.networks.find((n) => n.name === 'back')?.implicit, false);

      const app = service(model, 'app');
      assert.equal(app.containerName, 'custom-app');
      assert.deepEqual(app.containerNamePos, { file: path.join(dir, 'compose.yaml'), line: 17, column: 21 });
      assert.deepEqual(
        app.networks.map((n) => [n.name, n.aliases.map((a) => a.value), n.implicit, n.pos.line]),
        [['back', ['api', 'api.internal'], false, 19]],
      );

      assert.deepEqual(service(model, 'db').networkMode, { kind: 'host' });
      assert.deepEqual(service(model, 'db').networks, []);
      assert.deepEqual(service(model, 'side').networkMode, { kind: 'service', service: 'app' });
      assert.deepEqual(service(model, 'box').networkMode, { kind: 'container', container: 'abc123' });
      assert.deepEqual(service(model, 'none').networkMode, { kind: 'none' });
      assert.deepEqual(service(model, 'bridged').networkMode, { kind: 'bridge' });
      assert.deepEqual(service(model, 'bridged').networks, []);
      assert.deepEqual(service(model, 'bridged').networkModePos?.line, 36);
    });
  });

  it('links and network_mode service:X imply depends_on', async () => {
    const model = await loadFiles({ 'compose.yaml': compose });
    const proxy = service(model, 'proxy');
    assert.deepEqual(
      proxy.links.map((l) => [l.service, l.alias, l.pos.line]),
      [
        ['app', 'app', 4],
        ['db', 'database', 4],
      ],
    );
    assert.deepEqual(
      proxy.dependsOn.map((d) => [d.service, d.condition, d.implicit]),
      [
        ['app', 'service_started', true],
        ['db', 'service_started', true],
      ],
    );
    assert.deepEqual(
      service(model, 'side').dependsOn.map((d) => [d.service, d.implicit, d.pos.line]),
      [['app', true, 31]],
    );
  });

  it('environment, extra_hosts, expose and healthcheck', async () => {
    const model = await loadFiles({ 'compose.yaml': compose }, { env: { FROM_SHELL: 'shell-value' } });
    const proxy = service(model, 'proxy');
    assert.deepEqual(proxy.environment, { MODE: 'prod', FROM_SHELL: 'shell-value', EMPTY: '' });
    assert.deepEqual(
      proxy.extraHosts.map((h) => [h.host, h.ip]),
      [
        ['host.docker.internal', 'host-gateway'],
        ['v6host', '::1'],
        ['bracket', 'fe80::1'],
      ],
    );
    assert.equal(proxy.healthcheck, true);
    const app = service(model, 'app');
    assert.deepEqual(app.environment, { A: '1', B: undefined, C: 'true' });
    assert.deepEqual(
      app.extraHosts.map((h) => [h.host, h.ip]),
      [
        ['mapped', '10.0.0.1'],
        ['multi', '10.0.0.2'],
        ['multi', '::2'],
      ],
    );
    assert.deepEqual(
      app.expose.map((e) => [e.port, e.protocol]),
      [
        [3000, 'tcp'],
        [4000, 'udp'],
        [4001, 'udp'],
      ],
    );
    assert.equal(app.healthcheck, false);
    assert.equal(service(model, 'db').healthcheck, false);
  });

  it('env_file values are read in order and environment wins; a missing required file is a finding', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:',
        '  app:',
        '    image: x',
        '    env_file: [a.env, {path: b.env}, {path: optional.env, required: false}]',
        '    environment: {C: from-environment}',
        '  broken:',
        '    image: x',
        '    env_file: missing.env',
        '',
      ].join('\n'),
      'a.env': 'A=a\nB=a\nC=a\n',
      'b.env': 'B=b-$A\n',
    });
    assert.deepEqual(service(m, 'app').environment, { A: 'a', B: 'b-a', C: 'from-environment' });
    assert.equal(m.diagnostics.length, 1);
    assert.match(diags(m)[0] ?? '', /^compose-invalid 8:15 env file .*missing\.env not found$/);
  });

  it('a custom network_mode (a network name) gets no implicit default network', async () => {
    const m = await loadFiles({ 'compose.yaml': 'services:\n  a: {image: x, network_mode: some-net}\n' });
    assert.deepEqual(service(m, 'a').networks, []);
    assert.equal(m.networks.length, 0);
  });

  it('depends_on long syntax keeps conditions', async () => {
    const m = await loadFiles({
      'compose.yaml':
        'services:\n  a:\n    image: x\n    depends_on:\n      b: {condition: service_healthy}\n      c:\n        condition: service_completed_successfully\n  b: {image: x}\n  c: {image: x}\n',
    });
    assert.deepEqual(
      service(m, 'a').dependsOn.map((d) => [d.service, d.condition, d.pos.line, d.pos.column]),
      [
        ['b', 'service_healthy', 5, 7],
        ['c', 'service_completed_successfully', 6, 7],
      ],
    );
  });

  it('records keyRanges and insertAt for fixes', async () => {
    const text =
      'services:\n  web:\n    image: nginx\n    depends_on: [api]\n    networks:\n      - front\n  api: {image: x, networks: [front]}\nnetworks: {front: {}}\n';
    await withDir({ 'compose.yaml': text }, async (dir) => {
      const m = await load(dir);
      const web = service(m, 'web');
      const dep = web.keyRanges.depends_on;
      assert.ok(dep);
      assert.equal(text.slice(dep.start, dep.end), '[api]');
      assert.equal(dep.flow, true);
      assert.equal(dep.indent, '    ');
      const nets = web.keyRanges.networks;
      assert.ok(nets);
      assert.equal(text.slice(nets.start, nets.end), '- front');
      assert.equal(nets.flow, false);
      assert.ok(web.insertAt);
      assert.equal(web.insertAt.indent, '    ');
      assert.equal(web.insertAt.file, path.join(dir, 'compose.yaml'));
      const inserted = `${text.slice(0, web.insertAt.offset)}\n    restart: always${text.slice(web.insertAt.offset)}`;
      assert.match(inserted, /- front\n {4}restart: always\n {2}api:/);
      assert.equal(service(m, 'api').insertAt, undefined, 'a flow mapping has no block insertion point');
      assert.equal(service(m, 'api').keyRanges.networks?.flow, true);
    });
  });

  it('keyRanges offsets count a BOM, lines and columns do not', async () => {
    const text = '\uFEFFservices:\n  web:\n    image: nginx\n';
    await withDir({ 'compose.yaml': text }, async (dir) => {
      const m = await load(dir);
      const web = service(m, 'web');
      assert.deepEqual(web.pos, { file: path.join(dir, 'compose.yaml'), line: 2, column: 3 });
      const image = web.keyRanges.image;
      assert.ok(image);
      assert.equal(text.slice(image.start, image.end), 'nginx');
      assert.deepEqual(m.diagnostics, []);
    });
  });
});
