// The usage and registration report (/admin/reports): registration figures,
// users by registration (paged, CSV), and sign-ins per day by result and by
// method as charts drawn on the server (and as a table, and CSV).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Translate } from '../../i18n/index.ts';
import { exportCsv } from '../../services/logs.ts';
import {
  ACTIVITY_MAX_DAYS,
  type ActivityRow,
  activityCsvColumns,
  parseRegistrationFilter,
  REGISTRATION_FILTERS,
  type RegistrationFilter,
  registrationCsvColumns,
  registrationDetails,
  registrationSummary,
  signinActivity,
  summaryCsvColumns,
  summaryRows,
} from '../../services/usage-report.ts';
import { csv } from '../api/route.ts';
import type { HttpEnv } from '../env.ts';
import { PALETTE, type Series, StackedBars } from './chart.tsx';
import { formatCount, methodLabel, stateLabel } from './i18n.tsx';
import { adminPage, time } from './layout.tsx';

type C = Context<HttpEnv>;

const PERIODS = [7, 30, ACTIVITY_MAX_DAYS] as const;
const RESULTS = ['success', 'failure', 'interrupted'] as const;
const RESULT_COLOURS = { success: '#009e73', failure: '#d55e00', interrupted: '#e69f00' };

const periodOf = (raw: string | undefined) => PERIODS.find((d) => String(d) === raw) ?? 30;

/** Per date, the sum of the rows `pick` keeps. */
function perDate(dates: string[], rows: ActivityRow[], pick: (r: ActivityRow) => boolean) {
  return dates.map((d) =>
    rows.filter((r) => r.date === d && pick(r)).reduce((sum, r) => sum + r.count, 0),
  );
}

const methodName = (t: Translate, method: string) =>
  method === ''
    ? t('admin.reports.passwordOnly')
    : method === 'password'
      ? t('admin.reports.password')
      : methodLabel(t, method);

