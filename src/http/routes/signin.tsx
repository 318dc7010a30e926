import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { AppError, isAppError, localMessage } from '../../errors.ts';
import type { FlowState } from '../../flows/signin.ts';
import { findMethod, methods } from '../../methods/index.ts';
import { methodTypesFor } from '../../policy/methods-policy.ts';
import { firstToOffer } from '../../policy/preferred-method.ts';
import { type AppStrength, isAppStrength } from '../../policy/strength.ts';
import { getMethodsPolicy } from '../../services/methods-policy.ts';
import { getServiceSettings } from '../../services/settings.ts';
import { clientInfo } from '../client.ts';
import { deviceCookie, rememberThisDevice } from '../device.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { useUserLocale } from '../locale.ts';
import { AccountPage } from '../pages/account.tsx';
import { Csrf, Layout, methodText } from '../pages/layout.tsx';
import { PassSigninPage, SigninPage } from '../pages/signin.tsx';
import {
  ChangePasswordPage,
  EnrolPage,
  NoMethodPage,
  NoticePage,
  ProofupChooserPage,
  VerifyPage,
} from '../pages/steps.tsx';
import { safeReturnTo } from '../return-to.ts';
import {
  checkCsrf,
  endSession,
  forgetFlow,
  formToken,
  rotateSession,
  signOut,
} from '../session.ts';
import { afterStaleForm } from '../stale-form.ts';
import { appPasswordsOffered } from './app-passwords.tsx';

type C = Context<HttpEnv>;

const page = (c: C) => ({ t: c.var.t, lang: c.var.locale });

/** Errors a person can fix by trying again on the same page. */
const retryable = (e: unknown): e is AppError =>
  isAppError(e) &&
  [
    'invalid_code',
    'too_many_attempts',
    'invalid_request',
    'conflict',
    'waiting',
    'delivery_failed',
    'weak_password',
  ].includes(e.code);

const withRetryAfter = (c: C, e: AppError) => {
  if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
  c.status(e.status as 400);
};

/** Ways to sign in without a password the organisation allows ("Sign in with a passkey"). */
async function passwordlessParts(c: C, returnTo: string | null): Promise<Child[]> {
  const { ctx } = c.var;
  const settings = await getServiceSettings(ctx);
  if (!settings.passwordlessSignin) return [];
  // No one is known yet: what the methods policy enables for someone.
  const enabled = methodTypesFor(await getMethodsPolicy(ctx), 'anyone', 'signin');
  const offered = methods.filter((m) => m.passwordless && enabled.includes(m.id));
  return Promise.all(
    offered.map((m) => {
      const q = new URLSearchParams({ method: m.id, ...(returnTo ? { rd: returnTo } : {}) });
      return m.passwordless!.render(ctx.methodContext, {
        action: `/signin/passwordless?${q}`,
        csrfToken: formToken(c),
        t: c.var.t,
      });
    }),
  );
}

/** Whether the methods policy gives anyone Temporary Access Passes (the sign-in page offers them). */
const passesOffered = async (c: C) =>
  (await getMethodsPolicy(c.var.ctx)).temporaryAccessPass.enabled;

/**
 * The strength an application asked the sign-in for (?strength=, from the
 * OpenID Connect interaction), so it is asked for from the start rather than
 * stepped up to after. Only ever adds: the interaction checks again.
 */
const strengthOf = (value: string | undefined): AppStrength =>
  isAppStrength(value) ? value : 'none';

const withReturn = (path: string, returnTo: string | null) =>
  returnTo ? `${path}?${new URLSearchParams({ rd: returnTo })}` : path;

async function showPassSignin(
  c: C,
  opts: { error?: AppError; username?: string; returnTo: string | null },
) {
  if (opts.error) withRetryAfter(c, opts.error);
  return c.html(
    <PassSigninPage
      {...page(c)}
      csrfToken={formToken(c)}
      action={withReturn('/signin/pass', opts.returnTo)}
      back={withReturn('/', opts.returnTo)}
      username={opts.username}
      error={opts.error && localMessage(opts.error, c.var.t)}
    />,
  );
}

async function showSignin(
  c: C,
  opts: {
    error?: AppError;
    username?: string;
    returnTo?: string | null;
    strength?: AppStrength;
  } = {},
) {
  if (opts.error) withRetryAfter(c, opts.error);
  const returnTo = opts.returnTo ?? null;
  return c.html(
    <SigninPage
      {...page(c)}
      csrfToken={formToken(c)}
      username={opts.username}
      returnTo={returnTo}
      strength={opts.strength === 'none' ? undefined : opts.strength}
      error={opts.error && localMessage(opts.error, c.var.t)}
      alternatives={await passwordlessParts(c, returnTo)}
      passHref={(await passesOffered(c)) ? withReturn('/signin/pass', returnTo) : undefined}
    />,
  );
}

