// What the portal's file uploads share (bulk MFA update, user import): reading
// the file as UTF-8, and a long apply streamed to the browser with a progress
// bar (no script: the page arrives as the work goes on).
import type { Context } from 'hono';
import { AppError, isAppError } from '../../errors.ts';
import type { HttpEnv } from '../env.ts';

/** The uploaded file as text: UTF-8 only (a clear error otherwise). */
export async function fileText(file: File | undefined): Promise<string> {
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

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

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
        send(`<p class="error" role="alert">${escapeHtml(isAppError(e) ? e.message : failed)}</p>`);
      }
      send(tail);
      if (open) controller.close();
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
