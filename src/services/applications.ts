import type { AppContext } from '../context.ts';
import type { ApplicationsTable, Front } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type Actor, audit } from './audit.ts';
import { printable } from './validation.ts';

export const legacyFronts: readonly Front[] = ['verify', 'forward-auth', 'ldap', 'radius'];

export interface ApplicationView {
  id: string;
  name: string;
  kind: 'legacy' | 'oidc';
  fronts: Front[];
  hasRadiusSecret: boolean;
  createdAt: string;
  /** OpenID Connect clients. */
  redirectUris: string[];
  grantTypes: string[];
  requireMfa: boolean;
  firstParty: boolean;
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
  grantTypes: JSON.parse(a.grant_types) as string[],
  requireMfa: a.require_mfa === 1,
  firstParty: a.first_party === 1,
});

const secretAad = (id: string) => `applications:${id}:client_secret`;

/** An absolute redirect URI: https, or http only for loopback (RFC 8252); no fragment. */
function parseRedirectUri(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('invalid_request', { detail: `"${raw.slice(0, 200)}" is not a URL.` });
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new AppError('invalid_request', {
      detail: `Redirect URIs use https (http only for localhost): "${raw.slice(0, 200)}".`,
    });
  if (url.hash || url.username || url.password)
    throw new AppError('invalid_request', {
      detail: `A redirect URI has no fragment or credentials: "${raw.slice(0, 200)}".`,
    });
  return url.toString();
}

/**
 * Registers an OpenID Connect client: a web application (authorization code
 * with PKCE, refresh tokens) with redirect URIs, or a machine client (client
 * credentials). The client secret is returned once and kept sealed.
 */
export async function createOidcApp(
  ctx: AppContext,
  input: {
    name: string;
    redirectUris?: readonly string[];
    requireMfa?: boolean;
    firstParty?: boolean;
    machine?: boolean;
  },
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<{ application: ApplicationView; clientSecret: string }> {
  const name = printable(input.name).trim();
  if (!name || name.length > 100)
    throw new AppError('invalid_request', {
      detail: 'An application needs a name of 1 to 100 characters.',
    });
  const redirectUris = [...new Set((input.redirectUris ?? []).map(parseRedirectUri))];
  if (!input.machine && redirectUris.length === 0)
    throw new AppError('invalid_request', {
      detail: 'Give at least one redirect URI (or make it a machine client).',
    });
  const id = `app-${ctx.random.bytes(6).toString('hex')}`;
  const clientSecret = ctx.random.bytes(32).toString('base64url');
  const row: ApplicationsTable = {
    id,
    name,
    kind: 'oidc',
    fronts: '[]',
    radius_secret_sealed: null,
    created_at: ctx.clock.now(),
    redirect_uris: JSON.stringify(redirectUris),
    post_logout_redirect_uris: '[]',
    grant_types: JSON.stringify(
      input.machine ? ['client_credentials'] : ['authorization_code', 'refresh_token'],
    ),
    client_secret_sealed: ctx.box.seal(clientSecret, secretAad(id)),
    require_mfa: input.requireMfa ? 1 : 0,
    first_party: input.firstParty ? 1 : 0,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('applications').values(row).execute();
    await audit(ctx, trx, actor, {
      action: 'application_created',
      detail: { id, name, kind: 'oidc', redirectUris, requireMfa: !!input.requireMfa },
    });
  });
  return { application: toApplicationView(row), clientSecret };
}

/** The client secret of an OpenID Connect application (sealed at rest). */
export const clientSecretOf = (ctx: AppContext, app: ApplicationsTable) =>
  app.client_secret_sealed ? ctx.box.open(app.client_secret_sealed, secretAad(app.id)) : null;

/** Registers a legacy application (IMAP server, VPN, proxied site); its id names it on every front. */
export async function createLegacyApp(
  ctx: AppContext,
  input: { name: string; fronts?: readonly string[]; radiusSecret?: string },
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView> {
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
  if (
    input.radiusSecret !== undefined &&
    (input.radiusSecret.length < 16 || input.radiusSecret.length > 128)
  ) {
    throw new AppError('invalid_request', {
      detail: 'A RADIUS shared secret must be 16 to 128 characters long.',
    });
  }
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
    first_party: 0,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('applications').values(row).execute();
    await audit(ctx, trx, actor, { action: 'application_created', detail: { id, name, fronts } });
  });
  return toApplicationView(row);
}

export async function listApps(ctx: AppContext): Promise<ApplicationView[]> {
  const rows = await ctx.db
    .selectFrom('applications')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toApplicationView);
}

/** An application by id; other processes' changes are seen within a second (ctx.cache). */
export const findApp = (ctx: AppContext, id: string) =>
  ctx.cache.get(`app:${id.slice(0, 64)}`, () =>
    ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id.slice(0, 64))
      .executeTakeFirst(),
  );

/** The RADIUS shared secret of an application (sealed at rest). */
export const radiusSecretOf = (ctx: AppContext, app: ApplicationsTable) =>
  app.radius_secret_sealed ? ctx.box.open(app.radius_secret_sealed, aad(app.id)) : null;