/** After a step: either into a session (via the flow's one `finish`) or on to the next step. */
export async function advance(c: C, s: FlowState) {
  const { ctx, flows } = c.var;
  if (s.next.kind !== 'done') {
    // A sign-in under way is not signed in, even if this browser was before —
    // except a step-up, which adds to the session it started from.
    await rotateSession(
      c,
      s.flow.step_up === 1
        ? { flow_id: s.flow.id }
        : { flow_id: s.flow.id, user_id: null, amr: null, auth_time: null },
    );
    return c.redirect('/signin/step', 303);
  }
  const signedIn = await flows.finish(s);
  await rotateSession(c, {
    flow_id: null,
    user_id: signedIn.userId,
    amr: JSON.stringify(signedIn.amr),
    auth_time: signedIn.authTime,
    mfa_at: signedIn.amr.includes('mfa') ? signedIn.authTime : null,
    expires_at: ctx.clock.now() + ctx.config.sessionHours * 3_600_000,
  });
  if (signedIn.rememberDevice) await rememberThisDevice(c, signedIn.userId, s.settings);
  // Checked again on the way out: the flow keeps what a page once accepted.
  const next = safeReturnTo(ctx.config, signedIn.returnTo ?? undefined) ?? '/';
  // A method had something to say (e.g. recovery codes left): shown once, then on.
  if (signedIn.notice)
    return c.html(<NoticePage {...page(c)} message={signedIn.notice} next={next} />);
  // Proof-up just happened: tell the user about app passwords (as the original does).
  if (signedIn.provedUp && (await appPasswordsOffered(c))) {
    return c.redirect(`/security-info/app-passwords/intro?next=${encodeURIComponent(next)}`, 303);
  }
  return c.redirect(next, 303);
}

/** Renders the current step of the flow, with an error message when a try failed. */
async function renderStep(
  c: C,
  s: FlowState,
  opts: { error?: AppError; methodId?: string | undefined; values?: Record<string, string> } = {},
) {
  const { ctx, flows } = c.var;
  useUserLocale(c, s.user);
  const { t } = c.var;
  const csrfToken = formToken(c);
  const error = opts.error && localMessage(opts.error, t);
  if (opts.error) withRetryAfter(c, opts.error);
  switch (s.next.kind) {
    case 'proofup': {
      const pending = flows.pendingEnrolment(s);
      if (pending?.method.enrol) {
        const body = await pending.method.enrol.render(
          ctx.methodContext,
          s.methodUser,
          pending.state,
          {
            action: '/signin/proofup/verify',
            csrfToken,
            t,
            ...(opts.values ? { values: opts.values } : {}),
          },
        );
        return c.html(
          <EnrolPage
            {...page(c)}
            method={pending.method}
            body={body}
            error={error}
            csrfToken={csrfToken}
            canChooseAnother={s.next.offer.length > 1}
          />,
        );
      }
      const offer = s.next.offer.map((id) => findMethod(id)!);
      return c.html(
        <ProofupChooserPage
          {...page(c)}
          offer={offer}
          csrfToken={csrfToken}
          error={error}
          graceDaysLeft={s.next.graceDaysLeft}
          campaign={s.next.campaign}
        />,
      );
    }
    case 'verify': {
      const usable = s.next.usable;
      const regs = s.registrations.filter((r) => usable.includes(r.methodType));
      const reg =
        regs.find((r) => r.id === opts.methodId) ??
        firstToOffer(regs, s.settings.systemPreferredMfa)!;
      const method = findMethod(reg.methodType)!;
      let message = error;
      try {
        await flows.challenge(s, reg.id, false);
      } catch (e) {
        if (!retryable(e)) throw e;
        withRetryAfter(c, e);
        message = localMessage(e, t);
      }
      const body = await method.renderVerify(
        ctx.methodContext,
        s.methodUser,
        reg,
        {
          action: `/signin/verify?method=${encodeURIComponent(reg.id)}`,
          csrfToken,
          t,
          ...(s.settings.rememberDevicesEnabled
            ? { rememberDays: s.settings.rememberDevicesDays }
            : {}),
        },
        { flowId: s.flow.id, clientIp: s.flow.client_ip, allowedMethods: s.allowedMethods },
      );
      const others = regs
        .filter((r) => r.id !== reg.id)
        .map((r) => ({ id: r.id, label: methodText(t, findMethod(r.methodType)!).label }));
      return c.html(
        <VerifyPage
          {...page(c)}
          body={body}
          others={others}
          hasRecoveryCodes={regs.some((r) => r.id !== reg.id && r.methodType === 'RecoveryCode')}
          error={message}
          csrfToken={csrfToken}
        />,
      );
    }
    case 'change_password':
      return c.html(
        <ChangePasswordPage
          {...page(c)}
          csrfToken={csrfToken}
          error={error}
          risk={s.user.risk_level === 'high'}
        />,
      );
    case 'no_method':
      return c.html(<NoMethodPage {...page(c)} csrfToken={csrfToken} />, 403);
    default:
      return advance(c, s);
  }
}

