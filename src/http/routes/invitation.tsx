// /invite/<token>: a new user opens the link from their invitation email,
// chooses a password, and goes straight on into sign-in (registration of
// methods, if their MFA state asks for it) — as if they had just signed in.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError, localMessage } from '../../errors.ts';
import { acceptInvitation, openInvitation } from '../../services/invitations.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../services/validation.ts';
import { clientInfo } from '../client.ts';
import { deviceCookie } from '../device.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Csrf, ErrorMessage, Layout, type PageProps } from '../pages/layout.tsx';
import { checkCsrf, formToken } from '../session.ts';
import { advance } from './signin.tsx';

type C = Context<HttpEnv>;

const InvitationPage = (
  p: PageProps & { csrf: string; upn: string; action: string; error?: string },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('invite.title')}>
    <ErrorMessage message={p.error} />
    <p>{p.t('invite.intro', { upn: p.upn })}</p>
    <form method="post" action={p.action} class="stack">
      <Csrf token={p.csrf} />
      <input type="hidden" name="username" value={p.upn} autocomplete="username" />
      <label>
        {p.t('password.new')}
        <input
          type="password"
          name="password"
          autocomplete="new-password"
          required
          minlength={PASSWORD_MIN}
          maxlength={PASSWORD_MAX}
          autofocus
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
      <button type="submit">{p.t('invite.submit')}</button>
    </form>
  </Layout>
);

const Expired = (p: PageProps) => (
  <Layout t={p.t} lang={p.lang} title={p.t('invite.title')}>
    <ErrorMessage message={p.t('invite.expired')} />
  </Layout>
);

async function page(c: C, error?: string) {
  const token = c.req.param('token') ?? '';
  const user = await openInvitation(c.var.ctx, token);
  if (!user) return c.html(<Expired t={c.var.t} lang={c.var.locale} />, 410);
  return c.html(
    <InvitationPage
      t={c.var.t}
      lang={c.var.locale}
      csrf={formToken(c)}
      upn={user.upn}
      action={c.req.path}
      {...(error ? { error } : {})}
    />,
    error ? 400 : 200,
  );
}

export const invitationRoutes = new Hono<HttpEnv>()
  .get('/invite/:token', (c) => page(c))
  .post('/invite/:token', async (c) => {
    const form = await readForm(c);
    const token = c.req.param('token');
    try {
      checkCsrf(c, form._csrf);
      const client = { ...clientInfo(c), deviceToken: deviceCookie(c) };
      const user = await acceptInvitation(
        c.var.ctx,
        token,
        form.password ?? '',
        form.confirm ?? '',
        client.ip,
      );
      // Straight on into sign-in, with the password just chosen: registration next.
      const s = await c.var.flows.start(user.upn, form.password ?? '', client, null);
      return await advance(c, s);
    } catch (e) {
      if (isAppError(e) && e.code === 'signin_expired') {
        return c.html(<Expired t={c.var.t} lang={c.var.locale} />, 410);
      }
      if (isAppError(e) && ['invalid_request', 'weak_password', 'csrf_failed'].includes(e.code))
        return page(c, localMessage(e, c.var.t));
      throw e;
    }
  });
