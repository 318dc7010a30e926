// The SAML 2.0 identity provider's endpoints (docs/design/saml-idp.md): the
// metadata, single sign-on by HTTP-Redirect and HTTP-POST, sign-on started
// here (IdP-initiated), and the answer, posted by the browser to the
// application's ACS URL. Sign-in itself is Portcullis's usual flow, with the
// application's strength and what the request asks for stepped up to.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import { recordSignin } from '../../flows/signin-log.ts';
import type { AppStrength } from '../../policy/strength.ts';
import { meets } from '../../policy/strength.ts';
import { classRefFor, levelNeeded } from '../../saml/authn-context.ts';
import { SAML_PATHS, type SubStatus } from '../../saml/constants.ts';
import { type Inbound, RequestRefused } from '../../saml/inbound.ts';
import { currentSamlKeys } from '../../saml/keys.ts';
import { idpMetadata } from '../../saml/metadata.ts';
import { findPending, keep, markAnswered, type PendingSignOn } from '../../saml/pending.ts';
import { postFields } from '../../saml/sign.ts';
import { logoutResponse, namesSession, receiveLogoutRequest } from '../../saml/slo.ts';
import { receiveAuthnRequest, signedResponse, statusResponse } from '../../saml/sso.ts';
import { redirectQuery, SamlError } from '../../saml/xml.ts';
import { findApp } from '../../services/applications.ts';
import { serviceProvidersOf } from '../../services/saml-apps.ts';
import { clientInfo } from '../client.ts';
import { deviceCookie } from '../device.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Layout } from '../pages/layout.tsx';
import { signOut } from '../session.ts';
import { advance } from './signin.tsx';

type C = Context<HttpEnv>;

/** The endpoints other sites' pages post SAML messages to (exempt from the same-origin check). */
export const isSamlBinding = (path: string) => path === SAML_PATHS.sso || path === SAML_PATHS.slo;

