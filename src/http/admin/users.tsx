import type { Context } from 'hono';
import { Hono } from 'hono';
import type { MfaState } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { SigninView } from '../../flows/signin-log.ts';
import type { Translate } from '../../i18n/index.ts';
import { worksAlone } from '../../methods/catalogue.ts';
import { type AppPasswordView, listAppPasswords } from '../../services/app-passwords.ts';
import { listSignins } from '../../services/logs.ts';
import { dismissRisk } from '../../services/risk.ts';
import { resetPassword, setBlocked, setMfaState } from '../../services/user-admin.ts';
import {
  deleteAppPasswordsOf,
  deleteMethod,
  rememberedDeviceCount,
  resetMethods,
  restoreRememberedDevices,
  setDefaultMethod,
  signinLocked,
  unlockSignin,
} from '../../services/user-settings.ts';
import { getUser, listUsers, type UserView } from '../../services/users.ts';
import { mfaStates, parseMfaState } from '../../services/validation.ts';
import { groupsStore } from '../../storage/groups.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { appNames } from './audit-words.tsx';
import { frontLabel, methodLabel, rich, stateLabel } from './i18n.tsx';
import { adminPage, Confirm, Notice, redirectShowingOnce, time } from './layout.tsx';
import { isFiltered, type UserFilter, userFilterFields, userFilterOf } from './user-filter.ts';
import { PassSection } from './user-pass.tsx';

type C = Context<HttpEnv>;
const PAGE_SIZE = 50;
const PAGE_SIZES = [50, 100, 200, 500];
/** The most users one action may name (selected, or every match). */
const MAX_ACTION_USERS = 50_000;

export const userHref = (upn: string) => `/admin/users/${encodeURIComponent(upn)}`;

const layout = (c: C, title: string, children: unknown, section = '/admin/users') =>
  adminPage(c, section, title, children);

// What each action on selected users does, said before it happens. Its words are
// the messages admin.users.action.<action>.{button,title,confirm,done,explain}.
type Action =
  | MfaState
  | 'reset-methods'
  | 'delete-app-passwords'
  | 'restore-remembered-devices'
  | 'unlock-signin';
const ACTIONS: readonly Action[] = [
  'Enabled',
  'Enforced',
  'Disabled',
  'reset-methods',
  'delete-app-passwords',
  'restore-remembered-devices',
  'unlock-signin',
];
/** A list, not an object: 'constructor' or 'valueOf' are no actions. */
const isAction = (a: string): a is Action => (ACTIONS as readonly string[]).includes(a);
const isState = (a: Action): a is MfaState => mfaStates.includes(a as MfaState);

function explain(t: Translate, action: Action, users: UserView[], total = users.length) {
  const admins = users.filter((u) => u.isAdmin).map((u) => u.userPrincipalName);
  const already = users.filter((u) => u.mfaState === action).length;
  const names = (
    <ul class="names">
      {users.map((u) => (
        <li>
          {t('admin.users.nameNow', {
            name: u.displayName,
            upn: u.userPrincipalName,
            state: stateLabel(t, u.mfaState),
          })}
        </li>
      ))}
      {total > users.length ? (
        <li>{t('admin.users.andMore', { n: total - users.length })}</li>
      ) : null}
    </ul>
  );
  return (
    <>
      <p>
        <strong>{t(`admin.users.action.${action}.summary`, { n: total })}</strong>{' '}
        {t(`admin.users.action.${action}.explain`)}
      </p>
      {action === 'Enforced' && admins.length > 0 ? (
        <p class="warning" role="alert">
          {t('admin.users.includesAdmins', { admins: admins.join(', ') })}
        </p>
      ) : null}
      {isState(action) && already > 0 ? (
        <p class="muted">{t('admin.users.already', { n: already })}</p>
      ) : null}
      {names}
    </>
  );
}

async function runAction(c: C, action: Action, upns: string[]): Promise<number> {
  const { ctx } = c.var;
  const actor = c.var.actor!;
  if (isState(action)) return (await setMfaState(ctx, actor, upns, parseMfaState(action))).length;
  const run = {
    'reset-methods': resetMethods,
    'delete-app-passwords': deleteAppPasswordsOf,
    'restore-remembered-devices': restoreRememberedDevices,
    'unlock-signin': unlockSignin,
  }[action];
  return (await run(ctx, actor, upns)).length;
}