async function reportPage(c: C) {
  const { ctx, t, locale } = c.var;
  const q = c.req.query();
  const filter: RegistrationFilter = REGISTRATION_FILTERS.find((f) => f === q.filter) ?? 'all';
  const days = periodOf(q.days);
  const [summary, page, activity] = await Promise.all([
    registrationSummary(ctx),
    registrationDetails(ctx, { filter, cursor: q.cursor, limit: 50 }),
    signinActivity(ctx, days),
  ]);
  const n = (v: number) => formatCount(locale, v);
  const share = (v: number) =>
    summary.users === 0
      ? n(v)
      : `${n(v)} (${new Intl.NumberFormat(locale, { style: 'percent' }).format(v / summary.users)})`;
  const tip = (date: string, label: string, v: number) =>
    t('admin.reports.tip', { date, label, value: n(v) });
  const methods = [...new Set(activity.rows.map((r) => r.method))].sort();
  const byResult: Series[] = RESULTS.map((r) => ({
    label: t(`admin.signins.result.${r}`),
    values: perDate(activity.dates, activity.rows, (x) => x.result === r),
    colour: RESULT_COLOURS[r],
  }));
  const byMethod: Series[] = methods.map((m, i) => ({
    label: methodName(t, m),
    values: perDate(activity.dates, activity.rows, (x) => x.method === m),
    colour: PALETTE[i % PALETTE.length]!,
  }));
  const keep = (more: Record<string, string>) =>
    `/admin/reports?${new URLSearchParams({ filter, days: String(days), ...more })}`;
  const totals = perDate(activity.dates, activity.rows, () => true);
  return adminPage(
    c,
    '/admin/reports',
    t('admin.reports.title'),
    <>
      <section aria-labelledby="registration">
        <h2 id="registration">{t('admin.reports.registration')}</h2>
        <dl class="figures">
          <dt>{t('admin.reports.users')}</dt>
          <dd>{n(summary.users)}</dd>
          <dt>{t('admin.reports.capable')}</dt>
          <dd>{share(summary.mfaCapable)}</dd>
          <dt>{t('admin.reports.withoutMethod')}</dt>
          <dd>{share(summary.withoutMethod)}</dd>
          <dt>{t('admin.reports.phoneOnly')}</dt>
          <dd>{share(summary.phoneOnly)}</dd>
          {(['Disabled', 'Enabled', 'Enforced'] as const).map((s) => (
            <>
              <dt>{stateLabel(t, s)}</dt>
              <dd>{share(summary.mfaStates[s])}</dd>
            </>
          ))}
        </dl>
        <p>
          <a href="/admin/reports/summary.csv">{t('admin.reports.export')}</a>
        </p>
        <table>
          <caption>{t('admin.reports.methods')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.common.method')}</th>
              <th scope="col">{t('admin.reports.usersWith')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.methods.map((m) => (
              <tr>
                <th scope="row">{methodLabel(t, m.methodType)}</th>
                <td>{share(m.users)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="by-registration">
        <h2 id="by-registration">{t('admin.reports.list')}</h2>
        <form method="get" action="/admin/reports" class="filters">
          <label>
            {t('admin.reports.show')}
            <select name="filter">
              {REGISTRATION_FILTERS.map((f) => (
                <option value={f} selected={f === filter}>
                  {t(`admin.reports.filter.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="days" value={String(days)} />
          <button type="submit">{t('admin.common.search')}</button>
          <a href={`/admin/reports/registration.csv?filter=${filter}`}>
            {t('admin.reports.export')}
          </a>
        </form>
        <table class="cards">
          <caption>{t(`admin.reports.filter.${filter}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.common.userName')}</th>
              <th scope="col">{t('admin.common.mfaState')}</th>
              <th scope="col">{t('admin.reports.capableColumn')}</th>
              <th scope="col">{t('admin.reports.methodsColumn')}</th>
              <th scope="col">{t('admin.common.lastSignin')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? (
              <tr>
                <td colspan={5}>{t('admin.reports.noUsers')}</td>
              </tr>
            ) : (
              page.items.map((u) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${encodeURIComponent(u.userPrincipalName)}`}>
                      {u.userPrincipalName}
                    </a>
                  </td>
                  <td data-label={t('admin.common.mfaState')}>
                    {stateLabel(t, u.mfaState as 'Disabled')}
                  </td>
                  <td data-label={t('admin.reports.capableColumn')}>
                    {t(u.isMfaCapable ? 'admin.common.yes' : 'admin.common.no')}
                  </td>
                  <td data-label={t('admin.reports.methodsColumn')}>
                    {u.methodsRegistered.map((m) => methodLabel(t, m)).join(', ') || '—'}
                  </td>
                  <td data-label={t('admin.common.lastSignin')}>{time(u.lastSignInAt)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <nav class="row" aria-label={t('admin.common.pages')}>
          {q.cursor ? <a href={keep({})}>{t('admin.common.firstPage')}</a> : null}
          {page.nextCursor ? (
            <a href={keep({ cursor: page.nextCursor })}>{t('admin.common.nextPage')}</a>
          ) : null}
        </nav>
      </section>

      <section aria-labelledby="activity">
        <h2 id="activity">{t('admin.reports.signins')}</h2>
        <form method="get" action="/admin/reports" class="filters">
          <label>
            {t('admin.reports.period')}
            <select name="days">
              {PERIODS.map((d) => (
                <option value={String(d)} selected={d === days}>
                  {t('admin.reports.lastDays', { n: d })}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="filter" value={filter} />
          <button type="submit">{t('admin.common.search')}</button>
          <a href={`/admin/reports/signins.csv?days=${days}`}>{t('admin.reports.export')}</a>
        </form>
        {activity.rows.length === 0 ? (
          <p class="muted">{t('admin.reports.noSignins')}</p>
        ) : (
          <>
            <StackedBars
              id="by-result"
              title={t('admin.reports.byResult', { n: days })}
              dates={activity.dates}
              series={byResult}
              tip={tip}
            />
            <StackedBars
              id="by-method"
              title={t('admin.reports.byMethod', { n: days })}
              dates={activity.dates}
              series={byMethod}
              tip={tip}
            />
            <details>
              <summary>{t('admin.reports.figures')}</summary>
              <div class="scroll-box">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.reports.date')}</th>
                      {byResult.map((s) => (
                        <th scope="col">{s.label}</th>
                      ))}
                      {byMethod.map((s) => (
                        <th scope="col">{s.label}</th>
                      ))}
                      <th scope="col">{t('admin.reports.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {activity.dates.map((d, i) => (
                      <tr>
                        <th scope="row">{d}</th>
                        {[...byResult, ...byMethod].map((s) => (
                          <td>{n(s.values[i] ?? 0)}</td>
                        ))}
                        <td>{n(totals[i] ?? 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>
    </>,
  );
}

export const adminReportRoutes = new Hono<HttpEnv>()
  .get('/admin/reports', reportPage)
  .get('/admin/reports/summary.csv', async (c) => {
    const figures = summaryRows(await registrationSummary(c.var.ctx));
    const body = await exportCsv(
      async () => ({ items: figures, nextCursor: null }),
      summaryCsvColumns,
    );
    return csv(body, 'registration-summary');
  })
  .get('/admin/reports/registration.csv', async (c) => {
    const filter = parseRegistrationFilter(c.req.query('filter'));
    const body = await exportCsv(
      (cursor) => registrationDetails(c.var.ctx, { filter, cursor, limit: 1000 }),
      registrationCsvColumns,
    );
    return csv(body, `registration-${filter}`);
  })
  .get('/admin/reports/signins.csv', async (c) => {
    const days = periodOf(c.req.query('days'));
    const { rows } = await signinActivity(c.var.ctx, days);
    const body = await exportCsv(
      async () => ({ items: rows, nextCursor: null }),
      activityCsvColumns,
    );
    return csv(body, `signins-${days}-days`);
  });
