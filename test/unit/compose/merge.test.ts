// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { diags, load, service, withDir } from './helpers.js';

describe('override merge rules', () => {
  const base = [
    'services:',
    '  web:',
    '    image: nginx:1',
    '    command: [nginx, -g, daemon off;]',
    '    entrypoint: [/a]',
    '    ports: ["80:80", "443:443"]',
    '    expose: ["3000"]',
    '    dns: [1.1.1.1]',
    '    environment: {A: base, B: base}',
    '    labels: [x=1, y=1]',
    '    volumes:',
    '      - ./a:/etc/a',
    '      - data:/data',
    '    networks: [front]',
    '    depends_on: [db]',
    '    extra_hosts: ["one:10.0.0.1"]',
    '  db: {image: postgres}',
    'networks: {front: {}, back: {}}',
    'volumes: {data: {}}',
    '',
  ].join('\n');
  const override = [
    'services:',
    '  web:',
    '    image: nginx:2',
    '    command: [other]',
    '    ports: ["443:443", "8080:8080"]',
    '    expose: ["3000", "3001"]',
    '    dns: [1.1.1.1, 8.8.8.8]',
    '    environment: [B=over, C=over]',
    '    labels: {y: 2}',
    '    volumes:',
    '      - ./b:/etc/a',
    '      - ./c:/etc/c',
    '    networks:',
    '      back:',
    '        aliases: [www]',
    '    depends_on:',
    '      db: {condition: service_healthy}',
    '    extra_hosts: {two: 10.0.0.2}',
    '',
  ].join('\n');

  it('merges as docker compose does, keeping each value in its own file', async () => {
    await withDir({ 'compose.yaml': base, 'compose.override.yaml': override }, async (dir) => {
      const m = await load(dir);
      assert.deepEqual(diags(m), []);
      const web = service(m, 'web');
      const over = path.join(dir, 'compose.override.yaml');
      assert.equal(web.image?.value, 'nginx:2');
      assert.equal(web.image?.pos.file, over);
      assert.deepEqual(
        web.ports.map((p) => [p.published, p.pos.file === over]),
        [
          [80, false],
          [443, false],
          [8080, true],
        ],
      );
      assert.deepEqual(
        web.expose.map((e) => e.port),
        [3000, 3001],
      );
      assert.deepEqual(web.environment, { A: 'base', B: 'over', C: 'over' });
      // volumes merge by container target: ./b replaces ./a at /etc/a.
      assert.deepEqual(
        web.volumes.map((v) => [v.source, v.target, v.pos.file === over]),
        [
          ['./b', '/etc/a', true],
          ['data', '/data', false],
          ['./c', '/etc/c', true],
        ],
      );
      assert.deepEqual(
        web.networks.map((n) => [n.name, n.aliases.map((a) => a.value)]),
        [
          ['front', []],
          ['back', ['www']],
        ],
      );
      assert.deepEqual(
        web.dependsOn.map((d) => [d.service, d.condition]),
        [['db', 'service_healthy']],
      );
      assert.deepEqual(
        web.extraHosts.map((h) => `${h.host}=${h.ip}`),
        ['one=10.0.0.1', 'two=10.0.0.2'],
      );
      // command is replaced, entrypoint kept from the base.
      assert.equal(web.keyRanges.command?.file, over);
      assert.equal(web.keyRanges.entrypoint?.file, path.join(dir, 'compose.yaml'));
      // The service mapping (and so insertAt) stays the base file's.
      assert.equal(web.insertAt?.file, path.join(dir, 'compose.yaml'));
    });
  });
});

describe('extends', () => {
  it('merges the base service from the same file and from another file', async () => {
    await withDir(
      {
        'compose.yaml': [
          'services:',
          '  base:',
          '    image: app:1',
          '    environment: {LEVEL: info, KEEP: yes}',
          '    ports: ["8080:80"]',
          '  web:',
          '    extends: base',
          '    environment: {LEVEL: debug}',
          '  worker:',
          '    extends:',
          '      file: common/common.yml',
          '      service: common',
          '    command: [work]',
          '',
        ].join('\n'),
        'common/common.yml': 'services:\n  common:\n    image: worker:2\n    volumes: ["./data:/data"]\n',
      },
      async (dir) => {
        const m = await load(dir);
        assert.deepEqual(diags(m), []);
        const web = service(m, 'web');
        assert.equal(web.image?.value, 'app:1');
        assert.deepEqual(web.environment, { LEVEL: 'debug', KEEP: 'yes' });
        assert.deepEqual(
          web.ports.map((p) => p.published),
          [8080],
        );
        assert.equal(web.pos.line, 6);
        assert.equal(web.keyRanges.extends, undefined);
        const worker = service(m, 'worker');
        assert.equal(worker.image?.value, 'worker:2');
        assert.equal(worker.image?.pos.file, path.join(dir, 'common/common.yml'));
        // Relative paths of the other file resolve against that file's directory.
        assert.equal(worker.volumes[0]?.hostPath, path.join(dir, 'common/data'));
        assert.ok(m.files.includes(path.join(dir, 'common/common.yml')));
      },
    );
  });

  it('resolves chains and reports a service extending itself', async () => {
    await withDir(
      {
        'compose.yaml': [
          'services:',
          '  a:',
          '    extends: a',
          '    image: x',
          '  b:',
          '    extends: {service: c}',
          '    environment: [B=1]',
          '  c:',
          '    extends: {service: d}',
          '    environment: [C=1]',
          '  d:',
          '    image: base',
          '    environment: [D=1]',
          '',
        ].join('\n'),
      },
      async (dir) => {
        const m = await load(dir);
        assert.deepEqual(diags(m), ['compose-invalid 3:5 circular reference with extends: a -> a']);
        assert.deepEqual(service(m, 'b').environment, { D: '1', C: '1', B: '1' });
        assert.equal(service(m, 'b').image?.value, 'base');
        assert.equal(service(m, 'a').image?.value, 'x');
      },
    );
  });

  it('reports an undefined base service and cycles', async () => {
    await withDir(
      {
        'compose.yaml': [
          'services:',
          '  a:',
          '    extends: ghost',
          '  b:',
          '    extends: {service: c}',
          '  c:',
          '    extends: {service: b}',
          '  d:',
          '    extends: {file: missing.yml, service: x}',
          '',
        ].join('\n'),
      },
      async (dir) => {
        const m = await load(dir);
        const d = diags(m);
        assert.ok(
          d.includes('compose-reference 3:14 service "a" extends undefined service "ghost"'),
          d.join('\n'),
        );
        assert.ok(
          d.some((x) => /^compose-invalid 5:5 circular reference with extends: b -> c -> b/.test(x)),
          d.join('\n'),
        );
        assert.ok(
          d.some((x) =>
            x.startsWith('compose-reference 9:21 service "d" extends a file that does not exist'),
          ),
          d.join('\n'),
        );
      },
    );
  });
});

