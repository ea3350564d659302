import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diags, loadFiles } from './helpers.js';

describe('consistency: container_name with replicas', () => {
  it('reports container_name on a service with deploy.replicas or scale > 1, at the name', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:', //                        1
        '  worker:', //                        2
        '    image: busybox', //               3
        '    container_name: w1', //            4
        '    deploy:', //                      5
        '      replicas: 2', //                6
        '  scaled:', //                        7
        '    image: busybox', //               8
        '    container_name: s1', //            9
        '    scale: 3', //                    10
        '  single:', //                       11
        '    image: busybox', //              12
        '    container_name: one', //         13
        '    deploy: {replicas: 1}', //       14
        '  many:', //                         15
        '    image: busybox', //              16
        '    deploy: {replicas: 4}', //       17
        '',
      ].join('\n'),
    });
    assert.deepEqual(diags(m, 'compose-invalid'), [
      "compose-invalid 4:21 services.deploy.replicas: can't set container_name and worker as container name must be unique",
      "compose-invalid 9:21 services.scale: can't set container_name and scaled as container name must be unique",
    ]);
    const worker = m.diagnostics.find((d) => d.service === 'worker')!;
    assert.deepEqual(
      worker.related?.map((r) => r.pos.line),
      [6],
    );
    assert.match(worker.fix.description, /Remove container_name/);
  });

  it('ignores services disabled by a profile', async () => {
    const m = await loadFiles({
      'compose.yaml':
        'services:\n  w:\n    image: busybox\n    profiles: [debug]\n    container_name: w1\n    scale: 2\n',
    });
    assert.deepEqual(diags(m), []);
    const enabled = await loadFiles(
      {
        'compose.yaml':
          'services:\n  w:\n    image: busybox\n    profiles: [debug]\n    container_name: w1\n    scale: 2\n',
      },
      { profiles: ['debug'] },
    );
    assert.equal(diags(enabled, 'compose-invalid').length, 1);
  });
});

describe('consistency: one mount per container path', () => {
  it('reports every later mount on a target, short and long syntax, tmpfs first', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:', //                                    1
        '  app:', //                                       2
        '    image: busybox', //                           3
        '    tmpfs:', //                                   4
        '      - /cache:size=1m', //                       5
        '    volumes:', //                                 6
        '      - ./data:/data', //                         7
        '      - type: volume', //                         8
        '        source: store', //                        9
        '        target: /data/', //                      10
        '      - cache:/cache', //                        11
        '      - /other', //                              12
        '      - /data', //                               13
        'volumes:', //                                    14
        '  store: {}', //                                 15
        '  cache: {}', //                                 16
        '',
      ].join('\n'),
    });
    assert.deepEqual(diags(m, 'compose-invalid'), [
      'compose-invalid 8:9 services.app.volumes[1]: target /data already mounted as services.app.volumes[0]',
      'compose-invalid 11:9 services.app.volumes[2]: target /cache already mounted as services.app.tmpfs[0]',
      'compose-invalid 13:9 services.app.volumes[4]: target /data already mounted as services.app.volumes[0]',
    ]);
    assert.deepEqual(
      m.diagnostics.map((d) => d.related?.[0]?.pos.line),
      [7, 5, 7],
    );
  });

  it('accepts distinct targets, and the same target in two services', async () => {
    const m = await loadFiles({
      'compose.yaml':
        'services:\n  a:\n    image: busybox\n    tmpfs: /t\n    volumes: [./x:/x, ./y:/x/y]\n  b:\n    image: busybox\n    volumes: [./x:/x]\n',
    });
    assert.deepEqual(diags(m), []);
  });
});

