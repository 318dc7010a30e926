// Portal: import users from a CSV file (preview, then apply in one transaction
// with progress), the template, and the export of the (filtered) users list.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError, localMessage } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import { IMPORT_COLUMNS, IMPORT_TEMPLATE } from '../../services/import-template.ts';
import {
  applyImport,
  exportUsersCsv,
  type ImportResult,
  type ImportRow,
  parseImportCsv,
  previewImport,
} from '../../services/user-import.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { rich } from './i18n.tsx';
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
import { userFilterOf } from './user-filter.ts';

type C = Context<HttpEnv>;
/** Rows shown in a preview: errors always, the rest up to this many. */
const SHOWN_ROWS = 300;

const page = (c: C, children: unknown) =>
  adminPage(c, '/admin/users', c.var.t('admin.import.title'), children);

const UploadForm = ({ t, csrf, error }: { t: Translate; csrf: string; error?: string }) => (
  <>
    <p>
      {rich(t, 'admin.import.intro', {
        columns: <code>{IMPORT_COLUMNS.join(',')}</code>,
        upn: <code>UserPrincipalName</code>,
        email: <code>Email</code>,
        mfa: <code>MFA Status</code>,
        template: (
          <a href="/admin/users/import/template.csv" download>
            {t('admin.upload.template')}
          </a>
        ),
      })}
    </p>
    <p>{t('admin.import.how')}</p>
    {error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/admin/users/import" enctype="multipart/form-data" class="stack">
      <Csrf token={csrf} />
      <label>
        {t('admin.upload.file')}
        <input type="file" name="file" accept=".csv,text/csv" required />
      </label>
      <button type="submit">{t('admin.upload.check')}</button>
    </form>
  </>
);

const Counts = ({ t, locale, r }: { t: Translate; locale: string; r: ImportResult }) => (
  <ul class="counts">
    <Count
      t={t}
      locale={locale}
      n={r.created}
      what={r.applied ? 'admin.import.created' : 'admin.import.toCreate'}
    />
    <Count
      t={t}
      locale={locale}
      n={r.updated}
      what={r.applied ? 'admin.import.updated' : 'admin.import.toUpdate'}
    />
    <Count t={t} locale={locale} n={r.unchanged} what="admin.import.unchanged" />
    <Count
      t={t}
      locale={locale}
      n={r.errors}
      what={r.applied ? 'admin.upload.errorsNotApplied' : 'admin.upload.errorsSkipped'}
    />
  </ul>
);

function RowTable({ t, rows }: { t: Translate; rows: ImportRow[] }) {
  const errors = rows.filter((r) => r.action === 'error');
  const others = rows.filter((r) => r.action !== 'error');
  const shown = [...errors, ...others.slice(0, Math.max(0, SHOWN_ROWS - errors.length))];
  return (
    <>
      <table class="cards">
        <caption>{t('admin.upload.everyRow')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.upload.line')}</th>
            <th scope="col">{t('admin.common.userName')}</th>
            <th scope="col">{t('admin.common.result')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr class={r.action === 'error' ? 'row-error' : undefined}>
              <td data-label={t('admin.upload.line')}>{r.line}</td>
              <td data-label={t('admin.common.userName')} class="wrap">
                {r.userPrincipalName || '—'}
              </td>
              <td data-label={t('admin.common.result')}>
                {r.action === 'error'
                  ? t('admin.upload.rowError', { error: r.error ?? '' })
                  : r.action === 'create'
                    ? t('admin.import.rowCreate')
                    : r.action === 'update'
                      ? t('admin.import.rowUpdate', { changes: r.changes?.join(', ') ?? '' })
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

export const adminUserImportRoutes = new Hono<HttpEnv>()
  .get('/admin/users/import', (c) =>
    page(c, <UploadForm t={c.var.t} csrf={c.var.session!.csrf_token} />),
  )
  .get('/admin/users/import/template.csv', (c) =>
    c.body(`\uFEFF${IMPORT_TEMPLATE}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="users-template.csv"',
    }),
  )
  .get('/admin/users/export.csv', async (c) => {
    const csv = await exportUsersCsv(c.var.ctx, c.var.actor!, userFilterOf(c.req.query()));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="users.csv"',
    });
  })
  // Step 1: check every row and show the preview; nothing changes.
  .post('/admin/users/import', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const csrf = c.var.session!.csrf_token;
    let csv: string;
    let result: ImportResult;
    try {
      csv = await fileText(form.file('file'));
      result = await previewImport(c.var.ctx, parseImportCsv(csv));
    } catch (e) {
      if (isAppError(e) && e.status === 400)
        return page(c, <UploadForm t={t} csrf={csrf} error={localMessage(e, t)} />);
      throw e;
    }
    const todo = result.created + result.updated;
    return page(
      c,
      <>
        <h2>{t('admin.upload.preview')}</h2>
        <Counts t={t} locale={c.var.locale} r={result} />
        {todo > 0 ? (
          <form
            method="post"
            action="/admin/users/import/apply"
            enctype="multipart/form-data"
            class="stack"
          >
            <Csrf token={csrf} />
            <input type="hidden" name="csv" value={csv} />
            <label class="choice">
              <input type="checkbox" name="invite" value="on" checked /> {t('admin.import.invite')}
            </label>
            <ApplyButton t={t} changes={todo} errors={result.errors} />
          </form>
        ) : (
          <p>{t('admin.upload.nothing')}</p>
        )}
        <p>
          <a href="/admin/users/import">{t('admin.upload.another')}</a>
        </p>
        <RowTable t={t} rows={result.rows} />
      </>,
    );
  })
  // Step 2: check again (things may have changed) and apply, with progress as it goes.
  .post('/admin/users/import/apply', async (c) => {
    const { t, locale } = c.var;
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const items = parseImportCsv(form.fields.csv ?? '');
    const { ctx } = c.var;
    const actor = c.var.actor!;
    const invite = form.fields.invite === 'on';
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
        const r = await applyImport(
          ctx,
          actor,
          items,
          { invite },
          {
            check: report(t('admin.upload.checkingRows')),
            write: report(t('admin.import.writingUsers')),
          },
        );
        const errors = r.rows.filter((x) => x.action === 'error').slice(0, SHOWN_ROWS);
        return `<h2>${escapeHtml(t('admin.upload.result'))}</h2><ul class="counts">${[
          countItem(t, locale, r.created, 'admin.import.created'),
          countItem(t, locale, r.updated, 'admin.import.updated'),
          countItem(t, locale, r.unchanged, 'admin.import.unchanged'),
          countItem(t, locale, r.errors, 'admin.upload.errorsNotApplied'),
          r.invited ? countItem(t, locale, r.invited, 'admin.import.invited') : '',
        ].join('')}</ul>${RowErrors(t, errors)}<p><a href="/admin/users">${escapeHtml(
          t('admin.common.backToUsers'),
        )}</a> · <a href="/admin/users/import">${escapeHtml(t('admin.upload.anotherShort'))}</a></p>`;
      },
      t('admin.import.failed'),
    );
  });
