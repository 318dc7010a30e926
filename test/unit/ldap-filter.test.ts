// Search filters (RFC 4515 strings, RFC 4511 §4.5.1 BER) and their evaluation
// over an entry (RFC 4511 §4.5.1.7: TRUE, FALSE, Undefined).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeMessage, tlv } from '../../src/fronts/ldap/ber.ts';
import {
  type Filter,
  FilterError,
  formatFilter,
  type LdapEntry,
  matches,
  parseFilter,
} from '../../src/fronts/ldap/filter.ts';

const entry: LdapEntry = {
  dn: 'uid=lena@contoso.com,ou=people,dc=portcullis',
  attributes: {
    objectClass: ['inetOrgPerson'],
    uid: ['lena@contoso.com'],
    mail: ['lena@contoso.com'],
    cn: ['Lena  Ldap'],
    displayName: ['Lena Ldap'],
    employeeNumber: ['42'],
    description: ['a*b (c) \\d'],
  },
};
const m = (f: string) => matches(parseFilter(f), entry);

describe('parseFilter and formatFilter (RFC 4515)', () => {
  it('reads the examples of RFC 4515 §4', () => {
    assert.deepEqual(parseFilter('(cn=Babs Jensen)'), {
      type: 'equal',
      attribute: 'cn',
      value: 'Babs Jensen',
    });
    assert.deepEqual(parseFilter('(!(cn=Tim Howes))'), {
      type: 'not',
      filter: { type: 'equal', attribute: 'cn', value: 'Tim Howes' },
    });
    assert.equal(parseFilter('(&(objectClass=Person)(|(sn=Jensen)(cn=Babs J*)))').type, 'and');
    assert.deepEqual(parseFilter('(o=univ*of*mich*)'), {
      type: 'substrings',
      attribute: 'o',
      initial: 'univ',
      any: ['of', 'mich'],
    });
    assert.deepEqual(parseFilter('(seeAlso=)'), { type: 'equal', attribute: 'seeAlso', value: '' });
    assert.deepEqual(parseFilter('(cn:caseExactMatch:=Fred Flintstone)'), {
      type: 'extensible',
      rule: 'caseExactMatch',
      attribute: 'cn',
      value: 'Fred Flintstone',
      dnAttributes: false,
    });
    assert.deepEqual(parseFilter('(sn:dn:2.4.6.8.10:=Barney Rubble)'), {
      type: 'extensible',
      rule: '2.4.6.8.10',
      attribute: 'sn',
      value: 'Barney Rubble',
      dnAttributes: true,
    });
    assert.deepEqual(parseFilter('(:1.2.3:=Wilma Flintstone)'), {
      type: 'extensible',
      rule: '1.2.3',
      value: 'Wilma Flintstone',
      dnAttributes: false,
    });
    // Escapes: \2a is '*', \28 '(', \29 ')', \5c '\', \00 NUL; UTF-8 as hex.
    assert.deepEqual(parseFilter('(o=Parens R Us \\28for all your parenthetical needs\\29)'), {
      type: 'equal',
      attribute: 'o',
      value: 'Parens R Us (for all your parenthetical needs)',
    });
    assert.deepEqual(parseFilter('(cn=*\\2A*)'), {
      type: 'substrings',
      attribute: 'cn',
      any: ['*'],
    });
    assert.deepEqual(parseFilter('(filename=C:\\5cMyFile)').type, 'equal');
    assert.equal((parseFilter('(sn=Lu\\c4\\8di\\c4\\87)') as { value: string }).value, 'Lučić');
    assert.deepEqual(parseFilter('uid=x'), { type: 'equal', attribute: 'uid', value: 'x' });
  });

  it('writes a filter back so that it reads the same', () => {
    for (const f of [
      '(&(objectClass=person)(|(uid=a\\2ab)(mail=*@contoso.com))(!(cn=x\\29)))',
      '(cn>=m)',
      '(cn<=m)',
      '(cn~=lena)',
      '(cn=*)',
      '(cn=a*b*c)',
      '(cn:dn:caseIgnoreMatch:=x)',
    ]) {
      const parsed = parseFilter(f);
      assert.deepEqual(parseFilter(formatFilter(parsed)), parsed, f);
    }
    assert.equal(
      formatFilter({ type: 'equal', attribute: 'cn', value: 'a*(b)\\' }),
      '(cn=a\\2a\\28b\\29\\5c)',
    );
  });

  it('refuses malformed strings', () => {
    for (const bad of [
      '(cn=a',
      'cn=a)',
      '(cn)',
      '(=a)',
      '(cn=a)(cn=b)',
      '(cn>=a*)',
      '(cn=a\\zz)',
      '(cn=a**b)',
      '(:=x)',
      '(&(cn=a)',
    ]) {
      assert.throws(() => parseFilter(bad), FilterError, bad);
    }
  });
});

