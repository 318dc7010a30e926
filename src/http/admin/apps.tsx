import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { AppError, isAppError, localMessage } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import { APP_STRENGTHS } from '../../policy/strength.ts';
import { setAppAccess } from '../../services/app-access.ts';
import {
  type ApplicationView,
  clientTypeOf,
  createLegacyApp,
  createOidcApp,
  deleteApp,
  getApp,
  legacyFronts,
  listApps,
  newClientSecret,
  radiusModes,
  updateLegacyApp,
  updateOidcApp,
} from '../../services/applications.ts';
import {
  deleteLdapServiceAccount,
  newLdapServiceAccount,
} from '../../services/ldap-service-accounts.ts';
import { ID_TOKEN_ALGS } from '../../services/signing-algs.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { frontLabel } from './i18n.tsx';
import { adminPage, Confirm, Notice, redirectShowingOnce, time } from './layout.tsx';

// Applications: legacy ones (named on the fronts) and OpenID Connect clients,
// in one list, over the same services as the API and `portcullis app`.

type C = Context<HttpEnv>;

/** What was typed into the forms, shown again with the reason when it was refused. */
interface OidcDraft {
  name: string;
  redirectUris: string;
  postLogoutRedirectUris: string;
  backchannelLogoutUri: string;
  strength: string;
  firstParty: boolean;
  machine: boolean;
  device: boolean;
  idTokenSigningAlg: string;
}
interface LegacyDraft {
  name: string;
  fronts: string[];
  radiusMode: string;
  /** Accept RADIUS requests without a Message-Authenticator. */
  oldClients: boolean;
  ldapServiceAccount?: boolean;
}
/** A client's URIs being changed (one per line, as typed). */
interface UrisDraft {
  redirectUris: string;
  postLogoutRedirectUris: string;
  backchannelLogoutUri: string;
  idTokenSigningAlg: string;
  strength: string;
}

