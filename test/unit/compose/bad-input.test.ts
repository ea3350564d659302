// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MAX_ALIAS_NODES } from '../../../src/compose/parse.js';
import { InputError } from '../../../src/core/errors.js';
import { diags, load, loadFiles, service, withDir } from './helpers.js';

describe('bad input never crashes or hangs', () => {
  it('an empty file is compose-invalid "empty compose file" at 1:1', async () => {
    assert.deepEqual(diags(await loadFiles({ 'compose.yaml': '' })), [
      'compose-invalid 1:1 empty compose file',
    ]);
    assert.deepEqual(diags(await loadFiles({ 'compose.yaml': '# only a comment\n\n' })), [
      'compose-invalid 1:1 empty compose file',
    ]);
  });

  it('a top level that is not a mapping', async () => {
    assert.deepEqual(diags(await loadFiles({ 'compose.yaml': '- a\n- b\n' })), [
      'compose-invalid 1:1 Top-level object must be a mapping',
    ]);
  });

  it('binary and UTF-16 files are an InputError naming the file', async () => {
    await withDir({ 'compose.yaml': new Uint8Array([0x73, 0x3a, 0x00, 0x01, 0xff]) }, async (dir) => {
      await assert.rejects(
        load(dir),
        (e: unknown) => e instanceof InputError && e.message.includes('compose.yaml: not a text file'),
      );
    });
    await withDir({ 'compose.yaml': new Uint8Array([0xff, 0xfe, 0x73, 0x00]) }, async (dir) => {
      await assert.rejects(load(dir), /UTF-16 encoded; save it as UTF-8/);
    });
  });

  it('non-UTF-8 bytes are a finding at their line and column', async () => {
    const bytes = Buffer.concat([
      Buffer.from('services:\n  web:\n    image: ng'),
      Buffer.from([0xe9]),
      Buffer.from('inx\n'),
    ]);
    const m = await loadFiles({ 'compose.yaml': bytes });
    assert.deepEqual(diags(m), [
      'compose-invalid 3:14 invalid UTF-8 byte sequence (compose reads YAML as UTF-8)',
    ]);
  });

  it('a BOM and CRLF line ends are read like compose reads them', async () => {
    const m = await loadFiles({
      'compose.yaml': '\uFEFFservices:\r\n  web:\r\n    image: nginx\r\n    ports: ["80:80"]\r\n',
    });
    assert.deepEqual(diags(m), []);
    const web = service(m, 'web');
    assert.equal(web.image?.value, 'nginx');
    assert.deepEqual([web.pos.line, web.pos.column], [2, 3]);
    assert.deepEqual([web.ports[0]?.pos.line, web.ports[0]?.pos.column], [4, 13]);
    assert.equal(web.insertAt?.eol, '\r\n');
  });

  it('reports every YAML syntax error with its line', async () => {
    const m = await loadFiles({ 'compose.yaml': 'a: b: c\nservices: {}\nd: e: f\n' });
    assert.deepEqual(diags(m), [
      'compose-invalid 1:4 YAML: Nested mappings are not allowed in compact mappings',
      'compose-invalid 3:4 YAML: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('duplicate keys: mapping key "x" already defined at line N', async () => {
    const m = await loadFiles({
      'compose.yaml': 'services:\n  web:\n    image: a\n    ports: []\n    image: b\n',
    });
    assert.deepEqual(diags(m), ['compose-invalid 5:5 mapping key "image" already defined at line 3']);
  });

  it('an alias bomb is capped and reported, quickly', async () => {
    const lines = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`x-${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('services: {web: {image: x}}');
    const started = Date.now();
    const m = await loadFiles({ 'compose.yaml': `${lines.join('\n')}\n` });
    assert.ok(Date.now() - started < 5000);
    const d = diags(m);
    assert.equal(d.length, 1, d.join('\n'));
    assert.match(
      d[0] ?? '',
      new RegExp(`^compose-invalid \\d+:\\d+ YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes`),
    );
  });

  it('ordinary anchors, aliases and merge keys work', async () => {
    const m = await loadFiles({
      'compose.yaml':
        'x-base: &base\n  image: app\n  environment: {A: "1"}\nservices:\n  web:\n    <<: *base\n    environment: {B: "2"}\n',
    });
    assert.deepEqual(diags(m), []);
    assert.equal(service(m, 'web').image?.value, 'app');
    assert.deepEqual(service(m, 'web').environment, { B: '2' });
  });

  it('deep nesting is a finding, not a stack overflow', async () => {
    const m = await loadFiles({
      'compose.yaml': `x-deep: ${'['.repeat(10000)}${']'.repeat(10000)}\nservices: {}\n`,
    });
    assert.ok(m.diagnostics.length >= 1);
    assert.ok(m.diagnostics.every((d) => d.kind === 'invalid'));
  });

  it('a 50 MB file is refused with a clear InputError', async () => {
    await withDir({}, async (dir) => {
      const file = path.join(dir, 'compose.yaml');
      const fd = openSync(file, 'w');
      writeSync(fd, 'services:\n');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
      await assert.rejects(
        load(dir),
        (e: unknown) => e instanceof InputError && /compose\.yaml: compose file is 50\.0 MB/.test(e.message),
      );
    });
  });

  it('a directory named compose.yaml given explicitly is an InputError', async () => {
    await withDir({ 'compose.yaml/x': '' }, async (dir) => {
      await assert.rejects(load(dir, { files: ['compose.yaml'] }), InputError);
    });
  });

  it('wrong types everywhere still load without throwing', async () => {
    const m = await loadFiles({
      'compose.yaml': [
        'services:',
        '  a:',
        '    ports: {x: 1}',
        '    volumes: 5',
        '    networks: "front"',
        '    environment: 3',
        '    depends_on: 7',
        '    links: {a: b}',
        '    extra_hosts: 9',
        '    healthcheck: [1]',
        '    network_mode: [x]',
        '  b: [1, 2]',
        'networks: [1]',
        'volumes: 3',
        '',
      ].join('\n'),
    });
    assert.ok(m.diagnostics.length > 5);
    assert.ok(m.diagnostics.every((d) => d.kind !== 'interpolation' && d.pos.line > 0));
    assert.ok(
      diags(m).includes('compose-invalid 4:14 validating compose.yaml: services.a.volumes must be an array'),
    );
  });
});
