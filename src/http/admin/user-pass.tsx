// Portal: a user's Temporary Access Pass — issue one (shown once), see when it
// expires and whether it was used, revoke it. The same service as the API and
// `portcullis tap`.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Translate } from '../../i18n/index.ts';
import { TAP_LIFETIME } from '../../policy/methods-policy.ts';
import { getMethodsPolicy, methodIsForUser } from '../../services/methods-policy.ts';
import {
  issueTemporaryAccessPass,
  revokeTemporaryAccessPass,
  temporaryAccessPassOf,
} from '../../services/temporary-access-pass.ts';
import type { UserView } from '../../services/users.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { rich } from './i18n.tsx';
import { redirectShowingOnce, time } from './layout.tsx';
import { userAction, userHref } from './users.tsx';

type C = Context<HttpEnv>;

/** Lifetimes offered, in minutes (those up to the policy's longest). */
const LIFETIMES = [10, 60, 480, 1440, 7 * 1440, 30 * 1440];

function lifetimeLabel(t: Translate, minutes: number): string {
  if (minutes % 1440 === 0) return t('admin.pass.days', { n: minutes / 1440 });
  if (minutes % 60 === 0) return t('admin.pass.hours', { n: minutes / 60 });
  return t('admin.pass.minutes', { n: minutes });
}

/** The user page's section: the pass as it stands, and the form to issue one. */
export async function PassSection({ c, user }: { c: C; user: UserView }) {
  const { ctx, t } = c.var;
  const [pass, allowed, policy] = await Promise.all([
    temporaryAccessPassOf(ctx, user.userPrincipalName),
    methodIsForUser(ctx, user.id, 'temporaryAccessPass'),
    getMethodsPolicy(ctx),
  ]);
  const csrf = c.var.session!.csrf_token;
  const base = userHref(user.userPrincipalName);
  const p = policy.temporaryAccessPass;
  const lifetimes = [...new Set([...LIFETIMES, p.defaultLifetimeMinutes])]
    .filter((m) => m >= TAP_LIFETIME.min && m <= p.maxLifetimeMinutes)
    .sort((a, b) => a - b);
  return (
    <section aria-labelledby="pass">
      <h2 id="pass">{t('admin.pass.title')}</h2>
      {pass ? (
        <p>
          {pass.state === 'active'
            ? rich(t, pass.oneTime ? 'admin.pass.activeOnce' : 'admin.pass.active', {
                expires: time(pass.expiresAt),
              })
            : pass.state === 'pending'
              ? rich(t, 'admin.pass.pending', {
                  starts: time(pass.startsAt),
                  expires: time(pass.expiresAt),
                })
              : t(pass.state === 'used' ? 'admin.pass.used' : 'admin.pass.expired')}
        </p>
      ) : (
        <p class="muted">{t(allowed ? 'admin.pass.none' : 'admin.pass.notForUser')}</p>
      )}
      {pass ? (
        <form method="post" action={`${base}/pass/revoke`} class="row">
          <Csrf token={csrf} />
          <button type="submit" class="danger">
            {t('admin.pass.revoke')}
          </button>
        </form>
      ) : null}
      {allowed ? (
        <form method="post" action={`${base}/pass`} class="row">
          <Csrf token={csrf} />
          <label>
            {t('admin.pass.lifetime')}
            <select name="lifetime">
              {lifetimes.map((m) => (
                <option value={String(m)} selected={m === p.defaultLifetimeMinutes}>
                  {lifetimeLabel(t, m)}
                </option>
              ))}
            </select>
          </label>
          <label class="choice">
            <input
              type="checkbox"
              name="oneTime"
              value="on"
              checked={p.oneTimeOnly}
              disabled={p.oneTimeOnly}
            />
            {t('admin.pass.oneTime')}
          </label>
          <button type="submit" class="secondary-button">
            {t(pass ? 'admin.pass.replace' : 'admin.pass.create')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export const adminUserPassRoutes = new Hono<HttpEnv>()
  .post('/admin/users/:upn/pass', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    const lifetime = form.fields.lifetime ?? '';
    const oneTime = form.fields.oneTime === 'on';
    return userAction(c, {
      what: (u) => <p>{t('admin.pass.createExplain', { name: u.displayName })}</p>,
      confirmLabel: t('admin.pass.createConfirm'),
      fields: [['lifetime', lifetime], ...(oneTime ? [['oneTime', 'on'] as [string, string]] : [])],
      run: async (u) => {
        const p = await issueTemporaryAccessPass(c.var.ctx, c.var.actor!, u.userPrincipalName, {
          // Anything but a choice of the list is the service's to refuse, saying why.
          ...(lifetime ? { lifetimeMinutes: Number(lifetime) } : {}),
          oneTime,
        });
        return redirectShowingOnce(c, userHref(u.userPrincipalName), {
          id: 'pass-value',
          title: t('admin.pass.shownTitle', { upn: u.userPrincipalName }),
          advice: t(p.oneTime ? 'admin.pass.shownAdviceOnce' : 'admin.pass.shownAdvice'),
          secret: p.temporaryAccessPass,
        });
      },
    });
  })
  .post('/admin/users/:upn/pass/revoke', (c) =>
    userAction(c, {
      what: (u) => <p>{c.var.t('admin.pass.revokeExplain', { name: u.displayName })}</p>,
      confirmLabel: c.var.t('admin.pass.revokeConfirm'),
      danger: true,
      run: async (u) => {
        await revokeTemporaryAccessPass(c.var.ctx, c.var.actor!, u.userPrincipalName);
        return 'pass-revoked';
      },
    }),
  );
