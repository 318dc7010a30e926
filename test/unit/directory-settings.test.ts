// The directory's settings as an administrator writes them: each mistake is a
// clear configuration error naming the setting, never a silent default.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/config/error.ts';
import { loadConfig } from '../../src/config/load.ts';
import { directorySettings } from '../../src/directory/settings.ts';

const base = {
  PORTCULLIS_DATA_DIR: tmpdir(),
  PORTCULLIS_SECRET_KEY: 'a'.repeat(64),
  PORTCULLIS_DIRECTORY_URL: 'ldaps://dc1.contoso.com, ldaps://dc2.contoso.com:3269',
  PORTCULLIS_DIRECTORY_BASE_DN: 'DC=contoso,DC=com',
};
const settings = (env: Record<string, string>) =>
  directorySettings(loadConfig({ ...base, ...env }));
const refused = (message: RegExp) => (e: unknown) =>
  e instanceof ConfigError && message.test(e.message);

describe('directory settings', () => {
  it('fills in each flavour’s defaults and reads several URLs', () => {
    const ad = settings({ PORTCULLIS_DIRECTORY_FLAVOUR: 'ad' })!;
    assert.deepEqual(ad.urls, ['ldaps://dc1.contoso.com', 'ldaps://dc2.contoso.com:3269']);
    assert.equal(ad.attributes.upn, 'userPrincipalName');
    assert.equal(ad.attributes.id, 'objectGUID');
    assert.equal(
      ad.userFilter.toString(),
      '(&(objectClass=user)(objectCategory=person)(userPrincipalName=*))',
    );
    const ol = settings({})!;
    assert.equal(ol.attributes.upn, 'mail');
    assert.equal(ol.attributes.id, 'entryUUID');
    assert.equal(ol.fallbacks.displayName, 'cn');
    assert.equal(ol.groupBaseDn, 'DC=contoso,DC=com');
    assert.equal(directorySettings(loadConfig({ PORTCULLIS_DATA_DIR: tmpdir() })), null);
  });

  it('changes the attribute map; an unknown field or a malformed pair is refused', () => {
    const s = settings({ PORTCULLIS_DIRECTORY_ATTRIBUTES: 'upn = uid , mobile=telephoneNumber' })!;
    assert.equal(s.attributes.upn, 'uid');
    assert.equal(s.attributes.mobile, 'telephoneNumber');
    assert.throws(
      () => settings({ PORTCULLIS_DIRECTORY_ATTRIBUTES: 'phone=mobile' }),
      refused(/PORTCULLIS_DIRECTORY_ATTRIBUTES: unknown field "phone"/),
    );
    for (const bad of ['upn', 'upn=', 'upn=a=b', 'upn=(mail)'])
      assert.throws(
        () => settings({ PORTCULLIS_DIRECTORY_ATTRIBUTES: bad }),
        refused(/is not field=attribute/),
        bad,
      );
  });

  it('refuses a filter that does not parse, naming the setting', () => {
    assert.throws(
      () => settings({ PORTCULLIS_DIRECTORY_USER_FILTER: '(&(objectClass=user)' }),
      refused(/PORTCULLIS_DIRECTORY_USER_FILTER: not an LDAP filter/),
    );
    assert.throws(
      () => settings({ PORTCULLIS_DIRECTORY_DISABLED_FILTER: 'disabled' }),
      refused(/PORTCULLIS_DIRECTORY_DISABLED_FILTER: not an LDAP filter/),
    );
  });

  it('reads the service password from a file (without its newline); a missing file is named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-dir-'));
    const file = path.join(dir, 'password');
    writeFileSync(file, 's3cret pass\n');
    const s = settings({
      PORTCULLIS_DIRECTORY_BIND_DN: 'cn=portcullis,dc=contoso,dc=com',
      PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE: file,
    })!;
    assert.equal(s.bindPassword, 's3cret pass');
    assert.throws(
      () =>
        settings({
          PORTCULLIS_DIRECTORY_BIND_DN: 'cn=portcullis,dc=contoso,dc=com',
          PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE: path.join(dir, 'missing'),
        }),
      refused(/Cannot read PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE .*missing: ENOENT/),
    );
  });

  it('refuses settings that do not go together, and URLs that are not LDAP', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { PORTCULLIS_DIRECTORY_BASE_DN: '' },
        /PORTCULLIS_DIRECTORY_URL needs PORTCULLIS_DIRECTORY_BASE_DN/,
      ],
      [{ PORTCULLIS_DIRECTORY_BIND_DN: 'cn=x' }, /PORTCULLIS_DIRECTORY_BIND_DN needs a password/],
      [
        {
          PORTCULLIS_DIRECTORY_BIND_PASSWORD: 'x',
          PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE: '/etc/x',
        },
        /set one, not both/,
      ],
      [
        { PORTCULLIS_DIRECTORY_URL: 'https://dc1.contoso.com' },
        /not an ldap:\/\/ or ldaps:\/\/ URL/,
      ],
      [{ PORTCULLIS_DIRECTORY_URL: 'ldap://dc1/dc=x?cn' }, /not an ldap:\/\/ or ldaps:\/\/ URL/],
      [{ PORTCULLIS_DIRECTORY_FLAVOUR: 'novell' }, /PORTCULLIS_DIRECTORY_FLAVOUR/],
    ];
    for (const [env, message] of cases)
      assert.throws(() => loadConfig({ ...base, ...env }), refused(message), JSON.stringify(env));
  });
});
