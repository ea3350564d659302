import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DestinationPair, type SourceAttributes, sortDestinations } from '../../../src/dns/sort.js';

/** Builds pairs from "DEST<-SRC" shorthand, with optional source attributes. */
function pairs(...items: Array<[string, string | null, SourceAttributes?]>): DestinationPair[] {
  return items.map(([destination, source, attributes]) => ({
    destination,
    source,
    ...(attributes ? { sourceAttributes: attributes } : {}),
  }));
}

/** Asserts the order for the input and for the reversed input, and the rule that decided. */
function expectOrder(input: DestinationPair[], expected: string[], rule?: number): void {
  const forward = sortDestinations(input, 'rfc6724');
  assert.deepEqual(forward.order, expected);
  const reversed = sortDestinations([...input].reverse(), 'rfc6724');
  assert.deepEqual(reversed.order, expected, 'reversed input');
  if (rule !== undefined) {
    assert.equal(forward.placements[1]?.rule, rule);
    assert.equal(reversed.placements[1]?.rule, rule);
  }
}

describe('RFC 6724 §10.2 examples (each also reversed)', () => {
  it('1: prefer matching scope (IPv6 global over IPv4 with a link-local source)', () => {
    expectOrder(
      pairs(['2001:db8:1::1', '2001:db8:1::2'], ['198.51.100.121', '169.254.13.78']),
      ['2001:db8:1::1', '198.51.100.121'],
      2,
    );
  });
  it('2: prefer matching scope (IPv4 when the IPv6 source is link-local)', () => {
    expectOrder(
      pairs(['2001:db8:1::1', 'fe80::1'], ['198.51.100.121', '198.51.100.117']),
      ['198.51.100.121', '2001:db8:1::1'],
      2,
    );
  });
  it('3: prefer higher precedence (IPv6 40 over IPv4 35)', () => {
    expectOrder(
      pairs(['2001:db8:1::1', '2001:db8:1::2'], ['10.1.2.3', '10.1.2.4']),
      ['2001:db8:1::1', '10.1.2.3'],
      6,
    );
  });
  it('4: prefer smaller scope', () => {
    expectOrder(
      pairs(['2001:db8:1::1', '2001:db8:1::2'], ['fe80::1', 'fe80::2']),
      ['fe80::1', '2001:db8:1::1'],
      8,
    );
  });
  it('5: prefer home addresses', () => {
    expectOrder(
      pairs(['2001:db8:1::1', '2001:db8:3::1', { home: true }], ['fe80::1', 'fe80::2', { careOf: true }]),
      ['2001:db8:1::1', 'fe80::1'],
      4,
    );
  });
  it('6: avoid deprecated addresses', () => {
    expectOrder(
      pairs(['2001:db8:1::1', '2001:db8:1::2'], ['fe80::1', 'fe80::2', { deprecated: true }]),
      ['2001:db8:1::1', 'fe80::1'],
      3,
    );
  });
  it('7: longest matching prefix', () => {
    expectOrder(
      pairs(['2001:db8:1::1', '2001:db8:1::2'], ['2001:db8:3ffe::1', '2001:db8:3f44::2']),
      ['2001:db8:1::1', '2001:db8:3ffe::1'],
      9,
    );
  });
  it('8: prefer matching label (6to4 source)', () => {
    expectOrder(
      pairs(['2002:c633:6401::1', '2002:c633:6401::2'], ['2001:db8:1::1', '2002:c633:6401::2']),
      ['2002:c633:6401::1', '2001:db8:1::1'],
      5,
    );
  });
  it('9: prefer higher precedence (native over 6to4)', () => {
    expectOrder(
      pairs(['2002:c633:6401::1', '2002:c633:6401::2'], ['2001:db8:1::1', '2001:db8:1::2']),
      ['2001:db8:1::1', '2002:c633:6401::1'],
      6,
    );
  });
});

describe("Go's TestSortByRFC6724", () => {
  it('cases 1-4 sort the same way in both input orders', () => {
    expectOrder(pairs(['2001:db8:1::1', '2001:db8:1::2'], ['198.51.100.121', '169.254.13.78']), [
      '2001:db8:1::1',
      '198.51.100.121',
    ]);
    expectOrder(pairs(['2001:db8:1::1', 'fe80::1'], ['198.51.100.121', '198.51.100.117']), [
      '198.51.100.121',
      '2001:db8:1::1',
    ]);
    expectOrder(pairs(['2001:db8:1::1', '2001:db8:1::2'], ['10.1.2.3', '10.1.2.4']), [
      '2001:db8:1::1',
      '10.1.2.3',
    ]);
    expectOrder(pairs(['2001:db8:1::1', '2001:db8:1::2'], ['fe80::1', 'fe80::2']), [
      'fe80::1',
      '2001:db8:1::1',
    ]);
  });
  const roundRobin = [
    '54.83.193.112',
    '184.72.238.214',
    '23.23.172.185',
    '75.101.148.21',
    '23.23.134.56',
    '23.21.50.150',
  ];
  it('case 5: the IPv4 round-robin list keeps its order (no rule 9 for IPv4)', () => {
    const result = sortDestinations(
      roundRobin.map((destination) => ({ destination, source: '10.2.3.4' })),
      'rfc6724',
    );
    assert.deepEqual(result.order, roundRobin);
    assert.ok(result.steps.every((s) => s.rule === 10));
  });
  it('rfc3484 reorders the same list by whole-address CommonPrefixLen (ties in input order)', () => {
    const result = sortDestinations(
      roundRobin.map((destination) => ({ destination, source: '10.2.3.4' })),
      'rfc3484',
    );
    assert.deepEqual(result.order, [
      '23.23.172.185',
      '23.23.134.56',
      '23.21.50.150',
      '54.83.193.112',
      '75.101.148.21',
      '184.72.238.214',
    ]);
    assert.equal(result.placements[3]?.rule, 9);
  });
});

