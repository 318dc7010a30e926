// Portcullis as an OpenID Connect provider: oidc-provider (the certified
// implementation) configured over our storage, keys and applications. The
// protocol is its work; who may sign in, and how, stays ours.
import Provider, { type AdapterPayload, type Configuration } from 'oidc-provider';
import type { AppContext } from '../context.ts';
import { ACR_MULTI_FACTOR, ACR_SINGLE_FACTOR } from '../policy/assurance.ts';
import { clientSecretOf } from '../services/applications.ts';
import { oidcAdapter } from './adapter.ts';
import { signingKeys } from './keys.ts';
import { OIDC_PREFIX } from './paths.ts';

export const TTL = {
  AccessToken: 3600,
  AuthorizationCode: 60,
  ClientCredentials: 600,
  IdToken: 3600,
  RefreshToken: 14 * 24 * 3600,
  Interaction: 3600,
  Session: 14 * 24 * 3600,
  Grant: 14 * 24 * 3600,
} as const;

/** Client metadata for oidc-provider from an OpenID Connect application. */
async function clientMetadata(ctx: AppContext, id: string): Promise<AdapterPayload | undefined> {
  const app = await ctx.db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id.slice(0, 64))
    .where('kind', '=', 'oidc')
    .executeTakeFirst();
  if (!app) return undefined;
  const grantTypes = JSON.parse(app.grant_types) as string[];
  const secret = clientSecretOf(ctx, app);
  return {
    client_id: app.id,
    client_name: app.name,
    ...(secret ? { client_secret: secret } : {}),
    token_endpoint_auth_method: secret ? 'client_secret_basic' : 'none',
    grant_types: grantTypes,
    response_types: grantTypes.includes('authorization_code') ? ['code' as const] : [],
    redirect_uris: JSON.parse(app.redirect_uris) as string[],
    post_logout_redirect_uris: JSON.parse(app.post_logout_redirect_uris) as string[],
  };
}

export async function createOidcProvider(ctx: AppContext): Promise<Provider> {
  const Base = oidcAdapter(ctx);
  // Clients are our applications; everything else goes to the payload table.
  class Adapter extends Base {
    override async find(id: string) {
      // Clients are read on every token request: kept a second, like applications.
      if (this.name === 'Client')
        return ctx.cache.get(`oidc-client:${id.slice(0, 64)}`, () => clientMetadata(ctx, id));
      return super.find(id);
    }
  }
  const configuration: Configuration = {
    adapter: Adapter,
    jwks: { keys: await signingKeys(ctx) } as Configuration['jwks'],
    cookies: { keys: [ctx.keys.oidcCookies.toString('base64url')] },
    routes: {
      authorization: `${OIDC_PREFIX}/auth`,
      token: `${OIDC_PREFIX}/token`,
      userinfo: `${OIDC_PREFIX}/me`,
      jwks: `${OIDC_PREFIX}/jwks`,
      revocation: `${OIDC_PREFIX}/token/revocation`,
      introspection: `${OIDC_PREFIX}/token/introspection`,
      end_session: `${OIDC_PREFIX}/session/end`,
      pushed_authorization_request: `${OIDC_PREFIX}/request`,
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    acrValues: [ACR_SINGLE_FACTOR, ACR_MULTI_FACTOR],
    claims: {
      // amr and acr: what the session actually did (RFC 8176 values).
      openid: ['sub', 'amr', 'acr'],
      profile: ['name', 'preferred_username', 'locale'],
      email: ['email'],
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    rotateRefreshToken: true,
    ttl: TTL,
    interactions: { url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = await ctx.stores.users.findById(sub);
      if (!user || user.blocked) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          name: user.display_name,
          preferred_username: user.upn,
          email: user.upn,
          locale: user.preferred_language,
        }),
      };
    },
    // Errors are the protocol's, shown plainly: never a stack trace.
    async renderError(koa, out) {
      koa.type = 'html';
      const text = (s: unknown) =>
        String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
      koa.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error · Portcullis</title><link rel="stylesheet" href="/static/app.css"></head><body><main class="card"><p class="brand">Portcullis</p><h1>Sign-in error</h1><p class="error" role="alert">${text(out.error_description ?? out.error)}</p></main></body></html>`;
    },
  };
  const provider = new Provider(ctx.config.publicUrl, configuration);
  // Behind a TLS-terminating proxy, trust its X-Forwarded-* for the public URL.
  provider.proxy = true;
  return provider;
}
