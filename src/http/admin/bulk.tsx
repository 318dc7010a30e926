import type { Context } from 'hono';
import { Hono } from 'hono';
import type { MfaState } from '../../db/schema.ts';
import { isAppError, localMessage } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  applyBulk,
  type BulkResult,
  type BulkRow,
  parseBulkCsv,
  previewBulk,
} from '../../services/bulk-mfa.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { rich, stateLabel } from './i18n.tsx';
import { adminPage } from './layout.tsx';
import {
  ApplyButton,
  Count,
  countItem,
  escapeHtml,
  fileText,
  MoreRows,
  PROGRESS_MARK,
  RowErrors,
  streamWork,
} from './upload.tsx';

type C = Context<HttpEnv>;

/** Rows shown in a preview; errors always, changes up to this many. */
const SHOWN_ROWS = 300;
const TEMPLATE =
  '\uFEFFUsername,MFA Status\r\nalice@contoso.com,Enabled\r\nbob@contoso.com,Enforced\r\n';

const page = (c: C, children: unknown) =>
  adminPage(c, '/admin/bulk', c.var.t('admin.nav.bulk'), children);

const UploadForm = ({ t, csrf, error }: { t: Translate; csrf: string; error?: string }) => (
  <>
    <p>
      {rich(t, 'admin.bulk.intro', {
        header: <code>Username,MFA Status</code>,
        template: (
          <a href="/admin/bulk/template.csv" download>
            {t('admin.upload.template')}
          </a>
        ),
      })}
    </p>
    <p>{t('admin.bulk.how')}</p>
    {error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/admin/bulk" enctype="multipart/form-data" class="stack">
      <Csrf token={csrf} />
      <label>
        {t('admin.upload.file')}
        <input type="file" name="file" accept=".csv,text/csv" required />
      </label>
      <button type="submit">{t('admin.upload.check')}</button>
    </form>
  </>
);

const Counts = ({ t, locale, r }: { t: Translate; locale: string; r: BulkResult }) => (
  <ul class="counts">
    <Count
      t={t}
      locale={locale}
      n={r.changed}
      what={r.applied ? 'admin.bulk.changed' : 'admin.bulk.willChange'}
    />
    <Count t={t} locale={locale} n={r.unchanged} what="admin.bulk.already" />
    <Count
      t={t}
      locale={locale}
      n={r.errors}
      what={r.applied ? 'admin.upload.errorsNotApplied' : 'admin.upload.errorsSkipped'}
    />
  </ul>
);

/** A state read from the file or the database, in the page language; '—' when there is none. */
const state = (t: Translate, s: MfaState | null | undefined) => (s ? stateLabel(t, s) : '—');

function RowTable({ t, rows }: { t: Translate; rows: BulkRow[] }) {
  const errors = rows.filter((r) => r.status === 'error');
  const others = rows.filter((r) => r.status !== 'error');
  const shown = [...errors, ...others.slice(0, Math.max(0, SHOWN_ROWS - errors.length))];
  return (
    <>
      <table class="cards">
        <caption>{t('admin.upload.everyRow')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.upload.line')}</th>
            <th scope="col">{t('admin.common.userName')}</th>
            <th scope="col">{t('admin.bulk.now')}</th>
            <th scope="col">{t('admin.bulk.new')}</th>
            <th scope="col">{t('admin.common.result')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr class={r.status === 'error' ? 'row-error' : undefined}>
              <td data-label={t('admin.upload.line')}>{r.line}</td>
              <td data-label={t('admin.common.userName')} class="wrap">
                {r.userPrincipalName || '—'}
              </td>
              <td data-label={t('admin.bulk.now')}>{state(t, r.currentState)}</td>
              <td data-label={t('admin.bulk.new')}>{state(t, r.state)}</td>
              <td data-label={t('admin.common.result')}>
                {r.status === 'error'
                  ? t('admin.upload.rowError', { error: r.error ?? '' })
                  : r.status === 'change'
                    ? t('admin.bulk.rowChange')
                    : t('admin.upload.rowNoChange')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreRows t={t} n={rows.length - shown.length} />
    </>
  );
}

export const adminBulkRoutes = new Hono<HttpEnv>()
  .get('/admin/bulk', (c) => page(c, <UploadForm t={c.var.t} csrf={c.var.session!.csrf_token} />))

  .get('/admin/bulk/template.csv', (c) =>
    c.body(TEMPLATE, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="mfa-bulk-template.csv"',
    }),
  )

  // Step 1: check every row and show the preview; nothing changes.
  .post('/admin/bulk', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const csrf = c.var.session!.csrf_token;
    let result: BulkResult;
    let csv: string;
    try {
      csv = await fileText(form.file('file'));
      result = await previewBulk(c.var.ctx, parseBulkCsv(csv));
    } catch (e) {
      if (!isAppError(e) || e.status !== 400) throw e;
      c.status(400);
      return page(c, <UploadForm t={t} csrf={csrf} error={localMessage(e, t)} />);
    }
    return page(
      c,
      <>
        <h2>{t('admin.upload.preview')}</h2>
        <Counts t={t} locale={c.var.locale} r={result} />
        {result.changed > 0 ? (
          <form
            method="post"
            action="/admin/bulk/apply"
            enctype="multipart/form-data"
            class="stack"
          >
            <Csrf token={csrf} />
            <input type="hidden" name="csv" value={csv} />
            <ApplyButton t={t} changes={result.changed} errors={result.errors} />
          </form>
        ) : (
          <p>{t('admin.upload.nothing')}</p>
        )}
        <p>
          <a href="/admin/bulk">{t('admin.upload.another')}</a>
        </p>
        <RowTable t={t} rows={result.rows} />
      </>,
    );
  })

  // Step 2: check again (things may have changed) and apply, showing progress as it goes.
  .post('/admin/bulk/apply', async (c) => {
    const { t, locale } = c.var;
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const items = parseBulkCsv(form.fields.csv ?? '');
    const { ctx } = c.var;
    const actor = c.var.actor!;
    return streamWork(
      c,
      page(
        c,
        <>
          <h2>{t('admin.upload.applying')}</h2>
          <div class="progress-log" aria-live="polite">
            {PROGRESS_MARK}
          </div>
        </>,
      ),
      async (report) => {
        const result = await applyBulk(ctx, actor, items, {
          check: report(t('admin.upload.checkingRows')),
          write: report(t('admin.bulk.writingChanges')),
        });
        const errors = result.rows.filter((r) => r.status === 'error').slice(0, SHOWN_ROWS);
        return `<h2>${escapeHtml(t('admin.upload.result'))}</h2><ul class="counts">${[
          countItem(t, locale, result.changed, 'admin.bulk.changed'),
          countItem(t, locale, result.unchanged, 'admin.bulk.already'),
          countItem(t, locale, result.errors, 'admin.upload.errorsNotApplied'),
        ].join('')}</ul>${RowErrors(t, errors)}<p><a href="/admin/users">${escapeHtml(
          t('admin.common.backToUsers'),
        )}</a> · <a href="/admin/bulk">${escapeHtml(t('admin.upload.anotherShort'))}</a></p>`;
      },
      t('admin.bulk.failed'),
    );
  });
