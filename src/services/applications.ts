import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { ApplicationsTable, Front, RadiusMode } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type AppStrength, parseAppStrength, stronger } from '../policy/strength.ts';
import { appAccessStore } from '../storage/app-access.ts';
import { type Actor, audit } from './audit.ts';
import type { CacheView } from './cache.ts';
import { makeLdapServiceAccount, type NewLdapServiceAccount } from './ldap-service-accounts.ts';
import { type SamlView, serviceProvidersOf, toSamlView } from './saml-apps.ts';
import { type IdTokenAlg, idTokenAlgOf } from './signing-algs.ts';
import { printable } from './validation.ts';

export const legacyFronts: readonly Front[] = ['verify', 'forward-auth', 'ldap', 'radius'];
export const radiusModes: readonly RadiusMode[] = ['app-password', 'mfa'];

export interface ApplicationView {
  id: string;
  name: string;
  kind: 'legacy' | 'oidc' | 'saml';
  fronts: Front[];
  hasRadiusSecret: boolean;
  createdAt: string;
  /** OpenID Connect clients. */
  redirectUris: string[];
  /** Where RP-initiated logout may send people back (OpenID Connect RP-Initiated Logout §3.1). */
  postLogoutRedirectUris: string[];
  grantTypes: string[];
  /** Web clients: where OpenID Connect Back-Channel Logout tokens are posted; null: none. */
  backchannelLogoutUri: string | null;
  /** A confidential client (it authenticates with a client secret). */
  hasClientSecret: boolean;
  /** Requires MFA of everyone (a strength other than `none`). */
  requireMfa: boolean;
  /** OpenID Connect clients: the authentication strength required (`none`: the user's own MFA state decides). */
  strength: AppStrength;
  firstParty: boolean;
  /** OpenID Connect clients: how their ID tokens are signed (RS256 or ES256). */
  idTokenSigningAlg: IdTokenAlg;
  /** Legacy applications: what the RADIUS front asks (README "RADIUS"). */
  radiusMode: RadiusMode;
  /** Legacy applications: Access-Requests without a Message-Authenticator are dropped. */
  radiusMessageAuthenticator: boolean;
  /** Legacy: it has an LDAP service account (`cn=service,o=<id>,<base DN>`) for search-then-bind. */
  hasLdapServiceAccount: boolean;
  /** Legacy: only members of `groups` may use it (Microsoft's "assignment required"). */
  assignmentRequired: boolean;
  /** The groups assigned to it, by name. */
  groups: string[];
  /** SAML applications: their service provider. */
  saml: SamlView | null;
}

const aad = (id: string) => `applications:${id}:radius`;

export const toApplicationView = (a: ApplicationsTable): ApplicationView => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  fronts: JSON.parse(a.fronts) as Front[],
  hasRadiusSecret: a.radius_secret_sealed !== null,
  createdAt: new Date(a.created_at).toISOString(),
  redirectUris: JSON.parse(a.redirect_uris) as string[],
  postLogoutRedirectUris: JSON.parse(a.post_logout_redirect_uris) as string[],
  grantTypes: JSON.parse(a.grant_types) as string[],
  backchannelLogoutUri: a.backchannel_logout_uri ?? null,
  hasClientSecret: a.client_secret_sealed !== null,
  requireMfa: a.require_mfa === 1 || a.strength !== 'none',
  strength: a.strength !== 'none' ? a.strength : a.require_mfa === 1 ? 'mfa' : 'none',
  firstParty: a.first_party === 1,
  idTokenSigningAlg: a.id_token_alg,
  radiusMode: a.radius_mode,
  radiusMessageAuthenticator: a.radius_message_authenticator === 1,
  hasLdapServiceAccount: !!a.ldap_service_hash,
  assignmentRequired: a.assignment_required === 1,
  groups: [],
  saml: null,
});

