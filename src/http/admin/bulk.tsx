import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError, isAppError } from '../../errors.ts';
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
import { adminOf } from './guard.ts';
import { AdminLayout } from './layout.tsx';

type C = Context<HttpEnv>;

/** Where the streamed progress goes in the page. */
const PROGRESS_MARK = '@@progress@@';

/** Rows shown in a preview; errors always, changes up to this many. */
const SHOWN_ROWS = 300;
const TEMPLATE =
  '\uFEFFUsername,MFA Status\r\nalice@contoso.com,Enabled\r\nbob@contoso.com,Enforced\r\n';

const page = (c: C, children: unknown) =>
  c.html(
    <AdminLayout
      title="Bulk update"
      section="/admin/bulk"
      admin={adminOf(c).upn}
      csrfToken={c.var.session!.csrf_token}
    >
      {children as never}
    </AdminLayout>,
  );

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
      <table>
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
              <td>{r.line}</td>
              <td>{r.userPrincipalName || '—'}</td>
              <td>{r.currentState ?? '—'}</td>
              <td>{r.state ?? '—'}</td>
              <td>
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

/** The uploaded file as text: UTF-8 only (a clear error otherwise). */
async function fileText(file: File | undefined): Promise<string> {
  if (!file || file.size === 0)
    throw new AppError('invalid_request', { detail: 'Choose a CSV file to upload.' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AppError('invalid_request', {
      detail: 'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.',
    });
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

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
    const html = await (
      await page(
        c,
        <>
          <h2>Applying</h2>
          <div class="progress-log" aria-live="polite">
            {PROGRESS_MARK}
          </div>
        </>,
      )
    ).text();
    const [head, tail] = html.split(PROGRESS_MARK) as [string, string];
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        // The browser may go away mid-way: the apply goes on (and commits) regardless.
        let open = true;
        const send = (s: string) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(s));
          } catch {
            open = false;
          }
        };
        send(head);
        let last = -1;
        const report = (what: string) => (done: number, total: number) => {
          const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (pct === last || (pct % 10 !== 0 && pct !== 100)) return;
          last = pct;
          send(`<p>${what}: <progress max="100" value="${pct}">${pct}%</progress> ${pct}%</p>`);
        };
        try {
          const result = await applyBulk(ctx, actor, items, {
            check: report('Checking rows'),
            write: (d, t) => {
              if (d === 0) last = -1;
              report('Writing changes')(d, t);
            },
          });
          send(
            `<h2>Result</h2><ul class="counts"><li><strong>${result.changed}</strong> changed</li><li><strong>${result.unchanged}</strong> already in that state</li><li><strong>${result.errors}</strong> with errors, not applied</li></ul>`,
          );
          const errors = result.rows.filter((r) => r.status === 'error').slice(0, SHOWN_ROWS);
          if (errors.length)
            send(
              `<table><caption>Rows not applied</caption><thead><tr><th scope="col">Line</th><th scope="col">User name</th><th scope="col">Error</th></tr></thead><tbody>${errors
                .map(
                  (r) =>
                    `<tr class="row-error"><td>${r.line}</td><td>${escapeHtml(r.userPrincipalName)}</td><td>${escapeHtml(r.error ?? '')}</td></tr>`,
                )
                .join('')}</tbody></table>`,
            );
        } catch (e) {
          ctx.log.error({ err: (e as Error).message }, 'bulk update failed');
          send(
            `<p class="error" role="alert">${escapeHtml(isAppError(e) ? e.message : 'The update failed and nothing was changed.')}</p>`,
          );
        }
        send(
          '<p><a href="/admin/users">Back to users</a> · <a href="/admin/bulk">Another file</a></p>',
        );
        send(tail);
        if (open) controller.close();
      },
    });
    return new Response(body, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  });
