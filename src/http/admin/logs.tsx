import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError } from '../../errors.ts';
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
import { adminOf } from './guard.ts';
import { AdminLayout, time } from './layout.tsx';
import { SigninTable } from './users.tsx';

type C = Context<HttpEnv>;
const PAGE_SIZE = 50;

const text = (name: string, labelText: string, value: string | undefined, type = 'text') => (
  <label>
    {labelText}
    <input type={type} name={name} value={value ?? ''} maxlength={256} />
  </label>
);

function page(c: C, title: string, section: string, children: unknown) {
  return c.html(
    <AdminLayout
      title={title}
      section={section}
      admin={adminOf(c).upn}
      csrfToken={c.var.session!.csrf_token}
    >
      {children as never}
    </AdminLayout>,
  );
}

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
    table: (items: V[]) => unknown;
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
    error = e.message;
    c.status(400);
  }
  return page(
    c,
    o.title,
    o.section,
    <>
      <form method="get" action={o.section} class="filters">
        {o.filters as never}
        <button type="submit">Filter</button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <p>
        <a href={`${o.csvHref}?${kept}`} download>
          Export all matching entries as CSV
        </a>
      </p>
      {/* A log is wide: on a narrow screen it scrolls in its box, not the page. */}
      <div class="scroll-box">{result ? (o.table(result.items) as never) : null}</div>
      <nav class="row" aria-label="Pages">
        {q.cursor ? <a href={`${o.section}?${kept}`}>Newest</a> : null}
        {result?.nextCursor ? (
          <a href={`${o.section}?${new URLSearchParams([...kept, ['cursor', result.nextCursor]])}`}>
            Older entries
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

const AuditTable = ({ items }: { items: AuditView[] }) =>
  items.length === 0 ? (
    <p class="muted">No events.</p>
  ) : (
    <table>
      <caption class="visually-hidden">Audit events, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Who</th>
          <th scope="col">From</th>
          <th scope="col">Action</th>
          <th scope="col">User</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr>
            <td>{time(a.at)}</td>
            <td class="wrap">{a.actor}</td>
            <td>{a.ipAddress ?? '—'}</td>
            <td>{a.action}</td>
            <td class="wrap">{a.userPrincipalName ?? '—'}</td>
            <td class="wrap">{Object.keys(a.detail).length ? JSON.stringify(a.detail) : ''}</td>
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
    return logPage(c, {
      title: 'Sign-ins',
      section: '/admin/logs/signins',
      filterNames: ['user', 'result', 'method', 'application', 'since', 'until'],
      filters: (
        <>
          {text('user', 'User name', q.user)}
          <label>
            Result
            <select name="result">
              <option value="">Any</option>
              {['success', 'failure', 'interrupted'].map((r) => (
                <option value={r} selected={q.result === r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          {text('method', 'Method (e.g. PhoneAppOTP, password, app password)', q.method)}
          {text('application', 'Application id', q.application)}
          {text('since', 'From (e.g. 2026-11-01)', q.since)}
          {text('until', 'Until', q.until)}
        </>
      ),
      list: (cursor) =>
        listSignins(c.var.ctx, {
          ...signinQuery(q),
          ...(cursor ? { cursor } : {}),
          limit: PAGE_SIZE,
        }),
      table: (items) => <SigninTable items={items} />,
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
    return logPage(c, {
      title: 'Audit log',
      section: '/admin/logs/audit',
      filterNames: ['user', 'actor', 'action', 'since', 'until'],
      filters: (
        <>
          {text('user', 'User acted on', q.user)}
          {text('actor', 'Who (admin user name, "token NAME" or cli)', q.actor)}
          {text('action', 'Action (e.g. mfa_state_set)', q.action)}
          {text('since', 'From (e.g. 2026-11-01)', q.since)}
          {text('until', 'Until', q.until)}
        </>
      ),
      list: (cursor) =>
        listAudit(c.var.ctx, { ...auditQuery(q), ...(cursor ? { cursor } : {}), limit: PAGE_SIZE }),
      table: (items) => <AuditTable items={items} />,
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