/** Views with the groups assigned to each application. */
async function withGroups(ctx: AppContext, rows: ApplicationsTable[]): Promise<ApplicationView[]> {
  const groups = await appAccessStore(ctx.db).groupsOf(
    rows.filter((r) => r.assignment_required === 1).map((r) => r.id),
  );
  const sps = await serviceProvidersOf(
    ctx,
    rows.filter((r) => r.kind === 'saml').map((r) => r.id),
  );
  return rows.map((r) => {
    const sp = sps.get(r.id);
    return {
      ...toApplicationView(r),
      groups: (groups.get(r.id) ?? []).map((g) => g.name),
      saml: sp ? toSamlView(sp) : null,
    };
  });
}

const secretAad = (id: string) => `applications:${id}:client_secret`;

/** How the two kinds of URI are named in refusals. */
const URI_KINDS = {
  redirect: { one: 'A redirect URI', many: 'Redirect URIs', few: 'redirect URIs' },
  postLogout: {
    one: 'A post-logout redirect URI',
    many: 'Post-logout redirect URIs',
    few: 'post-logout redirect URIs',
  },
  backchannel: {
    one: 'A back-channel logout URI',
    many: 'Back-channel logout URIs',
    few: 'back-channel logout URIs',
  },
  acs: { one: 'An ACS URL', many: 'ACS URLs', few: 'ACS URLs' },
  slo: { one: 'A Single Logout URL', many: 'Single Logout URLs', few: 'Single Logout URLs' },
} as const;
type UriKind = keyof typeof URI_KINDS;

/**
 * An absolute redirect URI: https, or http only for loopback (RFC 8252); no
 * fragment. Post-logout redirect URIs follow the same rules (OpenID Connect
 * RP-Initiated Logout §3.1 compares them exactly, like redirect URIs).
 */
export function parseRedirectUri(raw: string, kind: UriKind = 'redirect'): string {
  const { one, many } = URI_KINDS[kind];
  if (raw.length > 2000)
    throw new AppError('invalid_request', {
      detail: `${one} is at most 2000 characters long.`,
    });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('invalid_request', { detail: `"${raw.slice(0, 200)}" is not a URL.` });
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new AppError('invalid_request', {
      detail: `${many} use https (http only for localhost): "${raw.slice(0, 200)}".`,
    });
  if (url.hash || raw.includes('#') || url.username || url.password)
    throw new AppError('invalid_request', {
      detail: `${one} has no fragment or credentials: "${raw.slice(0, 200)}".`,
    });
  return url.toString();
}

/** A list of redirect URIs, checked and without repeats; at most 20. */
function parseUriList(list: readonly string[] | undefined, kind: UriKind): string[] {
  if ((list ?? []).length > 20)
    throw new AppError('invalid_request', {
      detail: `Give at most 20 ${URI_KINDS[kind].few}.`,
    });
  return [...new Set((list ?? []).map((u) => parseRedirectUri(u, kind)))];
}

/** The device authorization grant's type (RFC 8628 §3.4). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** A back-channel logout URI as given ('' or null: none); only a web client signs people in from a browser session. */
function backchannelUriOf(type: OidcClientType, raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  if (type !== 'web')
    throw new AppError('invalid_request', {
      detail:
        'Only a web client has a back-channel logout URI (it is told when browser sessions end).',
    });
  return parseRedirectUri(raw, 'backchannel');
}

/**
 * What an OpenID Connect client is: a web application (it sends people back
 * to redirect URIs), a machine client (client credentials, no one signs in)
 * or a device client (a public client its user signs in for at /device).
 */
export type OidcClientType = 'web' | 'machine' | 'device';

export const clientTypeOf = (grantTypes: readonly string[]): OidcClientType =>
  grantTypes.includes('client_credentials')
    ? 'machine'
    : grantTypes.includes(DEVICE_CODE_GRANT)
      ? 'device'
      : 'web';

const GRANT_TYPES: Record<OidcClientType, string[]> = {
  web: ['authorization_code', 'refresh_token'],
  machine: ['client_credentials'],
  device: [DEVICE_CODE_GRANT, 'refresh_token'],
};

