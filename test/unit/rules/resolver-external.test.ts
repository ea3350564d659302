import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverRuleFindings } from '../helpers/project.js';

const RULE = 'resolver-external';

const run = (line: string) => serverRuleFindings(RULE, `    ${line}\n    return 204;`, 'resolver');

test('a public resolver is reported at that address', async () => {
  const [f, ...rest] = await run('resolver 127.0.0.11 8.8.8.8 valid=30s;');
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.line, f.pos.column], [3, 25]);
  assert.match(f.fix.description, /127\.0\.0\.11/);
  assert.equal((await run('resolver [2001:4860:4860::8888]:53;')).length, 1);
  assert.equal((await run('resolver dns.google;')).length, 1);
});

test("Docker's DNS, private addresses and service names are fine", async () => {
  for (const line of [
    'resolver 127.0.0.11 valid=10s ipv6=off;',
    'resolver 10.0.0.2 172.20.0.1:53 192.168.1.1;',
    'resolver [::1] [fd00::53];',
    'resolver unbound;',
  ]) {
    assert.deepEqual(await run(line), [], line);
  }
});
