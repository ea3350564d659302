import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { POLICY_NAMES } from '../../../src/dns/policy.js';
import { type DestinationPair, sortDestinations } from '../../../src/dns/sort.js';

/**
 * A template fixes everything the rules look at: the destination prefix (a /64 for IPv6, a /24
 * for IPv4), the source and its attributes. Under RFC 6724, destinations made from one template
 * differ only past bit 64 (IPv6) or only for rule 9 on IPv4, which RFC 6724 skips: equal keys.
 */
const template = fc.record({
  v6: fc.boolean(),
  net: fc.constantFrom('2001:db8:1:1', '2001:db8:1:2', 'fe80::', 'fd00:0:0:1', '2002:c633:6401:0'),
  net4: fc.constantFrom('192.0.2', '10.1.2', '127.0.0', '169.254.1'),
  hasSource: fc.boolean(),
  sourceHost: fc.integer({ min: 1, max: 200 }),
  deprecated: fc.boolean(),
  encapsulated: fc.boolean(),
});

const scenario = fc
  .record({
    templates: fc.array(template, { minLength: 1, maxLength: 4 }),
    picks: fc.array(fc.nat(), { minLength: 0, maxLength: 12 }),
  })
  .map(({ templates, picks }) =>
    picks.map((pick, index): DestinationPair & { group: number } => {
      const group = pick % templates.length;
      const t = templates[group]!;
      const host = index + 1;
      const prefix = t.net === 'fe80::' ? 'fe80:0:0:0' : t.net;
      const destination = t.v6 ? `${prefix}:0:0:0:${host.toString(16)}` : `${t.net4}.${host}`;
      const source = !t.hasSource
        ? null
        : t.v6
          ? `${prefix}:0:0:1:${t.sourceHost.toString(16)}`
          : `${t.net4}.${t.sourceHost}`;
      return {
        destination,
        source,
        sourceAttributes: { deprecated: t.deprecated, encapsulated: t.encapsulated },
        group,
      };
    }),
  );

describe('sortDestinations properties', () => {
  it('returns a permutation of its input, the same one every time, for every policy', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...POLICY_NAMES), (input, policy) => {
        const first = sortDestinations(input, policy);
        const expected = input.map((p) => sortDestinations([p], policy).order[0]).sort();
        assert.deepEqual([...first.order].sort(), expected);
        assert.deepEqual(sortDestinations(input, policy), first);
      }),
    );
  });
  it('keeps destinations with equal keys in input order (stable)', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const order = sortDestinations(input, 'rfc6724').order;
        const groupOf = new Map(input.map((p) => [sortDestinations([p], 'rfc6724').order[0], p.group]));
        const inputIndex = new Map(input.map((p, i) => [sortDestinations([p], 'rfc6724').order[0], i]));
        const lastSeen = new Map<number, number>();
        for (const address of order) {
          const group = groupOf.get(address)!;
          const index = inputIndex.get(address)!;
          assert.ok((lastSeen.get(group) ?? -1) < index, `${address} moved ahead of an equal-key peer`);
          lastSeen.set(group, index);
        }
      }),
    );
  });
});
