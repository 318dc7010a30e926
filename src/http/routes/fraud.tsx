import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import { reportSuspiciousActivity } from '../../services/risk.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { useUserLocale } from '../locale.ts';
import { Csrf, Layout } from '../pages/layout.tsx';
import { checkCsrf, formToken, rotateSession } from '../session.ts';

/**
 * "This wasn't me" from the text-message step (Microsoft's fraud alert): a
 * confirmation page, then the report ends the sign-in attempt and — with the
 * organisation's setting on — blocks the account until an admin unblocks it.
 */
export const fraudRoutes = new Hono<HttpEnv>()
  .get('/signin/fraud', async (c) => {
    const flowId = c.var.session?.flow_id;
    if (!flowId) return c.redirect('/', 303);
    const s = await c.var.flows.load(flowId);
    useUserLocale(c, s.user);
    const { t } = c.var;
    return c.html(
      <Layout t={t} lang={c.var.locale} title={t('fraud.title')}>
        <p>{t('fraud.question')}</p>
        <form method="post" action="/signin/fraud" class="stack">
          <Csrf token={formToken(c)} />
          <button type="submit">{t('fraud.submit')}</button>
        </form>
        <p>
          <a href="/signin/step">{t('fraud.cancel')}</a>
        </p>
      </Layout>,
    );
  })
  .post('/signin/fraud', async (c) => {
    const form = await readForm(c);
    const session = checkCsrf(c, form._csrf);
    if (!session?.flow_id) throw new AppError('signin_expired');
    const { ctx, flows } = c.var;
    const s = await flows.load(session.flow_id);
    useUserLocale(c, s.user);
    await reportSuspiciousActivity(ctx, s.user.id, 'text');
    await flows.cancel(s.flow.id);
    await ctx.stores.challenges.supersede(s.flow.id, ctx.clock.now());
    await rotateSession(c, { flow_id: null });
    const { t } = c.var;
    return c.html(
      <Layout t={t} lang={c.var.locale} title={t('fraud.title')}>
        <p role="status">{t('fraud.done')}</p>
      </Layout>,
    );
  });
