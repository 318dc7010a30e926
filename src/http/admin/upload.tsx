// What the portal's file uploads share (bulk MFA update, user import): reading
// the file as UTF-8, and a long apply streamed to the browser with a progress
// bar (no script: the page arrives as the work goes on).
import type { Context } from 'hono';
import { AppError, isAppError, localMessage } from '../../errors.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { HttpEnv } from '../env.ts';
import { formatCount } from './i18n.tsx';

/** The uploaded file as text: UTF-8 only (a clear error otherwise). */
export async function fileText(file: File | undefined): Promise<string> {
  if (!file || file.size === 0)
    throw new AppError('invalid_request', {
      detail: 'Choose a CSV file to upload.',
      local: { key: 'admin.upload.noFile' },
    });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AppError('invalid_request', {
      detail: 'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.',
      local: { key: 'admin.upload.notUtf8' },
    });
  }
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** The preview's button: how many changes it applies, and how many rows it skips. */
export const ApplyButton = (p: { t: Translate; changes: number; errors: number }) => (
  <button type="submit">
    {p.errors > 0
      ? p.t('admin.upload.applySkipping', { changeCount: p.changes, errorCount: p.errors })
      : p.t('admin.upload.apply', { n: p.changes })}
  </button>
);

/** Under a preview's table: how many good rows it leaves out. */
export const MoreRows = ({ t, n }: { t: Translate; n: number }) =>
  n > 0 ? <p class="muted">{t('admin.upload.moreRows', { n })}</p> : null;

/** One count of a preview or a result: the number, then what it counts (agreeing with it). */
export const Count = (p: { t: Translate; locale: string; n: number; what: MessageKey }) => (
  <li>
    <strong>{formatCount(p.locale, p.n)}</strong> {p.t(p.what, { n: p.n })}
  </li>
);

/** The same, as HTML for a streamed result. */
export const countItem = (t: Translate, locale: string, n: number, what: MessageKey) =>
  `<li><strong>${escapeHtml(formatCount(locale, n))}</strong> ${escapeHtml(t(what, { n }))}</li>`;

/** The rows an apply left out, as an HTML table (empty when none). */
export function RowErrors(
  t: Translate,
  rows: { line: number; userPrincipalName: string; error?: string | undefined }[],
): string {
  if (rows.length === 0) return '';
  const th = (k: MessageKey) => `<th scope="col">${escapeHtml(t(k))}</th>`;
  const label = (k: MessageKey) => `data-label="${escapeHtml(t(k))}"`;
  return `<table class="cards"><caption>${escapeHtml(t('admin.upload.notApplied'))}</caption><thead><tr>${th(
    'admin.upload.line',
  )}${th('admin.common.userName')}${th('admin.upload.error')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr class="row-error"><td ${label('admin.upload.line')}>${r.line}</td><td ${label('admin.common.userName')} class="wrap">${escapeHtml(r.userPrincipalName)}</td><td ${label('admin.upload.error')}>${escapeHtml(r.error ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/** Where the streamed progress goes in the page. */
export const PROGRESS_MARK = '@@progress@@';

export type Report = (what: string) => (done: number, total: number) => void;

/**
 * Sends `page` (a rendered page holding PROGRESS_MARK) up to the mark, then
 * progress bars as `work` reports them, then the HTML `work` returns, then the
 * rest of the page. The browser may go away mid-way: the work goes on (and
 * commits) regardless.
 */
export async function streamWork(
  c: Context<HttpEnv>,
  page: Response | Promise<Response>,
  work: (report: Report) => Promise<string>,
  failed: string,
): Promise<Response> {
  const html = await (await page).text();
  const [head, tail] = html.split(PROGRESS_MARK) as [string, string];
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
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
      let phase = '';
      const report: Report = (what) => (done, total) => {
        if (what !== phase) {
          phase = what;
          last = -1;
        }
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (pct === last || (pct % 10 !== 0 && pct !== 100)) return;
        last = pct;
        // Each report is a new bar after the last (the page cannot change what it
        // was sent without a script); the stylesheet shows only the latest.
        send(
          `<div class="progress-step">${escapeHtml(what)}: <progress max="100" value="${pct}">${pct}%</progress> ${pct}%</div>`,
        );
      };
      try {
        send(await work(report));
      } catch (e) {
        c.var.ctx.log.error({ err: (e as Error).message }, 'upload apply failed');
        send(
          `<p class="error" role="alert">${escapeHtml(isAppError(e) ? localMessage(e, c.var.t) : failed)}</p>`,
        );
      }
      send(tail);
      if (open) controller.close();
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