/** Runs one step of the flow named by the session; expired flows go back to the sign-in page. */
async function step(
  c: C,
  run: (flowId: string, form: Record<string, string>) => Promise<FlowState>,
) {
  const form = await readForm(c);
  const session = checkCsrf(c, form._csrf);
  // An old step's page sent after the sign-in ended (Back, a second tab): signed in already.
  if (!session?.flow_id)
    return session?.user_id
      ? c.redirect('/', 303)
      : showSignin(c, { error: new AppError('signin_expired') });
  try {
    return await advance(c, await run(session.flow_id, form));
  } catch (e) {
    if (isAppError(e) && e.code === 'signin_expired') {
      await forgetFlow(c);
      if (c.var.session?.user_id) return c.redirect('/', 303);
      return showSignin(c, { error: e });
    }
    if (!retryable(e)) throw e;
    const s = await c.var.flows.load(session.flow_id);
    return renderStep(c, s, { error: e, methodId: c.req.query('method'), values: form });
  }
}

/** `path` with the query of `url` (rd, login_hint, prompt go along). */
const withQuery = (path: string, url: string) => `${path}${new URL(url).search}`;

/**
 * A first step of sign-in (password, pass, passkey): CSRF checked, the flow
 * started and advanced; a wrong credential, a limit, a stale form or an
 * unavailable service shows the page again (`again`) with the message.
 */
async function firstStep(
  c: C,
  csrf: string | undefined,
  start: () => Promise<FlowState>,
  again: (e: AppError) => Response | Promise<Response>,
  shown: readonly string[] = [
    'invalid_credentials',
    'too_many_attempts',
    'csrf_failed',
    'service_unavailable',
  ],
) {
  try {
    checkCsrf(c, csrf);
    return await advance(c, await start());
  } catch (e) {
    if (isAppError(e) && e.code === 'csrf_failed') {
      const current = afterStaleForm(c, e);
      if (current) return current;
    }
    if (isAppError(e) && shown.includes(e.code)) return again(e);
    throw e;
  }
}

