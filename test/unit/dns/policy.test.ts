import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonPrefixLen, formatIpv6, mustParseIp, parseIp } from '../../../src/dns/ip.js';
import { labelOf, precedenceOf, rfc3484Policy, rfc6724Policy, scopeOf } from '../../../src/dns/policy.js';

const rfc6724 = rfc6724Policy();

describe('RFC 6724 classification (policy table)', () => {
  const vectors: Array<[string, number, number]> = [
    ['127.0.0.1', 35, 4],
    ['2601:645:8002:a500:986f:1db8:c836:bd65', 40, 1],
    ['::1', 50, 0],
    ['2002::ab12', 30, 2],
    ['2001::1', 5, 5],
    ['fd00::1', 3, 13],
    ['::1.2.3.4', 1, 3],
    ['fec0::1', 1, 11],
    ['3ffe::1', 1, 12],
  ];
  for (const [address, precedence, label] of vectors) {
    it(`${address} → precedence ${precedence}, label ${label}`, () => {
      assert.equal(precedenceOf(rfc6724, mustParseIp(address)), precedence);
      assert.equal(labelOf(rfc6724, mustParseIp(address)), label);
    });
  }
  it('RFC 3484 gives IPv4 precedence 10 and has no ULA row', () => {
    assert.equal(precedenceOf(rfc3484Policy(), mustParseIp('192.0.2.1')), 10);
    assert.equal(precedenceOf(rfc3484Policy(), mustParseIp('fd00::1')), 40);
    assert.equal(labelOf(rfc3484Policy(), mustParseIp('fd00::1')), 1);
  });
});

describe('scope', () => {
  const vectors: Array<[string, number]> = [
    ['127.0.0.1', 0x2],
    ['::1', 0x2],
    ['169.254.1.2', 0x2],
    ['fec0::1', 0x5],
    ['8.8.8.8', 0xe],
    ['ff02::', 0x2],
    ['ff04::', 0x4],
    ['ff05::', 0x5],
    ['ff0e::', 0xe],
    ['224.0.0.0', 0xe],
    ['224.2.2.2', 0xe],
    ['10.1.2.3', 0xe],
    ['100.64.0.1', 0xe],
    ['fe80::1', 0x2],
  ];
  for (const [address, scope] of vectors) {
    it(`${address} → 0x${scope.toString(16)}`, () =>
      assert.equal(scopeOf(rfc6724, mustParseIp(address)), scope));
  }
  it('RFC 3484 treats RFC 1918 as site-local', () => {
    assert.equal(scopeOf(rfc3484Policy(), mustParseIp('10.1.2.3')), 0x5);
    assert.equal(scopeOf(rfc3484Policy(), mustParseIp('172.31.0.1')), 0x5);
    assert.equal(scopeOf(rfc3484Policy(), mustParseIp('172.32.0.1')), 0xe);
  });
});

describe('CommonPrefixLen', () => {
  const cpl = (a: string, b: string) => commonPrefixLen(mustParseIp(a), mustParseIp(b));
  it('Go vectors', () => {
    assert.equal(cpl('fe80::1', 'fe80::2'), 64);
    assert.equal(cpl('fe81::1', 'fe80::2'), 15);
    assert.equal(cpl('127.0.0.1', 'fe80::1'), 0);
    assert.equal(cpl('1.2.3.4', '1.2.3.4'), 32);
    [255, 127, 63, 31, 15, 7, 3, 1, 0].forEach((third, i) => {
      assert.equal(cpl(`1.2.${third}.255`, '1.2.0.0'), 16 + i);
    });
  });
  it('whole-address length when uncapped', () => {
    assert.equal(commonPrefixLen(mustParseIp('2001:db8::1'), mustParseIp('2001:db8::1'), 128), 128);
    assert.equal(commonPrefixLen(mustParseIp('2001:db8::1'), mustParseIp('2001:db8::3'), 128), 126);
  });
});

describe('address parsing', () => {
  it('canonicalises IPv6 and handles embedded IPv4 and zones', () => {
    assert.equal(parseIp('2001:DB8:0:0:0:0:0:1')?.text, '2001:db8::1');
    assert.equal(parseIp('fe80::1%eth0')?.text, 'fe80::1');
    assert.equal(parseIp('::ffff:192.0.2.1')?.text, '::ffff:c000:201');
    assert.equal(parseIp('192.0.2.1')?.family, 4);
    assert.equal(parseIp('nonsense'), null);
    assert.equal(formatIpv6(new Uint8Array(16)), '::');
    assert.equal(parseIp('1:0:0:1:0:0:0:1')?.text, '1:0:0:1::1');
  });
});