/** Only a web client is sent anywhere: machine and device clients have no redirect URIs of either kind. */
function checkClientUris(
  type: OidcClientType,
  redirectUris: readonly string[],
  postLogoutRedirectUris: readonly string[],
): void {
  const who =
    type === 'machine'
      ? 'A machine client signs no one in'
      : 'A device client is signed in at /device, not sent back';
  if (type !== 'web' && redirectUris.length > 0)
    throw new AppError('invalid_request', { detail: `${who}: it has no redirect URIs.` });
  if (type !== 'web' && postLogoutRedirectUris.length > 0)
    throw new AppError('invalid_request', {
      detail: `${type === 'machine' ? `${who} (or out)` : who}: it has no post-logout redirect URIs.`,
    });
  if (type === 'web' && redirectUris.length === 0)
    throw new AppError('invalid_request', {
      detail: 'Give at least one redirect URI (or make it a machine or device client).',
    });
}

export interface OidcAppInput {
  name: string;
  redirectUris?: readonly string[];
  postLogoutRedirectUris?: readonly string[];
  /** Shorthand for the `mfa` strength. */
  requireMfa?: boolean;
  /** `none`, `mfa`, `passwordless` or `phishing-resistant`. */
  strength?: string;
  firstParty?: boolean;
  machine?: boolean;
  device?: boolean;
  /** Web clients: where Back-Channel Logout tokens go (same rules as redirect URIs). */
  backchannelLogoutUri?: string;
  /** RS256 (the default, what every client understands) or ES256. */
  idTokenSigningAlg?: string;
}

/**
 * Registers an OpenID Connect client: a web application (authorization code
 * with PKCE, refresh tokens) with redirect URIs, a machine client (client
 * credentials) or a device client (the device authorization grant, refresh
 * tokens). The client secret is returned once and kept sealed; a device
 * client is public (a program on people's machines keeps no secret), so it
 * has none.
 */
type Created<S> = { application: ApplicationView; clientSecret: S };
export async function createOidcApp(
  ctx: AppContext,
  input: OidcAppInput & { device: true },
  actor?: Pick<Actor, 'name' | 'ip'>,
): Promise<Created<null>>;
export async function createOidcApp(
  ctx: AppContext,
  input: OidcAppInput & { device?: false },
  actor?: Pick<Actor, 'name' | 'ip'>,
): Promise<Created<string>>;
export async function createOidcApp(
  ctx: AppContext,
  input: OidcAppInput,
  actor?: Pick<Actor, 'name' | 'ip'>,
): Promise<Created<string | null>>;
export async function createOidcApp(
  ctx: AppContext,
  input: OidcAppInput,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<Created<string | null>> {
  const name = printable(input.name).trim();
  if (!name || name.length > 100)
    throw new AppError('invalid_request', {
      detail: 'An application needs a name of 1 to 100 characters.',
    });
  const redirectUris = parseUriList(input.redirectUris, 'redirect');
  const postLogoutRedirectUris = parseUriList(input.postLogoutRedirectUris, 'postLogout');
  if (input.machine && input.device)
    throw new AppError('invalid_request', {
      detail: 'A client is a machine client or a device client, not both.',
    });
  const type: OidcClientType = input.machine ? 'machine' : input.device ? 'device' : 'web';
  checkClientUris(type, redirectUris, postLogoutRedirectUris);
  const backchannelLogoutUri = backchannelUriOf(type, input.backchannelLogoutUri);
  const idTokenAlg = idTokenAlgOf(input.idTokenSigningAlg ?? 'RS256');
  const strength = stronger(
    input.strength === undefined ? 'none' : parseAppStrength(input.strength),
    input.requireMfa ? 'mfa' : 'none',
  );
  const id = `app-${ctx.random.bytes(6).toString('hex')}`;
  const clientSecret = type === 'device' ? null : ctx.random.bytes(32).toString('base64url');
  const row: ApplicationsTable = {
    id,
    name,
    kind: 'oidc',
    fronts: '[]',
    radius_secret_sealed: null,
    created_at: ctx.clock.now(),
    redirect_uris: JSON.stringify(redirectUris),
    post_logout_redirect_uris: JSON.stringify(postLogoutRedirectUris),
    grant_types: JSON.stringify(GRANT_TYPES[type]),
    backchannel_logout_uri: backchannelLogoutUri,
    client_secret_sealed: clientSecret === null ? null : ctx.box.seal(clientSecret, secretAad(id)),
    require_mfa: strength === 'none' ? 0 : 1,
    strength,
    first_party: input.firstParty ? 1 : 0,
    id_token_alg: idTokenAlg,
    radius_mode: 'app-password',
    radius_message_authenticator: 1,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('applications').values(row).execute();
    await audit(ctx, trx, actor, {
      action: 'application_created',
      detail: {
        id,
        name,
        kind: 'oidc',
        clientType: type,
        redirectUris,
        postLogoutRedirectUris,
        ...(backchannelLogoutUri ? { backchannelLogoutUri } : {}),
        requireMfa: strength !== 'none',
        strength,
        idTokenSigningAlg: idTokenAlg,
      },
    });
  });
  return { application: toApplicationView(row), clientSecret };
}

