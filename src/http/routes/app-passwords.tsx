import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError, isAppError, localMessage } from '../../errors.ts';
import {
  type AppPasswordView,
  createAppPassword,
  deleteAppPassword,
  listAppPasswords,
} from '../../services/app-passwords.ts';
import { type ApplicationView, listApps } from '../../services/applications.ts';
import { getServiceSettings } from '../../services/settings.ts';
import type { UserRow } from '../../storage/users.ts';
import { clientInfo } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { setFlash, takeFlash } from '../flash.ts';
import { readForm, readFormValues } from '../form.ts';
import { Csrf, ErrorMessage, Layout, type PageProps } from '../pages/layout.tsx';
import { LocalTime, utcText } from '../pages/time.tsx';
import { safeReturnTo } from '../return-to.ts';
import { askFreshSecondFactor, signedInUser } from '../self-service.ts';
import { checkCsrf } from '../session.ts';

type C = Context<HttpEnv>;
const BASE = '/security-info/app-passwords';

const when = (iso: string | null, locale: string) => <LocalTime at={iso} lang={locale} />;

const AppPasswordsPage = (
  p: PageProps & {
    csrf: string;
    items: AppPasswordView[];
    apps: ApplicationView[];
    created?: { name: string; password: string };
    notice?: string;
    error?: string;
  },
) => {
  const appName = (id: string) => p.apps.find((a) => a.id === id)?.name ?? id;
  return (
    <Layout t={p.t} lang={p.lang} title={p.t('apppw.title')}>
      <p>{p.t('apppw.intro')}</p>
      <ErrorMessage message={p.error} />
      {p.notice ? <p role="status">{p.notice}</p> : null}
      {p.created ? (
        <section class="stack created" aria-labelledby="created-title">
          <h2 id="created-title">{p.t('apppw.createdTitle')}</h2>
          <p>
            <strong>{p.created.name}</strong>
          </p>
          <p>
            <code id="new-app-password" class="secret">
              {p.created.password}
            </code>{' '}
            <button type="button" data-copy="new-app-password">
              {p.t('apppw.copy')}
            </button>
          </p>
          <p>{p.t('apppw.showOnce')}</p>
        </section>
      ) : null}
      {p.items.length === 0 ? (
        <p>{p.t('apppw.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{p.t('apppw.colName')}</th>
              <th>{p.t('apppw.colScope')}</th>
              <th>{p.t('apppw.colCreated')}</th>
              <th>{p.t('apppw.colLastUsed')}</th>
              <th>{p.t('apppw.colExpires')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr>
                <td>{i.name}</td>
                <td>{i.scopes.length ? i.scopes.map(appName).join(', ') : p.t('apppw.anyApp')}</td>
                <td>{when(i.createdAt, p.lang)}</td>
                <td>
                  {i.lastUsedAt
                    ? p.t('apppw.usedFrom', {
                        time: utcText(i.lastUsedAt, p.lang),
                        address: i.lastUsedFrom ?? '?',
                      })
                    : p.t('apppw.neverUsed')}
                </td>
                <td>{i.expiresAt ? when(i.expiresAt, p.lang) : p.t('apppw.never')}</td>
                <td>
                  <form method="post" action={`${BASE}/${encodeURIComponent(i.id)}/delete`}>
                    <Csrf token={p.csrf} />
                    <button
                      type="submit"
                      class="link"
                      aria-label={`${p.t('apppw.delete')} ${i.name}`}
                    >
                      {p.t('apppw.delete')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action={BASE} class="stack">
        <Csrf token={p.csrf} />
        <label for="name">{p.t('apppw.name')}</label>
        <input
          id="name"
          name="name"
          maxlength={100}
          placeholder={p.t('apppw.namePlaceholder')}
          required
        />
        {p.apps.length ? (
          <fieldset>
            <legend>{p.t('apppw.scope')}</legend>
            {p.apps.map((a) => (
              <label class="choice">
                <input type="checkbox" name="scope" value={a.id} />
                <span>{a.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <label for="expires">{p.t('apppw.expiry')}</label>
        <select id="expires" name="expires">
          <option value="">{p.t('apppw.never')}</option>
          {[30, 90, 365].map((d) => (
            <option value={String(d)}>{p.t('apppw.inDays', { days: d })}</option>
          ))}
        </select>
        <button type="submit">{p.t('apppw.create')}</button>
      </form>
      <p>
        <a href="/">{p.t('apppw.back')}</a>
      </p>
      <script src="/static/copy.js" defer />
    </Layout>
  );
};

async function show(
  c: C,
  user: UserRow,
  extra: { created?: { name: string; password: string }; notice?: string; error?: AppError } = {},
) {
  const { ctx, t } = c.var;
  if (extra.error) c.status(extra.error.status as 400);
  return c.html(
    <AppPasswordsPage
      t={t}
      lang={c.var.locale}
      csrf={c.var.session!.csrf_token}
      items={await listAppPasswords(ctx, user.id)}
      apps={(await listApps(ctx)).filter((a) => a.kind === 'legacy')}
      {...(extra.created ? { created: extra.created } : {})}
      {...(extra.notice ? { notice: extra.notice } : {})}
      {...(extra.error ? { error: localMessage(extra.error, t) } : {})}
    />,
  );
}

/** Security info → App passwords, and the proof-up step that introduces them. */
export const appPasswordRoutes = new Hono<HttpEnv>()
  .get(`${BASE}/intro`, async (c) => {
    const user = await signedInUser(c);
    if (!user) return c.redirect('/', 303);
    const { t } = c.var;
    // Where sign-in was going (a path here, or a trusted host behind forward-auth).
    const next = safeReturnTo(c.var.ctx.config, c.req.query('next')) ?? '/';
    return c.html(
      <Layout t={t} lang={c.var.locale} title={t('proofup.appPasswordsTitle')}>
        <p>{t('proofup.appPasswordsBody')}</p>
        <p class="row">
          <a class="button" href={BASE}>
            {t('apppw.create')}
          </a>
          <a class="button secondary-button" href={next}>
            {t('proofup.done')}
          </a>
        </p>
      </Layout>,
    );
  })
  .get(BASE, async (c) => {
    const user = await signedInUser(c);
    if (!user) return c.redirect('/', 303);
    c.header('Cache-Control', 'no-store');
    const created = takeFlash<{ name: string; password: string }>(c, 'app-password');
    const done = c.req.query('done');
    return show(c, user, {
      ...(created ? { created } : {}),
      ...(done === 'deleted' ? { notice: c.var.t('apppw.deleted') } : {}),
    });
  })
  .post(BASE, async (c) => {
    const { fields: form, all } = await readFormValues(c);
    checkCsrf(c, form._csrf);
    const user = await signedInUser(c);
    if (!user) return c.redirect('/', 303);
    const ask = await askFreshSecondFactor(c, user, BASE);
    if (ask) return ask;
    const scopes = all('scope');
    const days = Number(form.expires || 0);
    try {
      if (![0, 30, 90, 365].includes(days))
        throw new AppError('invalid_request', { detail: 'Choose an expiry from the list.' });
      const { ctx } = c.var;
      const { password, appPassword } = await createAppPassword(
        ctx,
        user.id,
        {
          name: form.name ?? '',
          scopes,
          expiresAt: days ? ctx.clock.now() + days * 86_400_000 : null,
        },
        { actor: { name: user.upn, ip: clientInfo(c).ip }, upn: user.upn },
      );
      // Post/redirect/get: a reload of the page shows the list, never makes a second one.
      setFlash(c, 'app-password', { name: appPassword.name, password });
      return c.redirect(`${BASE}?done=created`, 303);
    } catch (e) {
      if (!isAppError(e) || e.status >= 500) throw e;
      return show(c, user, { error: e });
    }
  })
  .post(`${BASE}/:id/delete`, async (c) => {
    const form = await readForm(c);
    checkCsrf(c, form._csrf);
    const user = await signedInUser(c);
    if (!user) return c.redirect('/', 303);
    const ask = await askFreshSecondFactor(c, user, BASE);
    if (ask) return ask;
    await deleteAppPassword(
      c.var.ctx,
      { name: user.upn, ip: clientInfo(c).ip },
      { id: user.id, upn: user.upn },
      c.req.param('id'),
    );
    return c.redirect(`${BASE}?done=deleted`, 303);
  });

/** Whether the proof-up step about app passwords applies (the organisation allows them). */
export const appPasswordsOffered = async (c: C) =>
  (await getServiceSettings(c.var.ctx)).appPasswordsAllowed;
