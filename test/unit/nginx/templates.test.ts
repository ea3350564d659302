// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${var}` here is nginx and envsubst syntax, not a template.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinFiles } from '../../../src/nginx/builtin-files.js';
import type { ContainerFs } from '../../../src/nginx/container-fs.js';
import { checkDirective, contextOf } from '../../../src/nginx/directives.js';
import { loadNginxConfig, walk } from '../../../src/nginx/includes.js';
import { memoryContainerFs } from '../../../src/nginx/memory-fs.js';
import {
  renderTemplate,
  renderTemplateMapped,
  substitutedNames,
  templateOutputPath,
} from '../../../src/nginx/templates.js';

describe('renderTemplate (envsubst with the defined variables only)', () => {
  it('substitutes $VAR and ${VAR} that are defined and keeps nginx variables', () => {
    const text = 'server_name ${DOMAIN} www.$DOMAIN;\nproxy_set_header Host $host;\nset $x ${UNSET};\n';
    assert.equal(
      renderTemplate(text, { DOMAIN: 'a.example', UNSET: undefined }),
      'server_name a.example www.a.example;\nproxy_set_header Host $host;\nset $x ${UNSET};\n',
    );
  });

  it('matches the longest name after $, case-sensitively, and ignores default syntax', () => {
    const env = { PORT: '8080', host: 'oops' };
    assert.equal(
      renderTemplate('listen $PORTS $PORT; ${PORT:-80} $hostname $host', env),
      'listen $PORTS 8080; ${PORT:-80} $hostname oops',
    );
  });

  it('substitutes an empty value when the variable is defined but empty', () => {
    assert.equal(renderTemplate('a${E}b', { E: '' }), 'ab');
  });

  it('honours NGINX_ENVSUBST_FILTER', () => {
    const env = { NGINX_ENVSUBST_FILTER: '^APP_', APP_HOST: 'app', OTHER: 'x' };
    assert.deepEqual([...substitutedNames(env)].sort(), ['APP_HOST']);
    assert.equal(renderTemplate('$APP_HOST $OTHER', env), 'app $OTHER');
  });
});

describe('templateOutputPath', () => {
  it('maps templates to conf.d, keeping subdirectories and dropping the suffix', () => {
    assert.equal(
      templateOutputPath('/etc/nginx/templates/default.conf.template'),
      '/etc/nginx/conf.d/default.conf',
    );
    assert.equal(
      templateOutputPath('/etc/nginx/templates/sub/x.conf.template'),
      '/etc/nginx/conf.d/sub/x.conf',
    );
    assert.equal(templateOutputPath('/etc/nginx/templates/readme.md'), undefined);
    assert.equal(
      templateOutputPath('/srv/t/a.conf.tpl', {
        NGINX_ENVSUBST_TEMPLATE_DIR: '/srv/t',
        NGINX_ENVSUBST_TEMPLATE_SUFFIX: '.tpl',
        NGINX_ENVSUBST_OUTPUT_DIR: '/etc/nginx/sites/',
      }),
      '/etc/nginx/sites/a.conf',
    );
  });
});

