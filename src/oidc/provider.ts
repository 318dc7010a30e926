// Portcullis as an OpenID Connect provider: oidc-provider (the certified
// implementation) configured over our storage, keys and applications. The
// protocol is its work; who may sign in, and how, stays ours.
import type { EventEmitter } from 'node:events';
import Provider, {
  type AdapterPayload,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import { sessionCookieName } from '../http/session.ts';
import { ACR_VALUES, isAppStrength } from '../policy/strength.ts';
import { clientSecretOf } from '../services/applications.ts';
import { ID_TOKEN_ALGS } from '../services/signing-algs.ts';
import { nameable, oidcAdapter } from './adapter.ts';
import { FIRST_PARTY, REQUIRE_MFA, STRENGTH } from './client-policy.ts';
import { deviceFlowFeature, deviceMiddleware, POLL_INTERVAL } from './device.ts';
import { signingKeys } from './keys.ts';
import { page, text } from './pages.ts';
import { DEVICE_PATH, OIDC_PREFIX, OIDC_SESSION_COOKIE, TTL } from './paths.ts';
import { signinPolicy } from './policy.ts';

/** Client metadata for oidc-provider from an OpenID Connect application. */
async function clientMetadata(ctx: AppContext, id: string): Promise<AdapterPayload | undefined> {
  if (!nameable(id)) return undefined;
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
    id_token_signed_response_alg: app.id_token_alg,
    ...(app.backchannel_logout_uri
      ? {
          backchannel_logout_uri: app.backchannel_logout_uri,
          backchannel_logout_session_required: true,
        }
      : {}),
    [REQUIRE_MFA]: app.require_mfa === 1,
    [STRENGTH]: app.strength,
    [FIRST_PARTY]: app.first_party === 1,
  };
}

