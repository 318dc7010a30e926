import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { parseBindDn } from '../../src/fronts/ldap.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const hasLdapUtils = spawnSync('which', ['ldapwhoami']).status === 0;
const BASE = 'dc=portcullis';

describe('parseBindDn', () => {
  it('reads the user and the application from the bind DN forms', () => {
    assert.deepEqual(parseBindDn(`uid=a@b.com,ou=people,o=app-1,${BASE}`, BASE), {
      upn: 'a@b.com',
      appId: 'app-1',
    });
    assert.deepEqual(parseBindDn(`UID=a@b.com, OU=People, DC=Portcullis`, BASE), {
      upn: 'a@b.com',
      appId: null,
    });
    for (const bad of [
      '',
      'a@b.com',
      `cn=a,${BASE}`,
      `uid=a@b.com,ou=people,dc=other`,
      `uid=a,ou=groups,${BASE}`,
      `uid=a,ou=people,o=x,o=y,${BASE}`,
    ]) {
      assert.equal(parseBindDn(bad, BASE), null, bad);
    }
  });
});

describe('LDAP simple-bind front with ldapwhoami and ldapsearch', {
  skip: requireTool(hasLdapUtils, 'ldap-utils'),
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url: string;
  let mail: string;
  const pw: Record<string, string> = {};
  const dnOf = (upn: string, app: string | null) =>
    `uid=${upn},ou=people,${app ? `o=${app},` : ''}${BASE}`;
  const whoami = (dn: string, password: string) =>
    spawnSync('ldapwhoami', ['-x', '-H', url, '-D', dn, '-w', password], { encoding: 'utf8' });

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
    });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    mail = (await createLegacyApp(ctx, { name: 'Mail' })).id;
    const wiki = (await createLegacyApp(ctx, { name: 'Wiki' })).id;
    const enf = await createUser(ctx, {
      upn: 'lena@contoso.com',
      displayName: 'Lena Ldap',
      password: 'lena password 1',
      mfaState: 'Enforced',
    });
    await addRegistration(ctx, enf.id, 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    pw.mail = (await createAppPassword(ctx, enf.id, { name: 'Mail', scopes: [mail] })).password;
    pw.wiki = (await createAppPassword(ctx, enf.id, { name: 'Wiki', scopes: [wiki] })).password;
    pw.any = (await createAppPassword(ctx, enf.id, { name: 'Anything' })).password;
    await createUser(ctx, { upn: 'dan@contoso.com', password: 'dan password 1' });
    await ctx.db.destroy();
    server = await startServerProcess(db.env);
    for (let i = 0; i < 50 && !/"msg":"ldap listening"/.test(server.output()); i++)
      await new Promise((r) => setTimeout(r, 100));
    url = `ldap://127.0.0.1:${/"port":(\d+),"msg":"ldap listening"/.exec(server.output())![1]}`;
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('binds with an app password through its application DN; ldapwhoami shows who', () => {
    const r = whoami(dnOf('lena@contoso.com', mail), pw.mail!);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `dn:${dnOf('lena@contoso.com', mail)}`);
  });

  it('refuses a scoped app password through another application or no application; unscoped ones work without', () => {
    assert.equal(whoami(dnOf('lena@contoso.com', mail), pw.wiki!).status, 49);
    assert.equal(whoami(dnOf('lena@contoso.com', null), pw.mail!).status, 49);
    assert.equal(whoami(dnOf('lena@contoso.com', null), pw.any!).status, 0);
  });

  it('follows the MFA state: Enforced refuses the account password, Disabled accepts it', () => {
    assert.equal(whoami(dnOf('lena@contoso.com', mail), 'lena password 1').status, 49);
    assert.equal(whoami(dnOf('dan@contoso.com', null), 'dan password 1').status, 0);
  });

  it('refuses anonymous and empty-password binds and DNs outside the base', () => {
    assert.notEqual(
      spawnSync('ldapwhoami', ['-x', '-H', url], { encoding: 'utf8' }).stdout.trim(),
      'dn:',
      'no anonymous identity',
    );
    assert.notEqual(whoami(dnOf('dan@contoso.com', null), '').status, 0);
    assert.equal(whoami('uid=dan@contoso.com,ou=people,dc=elsewhere', 'dan password 1').status, 49);
  });

  it('a base-scope search returns the bound user its own entry, and nothing of others', () => {
    const dn = dnOf('lena@contoso.com', mail);
    const own = spawnSync(
      'ldapsearch',
      ['-x', '-LLL', '-H', url, '-D', dn, '-w', pw.mail!, '-b', dn, '-s', 'base'],
      { encoding: 'utf8' },
    );
    assert.equal(own.status, 0, own.stderr);
    assert.match(own.stdout, /^uid: lena@contoso\.com$/m);
    assert.match(own.stdout, /^mail: lena@contoso\.com$/m);
    assert.match(own.stdout, /^cn: Lena Ldap$/m);
    assert.match(own.stdout, /^displayName: Lena Ldap$/m);
    const other = spawnSync(
      'ldapsearch',
      [
        '-x',
        '-LLL',
        '-H',
        url,
        '-D',
        dn,
        '-w',
        pw.mail!,
        '-b',
        dnOf('dan@contoso.com', null),
        '-s',
        'base',
      ],
      { encoding: 'utf8' },
    );
    assert.doesNotMatch(other.stdout, /dan@contoso\.com/);
  });
});
