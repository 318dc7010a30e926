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
import { adminOf } from './guard.ts';
import { AdminLayout, Confirm, Notice, ShownOnce, time } from './layout.tsx';

type C = Context<HttpEnv>;

async function page(c: C, extra?: unknown, notice?: string) {
  const tokens = await listApiTokens(c.var.ctx);
  const csrf = c.var.session!.csrf_token;
  return c.html(
    <AdminLayout title="API tokens" section="/admin/tokens" admin={adminOf(c).upn} csrfToken={csrf}>
      <Notice message={notice} />
      {extra as never}
      <p>
        Admin API tokens let scripts use the REST API (<a href="/api/v1/openapi.json">OpenAPI</a>)
        and the command line with <code>--url</code>. A token is shown once; only its hash is kept.
      </p>
      {tokens.length === 0 ? (
        <p class="muted">No tokens.</p>
      ) : (
        <table class="cards">
          <caption class="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Personal data</th>
              <th scope="col">Created</th>
              <th scope="col">By</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td data-label="Scope">{t.scope}</td>
                <td data-label="Personal data">
                  {t.rights.includes('personal-data') ? 'Yes' : 'No'}
                </td>
                <td data-label="Created">{time(t.createdAt)}</td>
                <td data-label="By">{t.createdBy ?? '—'}</td>
                <td data-label="Last used">{time(t.lastUsedAt)}</td>
                <td>
                  <form method="post" action={`/admin/tokens/${t.id}/revoke`}>
                    <Csrf token={csrf} />
                    <button type="submit" class="link">
                      Revoke…<span class="visually-hidden"> {t.name}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Create a token</h2>
      <form method="post" action="/admin/tokens" class="stack">
        <Csrf token={csrf} />
        <label>
          Name (what it is for)
          <input type="text" name="name" required maxlength={100} />
        </label>
        <fieldset>
          <legend>Scope</legend>
          <label class="choice">
            <input type="radio" name="scope" value="read" checked />
            Read only: may look, may not change anything
          </label>
          <label class="choice">
            <input type="radio" name="scope" value="read-write" />
            Read and write: may do everything the admin API offers
          </label>
          <label class="choice">
            <input type="radio" name="scope" value="scim" />
            SCIM provisioning: the SCIM endpoints ({'/scim/v2'}) only, for an identity provider or
            HR system
          </label>
        </fieldset>
        <label class="choice">
          <input type="checkbox" name="personalData" value="on" />
          May see personal data (full phone numbers)
        </label>
        <button type="submit">Create token</button>
      </form>
    </AdminLayout>,
  );
}

export const adminTokenRoutes = new Hono<HttpEnv>()
  .get('/admin/tokens', (c) =>
    page(c, undefined, c.req.query('revoked') ? 'Token revoked.' : undefined),
  )
  .post('/admin/tokens', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const scope = form.fields.scope as TokenScope;
    if (!tokenScopes.includes(scope))
      throw new AppError('invalid_request', { detail: 'Choose a scope.' });
    const created = await createApiToken(c.var.ctx, c.var.actor!, {
      name: form.fields.name ?? '',
      scope,
      rights: form.fields.personalData === 'on' ? ['personal-data'] : [],
    });
    return page(
      c,
      <ShownOnce
        id="token-value"
        title={`Token "${created.apiToken.name}" created`}
        advice="Store it now: it is shown only once."
        secret={created.token}
      />,
    );
  })
  .post('/admin/tokens/:id/revoke', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    if (form.fields.confirm !== 'yes') {
      const token = (await listApiTokens(c.var.ctx)).find((t) => t.id === id);
      if (!token) throw new AppError('not_found', { detail: 'No such token.' });
      return page(
        c,
        <Confirm
          action={`/admin/tokens/${id}/revoke`}
          csrfToken={c.var.session!.csrf_token}
          what={<p>Scripts using the token "{token.name}" stop working at once.</p>}
          fields={[]}
          confirmLabel="Revoke token"
          cancelHref="/admin/tokens"
          danger
        />,
      );
    }
    await revokeApiToken(c.var.ctx, c.var.actor!, id);
    return c.redirect('/admin/tokens?revoked=1', 303);
  });
