// The OpenID Connect interaction: oidc-provider asks who is signing in and
// whether they agree to share; Portcullis answers with its own sign-in flow
// (the same policy as every other way in) and, for applications that are not
// first-party, a consent page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import type Provider from 'oidc-provider';
import { AppError } from '../../errors.ts';
import { acrFor, acrRequestOf, strengthNeeded } from '../../oidc/assurance.ts';
import { clientPolicy } from '../../oidc/client-policy.ts';
import type { OidcHost } from '../../oidc/host.ts';
import { TTL } from '../../oidc/paths.ts';
import { meets, type Strength } from '../../policy/strength.ts';
import { clientInfo } from '../client.ts';
import { deviceCookie } from '../device.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Csrf, Layout } from '../pages/layout.tsx';
import { checkCsrf, formToken } from '../session.ts';
import { advance } from './signin.tsx';

type C = Context<HttpEnv>;
type Details = Awaited<ReturnType<Provider['interactionDetails']>>;
type Client = InstanceType<Provider['Client']>;

/** The answer when the user has no method that meets what the application requires. */
const unmet = (needed: Strength) => ({
  error: 'unmet_authentication_requirements',
  error_description:
    needed === 'mfa'
      ? 'This application requires multi-factor authentication, and no method can be used.'
      : `This application requires a ${needed} sign-in (a passkey), and none can be used or registered.`,
});