/** The client secret of an OpenID Connect application (sealed at rest). */
export const clientSecretOf = (ctx: AppContext, app: ApplicationsTable) =>
  app.client_secret_sealed ? ctx.box.open(app.client_secret_sealed, secretAad(app.id)) : null;

/** A RADIUS mode as typed (CLI, API, portal): refused unless it is one of `radiusModes`. */
export function parseRadiusMode(mode: string): RadiusMode {
  if (!radiusModes.includes(mode as RadiusMode))
    throw new AppError('invalid_request', {
      detail: `Unknown RADIUS mode "${printable(mode).slice(0, 40)}": use ${radiusModes.join(' or ')}.`,
    });
  return mode as RadiusMode;
}

/** What a legacy application's RADIUS settings may be given as. */
export interface RadiusSettings {
  /** Default `app-password` (today's behaviour). */
  radiusMode?: string;
  /** Default true: requests without a Message-Authenticator are dropped. */
  radiusMessageAuthenticator?: boolean;
}

/** Registers a legacy application (IMAP server, VPN, proxied site); its id names it on every front. */
export async function createLegacyApp(
  ctx: AppContext,
  input: {
    name: string;
    fronts?: readonly string[];
    radiusSecret?: string;
    /** Make its LDAP service account too (its DN and secret are in the answer, once). */
    ldapServiceAccount?: boolean;
  } & RadiusSettings,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView & { ldapServiceAccount?: NewLdapServiceAccount }> {
  const name = printable(input.name).trim();
  if (!name || name.length > 100)
    throw new AppError('invalid_request', {
      detail: 'An application needs a name of 1 to 100 characters.',
    });
  const fronts = [...new Set(input.fronts ?? legacyFronts)];
  const unknown = fronts.filter((f) => !legacyFronts.includes(f as Front));
  if (unknown.length)
    throw new AppError('invalid_request', {
      detail: `Unknown front ${unknown.join(', ')}: use ${legacyFronts.join(', ')}.`,
    });
  if (fronts.length === 0)
    throw new AppError('invalid_request', {
      detail: `Choose at least one front (${legacyFronts.join(', ')}).`,
    });
  if (
    input.radiusSecret !== undefined &&
    (input.radiusSecret.length < 16 || input.radiusSecret.length > 128)
  ) {
    throw new AppError('invalid_request', {
      detail: 'A RADIUS shared secret must be 16 to 128 characters long.',
    });
  }
  const radiusMode = parseRadiusMode(input.radiusMode ?? 'app-password');
  const id = `app-${ctx.random.bytes(6).toString('hex')}`;
  const row: ApplicationsTable = {
    id,
    name,
    kind: 'legacy',
    fronts: JSON.stringify(fronts),
    radius_secret_sealed: input.radiusSecret ? ctx.box.seal(input.radiusSecret, aad(id)) : null,
    created_at: ctx.clock.now(),
    redirect_uris: '[]',
    post_logout_redirect_uris: '[]',
    grant_types: '[]',
    client_secret_sealed: null,
    require_mfa: 0,
    strength: 'none',
    first_party: 0,
    id_token_alg: 'RS256',
    radius_mode: radiusMode,
    radius_message_authenticator: input.radiusMessageAuthenticator === false ? 0 : 1,
  };
  const account = await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('applications').values(row).execute();
    await audit(ctx, trx, actor, {
      action: 'application_created',
      detail: {
        id,
        name,
        fronts,
        radiusMode,
        radiusMessageAuthenticator: row.radius_message_authenticator === 1,
      },
    });
    return input.ldapServiceAccount ? makeLdapServiceAccount(ctx, trx, row, actor) : undefined;
  });
  const view = toApplicationView({ ...row, ldap_service_hash: account ? 'set' : null });
  return account ? { ...view, ldapServiceAccount: account } : view;
}