describe('filterFromBer (RFC 4511 §4.5.1)', () => {
  /** Decodes the filter of a search request carrying these filter bytes. */
  const fromBer = (filter: Buffer): Filter => {
    const search = tlv(
      0x63,
      tlv(0x04, 'dc=x'),
      tlv(0x0a, Buffer.from([2])),
      tlv(0x0a, Buffer.from([0])),
      tlv(0x02, Buffer.from([0])),
      tlv(0x02, Buffer.from([0])),
      tlv(0x01, Buffer.from([0])),
      filter,
      tlv(0x30),
    );
    const message = decodeMessage(tlv(0x30, tlv(0x02, Buffer.from([1])), search));
    assert.equal(message.request.op, 'search');
    return (message.request as { filter: Filter }).filter;
  };
  const ava = (id: number, a: string, v: string) => tlv(id, tlv(0x04, a), tlv(0x04, v));

  it('decodes each choice', () => {
    assert.deepEqual(fromBer(tlv(0xa0, ava(0xa3, 'uid', 'x'), tlv(0xa2, tlv(0x87, 'mail')))), {
      type: 'and',
      filters: [
        { type: 'equal', attribute: 'uid', value: 'x' },
        { type: 'not', filter: { type: 'present', attribute: 'mail' } },
      ],
    });
    assert.deepEqual(
      fromBer(tlv(0xa1, ava(0xa5, 'n', '1'), ava(0xa6, 'n', '9'), ava(0xa8, 'cn', 'y'))),
      {
        type: 'or',
        filters: [
          { type: 'ge', attribute: 'n', value: '1' },
          { type: 'le', attribute: 'n', value: '9' },
          { type: 'approx', attribute: 'cn', value: 'y' },
        ],
      },
    );
    assert.deepEqual(
      fromBer(
        tlv(0xa4, tlv(0x04, 'cn'), tlv(0x30, tlv(0x80, 'a'), tlv(0x81, 'b'), tlv(0x82, 'c'))),
      ),
      { type: 'substrings', attribute: 'cn', initial: 'a', any: ['b'], final: 'c' },
    );
    assert.deepEqual(
      fromBer(
        tlv(
          0xa9,
          tlv(0x81, '2.5.13.2'),
          tlv(0x82, 'cn'),
          tlv(0x83, 'x'),
          tlv(0x84, Buffer.from([0xff])),
        ),
      ),
      { type: 'extensible', rule: '2.5.13.2', attribute: 'cn', value: 'x', dnAttributes: true },
    );
  });

  it('refuses what RFC 4511 does not allow', () => {
    const bad = [
      tlv(0xaa, tlv(0x04, 'x')), // no such choice
      tlv(0xa3, tlv(0x04, 'uid')), // an assertion without a value
      tlv(0xa4, tlv(0x04, 'cn'), tlv(0x30)), // no substrings
      tlv(0xa4, tlv(0x04, 'cn'), tlv(0x30, tlv(0x81, 'b'), tlv(0x80, 'a'))), // initial not first
      tlv(0xa2, ava(0xa3, 'a', 'b'), ava(0xa3, 'a', 'b')), // not of two
      tlv(0xa9, tlv(0x83, 'x')), // neither a rule nor a type
    ];
    for (const f of bad) assert.throws(() => fromBer(f), Error, f.toString('hex'));
  });
});

describe('matches', () => {
  it('equality, presence and substrings, case-insensitively', () => {
    assert.ok(m('(uid=LENA@contoso.com)'));
    assert.ok(m('(OBJECTCLASS=inetorgperson)'));
    assert.ok(m('(objectClass=*)'));
    assert.ok(m('(mail=*)'));
    assert.ok(!m('(telephoneNumber=*)'));
    assert.ok(m('(mail=lena@*)'));
    assert.ok(m('(mail=*@CONTOSO.com)'));
    assert.ok(m('(cn=le*l*p)'));
    assert.ok(!m('(cn=ldap*)'));
    assert.ok(m('(cn=Lena Ldap)'), 'runs of spaces count as one');
    assert.ok(m('(description=a\\2ab \\28c\\29 \\5cd)'));
    assert.ok(!m('(uid=dan@contoso.com)'));
  });

  it('and, or, not', () => {
    assert.ok(m('(&(uid=lena@contoso.com)(objectClass=inetOrgPerson))'));
    assert.ok(!m('(&(uid=lena@contoso.com)(objectClass=group))'));
    assert.ok(m('(|(uid=nobody)(mail=lena@contoso.com))'));
    assert.ok(m('(!(uid=nobody))'));
    assert.ok(m('(&)'), 'the empty and is TRUE (RFC 4526)');
    assert.ok(!m('(|)'), 'the empty or is FALSE');
  });

  it('ordering, approximate and extensible matches', () => {
    assert.ok(m('(employeeNumber>=9)'), 'numbers as numbers');
    assert.ok(!m('(employeeNumber<=9)'));
    assert.ok(m('(cn>=k)'));
    assert.ok(m('(displayName~=lenaldap)'));
    assert.ok(m('(cn:caseIgnoreMatch:=lena  ldap)'));
    assert.ok(!m('(cn:caseExactMatch:=lena  ldap)'));
    assert.ok(m('(ou:dn:=People)'), 'a value from the DN');
    assert.ok(!m('(ou:=People)'), 'not without :dn');
  });

  it('Undefined is neither TRUE nor, under NOT, FALSE', () => {
    assert.ok(!m('(cn:1.2.3.4:=x)'));
    assert.ok(!m('(!(cn:1.2.3.4:=x))'));
    assert.ok(m('(|(cn:1.2.3.4:=x)(uid=lena@contoso.com))'));
    assert.ok(!m('(&(cn:1.2.3.4:=x)(uid=lena@contoso.com))'));
  });
});
