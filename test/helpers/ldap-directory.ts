// A small organisation for search-then-bind tests: a mail application with
// an LDAP service account, restricted to the group Staff; users inside and
// outside it, one blocked, one Enforced with an app password, one whose UPN
// needs escaping in a DN; and a second application restricted to another group.
import type { AppContext } from '../../src/context.ts';
import { setAppAccess } from '../../src/services/app-access.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createGroup } from '../../src/services/groups.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateUser } from '../../src/services/user-admin.ts';
import { createUser } from '../../src/services/users.ts';

export const BASE = 'dc=contoso,dc=com';
const actor = { name: 'test', ip: null };

export interface LdapDirectoryFixture {
  /** The mail application: service account, only Staff. */
  mail: { id: string; dn: string; secret: string };
  /** Another application (only Finance), with its own service account. */
  other: { id: string; dn: string; secret: string };
  /** An application open to all, for throttling tests. */
  open: { id: string; dn: string; secret: string };
  /** dave's app password, scoped to the mail application. */
  davePassword: string;
  /** The UPN that needs escaping in a DN, and its password. */
  odd: { upn: string; password: string };
  userDn(upn: string, appId: string): string;
}

export async function seedLdapDirectory(ctx: AppContext): Promise<LdapDirectoryFixture> {
  const made = async (name: string) => {
    const a = await createLegacyApp(ctx, { name, fronts: ['ldap'], ldapServiceAccount: true });
    return { id: a.id, ...a.ldapServiceAccount! };
  };
  const mail = await made('Mail');
  const other = await made('Payroll');
  const open = await made('Wiki');
  await createUser(ctx, {
    upn: 'alice@contoso.com',
    displayName: 'Alice Archer',
    password: 'alice password 1',
    profile: { name: { givenName: 'Alice', familyName: 'Archer' } },
  });
  await createUser(ctx, {
    upn: 'bob@contoso.com',
    displayName: 'Bob Blocked',
    password: 'bob password 1',
  });
  await createUser(ctx, {
    upn: 'carol@contoso.com',
    displayName: 'Carol Outside',
    password: 'carol password 1',
  });
  const dave = await createUser(ctx, {
    upn: 'dave@contoso.com',
    displayName: 'Dave Enforced',
    password: 'dave password 1',
    mfaState: 'Enforced',
  });
  await addRegistration(ctx, dave.id, 'PhoneAppOTP', {
    ok: true,
    secret: 'JBSWY3DPEHPK3PXP',
    details: {},
  });
  const davePassword = (await createAppPassword(ctx, dave.id, { name: 'Mail', scopes: [mail.id] }))
    .password;
  await createUser(ctx, {
    upn: 'erin@contoso.com',
    displayName: 'Erin Finance',
    password: 'erin password 1',
  });
  const odd = { upn: "o'hara+mail=1@contoso.com", password: 'ohara password 1' };
  await createUser(ctx, { upn: odd.upn, displayName: "Seán O'Hara", password: odd.password });
  await createGroup(ctx, actor, {
    displayName: 'Staff',
    description: 'Everyone on the payroll',
    members: ['alice@contoso.com', 'bob@contoso.com', 'dave@contoso.com', odd.upn],
  });
  await createGroup(ctx, actor, {
    displayName: 'Finance',
    members: ['erin@contoso.com', 'alice@contoso.com'],
  });
  await createGroup(ctx, actor, { displayName: 'Empty' });
  await updateUser(ctx, cliActor(), 'bob@contoso.com', { blockCredential: true });
  await setAppAccess(ctx, mail.id, { groups: ['Staff'] });
  await setAppAccess(ctx, other.id, { groups: ['Finance'] });
  return {
    mail,
    other,
    open,
    davePassword,
    odd,
    userDn: (upn, appId) =>
      `uid=${upn.replace(/[,+"\\<>;=]/g, '\\$&')},ou=people,o=${appId},${BASE}`,
  };
}
