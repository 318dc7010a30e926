import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Front } from '../../db/schema.ts';
import { AppError, isAppError } from '../../errors.ts';
import {
  type ApplicationView,
  createLegacyApp,
  createOidcApp,
  deleteApp,
  getApp,
  legacyFronts,
  listApps,
  newClientSecret,
  updateOidcApp,
} from '../../services/applications.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { adminOf } from './guard.ts';
import { AdminLayout, Confirm, Notice, ShownOnce, time } from './layout.tsx';

// Applications: legacy ones (named on the fronts) and OpenID Connect clients,
// in one list, over the same services as the API and `portcullis app`.

type C = Context<HttpEnv>;

const FRONT_LABELS: Record<Front, string> = {
  verify: 'HTTP verify',
  'forward-auth': 'Forward-auth',
  ldap: 'LDAP',
  radius: 'RADIUS',
};

/** What was typed into the forms, shown again with the reason when it was refused. */
interface OidcDraft {
  name: string;
  redirectUris: string;
  postLogoutRedirectUris: string;
  requireMfa: boolean;
  firstParty: boolean;
  machine: boolean;
}
interface LegacyDraft {
  name: string;
  fronts: string[];
}
/** A client's URIs being changed (one per line, as typed). */
interface UrisDraft {
  redirectUris: string;
  postLogoutRedirectUris: string;
}

interface PageOpts {
  notice?: string;
  error?: string;
  /** A secret shown once, or a confirmation. */
  extra?: Child;
  oidcError?: string;
  legacyError?: string;
  oidc?: OidcDraft;
  legacy?: LegacyDraft;
}

const isMachine = (a: ApplicationView) => a.grantTypes.includes('client_credentials');
const kindOf = (a: ApplicationView) =>
  a.kind === 'legacy' ? 'Legacy' : isMachine(a) ? 'OpenID Connect (machine)' : 'OpenID Connect';
const yesNo = (a: ApplicationView, v: boolean) => (a.kind === 'oidc' ? (v ? 'Yes' : 'No') : '—');

const Addresses = ({ uris }: { uris: string[] }) => (
  <ul class="names">
    {uris.map((u) => (
      <li>
        <code>{u}</code>
      </li>
    ))}
  </ul>
);

function Uses({ a }: { a: ApplicationView }) {
  if (a.kind === 'legacy')
    return (
      <>
        {a.fronts.map((f) => FRONT_LABELS[f] ?? f).join(', ') || '—'}
        {a.hasRadiusSecret ? <span class="muted"> (RADIUS secret set)</span> : null}
      </>
    );
  if (!a.redirectUris.length) return <span class="muted">Client credentials</span>;
  return (
    <>
      <Addresses uris={a.redirectUris} />
      {a.postLogoutRedirectUris.length ? (
        <>
          <span class="muted">After signing out:</span>
          <Addresses uris={a.postLogoutRedirectUris} />
        </>
      ) : null}
    </>
  );
}

