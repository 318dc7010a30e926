// Admin portal → Directory: the connection's state, the last sync and the next,
// what the syncs did and could not do, Sync now (or a dry run) and Test
// connection — the same services as `portcullis directory` and the API.
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  type DirectoryStatus,
  type DirectoryTest,
  getDirectoryStatus,
  runDirectorySync,
  runDirectoryTest,
  type SyncReport,
} from '../../directory/admin.ts';
import { isAppError } from '../../errors.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf, ErrorMessage } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { adminOf } from './guard.ts';
import { AdminLayout, time } from './layout.tsx';

type C = Context<HttpEnv>;
const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

const Connection = ({ s }: { s: DirectoryStatus }) => {
  const c = s.connection;
  if (c.up === null) return <p>Not contacted by this node yet.</p>;
  return c.up ? (
    <p>
      <span class="tag">up</span> since {time(c.since)}
    </p>
  ) : (
    <p role="alert">
      <span class="tag tag-warn">unreachable</span> since {time(c.since)}: {c.lastError}. Directory
      users cannot sign in meanwhile; local users and app passwords are not affected.
    </p>
  );
};

const Problems = ({ errors }: { errors: { entry: string; message: string }[] }) =>
  errors.length === 0 ? null : (
    <table>
      <caption>Not synced ({errors.length})</caption>
      <thead>
        <tr>
          <th scope="col">Entry</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr>
            <td>
              <code>{e.entry}</code>
            </td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

const Report = ({ r }: { r: SyncReport }) => (
  <section class="notice" role="status" aria-labelledby="report">
    <h2 id="report">{r.dryRun ? 'Dry run: nothing was changed' : 'Synced'}</h2>
    <p>
      {r.entries} entries: {r.created} created, {r.updated} updated, {r.blocked} blocked,{' '}
      {r.unblocked} unblocked, {r.deleted} deleted, {r.unchanged} unchanged.
    </p>
    {r.changes.length > 0 ? (
      <table>
        <caption>{r.dryRun ? 'Would change' : 'Changed'}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">User</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {r.changes.slice(0, 200).map((c) => (
            <tr>
              <td>{c.action}</td>
              <td class="wrap">{c.upn}</td>
              <td>
                {Object.entries(c.fields)
                  .map(([k, v]) => `${k}: ${dash(v.from)} → ${dash(v.to)}`)
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : null}
    <Problems errors={r.errors} />
  </section>
);

const Tested = ({ t }: { t: DirectoryTest }) => (
  <section class="notice" role="status" aria-labelledby="tested">
    <h2 id="tested">Connection works</h2>
    <p>
      Bound as the service account and searched <code>{t.baseDn}</code> for <code>{t.filter}</code>:{' '}
      {t.entries.length === 0 ? 'no entry found.' : `${t.entries.length} entries, read as:`}
    </p>
    {t.entries.length > 0 ? (
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">User name</th>
            <th scope="col">Display name</th>
            <th scope="col">Mail</th>
            <th scope="col">Mobile</th>
            <th scope="col">Language</th>
            <th scope="col">Disabled</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {t.entries.map((e) => (
            <tr>
              <td>
                <code>{e.dn}</code>
              </td>
              <td data-label="User name">{dash(e.userPrincipalName)}</td>
              <td data-label="Display name">{dash(e.displayName)}</td>
              <td data-label="Mail">{dash(e.mail)}</td>
              <td data-label="Mobile">{dash(e.mobile)}</td>
              <td data-label="Language">{dash(e.preferredLanguage)}</td>
              <td data-label="Disabled">{e.disabled ? 'yes' : 'no'}</td>
              <td data-label="Problem">{dash(e.problem)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : null}
  </section>
);

async function page(c: C, opts: { extra?: unknown; error?: string } = {}) {
  const s = await getDirectoryStatus(c.var.ctx);
  const csrf = c.var.session!.csrf_token;
  const last = s.lastRun;
  return c.html(
    <AdminLayout
      title="Directory"
      section="/admin/directory"
      admin={adminOf(c).upn}
      csrfToken={csrf}
    >
      <ErrorMessage message={opts.error} />
      {opts.extra as never}
      {!s.configured ? (
        <p>
          No directory is configured: users are local. To take users and their passwords from Active
          Directory or OpenLDAP, set <code>PORTCULLIS_DIRECTORY_URL</code> and{' '}
          <code>PORTCULLIS_DIRECTORY_BASE_DN</code> (see the README, "Users from a directory").
        </p>
      ) : (
        <>
          <section aria-labelledby="connection">
            <h2 id="connection">Connection</h2>
            <Connection s={s} />
            <dl class="details">
              <dt>Kind</dt>
              <dd>{s.flavour === 'ad' ? 'Active Directory' : 'LDAP (OpenLDAP)'}</dd>
              <dt>Servers</dt>
              <dd>{s.urls.join(', ')}</dd>
              <dt>Users under</dt>
              <dd>
                <code>{s.baseDn}</code>
              </dd>
              <dt>Service account</dt>
              <dd>{s.bindDn ? <code>{s.bindDn}</code> : 'anonymous'}</dd>
              <dt>Users</dt>
              <dd>
                {s.users.directory} from the directory ({s.users.blockedByDirectory} blocked by it),{' '}
                {s.users.local} local
              </dd>
            </dl>
            <form method="post" action="/admin/directory/test" class="row">
              <Csrf token={csrf} />
              <label>
                User name to look up (optional)
                <input type="text" name="upn" maxlength={256} />
              </label>
              <button type="submit" class="secondary-button">
                Test connection
              </button>
            </form>
          </section>
          <section aria-labelledby="sync">
            <h2 id="sync">Sync</h2>
            <dl class="details">
              <dt>Last sync</dt>
              <dd>
                {last ? (
                  <>
                    {time(last.startedAt)} ({last.trigger}, {last.actor}): {last.status}
                    {last.error
                      ? ` — ${last.error}`
                      : `, ${last.created} created, ${last.updated} updated, ${last.blocked} blocked, ${last.unblocked} unblocked, ${last.deleted} deleted`}
                  </>
                ) : (
                  'never'
                )}
              </dd>
              <dt>Next sync</dt>
              <dd>
                {s.nextSyncAt ? time(s.nextSyncAt) : 'off (PORTCULLIS_DIRECTORY_SYNC_MINUTES=0)'}
              </dd>
            </dl>
            <form method="post" action="/admin/directory/sync" class="row">
              <Csrf token={csrf} />
              <label class="choice">
                <input type="checkbox" name="dryRun" value="on" />
                Dry run (only show what would change)
              </label>
              <button type="submit">Sync now</button>
            </form>
            {last ? <Problems errors={last.errors} /> : null}
            {s.runs.length > 1 ? (
              <table class="cards">
                <caption>Recent syncs</caption>
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">By</th>
                    <th scope="col">Result</th>
                    <th scope="col">Created</th>
                    <th scope="col">Updated</th>
                    <th scope="col">Blocked</th>
                    <th scope="col">Not synced</th>
                  </tr>
                </thead>
                <tbody>
                  {s.runs.map((r) => (
                    <tr>
                      <td>{time(r.startedAt)}</td>
                      <td data-label="By">
                        {r.trigger}, {r.actor}
                      </td>
                      <td data-label="Result">{r.error ? `${r.status}: ${r.error}` : r.status}</td>
                      <td data-label="Created">{r.created}</td>
                      <td data-label="Updated">{r.updated}</td>
                      <td data-label="Blocked">{r.blocked}</td>
                      <td data-label="Not synced">{r.errors.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        </>
      )}
    </AdminLayout>,
  );
}

/** Runs an action; a fault of the directory is shown on the page, not as an error page. */
async function act(c: C, work: () => Promise<unknown>) {
  try {
    return page(c, { extra: await work() });
  } catch (e) {
    if (!isAppError(e) || (e.status >= 500 && e.code !== 'directory_error')) throw e;
    c.status(e.status as 400);
    return page(c, { error: e.publicMessage });
  }
}

export const adminDirectoryRoutes = new Hono<HttpEnv>()
  .get('/admin/directory', (c) => page(c))
  .post('/admin/directory/sync', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    return act(c, async () => (
      <Report
        r={
          await runDirectorySync(c.var.ctx, c.var.actor!, {
            dryRun: form.fields.dryRun === 'on',
            trigger: 'portal',
          })
        }
      />
    ));
  })
  .post('/admin/directory/test', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const upn = (form.fields.upn ?? '').trim();
    return act(c, async () => <Tested t={await runDirectoryTest(c.var.ctx, upn ? { upn } : {})} />);
  });