export async function listApps(ctx: AppContext): Promise<ApplicationView[]> {
  const rows = await ctx.db
    .selectFrom('applications')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute();
  return withGroups(ctx, rows);
}

/** An application by id, as it stands when `cache` read its epoch (ctx.dataCache: at once everywhere). */
export const findApp = (ctx: AppContext, id: string, cache: CacheView = ctx.dataCache) =>
  // No application's id has control characters (a RADIUS NAS-Identifier may: PostgreSQL
  // refuses a NUL in text, which made every such datagram a logged error).
  printable(id) !== id
    ? Promise.resolve(undefined)
    : cache.get(`app:${id.slice(0, 64)}`, () =>
        ctx.db
          .selectFrom('applications')
          .selectAll()
          .where('id', '=', id.slice(0, 64))
          .executeTakeFirst(),
      );

/** The RADIUS shared secret of an application (sealed at rest). */
export const radiusSecretOf = (ctx: AppContext, app: ApplicationsTable) =>
  app.radius_secret_sealed ? ctx.box.open(app.radius_secret_sealed, aad(app.id)) : null;

/** Forgets an application in this process's caches: the change holds at once here. */
export function forgetApp(ctx: AppContext, id: string): void {
  ctx.dataCache.forget(`app:${id.slice(0, 64)}`);
  ctx.dataCache.forget(`oidc-client:${id.slice(0, 64)}`);
}

export const noSuchApp = (id: string) =>
  new AppError('not_found', {
    detail: `No application has the id "${printable(id).slice(0, 64)}" (see the application list).`,
  });

/**
 * A LIKE pattern that matches every JSON text containing `id` as a string,
 * on SQLite and PostgreSQL alike: the id is cut at every character LIKE or
 * JSON might treat specially (wildcards, the escape character, quotes), so the
 * pattern can only match more rows, never fewer; the caller's JSON check decides.
 */
const mentioning = (id: string) => `%${id.split(/[^A-Za-z0-9.~-]/).join('%')}%`;

const inChunks = <T>(items: readonly T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  );

/**
 * Whether a record oidc-provider stored belongs to the client: grants, codes
 * and tokens name it (`clientId`), an interaction carries its authorization
 * request (`params.client_id`). Sessions are the user's, shared by every client,
 * and stay; a pushed authorization request (a minute at most) is useless once
 * the client is gone.
 */
function ownedBy(payload: string, clientId: string): boolean {
  try {
    const p = JSON.parse(payload) as { clientId?: unknown; params?: { client_id?: unknown } };
    return p.clientId === clientId || p.params?.client_id === clientId;
  } catch {
    return false;
  }
}

/** Deletes what oidc-provider keeps for a client: its grants with all they issued, then the rest. */
async function forgetOidcRecords(trx: Db, clientId: string): Promise<number> {
  const rows = await trx
    .selectFrom('oidc_payloads')
    .select(['model', 'id', 'payload'])
    .where('payload', 'like', mentioning(clientId))
    .execute();
  const owned = rows.filter((r) => ownedBy(r.payload, clientId));
  let removed = 0;
  const count = (r: { numDeletedRows: bigint }[]) => {
    for (const x of r) removed += Number(x.numDeletedRows);
  };
  // Everything issued under the client's grants (codes, tokens, interactions), as revokeByGrantId does.
  const grantIds = owned.filter((r) => r.model === 'Grant').map((r) => r.id);
  for (const ids of inChunks(grantIds))
    count(await trx.deleteFrom('oidc_payloads').where('grant_id', 'in', ids).execute());
  const byModel = new Map<string, string[]>();
  for (const r of owned) {
    const ids = byModel.get(r.model) ?? [];
    ids.push(r.id);
    byModel.set(r.model, ids);
  }
  for (const [model, list] of byModel)
    for (const ids of inChunks(list))
      count(
        await trx
          .deleteFrom('oidc_payloads')
          .where('model', '=', model)
          .where('id', 'in', ids)
          .execute(),
      );
  return removed;
}

