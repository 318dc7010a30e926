import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError } from '../../errors.ts';
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
import { adminPage } from './layout.tsx';
import { escapeHtml, fileText, PROGRESS_MARK, streamWork } from './upload.tsx';

type C = Context<HttpEnv>;

/** Rows shown in a preview; errors always, changes up to this many. */
const SHOWN_ROWS = 300;
const TEMPLATE =
  '\uFEFFUsername,MFA Status\r\nalice@contoso.com,Enabled\r\nbob@contoso.com,Enforced\r\n';

const page = (c: C, children: unknown) => adminPage(c, '/admin/bulk', 'Bulk update', children);

const UploadForm = ({ csrf, error }: { csrf: string; error?: string }) => (
  <>
    <p>
      Upload a CSV file in Microsoft's template — a header line <code>Username,MFA Status</code>,
      then one user per line with Disabled, Enabled or Enforced (UTF-8, with or without BOM).{' '}
      <a href="/admin/bulk/template.csv" download>
        Download the template
      </a>
      .
    </p>
    <p>
      Every row is checked first and nothing changes until you apply. Applying writes all the good
      rows in one transaction — either all of them change or none do — and never a row with an
      error.
    </p>
    {error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/admin/bulk" enctype="multipart/form-data" class="stack">
      <Csrf token={csrf} />
      <label>
        CSV file
        <input type="file" name="file" accept=".csv,text/csv" required />
      </label>
      <button type="submit">Check the file</button>
    </form>
  </>
);

const Counts = ({ r }: { r: BulkResult }) => (
  <ul class="counts">
    <li>
      <strong>{r.changed}</strong> {r.applied ? 'changed' : 'will change'}
    </li>
    <li>
      <strong>{r.unchanged}</strong> already in that state
    </li>
    <li>
      <strong>{r.errors}</strong> with errors{r.applied ? ', not applied' : ', will be skipped'}
    </li>
  </ul>
);

function RowTable({ rows, caption }: { rows: BulkRow[]; caption: string }) {
  const errors = rows.filter((r) => r.status === 'error');
  const others = rows.filter((r) => r.status !== 'error');
  const shown = [...errors, ...others.slice(0, Math.max(0, SHOWN_ROWS - errors.length))];
  return (
    <>
      <table class="cards">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">User name</th>
            <th scope="col">Now</th>
            <th scope="col">New</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr class={r.status === 'error' ? 'row-error' : undefined}>
              <td data-label="Line">{r.line}</td>
              <td data-label="User name" class="wrap">
                {r.userPrincipalName || '—'}
              </td>
              <td data-label="Now">{r.currentState ?? '—'}</td>
              <td data-label="New">{r.state ?? '—'}</td>
              <td data-label="Result">
                {r.status === 'error'
                  ? `Error: ${r.error}`
                  : r.status === 'change'
                    ? 'Change'
                    : 'No change'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length ? (
        <p class="muted">…and {rows.length - shown.length} more rows without errors.</p>
      ) : null}
    </>
  );
}

export const adminBulkRoutes = new Hono<HttpEnv>()
  .get('/admin/bulk', (c) => page(c, <UploadForm csrf={c.var.session!.csrf_token} />))

  .get('/admin/bulk/template.csv', (c) =>
    c.body(TEMPLATE, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="mfa-bulk-template.csv"',
    }),
  )

  // Step 1: check every row and show the preview; nothing changes.
  .post('/admin/bulk', async (c) => {
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
      return page(c, <UploadForm csrf={csrf} error={e.message} />);
    }
    return page(
      c,
      <>
        <h2>Preview</h2>
        <Counts r={result} />
        {result.changed > 0 ? (
          <form
            method="post"
            action="/admin/bulk/apply"
            enctype="multipart/form-data"
            class="stack"
          >
            <Csrf token={csrf} />
            <input type="hidden" name="csv" value={csv} />
            <button type="submit">
              Apply {result.changed} change{result.changed === 1 ? '' : 's'}
              {result.errors > 0
                ? ` (skip ${result.errors} row${result.errors === 1 ? '' : 's'} with errors)`
                : ''}
            </button>
          </form>
        ) : (
          <p>Nothing to change.</p>
        )}
        <p>
          <a href="/admin/bulk">Upload another file</a>
        </p>
        <RowTable rows={result.rows} caption="Every row of the file, errors first" />
      </>,
    );
  })

  // Step 2: check again (things may have changed) and apply, showing progress as it goes.
  .post('/admin/bulk/apply', async (c) => {
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
          <h2>Applying</h2>
          <div class="progress-log" aria-live="polite">
            {PROGRESS_MARK}
          </div>
        </>,
      ),
      async (report) => {
        const result = await applyBulk(ctx, actor, items, {
          check: report('Checking rows'),
          write: report('Writing changes'),
        });
        const errors = result.rows.filter((r) => r.status === 'error').slice(0, SHOWN_ROWS);
        return `<h2>Result</h2><ul class="counts"><li><strong>${result.changed}</strong> changed</li><li><strong>${result.unchanged}</strong> already in that state</li><li><strong>${result.errors}</strong> with errors, not applied</li></ul>${
          errors.length
            ? `<table class="cards"><caption>Rows not applied</caption><thead><tr><th scope="col">Line</th><th scope="col">User name</th><th scope="col">Error</th></tr></thead><tbody>${errors
                .map(
                  (r) =>
                    `<tr class="row-error"><td data-label="Line">${r.line}</td><td data-label="User name" class="wrap">${escapeHtml(r.userPrincipalName)}</td><td data-label="Error">${escapeHtml(r.error ?? '')}</td></tr>`,
                )
                .join('')}</tbody></table>`
            : ''
        }<p><a href="/admin/users">Back to users</a> · <a href="/admin/bulk">Another file</a></p>`;
      },
      'The update failed and nothing was changed.',
    );
  });
