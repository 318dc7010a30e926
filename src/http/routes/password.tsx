import type { Context } from 'hono';
import { Hono } from 'hono';
import { type AppError, isAppError, localMessage } from '../../errors.ts';
import { methodTypesForUser } from '../../services/methods-policy.ts';
import { changeOwnPassword } from '../../services/password-change.ts';
import { loadRegistrations } from '../../services/registrations.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../services/validation.ts';
import type { UserRow } from '../../storage/users.ts';
import { clientInfo } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Csrf, ErrorMessage, Layout, type PageProps } from '../pages/layout.tsx';
import { askFreshSecondFactor, signedInUser } from '../self-service.ts';
import { checkCsrf, formToken, rotateSession } from '../session.ts';

type C = Context<HttpEnv>;
const BASE = '/security-info/password';

const PasswordPage = (
  p: PageProps & { csrf: string; notices?: string[]; error?: string; managed?: boolean },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('password.changeTitle')}>
    <ErrorMessage message={p.error} />
    {p.notices?.map((n) => (
      <p role="status">{n}</p>
    ))}
    {p.managed ? <p>{p.t('error.managed_by_directory')}</p> : <PasswordForm {...p} />}
    <p>
      <a href="/">{p.t('password.back')}</a>
    </p>
  </Layout>
);

/** The form (not for directory users, whose password the directory keeps). */
const PasswordForm = (p: PageProps & { csrf: string }) => (
  <>
    <p>{p.t('password.changeIntro')}</p>
    <form method="post" action={BASE} class="stack">
      <Csrf token={p.csrf} />
      <label>
        {p.t('password.current')}
        <input
          type="password"
          name="current"
          autocomplete="current-password"
          required
          maxlength={1024}
          autofocus
        />
      </label>
      <label>
        {p.t('password.new')}
        <input
          type="password"
          name="password"
          autocomplete="new-password"
          required
          minlength={PASSWORD_MIN}
          maxlength={PASSWORD_MAX}
        />
      </label>
      <label>
        {p.t('password.confirm')}
        <input
          type="password"
          name="confirm"
          autocomplete="new-password"
          required
          minlength={PASSWORD_MIN}
          maxlength={PASSWORD_MAX}
        />
      </label>
      <button type="submit">{p.t('password.submit')}</button>
    </form>
  </>
);

function show(c: C, extra: { notices?: string[]; error?: AppError; managed?: boolean } = {}) {
  const { t } = c.var;
  if (extra.error) {
    if (extra.error.retryAfter) c.header('Retry-After', String(extra.error.retryAfter));
    c.status(extra.error.status as 400);
  }
  return c.html(
    <PasswordPage
      t={t}
      lang={c.var.locale}
      csrf={formToken(c)}
      {...(extra.notices ? { notices: extra.notices } : {})}
      {...(extra.error ? { error: localMessage(extra.error, t) } : {})}
      managed={extra.managed ?? false}
    />,
  );
}

/**
 * A user with a usable second factor proves it again (within the last few
 * minutes) before changing the password: the current password alone would
 * let someone holding a stolen session lock the owner out. A user without one
 * has only the password to offer, and the form asks for it.
 */
async function askSecondFactor(c: C, user: UserRow): Promise<Response | null> {
  const { ctx } = c.var;
  const allowedMethods = await methodTypesForUser(ctx, user.id, 'signin');
  const usable = (await loadRegistrations(ctx, user.id)).some((r) =>
    allowedMethods.includes(r.methodType),
  );
  return usable ? askFreshSecondFactor(c, user, BASE) : null;
}

/** Security info → Password: the signed-in user changes their own password. */
export const passwordRoutes = new Hono<HttpEnv>()
  .get(BASE, async (c) => {
    const user = await signedInUser(c);
    if (!user) return c.redirect('/', 303);
    if (user.source === 'directory') return show(c, { managed: true });
    // Asked before the form, so what the user types is not lost to a step-up.
    const ask = await askSecondFactor(c, user);
    if (ask) return ask;
    return show(c);
  })
  .post(BASE, async (c) => {
    const form = await readForm(c);
    checkCsrf(c, form._csrf);
    const user = await signedInUser(c);
    if (!user) return c.redirect('/', 303);
    const ask = await askSecondFactor(c, user);
    if (ask) return ask;
    const { ctx, t } = c.var;
    try {
      const done = await changeOwnPassword(
        ctx,
        user,
        form.current ?? '',
        form.password ?? '',
        form.confirm ?? '',
        c.var.session!.id_hash,
        clientInfo(c).ip,
      );
      // A new session id after a change of credentials (OWASP session
      // management): a copy of the old cookie is worth nothing now either.
      await rotateSession(c, {});
      return show(c, {
        notices: [
          t('password.changed'),
          ...(done.appPasswordsDeleted > 0 ? [t('password.appPasswordsDeleted')] : []),
        ],
      });
    } catch (e) {
      if (!isAppError(e) || e.status >= 500) throw e;
      return show(c, { error: e });
    }
  });