/**
 * App passwords limited to the application lose it from their list; one that
 * was for this application alone is deleted (an empty list would mean "any
 * application": it must not widen). Each deletion is audited for its user.
 */
async function dropFromAppPasswords(
  ctx: AppContext,
  trx: Db,
  actor: Pick<Actor, 'name' | 'ip'>,
  app: { id: string; name: string },
): Promise<{ deleted: number; narrowed: number }> {
  const rows = await trx
    .selectFrom('app_passwords')
    .innerJoin('users', 'users.id', 'app_passwords.user_id')
    .select([
      'app_passwords.id',
      'app_passwords.name',
      'app_passwords.scopes',
      'users.id as userId',
      'users.upn',
    ])
    .where('app_passwords.scopes', 'like', mentioning(app.id))
    .execute();
  let deleted = 0;
  let narrowed = 0;
  for (const r of rows) {
    const scopes = JSON.parse(r.scopes) as string[];
    if (!scopes.includes(app.id)) continue;
    const rest = scopes.filter((s) => s !== app.id);
    if (rest.length) {
      await trx
        .updateTable('app_passwords')
        .set({ scopes: JSON.stringify(rest) })
        .where('id', '=', r.id)
        .execute();
      narrowed++;
      continue;
    }
    await trx.deleteFrom('app_passwords').where('id', '=', r.id).execute();
    await audit(ctx, trx, actor, {
      action: 'app_password_deleted',
      target: { id: r.userId, upn: r.upn },
      detail: { name: r.name, reason: 'application deleted', application: app.id },
    });
    deleted++;
  }
  return { deleted, narrowed };
}

/**
 * Deletes an application, all or nothing: for an OpenID Connect client also
 * its grants, codes, tokens and interactions (they stop working at once), and
 * for any application the app passwords limited to it. Audited.
 */
export async function deleteApp(
  ctx: AppContext,
  id: string,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom('applications')
      .select(['id', 'name', 'kind'])
      .where('id', '=', id.slice(0, 64))
      .executeTakeFirst();
    if (!app) throw noSuchApp(id);
    await trx.deleteFrom('applications').where('id', '=', app.id).execute();
    const sp = await trx
      .deleteFrom('saml_service_providers')
      .where('application_id', '=', app.id)
      .returning('entity_id')
      .executeTakeFirst();
    if (sp) ctx.dataCache.forget(`saml-sp:${sp.entity_id}`);
    await trx.deleteFrom('saml_requests').where('application_id', '=', app.id).execute();
    const oidcRecords = await forgetOidcRecords(trx, app.id);
    const appPasswords = await dropFromAppPasswords(ctx, trx, actor, app);
    await audit(ctx, trx, actor, {
      action: 'application_deleted',
      detail: {
        id: app.id,
        name: app.name,
        kind: app.kind,
        oidcRecords,
        appPasswordsDeleted: appPasswords.deleted,
        appPasswordsNarrowed: appPasswords.narrowed,
      },
    });
  });
  forgetApp(ctx, id);
}

/**
 * A new client secret for an OpenID Connect confidential client, sealed like
 * the first; returned once. The old secret stops working at once, on every
 * node; tokens already issued stay valid until they expire.
 */
