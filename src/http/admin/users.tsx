import type { Context } from 'hono';
import { Hono } from 'hono';
import type { MfaState } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { SigninView } from '../../flows/signin-log.ts';
import { findMethodInfo, worksAlone } from '../../methods/catalogue.ts';
import { type AppPasswordView, listAppPasswords } from '../../services/app-passwords.ts';
import { listSignins } from '../../services/logs.ts';
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
import { adminPage, Confirm, Notice, ShownOnce, time } from './layout.tsx';

type C = Context<HttpEnv>;
const PAGE_SIZE = 50;
const PAGE_SIZES = [50, 100, 200, 500];
/** The most users one action may name (selected, or every match). */
const MAX_ACTION_USERS = 50_000;

const label = (type: string) => findMethodInfo(type)?.label ?? type;
const userHref = (upn: string) => `/admin/users/${encodeURIComponent(upn)}`;

const layout = (c: C, title: string, children: unknown, section = '/admin/users') =>
  adminPage(c, section, title, children);

// What each action on selected users does, said before it happens.
type Action =
  | MfaState
  | 'reset-methods'
  | 'delete-app-passwords'
  | 'restore-remembered-devices'
  | 'unlock-signin';
const ACTIONS: Record<Action, { button: string; done: string }> = {
  Enabled: { button: 'Enable', done: 'enabled' },
  Enforced: { button: 'Enforce', done: 'enforced' },
  Disabled: { button: 'Disable', done: 'disabled' },
  'reset-methods': {
    button: 'Require re-registering methods',
    done: 'will register their methods again at next sign-in',
  },
  'delete-app-passwords': { button: 'Delete all app passwords', done: 'lost all app passwords' },
  'restore-remembered-devices': {
    button: 'Restore MFA on remembered devices',
    done: 'must use MFA again on every device',
  },
  'unlock-signin': { button: 'Unlock sign-in', done: 'may try to sign in again' },
};
/** Own keys only: `in` would also find 'constructor' and 'valueOf' on Object.prototype. */
const isAction = (a: string): a is Action => Object.hasOwn(ACTIONS, a);

function explain(action: Action, users: UserView[], total = users.length) {
  const admins = users.filter((u) => u.isAdmin).map((u) => u.userPrincipalName);
  const already = users.filter((u) => u.mfaState === action).length;
  const names = (
    <ul class="names">
      {users.map((u) => (
        <li>
          {u.displayName} ({u.userPrincipalName}) — now {u.mfaState}
        </li>
      ))}
      {total > users.length ? <li>…and {total - users.length} more</li> : null}
    </ul>
  );
  const text: Record<Action, string> = {
    Enforced:
      'They must use multi-factor authentication in the browser, and their password stops working in programs that cannot do MFA (mail apps, older Office, scripts): those need app passwords. Users who have not registered a method yet will do so at next sign-in.',
    Enabled:
      'They will be asked to register a verification method at their next browser sign-in and then become Enforced. Until then their password keeps working in other programs.',
    Disabled:
      'They will no longer be asked for a second factor, and their password works again in every program. Their registered methods are kept.',
    'reset-methods':
      'Their registered verification methods are removed; users whose state asks for MFA register again at next sign-in (proof-up).',
    'delete-app-passwords':
      'Every app password they created is deleted at once; programs using them stop signing in until new ones are made.',
    'restore-remembered-devices':
      'Every device on which they chose to skip MFA asks for it again at next sign-in.',
    'unlock-signin':
      'Their counts of failed passwords and codes start over, in the browser and on the legacy fronts — including a lock after 100 consecutive failures, which waiting does not lift.',
  };
  return (
    <>
      <p>
        <strong>
          {ACTIONS[action].button} {total} user{total === 1 ? '' : 's'}.
        </strong>{' '}
        {text[action]}
      </p>
      {action === 'Enforced' && admins.length > 0 ? (
        <p class="warning" role="alert">
          This includes administrators ({admins.join(', ')}): their password will stop working in
          non-browser clients too.
        </p>
      ) : null}
      {mfaStates.includes(action as MfaState) && already > 0 ? (
        <p class="muted">{already} of them are already in that state and stay as they are.</p>
      ) : null}
      {names}
    </>
  );
}

