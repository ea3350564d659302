import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { NginxDirective } from '../../../src/nginx/ast.js';
import { builtinFiles } from '../../../src/nginx/builtin-files.js';
import type { ContainerFs } from '../../../src/nginx/container-fs.js';
import { contextOf } from '../../../src/nginx/directives.js';
import { loadNginxConfig, walk } from '../../../src/nginx/includes.js';
import { globToRegExp, memoryContainerFs } from '../../../src/nginx/memory-fs.js';

const fsOf = (files: Record<string, string>) => memoryContainerFs(new Map(Object.entries(files)));

function load(files: Record<string, string>, entry = '/etc/nginx/nginx.conf') {
  return loadNginxConfig({ containerPath: entry }, fsOf(files));
}

function find(ds: readonly NginxDirective[], name: string): NginxDirective {
  const stack = [...ds];
  while (stack.length) {
    const d = stack.shift()!;
    if (d.directive === name) return d;
    if (d.block) stack.push(...d.block);
  }
  throw new Error(`no ${name}`);
}

describe('loadNginxConfig', () => {
  it('resolves globs in sorted order and relative paths against the conf prefix', () => {
    const config = load({
      '/etc/nginx/nginx.conf': 'http { include conf.d/*.conf; include /etc/nginx/extra.conf; }',
      '/etc/nginx/conf.d/b.conf': 'server { listen 2; }',
      '/etc/nginx/conf.d/a.conf': 'server { listen 1; include snippets/h.conf; }',
      '/etc/nginx/conf.d/.hidden.conf': 'broken {',
      '/etc/nginx/snippets/h.conf': 'add_header X y;',
      '/etc/nginx/extra.conf': 'gzip off;',
    });
    assert.deepEqual(
      config.files.map((f) => f.containerPath),
      [
        '/etc/nginx/nginx.conf',
        '/etc/nginx/conf.d/a.conf',
        '/etc/nginx/conf.d/b.conf',
        '/etc/nginx/extra.conf',
        // Relative to /etc/nginx (nginx's prefix), not to conf.d/ where the include is written.
        '/etc/nginx/snippets/h.conf',
      ],
    );
    const http = config.files[0]!.parsed[0]!;
    assert.deepEqual(http.block![0]!.includes, [1, 2]);
    assert.deepEqual(http.block![1]!.includes, [3]);
    assert.deepEqual(config.includeProblems, []);
    assert.ok(config.files.every((f) => f.builtin));
  });

  it('reports a missing file with nginx wording and an empty glob as its own kind', () => {
    const config = load({
      '/etc/nginx/nginx.conf': 'http {\n include missing.conf;\n include none/*.conf;\n}',
    });
    assert.deepEqual(
      config.includeProblems.map((p) => [p.kind, p.pattern, p.directive.line, p.message]),
      [
        [
          'missing',
          '/etc/nginx/missing.conf',
          2,
          'open() "/etc/nginx/missing.conf" failed (2: No such file or directory)',
        ],
        ['empty-glob', '/etc/nginx/none/*.conf', 3, undefined],
      ],
    );
    const includes = config.files[0]!.parsed[0]!.block!;
    assert.deepEqual(
      includes.map((d) => d.includes),
      [[], []],
    );
  });

  it('detects a self-include without looping', () => {
    const config = load({ '/etc/nginx/nginx.conf': 'events {}\ninclude nginx.conf;\n' });
    assert.equal(config.files.length, 1);
    assert.deepEqual(config.files[0]!.parsed[1]!.includes, [0]);
    assert.deepEqual(
      config.includeProblems.map((p) => [p.kind, p.message]),
      [['cycle', 'include cycle: /etc/nginx/nginx.conf → /etc/nginx/nginx.conf']],
    );
  });

  it('detects a longer cycle once, at the include that closes it', () => {
    const config = load({
      '/etc/nginx/nginx.conf': 'include a.conf;',
      '/etc/nginx/a.conf': 'include b.conf;',
      '/etc/nginx/b.conf': 'include a.conf;',
    });
    assert.deepEqual(
      config.includeProblems.map((p) => [p.kind, p.directive.file, p.message]),
      [
        [
          'cycle',
          '/etc/nginx/b.conf',
          'include cycle: /etc/nginx/b.conf → /etc/nginx/a.conf → /etc/nginx/b.conf',
        ],
      ],
    );
  });

  it('reports a diamond (the same file included twice) as no cycle', () => {
    const config = load({
      '/etc/nginx/nginx.conf': 'include a.conf; include b.conf;',
      '/etc/nginx/a.conf': 'include c.conf;',
      '/etc/nginx/b.conf': 'include c.conf;',
      '/etc/nginx/c.conf': 'gzip on;',
    });
    assert.deepEqual(config.includeProblems, []);
    assert.equal(config.files.length, 4);
  });

  it('stops at maxFiles with a too-many-files problem naming the first unread file', () => {
    const files: Record<string, string> = { '/etc/nginx/nginx.conf': 'include d/*.conf;' };
    for (let i = 0; i < 10; i++) files[`/etc/nginx/d/${i}.conf`] = 'gzip on;';
    const config = loadNginxConfig({ containerPath: '/etc/nginx/nginx.conf' }, fsOf(files), { maxFiles: 4 });
    assert.equal(config.files.length, 4);
    assert.deepEqual(
      config.includeProblems.map((p) => p.kind),
      ['too-many-files'],
    );
    assert.match(
      config.includeProblems[0]!.message!,
      /at most 4 files per configuration; \/etc\/nginx\/d\/3\.conf and the files after it/,
    );
  });

  it('throws an InputError when the entry is absent', () => {
    assert.throws(() => load({}), { name: 'InputError', message: /\/etc\/nginx\/nginx.conf does not exist/ });
  });

  it('reads host files, keeping a rendered text over the file content', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stackgate-inc-'));
    try {
      const host = path.join(dir, 'site.conf');
      writeFileSync(
        host,
        Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('server { listen 80; }\n'), 0xff, 0x0a]),
      );
      const fs: ContainerFs = {
        file: (p) =>
          p === '/etc/nginx/nginx.conf'
            ? { kind: 'builtin', containerPath: p, text: 'http { include conf.d/*.conf; }' }
            : p === '/etc/nginx/conf.d/site.conf'
              ? { kind: 'host', containerPath: p, hostPath: host }
              : p === '/etc/nginx/conf.d/t.conf'
                ? { kind: 'host', containerPath: p, hostPath: host, text: 'server { listen 81; }' }
                : undefined,
        glob: () => ['/etc/nginx/conf.d/site.conf', '/etc/nginx/conf.d/t.conf'],
        isDirectory: () => false,
      };
      const config = loadNginxConfig({ containerPath: '/etc/nginx/nginx.conf' }, fs);
      const site = config.files[1]!;
      assert.equal(site.file, host);
      assert.equal(site.builtin, false);
      // The BOM stays in the text (offsets match the file) and is reported; 0xff becomes U+FFFD.
      assert.ok(site.text.startsWith('\ufeff'));
      assert.ok(site.text.includes('\ufffd'));
      assert.match(site.errors[0]!.message, /byte order mark/);
      assert.equal(find(site.parsed, 'listen').column, 10);
      assert.deepEqual(find(config.files[2]!.parsed, 'listen').args, ['81']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the official image layout', () => {
  it('puts a mounted conf.d file inside http{} through the built-in nginx.conf', () => {
    const files = new Map(builtinFiles);
    files.delete('/etc/nginx/conf.d/default.conf');
    files.set('/etc/nginx/conf.d/app.conf', 'server { location / { proxy_pass http://app:80; } }');
    const config = loadNginxConfig({ containerPath: '/etc/nginx/nginx.conf' }, memoryContainerFs(files));
    assert.deepEqual(config.includeProblems, []);
    const seen: string[] = [];
    walk(config, (d, ctx) => {
      if (d.directive === 'proxy_pass') {
        seen.push(
          `${ctx.parents.map((p) => p.directive).join('>')} ${contextOf(ctx.parents)} ${ctx.file.containerPath}`,
        );
        assert.equal(ctx.includedBy.length, 1);
        assert.equal(ctx.includedBy[0]!.args[0], '/etc/nginx/conf.d/*.conf');
      }
    });
    assert.deepEqual(seen, ['http>server>location location /etc/nginx/conf.d/app.conf']);
  });
});

describe('walk', () => {
  it('visits in reading order with includes spliced in place and can skip subtrees', () => {
    const config = load({
      '/etc/nginx/nginx.conf': 'a;\nhttp { include x.conf; b; }\nskip { hidden; }\nc;',
      '/etc/nginx/x.conf': 'server { inner; }',
    });
    const order: string[] = [];
    walk(config, (d, ctx) => {
      order.push(`${d.directive}@${ctx.parents.length}`);
      return d.directive !== 'skip';
    });
    assert.deepEqual(order, ['a@0', 'http@0', 'include@1', 'server@1', 'inner@2', 'b@1', 'skip@0', 'c@0']);
  });

  it('enters a cyclic include only once per chain', () => {
    const config = load({ '/etc/nginx/nginx.conf': 'x;\ninclude nginx.conf;' });
    const names: string[] = [];
    walk(config, (d) => {
      names.push(d.directive);
    });
    assert.deepEqual(names, ['x', 'include']);
  });

  it('walks 10,000 nested includes without recursion', () => {
    const files: Record<string, string> = { '/etc/nginx/nginx.conf': 'include 0.conf;' };
    for (let i = 0; i < 10_000; i++) files[`/etc/nginx/${i}.conf`] = `include ${i + 1}.conf;`;
    files['/etc/nginx/10000.conf'] = 'leaf;';
    const config = loadNginxConfig({ containerPath: '/etc/nginx/nginx.conf' }, fsOf(files), {
      maxFiles: 20_000,
    });
    let leafDepth = -1;
    walk(config, (d, ctx) => {
      if (d.directive === 'leaf') leafDepth = ctx.includedBy.length;
    });
    assert.equal(leafDepth, 10_001);
  });
});

describe('globToRegExp', () => {
  it('matches like glob(3): no slash, no leading dot, classes and negation', () => {
    const re = globToRegExp('/etc/nginx/conf.d/*.conf');
    assert.ok(re.test('/etc/nginx/conf.d/a.conf'));
    assert.ok(!re.test('/etc/nginx/conf.d/.a.conf'));
    assert.ok(!re.test('/etc/nginx/conf.d/x/a.conf'));
    assert.ok(globToRegExp('/a/[!b]?.conf').test('/a/cd.conf'));
    assert.ok(!globToRegExp('/a/[!b]?.conf').test('/a/bd.conf'));
    assert.ok(globToRegExp('/a/[a-c].conf').test('/a/b.conf'));
  });
});
