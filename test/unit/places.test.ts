import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { longestMatch } from '../../src/net/cidr.ts';
import { parseNamedLocation, placeOf } from '../../src/net/places.ts';

describe('longest-prefix match of IP ranges', () => {
  const match = longestMatch([
    '10.0.0.0/8',
    'not a range',
    '10.1.0.0/16',
    '10.1.2.0/24',
    '2001:db8::/32',
    '2001:db8:1::/48',
  ]);

  it('gives the index of the most specific range holding the address, whatever the order', () => {
    assert.equal(match('10.9.9.9'), 0);
    assert.equal(match('10.1.9.9'), 2);
    assert.equal(match('10.1.2.3'), 3);
    assert.equal(match('2001:db8:2::1'), 4);
    assert.equal(match('2001:DB8:1:0::1'), 5);
    assert.equal(longestMatch(['10.1.2.0/24', '10.0.0.0/8'])('10.1.2.3'), 0);
  });

  it('-1 for an address in no range, or not an address', () => {
    assert.equal(match('192.0.2.1'), -1);
    assert.equal(match('2001:db9::1'), -1);
    assert.equal(match(null), -1);
    assert.equal(match('not an address'), -1);
    assert.equal(longestMatch([])('10.0.0.1'), -1);
  });

  it('an IPv4-mapped address is its IPv4 address; a mapped IPv6 range counts as its IPv4 prefix', () => {
    assert.equal(match('::ffff:10.1.2.3'), 3);
    const mixed = longestMatch(['::ffff:10.0.0.0/104', '10.1.0.0/16']);
    assert.equal(mixed('10.1.0.1'), 1, '/16 is more specific than ::ffff:10.0.0.0/104 (/8)');
    assert.equal(mixed('10.2.0.1'), 0);
  });
});

describe('named locations', () => {
  it('reads a range and a name, canonically', () => {
    assert.deepEqual(parseNamedLocation('  10.1.0.0/16   Prague   office '), {
      range: '10.1.0.0/16',
      name: 'Prague office',
    });
    assert.deepEqual(parseNamedLocation('2001:DB8:0::/48\tBrno lab'), {
      range: '2001:db8::/48',
      name: 'Brno lab',
    });
    assert.deepEqual(parseNamedLocation('192.0.2.7 Reception'), {
      range: '192.0.2.7/32',
      name: 'Reception',
    });
  });

  it('says what is wrong with an entry', () => {
    const problem = (entry: string) => {
      const l = parseNamedLocation(entry);
      return 'problem' in l ? l.problem : '';
    };
    assert.match(problem('10.1.0.0/16'), /has no name/);
    assert.match(problem('Prague office'), /"Prague" is not an IP range/);
    assert.match(problem('10.1.0.0/33 Prague'), /"10\.1\.0\.0\/33" is not an IP range/);
    assert.match(problem(`10.1.0.0/16 ${'x'.repeat(81)}`), /longer than 80 characters/);
    assert.match(problem('10.1.0.0/16 Prague, 2nd floor'), /has a comma/);
    assert.match(problem('10.1.0.0/16 Prague\u0007'), /control character/);
  });

  it('the most specific named location wins', () => {
    const named = ['10.0.0.0/8 Head office', '10.1.0.0/16 Prague office', '2001:db8::/32 Lab'];
    assert.equal(placeOf('10.1.2.3', named), 'Prague office');
    assert.equal(placeOf('10.2.0.1', named), 'Head office');
    assert.equal(placeOf('::ffff:10.1.0.9', named), 'Prague office');
    assert.equal(placeOf('2001:db8::5', named), 'Lab');
  });

  it('a named location holding a private address names it; other private addresses are "Private network"', () => {
    const named = ['127.0.0.0/8 This server'];
    assert.equal(placeOf('127.0.0.1', named), 'This server');
    for (const ip of [
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.1',
      '169.254.10.10',
      'fd12:3456::1',
      'fc00::1',
      '::1',
      'fe80::1',
    ])
      assert.equal(placeOf(ip, named), 'Private network', ip);
    assert.equal(placeOf('10.0.0.1', [], 'Soukromá síť'), 'Soukromá síť', 'in the given words');
  });

  it('no place for other addresses, or none', () => {
    for (const ip of ['192.0.2.1', '172.32.0.1', '8.8.8.8', '2001:db8::1', '100.64.0.1'])
      assert.equal(placeOf(ip, []), null, ip);
    assert.equal(placeOf(null, ['10.0.0.0/8 Office']), null);
    assert.equal(placeOf('garbage', ['10.0.0.0/8 Office']), null);
  });

  it('a new list of named locations is looked up afresh (lookups are kept per list)', () => {
    // Changed settings are a new object with a new list, never the old one edited.
    assert.equal(placeOf('198.51.100.1', ['198.51.100.0/24 Branch']), 'Branch');
    assert.equal(placeOf('198.51.100.1', ['198.51.100.0/24 Warehouse']), 'Warehouse');
  });
});
