import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoCrash, validateJson, where, withProject } from './perf-helpers.js';

describe('hostile: what docker compose itself refuses', () => {
  it('an extends cycle across two files is an error at the extends that closes it, in its file', async () => {
    await withProject(
      {
        'compose.yaml':
          'services:\n  x:\n    image: a:1\n    extends:\n      file: b.yaml\n      service: y\n',
        'b.yaml':
          'services:\n  y:\n    image: b:1\n    extends:\n      file: compose.yaml\n      service: x\n',
      },
      async (dir) => {
        const r = await validateJson(dir);
        assertNoCrash(r);
        assert.deepEqual(r.findings.map(where), [
          'compose.yaml:4:5 compose-invalid circular reference with extends: x in compose.yaml -> y in b.yaml -> x in compose.yaml',
        ]);
      },
    );
  });

  it('an extends cycle between two other files is reported in the file where it closes', async () => {
    await withProject(
      {
        'compose.yaml':
          'services:\n  x:\n    image: a:1\n    extends:\n      file: b.yaml\n      service: y\n',
        'b.yaml': 'services:\n  y:\n    image: b:1\n    extends:\n      file: c.yaml\n      service: z\n',
        'c.yaml': 'services:\n  z:\n    image: c:1\n    extends:\n      file: b.yaml\n      service: y\n',
      },
      async (dir) => {
        const r = await validateJson(dir);
        assertNoCrash(r);
        assert.deepEqual(r.findings.map(where), [
          'b.yaml:4:5 compose-invalid circular reference with extends: x in compose.yaml -> y in b.yaml -> z in c.yaml -> y in b.yaml',
        ]);
      },
    );
  });

  it('the same files without the cycle load: x gets what y extends from z', async () => {
    await withProject(
      {
        'compose.yaml': 'services:\n  x:\n    extends:\n      file: b.yaml\n      service: y\n',
        'b.yaml': 'services:\n  y:\n    extends:\n      file: c.yaml\n      service: z\n',
        'c.yaml': 'services:\n  z:\n    image: c\n',
      },
      async (dir) => {
        const r = await validateJson(dir);
        assertNoCrash(r);
        // The unpinned image proves the chain resolved into x.
        assert.deepEqual(
          r.findings.map((f) => `${f.file}:${f.line} ${f.rule}`),
          ['c.yaml:3 image-unpinned'],
        );
      },
    );
  });

  it("published ports out of range are errors at the item, quoting compose's message", async () => {
    await withProject(
      {
        'compose.yaml': [
          'services:',
          '  web:',
          '    image: app:1',
          '    ports:',
          '      - "99999:80"',
          '      - "-1:80"',
          '      - "65535:80"',
          '      - "0:8080"',
          '',
        ].join('\n'),
      },
      async (dir) => {
        const r = await validateJson(dir);
        assertNoCrash(r);
        const ports = r.findings.filter((f) => f.rule === 'compose-invalid');
        assert.deepEqual(ports.map(where), [
          'compose.yaml:5:9 compose-invalid services.web.ports[0] "99999:80": docker compose refuses to load it: Invalid hostPort: 99999',
          'compose.yaml:6:9 compose-invalid services.web.ports[1] "-1:80": docker compose refuses to load it: Invalid hostPort: -1',
        ]);
      },
    );
  });
});
