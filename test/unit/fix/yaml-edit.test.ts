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