export async function newClientSecret(
  ctx: AppContext,
  id: string,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<{ application: ApplicationView; clientSecret: string }> {
  const clientSecret = ctx.random.bytes(32).toString('base64url');
  const application = await ctx.db.transaction().execute(async (trx) => {
    const app = await appIn(trx, id, 'oidc', 'client secret');
    if (app.client_secret_sealed === null)
      throw new AppError('invalid_request', {
        detail: `"${app.name}" is a public client: it has no client secret.`,
      });
    const sealed = ctx.box.seal(clientSecret, secretAad(app.id));
    await trx
      .updateTable('applications')
      .set({ client_secret_sealed: sealed })
      .where('id', '=', app.id)
      .execute();
    await audit(ctx, trx, actor, {
      action: 'application_secret_changed',
      detail: { id: app.id, name: app.name },
    });
    return toApplicationView({ ...app, client_secret_sealed: sealed });
  });
  forgetApp(ctx, id);
  return { application, clientSecret };
}

/**
 * An application of one kind read in a transaction: 404 when there is none,
 * 400 naming what the other kind has not (`what`: "client secret", "RADIUS settings").
 */
async function appIn(trx: Db, id: string, kind: ApplicationsTable['kind'], what: string) {
  const app = await trx
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id.slice(0, 64))
    .executeTakeFirst();
  if (!app) throw noSuchApp(id);
  if (app.kind !== kind)
    throw new AppError('invalid_request', {
      detail:
        app.kind === 'legacy'
          ? `"${app.name}" is a legacy application: it has no ${what}.`
          : `"${app.name}" is an OpenID Connect client: it has no ${what}.`,
    });
  return app;
}

/** One application, by id (404 when there is none). */
export async function getApp(ctx: AppContext, id: string): Promise<ApplicationView> {
  const row = await ctx.db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id.slice(0, 64))
    .executeTakeFirst();
  if (!row) throw noSuchApp(id);
  return (await withGroups(ctx, [row]))[0]!;
}

/** What may change on an OpenID Connect client; a list given replaces the old one whole. */
export interface OidcAppPatch {
  redirectUris?: readonly string[];
  postLogoutRedirectUris?: readonly string[];
  idTokenSigningAlg?: string;
  /** `none`, `mfa`, `passwordless` or `phishing-resistant`. */
  strength?: string;
  /** Where Back-Channel Logout tokens go; '' or null removes it. */
  backchannelLogoutUri?: string | null;
}

/**
 * Changes an OpenID Connect client's redirect URIs and post-logout redirect
 * URIs, all or nothing: every URI is checked before anything is written.
 * Takes effect at once, on every node. Audited.
 */
