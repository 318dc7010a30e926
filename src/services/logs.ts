// The sign-in and audit logs as administrators read them: filters, cursor
// paging (newest first) and CSV export — the same for the portal, API and CLI.
import type { AppContext } from '../context.ts';
import type { SigninLogTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type SigninView, toSigninView } from '../flows/signin-log.ts';
import type { AuditRow } from '../storage/audit.ts';
import { printable } from './validation.ts';

const encodeCursor = (at: number, id: string) => Buffer.from(`${at}:${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: number; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (!at || !id || !/^\d{1,15}$/.test(at) || !/^[\w-]{1,64}$/.test(id))
    throw new AppError('invalid_request', { detail: 'That cursor is not one this API gave out.' });
  return { at: Number(at), id };
}

/**
 * A time given as ISO 8601, in ms; a clear error otherwise. A bare date (UTC)
 * as `until` means the end of that day, so the range includes it.
 */
export function parseTime(s: string | undefined, name: string): number | undefined {
  if (s === undefined || s === '') return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s.trim());
  const t = Date.parse(s) + (dateOnly && name === 'until' ? 86_400_000 - 1 : 0);
  if (Number.isNaN(t))
    throw new AppError('invalid_request', {
      detail: `${name}: "${s.slice(0, 40)}" is not a time; use ISO 8601, e.g. 2026-11-28 or 2026-11-28T09:00:00Z.`,
    });
  return t;
}

interface Paged {
  cursor?: string;
  limit?: number;
  since?: string;
  until?: string;
}

export interface SigninQuery extends Paged {
  user?: string;
  result?: SigninLogTable['result'];
  method?: string;
  application?: string;
  front?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

function page<R extends { at: number; id: string }, V>(
  rows: R[],
  limit: number,
  view: (r: R) => V,
): Page<V> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

const clean = (s: string | undefined) =>
  s ? printable(s).trim().slice(0, 256) || undefined : undefined;

export async function listSignins(ctx: AppContext, q: SigninQuery): Promise<Page<SigninView>> {
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const rows = await ctx.stores.signinLog.list({
    limit: limit + 1,
    upn: clean(q.user),
    result: q.result,
    method: clean(q.method),
    application: clean(q.application),
    front: clean(q.front),
    since: parseTime(q.since, 'since'),
    until: parseTime(q.until, 'until'),
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
  });
  return page(rows, limit, toSigninView);
}

export interface AuditView {
  id: string;
  at: string;
  actor: string;
  ipAddress: string | null;
  action: string;
  userPrincipalName: string | null;
  detail: Record<string, unknown>;
}

export const toAuditView = (r: AuditRow): AuditView => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  actor: r.actor,
  ipAddress: r.ip,
  action: r.action,
  userPrincipalName: r.target,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});

export interface AuditQuery extends Paged {
  user?: string;
  actor?: string;
  action?: string;
}

export async function listAudit(ctx: AppContext, q: AuditQuery): Promise<Page<AuditView>> {
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const rows = await ctx.stores.audit.list({
    limit: limit + 1,
    target: clean(q.user),
    actor: clean(q.actor),
    action: clean(q.action),
    since: parseTime(q.since, 'since'),
    until: parseTime(q.until, 'until'),
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
  });
  return page(rows, limit, toAuditView);
}

/** At most this many rows in one export. */
export const EXPORT_MAX_ROWS = 100_000;

/** Every matching entry (up to EXPORT_MAX_ROWS), as CSV with a header row. */
export async function exportCsv<V>(
  list: (cursor: string | undefined) => Promise<Page<V>>,
  columns: { header: string; value: (v: V) => unknown }[],
): Promise<string> {
  const lines: unknown[][] = [columns.map((c) => c.header)];
  let cursor: string | undefined;
  do {
    const p = await list(cursor);
    for (const v of p.items) lines.push(columns.map((c) => c.value(v)));
    cursor = p.nextCursor ?? undefined;
  } while (cursor && lines.length <= EXPORT_MAX_ROWS);
  // Loaded here: listing logs (the command line's tables) needs no CSV writer.
  const { stringify } = await import('csv-stringify/sync');
  // A leading = + - @ would be a formula in a spreadsheet: quote it away (CSV injection).
  return stringify(
    lines.map((l) =>
      l.map((v) => {
        const s =
          v === null || v === undefined
            ? ''
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v);
        return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      }),
    ),
  );
}

export const signinCsvColumns: { header: string; value: (v: SigninView) => unknown }[] = [
  { header: 'Time', value: (v) => v.createdDateTime },
  { header: 'User', value: (v) => v.userPrincipalName },
  { header: 'Result', value: (v) => v.result },
  { header: 'Reason', value: (v) => v.failureReason || v.additionalDetails },
  { header: 'Method', value: (v) => v.authenticationMethod },
  { header: 'Application', value: (v) => v.application },
  { header: 'Front', value: (v) => v.front },
  { header: 'IP address', value: (v) => v.ipAddress },
  { header: 'User agent', value: (v) => v.userAgent },
];

export const auditCsvColumns: { header: string; value: (v: AuditView) => unknown }[] = [
  { header: 'Time', value: (v) => v.at },
  { header: 'Actor', value: (v) => v.actor },
  { header: 'IP address', value: (v) => v.ipAddress },
  { header: 'Action', value: (v) => v.action },
  { header: 'User', value: (v) => v.userPrincipalName },
  { header: 'Detail', value: (v) => v.detail },
];