describe('consistency: dependency cycles', () => {
  it('reports a cycle once, at the dependency that closes it, in compose wording', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:', //                    1
        '  a:', //                         2
        '    image: busybox', //           3
        '    depends_on: [b]', //          4
        '  b:', //                         5
        '    image: busybox', //           6
        '    depends_on:', //              7
        '      c:', //                     8
        '        condition: service_started', // 9
        '  c:', //                        10
        '    image: busybox', //          11
        '    links: [a]', //              12
        '',
      ].join('\n'),
    });
    assert.deepEqual(diags(m), ['compose-reference 12:13 dependency cycle detected: a -> b -> c -> a']);
    const cycle = m.diagnostics[0]!;
    assert.equal(cycle.service, 'c');
    assert.deepEqual(
      cycle.related?.map((r) => `${r.pos.line}:${r.pos.column} ${r.message}`),
      ['4:18 a depends on b here', '8:7 b depends on c here'],
    );
  });

  it('counts implicit dependencies and reports each independent cycle, self-dependency included', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:', //                           1
        '  self:', //                             2
        '    image: busybox', //                  3
        '    depends_on: [self]', //              4
        '  net:', //                              5
        '    image: busybox', //                  6
        '    network_mode: service:vol', //       7
        '  vol:', //                              8
        '    image: busybox', //                  9
        '    volumes_from: [ipc]', //            10
        '  ipc:', //                             11
        '    image: busybox', //                 12
        '    ipc: service:net', //               13
        '',
      ].join('\n'),
    });
    assert.deepEqual(
      diags(m).sort(),
      [
        'compose-reference 10:20 dependency cycle detected: ipc -> net -> vol -> ipc',
        'compose-reference 4:18 dependency cycle detected: self -> self',
      ].sort(),
    );
  });

  it('ignores acyclic graphs, and cycles through a service disabled by a profile', async () => {
    const diamond = await loadFiles({
      'compose.yaml':
        'services:\n  a:\n    image: x\n    depends_on: [b, c]\n  b:\n    image: x\n    depends_on: [d]\n  c:\n    image: x\n    depends_on: [d]\n  d:\n    image: x\n',
    });
    assert.deepEqual(diags(diamond), []);
    const files = {
      'compose.yaml':
        'services:\n  a:\n    image: x\n    depends_on: {b: {condition: service_started, required: false}}\n  b:\n    image: x\n    profiles: [p]\n    depends_on: [a]\n',
    };
    assert.deepEqual(diags(await loadFiles(files)), []);
    assert.deepEqual(diags(await loadFiles(files, { profiles: ['p'] })), [
      'compose-reference 8:18 dependency cycle detected: a -> b -> a',
    ]);
  });
});

describe('consistency: short-syntax ports compose refuses', () => {
  it("reports each rejected port at its item with compose's own words, inactive services too", async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:', //                                                    1
        '  web:', //                                                       2
        '    image: nginx:1.27', //                                        3
        '    ports:', //                                                   4
        '      - "99999:80"', //                                           5
        '      - "-1:80"', //                                              6
        '      - "80:0"', //                                               7
        '      - 70000', //                                                8
        '      - "8000-8002:80-81"', //                                    9
        '      - "80:80/xyz"', //                                         10
        '      - "80:"', //                                               11
        '      - "0:80"', //                                              12
        '      - "8000-8001:80"', //                                      13
        '      - "127.0.0.1:65535:80/udp"', //                            14
        '      - target: 80', //                                          15
        '        published: "8080"', //                                   16
        '  off:', //                                                      17
        '    image: nginx:1.27', //                                       18
        '    profiles: [never]', //                                       19
        '    ports: ["65536:80"]', //                                     20
        '',
      ].join('\n'),
    });
    // Loaded: both services, and the accepted ports in the model.
    assert.deepEqual(
      m.services.map((s) => s.name),
      ['web', 'off'],
    );
    assert.ok(m.services[0]!.ports.some((p) => p.published === 65535 && p.protocol === 'udp'));
    assert.deepEqual(diags(m, 'compose-invalid'), [
      'compose-invalid 5:9 services.web.ports[0] "99999:80": docker compose refuses to load it: Invalid hostPort: 99999',
      'compose-invalid 6:9 services.web.ports[1] "-1:80": docker compose refuses to load it: Invalid hostPort: -1',
      'compose-invalid 7:9 services.web.ports[2] "80:0": docker compose refuses to load it: service ports services.web.ports.[2] is missing a target port',
      'compose-invalid 8:9 services.web.ports[3] "70000": docker compose refuses to load it: Invalid containerPort: 70000',
      'compose-invalid 9:9 services.web.ports[4] "8000-8002:80-81": docker compose refuses to load it: Invalid ranges specified for container and host Ports: 80-81 and 8000-8002',
      'compose-invalid 10:9 services.web.ports[5] "80:80/xyz": docker compose refuses to load it: Invalid proto: xyz',
      'compose-invalid 11:9 services.web.ports[6] "80:": docker compose refuses to load it: No port specified: 80:<empty>',
      'compose-invalid 20:13 services.off.ports[0] "65536:80": docker compose refuses to load it: Invalid hostPort: 65536',
    ]);
  });
});