export async function updateOidcApp(
  ctx: AppContext,
  id: string,
  patch: OidcAppPatch,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView> {
  if (
    patch.redirectUris === undefined &&
    patch.postLogoutRedirectUris === undefined &&
    patch.idTokenSigningAlg === undefined &&
    patch.strength === undefined &&
    patch.backchannelLogoutUri === undefined
  )
    throw new AppError('invalid_request', {
      detail:
        'Give the redirect URIs, the post-logout redirect URIs, the back-channel logout URI, the ID token signing algorithm or the strength to set.',
    });
  const strength = patch.strength === undefined ? undefined : parseAppStrength(patch.strength);
  const idTokenAlg =
    patch.idTokenSigningAlg === undefined ? undefined : idTokenAlgOf(patch.idTokenSigningAlg);
  // Checked first: they need no database.
  const redirectUris =
    patch.redirectUris === undefined ? undefined : parseUriList(patch.redirectUris, 'redirect');
  const postLogoutRedirectUris =
    patch.postLogoutRedirectUris === undefined
      ? undefined
      : parseUriList(patch.postLogoutRedirectUris, 'postLogout');
  const application = await ctx.db.transaction().execute(async (trx) => {
    const app = await appIn(
      trx,
      id,
      'oidc',
      strength && !redirectUris && !postLogoutRedirectUris && !idTokenAlg
        ? 'authentication strength (its fronts and app passwords never prove more than MFA)'
        : 'redirect URIs',
    );
    const before = toApplicationView(app);
    const next = {
      redirectUris: redirectUris ?? before.redirectUris,
      postLogoutRedirectUris: postLogoutRedirectUris ?? before.postLogoutRedirectUris,
    };
    const type = clientTypeOf(before.grantTypes);
    checkClientUris(type, next.redirectUris, next.postLogoutRedirectUris);
    const backchannel =
      patch.backchannelLogoutUri === undefined
        ? undefined
        : backchannelUriOf(type, patch.backchannelLogoutUri);
    // Only the lists given are written: a change to the other, racing this one, stays.
    const changes = {
      ...(redirectUris ? { redirect_uris: JSON.stringify(redirectUris) } : {}),
      ...(postLogoutRedirectUris
        ? { post_logout_redirect_uris: JSON.stringify(postLogoutRedirectUris) }
        : {}),
      ...(idTokenAlg ? { id_token_alg: idTokenAlg } : {}),
      ...(strength ? { strength, require_mfa: strength === 'none' ? 0 : 1 } : {}),
      ...(backchannel !== undefined ? { backchannel_logout_uri: backchannel } : {}),
    };
    await trx.updateTable('applications').set(changes).where('id', '=', app.id).execute();
    await audit(ctx, trx, actor, {
      action: 'application_changed',
      detail: {
        id: app.id,
        name: app.name,
        ...(redirectUris ? { redirectUris } : {}),
        ...(postLogoutRedirectUris ? { postLogoutRedirectUris } : {}),
        ...(idTokenAlg ? { idTokenSigningAlg: idTokenAlg } : {}),
        ...(strength ? { strength } : {}),
        ...(backchannel !== undefined ? { backchannelLogoutUri: backchannel } : {}),
      },
    });
    return toApplicationView({ ...app, ...changes });
  });
  forgetApp(ctx, id);
  return application;
}

/**
 * Changes a legacy application's RADIUS settings (its mode, whether requests
 * must carry a Message-Authenticator). Takes effect at once, on every node;
 * challenges already sent finish as they began. Audited.
 */
export async function updateLegacyApp(
  ctx: AppContext,
  id: string,
  patch: RadiusSettings,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView> {
  if (patch.radiusMode === undefined && patch.radiusMessageAuthenticator === undefined)
    throw new AppError('invalid_request', {
      detail: 'Give the RADIUS mode or the Message-Authenticator requirement to set.',
    });
  const radiusMode = patch.radiusMode === undefined ? undefined : parseRadiusMode(patch.radiusMode);
  const application = await ctx.db.transaction().execute(async (trx) => {
    const app = await appIn(trx, id, 'legacy', 'RADIUS settings');
    const changes = {
      ...(radiusMode ? { radius_mode: radiusMode } : {}),
      ...(patch.radiusMessageAuthenticator !== undefined
        ? { radius_message_authenticator: patch.radiusMessageAuthenticator ? 1 : 0 }
        : {}),
    };
    await trx.updateTable('applications').set(changes).where('id', '=', app.id).execute();
    await audit(ctx, trx, actor, {
      action: 'application_changed',
      detail: {
        id: app.id,
        name: app.name,
        ...(radiusMode ? { radiusMode } : {}),
        ...(patch.radiusMessageAuthenticator !== undefined
          ? { radiusMessageAuthenticator: patch.radiusMessageAuthenticator }
          : {}),
      },
    });
    return toApplicationView({ ...app, ...changes });
  });
  forgetApp(ctx, id);
  return application;
}

/** What may change on an application of either kind. */
export type AppPatch = OidcAppPatch & RadiusSettings;

/** Changes an application: a client's URIs, a legacy application's RADIUS settings. */
export async function updateApp(
  ctx: AppContext,
  id: string,
  patch: AppPatch,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView> {
  const { radiusMode, radiusMessageAuthenticator, ...uris } = patch;
  const radius = {
    ...(radiusMode !== undefined ? { radiusMode } : {}),
    ...(radiusMessageAuthenticator !== undefined ? { radiusMessageAuthenticator } : {}),
  };
  const hasUris =
    uris.redirectUris !== undefined ||
    uris.postLogoutRedirectUris !== undefined ||
    uris.backchannelLogoutUri !== undefined ||
    uris.strength !== undefined;
  const hasRadius = Object.keys(radius).length > 0;
  if (hasUris && hasRadius)
    throw new AppError('invalid_request', {
      detail:
        'Redirect URIs and strengths are for OpenID Connect clients, RADIUS settings for legacy applications: change one kind at a time.',
    });
  return hasRadius ? updateLegacyApp(ctx, id, radius, actor) : updateOidcApp(ctx, id, uris, actor);
}
