// The hand-rolled literal checks in src/dns/ip.ts give node:net's answers, on chosen and generated input.
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { test } from 'node:test';
import fc from 'fast-check';
import { ipFamily } from '../../../src/dns/ip.js';

test('ipFamily agrees with node:net isIP on edge cases', () => {
  const cases = [
    '1.2.3.4',
    '255.255.255.255',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.5',
    '1..3.4',
    '',
    '.',
    '::',
    '::1',
    '1::',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':1::2',
    '1::2:',
    '::ffff:1.2.3.4',
    '1:2:3:4:5:6:1.2.3.4',
    '1:2:3:4:5:6:7:1.2.3.4',
    '::1.2.3.4',
    '1::1.2.3',
    'fe80::1%eth0',
    'fe80::1%',
    'fe80::1%a%b',
    'fe80::1%e th',
    '12345::',
    'g::1',
    'localhost',
    '1.2.3.4%eth0',
    '::1.2.3.4:5',
    '[::1]',
    ' ::1',
    '0:0:0:0:0:0:0:0',
    'ABCD::EF',
    // Found by the property below: a dotted quad only ends an address, never comes before "::".
    '0.0.0.0::',
    '1.2.3.4::',
  ];
  for (const c of cases) assert.equal(ipFamily(c), isIP(c), JSON.stringify(c));
});

test('ipFamily agrees with node:net isIP on generated near-addresses', () => {
  const piece = fc.oneof(
    fc.constantFrom('', ':', '::', '.', '%', 'eth0', '0', '00', '255', '256', 'ffff', 'fffff', 'g'),
    fc.integer({ min: 0, max: 300 }).map(String),
    fc.integer({ min: 0, max: 0xfffff }).map((n) => n.toString(16)),
  );
  const sep = fc.constantFrom(':', '::', '.', '%', '');
  fc.assert(
    fc.property(fc.array(fc.tuple(piece, sep), { maxLength: 10 }), (parts) => {
      const text = parts.map(([p, s]) => p + s).join('');
      assert.equal(ipFamily(text), isIP(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
});
