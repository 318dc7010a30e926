// My security info (/security-info, a stable URL admins can hand out): the
// user's methods (add through the same enrolment steps as proof-up, delete,
// change the default), app passwords, remembered devices and recent
// sign-ins. Every change to methods needs a fresh second factor.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { type AppError, isAppError, localMessage } from '../../errors.ts';
import { addMethodFlows } from '../../flows/add-method.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { findMethod, methods, worksAlone } from '../../methods/index.ts';
import { listAppPasswords } from '../../services/app-passwords.ts';
import { methodTypesForUser } from '../../services/methods-policy.ts';
import { deleteOwnMethod, recentSignins } from '../../services/my-security.ts';
import { getServiceSettings } from '../../services/settings.ts';
import {
  rememberedDeviceCount,
  restoreRememberedDevices,
  setDefaultMethod,
} from '../../services/user-settings.ts';
import { methodView } from '../../services/users.ts';
import type { UserRow } from '../../storage/users.ts';
import { clientInfo } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Csrf, ErrorMessage, Layout, methodText } from '../pages/layout.tsx';
import { LocalTime } from '../pages/time.tsx';
import { askFreshSecondFactor, signedInUser } from '../self-service.ts';
import { checkCsrf } from '../session.ts';

type C = Context<HttpEnv>;
const BASE = '/security-info';

const DONE: Record<string, MessageKey> = {
  added: 'security.done.added',
  deleted: 'security.done.deleted',
  default: 'security.done.default',
  forgotten: 'security.done.forgotten',
};

const actorOf = (c: C, user: UserRow) => ({
  name: user.upn,
  ip: clientInfo(c).ip,
  personalData: false,
});

const when = (t: number | string | null, locale: string) => <LocalTime at={t} lang={locale} />;

const label = (c: C, type: string) => {
  const m = findMethod(type);
  return m ? methodText(c.var.t, m).label : type;
};

