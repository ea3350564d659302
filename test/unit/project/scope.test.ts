// effective(): nginx's inheritance of array settings, for one name and for names that fill one list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessRules } from '../../../src/project/access.js';
import { chainOf, effective } from '../../../src/project/scope.js';
import type { PlacedDirective } from '../../../src/project/view.js';
import { proxyCompose, validateFiles } from '../helpers/project.js';

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