async function runAction(c: C, action: Action, upns: string[]): Promise<number> {
  const { ctx } = c.var;
  const actor = c.var.actor!;
  if (mfaStates.includes(action as MfaState))
    return (await setMfaState(ctx, actor, upns, parseMfaState(action))).length;
  const run = {
    'reset-methods': resetMethods,
    'delete-app-passwords': deleteAppPasswordsOf,
    'restore-remembered-devices': restoreRememberedDevices,
    'unlock-signin': unlockSignin,
  }[action as Exclude<Action, MfaState>];
  return (await run(ctx, actor, upns)).length;
}

const stateBadge = (s: MfaState) => <span class={`state state-${s.toLowerCase()}`}>{s}</span>;

async function listPage(c: C) {
  const q = c.req.query();
  const search = (q.q ?? '').slice(0, 120);
  const state = mfaStates.find((s) => s === q.state);
  const size = PAGE_SIZES.find((n) => String(n) === q.size) ?? PAGE_SIZE;
  const page = await listUsers(
    c.var.ctx,
    {
      limit: size,
      ...(search ? { search } : {}),
      ...(state ? { mfaState: state } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    },
    c.var.actor!,
  );
  const filter = new URLSearchParams({
    ...(search ? { q: search } : {}),
    ...(state ? { state } : {}),
  });
  const keep = new URLSearchParams({
    ...Object.fromEntries(filter),
    ...(size !== PAGE_SIZE ? { size: String(size) } : {}),
  });
  const done = q.done && isAction(q.done) ? ACTIONS[q.done] : undefined;
  return layout(
    c,
    'Users',
    <>
      <Notice
        message={
          done
            ? `Done: ${/^\d{1,6}$/.test(q.n ?? '') ? q.n : 'the'} user(s) ${done.done}.`
            : q.deleted
              ? `Deleted ${q.deleted.slice(0, 120)}.`
              : undefined
        }
      />
      <p class="row">
        <a class="button-like" href="/admin/users/new">
          New user
        </a>
        <a href="/admin/users/import">Import from CSV</a>
        <a href={`/admin/users/export.csv${filter.size ? `?${filter}` : ''}`}>
          Export {search || state ? 'these users' : 'all users'} as CSV
        </a>
      </p>
      <form method="get" action="/admin/users" class="filters">
        <label>
          Search by name or user name
          <input type="search" name="q" value={search} maxlength={120} />
        </label>
        <label>
          MFA state
          <select name="state">
            <option value="">Any</option>
            {mfaStates.map((s) => (
              <option value={s} selected={s === state}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Per page
          <select name="size">
            {PAGE_SIZES.map((n) => (
              <option value={String(n)} selected={n === size}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      <form method="post" action="/admin/users/selected">
        <Csrf token={c.var.session!.csrf_token} />
        <table class="cards selectable">
          <caption>
            {page.items.length === 0
              ? 'No users match.'
              : `Users ${q.cursor ? '(continued)' : ''}, by user name`}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  id="select-page"
                  aria-label="Select every user on this page"
                  hidden
                />
              </th>
              <th scope="col">Display name</th>
              <th scope="col">User name</th>
              <th scope="col">MFA state</th>
              <th scope="col">Default method</th>
              <th scope="col">Last sign-in</th>
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
                      aria-label={`Select ${u.displayName} (${u.userPrincipalName})`}
                    />
                  </td>
                  <td>
                    <a href={userHref(u.userPrincipalName)}>{u.displayName}</a>
                    {u.isAdmin ? <span class="tag">admin</span> : null}
                    {u.source === 'directory' ? <span class="tag">directory</span> : null}
                    {u.blockCredential ? <span class="tag tag-warn">blocked</span> : null}
                  </td>
                  <td data-label="User name">{u.userPrincipalName}</td>
                  <td data-label="MFA state">{stateBadge(u.mfaState)}</td>
                  <td data-label="Default method">{def ? label(def.methodType) : '—'}</td>
                  <td data-label="Last sign-in">{time(u.lastSignInAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <nav class="row" aria-label="Pages">
          {q.cursor ? <a href={`/admin/users?${keep}`}>First page</a> : null}
          {page.nextCursor ? (
            <a
              href={`/admin/users?${new URLSearchParams({ ...Object.fromEntries(keep), cursor: page.nextCursor })}`}
            >
              Next page
            </a>
          ) : null}
        </nav>
        <script src="/static/select-all.js" defer />
        {page.nextCursor || q.cursor ? (
          <label class="choice">
            <input type="checkbox" name="scope" value="all" /> Not only the selected: every user
            matching this search ({search || state ? 'on every page' : 'all users'})
            <input type="hidden" name="q" value={search} />
            <input type="hidden" name="state" value={state ?? ''} />
          </label>
        ) : null}
        <fieldset class="actions">
          <legend>With the selected users</legend>
          <div class="row">
            {(Object.keys(ACTIONS) as Action[]).map((a) => (
              <button
                type="submit"
                name="action"
                value={a}
                class={mfaStates.includes(a as MfaState) ? undefined : 'secondary-button'}
              >
                {ACTIONS[a].button}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
    </>,
  );
}

/** Every user matching a search and state (an action on "all that match"). */
async function matching(c: C, search: string, state: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  const mfaState = mfaStates.find((s) => s === state);
  do {
    const page = await listUsers(c.var.ctx, {
      limit: 1000,
      ...(search ? { search: search.slice(0, 120) } : {}),
      ...(mfaState ? { mfaState } : {}),
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items.map((u) => u.userPrincipalName));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_ACTION_USERS);
  if (cursor)
    throw new AppError('invalid_request', {
      detail: `More than ${MAX_ACTION_USERS} users match: narrow the search, or use a bulk file.`,
    });
  return out;
}

async function recentSignins(c: C, upn: string): Promise<SigninView[]> {
  return (await listSignins(c.var.ctx, { user: upn, limit: 20 })).items;
}

async function userPage(c: C, upn: string, extra?: unknown) {
  const { ctx } = c.var;
  const user = await getUser(ctx, upn, c.var.actor!);
  const [appPasswords, devices, signins, locked, memberships] = await Promise.all([
    listAppPasswords(ctx, user.id),
    rememberedDeviceCount(ctx, user.id),
    recentSignins(c, user.userPrincipalName),
    signinLocked(ctx, user.userPrincipalName),
    groupsStore(ctx.db).groupsOf([user.id]),
  ]);
  const groups = memberships.get(user.id) ?? [];
  const csrf = c.var.session!.csrf_token;
  const base = userHref(user.userPrincipalName);
  const q = c.req.query();
  const notices: Record<string, string> = {
    state: `MFA state is now ${user.mfaState}.`,
    blocked: 'Sign-in is blocked; open sessions have ended.',
    unblocked: 'Sign-in is allowed again.',
    default: 'The default method changed.',
    'method-deleted': 'The method was deleted.',
    'reset-methods': 'Methods removed: the user registers again at next sign-in.',
    'delete-app-passwords': 'All app passwords were deleted.',
    'restore-remembered-devices': 'Remembered devices will ask for MFA again.',
    'unlock-signin': 'Sign-in is unlocked: failed attempts start over.',
    invited: `An invitation was sent to ${user.email ?? 'the user'}.`,
    saved: 'Saved.',
  };
  return layout(
    c,
    user.displayName,
    <>
      <Notice message={q.done && Object.hasOwn(notices, q.done) ? notices[q.done] : undefined} />
      {locked ? (
        <p class="warning" role="alert">
          Too many failed passwords or codes: this user must wait, or is locked out (after 100 in a
          row). Choose <em>Unlock sign-in</em> below if it was them.
        </p>
      ) : null}
      {extra as never}
      <section aria-labelledby="details">
        <h2 id="details">Details</h2>
        <dl class="details">
          <dt>User name</dt>
          <dd>{user.userPrincipalName}</dd>
          <dt>Email</dt>
          <dd>{user.email ?? '—'}</dd>
          <dt>Mobile phone</dt>
          <dd>{user.mobilePhone ?? '—'}</dd>
          <dt>Groups</dt>
          <dd>
            {groups.length === 0
              ? '—'
              : groups.map((g, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    {g.name}
                    {g.adminRole ? ' (administrators)' : ''}
                  </>
                ))}
          </dd>
          <dt>Source</dt>
          <dd>
            {user.source === 'directory' ? (
              <>
                Directory: <code>{user.directoryDn}</code> (its password, name and groups are
                managed there)
              </>
            ) : (
              'Local (Portcullis keeps the password)'
            )}
          </dd>
          <dt>Role</dt>
          <dd>{user.isAdmin ? 'Administrator' : 'User'}</dd>
          <dt>Sign-in</dt>
          <dd>
            {user.blockedByDirectory
              ? 'Blocked: the directory disabled or no longer has the account'
              : user.blockCredential
                ? 'Blocked'
                : 'Allowed'}
          </dd>
          <dt>MFA state</dt>
          <dd>{stateBadge(user.mfaState)}</dd>
          <dt>Created</dt>
          <dd>{time(user.createdAt)}</dd>
          <dt>Last sign-in</dt>
          <dd>{time(user.lastSignInAt)}</dd>
          {user.fraudReportedAt ? (
            <>
              <dt>Fraud reported</dt>
              <dd>{time(user.fraudReportedAt)}</dd>
            </>
          ) : null}
          {user.mustChangePassword ? (
            <>
              <dt>Password</dt>
              <dd>One-time password: to be changed at next sign-in</dd>
            </>
          ) : user.hasPassword ? null : (
            <>
              <dt>Password</dt>
              <dd>None yet{user.email ? ' (invited: the user sets it from the email)' : ''}</dd>
            </>
          )}
        </dl>
        <p class="row">
          <a class="button-like" href={`${base}/edit`}>
            Edit
          </a>
        </p>
        <form method="post" action={`${base}/state`} class="row">
          <Csrf token={csrf} />
          <label>
            Set MFA state
            <select name="state">
              {mfaStates.map((s) => (
                <option value={s} selected={s === user.mfaState}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Change…</button>
        </form>
        {user.blockedByDirectory ? null : (
          <form
            method="post"
            action={`${base}/${user.blockCredential ? 'unblock' : 'block'}`}
            class="row"
          >
            <Csrf token={csrf} />
            <button type="submit" class={user.blockCredential ? undefined : 'danger'}>
              {user.blockCredential ? 'Unblock sign-in…' : 'Block sign-in…'}
            </button>
          </form>
        )}
        {user.source === 'directory' ? null : (
          <form method="post" action={`${base}/reset-password`} class="row">
            <Csrf token={csrf} />
            <button type="submit" class="secondary-button">
              Reset password…
            </button>
          </form>
        )}
        {user.source === 'directory' || !user.email ? null : (
          <form method="post" action={`${base}/invite`} class="row">
            <Csrf token={csrf} />
            <button type="submit" class="secondary-button">
              {user.hasPassword
                ? 'Send an invitation (to set a new password)'
                : 'Send the invitation again'}
            </button>
          </form>
        )}
        <form method="post" action={`${base}/delete`} class="row">
          <Csrf token={csrf} />
          <button type="submit" class="danger">
            Delete user…
          </button>
        </form>
      </section>

      <section aria-labelledby="methods">
        <h2 id="methods">Verification methods</h2>
        {user.strongAuthenticationMethods.length === 0 ? (
          <p class="muted">No method registered.</p>
        ) : (
          <table class="cards">
            <caption class="visually-hidden">Registered methods</caption>
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col">Default</th>
                <th scope="col">Phone</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {user.strongAuthenticationMethods.map((m) => (
                <tr>
                  <td>{label(m.methodType)}</td>
                  <td data-label="Default">{m.isDefault ? 'Yes' : 'No'}</td>
                  <td data-label="Phone">{m.phoneNumber ?? '—'}</td>
                  <td data-label="Added">{time(m.createdAt)}</td>
                  <td data-label="Last used">{time(m.lastUsedAt)}</td>
                  <td class="row">
                    {m.isDefault || !worksAlone(m.methodType) ? null : (
                      <form method="post" action={`${base}/methods/${m.id}/default`}>
                        <Csrf token={csrf} />
                        <button type="submit" class="link">
                          Make default<span class="visually-hidden"> ({label(m.methodType)})</span>
                        </button>
                      </form>
                    )}
                    <form method="post" action={`${base}/methods/${m.id}/delete`}>
                      <Csrf token={csrf} />
                      <button type="submit" class="link">
                        Delete…<span class="visually-hidden"> ({label(m.methodType)})</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="app-passwords">
        <h2 id="app-passwords">App passwords</h2>
        <AppPasswordTable items={appPasswords} />
      </section>

      <section aria-labelledby="devices">
        <h2 id="devices">Remembered devices</h2>
        <p>
          {devices === 0
            ? 'No device skips MFA for this user.'
            : `${devices} device${devices === 1 ? '' : 's'} currently skip MFA.`}
        </p>
      </section>

      <section aria-labelledby="manage">
        <h2 id="manage">Manage user settings</h2>
        <form method="post" action={`${base}/settings`} class="stack">
          <Csrf token={csrf} />
          <fieldset>
            <legend>Choose what to do</legend>
            <label class="choice">
              <input type="radio" name="action" value="reset-methods" required />
              Require the user to provide contact methods again
            </label>
            <label class="choice">
              <input type="radio" name="action" value="delete-app-passwords" />
              Delete all existing app passwords generated by the user
            </label>
            <label class="choice">
              <input type="radio" name="action" value="restore-remembered-devices" />
              Restore multi-factor authentication on all remembered devices
            </label>
            <label class="choice">
              <input type="radio" name="action" value="unlock-signin" />
              Unlock sign-in after too many failed attempts
            </label>
          </fieldset>
          <button type="submit">Continue…</button>
        </form>
      </section>

      <section aria-labelledby="signins">
        <h2 id="signins">Recent sign-ins</h2>
        <div class="scroll-box">
          <SigninTable items={signins} />
        </div>
        <p>
          <a href={`/admin/logs/signins?user=${encodeURIComponent(user.userPrincipalName)}`}>
            All sign-ins of this user
          </a>{' '}
          ·{' '}
          <a href={`/admin/logs/audit?user=${encodeURIComponent(user.userPrincipalName)}`}>
            Audit events
          </a>
        </p>
      </section>
    </>,
  );
}

export const AppPasswordTable = ({ items }: { items: AppPasswordView[] }) =>
  items.length === 0 ? (
    <p class="muted">No app passwords.</p>
  ) : (
    <table class="cards">
      <caption class="visually-hidden">App passwords</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Applications</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr>
            <td>{p.name}</td>
            <td data-label="Applications">{p.scopes.length ? p.scopes.join(', ') : 'Any'}</td>
            <td data-label="Created">{time(p.createdAt)}</td>
            <td data-label="Last used">{time(p.lastUsedAt)}</td>
            <td data-label="From">{p.lastUsedFrom ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export const SigninTable = ({ items }: { items: SigninView[] }) =>
  items.length === 0 ? (
    <p class="muted">No sign-ins.</p>
  ) : (
    <table>
      <caption class="visually-hidden">Sign-ins, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">User</th>
          <th scope="col">Result</th>
          <th scope="col">Reason</th>
          <th scope="col">Method</th>
          <th scope="col">Application</th>
          <th scope="col">Front</th>
          <th scope="col">Address</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr>
            <td>{time(s.createdDateTime)}</td>
            <td class="wrap">{s.userPrincipalName}</td>
            <td>{s.result}</td>
            <td class="prose">{s.failureReason || s.additionalDetails}</td>
            <td>{s.authenticationMethod ?? '—'}</td>
            <td>{s.application ?? '—'}</td>
            <td>{s.front ?? '—'}</td>
            <td>{s.ipAddress ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

/** A per-user action: confirm first (unless `confirm=yes`), then do it and go back to the user page. */
async function userAction(
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
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const action = form.fields.action ?? '';
    const upns =
      form.fields.scope === 'all'
        ? await matching(c, form.fields.q ?? '', form.fields.state ?? '')
        : [...new Set(form.all('users'))].slice(0, 1000);
    if (!isAction(action))
      throw new AppError('invalid_request', { detail: 'Choose one of the actions.' });
    if (upns.length === 0)
      return layout(
        c,
        'Users',
        <p class="error" role="alert">
          Select at least one user first. <a href="/admin/users">Back to users</a>
        </p>,
      );
    if (form.fields.confirm !== 'yes') {
      // Named on the page: the first hundred (an action on every match may reach thousands).
      const users = await Promise.all(
        upns.slice(0, 100).map((u) => getUser(c.var.ctx, u, c.var.actor!)),
      );
      return layout(
        c,
        `${ACTIONS[action].button} users`,
        <Confirm
          action="/admin/users/selected"
          csrfToken={c.var.session!.csrf_token}
          what={explain(action, users, upns.length)}
          fields={
            form.fields.scope === 'all'
              ? [
                  ['action', action],
                  ['scope', 'all'],
                  ['q', form.fields.q ?? ''],
                  ['state', form.fields.state ?? ''],
                ]
              : [['action', action], ...upns.map((u): [string, string] => ['users', u])]
          }
          confirmLabel={`${ACTIONS[action].button} ${upns.length} user${upns.length === 1 ? '' : 's'}`}
          cancelHref="/admin/users"
          danger={!mfaStates.includes(action as MfaState)}
        />,
      );
    }
    const n = await runAction(c, action, upns);
    return c.redirect(`/admin/users?done=${action}&n=${n}`, 303);
  })

  .get('/admin/users/:upn', (c) => userPage(c, c.req.param('upn')))

  .post('/admin/users/:upn/state', async (c) => {
    const form = await readFormValues(c);
    const state = parseMfaState(form.fields.state ?? '');
    return userAction(c, {
      what: (u) => explain(state, [u]),
      confirmLabel: `Set MFA state to ${state}`,
      fields: [['state', state]],
      run: async (u) => {
        await setMfaState(c.var.ctx, c.var.actor!, [u.userPrincipalName], state);
        return 'state';
      },
    });
  })

  .post('/admin/users/:upn/block', (c) =>
    userAction(c, {
      what: (u) => (
        <p>
          {u.displayName} will not be able to sign in anywhere (browser, app passwords, LDAP,
          RADIUS) until unblocked, and their open sessions end now.
        </p>
      ),
      confirmLabel: 'Block sign-in',
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
          {u.displayName} will be able to sign in again
          {u.fraudReportedAt ? ' (they reported fraud: make sure the report was reviewed)' : ''}.
        </p>
      ),
      confirmLabel: 'Unblock sign-in',
      run: async (u) => {
        await setBlocked(c.var.ctx, c.var.actor!, u.userPrincipalName, false);
        return 'unblocked';
      },
    }),
  )

  .post('/admin/users/:upn/reset-password', (c) =>
    userAction(c, {
      what: (u) => (
        <p>
          A one-time password is generated for {u.displayName} and shown to you once; their current
          password stops working and their open sessions end. They choose a new password at next
          sign-in.
        </p>
      ),
      confirmLabel: 'Reset password',
      danger: true,
      run: async (u) => {
        const r = await resetPassword(c.var.ctx, c.var.actor!, u.userPrincipalName);
        return userPage(
          c,
          u.userPrincipalName,
          <ShownOnce
            id="otp-value"
            title={`One-time password for ${u.userPrincipalName}`}
            advice="Give it to the user by a safe channel. It is shown only now; the user must change it at next sign-in."
            secret={r.oneTimePassword}
          />,
        ) as Promise<Response>;
      },
    }),
  )

  .post('/admin/users/:upn/settings', async (c) => {
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
      throw new AppError('invalid_request', { detail: 'Choose what to do.' });
    const a = action as Exclude<Action, MfaState>;
    return userAction(c, {
      what: (u) => explain(a, [u]),
      confirmLabel: ACTIONS[a].button,
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

  .post('/admin/users/:upn/methods/:id/delete', (c) =>
    userAction(c, {
      what: (u) => {
        const m = u.strongAuthenticationMethods.find((x) => x.id === c.req.param('id'));
        if (!m) throw new AppError('not_found', { detail: 'That method is gone already.' });
        return (
          <p>
            The method {label(m.methodType)}
            {m.phoneNumber ? ` (${m.phoneNumber})` : ''} of {u.displayName} is deleted.
            {u.strongAuthenticationMethods.length === 1 && u.mfaState !== 'Disabled'
              ? ' It is their only method: they will register one again at next sign-in.'
              : ''}
          </p>
        );
      },
      confirmLabel: 'Delete method',
      danger: true,
      run: async (u) => {
        await deleteMethod(c.var.ctx, c.var.actor!, u.userPrincipalName, c.req.param('id')!);
        return 'method-deleted';
      },
    }),
  );