export const signinRoutes = new Hono<HttpEnv>()
  .get('/', async (c) => {
    const { ctx } = c.var;
    const session = c.var.session;
    // ?rd=: where to go back to after sign-in (forward-auth sends people here).
    const returnTo = safeReturnTo(ctx.config, c.req.query('rd'));
    const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
    // ?prompt=login: an application asked for a fresh sign-in, even if signed in.
    if (!session?.user_id || c.req.query('prompt') === 'login')
      return showSignin(c, {
        returnTo,
        username: user?.upn ?? c.req.query('login_hint')?.slice(0, 256),
        strength: strengthOf(c.req.query('strength')),
      });
    if (returnTo) return c.redirect(returnTo, 303);
    if (!user) {
      await endSession(c);
      return showSignin(c);
    }
    const methods = await ctx.stores.methods.listForUser(user.id);
    useUserLocale(c, user);
    const label = (type: string) => {
      const m = findMethod(type);
      return m ? methodText(c.var.t, m).label : type;
    };
    return c.html(
      <AccountPage
        {...page(c)}
        displayName={user.display_name}
        upn={user.upn}
        mfaState={user.mfa_state}
        methods={methods.map((m) => label(m.method_type))}
        csrfToken={session.csrf_token}
        isAdmin={user.is_admin === 1}
      />,
    );
  })

  .post('/signin', async (c) => {
    const form = await readForm(c);
    const username = (form.username ?? '').slice(0, 256);
    const returnTo = safeReturnTo(c.var.ctx.config, form.rd);
    const strength = strengthOf(form.strength);
    const client = { ...clientInfo(c), deviceToken: deviceCookie(c) };
    return firstStep(
      c,
      form._csrf,
      () => c.var.flows.start(username, form.password ?? '', client, returnTo, strength),
      (error) => showSignin(c, { error, username, returnTo, strength }),
    );
  })

  // A Temporary Access Pass instead of the password (onboarding, a lost phone).
  .get('/signin/pass', async (c) => {
    const returnTo = safeReturnTo(c.var.ctx.config, c.req.query('rd'));
    if (!(await passesOffered(c))) return c.redirect(withReturn('/', returnTo), 303);
    return showPassSignin(c, { returnTo });
  })
  .post('/signin/pass', async (c) => {
    const form = await readForm(c);
    const username = (form.username ?? '').slice(0, 256);
    const returnTo = safeReturnTo(c.var.ctx.config, c.req.query('rd'));
    // Trimmed: a pass copied with a space around it (none is inside one).
    const pass = (form.pass ?? '').trim();
    return firstStep(
      c,
      form._csrf,
      () => c.var.flows.startWithPass(username, pass, clientInfo(c), returnTo),
      (error) => showPassSignin(c, { error, username, returnTo }),
    );
  })

  // "Sign in with a passkey": the proof names the user; no password is asked.
  .post('/signin/passwordless', async (c) => {
    const form = await readForm(c);
    const returnTo = safeReturnTo(c.var.ctx.config, c.req.query('rd'));
    return firstStep(
      c,
      form._csrf,
      () =>
        c.var.flows.startPasswordless(c.req.query('method') ?? '', form, clientInfo(c), returnTo),
      (error) => showSignin(c, { error, returnTo }),
      ['invalid_credentials', 'too_many_attempts', 'csrf_failed', 'invalid_request'],
    );
  })

  .get('/signin/step', async (c) => {
    const flowId = c.var.session?.flow_id;
    if (!flowId) return c.redirect('/', 303);
    const { flows } = c.var;
    const methodId = c.req.query('method');
    try {
      const s = await flows.load(flowId);
      if (!c.req.query('poll')) return await renderStep(c, s, { methodId });
      // A call page reloading itself: has the call been answered with #?
      useUserLocale(c, s.user);
      try {
        const next =
          s.next.kind === 'proofup'
            ? await flows.completeEnrolment(flowId, {}, c.var.t)
            : await flows.verify(flowId, methodId, {}, c.var.t);
        return await advance(c, next);
      } catch (e) {
        if (!retryable(e)) throw e;
        return renderStep(c, await flows.load(flowId), { error: e, methodId });
      }
    } catch (e) {
      if (!isAppError(e) || e.code !== 'signin_expired') throw e;
      await forgetFlow(c);
      return showSignin(c, { error: e });
    }
  })

  .post('/signin/proofup', (c) =>
    step(c, (flowId, form) => c.var.flows.beginEnrolment(flowId, form.method ?? '')),
  )

  .post('/signin/proofup/verify', (c) =>
    step(c, (flowId, form) => c.var.flows.completeEnrolment(flowId, form, c.var.t)),
  )

  .post('/signin/proofup/back', (c) => step(c, (flowId) => c.var.flows.chooseAnotherMethod(flowId)))

  .post('/signin/proofup/postpone', (c) => step(c, (flowId) => c.var.flows.postponeProofup(flowId)))

  .post('/signin/password', (c) =>
    step(c, (flowId, form) =>
      c.var.flows.changePassword(flowId, form.password ?? '', form.confirm ?? ''),
    ),
  )

  .post('/signin/verify', (c) =>
    step(c, (flowId, form) => c.var.flows.verify(flowId, c.req.query('method'), form, c.var.t)),
  )

  // "Send a new code" / "Call me again": a fresh challenge; the previous one stops working.
  .post('/signin/resend', (c) =>
    step(c, async (flowId) => {
      const s = await c.var.flows.load(flowId);
      await c.var.flows.challenge(s, c.req.query('method'), true);
      return s;
    }),
  )

  // Addresses people type or bookmark: the sign-in page (GET /signin is where
  // a wrong password's form was posted), and signing out, which asks first (a
  // link must not sign anyone out: another site could embed it).
  .get('/signin', (c) => c.redirect(withQuery('/', c.req.url), 303))
  .get('/login', (c) => c.redirect(withQuery('/', c.req.url), 303))
  .on('GET', ['/signout', '/logout'], async (c) => {
    const session = c.var.session;
    const user = session?.user_id
      ? await c.var.ctx.stores.users.findById(session.user_id)
      : undefined;
    if (!session || !user) return c.redirect('/', 303);
    useUserLocale(c, user);
    const { t } = c.var;
    return c.html(
      <Layout t={t} lang={c.var.locale} title={t('account.signOut')}>
        <p>
          {t('signout.confirm', { upn: user.upn, issuer: await c.var.ctx.methodContext.issuer() })}
        </p>
        <form method="post" action="/signout">
          <Csrf token={session.csrf_token} />
          <button type="submit">{t('account.signOut')}</button>
        </form>
      </Layout>,
    );
  })

  .post('/signout', async (c) => {
    const form = await readForm(c);
    checkCsrf(c, form._csrf);
    await signOut(c);
    return c.redirect('/', 303);
  });