const stateBadge = (t: Translate, s: MfaState) => (
  <span class={`state state-${s.toLowerCase()}`}>{stateLabel(t, s)}</span>
);

/** The notice after an action on selected users (`?done=<action>&n=<count>`). */
function doneNotice(t: Translate, done: string | undefined, n: string | undefined) {
  if (!done || !isAction(done)) return undefined;
  return /^\d{1,6}$/.test(n ?? '')
    ? t(`admin.users.action.${done}.done`, { n: Number(n) })
    : t('admin.users.doneSome');
}

async function listPage(c: C) {
  const { t } = c.var;
  const q = c.req.query();
  const f = userFilterOf(q);
  const search = f.search ?? '';
  const state = f.mfaState;
  const size = PAGE_SIZES.find((n) => String(n) === q.size) ?? PAGE_SIZE;
  const page = await listUsers(
    c.var.ctx,
    { limit: size, ...f, ...(q.cursor ? { cursor: q.cursor } : {}) },
    c.var.actor!,
  );
  const filter = new URLSearchParams(userFilterFields(f));
  const keep = new URLSearchParams({
    ...Object.fromEntries(filter),
    ...(size !== PAGE_SIZE ? { size: String(size) } : {}),
  });
  return layout(
    c,
    t('admin.nav.users'),
    <>
      <Notice
        message={
          doneNotice(t, q.done, q.n) ??
          (q.deleted ? t('admin.users.deleted', { upn: q.deleted.slice(0, 120) }) : undefined)
        }
      />
      <p class="row">
        <a class="button-like" href="/admin/users/new">
          {t('admin.users.new')}
        </a>
        <a href="/admin/users/import">{t('admin.users.import')}</a>
        <a href={`/admin/users/export.csv${filter.size ? `?${filter}` : ''}`}>
          {t(isFiltered(f) ? 'admin.users.exportThese' : 'admin.users.exportAll')}
        </a>
      </p>
      <form method="get" action="/admin/users" class="filters">
        <label>
          {t('admin.users.search')}
          <input type="search" name="q" value={search} maxlength={120} />
        </label>
        <label>
          {t('admin.common.mfaState')}
          <select name="state">
            <option value="">{t('admin.common.any')}</option>
            {mfaStates.map((s) => (
              <option value={s} selected={s === state}>
                {stateLabel(t, s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.users.risk')}
          <select name="risk">
            <option value="">{t('admin.common.any')}</option>
            <option value="high" selected={f.riskLevel === 'high'}>
              {t('admin.users.riskHigh')}
            </option>
          </select>
        </label>
        <label>
          {t('admin.users.perPage')}
          <select name="size">
            {PAGE_SIZES.map((n) => (
              <option value={String(n)} selected={n === size}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('admin.common.search')}</button>
      </form>
      <form method="post" action="/admin/users/selected">
        <Csrf token={c.var.session!.csrf_token} />
        <table class="cards selectable">
          <caption>
            {t(
              page.items.length === 0
                ? 'admin.users.noMatch'
                : q.cursor
                  ? 'admin.users.captionContinued'
                  : 'admin.users.caption',
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  id="select-page"
                  aria-label={t('admin.users.selectPage')}
                  hidden
                />
              </th>
              <th scope="col">{t('admin.common.displayName')}</th>
              <th scope="col">{t('admin.common.userName')}</th>
              <th scope="col">{t('admin.common.mfaState')}</th>
              <th scope="col">{t('admin.users.defaultMethod')}</th>
              <th scope="col">{t('admin.common.lastSignin')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((u, i) => {
              const def = u.strongAuthenticationMethods.find((m) => m.isDefault);
              return (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      name="users"
                      value={u.userPrincipalName}
                      id={`u${i}`}
                      aria-label={t('admin.users.select', {
                        name: u.displayName,
                        upn: u.userPrincipalName,
                      })}
                    />
                  </td>
                  <td>
                    <a href={userHref(u.userPrincipalName)}>{u.displayName}</a>
                    {u.isAdmin ? <span class="tag">{t('admin.users.tagAdmin')}</span> : null}
                    {u.source === 'directory' ? (
                      <span class="tag">{t('admin.users.tagDirectory')}</span>
                    ) : null}
                    {u.blockCredential ? (
                      <span class="tag tag-warn">{t('admin.users.tagBlocked')}</span>
                    ) : null}
                    {u.riskLevel === 'high' ? (
                      <span class="tag tag-warn">{t('admin.users.tagHighRisk')}</span>
                    ) : null}
                  </td>
                  <td data-label={t('admin.common.userName')}>{u.userPrincipalName}</td>
                  <td data-label={t('admin.common.mfaState')}>{stateBadge(t, u.mfaState)}</td>
                  <td data-label={t('admin.users.defaultMethod')}>
                    {def ? methodLabel(t, def.methodType) : '—'}
                  </td>
                  <td data-label={t('admin.common.lastSignin')}>{time(u.lastSignInAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <nav class="row" aria-label={t('admin.common.pages')}>
          {q.cursor ? <a href={`/admin/users?${keep}`}>{t('admin.common.firstPage')}</a> : null}
          {page.nextCursor ? (
            <a
              href={`/admin/users?${new URLSearchParams({ ...Object.fromEntries(keep), cursor: page.nextCursor })}`}
            >
              {t('admin.common.nextPage')}
            </a>
          ) : null}
        </nav>
        <script src="/static/select-all.js" defer />
        {page.nextCursor || q.cursor ? (
          <label class="choice">
            <input type="checkbox" name="scope" value="all" />{' '}
            {t(isFiltered(f) ? 'admin.users.scopeAllPages' : 'admin.users.scopeAllUsers')}
            {userFilterFields(f).map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
          </label>
        ) : null}
        <fieldset class="actions">
          <legend>{t('admin.users.withSelected')}</legend>
          <div class="row">
            {ACTIONS.map((a) => (
              <button
                type="submit"
                name="action"
                value={a}
                class={isState(a) ? undefined : 'secondary-button'}
              >
                {t(`admin.users.action.${a}.button`)}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
    </>,
  );
}

/** Every user matching the list's filter (an action on "all that match"). */
async function matching(c: C, f: UserFilter): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(c.var.ctx, {
      limit: 1000,
      ...f,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items.map((u) => u.userPrincipalName));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_ACTION_USERS);
  if (cursor)
    throw new AppError('invalid_request', {
      detail: `More than ${MAX_ACTION_USERS} users match: narrow the search, or use a bulk file.`,
      local: { key: 'admin.users.tooManyMatch', values: { max: MAX_ACTION_USERS } },
    });
  return out;
}

async function recentSignins(c: C, upn: string): Promise<SigninView[]> {
  return (await listSignins(c.var.ctx, { user: upn, limit: 20 })).items;
}

/** The notices after a change on the user page (`?done=`). */
const USER_DONE = {
  blocked: 'admin.user.done.blocked',
  unblocked: 'admin.user.done.unblocked',
  'risk-dismissed': 'admin.user.done.riskDismissed',
  default: 'admin.user.done.default',
  'method-deleted': 'admin.user.done.methodDeleted',
  'reset-methods': 'admin.user.done.resetMethods',
  'delete-app-passwords': 'admin.user.done.deleteAppPasswords',
  'restore-remembered-devices': 'admin.user.done.restoreRememberedDevices',
  'unlock-signin': 'admin.user.done.unlockSignin',
  'pass-revoked': 'admin.pass.revoked',
  saved: 'admin.common.saved',
} as const;

function userNotice(t: Translate, done: string | undefined, user: UserView) {
  if (!done) return undefined;
  if (done === 'state') return t('admin.user.done.state', { state: stateLabel(t, user.mfaState) });
  if (done === 'invited')
    return user.email
      ? t('admin.user.done.invited', { email: user.email })
      : t('admin.user.done.invitedUser');
  return Object.hasOwn(USER_DONE, done) ? t(USER_DONE[done as keyof typeof USER_DONE]) : undefined;
}

async function userPage(c: C, upn: string, extra?: unknown) {
  const { ctx, t } = c.var;
  const user = await getUser(ctx, upn, c.var.actor!);
  const [appPasswords, devices, signins, locked, memberships, apps] = await Promise.all([
    listAppPasswords(ctx, user.id),
    rememberedDeviceCount(ctx, user.id),
    recentSignins(c, user.userPrincipalName),
    signinLocked(ctx, user.userPrincipalName),
    groupsStore(ctx.db).groupsOf([user.id]),
    appNames(ctx),
  ]);
  const groups = memberships.get(user.id) ?? [];
  const csrf = c.var.session!.csrf_token;
  const base = userHref(user.userPrincipalName);
  const q = c.req.query();
  return layout(
    c,
    user.displayName,
    <>
      <Notice message={userNotice(t, q.done, user)} />
      {locked ? (
        <p class="warning" role="alert">
          {rich(t, 'admin.user.locked', {
            unlock: <em>{t('admin.users.action.unlock-signin.button')}</em>,
          })}
        </p>
      ) : null}
      {extra as never}
      <section aria-labelledby="details">
        <h2 id="details">{t('admin.user.details')}</h2>
        <dl class="details">
          <dt>{t('admin.common.userName')}</dt>
          <dd>{user.userPrincipalName}</dd>
          <dt>{t('admin.user.email')}</dt>
          <dd>{user.email ?? '—'}</dd>
          <dt>{t('admin.user.mobile')}</dt>
          <dd>{user.mobilePhone ?? '—'}</dd>
          <dt>{t('admin.nav.groups')}</dt>
          <dd>
            {groups.length === 0
              ? '—'
              : groups.map((g, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    {g.adminRole ? t('admin.user.adminGroup', { name: g.name }) : g.name}
                  </>
                ))}
          </dd>
          <dt>{t('admin.common.source')}</dt>
          <dd>
            {user.source === 'directory'
              ? rich(t, 'admin.user.sourceDirectory', { dn: <code>{user.directoryDn}</code> })
              : t('admin.user.sourceLocal')}
          </dd>
          <dt>{t('admin.common.role')}</dt>
          <dd>{t(user.isAdmin ? 'admin.user.roleAdmin' : 'admin.user.roleUser')}</dd>
          <dt>{t('admin.user.signin')}</dt>
          <dd>
            {t(
              user.blockedByDirectory
                ? 'admin.user.blockedByDirectory'
                : user.blockCredential
                  ? 'admin.user.blocked'
                  : 'admin.user.allowed',
            )}
          </dd>
          <dt>{t('admin.common.mfaState')}</dt>
          <dd>{stateBadge(t, user.mfaState)}</dd>
          <dt>{t('admin.common.created')}</dt>
          <dd>{time(user.createdAt)}</dd>
          <dt>{t('admin.common.lastSignin')}</dt>
          <dd>{time(user.lastSignInAt)}</dd>
          {user.riskState === 'none' ? null : (
            <>
              <dt>{t('admin.user.risk')}</dt>
              <dd>
                {user.riskLevel === 'high' ? (
                  <span class="tag tag-warn">{t('admin.user.riskHigh')}</span>
                ) : (
                  t(
                    user.riskState === 'remediated'
                      ? 'admin.user.riskRemediated'
                      : 'admin.user.riskDismissed',
                  )
                )}{' '}
                ({time(user.riskLastUpdatedDateTime)})
              </dd>
            </>
          )}
          {user.fraudReportedAt ? (
            <>
              <dt>{t('admin.user.fraudReported')}</dt>
              <dd>{time(user.fraudReportedAt)}</dd>
            </>
          ) : null}
          {user.mustChangePassword ? (
            <>
              <dt>{t('admin.user.password')}</dt>
              <dd>{t('admin.user.passwordOneTime')}</dd>
            </>
          ) : user.hasPassword ? null : (
            <>
              <dt>{t('admin.user.password')}</dt>
              <dd>{t(user.email ? 'admin.user.passwordInvited' : 'admin.user.passwordNone')}</dd>
            </>
          )}
        </dl>
        <p class="row">
          <a class="button-like" href={`${base}/edit`}>
            {t('admin.user.edit')}
          </a>
        </p>
        <form method="post" action={`${base}/state`} class="row">
          <Csrf token={csrf} />
          <label>
            {t('admin.user.setState')}
            <select name="state">
              {mfaStates.map((s) => (
                <option value={s} selected={s === user.mfaState}>
                  {stateLabel(t, s)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('admin.common.change')}</button>
        </form>
        {user.blockedByDirectory ? null : (
          <form
            method="post"
            action={`${base}/${user.blockCredential ? 'unblock' : 'block'}`}
            class="row"
          >
            <Csrf token={csrf} />
            <button type="submit" class={user.blockCredential ? undefined : 'danger'}>
              {t(user.blockCredential ? 'admin.user.unblock' : 'admin.user.block')}
            </button>
          </form>
        )}
        {user.riskLevel === 'high' ? (
          <form method="post" action={`${base}/dismiss-risk`} class="row">
            <Csrf token={csrf} />
            <button type="submit">{t('admin.user.dismissRisk')}</button>
          </form>
        ) : null}
        {user.source === 'directory' ? null : (
          <form method="post" action={`${base}/reset-password`} class="row">
            <Csrf token={csrf} />
            <button type="submit" class="secondary-button">
              {t('admin.user.resetPassword')}
            </button>
          </form>
        )}
        {user.source === 'directory' || !user.email ? null : (
          <form method="post" action={`${base}/invite`} class="row">
            <Csrf token={csrf} />
            <button type="submit" class="secondary-button">
              {t(user.hasPassword ? 'admin.user.inviteNewPassword' : 'admin.user.inviteAgain')}
            </button>
          </form>
        )}
        <form method="post" action={`${base}/delete`} class="row">
          <Csrf token={csrf} />
          <button type="submit" class="danger">
            {t('admin.user.delete')}
          </button>
        </form>
      </section>

      <section aria-labelledby="methods">
        <h2 id="methods">{t('admin.user.methods')}</h2>
        {user.strongAuthenticationMethods.length === 0 ? (
          <p class="muted">{t('admin.user.noMethods')}</p>
        ) : (
          <table class="cards">
            <caption class="visually-hidden">{t('admin.user.methodsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.common.method')}</th>
                <th scope="col">{t('admin.user.default')}</th>
                <th scope="col">{t('admin.user.phone')}</th>
                <th scope="col">{t('admin.user.added')}</th>
                <th scope="col">{t('admin.common.lastUsed')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('admin.common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {user.strongAuthenticationMethods.map((m) => (
                <tr>
                  <td>{methodLabel(t, m.methodType)}</td>
                  <td data-label={t('admin.user.default')}>
                    {t(m.isDefault ? 'admin.common.yes' : 'admin.common.no')}
                  </td>
                  <td data-label={t('admin.user.phone')}>{m.phoneNumber ?? '—'}</td>
                  <td data-label={t('admin.user.added')}>{time(m.createdAt)}</td>
                  <td data-label={t('admin.common.lastUsed')}>{time(m.lastUsedAt)}</td>
                  <td class="row">
                    {m.isDefault || !worksAlone(m.methodType) ? null : (
                      <form method="post" action={`${base}/methods/${m.id}/default`}>
                        <Csrf token={csrf} />
                        <button type="submit" class="link">
                          {t('admin.user.makeDefault')}
                          <span class="visually-hidden"> ({methodLabel(t, m.methodType)})</span>
                        </button>
                      </form>
                    )}
                    <form method="post" action={`${base}/methods/${m.id}/delete`}>
                      <Csrf token={csrf} />
                      <button type="submit" class="link">
                        {t('admin.common.deleteAsk')}
                        <span class="visually-hidden"> ({methodLabel(t, m.methodType)})</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <PassSection c={c} user={user} />

      <section aria-labelledby="app-passwords">
        <h2 id="app-passwords">{t('admin.common.appPasswords')}</h2>
        <AppPasswordTable t={t} apps={apps} items={appPasswords} />
      </section>

      <section aria-labelledby="devices">
        <h2 id="devices">{t('admin.user.devices')}</h2>
        <p>{t('admin.user.deviceCount', { n: devices })}</p>
      </section>

      <section aria-labelledby="manage">
        <h2 id="manage">{t('admin.user.manage')}</h2>
        <form method="post" action={`${base}/settings`} class="stack">
          <Csrf token={csrf} />
          <fieldset>
            <legend>{t('admin.user.manageLegend')}</legend>
            <label class="choice">
              <input type="radio" name="action" value="reset-methods" required />
              {t('admin.user.manage.resetMethods')}
            </label>
            <label class="choice">
              <input type="radio" name="action" value="delete-app-passwords" />
              {t('admin.user.manage.deleteAppPasswords')}
            </label>
            <label class="choice">
              <input type="radio" name="action" value="restore-remembered-devices" />
              {t('admin.user.manage.restoreRememberedDevices')}
            </label>
            <label class="choice">
              <input type="radio" name="action" value="unlock-signin" />
              {t('admin.user.manage.unlockSignin')}
            </label>
          </fieldset>
          <button type="submit">{t('admin.common.continue')}</button>
        </form>
      </section>

      <section aria-labelledby="signins">
        <h2 id="signins">{t('admin.user.recentSignins')}</h2>
        <div class="scroll-box">
          <SigninTable t={t} apps={apps} items={signins} />
        </div>
        <p>
          <a href={`/admin/logs/signins?user=${encodeURIComponent(user.userPrincipalName)}`}>
            {t('admin.user.allSignins')}
          </a>{' '}
          ·{' '}
          <a href={`/admin/logs/audit?user=${encodeURIComponent(user.userPrincipalName)}`}>
            {t('admin.user.auditEvents')}
          </a>
        </p>
      </section>
    </>,
  );
}

export const AppPasswordTable = ({
  t,
  apps,
  items,
}: {
  t: Translate;
  apps: ReadonlyMap<string, string>;
  items: AppPasswordView[];
}) =>
  items.length === 0 ? (
    <p class="muted">{t('admin.user.noAppPasswords')}</p>
  ) : (
    <table class="cards">
      <caption class="visually-hidden">{t('admin.common.appPasswords')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.common.name')}</th>
          <th scope="col">{t('admin.nav.apps')}</th>
          <th scope="col">{t('admin.common.created')}</th>
          <th scope="col">{t('admin.common.lastUsed')}</th>
          <th scope="col">{t('admin.user.usedFrom')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr>
            <td>{p.name}</td>
            <td data-label={t('admin.nav.apps')}>
              {p.scopes.length
                ? p.scopes.map((id) => apps.get(id) ?? id).join(', ')
                : t('admin.common.any')}
            </td>
            <td data-label={t('admin.common.created')}>{time(p.createdAt)}</td>
            <td data-label={t('admin.common.lastUsed')}>{time(p.lastUsedAt)}</td>
            <td data-label={t('admin.user.usedFrom')}>{p.lastUsedFrom ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

const RESULTS = {
  success: 'admin.signins.result.success',
  failure: 'admin.signins.result.failure',
  interrupted: 'admin.signins.result.interrupted',
} as const;

/** A sign-in's result in the page language (the filter sends the English value). */
export const resultLabel = (t: Translate, r: SigninView['result']) => t(RESULTS[r]);

export const SigninTable = ({
  t,
  apps,
  items,
}: {
  t: Translate;
  /** Application names by id: the log keeps the id, people read the name. */
  apps: ReadonlyMap<string, string>;
  items: SigninView[];
}) =>
  items.length === 0 ? (
    <p class="muted">{t('admin.signins.none')}</p>
  ) : (
    <table>
      <caption class="visually-hidden">{t('admin.signins.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.common.time')}</th>
          <th scope="col">{t('admin.common.user')}</th>
          <th scope="col">{t('admin.common.result')}</th>
          <th scope="col">{t('admin.signins.reason')}</th>
          <th scope="col">{t('admin.common.method')}</th>
          <th scope="col">{t('admin.signins.application')}</th>
          <th scope="col">{t('admin.signins.front')}</th>
          <th scope="col">{t('admin.signins.address')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr>
            <td>{time(s.createdDateTime)}</td>
            <td class="wrap">{s.userPrincipalName}</td>
            <td>{resultLabel(t, s.result)}</td>
            <td class="prose">{s.failureReason || s.additionalDetails}</td>
            <td>{s.authenticationMethod ? methodLabel(t, s.authenticationMethod) : '—'}</td>
            <td>{s.application ? (apps.get(s.application) ?? s.application) : '—'}</td>
            <td>{s.front ? frontLabel(t, s.front) : '—'}</td>
            <td>{s.ipAddress ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

/** A per-user action: confirm first (unless `confirm=yes`), then do it and go back to the user page. */
export async function userAction(
  c: C,
  opts: {
    what: (user: UserView) => unknown;
    confirmLabel: string;
    danger?: boolean;
    fields?: [string, string][];
    run: (user: UserView) => Promise<string | Response>;
  },
) {
  const form = await readFormValues(c);
  checkCsrf(c, form.fields._csrf);
  const upn = c.req.param('upn')!;
  const user = await getUser(c.var.ctx, upn, c.var.actor!);
  if (form.fields.confirm !== 'yes') {
    return userPage(
      c,
      user.userPrincipalName,
      <Confirm
        t={c.var.t}
        action={c.req.path}
        csrfToken={c.var.session!.csrf_token}
        what={opts.what(user) as never}
        fields={opts.fields ?? []}
        confirmLabel={opts.confirmLabel}
        cancelHref={userHref(user.userPrincipalName)}
        danger={opts.danger}
      />,
    );
  }
  const done = await opts.run(user);
  if (done instanceof Response) return done;
  return c.redirect(`${userHref(user.userPrincipalName)}?done=${done}`, 303);
}

export const adminUserRoutes = new Hono<HttpEnv>()
  .get('/admin', (c) => c.redirect('/admin/users', 303))
  .get('/admin/users', (c) => listPage(c))

  .post('/admin/users/selected', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const action = form.fields.action ?? '';
    const upns =
      form.fields.scope === 'all'
        ? await matching(c, userFilterOf(form.fields))
        : [...new Set(form.all('users'))].slice(0, 1000);
    if (!isAction(action))
      throw new AppError('invalid_request', {
        detail: 'Choose one of the actions.',
        local: { key: 'admin.users.chooseAction' },
      });
    if (upns.length === 0)
      return layout(
        c,
        t('admin.nav.users'),
        <p class="error" role="alert">
          {t('admin.users.selectFirst')} <a href="/admin/users">{t('admin.common.backToUsers')}</a>
        </p>,
      );
    if (form.fields.confirm !== 'yes') {
      // Named on the page: the first hundred (an action on every match may reach thousands).
      const users = await Promise.all(
        upns.slice(0, 100).map((u) => getUser(c.var.ctx, u, c.var.actor!)),
      );
      return layout(
        c,
        t(`admin.users.action.${action}.title`),
        <Confirm
          t={t}
          action="/admin/users/selected"
          csrfToken={c.var.session!.csrf_token}
          what={explain(t, action, users, upns.length)}
          fields={
            form.fields.scope === 'all'
              ? [
                  ['action', action],
                  ['scope', 'all'],
                  ...userFilterFields(userFilterOf(form.fields)),
                ]
              : [['action', action], ...upns.map((u): [string, string] => ['users', u])]
          }
          confirmLabel={t(`admin.users.action.${action}.confirm`, { n: upns.length })}
          cancelHref="/admin/users"
          danger={!isState(action)}
        />,
      );
    }
    const n = await runAction(c, action, upns);
    return c.redirect(`/admin/users?done=${action}&n=${n}`, 303);
  })

  .get('/admin/users/:upn', (c) => userPage(c, c.req.param('upn')))

  .post('/admin/users/:upn/state', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    const state = parseMfaState(form.fields.state ?? '');
    return userAction(c, {
      what: (u) => explain(t, state, [u]),
      confirmLabel: t('admin.user.setStateConfirm', { state: stateLabel(t, state) }),
      fields: [['state', state]],
      run: async (u) => {
        await setMfaState(c.var.ctx, c.var.actor!, [u.userPrincipalName], state);
        return 'state';
      },
    });
  })

  .post('/admin/users/:upn/block', (c) =>
    userAction(c, {
      what: (u) => <p>{c.var.t('admin.user.blockExplain', { name: u.displayName })}</p>,
      confirmLabel: c.var.t('admin.user.blockConfirm'),
      danger: true,
      run: async (u) => {
        await setBlocked(c.var.ctx, c.var.actor!, u.userPrincipalName, true);
        return 'blocked';
      },
    }),
  )

  .post('/admin/users/:upn/unblock', (c) =>
    userAction(c, {
      what: (u) => (
        <p>
          {c.var.t(
            u.riskLevel === 'high' ? 'admin.user.unblockExplainFraud' : 'admin.user.unblockExplain',
            { name: u.displayName },
          )}
        </p>
      ),
      confirmLabel: c.var.t('admin.user.unblockConfirm'),
      run: async (u) => {
        await setBlocked(c.var.ctx, c.var.actor!, u.userPrincipalName, false);
        return 'unblocked';
      },
    }),
  )

  .post('/admin/users/:upn/dismiss-risk', (c) =>
    userAction(c, {
      what: (u) => <p>{c.var.t('admin.user.dismissRiskExplain', { name: u.displayName })}</p>,
      confirmLabel: c.var.t('admin.user.dismissRiskConfirm'),
      run: async (u) => {
        await dismissRisk(c.var.ctx, c.var.actor!, u.userPrincipalName);
        return 'risk-dismissed';
      },
    }),
  )

  .post('/admin/users/:upn/reset-password', (c) =>
    userAction(c, {
      what: (u) => <p>{c.var.t('admin.user.resetExplain', { name: u.displayName })}</p>,
      confirmLabel: c.var.t('admin.user.resetConfirm'),
      danger: true,
      run: async (u) => {
        const r = await resetPassword(c.var.ctx, c.var.actor!, u.userPrincipalName);
        return redirectShowingOnce(c, userHref(u.userPrincipalName), {
          id: 'otp-value',
          title: c.var.t('admin.user.otpTitle', { upn: u.userPrincipalName }),
          advice: c.var.t('admin.user.otpAdvice'),
          secret: r.oneTimePassword,
        });
      },
    }),
  )

  .post('/admin/users/:upn/settings', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    const action = form.fields.action ?? '';
    if (
      ![
        'reset-methods',
        'delete-app-passwords',
        'restore-remembered-devices',
        'unlock-signin',
      ].includes(action)
    )
      throw new AppError('invalid_request', {
        detail: 'Choose what to do.',
        local: { key: 'admin.user.chooseWhat' },
      });
    const a = action as Exclude<Action, MfaState>;
    return userAction(c, {
      what: (u) => explain(t, a, [u]),
      confirmLabel: t(`admin.users.action.${a}.button`),
      danger: true,
      fields: [['action', a]],
      run: async (u) => {
        await runAction(c, a, [u.userPrincipalName]);
        return a;
      },
    });
  })

  .post('/admin/users/:upn/methods/:id/default', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const upn = c.req.param('upn');
    await setDefaultMethod(c.var.ctx, c.var.actor!, upn, c.req.param('id'));
    return c.redirect(`${userHref(upn)}?done=default`, 303);
  })

  .post('/admin/users/:upn/methods/:id/delete', (c) => {
    const { t } = c.var;
    return userAction(c, {
      what: (u) => {
        const m = u.strongAuthenticationMethods.find((x) => x.id === c.req.param('id'));
        if (!m)
          throw new AppError('not_found', {
            detail: 'That method is gone already.',
            local: { key: 'admin.user.methodGone' },
          });
        const values = { method: methodLabel(t, m.methodType), name: u.displayName };
        return (
          <p>
            {m.phoneNumber
              ? t('admin.user.deleteMethodPhone', { ...values, phone: m.phoneNumber })
              : t('admin.user.deleteMethod', values)}
            {u.strongAuthenticationMethods.length === 1 && u.mfaState !== 'Disabled'
              ? ` ${t('admin.user.deleteOnlyMethod')}`
              : ''}
          </p>
        );
      },
      confirmLabel: t('admin.user.deleteMethodConfirm'),
      danger: true,
      run: async (u) => {
        await deleteMethod(c.var.ctx, c.var.actor!, u.userPrincipalName, c.req.param('id')!);
        return 'method-deleted';
      },
    });
  });
