// Portal: import users from a CSV file (preview, then apply in one transaction
// with progress), the template, and the export of the (filtered) users list.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError } from '../../errors.ts';
import { IMPORT_COLUMNS, IMPORT_TEMPLATE } from '../../services/import-template.ts';
import {
  applyImport,
  exportUsersCsv,
  type ImportResult,
  type ImportRow,
  parseImportCsv,
  previewImport,
} from '../../services/user-import.ts';
import { mfaStates } from '../../services/validation.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { adminPage } from './layout.tsx';
import { escapeHtml, fileText, PROGRESS_MARK, streamWork } from './upload.tsx';

type C = Context<HttpEnv>;
/** Rows shown in a preview: errors always, the rest up to this many. */
const SHOWN_ROWS = 300;

const page = (c: C, children: unknown) => adminPage(c, '/admin/users', 'Import users', children);

const UploadForm = ({ csrf, error }: { csrf: string; error?: string }) => (
  <>
    <p>
      Upload a CSV file whose first line names its columns: <code>{IMPORT_COLUMNS.join(',')}</code>.
      Only <code>UserPrincipalName</code> is required; an empty field changes nothing;{' '}
      <code>Email</code> defaults to the user name for new users; <code>MFA Status</code> is
      Disabled, Enabled or Enforced.{' '}
      <a href="/admin/users/import/template.csv" download>
        Download the template
      </a>
      .
    </p>
    <p>
      New users are created without a password and get an invitation by email; existing users are
      updated where a column says something new. Every row is checked first and nothing changes
      until you apply; applying writes all the good rows in one transaction, never a row with an
      error.
    </p>
    {error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/admin/users/import" enctype="multipart/form-data" class="stack">
      <Csrf token={csrf} />
      <label>
        CSV file
        <input type="file" name="file" accept=".csv,text/csv" required />
      </label>
      <button type="submit">Check the file</button>
    </form>
  </>
);

const Counts = ({ r }: { r: ImportResult }) => (
  <ul class="counts">
    <li>
      <strong>{r.created}</strong> {r.applied ? 'created' : 'to create'}
    </li>
    <li>
      <strong>{r.updated}</strong> {r.applied ? 'updated' : 'to update'}
    </li>
    <li>
      <strong>{r.unchanged}</strong> unchanged
    </li>
    <li>
      <strong>{r.errors}</strong> with errors{r.applied ? ', not applied' : ', will be skipped'}
    </li>
  </ul>
);

function RowTable({ rows }: { rows: ImportRow[] }) {
  const errors = rows.filter((r) => r.action === 'error');
  const others = rows.filter((r) => r.action !== 'error');
  const shown = [...errors, ...others.slice(0, Math.max(0, SHOWN_ROWS - errors.length))];
  return (
    <>
      <table class="cards">
        <caption>Every row of the file, errors first</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">User name</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr class={r.action === 'error' ? 'row-error' : undefined}>
              <td data-label="Line">{r.line}</td>
              <td data-label="User name" class="wrap">
                {r.userPrincipalName || '—'}
              </td>
              <td data-label="Result">
                {r.action === 'error'
                  ? `Error: ${r.error}`
                  : r.action === 'create'
                    ? 'Create'
                    : r.action === 'update'
                      ? `Update: ${r.changes?.join(', ')}`
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

export const adminUserImportRoutes = new Hono<HttpEnv>()
  .get('/admin/users/import', (c) => page(c, <UploadForm csrf={c.var.session!.csrf_token} />))
  .get('/admin/users/import/template.csv', (c) =>
    c.body(`\uFEFF${IMPORT_TEMPLATE}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="users-template.csv"',
    }),
  )
  .get('/admin/users/export.csv', async (c) => {
    const q = c.req.query();
    const state = mfaStates.find((s) => s === q.state);
    const csv = await exportUsersCsv(c.var.ctx, c.var.actor!, {
      ...(q.q ? { search: q.q.slice(0, 120) } : {}),
      ...(state ? { mfaState: state } : {}),
    });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="users.csv"',
    });
  })
  // Step 1: check every row and show the preview; nothing changes.
  .post('/admin/users/import', async (c) => {
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
        return page(c, <UploadForm csrf={csrf} error={e.message} />);
      throw e;
    }
    const todo = result.created + result.updated;
    return page(
      c,
      <>
        <h2>Preview</h2>
        <Counts r={result} />
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
              <input type="checkbox" name="invite" value="on" checked /> Send the new users an
              invitation by email
            </label>
            <button type="submit">
              Apply {todo} change{todo === 1 ? '' : 's'}
              {result.errors > 0
                ? ` (skip ${result.errors} row${result.errors === 1 ? '' : 's'} with errors)`
                : ''}
            </button>
          </form>
        ) : (
          <p>Nothing to change.</p>
        )}
        <p>
          <a href="/admin/users/import">Upload another file</a>
        </p>
        <RowTable rows={result.rows} />
      </>,
    );
  })
  // Step 2: check again (things may have changed) and apply, with progress as it goes.
  .post('/admin/users/import/apply', async (c) => {
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
          <h2>Applying</h2>
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
          { check: report('Checking rows'), write: report('Writing users') },
        );
        const errors = r.rows.filter((x) => x.action === 'error').slice(0, SHOWN_ROWS);
        return `<h2>Result</h2><ul class="counts"><li><strong>${r.created}</strong> created</li><li><strong>${r.updated}</strong> updated</li><li><strong>${r.unchanged}</strong> unchanged</li><li><strong>${r.errors}</strong> with errors, not applied</li>${
          r.invited ? `<li><strong>${r.invited}</strong> invited by email</li>` : ''
        }</ul>${
          errors.length
            ? `<table class="cards"><caption>Rows not applied</caption><thead><tr><th scope="col">Line</th><th scope="col">User name</th><th scope="col">Error</th></tr></thead><tbody>${errors
                .map(
                  (x) =>
                    `<tr class="row-error"><td data-label="Line">${x.line}</td><td data-label="User name" class="wrap">${escapeHtml(x.userPrincipalName)}</td><td data-label="Error">${escapeHtml(x.error ?? '')}</td></tr>`,
                )
                .join('')}</tbody></table>`
            : ''
        }<p><a href="/admin/users">Back to users</a> · <a href="/admin/users/import">Another file</a></p>`;
      },
      'The import failed and nothing was changed.',
    );
  });