/** The page that posts a SAML message to the service provider (script-free with its button). */
function postPage(c: C, to: string, fields: Record<string, string>, appName: string) {
  const t = c.var.t;
  return c.html(
    <Layout t={t} lang={c.var.locale} title={`Signing you in to ${appName}`}>
      <form id="saml-post" method="post" action={to}>
        {Object.entries(fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <p>If nothing happens, press Continue.</p>
        <button type="submit">Continue</button>
      </form>
      <script src="/static/saml-post.js" defer />
    </Layout>,
  );
}

/** A refused message: logged as a failed sign-in, then an error page (never a POST to an ACS not yet trusted). */
async function refused(c: C, e: RequestRefused): Promise<never> {
  const { ctx } = c.var;
  const client = clientInfo(c);
  const user = c.var.session?.user_id
    ? await ctx.stores.users.findById(c.var.session.user_id)
    : undefined;
  await recordSignin(ctx, {
    upn: user?.upn ?? '',
    userId: user?.id ?? null,
    result: 'failure',
    reason: `SAML request refused: ${e.reason}`,
    method: null,
    client: { ip: client.ip, userAgent: client.userAgent, application: e.applicationId },
    front: 'saml',
  });
  throw new AppError('invalid_request', {
    detail: `The application's sign-in request was refused: ${e.reason}. Go back to the application and try again; if this keeps happening, tell your administrator.`,
  });
}

/** The message of a request by either binding (HTTP-Redirect: the raw query is kept for its signature). */
async function inbound(c: C): Promise<Inbound> {
  if (c.req.method === 'GET') {
    const rawQuery = new URL(c.req.url).search.slice(1);
    let params: ReturnType<typeof redirectQuery>;
    try {
      params = redirectQuery(rawQuery);
    } catch (e) {
      if (e instanceof SamlError) throw new RequestRefused(e.reason, null);
      throw e;
    }
    const message = params.get('SAMLRequest')?.value;
    if (!message) throw new AppError('invalid_request', { detail: 'No SAMLRequest was sent.' });
    // (A space is a '+' an application forgot to encode.)
    return {
      binding: 'redirect',
      message: message.replace(/ /g, '+'),
      relayState: params.get('RelayState')?.value,
      rawQuery,
    };
  }
  const form = await readForm(c);
  const message = typeof form.SAMLRequest === 'string' ? form.SAMLRequest : undefined;
  if (!message) throw new AppError('invalid_request', { detail: 'No SAMLRequest was sent.' });
  return {
    binding: 'post',
    message,
    relayState: typeof form.RelayState === 'string' ? form.RelayState : undefined,
  };
}

/** Posts a status-only answer (NoPassive, NoAuthnContext, …) to an ACS already checked. */
async function postStatus(
  c: C,
  to: { acsUrl: string; inResponseTo: string | null; relayState: string | null | undefined },
  sub: SubStatus,
  appName: string,
) {
  const xml = await statusResponse(c.var.ctx, to, sub);
  return postPage(
    c,
    to.acsUrl,
    postFields('SAMLResponse', xml, to.relayState ?? undefined),
    appName,
  );
}

/**
 * A sign-on under way: the person signs in (or again, for ForceAuthn), steps
 * up to what the application and the request need, and the response goes to
 * the ACS. A passive request that would need a page is answered NoPassive.
 */
async function continueSignOn(c: C, id: string) {
  const { ctx, flows } = c.var;
  const found = await findPending(ctx, id, 'signon');
  if (!found)
    throw new AppError('signin_expired', {
      detail:
        'This sign-in has expired or was already used. Go back to the application and start again.',
    });
  const { row, pending } = found;
  const app = await findApp(ctx, row.application_id);
  const sp = (await serviceProvidersOf(ctx, [row.application_id])).get(row.application_id);
  if (!app || !sp) throw new AppError('signin_expired');
  const here = `${SAML_PATHS.continue}/${id}`;
  const answer = (sub: SubStatus) =>
    markAnswered(ctx, id).then(() => postStatus(c, pending, sub, app.name));
  const needed = levelNeeded(app.strength as AppStrength, pending.context ?? undefined);
  if (needed === null) return answer('NoAuthnContext');
  const session = c.var.session;
  const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
  const signIn = (fresh: boolean) => {
    if (pending.isPassive) return answer('NoPassive');
    const q = new URLSearchParams({ rd: here });
    if (fresh) q.set('prompt', 'login');
    if (needed !== 'none') q.set('strength', needed);
    return c.redirect(`/?${q}`, 303);
  };
  if (!session?.user_id || !user || user.blocked || session.auth_time === null)
    return signIn(false);
  // ForceAuthn: a sign-in made for this request.
  if (pending.forceAuthn && session.auth_time < row.created_at) return signIn(true);
  const amr = JSON.parse(session.amr ?? '[]') as string[];
  if (needed !== 'none' && !meets(amr, needed)) {
    if (pending.isPassive) return answer('NoPassive');
    const client = { ...clientInfo(c), deviceToken: deviceCookie(c) };
    const s = await flows.stepUp(
      { userId: user.id, authTime: session.auth_time },
      client,
      here,
      needed,
    );
    if (s.next.kind === 'no_method') {
      await flows.cancel(s.flow.id);
      return answer('NoAuthnContext');
    }
    return advance(c, s);
  }
  const classRef = classRefFor(amr, pending.context ?? undefined);
  if (!classRef) return answer('NoAuthnContext');
  if (!(await markAnswered(ctx, id)))
    throw new AppError('signin_expired', {
      detail: 'This sign-in was already answered. Go back to the application and start again.',
    });
  const xml = await signedResponse(ctx, sp, pending, user, session, classRef);
  return postPage(
    c,
    pending.acsUrl,
    postFields('SAMLResponse', xml, pending.relayState ?? undefined),
    app.name,
  );
}

/**
 * A LogoutRequest kept, answered from this browser's session: signed out if
 * the request names it, then the application's LogoutResponse.
 */
async function finishLogout(c: C, id: string) {
  const { ctx } = c.var;
  const found = await findPending(ctx, id, 'logout');
  if (!found || !(await markAnswered(ctx, id))) return c.redirect('/', 303);
  const { row, pending } = found;
  const sp = (await serviceProvidersOf(ctx, [row.application_id])).get(row.application_id);
  if (!sp) return c.redirect('/', 303);
  const session = c.var.session;
  const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
  if (session && user && namesSession(ctx, sp, pending, session, user)) await signOut(c);
  const answer = await logoutResponse(ctx, sp, pending);
  if (answer.binding === 'redirect') return c.redirect(answer.url, 303);
  const app = await findApp(ctx, sp.applicationId);
  return postPage(c, answer.url, answer.fields, app?.name ?? sp.entityId);
}

export function samlRoutes() {
  const sso = async (c: C) => {
    const { ctx } = c.var;
    let received: Awaited<ReturnType<typeof receiveAuthnRequest>>;
    try {
      received = await receiveAuthnRequest(ctx, await inbound(c));
    } catch (e) {
      if (e instanceof RequestRefused) return refused(c, e);
      throw e;
    }
    if (received.kind === 'status') {
      const app = await findApp(ctx, received.sp.applicationId);
      return postStatus(
        c,
        {
          acsUrl: received.acsUrl,
          inResponseTo: received.inResponseTo,
          relayState: received.relayState,
        },
        received.sub,
        app?.name ?? received.sp.entityId,
      );
    }
    return c.redirect(`${SAML_PATHS.continue}/${received.id}`, 303);
  };

  const slo = async (c: C) => {
    // (A LogoutResponse would answer a logout we started: we start none, so only the page remains.)
    if (c.req.method === 'GET' && c.req.query('SAMLResponse')) return c.redirect('/', 303);
    let id: string;
    try {
      id = await receiveLogoutRequest(c.var.ctx, await inbound(c));
    } catch (e) {
      if (e instanceof RequestRefused) return refused(c, e);
      throw e;
    }
    return c.redirect(`${SAML_PATHS.slo}/${id}`, 303);
  };

  return (
    new Hono<HttpEnv>()
      .get(SAML_PATHS.metadata, async (c) => {
        const { certs } = await currentSamlKeys(c.var.ctx);
        return c.body(idpMetadata(c.var.ctx.config.publicUrl, certs), 200, {
          'content-type': 'application/samlmetadata+xml; charset=utf-8',
          'cache-control': 'public, max-age=300',
        });
      })
      .get(SAML_PATHS.sso, sso)
      .post(SAML_PATHS.sso, sso)
      .get(`${SAML_PATHS.continue}/:id`, (c) => continueSignOn(c, c.req.param('id')))
      .get(SAML_PATHS.slo, slo)
      .post(SAML_PATHS.slo, slo)
      .get(`${SAML_PATHS.slo}/:id`, (c) => finishLogout(c, c.req.param('id')))
      // IdP-initiated sign-on: a link (a portal's tile) that signs the person in
      // to the application at its default ACS, with RelayState if given.
      .get(`${SAML_PATHS.start}/:app`, async (c) => {
        const { ctx } = c.var;
        const sp = (await serviceProvidersOf(ctx, [c.req.param('app').slice(0, 64)])).get(
          c.req.param('app').slice(0, 64),
        );
        if (!sp) throw new AppError('not_found', { detail: 'No SAML application has that id.' });
        const relayState = c.req.query('RelayState')?.slice(0, 1280);
        const pending: PendingSignOn = {
          kind: 'signon',
          acsUrl: (sp.acs.find((a) => a.isDefault) ?? sp.acs[0])!.url,
          relayState: relayState ?? null,
          inResponseTo: null,
          nameIdFormat: sp.nameIdFormat,
          forceAuthn: false,
          isPassive: false,
          context: null,
        };
        const id = await keep(ctx, sp.applicationId, null, pending);
        return c.redirect(`${SAML_PATHS.continue}/${id}`, 303);
      })
  );
}
