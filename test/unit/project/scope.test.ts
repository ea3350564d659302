// effective(): nginx's inheritance of array settings, for one name and for names that fill one list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessRules } from '../../../src/project/access.js';
import { chainOf, editableText, effective } from '../../../src/project/scope.js';
import type { PlacedDirective } from '../../../src/project/view.js';
import {
  CUSTOM_TEMPLATE_LAYOUT,
  proxyCompose,
  proxyWithEnvironment,
  validateFiles,
} from '../helpers/project.js';

const CONF = `server {
    listen 80;
    deny 10.0.0.0/8;
    allow 192.168.0.0/16;
    deny all;
    location /own { allow 127.0.0.1; }
    location /inherits { proxy_set_header X-A 1; }
    location /nested { location /nested/inner { deny 10.1.0.0/16; allow all; } }
}
`;

const text = (list: readonly PlacedDirective[]) => list.map((p) => `${p.d.directive} ${p.d.args.join(' ')}`);

test('allow and deny are one list: a level with either replaces the outer list entirely, in load order', async () => {
  const { result } = await validateFiles({ 'compose.yaml': proxyCompose('', ''), 'default.conf': CONF });
  const view = result.view;
  const location = (path: string) => {
    const p = view.directives.find((d) => d.d.directive === 'location' && d.d.args[0] === path);
    assert.ok(p, `location ${path} was loaded`);
    return chainOf(p);
  };
  const server = ['deny 10.0.0.0/8', 'allow 192.168.0.0/16', 'deny all'];
  assert.deepEqual(text(accessRules(view, location('/inherits'))), server);
  // An allow alone still drops the server's deny all (nginx merges the access list as a whole).
  assert.deepEqual(text(accessRules(view, location('/own'))), ['allow 127.0.0.1']);
  assert.deepEqual(text(accessRules(view, location('/nested/inner'))), ['deny 10.1.0.0/16', 'allow all']);
  assert.deepEqual(text(accessRules(view, location('/nested'))), server);
  assert.deepEqual(text(effective(view, location('/own'), 'allow', 'deny')), ['allow 127.0.0.1']);
  // One name at a time would keep the server's deny list where the location only allows: not nginx's merge.
  assert.deepEqual(text(effective(view, location('/own'), 'deny')), ['deny 10.0.0.0/8', 'deny all']);
  assert.deepEqual(text(effective(view, location('/inherits'), 'proxy_set_header')), [
    'proxy_set_header X-A 1',
  ]);
  assert.deepEqual(effective(view, location('/own'), 'proxy_set_header'), []);
});

test("editableText: a file the image renders from a template (the proxy's own dir, suffix, output dir) is not edited in place", async () => {
  const files = {
    'compose.yaml': proxyWithEnvironment({ ...CUSTOM_TEMPLATE_LAYOUT, PORT: '8080' }, [
      './nginx.conf:/etc/nginx/nginx.conf:ro',
      './tpl:/etc/nginx/tpl:ro',
      './plain.conf:/etc/nginx/conf.d/plain.conf:ro',
      './raw.conf.template:/etc/nginx/conf.d/raw.conf:ro',
    ]),
    'nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n    include sites/*.conf;\n}\n',
    'tpl/site.conf.in': 'server { listen $PORT; }\n',
    'plain.conf': 'server { listen 81; }\n',
    'raw.conf.template': 'server { listen 82; }\n',
  };
  const { result } = await validateFiles(files);
  const view = result.view;
  const byName = (rel: string) => [...view.index.filesByHost.values()].find((f) => f.file.endsWith(rel));
  const site = byName('site.conf.in');
  assert.ok(site, 'the template was loaded, rendered');
  assert.equal(site.containerPath, '/etc/nginx/sites/site.conf');
  assert.ok(view.directives.some((p) => p.d.directive === 'listen' && p.d.args[0] === '8080'));
  assert.equal(site.template, '/etc/nginx/tpl/site.conf.in');
  assert.equal(editableText(view, site.file), undefined);
  // A plain file, and one merely named .template that nginx reads as it is, are edited from their text.
  assert.equal(editableText(view, byName('plain.conf')!.file), files['plain.conf']);
  const raw = byName('raw.conf.template');
  assert.ok(raw, 'raw.conf.template was loaded');
  assert.equal(raw.template, undefined);
  assert.equal(editableText(view, raw.file), files['raw.conf.template']);
});
