// Admin portal → Directory: the connection's state, the last sync and the next,
// what the syncs did and could not do, Sync now (or a dry run) and Test
// connection — the same services as `portcullis directory` and the API.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { DirectorySyncRunsTable } from '../../db/schema.ts';
import {
  type DirectoryStatus,
  type DirectoryTest,
  getDirectoryStatus,
  runDirectorySync,
  runDirectoryTest,
  type SyncReport,
} from '../../directory/admin.ts';
import type { SyncAction } from '../../directory/sync-plan.ts';
import { isAppError, localMessage } from '../../errors.ts';
import { isMessageKey, type Translate } from '../../i18n/index.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf, ErrorMessage } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { formatCount, rich } from './i18n.tsx';
import { adminPage, time } from './layout.tsx';

type C = Context<HttpEnv>;
const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** What a sync does to a user, how it was started and how it ended, in the page language. */
const actionLabel = (t: Translate, a: SyncAction) => t(`admin.directory.action.${a}`);
const statusLabel = (t: Translate, s: DirectorySyncRunsTable['status']) =>
  t(`admin.directory.status.${s}`);
/** schedule, cli, portal or api; another trigger (a newer node's) as it is stored. */
const triggerLabel = (t: Translate, trigger: string) => {
  const key = `admin.directory.trigger.${trigger}`;
  return isMessageKey(key) ? t(key) : trigger;
};

const Connection = ({ t, s }: { t: Translate; s: DirectoryStatus }) => {
  const c = s.connection;
  if (c.up === null) return <p>{t('admin.directory.notContacted')}</p>;
  return c.up ? (
    <p>
      {rich(t, 'admin.directory.upSince', {
        tag: <span class="tag">{t('admin.directory.up')}</span>,
        since: time(c.since),
      })}
    </p>
  ) : (
    <p role="alert">
      {rich(t, 'admin.directory.downSince', {
        tag: <span class="tag tag-warn">{t('admin.directory.down')}</span>,
        since: time(c.since),
        error: c.lastError ?? '',
      })}
    </p>
  );
};

