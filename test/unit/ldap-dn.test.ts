// DN strings (RFC 4514): the examples of its §4, escapes, multi-valued RDNs,
// `#`-hex values, and what must be refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DnSyntaxError,
  dnEquals,
  escapeDnValue,
  formatDn,
  isWithin,
  parseDn,
} from '../../src/fronts/ldap/dn.ts';

describe('parseDn (RFC 4514)', () => {
  it('reads the examples of RFC 4514 §4', () => {
    assert.deepEqual(parseDn('UID=jsmith,DC=example,DC=net'), [
      [{ type: 'UID', value: 'jsmith' }],
      [{ type: 'DC', value: 'example' }],
      [{ type: 'DC', value: 'net' }],
    ]);
    assert.deepEqual(parseDn('OU=Sales+CN=J.  Smith,DC=example,DC=net')[0], [
      { type: 'OU', value: 'Sales' },
      { type: 'CN', value: 'J.  Smith' },
    ]);
    assert.deepEqual(parseDn('CN=James \\"Jim\\" Smith\\, III,DC=example,DC=net')[0], [
      { type: 'CN', value: 'James "Jim" Smith, III' },
    ]);
    assert.deepEqual(parseDn('CN=Before\\0dAfter,DC=example,DC=net')[0], [
      { type: 'CN', value: 'Before\rAfter' },
    ]);
    // A `#`-hex value is the BER encoding of the value: here OCTET STRING "Hi".
    assert.deepEqual(parseDn('1.3.6.1.4.1.1466.0=#04024869,DC=example,DC=com')[0], [
      { type: '1.3.6.1.4.1.1466.0', value: 'Hi' },
    ]);
    // UTF-8 written as hex escapes: "Lučić".
    assert.deepEqual(parseDn('CN=Lu\\C4\\8Di\\C4\\87')[0], [{ type: 'CN', value: 'Lučić' }]);
  });

  it('undoes escapes: \\2C and \\, are commas inside a value, \\\\ a backslash, \\+ a plus', () => {
    assert.equal(parseDn('uid=a\\2Cb,dc=x')[0]![0]!.value, 'a,b');
    assert.equal(parseDn('uid=a\\,b,dc=x')[0]![0]!.value, 'a,b');
    assert.equal(parseDn('cn=back\\\\slash')[0]![0]!.value, 'back\\slash');
    assert.equal(parseDn('cn=a\\+b')[0]![0]!.value, 'a+b');
    assert.equal(parseDn('cn=\\ lead and trail\\ ')[0]![0]!.value, ' lead and trail ');
    assert.equal(parseDn('cn=\\#not hex')[0]![0]!.value, '#not hex');
    assert.equal(parseDn('cn=x=y')[0]![0]!.value, 'x=y', "'=' need not be escaped");
    assert.equal(parseDn('uid=a\\2Cb,dc=x').length, 2);
  });

  it('reads multi-valued RDNs with +', () => {
    const dn = parseDn('cn=x+uid=y,ou=people,dc=example');
    assert.equal(dn.length, 3);
    assert.deepEqual(dn[0], [
      { type: 'cn', value: 'x' },
      { type: 'uid', value: 'y' },
    ]);
  });

  it('takes what older clients write: spaces around separators, ;, quoted values, OID. prefix', () => {
    assert.ok(
      dnEquals(
        parseDn('UID=a@b.com, OU=People , DC=Portcullis'),
        parseDn('uid=a@b.com,ou=people,dc=portcullis'),
      ),
    );
    assert.equal(parseDn('cn=a;dc=b').length, 2);
    assert.equal(parseDn('cn="Smith, John",dc=x')[0]![0]!.value, 'Smith, John');
    assert.deepEqual(parseDn('OID.2.5.4.3=x')[0], [{ type: '2.5.4.3', value: 'x' }]);
    assert.deepEqual(parseDn(''), [], 'the empty DN (the root DSE)');
  });

  it('refuses what is not a DN', () => {
    for (const bad of [
      'not a dn',
      'a@b.com',
      'uid',
      '=x',
      'uid=a,',
      'uid=a,,dc=b',
      'cn=a\\',
      'cn=a\\zz',
      'cn=a<b',
      'cn="unterminated',
      '1.2.=x',
      'cn=#0',
      'cn=#zz',
      'cn=#3003020101', // a SEQUENCE, not a string
      'cn=\\ff', // not UTF-8
    ])
      assert.throws(() => parseDn(bad), DnSyntaxError, bad);
  });
});

describe('comparing and writing DNs', () => {
  it('compares types and values case-insensitively, OIDs as their names, RDN members in any order', () => {
    assert.ok(dnEquals(parseDn('CN=Ann,DC=X'), parseDn('cn=ann,dc=x')));
    assert.ok(
      dnEquals(parseDn('2.5.4.3=Ann,0.9.2342.19200300.100.1.25=x'), parseDn('cn=ann,dc=x')),
    );
    assert.ok(dnEquals(parseDn('cn=x+uid=y'), parseDn('uid=y+cn=x')));
    assert.ok(!dnEquals(parseDn('cn=x+uid=y'), parseDn('cn=x')));
    assert.ok(!dnEquals(parseDn('cn=a\\,b'), parseDn('cn=a,cn=b')));
  });

  it('knows what lies within a base', () => {
    const base = parseDn('dc=contoso,dc=com');
    assert.ok(isWithin(parseDn('uid=a,ou=people,DC=Contoso,DC=com'), base));
    assert.ok(isWithin(base, base));
    assert.ok(!isWithin(parseDn('uid=a,dc=other,dc=com'), base));
    assert.ok(!isWithin(parseDn('dc=com'), base));
  });

  it('escapes on the way out (RFC 4514 §2.4) and reads its own output back', () => {
    assert.equal(escapeDnValue('a,b+c"d\\e<f>g;h=i'), 'a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h\\=i');
    assert.equal(escapeDnValue(' #x '), '\\ #x\\ ');
    assert.equal(escapeDnValue('#x'), '\\#x');
    for (const text of [
      'uid=a\\2Cb,dc=x',
      'cn=x+uid=y,dc=z',
      'cn=\\ a\\ ,dc=b',
      'cn=Lučić,o=x\\+y',
    ]) {
      const dn = parseDn(text);
      assert.ok(dnEquals(parseDn(formatDn(dn)), dn), text);
    }
    assert.equal(formatDn(parseDn('uid=a\\2Cb,dc=x')), 'uid=a\\,b,dc=x');
  });
});
