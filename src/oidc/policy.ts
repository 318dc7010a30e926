// When oidc-provider must hand the browser to the Portcullis sign-in: its own
// checks (no session, prompt=login, max_age, id_token_hint, essential acr) plus
// ours (the strength required), so that its session never claims more than the Portcullis one did.
import type { KoaContextWithOIDC } from 'oidc-provider';
import { interactionPolicy } from 'oidc-provider';
import type { AppContext } from '../context.ts';
import { sessionCookieName, sessionOfToken } from '../http/session.ts';
import { meets } from '../policy/strength.ts';
import { acrFor, acrRequestOf, strengthNeeded } from './assurance.ts';
import { clientPolicy } from './client-policy.ts';

const { base, Check } = interactionPolicy;

export function signinPolicy(ctx: AppContext) {
  const policy = base();
  const login = policy.get('login')!;
  const cookie = sessionCookieName(ctx.config.publicUrl);

  // The provider's session mirrors the Portcullis one: the same user and the
  // same sign-in. Signing out of Portcullis (or in again) ends its use; the
  // interaction then answers at once from the Portcullis session, if any.
  login.checks.add(
    new Check(
      'portcullis_session',
      'End-User authentication is required',
      'login_required',
      async (koa) => {
        const { session } = (koa as KoaContextWithOIDC).oidc;
        if (!session?.accountId) return Check.NO_NEED_TO_PROMPT; // no_session asks already
        const ours = await sessionOfToken(ctx, koa.cookies.get(cookie, { signed: false }));
        const same =
          ours?.user_id === session.accountId &&
          ours.auth_time !== null &&
          Math.floor(ours.auth_time / 1000) === session.loginTs;
        return same ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
      },
    ),
  );

  // Step-up: the session does not meet the strength the application requires,
  // or the one the relying party asked for.
  login.checks.add(
    new Check(
      'strength_required',
      'a stronger authentication is required',
      'login_required',
      (koa) => {
        const { oidc } = koa as KoaContextWithOIDC;
        if (!oidc.session?.accountId) return Check.NO_NEED_TO_PROMPT;
        const needed = strengthNeeded(
          clientPolicy(oidc.client).strength,
          acrRequestOf(oidc.params ?? {}),
        );
        return needed !== 'none' && !meets(oidc.session.amr ?? [], needed)
          ? Check.REQUEST_PROMPT
          : Check.NO_NEED_TO_PROMPT;
      },
    ),
  );

  // The acr the session claims must be the answer to this request (the
  // interaction computes it with the same function, so this never loops). It
  // replaces oidc-provider's essential-acr checks, which know nothing of
  // multi-factor meeting a single-factor demand.
  login.checks.remove('essential_acrs');
  login.checks.remove('essential_acr');
  login.checks.add(
    new Check(
      'acr',
      'the requested authentication context class could not be obtained',
      'login_required',
      (koa) => {
        const { oidc } = koa as KoaContextWithOIDC;
        if (!oidc.session?.accountId) return Check.NO_NEED_TO_PROMPT;
        const answer = acrFor(
          oidc.session.amr ?? [],
          acrRequestOf(oidc.params ?? {}),
          clientPolicy(oidc.client).strength,
        );
        return answer === oidc.session.acr ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
      },
    ),
  );
  return policy;
}