describe('include', () => {
  it('short and long syntax, with project_directory and env_file', async () => {
    await withDir(
      {
        'compose.yaml': [
          'include:',
          '  - db/compose.yaml',
          '  - path: [api/compose.yaml, api/extra.yaml]',
          '    project_directory: api',
          '    env_file: api/custom.env',
          'services:',
          '  web:',
          '    image: nginx',
          '    depends_on: [db, api]',
          '',
        ].join('\n'),
        'db/compose.yaml':
          'services:\n  db:\n    image: "postgres:${PG:-15}"\n    volumes: ["./init:/docker-entrypoint-initdb.d"]\n',
        'db/.env': 'PG=16\n',
        'api/compose.yaml': 'services:\n  api:\n    image: "api:${API_TAG}"\n',
        'api/extra.yaml': 'services:\n  api:\n    ports: ["9000:9000"]\n',
        'api/custom.env': 'API_TAG=7\n',
      },
      async (dir) => {
        const m = await load(dir);
        assert.deepEqual(diags(m), []);
        const db = service(m, 'db');
        assert.equal(db.image?.value, 'postgres:16');
        assert.equal(db.image?.pos.file, path.join(dir, 'db/compose.yaml'));
        assert.equal(db.volumes[0]?.hostPath, path.join(dir, 'db/init'));
        const api = service(m, 'api');
        assert.equal(api.image?.value, 'api:7');
        assert.deepEqual(
          api.ports.map((p) => p.published),
          [9000],
        );
        assert.deepEqual(
          m.services.map((s) => s.name),
          ['web', 'db', 'api'],
        );
        assert.equal(m.projectDir, dir);
      },
    );
  });

  it('reports missing files, cycles and conflicts', async () => {
    await withDir(
      {
        'compose.yaml':
          'include:\n  - nope.yaml\n  - loop.yaml\n  - other.yaml\nservices:\n  web: {image: x}\n',
        'loop.yaml': 'include: [compose.yaml]\nservices: {l: {image: x}}\n',
        'other.yaml': 'services:\n  web: {image: y}\n',
      },
      async (dir) => {
        const d = diags(await load(dir));
        assert.ok(
          d.some((x) => /^compose-invalid 2:5 include: .*nope\.yaml not found$/.test(x)),
          d.join('\n'),
        );
        assert.ok(
          d.some((x) => /^compose-invalid 1:11 include cycle detected/.test(x)),
          d.join('\n'),
        );
        assert.ok(
          d.includes('compose-invalid 6:3 services.web conflicts with imported resource'),
          d.join('\n'),
        );
      },
    );
  });
});

describe('extends: cycles across files and deep chains', () => {
  it('reports a cycle through another file at the extends that closes it, naming each file', async () => {
    await withDir(
      {
        'compose.yaml': 'services:\n  x:\n    image: a\n    extends:\n      file: b.yaml\n      service: y\n',
        'b.yaml': 'services:\n  y:\n    image: b\n    extends:\n      file: compose.yaml\n      service: x\n',
      },
      async (dir) => {
        const m = await load(dir);
        assert.deepEqual(
          m.diagnostics.map((d) => `${path.basename(d.pos.file)} ${d.pos.line}:${d.pos.column} ${d.message}`),
          [
            'compose.yaml 4:5 circular reference with extends: x in compose.yaml -> y in b.yaml -> x in compose.yaml',
          ],
        );
        assert.match(m.diagnostics[0]!.fix.description, /Circular reference/);
      },
    );
  });

  it('resolves a 10,000-deep chain in one file without recursion', async () => {
    const lines = ['services:'];
    for (let i = 0; i < 10_000; i++) {
      // Constant-size services: a growing environment would make the merged result itself quadratic.
      lines.push(`  s${i}:`);
      lines.push(i + 1 < 10_000 ? `    extends: s${i + 1}` : '    image: base:1\n    environment: [DEEP=1]');
    }
    await withDir({ 'compose.yaml': `${lines.join('\n')}\n` }, async (dir) => {
      const m = await load(dir);
      assert.deepEqual(diags(m), []);
      assert.equal(m.services.length, 10_000);
      assert.equal(service(m, 's0').image?.value, 'base:1');
      assert.deepEqual(service(m, 's0').environment, { DEEP: '1' });
      assert.equal(service(m, 's5000').image?.value, 'base:1');
    });
  });
});
