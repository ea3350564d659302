import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import {
  addToServiceKey,
  deleteTopLevelKey,
  type EditResult,
  isDeclined,
} from '../../../src/fix/yaml-edit.js';

function apply(text: string, e: EditResult): string {
  assert.ok(e, 'an edit was produced');
  assert.ok(!isDeclined(e), `not declined: ${isDeclined(e) ? e.declined : ''}`);
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

const entry = { item: 'speedtest', mapKey: 'speedtest', mapValue: { condition: 'service_started' } };

test('appends to a block sequence and keeps comments', () => {
  const text = `services:
  nginx:
    image: nginx # the proxy
    depends_on:
      - db # first
    ports:
      - "80:80"
  speedtest:
    image: x
`;
  const out = apply(text, addToServiceKey('c.yaml', 'nginx', 'depends_on', entry, text));
  assert.deepEqual(parse(out).services.nginx.depends_on, ['db', 'speedtest']);
  assert.match(out, /# the proxy/);
  assert.match(out, /- db # first\n {6}- speedtest\n/);
});

test('appends to a flow sequence', () => {
  const text = 'services:\n  nginx:\n    depends_on: [db]\n';
  const out = apply(text, addToServiceKey('c.yaml', 'nginx', 'depends_on', entry, text));
  assert.equal(out, 'services:\n  nginx:\n    depends_on: [db, speedtest]\n');
});

test('adds to the long (mapping) form with a body', () => {
  const text =
    'services:\n  nginx:\n    depends_on:\n      db:\n        condition: service_healthy\n    image: nginx\n';
  const out = apply(text, addToServiceKey('c.yaml', 'nginx', 'depends_on', entry, text));
  assert.deepEqual(parse(out).services.nginx.depends_on, {
    db: { condition: 'service_healthy' },
    speedtest: { condition: 'service_started' },
  });
  assert.match(out, /image: nginx\n$/);
});

test('creates the key when the service lacks it, at the service indentation', () => {
  const text =
    'services:\n  nginx:\n    image: nginx\n    ports:\n      - "80:80"\n\n  app:\n    image: app\n';
  const out = apply(
    text,
    addToServiceKey('c.yaml', 'nginx', 'networks', { item: 'back', mapKey: 'back' }, text),
  );
  const doc = parse(out);
  assert.deepEqual(doc.services.nginx.networks, ['back']);
  assert.deepEqual(doc.services.nginx.ports, ['80:80']);
  assert.equal(doc.services.app.image, 'app');
});

test('returns nothing for a service that is not in the file', () => {
  assert.equal(
    addToServiceKey('c.yaml', 'nope', 'networks', { item: 'x', mapKey: 'x' }, 'services:\n  a: {}\n'),
    undefined,
  );
});

test('deletes the obsolete version key and its blank line', () => {
  const text = 'version: "3.8"\n\nservices:\n  a:\n    image: x\n';
  assert.equal(apply(text, deleteTopLevelKey('c.yaml', 'version', text)), 'services:\n  a:\n    image: x\n');
});

test('a CRLF file gets CRLF line endings in the inserted lines', () => {
  const text = 'services:\r\n  nginx:\r\n    image: nginx\r\n    depends_on:\r\n      - db\r\n';
  const out = apply(text, addToServiceKey('c.yaml', 'nginx', 'depends_on', entry, text));
  assert.equal(
    out,
    'services:\r\n  nginx:\r\n    image: nginx\r\n    depends_on:\r\n      - db\r\n      - speedtest\r\n',
  );
  assert.deepEqual(parse(out).services.nginx.depends_on, ['db', 'speedtest']);
});

test('a flow service map gets the key inside its braces, after its last entry', () => {
  const text = 'services:\n  nginx: {image: nginx, ports: ["80:80"]} # proxy\n  db: {image: pg}\n';
  const out = apply(text, addToServiceKey('c.yaml', 'nginx', 'depends_on', entry, text));
  assert.equal(
    out,
    'services:\n  nginx: {image: nginx, ports: ["80:80"], depends_on: [speedtest]} # proxy\n  db: {image: pg}\n',
  );
});

test('a JSON file gets JSON: quoted keys and strings', () => {
  const text =
    '{\n  "services": {\n    "nginx": {"image": "nginx", "depends_on": {"db": {"condition": "service_healthy"}}}\n  }\n}\n';
  const out = apply(text, addToServiceKey('c.json', 'nginx', 'depends_on', entry, text));
  assert.deepEqual(JSON.parse(out).services.nginx.depends_on, {
    db: { condition: 'service_healthy' },
    speedtest: { condition: 'service_started' },
  });
  const created = apply(
    text,
    addToServiceKey('c.json', 'nginx', 'networks', { item: 'back', mapKey: 'back' }, text),
  );
  assert.deepEqual(JSON.parse(created).services.nginx.networks, ['back']);
});

test('an empty flow map and an explicit null take the entry', () => {
  const empty = 'services:\n  nginx: {}\n';
  assert.equal(
    apply(empty, addToServiceKey('c.yaml', 'nginx', 'depends_on', entry, empty)),
    'services:\n  nginx: {depends_on: [speedtest]}\n',
  );
  const nul = 'services:\n  nginx:\n    depends_on: ~ # none yet\n';
  assert.equal(
    apply(nul, addToServiceKey('c.yaml', 'nginx', 'depends_on', entry, nul)),
    'services:\n  nginx:\n    depends_on: [speedtest] # none yet\n',
  );
});

test('an entry that would not read back plain is quoted', () => {
  const text = 'services:\n  nginx:\n    volumes:\n      - ./a.conf:/etc/nginx/a.conf\n';
  const item = './b #1.conf:/etc/nginx/conf.d/b.conf:ro';
  const out = apply(text, addToServiceKey('c.yaml', 'nginx', 'volumes', { item, mapKey: item }, text));
  assert.deepEqual(parse(out).services.nginx.volumes, ['./a.conf:/etc/nginx/a.conf', item]);
  const flow = 'services:\n  nginx: {volumes: [x]}\n';
  const out2 = apply(
    flow,
    addToServiceKey('c.yaml', 'nginx', 'volumes', { item: 'a,b', mapKey: 'a,b' }, flow),
  );
  assert.deepEqual(parse(out2).services.nginx.volumes, ['x', 'a,b']);
});

test('deletes version from a flow or JSON document wherever it is, keeping the rest', () => {
  const cases: [string, string][] = [
    ['{"version": "3", "services": {"a": {}}}\n', '{"services": {"a": {}}}\n'],
    ['{\n  "services": {"a": {}},\n  "version": "3"\n}\n', '{\n  "services": {"a": {}}\n}\n'],
    ['{a: 1, version: "3", services: {}}\n', '{a: 1, services: {}}\n'],
    ['{version: "3"}\n', '{}\n'],
  ];
  for (const [text, want] of cases)
    assert.equal(apply(text, deleteTopLevelKey('c.yaml', 'version', text)), want);
});

test('declines, with the reason, what it cannot edit exactly', () => {
  const declined = (r: EditResult) => (isDeclined(r) ? r.declined : `not declined: ${JSON.stringify(r)}`);
  assert.match(
    declined(
      addToServiceKey('c.yaml', 'b', 'depends_on', entry, 'x: &s {image: n}\nservices:\n  a: {}\n  b: *s\n'),
    ),
    /services\.b is an alias/,
  );
  assert.match(
    declined(deleteTopLevelKey('c.yaml', 'version', 'version: "3"\n---\nservices: {}\n')),
    /2 YAML documents/,
  );
  assert.match(declined(deleteTopLevelKey('c.yaml', 'version', 'version: "3"\nservices: [\n')), /YAML error/);
  assert.match(
    declined(deleteTopLevelKey('c.yaml', 'version', 'version: "3"\nversion: "2"\n')),
    /appears twice/,
  );
  assert.match(
    declined(addToServiceKey('c.yaml', 'a', 'networks', entry, 'services:\n  a:\n    networks: front\n')),
    /neither a list nor a mapping/,
  );
});

test('a BOM before version stays', () => {
  const text = '\uFEFFversion: "3"\nservices: {}\n';
  assert.equal(apply(text, deleteTopLevelKey('c.yaml', 'version', text)), '\uFEFFservices: {}\n');
});