async function overview(c: C, user: UserRow, error?: AppError) {
  const { ctx, t, locale } = c.var;
  const csrf = c.var.session!.csrf_token;
  const [settings, enrollable] = await Promise.all([
    getServiceSettings(ctx),
    methodTypesForUser(ctx, user.id, 'register'),
  ]);
  const rows = (await ctx.stores.methods.listForUser(user.id)).map((m) => methodView(null, m));
  // A backup method (recovery codes) only beside one that works on its own.
  const addable = methods.filter(
    (m) =>
      m.enrol &&
      enrollable.includes(m.id) &&
      (m.standalone !== false || rows.some((r) => worksAlone(r.methodType))),
  );
  const [appPasswords, devices, signins] = await Promise.all([
    listAppPasswords(ctx, user.id),
    rememberedDeviceCount(ctx, user.id),
    recentSignins(ctx, user.id, 10),
  ]);
  // Own keys only: ?done=constructor must not find Object.prototype's.
  const doneKey = c.req.query('done') ?? '';
  const done = Object.hasOwn(DONE, doneKey) ? DONE[doneKey] : undefined;
  if (error) c.status(error.status as 400);
  return c.html(
    <Layout t={t} lang={locale} title={t('security.title')}>
      <p>{t('security.intro')}</p>
      <ErrorMessage message={error && localMessage(error, t)} />
      {done ? <p role="status">{t(done)}</p> : null}

      <h2>{t('security.methods')}</h2>
      {rows.length === 0 ? (
        <p>{t('security.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('security.method')}</th>
              <th scope="col">{t('security.detail')}</th>
              <th scope="col">{t('security.added')}</th>
              <th scope="col">{t('security.lastUsed')}</th>
              <th scope="col">{t('security.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr>
                <td>
                  {label(c, m.methodType)}
                  {m.isDefault ? ` (${t('security.isDefault')})` : ''}
                </td>
                <td>{m.phoneNumber ?? m.name ?? ''}</td>
                <td>{when(m.createdAt, locale)}</td>
                <td>{when(m.lastUsedAt, locale)}</td>
                <td class="row">
                  {m.isDefault || !worksAlone(m.methodType) ? null : (
                    <form method="post" action={`${BASE}/methods/${m.id}/default`}>
                      <Csrf token={csrf} />
                      <button type="submit" class="link">
                        {t('security.makeDefault')}
                      </button>
                    </form>
                  )}
                  <a href={`${BASE}/methods/${m.id}/delete`}>{t('security.delete')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {addable.length > 0 ? (
        <form method="get" action={`${BASE}/add`} class="row">
          <label>
            {t('security.addChoose')}
            <select name="method">
              {addable.map((m) => (
                <option value={m.id}>{methodText(t, m).label}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t('security.add')}</button>
        </form>
      ) : null}

      <h2>{t('security.password')}</h2>
      <p>
        {user.source === 'directory' ? (
          t('error.managed_by_directory')
        ) : (
          <a href={`${BASE}/password`}>{t('security.changePassword')}</a>
        )}
      </p>

      {settings.appPasswordsAllowed || appPasswords.length > 0 ? (
        <>
          <h2>{t('security.appPasswords')}</h2>
          <p>
            {t('security.appPasswordCount', { n: appPasswords.length })}{' '}
            <a href={`${BASE}/app-passwords`}>{t('security.manage')}</a>
          </p>
        </>
      ) : null}

      <h2>{t('security.devices')}</h2>
      <p>{t('security.deviceCount', { n: devices })}</p>
      {devices > 0 ? (
        <form method="post" action={`${BASE}/devices/forget`}>
          <Csrf token={csrf} />
          <button type="submit" class="secondary-button">
            {t('security.forgetAll')}
          </button>
        </form>
      ) : null}

      <h2>{t('security.recent')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('security.when')}</th>
            <th scope="col">{t('security.application')}</th>
            <th scope="col">{t('security.address')}</th>
            <th scope="col">{t('security.result')}</th>
          </tr>
        </thead>
        <tbody>
          {signins.map((s) => (
            <tr>
              <td>{when(s.at, locale)}</td>
              <td>{s.application ?? s.front ?? ''}</td>
              <td>{s.ip ?? ''}</td>
              <td>{t(`security.result.${s.result}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/">{t('security.back')}</a>
      </p>
    </Layout>,
  );
}

/** The enrolment page of a method being added (its own form posts back here). */
async function enrolPage(
  c: C,
  user: UserRow,
  s: { flowId: string; method: NonNullable<ReturnType<typeof findMethod>>; state: unknown },
  error?: AppError,
  values?: Record<string, string>,
) {
  const { ctx, t, locale } = c.var;
  if (error) {
    if (error.retryAfter) c.header('Retry-After', String(error.retryAfter));
    c.status(error.status as 400);
  }
  const body = await s.method.enrol!.render(
    ctx.methodContext,
    { id: user.id, upn: user.upn, displayName: user.display_name, preferredLanguage: locale },
    s.state,
    {
      action: `${BASE}/add/${s.flowId}`,
      csrfToken: c.var.session!.csrf_token,
      t,
      ...(values ? { values } : {}),
    },
  );
  return c.html(
    <Layout t={t} lang={locale} title={t('security.addTitle', { method: label(c, s.method.id) })}>
      <ErrorMessage message={error && localMessage(error, t)} />
      {body}
      <p>
        <a href={BASE}>{t('security.cancel')}</a>
      </p>
    </Layout>,
  );
}

/** Errors a person can correct on the same page. */
const correctable = (e: unknown): e is AppError =>
  isAppError(e) &&
  [
    'invalid_code',
    'invalid_request',
    'conflict',
    'waiting',
    'too_many_attempts',
    'delivery_failed',
  ].includes(e.code);

export function securityInfoRoutes() {
  const adding = new WeakMap<object, ReturnType<typeof addMethodFlows>>();
  const flowsOf = (c: C) => {
    let f = adding.get(c.var.ctx);
    if (!f) {
      f = addMethodFlows(c.var.ctx);
      adding.set(c.var.ctx, f);
    }
    return f;
  };

  /** Runs a change for the signed-in user after a fresh second factor; back to the overview. */
  const change = (run: (c: C, user: UserRow) => Promise<string>) => async (c: C) => {
    const form = await readForm(c);
    checkCsrf(c, form._csrf);
    const user = await signedInUser(c);
    if (!user) return c.redirect(`/?rd=${BASE}`, 303);
    const ask = await askFreshSecondFactor(c, user, BASE);
    if (ask) return ask;
    try {
      return c.redirect(`${BASE}?done=${await run(c, user)}`, 303);
    } catch (e) {
      if (!correctable(e) && !(isAppError(e) && e.code === 'not_found')) throw e;
      return overview(c, user, e as AppError);
    }
  };

  return new Hono<HttpEnv>()
    .get(BASE, async (c) => {
      const user = await signedInUser(c);
      if (!user) return c.redirect(`/?rd=${BASE}`, 303);
      return overview(c, user);
    })

    .get(`${BASE}/add`, async (c) => {
      const user = await signedInUser(c);
      const here = `${BASE}/add?method=${encodeURIComponent(c.req.query('method') ?? '')}`;
      if (!user) return c.redirect(`/?rd=${encodeURIComponent(here)}`, 303);
      const ask = await askFreshSecondFactor(c, user, here);
      if (ask) return ask;
      try {
        const s = await flowsOf(c).begin(user, c.req.query('method') ?? '', clientInfo(c));
        return enrolPage(c, user, s);
      } catch (e) {
        if (!correctable(e)) throw e;
        return overview(c, user, e);
      }
    })

    .post(`${BASE}/add/:flow`, async (c) => {
      const form = await readForm(c);
      checkCsrf(c, form._csrf);
      const user = await signedInUser(c);
      if (!user) return c.redirect(`/?rd=${BASE}`, 303);
      const flows = flowsOf(c);
      const flowId = c.req.param('flow');
      try {
        const r = await flows.complete(user, flowId, form, c.var.t);
        if (r.done) return c.redirect(`${BASE}?done=added`, 303);
        return enrolPage(c, user, r.s);
      } catch (e) {
        if (isAppError(e) && e.code === 'signin_expired') return overview(c, user, e);
        if (!correctable(e)) throw e;
        return enrolPage(c, user, await flows.load(user, flowId), e, form);
      }
    })

    .get(`${BASE}/methods/:id/delete`, async (c) => {
      const user = await signedInUser(c);
      if (!user) return c.redirect(`/?rd=${BASE}`, 303);
      const { t, locale } = c.var;
      const method = (await c.var.ctx.stores.methods.listForUser(user.id)).find(
        (m) => m.id === c.req.param('id'),
      );
      if (!method) return c.redirect(BASE, 303);
      const name = label(c, method.method_type);
      return c.html(
        <Layout t={t} lang={locale} title={t('security.deleteTitle', { method: name })}>
          <p>{t('security.deleteBody', { method: name })}</p>
          <form method="post" action={`${BASE}/methods/${method.id}/delete`} class="row">
            <Csrf token={c.var.session!.csrf_token} />
            <button type="submit">{t('security.delete')}</button>
            <a href={BASE}>{t('security.cancel')}</a>
          </form>
        </Layout>,
      );
    })

    .post(
      `${BASE}/methods/:id/delete`,
      change(async (c, user) => {
        await deleteOwnMethod(c.var.ctx, actorOf(c, user), user, c.req.param('id') ?? '', c.var.t);
        return 'deleted';
      }),
    )

    .post(
      `${BASE}/methods/:id/default`,
      change(async (c, user) => {
        await setDefaultMethod(c.var.ctx, actorOf(c, user), user.upn, c.req.param('id') ?? '');
        return 'default';
      }),
    )

    .post(`${BASE}/devices/forget`, async (c) => {
      const form = await readForm(c);
      checkCsrf(c, form._csrf);
      const user = await signedInUser(c);
      if (!user) return c.redirect(`/?rd=${BASE}`, 303);
      await restoreRememberedDevices(c.var.ctx, actorOf(c, user), [user.upn]);
      return c.redirect(`${BASE}?done=forgotten`, 303);
    });
}