/** The authentication strength a client requires (src/policy/strength.ts). */
function StrengthChoice({ t, value }: { t: Translate; value: string | undefined }) {
  return (
    <label>
      {t('admin.apps.strengthHelp')}
      <select name="strength">
        {APP_STRENGTHS.map((s) => (
          <option value={s} selected={(value ?? 'none') === s}>
            {t(`admin.apps.strength.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How the client's ID tokens are signed: RS256 (any client) or ES256. */
function AlgChoice({ t, value }: { t: Translate; value: string | undefined }) {
  return (
    <label>
      {t('admin.apps.idTokenAlg')}
      <select name="idTokenSigningAlg">
        {ID_TOKEN_ALGS.map((alg) => (
          <option value={alg} selected={(value ?? 'RS256') === alg}>
            {t(alg === 'RS256' ? 'admin.apps.idTokenAlgRs256' : 'admin.apps.idTokenAlgEs256')}
          </option>
        ))}
      </select>
    </label>
  );
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

const isMachine = (a: ApplicationView) => clientTypeOf(a.grantTypes) === 'machine';
/** A web client: the only kind sent back to redirect URIs. */
const isWeb = (a: ApplicationView) => a.kind === 'oidc' && clientTypeOf(a.grantTypes) === 'web';
const KIND_KEYS = {
  web: 'admin.apps.kindOidc',
  machine: 'admin.apps.kindMachine',
  device: 'admin.apps.kindDevice',
} as const;
const kindOf = (t: Translate, a: ApplicationView) =>
  t(
    a.kind === 'legacy'
      ? 'admin.apps.kindLegacy'
      : a.kind === 'saml'
        ? 'admin.apps.kindSaml'
        : KIND_KEYS[clientTypeOf(a.grantTypes)],
  );
const yesNo = (t: Translate, a: ApplicationView, v: boolean) =>
  a.kind === 'oidc' ? t(v ? 'admin.common.yes' : 'admin.common.no') : '—';

const Addresses = ({ uris }: { uris: string[] }) => (
  <ul class="names">
    {uris.map((u) => (
      <li>
        <code>{u}</code>
      </li>
    ))}
  </ul>
);

function Uses({ t, a }: { t: Translate; a: ApplicationView }) {
  if (a.kind === 'legacy')
    return (
      <>
        {a.fronts.map((f) => frontLabel(t, f)).join(', ') || '—'}
        {a.hasRadiusSecret ? (
          <span class="muted">
            {' '}
            ({t('admin.apps.radiusSecretSet')}
            {a.radiusMode === 'mfa' ? `; ${t('admin.apps.radiusMfaSet')}` : ''})
          </span>
        ) : null}
        {a.hasLdapServiceAccount ? (
          <span class="muted"> ({t('admin.apps.serviceAccountSet')})</span>
        ) : null}
        {a.assignmentRequired ? (
          <div>
            {a.groups.length
              ? t('admin.apps.onlyGroups', { groups: a.groups.join(', ') })
              : t('admin.apps.noOne')}
          </div>
        ) : null}
      </>
    );
  if (a.saml)
    return (
      <>
        <span class="muted">{t('admin.apps.samlEntity')}</span> <code>{a.saml.entityId}</code>
        <Addresses uris={a.saml.acsUrls} />
      </>
    );
  if (clientTypeOf(a.grantTypes) === 'device')
    return <span class="muted">{t('admin.apps.deviceCode')}</span>;
  if (!a.redirectUris.length) return <span class="muted">{t('admin.apps.clientCredentials')}</span>;
  return (
    <>
      <Addresses uris={a.redirectUris} />
      {a.postLogoutRedirectUris.length ? (
        <>
          <span class="muted">{t('admin.apps.afterSignout')}</span>
          <Addresses uris={a.postLogoutRedirectUris} />
        </>
      ) : null}
    </>
  );
}

function AppTable({ t, apps, csrf }: { t: Translate; apps: ApplicationView[]; csrf: string }) {
  if (apps.length === 0) return <p class="muted">{t('admin.apps.none')}</p>;
  return (
    <table class="cards">
      <caption class="visually-hidden">{t('admin.nav.apps')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.common.name')}</th>
          <th scope="col">{t('admin.apps.id')}</th>
          <th scope="col">{t('admin.apps.kind')}</th>
          <th scope="col">{t('admin.apps.uses')}</th>
          <th scope="col">{t('admin.apps.strength')}</th>
          <th scope="col">{t('admin.apps.firstParty')}</th>
          <th scope="col">{t('admin.common.created')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('admin.common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {apps.map((a) => (
          <tr>
            <td>{a.name}</td>
            <td data-label={t('admin.apps.id')}>
              <code>{a.id}</code>
            </td>
            <td data-label={t('admin.apps.kind')}>{kindOf(t, a)}</td>
            <td data-label={t('admin.apps.uses')}>
              <Uses t={t} a={a} />
            </td>
            <td data-label={t('admin.apps.strength')}>
              {a.kind === 'saml' || (a.kind === 'oidc' && !isMachine(a))
                ? t(`admin.apps.strength.${a.strength}`)
                : '—'}
            </td>
            <td data-label={t('admin.apps.firstParty')}>{yesNo(t, a, a.firstParty)}</td>
            <td data-label={t('admin.common.created')}>{time(a.createdAt)}</td>
            <td>
              {a.kind === 'legacy' && a.fronts.includes('radius') ? (
                <a href={`/admin/apps/${encodeURIComponent(a.id)}/radius`}>
                  {t('admin.apps.changeRadius')}
                  <span class="visually-hidden"> ({a.name})</span>
                </a>
              ) : null}
              {isWeb(a) ? (
                <a href={`/admin/apps/${encodeURIComponent(a.id)}/uris`}>
                  {t('admin.apps.changeUris')}
                  <span class="visually-hidden"> ({a.name})</span>
                </a>
              ) : null}
              {a.kind === 'legacy' ? <LegacyActions t={t} a={a} csrf={csrf} /> : null}
              {a.hasClientSecret ? (
                <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/secret`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="link">
                    {t('admin.apps.newSecret')}
                    <span class="visually-hidden"> ({a.name})</span>
                  </button>
                </form>
              ) : null}
              <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/delete`}>
                <Csrf token={csrf} />
                <button type="submit" class="link">
                  {t('admin.common.deleteAsk')}
                  <span class="visually-hidden"> {a.name}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who may use a legacy application, and its LDAP service account. */
function LegacyActions({ t, a, csrf }: { t: Translate; a: ApplicationView; csrf: string }) {
  const at = `/admin/apps/${encodeURIComponent(a.id)}`;
  return (
    <>
      <a href={`${at}/access`}>
        {t('admin.apps.access')}
        <span class="visually-hidden"> ({a.name})</span>
      </a>
      {a.fronts.includes('ldap') ? (
        <form method="post" action={`${at}/ldap-service-account`}>
          <Csrf token={csrf} />
          <button type="submit" class="link">
            {t('admin.apps.newServiceAccount')}
            <span class="visually-hidden"> ({a.name})</span>
          </button>
        </form>
      ) : null}
      {a.hasLdapServiceAccount ? (
        <form method="post" action={`${at}/ldap-service-account/delete`}>
          <Csrf token={csrf} />
          <button type="submit" class="link">
            {t('admin.apps.deleteServiceAccount')}
            <span class="visually-hidden"> ({a.name})</span>
          </button>
        </form>
      ) : null}
    </>
  );
}

/** Who may use a legacy application: all users, or members of groups (one name per line). */
function AccessForm({
  t,
  a,
  csrf,
  d,
  error,
}: {
  t: Translate;
  a: ApplicationView;
  csrf: string;
  d: { onlyGroups: boolean; groups: string };
  error?: string;
}) {
  return (
    <section class="confirm" aria-labelledby="access-title">
      <h2 id="access-title">{t('admin.apps.accessTitle', { name: a.name })}</h2>
      {error ? (
        <p class="error" role="alert">
          {t('admin.apps.notChanged', { reason: error })}
        </p>
      ) : null}
      <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/access`} class="stack">
        <Csrf token={csrf} />
        <label class="choice">
          <input type="radio" name="who" value="all" checked={!d.onlyGroups} />
          {t('admin.apps.accessAll')}
        </label>
        <label class="choice">
          <input type="radio" name="who" value="groups" checked={d.onlyGroups} />
          {t('admin.apps.accessGroups')}
        </label>
        <label>
          {t('admin.apps.accessGroupNames')}
          <textarea name="groups" rows={4} cols={40}>
            {d.groups}
          </textarea>
        </label>
        <div class="row">
          <button type="submit">{t('admin.common.save')}</button>
          <a class="button-like" href="/admin/apps">
            {t('admin.common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

/** One URI per line, as typed; blank lines dropped. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((u) => u.trim())
    .filter(Boolean);

const FormError = ({ t, message }: { t: Translate; message: string | undefined }) =>
  message ? (
    <p class="error" role="alert">
      {t('admin.apps.notAdded', { reason: message })}
    </p>
  ) : null;

function OidcForm({
  t,
  csrf,
  d,
  error,
}: {
  t: Translate;
  csrf: string;
  d: OidcDraft | undefined;
  error?: string;
}) {
  return (
    <form method="post" action="/admin/apps/oidc" class="stack">
      <Csrf token={csrf} />
      <FormError t={t} message={error} />
      <label>
        {t('admin.common.name')}
        <input type="text" name="name" required maxlength={100} value={d?.name ?? ''} />
      </label>
      <label>
        {t('admin.apps.redirectUris')}
        <textarea name="redirectUris" rows={3} cols={60}>
          {d?.redirectUris ?? ''}
        </textarea>
      </label>
      <label>
        {t('admin.apps.postLogoutUrisNew')}
        <textarea name="postLogoutRedirectUris" rows={2} cols={60}>
          {d?.postLogoutRedirectUris ?? ''}
        </textarea>
      </label>
      <label>
        {t('admin.apps.backchannelUri')}
        <input type="url" name="backchannelLogoutUri" value={d?.backchannelLogoutUri ?? ''} />
      </label>
      <StrengthChoice t={t} value={d?.strength} />
      <label class="choice">
        <input type="checkbox" name="firstParty" value="on" checked={!!d?.firstParty} />
        {t('admin.apps.firstPartyHelp')}
      </label>
      <label class="choice">
        <input type="checkbox" name="machine" value="on" checked={!!d?.machine} />
        {t('admin.apps.machineHelp')}
      </label>
      <label class="choice">
        <input type="checkbox" name="device" value="on" checked={!!d?.device} />
        {t('admin.apps.deviceHelp')}
      </label>
      <AlgChoice t={t} value={d?.idTokenSigningAlg} />
      <button type="submit">{t('admin.apps.addClient')}</button>
    </form>
  );
}

/** Changes a web client's redirect URIs and post-logout redirect URIs. */
function UrisForm({
  t,
  a,
  csrf,
  d,
  error,
}: {
  t: Translate;
  a: ApplicationView;
  csrf: string;
  d: UrisDraft;
  error?: string;
}) {
  return (
    <section class="confirm" aria-labelledby="uris-title">
      <h2 id="uris-title">{t('admin.apps.urisTitle', { name: a.name })}</h2>
      {error ? (
        <p class="error" role="alert">
          {t('admin.apps.notChanged', { reason: error })}
        </p>
      ) : null}
      <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/uris`} class="stack">
        <Csrf token={csrf} />
        <label>
          {t('admin.apps.redirectUris')}
          <textarea name="redirectUris" rows={3} cols={60} required>
            {d.redirectUris}
          </textarea>
        </label>
        <label>
          {t('admin.apps.postLogoutUrisEdit')}
          <textarea name="postLogoutRedirectUris" rows={2} cols={60}>
            {d.postLogoutRedirectUris}
          </textarea>
        </label>
        <label>
          {t('admin.apps.backchannelUri')}
          <input type="url" name="backchannelLogoutUri" value={d.backchannelLogoutUri} />
        </label>
        <StrengthChoice t={t} value={d.strength} />
        <AlgChoice t={t} value={d.idTokenSigningAlg} />
        <div class="row">
          <button type="submit">{t('admin.common.save')}</button>
          <a class="button-like" href="/admin/apps">
            {t('admin.common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

/** The RADIUS mode and the Message-Authenticator choice, in the new-application and the change forms. */
function RadiusFields({
  t,
  mode,
  oldClients,
}: {
  t: Translate;
  mode: string;
  oldClients: boolean;
}) {
  const label = (m: string) =>
    t(m === 'mfa' ? 'admin.apps.radiusModeMfa' : 'admin.apps.radiusModeAppPassword');
  return (
    <>
      <fieldset>
        <legend>{t('admin.apps.radiusMode')}</legend>
        {radiusModes.map((m) => (
          <label class="choice">
            <input type="radio" name="radiusMode" value={m} checked={mode === m} />
            {label(m)}
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input type="checkbox" name="oldClients" value="on" checked={oldClients} />
        {t('admin.apps.radiusOldClients')}
      </label>
    </>
  );
}

/** Changes a legacy application's RADIUS settings. */
function RadiusForm({ t, a, csrf }: { t: Translate; a: ApplicationView; csrf: string }) {
  return (
    <section class="confirm" aria-labelledby="radius-title">
      <h2 id="radius-title">{t('admin.apps.radiusTitle', { name: a.name })}</h2>
      <form method="post" action={`/admin/apps/${encodeURIComponent(a.id)}/radius`} class="stack">
        <Csrf token={csrf} />
        <RadiusFields t={t} mode={a.radiusMode} oldClients={!a.radiusMessageAuthenticator} />
        <div class="row">
          <button type="submit">{t('admin.common.save')}</button>
          <a class="button-like" href="/admin/apps">
            {t('admin.common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

function LegacyForm({
  t,
  csrf,
  d,
  error,
}: {
  t: Translate;
  csrf: string;
  d: LegacyDraft | undefined;
  error?: string;
}) {
  const chosen = d?.fronts ?? legacyFronts;
  return (
    <form method="post" action="/admin/apps/legacy" class="stack">
      <Csrf token={csrf} />
      <FormError t={t} message={error} />
      <label>
        {t('admin.common.name')}
        <input type="text" name="name" required maxlength={100} value={d?.name ?? ''} />
      </label>
      <fieldset>
        <legend>{t('admin.apps.fronts')}</legend>
        {legacyFronts.map((f) => (
          <label class="choice">
            <input type="checkbox" name="fronts" value={f} checked={chosen.includes(f)} />
            {frontLabel(t, f)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('admin.apps.radiusSecret', { min: 16, max: 128 })}
        <input
          type="password"
          name="radiusSecret"
          minlength={16}
          maxlength={128}
          autocomplete="new-password"
        />
      </label>
      <RadiusFields
        t={t}
        mode={d?.radiusMode ?? 'app-password'}
        oldClients={d?.oldClients ?? false}
      />
      <label class="choice">
        <input
          type="checkbox"
          name="ldapServiceAccount"
          value="on"
          checked={!!d?.ldapServiceAccount}
        />
        {t('admin.apps.ldapServiceAccountHelp')}
      </label>
      <button type="submit">{t('admin.apps.addLegacy')}</button>
    </form>
  );
}

async function page(c: C, o: PageOpts = {}) {
  const apps = await listApps(c.var.ctx);
  const csrf = c.var.session!.csrf_token;
  const { t } = c.var;
  return adminPage(
    c,
    '/admin/apps',
    t('admin.nav.apps'),
    <>
      <Notice message={o.notice} />
      {o.error ? (
        <p class="error" role="alert">
          {o.error}
        </p>
      ) : null}
      {o.extra ?? null}
      <p>{t('admin.apps.intro')}</p>
      <AppTable t={t} apps={apps} csrf={csrf} />
      <h2>{t('admin.apps.addOidcTitle')}</h2>
      <OidcForm t={t} csrf={csrf} d={o.oidc} {...(o.oidcError ? { error: o.oidcError } : {})} />
      <h2>{t('admin.apps.addLegacyTitle')}</h2>
      <LegacyForm
        t={t}
        csrf={csrf}
        d={o.legacy}
        {...(o.legacyError ? { error: o.legacyError } : {})}
      />
    </>,
  );
}

/** Runs a change; a refused input (400) shows the page again with the reason instead. */
async function orRefused<T>(
  t: Translate,
  work: () => Promise<T>,
): Promise<{ ok: T } | { refused: string }> {
  try {
    return { ok: await work() };
  } catch (e) {
    if (isAppError(e) && e.code === 'invalid_request') return { refused: localMessage(e, t) };
    throw e;
  }
}

async function appOf(c: C, id: string): Promise<ApplicationView> {
  const app = (await listApps(c.var.ctx)).find((a) => a.id === id);
  if (!app)
    throw new AppError('not_found', {
      detail: 'No such application (deleted already?).',
      local: { key: 'admin.apps.noSuch' },
    });
  return app;
}

export const adminAppRoutes = new Hono<HttpEnv>()
  .get('/admin/apps', async (c) => {
    const added = c.req.query('added');
    const app = added ? (await listApps(c.var.ctx)).find((a) => a.id === added) : undefined;
    const changed = c.req.query('changed');
    const edited = changed ? (await listApps(c.var.ctx)).find((a) => a.id === changed) : undefined;
    const radius = c.req.query('radius');
    const tuned = radius ? (await listApps(c.var.ctx)).find((a) => a.id === radius) : undefined;
    const { t } = c.var;
    return page(c, {
      ...(c.req.query('deleted') ? { notice: t('admin.apps.deleted') } : {}),
      ...(tuned ? { notice: t('admin.apps.radiusSaved', { name: tuned.name }) } : {}),
      ...(app ? { notice: t('admin.apps.added', { name: app.name, id: app.id }) } : {}),
      ...(edited ? { notice: t('admin.apps.urisSaved', { name: edited.name }) } : {}),
      ...(await savedNotice(c)),
    });
  })
  .get('/admin/apps/:id/radius', async (c) => {
    const app = await getApp(c.var.ctx, c.req.param('id'));
    if (app.kind !== 'legacy')
      throw new AppError('not_found', { local: { key: 'admin.apps.noSuch' } });
    return page(c, {
      extra: <RadiusForm t={c.var.t} a={app} csrf={c.var.session!.csrf_token} />,
    });
  })
  .post('/admin/apps/:id/radius', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const r = await orRefused(c.var.t, () =>
      updateLegacyApp(
        c.var.ctx,
        c.req.param('id'),
        {
          radiusMode: form.fields.radiusMode ?? '',
          radiusMessageAuthenticator: form.fields.oldClients !== 'on',
        },
        c.var.actor!,
      ),
    );
    if ('refused' in r) {
      c.status(400);
      return page(c, { error: r.refused });
    }
    return c.redirect(`/admin/apps?radius=${encodeURIComponent(r.ok.id)}`, 303);
  })
  .get('/admin/apps/:id/uris', async (c) => {
    const app = await getApp(c.var.ctx, c.req.param('id'));
    if (!isWeb(app))
      throw new AppError('not_found', {
        detail: 'Only a web client (OpenID Connect, not a machine client) has redirect URIs.',
        local: { key: 'admin.apps.noUris' },
      });
    return page(c, {
      extra: (
        <UrisForm
          t={c.var.t}
          a={app}
          csrf={c.var.session!.csrf_token}
          d={{
            redirectUris: app.redirectUris.join('\n'),
            postLogoutRedirectUris: app.postLogoutRedirectUris.join('\n'),
            backchannelLogoutUri: app.backchannelLogoutUri ?? '',
            idTokenSigningAlg: app.idTokenSigningAlg,
            strength: app.strength,
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
      backchannelLogoutUri: (form.fields.backchannelLogoutUri ?? '').slice(0, 2_100),
      idTokenSigningAlg: (form.fields.idTokenSigningAlg ?? app.idTokenSigningAlg).slice(0, 20),
      strength: (form.fields.strength ?? app.strength).slice(0, 30),
    };
    const r = await orRefused(c.var.t, () =>
      updateOidcApp(
        c.var.ctx,
        app.id,
        {
          redirectUris: lines(draft.redirectUris),
          postLogoutRedirectUris: lines(draft.postLogoutRedirectUris),
          backchannelLogoutUri: draft.backchannelLogoutUri.trim() || null,
          idTokenSigningAlg: draft.idTokenSigningAlg,
          strength: draft.strength,
        },
        c.var.actor!,
      ),
    );
    if ('refused' in r) {
      c.status(400);
      return page(c, {
        extra: (
          <UrisForm
            t={c.var.t}
            a={app}
            csrf={c.var.session!.csrf_token}
            d={draft}
            error={r.refused}
          />
        ),
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
      backchannelLogoutUri: (form.fields.backchannelLogoutUri ?? '').slice(0, 2_100),
      strength: (form.fields.strength ?? 'none').slice(0, 30),
      firstParty: form.fields.firstParty === 'on',
      machine: form.fields.machine === 'on',
      device: form.fields.device === 'on',
      idTokenSigningAlg: (form.fields.idTokenSigningAlg ?? 'RS256').slice(0, 20),
    };
    const r = await orRefused(c.var.t, () =>
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
    // A device client is public: nothing to show once.
    if (clientSecret === null)
      return c.redirect(`/admin/apps?added=${encodeURIComponent(application.id)}`, 303);
    return redirectShowingOnce(c, '/admin/apps', {
      id: 'client-secret',
      title: c.var.t('admin.apps.clientAdded', { name: application.name }),
      advice: c.var.t('admin.apps.clientAddedAdvice', { id: application.id }),
      secret: clientSecret,
    });
  })
  .post('/admin/apps/legacy', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const draft: LegacyDraft = {
      name: form.fields.name ?? '',
      fronts: form.all('fronts'),
      radiusMode: form.fields.radiusMode ?? 'app-password',
      oldClients: form.fields.oldClients === 'on',
      ldapServiceAccount: form.fields.ldapServiceAccount === 'on',
    };
    const radiusSecret = form.fields.radiusSecret ?? '';
    const r = await orRefused(c.var.t, () =>
      createLegacyApp(
        c.var.ctx,
        {
          name: draft.name,
          fronts: draft.fronts,
          radiusMode: draft.radiusMode,
          radiusMessageAuthenticator: !draft.oldClients,
          ...(draft.ldapServiceAccount ? { ldapServiceAccount: true } : {}),
          ...(radiusSecret ? { radiusSecret } : {}),
        },
        c.var.actor!,
      ),
    );
    if ('refused' in r) {
      c.status(400);
      // The RADIUS secret is not sent back to the browser: it is typed again.
      return page(c, { legacy: draft, legacyError: r.refused });
    }
    const account = r.ok.ldapServiceAccount;
    if (account)
      return redirectShowingOnce(c, `/admin/apps?added=${encodeURIComponent(r.ok.id)}`, {
        id: 'service-secret',
        title: c.var.t('admin.apps.serviceAccountTitle', { name: r.ok.name }),
        advice: c.var.t('admin.apps.serviceAccountAdvice', { dn: account.dn }),
        secret: account.secret,
      });
    return c.redirect(`/admin/apps?added=${encodeURIComponent(r.ok.id)}`, 303);
  })
  .route('/', legacyRoutes())
  .post('/admin/apps/:id/delete', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    if (form.fields.confirm !== 'yes') {
      const app = await appOf(c, id);
      const { t } = c.var;
      const oidc = app.kind === 'oidc';
      return page(c, {
        extra: (
          <Confirm
            t={t}
            action={`/admin/apps/${encodeURIComponent(id)}/delete`}
            csrfToken={c.var.session!.csrf_token}
            what={
              <p>
                {t(oidc ? 'admin.apps.deleteOidc' : 'admin.apps.deleteLegacy', {
                  name: app.name,
                  id: app.id,
                })}
              </p>
            }
            fields={[]}
            confirmLabel={t('admin.apps.deleteConfirm')}
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
            t={c.var.t}
            action={`/admin/apps/${encodeURIComponent(id)}/secret`}
            csrfToken={c.var.session!.csrf_token}
            what={<p>{c.var.t('admin.apps.newSecretExplain', { name: app.name, id: app.id })}</p>}
            fields={[]}
            confirmLabel={c.var.t('admin.apps.newSecretConfirm')}
            cancelHref="/admin/apps"
            danger
          />
        ),
      });
    }
    const r = await orRefused(c.var.t, () => newClientSecret(c.var.ctx, id, c.var.actor!));
    if ('refused' in r) {
      c.status(400);
      return page(c, { error: r.refused });
    }
    return redirectShowingOnce(c, '/admin/apps', {
      id: 'client-secret',
      title: c.var.t('admin.apps.newSecretTitle', { name: r.ok.application.name }),
      advice: c.var.t('admin.apps.newSecretAdvice', { id: r.ok.application.id }),
      secret: r.ok.clientSecret,
    });
  });

/** The notice of a change to who may use an application, or to its service account. */
async function savedNotice(c: C): Promise<{ notice?: string }> {
  const { t } = c.var;
  for (const [query, key] of [
    ['access', 'admin.apps.accessSaved'],
    ['unserviced', 'admin.apps.serviceAccountDeleted'],
  ] as const) {
    const id = c.req.query(query);
    const app = id ? (await listApps(c.var.ctx)).find((a) => a.id === id) : undefined;
    if (app) return { notice: t(key, { name: app.name }) };
  }
  return {};
}

/** Who may use a legacy application; its LDAP service account (made, replaced, deleted). */
function legacyRoutes() {
  return new Hono<HttpEnv>()
    .get('/admin/apps/:id/access', async (c) => {
      const app = await getApp(c.var.ctx, c.req.param('id'));
      return page(c, {
        extra: (
          <AccessForm
            t={c.var.t}
            a={app}
            csrf={c.var.session!.csrf_token}
            d={{ onlyGroups: app.assignmentRequired, groups: app.groups.join('\n') }}
          />
        ),
      });
    })
    .post('/admin/apps/:id/access', async (c) => {
      const form = await readFormValues(c);
      checkCsrf(c, form.fields._csrf);
      const app = await getApp(c.var.ctx, c.req.param('id'));
      const draft = {
        onlyGroups: form.fields.who === 'groups',
        groups: (form.fields.groups ?? '').slice(0, 20_000),
      };
      const r = await orRefusedOrMissing(c.var.t, () =>
        setAppAccess(
          c.var.ctx,
          app.id,
          draft.onlyGroups ? { groups: lines(draft.groups) } : { allUsers: true },
          c.var.actor!,
        ),
      );
      if ('refused' in r) {
        c.status(400);
        return page(c, {
          extra: (
            <AccessForm
              t={c.var.t}
              a={app}
              csrf={c.var.session!.csrf_token}
              d={draft}
              error={r.refused}
            />
          ),
        });
      }
      return c.redirect(`/admin/apps?access=${encodeURIComponent(app.id)}`, 303);
    })
    .post('/admin/apps/:id/ldap-service-account', async (c) => {
      const form = await readFormValues(c);
      checkCsrf(c, form.fields._csrf);
      const id = c.req.param('id');
      const { t } = c.var;
      if (form.fields.confirm !== 'yes') {
        const app = await appOf(c, id);
        return page(c, {
          extra: (
            <Confirm
              t={t}
              action={`/admin/apps/${encodeURIComponent(id)}/ldap-service-account`}
              csrfToken={c.var.session!.csrf_token}
              what={<p>{t('admin.apps.serviceAccountExplain', { name: app.name, id: app.id })}</p>}
              fields={[]}
              confirmLabel={t('admin.apps.serviceAccountConfirm')}
              cancelHref="/admin/apps"
            />
          ),
        });
      }
      const r = await orRefused(t, () => newLdapServiceAccount(c.var.ctx, id, c.var.actor!));
      if ('refused' in r) {
        c.status(400);
        return page(c, { error: r.refused });
      }
      return redirectShowingOnce(c, '/admin/apps', {
        id: 'service-secret',
        title: t('admin.apps.serviceAccountTitle', { name: r.ok.application.name }),
        advice: t('admin.apps.serviceAccountAdvice', { dn: r.ok.dn }),
        secret: r.ok.secret,
      });
    })
    .post('/admin/apps/:id/ldap-service-account/delete', async (c) => {
      const form = await readFormValues(c);
      checkCsrf(c, form.fields._csrf);
      const id = c.req.param('id');
      const { t } = c.var;
      const app = await appOf(c, id);
      if (form.fields.confirm !== 'yes')
        return page(c, {
          extra: (
            <Confirm
              t={t}
              action={`/admin/apps/${encodeURIComponent(id)}/ldap-service-account/delete`}
              csrfToken={c.var.session!.csrf_token}
              what={
                <p>{t('admin.apps.deleteServiceAccountExplain', { name: app.name, id: app.id })}</p>
              }
              fields={[]}
              confirmLabel={t('admin.apps.deleteServiceAccountConfirm')}
              cancelHref="/admin/apps"
              danger
            />
          ),
        });
      if (app.hasLdapServiceAccount) await deleteLdapServiceAccount(c.var.ctx, id, c.var.actor!);
      return c.redirect(`/admin/apps?unserviced=${encodeURIComponent(id)}`, 303);
    });
}

/** As orRefused, and an unknown group (404) is a refusal to correct too. */
async function orRefusedOrMissing<T>(t: Translate, work: () => Promise<T>) {
  try {
    return { ok: await work() } as { ok: T };
  } catch (e) {
    if (isAppError(e) && (e.code === 'invalid_request' || e.code === 'group_not_found'))
      return { refused: localMessage(e, t) };
    throw e;
  }
}