function AppTable({ apps, csrf }: { apps: ApplicationView[]; csrf: string }) {
  if (apps.length === 0) return <p class="muted">No applications yet.</p>;
  return (
    <table class="cards">
      <caption class="visually-hidden">Applications</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Id (client id)</th>
          <th scope="col">Kind</th>
          <th scope="col">Fronts or redirect URIs</th>
          <th scope="col">Requires MFA</th>
          <th scope="col">First-party</th>
          <th scope="col">Created</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {apps.map((a) => (
          <tr>
            <td>{a.name}</td>
            <td data-label="Id (client id)">
              <code>{a.id}</code>
            </td>
            <td data-label="Kind">{kindOf(a)}</td>
            <td data-label="Fronts or redirect URIs">
              <Uses a={a} />
            </td>
            <td data-label="Requires MFA">{yesNo(a, a.requireMfa)}</td>
            <td data-label="First-party">{yesNo(a, a.firstParty)}</td>
            <td data-label="Created">{time(a.createdAt)}</td>
            <td>
              {a.kind === 'oidc' && !isMachine(a) ? (
                <a href={`/admin/apps/${encodeURIComponent(a.id)}/uris`}>
                  Change redirect URIs…<span class="visually-hidden"> of {a.name}</span>
                </a>
              ) : null}
              {a.hasClientSecret ? (
                <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/secret`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="link">
                    New client secret…<span class="visually-hidden"> for {a.name}</span>
                  </button>
                </form>
              ) : null}
              <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/delete`}>
                <Csrf token={csrf} />
                <button type="submit" class="link">
                  Delete…<span class="visually-hidden"> {a.name}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One URI per line, as typed; blank lines dropped. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((u) => u.trim())
    .filter(Boolean);

const FormError = ({ message }: { message: string | undefined }) =>
  message ? (
    <p class="error" role="alert">
      Not added: {message}
    </p>
  ) : null;

function OidcForm({ csrf, d, error }: { csrf: string; d: OidcDraft | undefined; error?: string }) {
  return (
    <form method="post" action="/admin/apps/oidc" class="stack">
      <Csrf token={csrf} />
      <FormError message={error} />
      <label>
        Name
        <input type="text" name="name" required maxlength={100} value={d?.name ?? ''} />
      </label>
      <label>
        Redirect URIs, one per line (https; http only for localhost)
        <textarea name="redirectUris" rows={3} cols={60}>
          {d?.redirectUris ?? ''}
        </textarea>
      </label>
      <label>
        Post-logout redirect URIs, one per line (optional; where signing out of the application may
        send people back, same rules)
        <textarea name="postLogoutRedirectUris" rows={2} cols={60}>
          {d?.postLogoutRedirectUris ?? ''}
        </textarea>
      </label>
      <label class="choice">
        <input type="checkbox" name="requireMfa" value="on" checked={!!d?.requireMfa} />
        Requires MFA: everyone signing in to it needs MFA, whatever their state
      </label>
      <label class="choice">
        <input type="checkbox" name="firstParty" value="on" checked={!!d?.firstParty} />
        First-party: our own application, no consent page
      </label>
      <label class="choice">
        <input type="checkbox" name="machine" value="on" checked={!!d?.machine} />
        Machine client: client credentials, no users and no redirect URIs
      </label>
      <button type="submit">Add client</button>
    </form>
  );
}

/** Changes a web client's redirect URIs and post-logout redirect URIs. */
function UrisForm({
  a,
  csrf,
  d,
  error,
}: {
  a: ApplicationView;
  csrf: string;
  d: UrisDraft;
  error?: string;
}) {
  return (
    <section class="confirm" aria-labelledby="uris-title">
      <h2 id="uris-title">Redirect URIs of "{a.name}"</h2>
      {error ? (
        <p class="error" role="alert">
          Not changed: {error}
        </p>
      ) : null}
      <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/uris`} class="stack">
        <Csrf token={csrf} />
        <label>
          Redirect URIs, one per line (https; http only for localhost)
          <textarea name="redirectUris" rows={3} cols={60} required>
            {d.redirectUris}
          </textarea>
        </label>
        <label>
          Post-logout redirect URIs, one per line (where signing out of the application may send
          people back; empty for none)
          <textarea name="postLogoutRedirectUris" rows={2} cols={60}>
            {d.postLogoutRedirectUris}
          </textarea>
        </label>
        <div class="row">
          <button type="submit">Save</button>
          <a class="button-like" href="/admin/apps">
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}

function LegacyForm({
  csrf,
  d,
  error,
}: {
  csrf: string;
  d: LegacyDraft | undefined;
  error?: string;
}) {
  const chosen = d?.fronts ?? legacyFronts;
  return (
    <form method="post" action="/admin/apps/legacy" class="stack">
      <Csrf token={csrf} />
      <FormError message={error} />
      <label>
        Name
        <input type="text" name="name" required maxlength={100} value={d?.name ?? ''} />
      </label>
      <fieldset>
        <legend>Fronts it may use</legend>
        {legacyFronts.map((f) => (
          <label class="choice">
            <input type="checkbox" name="fronts" value={f} checked={chosen.includes(f)} />
            {FRONT_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <label>
        RADIUS shared secret (optional, 16 to 128 characters; the application is then a RADIUS
        client)
        <input
          type="password"
          name="radiusSecret"
          minlength={16}
          maxlength={128}
          autocomplete="new-password"
        />
      </label>
      <button type="submit">Add application</button>
    </form>
  );
}

async function page(c: C, o: PageOpts = {}) {
  const apps = await listApps(c.var.ctx);
  const csrf = c.var.session!.csrf_token;
  return c.html(
    <AdminLayout title="Applications" section="/admin/apps" admin={adminOf(c).upn} csrfToken={csrf}>
      <Notice message={o.notice} />
      {o.error ? (
        <p class="error" role="alert">
          {o.error}
        </p>
      ) : null}
      {o.extra ?? null}
      <p>
        Legacy applications (mail servers, VPNs, proxied sites) are named by their id on the fronts;
        OpenID Connect clients use it as their client id. A client secret is shown once; only a
        sealed copy is kept.
      </p>
      <AppTable apps={apps} csrf={csrf} />
      <h2>Add an OpenID Connect client</h2>
      <OidcForm csrf={csrf} d={o.oidc} {...(o.oidcError ? { error: o.oidcError } : {})} />
      <h2>Add a legacy application</h2>
      <LegacyForm csrf={csrf} d={o.legacy} {...(o.legacyError ? { error: o.legacyError } : {})} />
    </AdminLayout>,
  );
}

/** Runs a change; a refused input (400) shows the page again with the reason instead. */
async function orRefused<T>(work: () => Promise<T>): Promise<{ ok: T } | { refused: string }> {
  try {
    return { ok: await work() };
  } catch (e) {
    if (isAppError(e) && e.code === 'invalid_request') return { refused: e.publicMessage };
    throw e;
  }
}

async function appOf(c: C, id: string): Promise<ApplicationView> {
  const app = (await listApps(c.var.ctx)).find((a) => a.id === id);
  if (!app) throw new AppError('not_found', { detail: 'No such application (deleted already?).' });
  return app;
}

export const adminAppRoutes = new Hono<HttpEnv>()
  .get('/admin/apps', async (c) => {
    const added = c.req.query('added');
    const app = added ? (await listApps(c.var.ctx)).find((a) => a.id === added) : undefined;
    const changed = c.req.query('changed');
    const edited = changed ? (await listApps(c.var.ctx)).find((a) => a.id === changed) : undefined;
    return page(c, {
      ...(c.req.query('deleted') ? { notice: 'Application deleted.' } : {}),
      ...(app ? { notice: `Added "${app.name}": its application id is ${app.id}.` } : {}),
      ...(edited ? { notice: `Saved the redirect URIs of "${edited.name}".` } : {}),
    });
  })
  .get('/admin/apps/:id/uris', async (c) => {
    const app = await getApp(c.var.ctx, c.req.param('id'));
    if (app.kind !== 'oidc' || isMachine(app))
      throw new AppError('not_found', {
        detail: 'Only a web client (OpenID Connect, not a machine client) has redirect URIs.',
      });
    return page(c, {
      extra: (
        <UrisForm
          a={app}
          csrf={c.var.session!.csrf_token}
          d={{
            redirectUris: app.redirectUris.join('\n'),
            postLogoutRedirectUris: app.postLogoutRedirectUris.join('\n'),
          }}
        />
      ),
    });
  })
  .post('/admin/apps/:id/uris', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const app = await getApp(c.var.ctx, c.req.param('id'));
    const draft: UrisDraft = {
      redirectUris: (form.fields.redirectUris ?? '').slice(0, 50_000),
      postLogoutRedirectUris: (form.fields.postLogoutRedirectUris ?? '').slice(0, 50_000),
    };
    const r = await orRefused(() =>
      updateOidcApp(
        c.var.ctx,
        app.id,
        {
          redirectUris: lines(draft.redirectUris),
          postLogoutRedirectUris: lines(draft.postLogoutRedirectUris),
        },
        c.var.actor!,
      ),
    );
    if ('refused' in r) {
      c.status(400);
      return page(c, {
        extra: <UrisForm a={app} csrf={c.var.session!.csrf_token} d={draft} error={r.refused} />,
      });
    }
    return c.redirect(`/admin/apps?changed=${encodeURIComponent(app.id)}`, 303);
  })
  .post('/admin/apps/oidc', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const draft: OidcDraft = {
      name: form.fields.name ?? '',
      redirectUris: (form.fields.redirectUris ?? '').slice(0, 50_000),
      postLogoutRedirectUris: (form.fields.postLogoutRedirectUris ?? '').slice(0, 50_000),
      requireMfa: form.fields.requireMfa === 'on',
      firstParty: form.fields.firstParty === 'on',
      machine: form.fields.machine === 'on',
    };
    const r = await orRefused(() =>
      createOidcApp(
        c.var.ctx,
        {
          ...draft,
          redirectUris: lines(draft.redirectUris),
          postLogoutRedirectUris: lines(draft.postLogoutRedirectUris),
        },
        c.var.actor!,
      ),
    );
    if ('refused' in r) {
      c.status(400);
      return page(c, { oidc: draft, oidcError: r.refused });
    }
    const { application, clientSecret } = r.ok;
    return page(c, {
      extra: (
        <ShownOnce
          id="client-secret"
          title={`Client "${application.name}" added`}
          advice={`Client id: ${application.id}. Store the client secret now: it is shown only once.`}
          secret={clientSecret}
        />
      ),
    });
  })
  .post('/admin/apps/legacy', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const draft: LegacyDraft = { name: form.fields.name ?? '', fronts: form.all('fronts') };
    const radiusSecret = form.fields.radiusSecret ?? '';
    const r = await orRefused(() =>
      createLegacyApp(
        c.var.ctx,
        { ...draft, ...(radiusSecret ? { radiusSecret } : {}) },
        c.var.actor!,
      ),
    );
    if ('refused' in r) {
      c.status(400);
      // The RADIUS secret is not sent back to the browser: it is typed again.
      return page(c, { legacy: draft, legacyError: r.refused });
    }
    return c.redirect(`/admin/apps?added=${encodeURIComponent(r.ok.id)}`, 303);
  })
  .post('/admin/apps/:id/delete', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    if (form.fields.confirm !== 'yes') {
      const app = await appOf(c, id);
      return page(c, {
        extra: (
          <Confirm
            action={`/admin/apps/${encodeURIComponent(id)}/delete`}
            csrfToken={c.var.session!.csrf_token}
            what={
              <p>
                Delete {app.kind === 'oidc' ? 'the OpenID Connect client' : 'the application'} "
                {app.name}" ({app.id}).{' '}
                {app.kind === 'oidc'
                  ? 'Its grants and tokens are deleted and stop working at once; the application can no longer sign anyone in.'
                  : 'Its fronts stop accepting sign-ins for it at once.'}{' '}
                App passwords limited to it alone are deleted; others only lose it from their list.
                There is no undo.
              </p>
            }
            fields={[]}
            confirmLabel="Delete application"
            cancelHref="/admin/apps"
            danger
          />
        ),
      });
    }
    await deleteApp(c.var.ctx, id, c.var.actor!);
    return c.redirect('/admin/apps?deleted=1', 303);
  })
  .post('/admin/apps/:id/secret', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    if (form.fields.confirm !== 'yes') {
      const app = await appOf(c, id);
      return page(c, {
        extra: (
          <Confirm
            action={`/admin/apps/${encodeURIComponent(id)}/secret`}
            csrfToken={c.var.session!.csrf_token}
            what={
              <p>
                Give "{app.name}" ({app.id}) a new client secret. The current secret stops working
                at once: the application needs the new one to get tokens. Tokens it already has stay
                valid until they expire.
              </p>
            }
            fields={[]}
            confirmLabel="Make a new secret"
            cancelHref="/admin/apps"
            danger
          />
        ),
      });
    }
    const r = await orRefused(() => newClientSecret(c.var.ctx, id, c.var.actor!));
    if ('refused' in r) {
      c.status(400);
      return page(c, { error: r.refused });
    }
    return page(c, {
      extra: (
        <ShownOnce
          id="client-secret"
          title={`New client secret for "${r.ok.application.name}"`}
          advice={`Client id: ${r.ok.application.id}. Store the secret now: it is shown only once.`}
          secret={r.ok.clientSecret}
        />
      ),
    });
  });