export async function createOidcProvider(ctx: AppContext): Promise<Provider> {
  const Base = oidcAdapter(ctx);
  // Clients are our applications; everything else goes to the payload table.
  class Adapter extends Base {
    override async find(id: string) {
      // Clients are read on every token request: kept a second, like applications.
      if (this.name === 'Client')
        return ctx.dataCache.get(`oidc-client:${id.slice(0, 64)}`, () => clientMetadata(ctx, id));
      return super.find(id);
    }
  }
  const configuration: Configuration = {
    adapter: Adapter,
    jwks: { keys: await signingKeys(ctx) } as Configuration['jwks'],
    cookies: {
      keys: [ctx.keys.oidcCookies.toString('base64url')],
      // (oidc-provider's own name, said here: sign-out reads it, src/http/routes/signin.tsx.)
      names: {
        session: OIDC_SESSION_COOKIE,
        interaction: '_interaction',
        resume: '_interaction_resume',
      },
    },
    routes: {
      authorization: `${OIDC_PREFIX}/auth`,
      token: `${OIDC_PREFIX}/token`,
      userinfo: `${OIDC_PREFIX}/me`,
      jwks: `${OIDC_PREFIX}/jwks`,
      revocation: `${OIDC_PREFIX}/token/revocation`,
      introspection: `${OIDC_PREFIX}/token/introspection`,
      end_session: `${OIDC_PREFIX}/session/end`,
      pushed_authorization_request: `${OIDC_PREFIX}/request`,
      device_authorization: `${OIDC_PREFIX}/device/auth`,
      // Typed by people from a device's screen: short, at the root.
      code_verification: DEVICE_PATH,
    },
    pkce: { required: () => true },
    // ID tokens: RS256 by default, ES256 for clients that ask (a key for each, ./keys.ts).
    enabledJWA: { idTokenSigningAlgValues: [...ID_TOKEN_ALGS] },
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    acrValues: ACR_VALUES,
    claims: {
      // amr and acr: what the session actually did (RFC 8176 values).
      openid: ['sub', 'amr', 'acr'],
      profile: ['name', 'preferred_username', 'locale'],
      email: ['email'],
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: deviceFlowFeature(ctx),
      // Applications that register a URI are told when a session ends (./backchannel.ts, and RP-initiated logout).
      backchannelLogout: { enabled: true },
      // Relying parties may demand an acr as essential (OpenID Connect §5.5.1.1).
      claimsParameter: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // "Sign out of Portcullis too?" — yes ends the Portcullis session as well.
        async logoutSource(koa, form) {
          const app = koa.oidc.client?.clientName;
          koa.body = page(
            'Sign out',
            `${form}<p>${app ? `You are signing out of ${text(app)}. ` : ''}Do you also want to sign out of Portcullis?</p><div class="row"><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button><button type="submit" form="op.logoutForm" class="secondary-button">No, stay signed in</button></div>`,
          );
        },
        async postLogoutSuccessSource(koa) {
          koa.body = page('Signed out', '<p>You have signed out.</p>');
        },
      },
    },
    extraClientMetadata: {
      properties: [REQUIRE_MFA, STRENGTH, FIRST_PARTY],
      validator(_ctx, key, value) {
        if (key === STRENGTH ? !isAppStrength(value) : typeof value !== 'boolean')
          throw new TypeError(`${key} is not valid`);
      },
    },
    interactions: {
      policy: signinPolicy(ctx),
      url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}`,
    },
    // Every URL oidc-provider calls out to is one an administrator registered
    // (back-channel logout URIs; clients are never registered dynamically), and
    // an organisation's applications live on its private network: its default
    // refusal of private and loopback addresses (against SSRF from dynamically
    // registered clients) is dropped. Its 2.5-second timeout stays.
    fetch: (url, options) => {
      const { dispatcher: _ssrfGuard, ...rest } = options as RequestInit & { dispatcher?: unknown };
      return globalThis.fetch(url, rest);
    },
    rotateRefreshToken: true,
    ttl: TTL,
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
          ...(user.preferred_language ? { locale: user.preferred_language } : {}),
        }),
      };
    },
    // Errors are the protocol's, shown plainly: never a stack trace.
    async renderError(koa, out) {
      koa.type = 'html';
      koa.body = page(
        'Sign-in error',
        `<p class="error" role="alert">${text(out.error_description ?? out.error)}</p>`,
      );
    },
  };
  const provider = new Provider(ctx.config.publicUrl, configuration);
  // Behind a TLS-terminating proxy, trust its X-Forwarded-* for the public URL.
  provider.proxy = true;
  // What no handler took, Koa prints to stderr as a stack trace: a client gone
  // mid-request (a body cut short, the connection closed) is no fault of ours,
  // anything else is; both go to the log instead.
  // (Provider is a Koa application; its types list only its own events.)
  (provider as unknown as EventEmitter).on(
    'error',
    (err: Error & { code?: string }, koa?: KoaContextWithOIDC) => {
      if (koa?.req.socket?.destroyed)
        ctx.log.debug({ err: err.message, code: err.code }, 'OpenID Connect: the client went away');
      else ctx.log.error({ err: err.message, path: koa?.path }, 'OpenID Connect request failed');
    },
  );
  // RFC 8628 §3.2: the interval a device polls at (oidc-provider leaves it out; 5 is also the default).
  provider.on('device_authorization.success', (_koa: KoaContextWithOIDC, body: object) => {
    Object.assign(body, { interval: POLL_INTERVAL });
  });
  provider.use(deviceMiddleware(ctx));
  const cookie = sessionCookieName(ctx.config.publicUrl);
  /** Sessions being ended by a sign-out, by its request; each settles with its failure, if any. */
  const signingOut = new WeakMap<object, Promise<unknown>>();
  provider.on('end_session.success', (koa: KoaContextWithOIDC) => {
    if (!koa.oidc.params?.logout) return;
    // Signing out everywhere: the Portcullis session ends too (the cookie, and the row it names).
    const token = koa.cookies.get(cookie, { signed: false });
    koa.cookies.set(cookie, null, { path: '/', signed: false });
    if (token && token.length < 100)
      signingOut.set(
        koa,
        ctx.stores.sessions.delete(sha256(token)).then(
          () => null,
          (err: unknown) => err ?? new Error('session not deleted'),
        ),
      );
  });
  // The resume endpoint (where a finished interaction returns) takes no query: oidc-provider
  // makes its own link to it without one. A query naming a client with a single redirect
  // URI would make its error handler throw (it reads parameters resume never parsed), so
  // any query there is dropped.
  const resume = new RegExp(`^${OIDC_PREFIX}/auth/[^/]+$`);
  provider.use(async (koa, next) => {
    if (resume.test(koa.path)) koa.querystring = '';
    await next();
  });
  // An event handler cannot be awaited: the answer waits here until the session
  // row is gone, so the browser goes back to the application signed out — or
  // stays here with an error, never signed out in appearance only.
  provider.use(async (koa, next) => {
    await next();
    const failed = await signingOut.get(koa);
    if (!failed) return;
    ctx.log.error({ err: failed }, 'could not end the Portcullis session at sign-out');
    koa.status = 500;
    koa.remove('location');
    koa.type = 'html';
    koa.body = page(
      'Sign-out error',
      '<p class="error" role="alert">Portcullis could not end your session. Please try again later.</p>',
    );
  });
  return provider;
}
