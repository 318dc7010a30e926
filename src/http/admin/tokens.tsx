import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type TokenScope,
  tokenScopes,
} from '../../services/api-tokens.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { rich } from './i18n.tsx';
import { adminPage, Confirm, Notice, redirectShowingOnce, time } from './layout.tsx';

type C = Context<HttpEnv>;

async function page(c: C, extra?: unknown, notice?: string) {
  const tokens = await listApiTokens(c.var.ctx);
  const csrf = c.var.session!.csrf_token;
  const { t } = c.var;
  return adminPage(
    c,
    '/admin/tokens',
    t('admin.nav.tokens'),
    <>
      <Notice message={notice} />
      {extra as never}
      <p>
        {rich(t, 'admin.tokens.intro', {
          openapi: <a href="/api/v1/openapi.json">OpenAPI</a>,
          url: <code>--url</code>,
        })}
      </p>
      {tokens.length === 0 ? (
        <p class="muted">{t('admin.tokens.none')}</p>
      ) : (
        <table class="cards">
          <caption class="visually-hidden">{t('admin.nav.tokens')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.common.name')}</th>
              <th scope="col">{t('admin.tokens.scope')}</th>
              <th scope="col">{t('admin.tokens.personalData')}</th>
              <th scope="col">{t('admin.common.created')}</th>
              <th scope="col">{t('admin.tokens.by')}</th>
              <th scope="col">{t('admin.common.lastUsed')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('admin.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((k) => (
              <tr>
                <td>{k.name}</td>
                <td data-label={t('admin.tokens.scope')}>{k.scope}</td>
                <td data-label={t('admin.tokens.personalData')}>
                  {t(k.rights.includes('personal-data') ? 'admin.common.yes' : 'admin.common.no')}
                </td>
                <td data-label={t('admin.common.created')}>{time(k.createdAt)}</td>
                <td data-label={t('admin.tokens.by')}>{k.createdBy ?? '—'}</td>
                <td data-label={t('admin.common.lastUsed')}>{time(k.lastUsedAt)}</td>
                <td>
                  <form method="post" action={`/admin/tokens/${k.id}/revoke`}>
                    <Csrf token={csrf} />
                    <button type="submit" class="link">
                      {t('admin.tokens.revoke')}
                      <span class="visually-hidden"> {k.name}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('admin.tokens.create')}</h2>
      <form method="post" action="/admin/tokens" class="stack">
        <Csrf token={csrf} />
        <label>
          {t('admin.tokens.name')}
          <input type="text" name="name" required maxlength={100} />
        </label>
        <fieldset>
          <legend>{t('admin.tokens.scope')}</legend>
          <label class="choice">
            <input type="radio" name="scope" value="read" checked />
            {t('admin.tokens.scopeRead')}
          </label>
          <label class="choice">
            <input type="radio" name="scope" value="read-write" />
            {t('admin.tokens.scopeReadWrite')}
          </label>
          <label class="choice">
            <input type="radio" name="scope" value="scim" />
            {t('admin.tokens.scopeScim', { path: '/scim/v2' })}
          </label>
        </fieldset>
        <label class="choice">
          <input type="checkbox" name="personalData" value="on" />
          {t('admin.tokens.personalDataRight')}
        </label>
        <button type="submit">{t('admin.tokens.createButton')}</button>
      </form>
    </>,
  );
}

export const adminTokenRoutes = new Hono<HttpEnv>()
  .get('/admin/tokens', (c) =>
    page(c, undefined, c.req.query('revoked') ? c.var.t('admin.tokens.revoked') : undefined),
  )
  .post('/admin/tokens', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const scope = form.fields.scope as TokenScope;
    if (!tokenScopes.includes(scope))
      throw new AppError('invalid_request', {
        detail: 'Choose a scope.',
        local: { key: 'admin.tokens.chooseScope' },
      });
    const created = await createApiToken(c.var.ctx, c.var.actor!, {
      name: form.fields.name ?? '',
      scope,
      rights: form.fields.personalData === 'on' ? ['personal-data'] : [],
    });
    return redirectShowingOnce(c, '/admin/tokens', {
      id: 'token-value',
      title: c.var.t('admin.tokens.created', { name: created.apiToken.name }),
      advice: c.var.t('admin.tokens.storeNow'),
      secret: created.token,
    });
  })
  .post('/admin/tokens/:id/revoke', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    if (form.fields.confirm !== 'yes') {
      const token = (await listApiTokens(c.var.ctx)).find((t) => t.id === id);
      if (!token)
        throw new AppError('not_found', {
          detail: 'No such token.',
          local: { key: 'admin.tokens.noSuch' },
        });
      return page(
        c,
        <Confirm
          t={c.var.t}
          action={`/admin/tokens/${id}/revoke`}
          csrfToken={c.var.session!.csrf_token}
          what={<p>{c.var.t('admin.tokens.revokeExplain', { name: token.name })}</p>}
          fields={[]}
          confirmLabel={c.var.t('admin.tokens.revokeConfirm')}
          cancelHref="/admin/tokens"
          danger
        />,
      );
    }
    await revokeApiToken(c.var.ctx, c.var.actor!, id);
    return c.redirect('/admin/tokens?revoked=1', 303);
  });
