// An application's LDAP service account: the identity a program such as
// Apache mod_authnz_ldap, Dovecot, Gitea, Grafana or Nextcloud binds as to
// search for a user before binding as that user ("search-then-bind"). One per
// legacy application, named `cn=service,o=<application id>,<base DN>`; it may
// read the users allowed to use its application and their groups, nothing
// else, and it signs no one in. Its secret is shown once; only a keyed hash
// is kept (random and long, so HMAC-SHA-256 as for app passwords).
import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { hmacSha256 } from '../crypto/hash.ts';
import type { Db } from '../db/index.ts';
import type { ApplicationsTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type ApplicationView, forgetApp, getApp, noSuchApp } from './applications.ts';
import { type Actor, audit } from './audit.ts';

/** The bind DN of an application's service account (the DN code loads with the LDAP front). */
export async function ldapServiceDn(baseDn: string, appId: string): Promise<string> {
  const { escapeDnValue } = await import('../fronts/ldap/dn.ts');
  return `cn=service,o=${escapeDnValue(appId)},${baseDn}`;
}

const hashOf = (ctx: AppContext, appId: string, secret: string) =>
  hmacSha256(ctx.keys.credentialHmac, `ldap-service:${appId}:${secret}`);

/** Whether `typed` is the application's service-account secret (compared in constant time). */
export function isLdapServiceSecret(
  ctx: AppContext,
  app: Pick<ApplicationsTable, 'id' | 'ldap_service_hash'>,
  typed: string,
): boolean {
  // The hash is computed either way, so an application without an account answers as slowly.
  const want = Buffer.from(hashOf(ctx, app.id, typed.slice(0, 512)));
  const have = Buffer.from(app.ldap_service_hash ?? '');
  return have.length === want.length && timingSafeEqual(have, want) && !!app.ldap_service_hash;
}

export interface NewLdapServiceAccount {
  /** The bind DN (`AuthLDAPBindDN`, Dovecot's `dn`). */
  dn: string;
  /** Shown once (`AuthLDAPBindPassword`, Dovecot's `dnpass`). */
  secret: string;
}

/**
 * Makes (or replaces) the service account of a legacy application that may
 * use the LDAP front, in the transaction given; the secret is returned once.
 */
export async function makeLdapServiceAccount(
  ctx: AppContext,
  trx: Db,
  app: Pick<ApplicationsTable, 'id' | 'name' | 'kind' | 'fronts' | 'ldap_service_hash'>,
  actor: Pick<Actor, 'name' | 'ip'>,
): Promise<NewLdapServiceAccount> {
  if (app.kind !== 'legacy')
    throw new AppError('invalid_request', {
      detail: `"${app.name}" is an OpenID Connect client: LDAP service accounts are for legacy applications.`,
    });
  if (!(JSON.parse(app.fronts) as string[]).includes('ldap'))
    throw new AppError('invalid_request', {
      detail: `"${app.name}" may not use the LDAP front: an LDAP service account would be of no use.`,
    });
  const secret = ctx.random.bytes(32).toString('base64url');
  await trx
    .updateTable('applications')
    .set({
      ldap_service_hash: hashOf(ctx, app.id, secret),
      ldap_service_created_at: ctx.clock.now(),
    })
    .where('id', '=', app.id)
    .execute();
  const dn = await ldapServiceDn(ctx.config.ldapBaseDn, app.id);
  await audit(ctx, trx, actor, {
    action: 'application_service_account_set',
    detail: { id: app.id, name: app.name, dn, replaced: !!app.ldap_service_hash },
  });
  return { dn, secret };
}

async function legacyAppIn(trx: Db, id: string) {
  const app = await trx
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id.slice(0, 64))
    .executeTakeFirst();
  if (!app) throw noSuchApp(id);
  return app;
}

/**
 * A new service account for an application (the old secret, if any, stops
 * working at once, on every node). Audited.
 */
export async function newLdapServiceAccount(
  ctx: AppContext,
  id: string,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<NewLdapServiceAccount & { application: ApplicationView }> {
  const made = await ctx.db
    .transaction()
    .execute(async (trx) => makeLdapServiceAccount(ctx, trx, await legacyAppIn(trx, id), actor));
  forgetApp(ctx, id);
  return { ...made, application: await getApp(ctx, id) };
}

/** Deletes an application's service account (nothing to delete: 404). Audited. */
export async function deleteLdapServiceAccount(
  ctx: AppContext,
  id: string,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView> {
  await ctx.db.transaction().execute(async (trx) => {
    const app = await legacyAppIn(trx, id);
    if (!app.ldap_service_hash)
      throw new AppError('not_found', {
        detail: `"${app.name}" has no LDAP service account.`,
      });
    await trx
      .updateTable('applications')
      .set({ ldap_service_hash: null, ldap_service_created_at: null })
      .where('id', '=', app.id)
      .execute();
    await audit(ctx, trx, actor, {
      action: 'application_service_account_deleted',
      detail: { id: app.id, name: app.name },
    });
  });
  forgetApp(ctx, id);
  return getApp(ctx, id);
}
