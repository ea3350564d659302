import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { glibcPolicyFromConf, loadGlibcPolicy, parseGaiConf } from '../../../src/dns/gai-conf.js';
import { mustParseIp } from '../../../src/dns/ip.js';
import { glibcBuiltinPolicy, labelOf, precedenceOf, scopeOf } from '../../../src/dns/policy.js';
import { type DestinationPair, sortDestinations } from '../../../src/dns/sort.js';

const fromConf = (text: string) => glibcPolicyFromConf(parseGaiConf(text, 'test/gai.conf'), 'test/gai.conf');

describe('glibc built-in tables', () => {
  const glibc = glibcBuiltinPolicy();
  it('classifies like sysdeps/posix/getaddrinfo.c', () => {
    const rows: Array<[string, number, number]> = [
      ['::1', 50, 0],
      ['2001:db8::1', 40, 1],
      ['192.0.2.1', 10, 4],
      ['2002::1', 30, 2],
      ['2001::1', 40, 7],
      ['fd00::1', 40, 6],
      ['::1.2.3.4', 20, 3],
      ['fec0::1', 40, 5],
      ['3ffe::1', 40, 1],
    ];
    for (const [address, precedence, label] of rows) {
      assert.equal(precedenceOf(glibc, mustParseIp(address)), precedence, address);
      assert.equal(labelOf(glibc, mustParseIp(address)), label, address);
    }
  });
  it('prefers a ULA over IPv4, where RFC 6724 prefers IPv4', () => {
    const input: DestinationPair[] = [
      { destination: '192.0.2.1', source: '192.0.2.2' },
      { destination: 'fd00::1', source: 'fd00::2' },
    ];
    assert.deepEqual(sortDestinations(input, glibc).order, ['fd00::1', '192.0.2.1']);
    assert.deepEqual(sortDestinations(input, 'rfc6724').order, ['192.0.2.1', 'fd00::1']);
  });
  it('applies rule 9 to IPv4 only inside the source subnet', () => {
    const input = (prefix?: number): DestinationPair[] => [
      { destination: '10.55.0.1', source: '10.99.0.2', ...(prefix ? { sourcePrefixLength: prefix } : {}) },
      { destination: '10.0.0.1', source: '10.0.0.2', ...(prefix ? { sourcePrefixLength: prefix } : {}) },
    ];
    assert.deepEqual(sortDestinations(input(24), glibc).order, ['10.0.0.1', '10.55.0.1']);
    assert.equal(sortDestinations(input(24), glibc).placements[1]?.rule, 9);
    // Unknown subnet: no IPv4 rule 9, as for RFC 6724 (which never applies it to IPv4).
    assert.deepEqual(sortDestinations(input(), glibc).order, ['10.55.0.1', '10.0.0.1']);
    assert.deepEqual(sortDestinations(input(24), 'rfc6724').order, ['10.55.0.1', '10.0.0.1']);
  });
  it('compares whole IPv6 addresses in rule 9 (no /64 cap)', () => {
    const input: DestinationPair[] = [
      { destination: '2001:db8::9', source: '2001:db8::1' },
      { destination: '2001:db8::3', source: '2001:db8::1' },
    ];
    assert.deepEqual(sortDestinations(input, glibc).order, ['2001:db8::3', '2001:db8::9']);
    assert.deepEqual(sortDestinations(input, 'rfc6724').order, ['2001:db8::9', '2001:db8::3']);
  });
});