describe('the seed scenario: five A records and a Vista/7 (RFC 3484) client', () => {
  const records = ['198.51.100.7', '203.0.113.77', '192.0.2.10', '203.0.113.200', '100.64.9.9'];
  const client = '203.0.113.66';
  const rotations = records.map((_, i) => [...records.slice(i), ...records.slice(0, i)]);

  it('rfc3484 collapses every rotation onto the longest-prefix match', () => {
    const firsts = new Set(
      rotations.map(
        (r) =>
          sortDestinations(
            r.map((destination) => ({ destination, source: client })),
            'rfc3484',
          ).order[0],
      ),
    );
    // 203.0.113.66 and .77 share 28 bits (0x42 = 0100_0010, 0x4d = 0100_1101); .200 only 24.
    assert.deepEqual([...firsts], ['203.0.113.77']);
  });
  it('rfc6724 keeps each rotation as DNS returned it', () => {
    for (const r of rotations) {
      assert.deepEqual(
        sortDestinations(
          r.map((destination) => ({ destination, source: client })),
          'rfc6724',
        ).order,
        r,
      );
    }
  });
});

describe('rule 1 and input validation', () => {
  it('puts destinations without a source last', () => {
    const result = sortDestinations(pairs(['2001:db8::1', null], ['192.0.2.1', '192.0.2.2']), 'rfc6724');
    assert.deepEqual(result.order, ['192.0.2.1', '2001:db8::1']);
    assert.equal(result.steps[0]?.rule, 1);
  });
  it('rejects a non-address and a source of the other family', () => {
    assert.throws(() => sortDestinations(pairs(['example.com', null]), 'rfc6724'), /not an IPv4 or IPv6/);
    assert.throws(
      () => sortDestinations(pairs(['2001:db8::1', '192.0.2.1']), 'rfc6724'),
      /IPv4 but destination/,
    );
  });
  it('prefers a native source over a tunnel (rule 7) when nothing earlier decides', () => {
    const result = sortDestinations(
      pairs(['2001:db8:1::1', '2001:db8:9::2', { encapsulated: true }], ['2001:db8:2::1', '2001:db8:8::2']),
      'rfc6724',
    );
    assert.deepEqual(result.order, ['2001:db8:2::1', '2001:db8:1::1']);
    assert.equal(result.placements[1]?.rule, 7);
  });
  it('caps rule 9 at the source prefix length when it is known', () => {
    // Within /48 both destinations share all 48 bits with their sources, so rule 10 keeps input order.
    const input: DestinationPair[] = [
      { destination: '2001:db8:1:2::1', source: '2001:db8:1:1::1', sourcePrefixLength: 48 },
      { destination: '2001:db8:1:1::1', source: '2001:db8:1:1::2', sourcePrefixLength: 48 },
    ];
    assert.deepEqual(sortDestinations(input, 'rfc6724').order, ['2001:db8:1:2::1', '2001:db8:1:1::1']);
    const uncapped = input.map(({ sourcePrefixLength: _, ...rest }) => rest);
    assert.deepEqual(sortDestinations(uncapped, 'rfc6724').order, ['2001:db8:1:1::1', '2001:db8:1:2::1']);
  });
});

describe('lwIP vectors (sources 2001:db8:1::2 and fe80::2, no IPv4 source)', () => {
  it('puts global IPv6 before IPv4, and a NAT64 address before IPv4', () => {
    expectOrder(
      pairs(['198.51.100.121', null], ['2001:db8:2::1', '2001:db8:1::2']),
      ['2001:db8:2::1', '198.51.100.121'],
      1,
    );
    expectOrder(
      pairs(['198.51.100.121', null], ['64:ff9b::c633:6479', '2001:db8:1::2']),
      ['64:ff9b::c633:6479', '198.51.100.121'],
      1,
    );
  });
  it('IPv4 only: 10.55.0.1←10.99.0.2, 10.0.0.1←10.0.0.2 is not reordered', () => {
    const input = pairs(['10.55.0.1', '10.99.0.2'], ['10.0.0.1', '10.0.0.2']);
    assert.deepEqual(sortDestinations(input, 'rfc6724').order, ['10.55.0.1', '10.0.0.1']);
  });
});
