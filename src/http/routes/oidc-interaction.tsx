// The OpenID Connect interaction: oidc-provider asks who is signing in and
// whether they agree to share; Portcullis answers with its own sign-in flow
// (the same policy as every other way in) and, for applications that are not
// first-party, a consent page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type Provider from 'oidc-provider';
import { AppError } from '../../errors.ts';
import { ACR_MULTI_FACTOR, ACR_SINGLE_FACTOR } from '../../policy/assurance.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Csrf, Layout } from '../pages/layout.tsx';
import { checkCsrf, formToken } from '../session.ts';

type C = Context<HttpEnv>;

function raw(c: C) {
  const env = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
  if (!env?.incoming || !env.outgoing) throw new AppError('not_found');
  return { req: env.incoming, res: env.outgoing };
}

export function oidcInteractionRoutes(provider: Provider) {
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
  async function grantFor(details: Awaited<ReturnType<Provider['interactionDetails']>>) {
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

  const interaction = async (c: C) => {
    const { ctx } = c.var;
    const { req, res } = raw(c);
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      throw new AppError('signin_expired', {
        detail: 'This sign-in request has expired. Go back to the application and start again.',
      });
    }
    const here = `/oidc/interaction/${details.uid}`;
    if (details.prompt.name === 'login') {
      const session = c.var.session;
      const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
      if (!session?.user_id || !user || user.blocked || session.auth_time === null)
        return c.redirect(`/?rd=${encodeURIComponent(here)}`, 303);
      const amr = JSON.parse(session.amr ?? '[]') as string[];
      // An application that requires MFA gets no password-only session. Until
      // step-up is wired, such a session is refused (fail closed), never let through.
      const app = await ctx.db
        .selectFrom('applications')
        .select('require_mfa')
        .where('id', '=', String(details.params.client_id))
        .executeTakeFirst();
      if (app?.require_mfa === 1 && !amr.includes('mfa'))
        return finish(
          c,
          {
            error: 'unmet_authentication_requirements',
            error_description: 'This application requires multi-factor authentication.',
          },
          false,
        );
      return finish(
        c,
        {
          login: {
            accountId: user.id,
            amr,
            acr: amr.includes('mfa') ? ACR_MULTI_FACTOR : ACR_SINGLE_FACTOR,
            ts: Math.floor(session.auth_time / 1000),
          },
        },
        false,
      );
    }
    if (details.prompt.name !== 'consent') throw new AppError('invalid_request');
    const clientId = String(details.params.client_id);
    const app = await ctx.db
      .selectFrom('applications')
      .select(['name', 'first_party'])
      .where('id', '=', clientId)
      .executeTakeFirst();
    if (!app) throw new AppError('not_found');
    // First-party applications are ours: no consent page.
    if (app.first_party === 1)
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
    const scopes = String(details.params.scope ?? '')
      .split(' ')
      .filter((s) => s && s !== 'openid');
    return c.html(
      <Layout t={c.var.t} lang={c.var.locale} title={`Allow ${app.name}?`}>
        <p>
          <strong>{app.name}</strong> wants to sign you in
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

  return new Hono<HttpEnv>()
    .get('/oidc/interaction/:uid', interaction)
    .post('/oidc/interaction/:uid', interaction);
}
