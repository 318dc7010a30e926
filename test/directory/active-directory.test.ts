// Active Directory, through Samba's domain controller: the `ad` flavour's
// defaults (userPrincipalName, objectGUID, userAccountControl's ACCOUNTDISABLE
// bit, groups inside groups), a service account bound by its UPN, LDAPS with
// the domain controller's certificate verified, a directory user's sign-in,
// and an account disabled or renamed in the directory.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { directoryOf } from '../../src/directory/index.ts';
import { syncDirectory } from '../../src/directory/sync.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { BASE, type Samba, sambaAvailable, startSamba, unicodePwd } from '../helpers/samba.ts';
import { requireTool } from '../helpers/server.ts';

const USERS = `CN=Users,${BASE}`;
const available = await sambaAvailable();

function user(
  cn: string,
  sam: string,
  opts: { password?: string; uac?: number; extra?: string } = {},
) {
  return [
    `dn: CN=${cn},${USERS}`,
    'objectClass: user',
    `sAMAccountName: ${sam}`,
    `userPrincipalName: ${sam}@contoso.test`,
    `displayName: ${cn}`,
    ...(opts.password ? [`unicodePwd:: ${unicodePwd(opts.password)}`] : []),
    `userAccountControl: ${opts.uac ?? 512}`,
    ...(opts.extra ? [opts.extra] : []),
    '',
  ].join('\n');
}

describe('Active Directory (Samba domain controller)', {
  skip: requireTool(
    available,
    'samba-ad-dc (samba, samba-tool, python3-samba; ports 389 and 636 free)',
  ),
  timeout: 5 * 60_000,
}, () => {
  let samba: Samba;
  let t: TestApp;
  const sync = () =>
    syncDirectory(t.ctx, directoryOf(t.ctx)!, { trigger: 'cli', actor: cliActor() });
  const find = (upn: string) => t.ctx.stores.users.findByUpn(upn);
  const signIn = async (upn: string, password: string) => {
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    return b.submit('/signin', { username: upn, password });
  };

  before(async () => {
    samba = await startSamba();
    samba.add(
      [
        user('Portcullis Service', 'svc-portcullis', { password: 'Svc-Passw0rd!1' }),
        user('Ada Lovelace', 'ada', {
          password: 'Ada-Passw0rd!1',
          extra: 'mobile: +33 6 12 34 56 78\npreferredLanguage: fr-FR\nmail: ada@contoso.test',
        }),
        // 514: NORMAL_ACCOUNT | ACCOUNTDISABLE.
        user('Bob Disabled', 'bob', { password: 'Bob-Passw0rd!1', uac: 514 }),
        user('Carl Finance', 'carl', { password: 'Carl-Passw0rd!1' }),
        `dn: CN=Portcullis Admins,${USERS}\nobjectClass: group\nsAMAccountName: portcullis-admins\nmember: CN=Ada Lovelace,${USERS}\n`,
        `dn: CN=Finance,${USERS}\nobjectClass: group\nsAMAccountName: finance\nmember: CN=Carl Finance,${USERS}\n`,
        `dn: CN=MFA Enforced,${USERS}\nobjectClass: group\nsAMAccountName: mfa-enforced\nmember: CN=Finance,${USERS}\n`,
      ].join('\n'),
    );
    t = await createTestApp({
      PORTCULLIS_DIRECTORY_URL: samba.ldapsUrl,
      PORTCULLIS_DIRECTORY_CA_FILE: samba.caFile,
      PORTCULLIS_DIRECTORY_TLS_SERVER_NAME: samba.serverName,
      PORTCULLIS_DIRECTORY_FLAVOUR: 'ad',
      PORTCULLIS_DIRECTORY_BIND_DN: 'svc-portcullis@contoso.test',
      PORTCULLIS_DIRECTORY_BIND_PASSWORD: 'Svc-Passw0rd!1',
      PORTCULLIS_DIRECTORY_BASE_DN: BASE,
      PORTCULLIS_DIRECTORY_ADMIN_GROUPS: 'Portcullis Admins',
      PORTCULLIS_DIRECTORY_ENFORCED_GROUPS: `CN=MFA Enforced,${USERS}`,
    });
  });
  after(async () => {
    await t?.close();
    await samba?.close();
  });

  it('syncs users over LDAPS with the AD defaults: UPN, objectGUID, disabled bit, nested groups', async () => {
    const r = await sync();
    const ada = (await find('ada@contoso.test'))!;
    assert.ok(ada, JSON.stringify(r));
    assert.match(ada.directory_id!, /^[0-9a-f]{32}$/, 'objectGUID, as hex');
    assert.equal(ada.directory_dn, `CN=Ada Lovelace,${USERS}`);
    assert.equal(ada.display_name, 'Ada Lovelace');
    assert.equal(ada.preferred_language, 'fr-FR');
    assert.equal(ada.directory_mail, 'ada@contoso.test');
    assert.equal(ada.is_admin, 1);
    assert.equal(await find('bob@contoso.test'), undefined, 'ACCOUNTDISABLE: not created');
    assert.equal(
      (await find('carl@contoso.test'))!.mfa_state,
      'Enforced',
      'a group inside a group',
    );
    assert.equal((await find('carl@contoso.test'))!.is_admin, 0);
    // Built-in accounts have no UPN: the default filter leaves them out, nothing to report.
    assert.deepEqual(r.errors, []);
    assert.equal(r.entries, 4);
  });

  it('a directory user signs in with the AD password; a wrong one is refused', async () => {
    // (In her language, French, from the directory.)
    assert.match(textOf((await signIn('ada@contoso.test', 'Ada-Passw0rd!1')).html), /Mon compte/);
    assert.equal((await signIn('ada@contoso.test', 'Ada-Passw0rd!2')).res.status, 401);
  });

  it('an account disabled in AD is refused at once, and blocked at the next sync', async () => {
    samba.tool(['user', 'disable', 'carl']);
    assert.equal((await signIn('carl@contoso.test', 'Carl-Passw0rd!1')).res.status, 401);
    await sync();
    const carl = (await find('carl@contoso.test'))!;
    assert.equal(carl.blocked, 1);
    assert.equal(carl.blocked_by, 'directory');
    samba.tool(['user', 'enable', 'carl']);
    await sync();
    assert.equal((await find('carl@contoso.test'))!.blocked, 0);
  });

  it('a user renamed in AD keeps their Portcullis account (found by objectGUID)', async () => {
    const before = (await find('ada@contoso.test'))!;
    samba.tool(['user', 'rename', 'ada', '--upn=ada.king@contoso.test']);
    const r = await sync();
    const after = await find('ada.king@contoso.test');
    assert.equal(after?.id, before.id, JSON.stringify(r.changes));
    assert.equal(await find('ada@contoso.test'), undefined);
    assert.match(
      textOf((await signIn('ada.king@contoso.test', 'Ada-Passw0rd!1')).html),
      /Mon compte/,
    );
  });
});
