import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError, localMessage } from '../../errors.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import {
  type AuditQuery,
  type AuditView,
  auditCsvColumns,
  exportCsv,
  listAudit,
  listSignins,
  type Page,
  type SigninQuery,
  signinCsvColumns,
} from '../../services/logs.ts';
import type { HttpEnv } from '../env.ts';
import { AuditDetail, appNames, auditActionLabel } from './audit-words.tsx';
import { adminPage, time } from './layout.tsx';
import { resultLabel, SigninTable } from './users.tsx';

type C = Context<HttpEnv>;
const PAGE_SIZE = 50;

const text = (c: C, name: string, label: MessageKey, value: string | undefined) => (
  <label>
    {c.var.t(label)}
    <input type="text" name={name} value={value ?? ''} maxlength={256} />
  </label>
);

/** The filters of the current request, to keep in paging and export links. */
const keep = (q: Record<string, string>, names: string[]) =>
  new URLSearchParams(Object.entries(q).filter(([k, v]) => names.includes(k) && v !== ''));

async function logPage<V>(
  c: C,
  o: {
    title: string;
    section: string;
    filterNames: string[];
    filters: unknown;
    list: (cursor: string | undefined) => Promise<Page<V>>;
    table: (items: V[], apps: ReadonlyMap<string, string>) => unknown;
    csvHref: string;
  },
) {
  const q = c.req.query();
  const kept = keep(q, o.filterNames);
  let result: Page<V> | null = null;
  let error: string | undefined;
  try {
    result = await o.list(q.cursor || undefined);
  } catch (e) {
    if (!isAppError(e) || e.status !== 400) throw e;
    error = localMessage(e, c.var.t);
    c.status(400);
  }
  const { t } = c.var;
  return adminPage(
    c,
    o.section,
    o.title,
    <>
      <form method="get" action={o.section} class="filters">
        {o.filters as never}
        <button type="submit">{t('admin.logs.filter')}</button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <p>
        <a href={`${o.csvHref}?${kept}`} download>
          {t('admin.logs.export')}
        </a>
      </p>
      {/* A log is wide: on a narrow screen it scrolls in its box, not the page. */}
      <div class="scroll-box">
        {result ? (o.table(result.items, await appNames(c.var.ctx)) as never) : null}
      </div>
      <nav class="row" aria-label={t('admin.common.pages')}>
        {q.cursor ? <a href={`${o.section}?${kept}`}>{t('admin.logs.newest')}</a> : null}
        {result?.nextCursor ? (
          <a href={`${o.section}?${new URLSearchParams([...kept, ['cursor', result.nextCursor]])}`}>
            {t('admin.logs.older')}
          </a>
        ) : null}
      </nav>
    </>,
  );
}

const signinQuery = (q: Record<string, string>): SigninQuery => ({
  ...(q.user ? { user: q.user } : {}),
  ...(['success', 'failure', 'interrupted'].includes(q.result ?? '')
    ? { result: q.result as SigninQuery['result'] }
    : {}),
  ...(q.method ? { method: q.method } : {}),
  ...(q.application ? { application: q.application } : {}),
  ...(q.since ? { since: q.since } : {}),
  ...(q.until ? { until: q.until } : {}),
});

const auditQuery = (q: Record<string, string>): AuditQuery => ({
  ...(q.user ? { user: q.user } : {}),
  ...(q.actor ? { actor: q.actor } : {}),
  ...(q.action ? { action: q.action } : {}),
  ...(q.since ? { since: q.since } : {}),
  ...(q.until ? { until: q.until } : {}),
});

