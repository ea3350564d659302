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

test('addresses are read as IP literals (src/dns/ip), however they are spelt', async () => {
  // Loopback and private addresses written long-hand, IPv4-mapped, upper case, or with the leading zeros
  // nginx's own parser (ngx_inet_addr) reads as decimal.
  for (const line of [
    'resolver [0:0:0:0:0:0:0:1];',
    'resolver [::ffff:10.0.0.2]:53;',
    'resolver [FE80::1];',
    'resolver 010.0.0.2;',
  ]) {
    assert.deepEqual(await run(line), [], line);
  }
  // Public ones; the unbracketed IPv6 address is an error to nginx ("invalid port") but still names a public server.
  for (const line of [
    'resolver [::ffff:8.8.8.8];',
    'resolver [2606:4700:4700::1111]:53;',
    'resolver 2606:4700:4700::1111;',
  ]) {
    assert.equal((await run(line)).length, 1, line);
  }
});