describe('gai.conf', () => {
  it('a precedence line replaces the whole precedence table (plus implicit ::/0 40)', () => {
    const policy = fromConf('precedence ::ffff:0:0/96 100\n');
    assert.equal(precedenceOf(policy, mustParseIp('192.0.2.1')), 100);
    // The built-in rows are gone: ::1 and 2002::/16 fall to the implicit ::/0.
    assert.equal(precedenceOf(policy, mustParseIp('::1')), 40);
    assert.equal(precedenceOf(policy, mustParseIp('2002::1')), 40);
    // Labels are untouched.
    assert.equal(labelOf(policy, mustParseIp('2002::1')), 2);
    const noSources: DestinationPair[] = [
      { destination: '2002::1', source: null },
      { destination: '2001:db8::1', source: null },
    ];
    assert.deepEqual(sortDestinations(noSources, glibcBuiltinPolicy()).order, ['2001:db8::1', '2002::1']);
    assert.deepEqual(sortDestinations(noSources, policy).order, ['2002::1', '2001:db8::1']);
  });
  it('"precedence ::ffff:0:0/96 100" makes IPv4 win over global IPv6', () => {
    const input: DestinationPair[] = [
      { destination: '2001:db8::1', source: '2001:db8::2' },
      { destination: '192.0.2.1', source: '192.0.2.2' },
    ];
    assert.deepEqual(sortDestinations(input, glibcBuiltinPolicy()).order, ['2001:db8::1', '192.0.2.1']);
    assert.deepEqual(sortDestinations(input, fromConf('precedence ::ffff:0:0/96 100')).order, [
      '192.0.2.1',
      '2001:db8::1',
    ]);
  });
  it('a label line replaces the label table; an explicit ::/0 suppresses the implicit one', () => {
    const policy = fromConf('label ::1/128 0\nlabel ::/0 9 # everything else\n');
    assert.equal(labelOf(policy, mustParseIp('2002::1')), 9);
    assert.equal(labelOf(policy, mustParseIp('fd00::1')), 9);
    assert.equal(policy.labels.filter((e) => e.bits === 0).length, 1);
    assert.equal(precedenceOf(policy, mustParseIp('192.0.2.1')), 10);
  });
  it('longest prefix wins whatever the line order', () => {
    const policy = fromConf('precedence ::/0 40\nprecedence 2001:db8::/32 7\nprecedence 2001:db8:1::/48 60');
    assert.equal(precedenceOf(policy, mustParseIp('2001:db8:1::1')), 60);
    assert.equal(precedenceOf(policy, mustParseIp('2001:db8:2::1')), 7);
  });
  it('scopev4 lines replace the IPv4 scope table', () => {
    const policy = fromConf('scopev4 ::ffff:10.0.0.0/104 5\nscopev4 192.168.0.0/16 5\n');
    assert.equal(scopeOf(policy, mustParseIp('10.1.2.3')), 5);
    assert.equal(scopeOf(policy, mustParseIp('192.168.7.1')), 5);
    // 127/8 loses its built-in link scope: the table was replaced, and the implicit default is global.
    assert.equal(scopeOf(policy, mustParseIp('127.0.0.1')), 0xe);
  });
  it('reports lines glibc would skip, with file and line', () => {
    const conf = parseGaiConf(
      'label 10.0.0.0/8 3\nprecedence ::1/129 1\nfrobnicate x y\nreload yes\n',
      'x.conf',
    );
    assert.deepEqual(
      conf.warnings.map((w) => w.split(':').slice(0, 2).join(':')),
      ['x.conf:1', 'x.conf:2', 'x.conf:3'],
    );
    assert.equal(conf.labels.length + conf.precedence.length, 0);
  });
  it('loads from an injected path, and a missing default file means the built-in tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gai-'));
    try {
      const file = join(dir, 'gai.conf');
      writeFileSync(file, 'precedence ::ffff:0:0/96 100\n');
      assert.equal(precedenceOf(loadGlibcPolicy(file).policy, mustParseIp('192.0.2.1')), 100);
      const missing = loadGlibcPolicy(join(dir, 'absent.conf'));
      assert.equal(precedenceOf(missing.policy, mustParseIp('192.0.2.1')), 10);
      assert.match(missing.policy.origin, /built-in/);
      assert.throws(() => loadGlibcPolicy(join(dir, 'absent.conf'), true), /absent\.conf/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