const Problems = ({ t, errors }: { t: Translate; errors: { entry: string; message: string }[] }) =>
  errors.length === 0 ? null : (
    <table>
      <caption>{t('admin.directory.notSynced', { n: errors.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.directory.entry')}</th>
          <th scope="col">{t('admin.directory.why')}</th>
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

const Report = ({ t, r }: { t: Translate; r: SyncReport }) => (
  <section class="notice" role="status" aria-labelledby="report">
    <h2 id="report">{t(r.dryRun ? 'admin.directory.dryRunDone' : 'admin.directory.synced')}</h2>
    <p>
      {t('admin.directory.report', {
        entryCount: r.entries,
        createdCount: r.created,
        updatedCount: r.updated,
        blockedCount: r.blocked,
        unblockedCount: r.unblocked,
        deletedCount: r.deleted,
        unchangedCount: r.unchanged,
      })}
    </p>
    {r.changes.length > 0 ? (
      <table>
        <caption>{t(r.dryRun ? 'admin.directory.wouldChange' : 'admin.directory.changed')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.action')}</th>
            <th scope="col">{t('admin.common.user')}</th>
            <th scope="col">{t('admin.directory.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {r.changes.slice(0, 200).map((c) => (
            <tr>
              <td>{actionLabel(t, c.action)}</td>
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
    <Problems t={t} errors={r.errors} />
  </section>
);

const Tested = ({ t, r }: { t: Translate; r: DirectoryTest }) => (
  <section class="notice" role="status" aria-labelledby="tested">
    <h2 id="tested">{t('admin.directory.works')}</h2>
    <p>
      {rich(t, 'admin.directory.searched', {
        base: <code>{r.baseDn}</code>,
        filter: <code>{r.filter}</code>,
        n: r.entries.length,
      })}
    </p>
    {r.entries.length > 0 ? (
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('admin.directory.entry')}</th>
            <th scope="col">{t('admin.common.userName')}</th>
            <th scope="col">{t('admin.common.displayName')}</th>
            <th scope="col">{t('admin.directory.mail')}</th>
            <th scope="col">{t('admin.directory.mobile')}</th>
            <th scope="col">{t('admin.directory.language')}</th>
            <th scope="col">{t('admin.directory.disabled')}</th>
            <th scope="col">{t('admin.directory.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {r.entries.map((e) => (
            <tr>
              <td>
                <code>{e.dn}</code>
              </td>
              <td data-label={t('admin.common.userName')}>{dash(e.userPrincipalName)}</td>
              <td data-label={t('admin.common.displayName')}>{dash(e.displayName)}</td>
              <td data-label={t('admin.directory.mail')}>{dash(e.mail)}</td>
              <td data-label={t('admin.directory.mobile')}>{dash(e.mobile)}</td>
              <td data-label={t('admin.directory.language')}>{dash(e.preferredLanguage)}</td>
              <td data-label={t('admin.directory.disabled')}>
                {t(e.disabled ? 'admin.common.yes' : 'admin.common.no')}
              </td>
              <td data-label={t('admin.directory.problem')}>{dash(e.problem)}</td>
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
  const { t } = c.var;
  return adminPage(
    c,
    '/admin/directory',
    t('admin.nav.directory'),
    <>
      <ErrorMessage message={opts.error} />
      {opts.extra as never}
      {!s.configured ? (
        <p>
          {rich(t, 'admin.directory.notConfigured', {
            url: <code>PORTCULLIS_DIRECTORY_URL</code>,
            base: <code>PORTCULLIS_DIRECTORY_BASE_DN</code>,
          })}
        </p>
      ) : (
        <>
          <section aria-labelledby="connection">
            <h2 id="connection">{t('admin.directory.connection')}</h2>
            <Connection t={t} s={s} />
            <dl class="details">
              <dt>{t('admin.directory.kind')}</dt>
              <dd>{s.flavour === 'ad' ? 'Active Directory' : 'LDAP (OpenLDAP)'}</dd>
              <dt>{t('admin.directory.servers')}</dt>
              <dd>{s.urls.join(', ')}</dd>
              <dt>{t('admin.directory.usersUnder')}</dt>
              <dd>
                <code>{s.baseDn}</code>
              </dd>
              <dt>{t('admin.directory.serviceAccount')}</dt>
              <dd>{s.bindDn ? <code>{s.bindDn}</code> : t('admin.directory.anonymous')}</dd>
              <dt>{t('admin.nav.users')}</dt>
              <dd>
                {t('admin.directory.userCounts', {
                  directoryCount: s.users.directory,
                  blockedCount: s.users.blockedByDirectory,
                  localCount: s.users.local,
                })}
              </dd>
            </dl>
            <form method="post" action="/admin/directory/test" class="row">
              <Csrf token={csrf} />
              <label>
                {t('admin.directory.lookUp')}
                <input type="text" name="upn" maxlength={256} />
              </label>
              <button type="submit" class="secondary-button">
                {t('admin.directory.test')}
              </button>
            </form>
          </section>
          <section aria-labelledby="sync">
            <h2 id="sync">{t('admin.directory.sync')}</h2>
            <dl class="details">
              <dt>{t('admin.directory.lastSync')}</dt>
              <dd>
                {last ? (
                  <>
                    {time(last.startedAt)}{' '}
                    {last.error
                      ? t('admin.directory.lastRunFailed', {
                          trigger: triggerLabel(t, last.trigger),
                          actor: last.actor,
                          status: statusLabel(t, last.status),
                          error: last.error,
                        })
                      : t('admin.directory.lastRun', {
                          trigger: triggerLabel(t, last.trigger),
                          actor: last.actor,
                          status: statusLabel(t, last.status),
                          createdCount: last.created,
                          updatedCount: last.updated,
                          blockedCount: last.blocked,
                          unblockedCount: last.unblocked,
                          deletedCount: last.deleted,
                        })}
                  </>
                ) : (
                  t('admin.directory.never')
                )}
              </dd>
              <dt>{t('admin.directory.nextSync')}</dt>
              <dd>{s.nextSyncAt ? time(s.nextSyncAt) : t('admin.directory.syncOff')}</dd>
            </dl>
            <form method="post" action="/admin/directory/sync" class="row">
              <Csrf token={csrf} />
              <label class="choice">
                <input type="checkbox" name="dryRun" value="on" />
                {t('admin.directory.dryRun')}
              </label>
              <button type="submit">{t('admin.directory.syncNow')}</button>
            </form>
            {last ? <Problems t={t} errors={last.errors} /> : null}
            {s.runs.length > 1 ? (
              <table class="cards">
                <caption>{t('admin.directory.recent')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.directory.started')}</th>
                    <th scope="col">{t('admin.tokens.by')}</th>
                    <th scope="col">{t('admin.common.result')}</th>
                    <th scope="col">{t('admin.directory.colCreated')}</th>
                    <th scope="col">{t('admin.directory.colUpdated')}</th>
                    <th scope="col">{t('admin.directory.colBlocked')}</th>
                    <th scope="col">{t('admin.directory.colNotSynced')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.runs.map((r) => (
                    <tr>
                      <td>{time(r.startedAt)}</td>
                      <td data-label={t('admin.tokens.by')}>
                        {triggerLabel(t, r.trigger)}, {r.actor}
                      </td>
                      <td data-label={t('admin.common.result')}>
                        {r.error
                          ? `${statusLabel(t, r.status)}: ${r.error}`
                          : statusLabel(t, r.status)}
                      </td>
                      <td data-label={t('admin.directory.colCreated')}>
                        {formatCount(c.var.locale, r.created)}
                      </td>
                      <td data-label={t('admin.directory.colUpdated')}>
                        {formatCount(c.var.locale, r.updated)}
                      </td>
                      <td data-label={t('admin.directory.colBlocked')}>
                        {formatCount(c.var.locale, r.blocked)}
                      </td>
                      <td data-label={t('admin.directory.colNotSynced')}>
                        {formatCount(c.var.locale, r.errors.length)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        </>
      )}
    </>,
  );
}

/** Runs an action; a fault of the directory is shown on the page, not as an error page. */
async function act(c: C, work: () => Promise<unknown>) {
  try {
    return page(c, { extra: await work() });
  } catch (e) {
    if (!isAppError(e) || (e.status >= 500 && e.code !== 'directory_error')) throw e;
    c.status(e.status as 400);
    return page(c, { error: localMessage(e, c.var.t) });
  }
}

export const adminDirectoryRoutes = new Hono<HttpEnv>()
  .get('/admin/directory', (c) => page(c))
  .post('/admin/directory/sync', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    return act(c, async () => (
      <Report
        t={c.var.t}
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
    return act(c, async () => (
      <Tested t={c.var.t} r={await runDirectoryTest(c.var.ctx, upn ? { upn } : {})} />
    ));
  });
