// What a search filter tells before any row is read: which kinds of entry it
// can match, and which users or groups the database is asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dn } from '../../src/fronts/ldap/dn.ts';
import { parseFilter } from '../../src/fronts/ldap/filter.ts';
import {
  GROUP_CLASSES,
  mayMatch,
  narrowGroups,
  narrowUsers,
  PERSON_CLASSES,
} from '../../src/fronts/ldap-directory.ts';

// A stand-in for the tree's locate(): our group and user DNs under o=app-1.
const locate = (dn: Dn) => {
  const [leaf, ou] = dn;
  if (ou?.[0]?.value === 'groups') return { kind: 'group' as const, name: leaf![0]!.value };
  if (ou?.[0]?.value === 'people') return { kind: 'user' as const, upn: leaf![0]!.value };
  return null;
};
const users = (f: string) => narrowUsers(parseFilter(f), locate);
const groups = (f: string) => narrowGroups(parseFilter(f), locate);

describe('LDAP directory: filters narrowed before the database is read', () => {
  it('looks up uid and mail equality by index, in any case, through and/or', () => {
    assert.deepEqual(users('(&(objectClass=inetOrgPerson)(uid=Alice@Contoso.com))'), {
      upns: ['alice@contoso.com'],
      mails: [],
      groupNames: [],
    });
    assert.deepEqual(users('(|(uid=a@x.com)(mail=b@x.com))'), {
      upns: ['a@x.com'],
      mails: ['b@x.com'],
      groupNames: [],
    });
    assert.deepEqual(users('(memberOf=cn=Staff,ou=groups,o=app-1,dc=x)')?.groupNames, ['staff']);
  });

  it('reads every row (a page at a time) when nothing indexed is named', () => {
    for (const f of [
      '(objectClass=*)',
      '(cn=Alice*)',
      '(!(uid=a@x.com))',
      '(|(uid=a@x.com)(cn=b))',
    ])
      assert.equal(users(f), null, f);
  });

  it('matches nothing for an attribute the entries do not have', () => {
    assert.deepEqual(groups('(uid=a@x.com)'), { names: [], memberUpns: [] });
    assert.deepEqual(users('(member=uid=a,ou=people,o=app-1,dc=x)'), {
      upns: [],
      mails: [],
      groupNames: [],
    });
    assert.deepEqual(groups('(&(objectClass=groupOfNames)(cn=Staff))')?.names, ['staff']);
    assert.deepEqual(groups('(member=uid=a@x.com,ou=people,o=app-1,dc=x)')?.memberUpns, [
      'a@x.com',
    ]);
  });

  it('skips a kind of entry the objectClass rules out', () => {
    assert.equal(mayMatch(parseFilter('(objectClass=groupOfNames)'), PERSON_CLASSES), false);
    assert.equal(mayMatch(parseFilter('(&(objectClass=person)(uid=a))'), GROUP_CLASSES), false);
    assert.equal(mayMatch(parseFilter('(|(objectClass=person)(cn=x))'), GROUP_CLASSES), true);
    assert.equal(mayMatch(parseFilter('(objectClass=top)'), GROUP_CLASSES), true);
  });
});