const AuditTable = ({
  t,
  lang,
  apps,
  items,
}: {
  t: Translate;
  lang: string;
  apps: ReadonlyMap<string, string>;
  items: AuditView[];
}) =>
  items.length === 0 ? (
    <p class="muted">{t('admin.audit.none')}</p>
  ) : (
    <table>
      <caption class="visually-hidden">{t('admin.audit.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.common.time')}</th>
          <th scope="col">{t('admin.audit.who')}</th>
          <th scope="col">{t('admin.audit.from')}</th>
          <th scope="col">{t('admin.audit.action')}</th>
          <th scope="col">{t('admin.common.user')}</th>
          <th scope="col">{t('admin.audit.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr>
            <td>{time(a.at)}</td>
            <td class="wrap">{a.actor}</td>
            <td>{a.ipAddress ?? '—'}</td>
            <td>{auditActionLabel(t, a.action)}</td>
            <td class="wrap">{a.userPrincipalName ?? '—'}</td>
            <td class="wrap">
              <AuditDetail t={t} lang={lang} apps={apps} detail={a.detail} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

const csv = (c: C, body: string, name: string) =>
  c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
  });

export const adminLogRoutes = new Hono<HttpEnv>()
  .get('/admin/logs/signins', (c) => {
    const q = c.req.query();
    const { t } = c.var;
    return logPage(c, {
      title: t('admin.nav.signins'),
      section: '/admin/logs/signins',
      filterNames: ['user', 'result', 'method', 'application', 'since', 'until'],
      filters: (
        <>
          {text(c, 'user', 'admin.common.userName', q.user)}
          <label>
            {t('admin.common.result')}
            <select name="result">
              <option value="">{t('admin.common.any')}</option>
              {(['success', 'failure', 'interrupted'] as const).map((r) => (
                <option value={r} selected={q.result === r}>
                  {resultLabel(t, r)}
                </option>
              ))}
            </select>
          </label>
          {text(c, 'method', 'admin.logs.method', q.method)}
          {text(c, 'application', 'admin.logs.application', q.application)}
          {text(c, 'since', 'admin.logs.since', q.since)}
          {text(c, 'until', 'admin.logs.until', q.until)}
        </>
      ),
      list: (cursor) =>
        listSignins(c.var.ctx, {
          ...signinQuery(q),
          ...(cursor ? { cursor } : {}),
          limit: PAGE_SIZE,
        }),
      table: (items, apps) => <SigninTable t={t} apps={apps} items={items} />,
      csvHref: '/admin/logs/signins.csv',
    });
  })
  .get('/admin/logs/signins.csv', async (c) =>
    csv(
      c,
      await exportCsv(
        (cursor) =>
          listSignins(c.var.ctx, {
            ...signinQuery(c.req.query()),
            ...(cursor ? { cursor } : {}),
            limit: 1000,
          }),
        signinCsvColumns,
      ),
      'signins',
    ),
  )
  .get('/admin/logs/audit', (c) => {
    const q = c.req.query();
    const { t } = c.var;
    return logPage(c, {
      title: t('admin.nav.audit'),
      section: '/admin/logs/audit',
      filterNames: ['user', 'actor', 'action', 'since', 'until'],
      filters: (
        <>
          {text(c, 'user', 'admin.audit.userFilter', q.user)}
          {text(c, 'actor', 'admin.audit.actorFilter', q.actor)}
          {text(c, 'action', 'admin.audit.actionFilter', q.action)}
          {text(c, 'since', 'admin.logs.since', q.since)}
          {text(c, 'until', 'admin.logs.until', q.until)}
        </>
      ),
      list: (cursor) =>
        listAudit(c.var.ctx, { ...auditQuery(q), ...(cursor ? { cursor } : {}), limit: PAGE_SIZE }),
      table: (items, apps) => <AuditTable t={t} lang={c.var.locale} apps={apps} items={items} />,
      csvHref: '/admin/logs/audit.csv',
    });
  })
  .get('/admin/logs/audit.csv', async (c) =>
    csv(
      c,
      await exportCsv(
        (cursor) =>
          listAudit(c.var.ctx, {
            ...auditQuery(c.req.query()),
            ...(cursor ? { cursor } : {}),
            limit: 1000,
          }),
        auditCsvColumns,
      ),
      'audit',
    ),
  );