/** The subject the relying party asked for (id_token_hint, already verified; or claims sub). */
function requestedSubject(params: Record<string, unknown>): string | undefined {
  if (typeof params.id_token_hint === 'string') {
    try {
      return decodeJwt(params.id_token_hint).sub;
    } catch {
      return undefined;
    }
  }
  try {
    const claims = JSON.parse(String(params.claims ?? '{}')) as {
      id_token?: { sub?: { value?: unknown } };
    };
    const value = claims.id_token?.sub?.value;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function raw(c: C) {
  const env = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
  if (!env?.incoming || !env.outgoing) throw new AppError('not_found');
  return { req: env.incoming, res: env.outgoing };
}

/** The interaction handler for one provider (a new one after a key rotation). */
function interactionHandler(provider: Provider) {
  const finish = async (
    c: C,
    result: Parameters<Provider['interactionResult']>[2],
    merge: boolean,
  ) => {
    const { req, res } = raw(c);
    const url = await provider.interactionResult(req, res, result, {
      mergeWithLastSubmission: merge,
    });
    return c.redirect(url, 303);
  };

  /** Grants what the client asked for (the scopes the prompt says are missing). */
  async function grantFor(details: Details) {
    const { params, prompt, grantId, session } = details;
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    if (!grant) throw new AppError('signin_expired');
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return grant.save();
  }

  /**
   * Who is signing in: the Portcullis session answers, if it is enough for
   * this request — else a fresh sign-in (prompt=login, max_age, someone else
   * named) or a step-up to MFA (the application or the relying party asks).
   */
  async function login(c: C, details: Details, here: string, client: Client) {
    const { ctx, flows } = c.var;
    const session = c.var.session;
    const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
    const params = details.params as Record<string, unknown>;
    const request = acrRequestOf(params);
    const { strength } = clientPolicy(client);
    // Asked for from the start (not stepped up to after a weaker sign-in).
    const needed = strengthNeeded(strength, request);
    const signIn = (fresh: boolean, upn?: string) => {
      const q = new URLSearchParams({ rd: here });
      if (fresh) q.set('prompt', 'login');
      if (needed !== 'none') q.set('strength', needed);
      const hint = upn ?? (typeof params.login_hint === 'string' ? params.login_hint : '');
      if (hint) q.set('login_hint', hint.slice(0, 256));
      return c.redirect(`/?${q}`, 303);
    };
    if (!session?.user_id || !user || user.blocked || session.auth_time === null)
      return signIn(false);
    const authTime = session.auth_time;
    // prompt=login wants a sign-in made for this request; max_age one recent
    // enough (a sign-in made for this request always is, even with max_age=0).
    const maxAge = params.max_age === undefined ? undefined : Number(params.max_age);
    // (oidc-provider keeps no creation time: the expiry less the lifetime is it.)
    const forThisRequest = authTime >= ((details.exp ?? 0) - TTL.Interaction) * 1000;
    if (
      !forThisRequest &&
      (details.prompt.reasons.includes('login_prompt') ||
        (maxAge !== undefined && ctx.clock.now() - authTime > maxAge * 1000))
    )
      return signIn(true);
    // The relying party named someone else (id_token_hint, claims sub): they sign in.
    const wanted = requestedSubject(params);
    if (wanted !== undefined && wanted !== user.id) {
      const other = await ctx.stores.users.findById(wanted.slice(0, 64));
      return signIn(true, other?.upn);
    }
    const amr = JSON.parse(session.amr ?? '[]') as string[];
    if (needed !== 'none' && !meets(amr, needed)) {
      const client = { ...clientInfo(c), deviceToken: deviceCookie(c) };
      const s = await flows.stepUp({ userId: user.id, authTime }, client, here, needed);
      if (s.next.kind === 'no_method') {
        await flows.cancel(s.flow.id);
        return finish(c, unmet(needed), false);
      }
      return advance(c, s);
    }
    const acr = acrFor(amr, request, strength);
    if (!acr)
      return finish(
        c,
        {
          error: 'unmet_authentication_requirements',
          error_description: 'The requested authentication context class cannot be met.',
        },
        false,
      );
    return finish(
      c,
      { login: { accountId: user.id, amr, acr, ts: Math.floor(authTime / 1000) } },
      false,
    );
  }

  const interaction = async (c: C) => {
    const { req, res } = raw(c);
    let details: Details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      throw new AppError('signin_expired', {
        detail: 'This sign-in request has expired. Go back to the application and start again.',
      });
    }
    const here = `/oidc/interaction/${details.uid}`;
    const client = await provider.Client.find(String(details.params.client_id));
    if (!client) throw new AppError('signin_expired');
    if (details.prompt.name === 'login') return login(c, details, here, client);
    if (details.prompt.name !== 'consent') throw new AppError('invalid_request');
    // First-party applications are ours: no consent page.
    if (clientPolicy(client).firstParty)
      return finish(c, { consent: { grantId: await grantFor(details) } }, true);
    if (c.req.method === 'POST') {
      const form = await readForm(c);
      checkCsrf(c, form._csrf);
      if (form.decision !== 'allow')
        return finish(
          c,
          { error: 'access_denied', error_description: 'The user did not allow access.' },
          false,
        );
      return finish(c, { consent: { grantId: await grantFor(details) } }, true);
    }
    const appName = client.clientName ?? client.clientId;
    const scopes = String(details.params.scope ?? '')
      .split(' ')
      .filter((s) => s && s !== 'openid');
    return c.html(
      <Layout t={c.var.t} lang={c.var.locale} title={`Allow ${appName}?`}>
        <p>
          <strong>{appName}</strong> wants to sign you in
          {scopes.length ? ` and see: ${scopes.join(', ')}` : ''}.
        </p>
        <form method="post" action={here} class="row">
          <Csrf token={formToken(c)} />
          <button type="submit" name="decision" value="allow">
            Allow
          </button>
          <button type="submit" name="decision" value="deny" class="secondary-button">
            Deny
          </button>
        </form>
      </Layout>,
    );
  };

  return interaction;
}

export function oidcInteractionRoutes(host: OidcHost) {
  const handlers = new WeakMap<Provider, (c: C) => Promise<Response>>();
  const handle = async (c: C) => {
    const { provider } = await host.current();
    let handler = handlers.get(provider);
    if (!handler) {
      handler = interactionHandler(provider);
      handlers.set(provider, handler);
    }
    return handler(c);
  };
  return new Hono<HttpEnv>()
    .get('/oidc/interaction/:uid', handle)
    .post('/oidc/interaction/:uid', handle);
}