describe('builtinFiles', () => {
  it('is the official image layout and checks clean with the directive table', () => {
    assert.deepEqual([...builtinFiles.keys()].sort(), [
      '/etc/nginx/conf.d/default.conf',
      '/etc/nginx/fastcgi_params',
      '/etc/nginx/mime.types',
      '/etc/nginx/nginx.conf',
      '/etc/nginx/scgi_params',
      '/etc/nginx/uwsgi_params',
    ]);
    const config = loadNginxConfig(
      { containerPath: '/etc/nginx/nginx.conf' },
      memoryContainerFs(builtinFiles),
    );
    assert.deepEqual(
      config.files.map((f) => f.containerPath),
      ['/etc/nginx/nginx.conf', '/etc/nginx/mime.types', '/etc/nginx/conf.d/default.conf'],
    );
    const issues: string[] = [];
    const names: string[] = [];
    walk(config, (d, ctx) => {
      names.push(d.directive);
      for (const p of checkDirective(d, contextOf(ctx.parents)))
        issues.push(`${d.file}:${d.line} ${p.message}`);
    });
    assert.deepEqual(issues, []);
    assert.deepEqual(
      config.files.flatMap((f) => f.errors),
      [],
    );
    assert.ok(names.includes('log_format') && names.includes('listen'));
    const logFormat = config.files[0]!.parsed.find((d) => d.directive === 'http')!.block!.find(
      (d) => d.directive === 'log_format',
    )!;
    assert.deepEqual(logFormat.args.slice(0, 2), [
      'main',
      '$remote_addr - $remote_user [$time_local] "$request" ',
    ]);
  });

  it('has params files that check clean inside a location', () => {
    for (const name of ['fastcgi_params', 'scgi_params', 'uwsgi_params']) {
      const files = new Map(builtinFiles);
      files.set('/etc/nginx/conf.d/default.conf', `server { location / { include ${name}; } }`);
      const config = loadNginxConfig({ containerPath: '/etc/nginx/nginx.conf' }, memoryContainerFs(files));
      assert.deepEqual(config.includeProblems, []);
      let count = 0;
      walk(config, (d, ctx) => {
        if (d.directive.endsWith('_param')) {
          count++;
          assert.deepEqual(checkDirective(d, contextOf(ctx.parents)), []);
        }
      });
      assert.ok(count >= 13, `${name}: ${count}`);
    }
  });
});

describe('renderTemplateMapped (positions back to the template)', () => {
  const env = { LONG: 'a-much-longer-value', NL: 'x;\n  y', EMPTY: '' };
  const source = 'a ${LONG} b;\nc $NL;\nd${EMPTY}e;\nf $host;\n';

  it('renders exactly as renderTemplate does', () => {
    assert.equal(renderTemplateMapped(source, env).text, renderTemplate(source, env));
  });

  it('maps rendered offsets in literal text back one to one, and inside a value to its $NAME', () => {
    const { text, template } = renderTemplateMapped(source, env);
    const at = (needle: string, inTemplate = needle) =>
      assert.equal(template.offsetOf(text.indexOf(needle)), source.indexOf(inTemplate), needle);
    at(' b;');
    at('f $host');
    at('much', '${LONG}');
    at('y;\nd', '$NL');
    at('e;', 'e;');
    assert.equal(template.offsetOf(text.length), source.length);
  });

  it('gives directives and syntax errors parsed from a rendered template the template lines and columns', () => {
    const tpl = 'server {\n  set $a ${NL};\n  proxy_pass http://${LONG}:80;\n  listen 80\n}\n';
    const { text, template } = renderTemplateMapped(tpl, env);
    const fs: ContainerFs = {
      file: (p) =>
        p === '/etc/nginx/nginx.conf'
          ? { kind: 'builtin', containerPath: p, text: 'http { include conf.d/*.conf; }' }
          : p === '/etc/nginx/conf.d/site.conf'
            ? {
                kind: 'host',
                containerPath: p,
                hostPath: '/p/site.conf.template',
                text,
                template: { containerPath: '/etc/nginx/templates/site.conf.template', source: template },
              }
            : undefined,
      glob: (p) => (p === '/etc/nginx/conf.d/*.conf' ? ['/etc/nginx/conf.d/site.conf'] : []),
      isDirectory: () => false,
    };
    const config = loadNginxConfig({ containerPath: '/etc/nginx/nginx.conf' }, fs);
    const site = config.files[1]!;
    assert.equal(site.file, '/p/site.conf.template');
    assert.equal(site.text, tpl, 'code frames show the template as written');
    assert.equal(site.template, '/etc/nginx/templates/site.conf.template');
    const found: Record<string, string> = {};
    walk(config, (d) => {
      found[d.directive] = `${d.line}:${d.column} ${d.argPos.map((p) => `${p.line}:${p.column}`).join(' ')}`;
    });
    // Rendered, `y` sits on a line of its own and everything after it one line lower; the template has neither.
    assert.equal(found.set, '2:3 2:7 2:10');
    assert.equal(found.y, '2:10 ');
    assert.equal(found.proxy_pass, '3:3 3:14');
    assert.equal(
      tpl.slice(site.parsed[0]!.block![2]!.start, site.parsed[0]!.block![2]!.end),
      'proxy_pass http://${LONG}:80;',
    );
    assert.deepEqual(
      site.errors.map((e) => `${e.line}:${e.column}`),
      ['4:12'],
    );
  });
});
