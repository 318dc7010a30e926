// Bulk MFA state updates from Microsoft's template (`Username,MFA Status`):
// every row is checked before anything changes, then the good rows are applied
// in one transaction. A file is never half-applied: either all its good rows
// change or, if anything fails while writing, none do. Rows with errors are
// reported and never applied.
import type { AppContext } from '../context.ts';
import type { MfaState } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { UserRow } from '../storage/users.ts';
import type { Actor } from './audit.ts';
import { readCsvRecords } from './csv-records.ts';
import { applyStates } from './user-admin.ts';
import { isUpn, mfaStates } from './validation.ts';

/** Rows one file may hold (a 10,000-user organisation in one go, and then some). */
export const MAX_BULK_ROWS = 50_000;

export interface BulkItem {
  /** 1-based line in the file (the header is line 1), or position in a JSON list. */
  line: number;
  userPrincipalName: string;
  state: string;
}

export interface BulkRow {
  line: number;
  userPrincipalName: string;
  state: MfaState | null;
  currentState: MfaState | null;
  /** change: will be applied; unchanged: already in that state; error: never applied. */
  status: 'change' | 'unchanged' | 'error';
  error?: string;
}

export interface BulkResult {
  rows: BulkRow[];
  changed: number;
  unchanged: number;
  errors: number;
  applied: boolean;
}

/** Reads the CSV template: UTF-8 with or without BOM, any line ending, quoted fields. */
export function parseBulkCsv(text: string): BulkItem[] {
  const records = readCsvRecords(text);
  const [header, ...rest] = records;
  const names = header?.record.map((h) => h.toLowerCase().replace(/\s+/g, ' ')) ?? [];
  const upnAt = names.findIndex((n) => n === 'username' || n === 'userprincipalname');
  const stateAt = names.findIndex((n) => n === 'mfa status' || n === 'mfa state' || n === 'state');
  if (upnAt < 0 || stateAt < 0)
    throw new AppError('invalid_request', {
      detail: 'The first line must name the columns: Username,MFA Status (as in the template).',
    });
  if (rest.length > MAX_BULK_ROWS)
    throw new AppError('invalid_request', {
      detail: `A file may have at most ${MAX_BULK_ROWS} rows; split it.`,
    });
  return rest.map((r) => ({
    line: r.info.lines,
    userPrincipalName: r.record[upnAt] ?? '',
    state: r.record[stateAt] ?? '',
  }));
}

/** Reports work done, e.g. to draw a progress bar: rows checked, then rows written. */
export type Progress = (done: number, total: number) => void;

async function usersByUpn(
  ctx: AppContext,
  upns: string[],
  progress?: Progress,
): Promise<Map<string, UserRow>> {
  const found = new Map<string, UserRow>();
  const wanted = [...new Set(upns.filter(isUpn).map((u) => u.toLowerCase()))];
  for (let i = 0; i < wanted.length; i += 500) {
    progress?.(i, wanted.length);
    const rows = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('upn_normalized', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.upn_normalized, r);
  }
  progress?.(wanted.length, wanted.length);
  return found;
}

/** Checks every row (unknown user, bad state, duplicate row) without changing anything. */
export async function checkBulk(
  ctx: AppContext,
  items: BulkItem[],
  progress?: Progress,
): Promise<BulkRow[]> {
  const users = await usersByUpn(
    ctx,
    items.map((i) => i.userPrincipalName.trim()),
    progress,
  );
  const seen = new Map<string, number[]>();
  for (const i of items) {
    const key = i.userPrincipalName.trim().toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), i.line]);
  }
  return items.map((item) => {
    const upn = item.userPrincipalName.trim();
    const state =
      mfaStates.find((s) => s.toLowerCase() === item.state.trim().toLowerCase()) ?? null;
    const user = users.get(upn.toLowerCase());
    const lines = seen.get(upn.toLowerCase()) ?? [];
    const base = {
      line: item.line,
      userPrincipalName: upn.slice(0, 200),
      state,
      currentState: user?.mfa_state ?? null,
    };
    const error = !upn
      ? 'no user name'
      : !isUpn(upn)
        ? 'not a user name (name@domain)'
        : !user
          ? 'unknown user'
          : !state
            ? `"${item.state.trim().slice(0, 40)}" is not an MFA state (Disabled, Enabled, Enforced)`
            : lines.length > 1
              ? `duplicate row: this user is on lines ${lines.join(', ')}`
              : null;
    if (error) return { ...base, status: 'error', error };
    return { ...base, status: user!.mfa_state === state ? 'unchanged' : 'change' };
  });
}

const summary = (rows: BulkRow[], applied: boolean): BulkResult => ({
  rows,
  changed: rows.filter((r) => r.status === 'change').length,
  unchanged: rows.filter((r) => r.status === 'unchanged').length,
  errors: rows.filter((r) => r.status === 'error').length,
  applied,
});

/** The preview: what applying would do, row by row. */
export const previewBulk = async (ctx: AppContext, items: BulkItem[], progress?: Progress) =>
  summary(await checkBulk(ctx, items, progress), false);

/**
 * Checks the rows again (things may have changed since the preview) and applies
 * the good ones in one transaction; audited per user with `via: bulk`.
 */
export async function applyBulk(
  ctx: AppContext,
  actor: Actor,
  items: BulkItem[],
  progress: { check?: Progress; write?: Progress } = {},
  opts: { allOrNothing?: boolean } = {},
): Promise<BulkResult> {
  if (items.length === 0)
    throw new AppError('invalid_request', { detail: 'The file has no rows after the header.' });
  const rows = await checkBulk(ctx, items, progress.check);
  const bad = rows.filter((r) => r.status === 'error');
  if (opts.allOrNothing && bad.length > 0) {
    const unknown = bad.every((r) => r.error === 'unknown user');
    throw new AppError(unknown ? 'user_not_found' : 'invalid_request', {
      detail: unknown
        ? `No user has the user name ${bad.map((r) => `"${r.userPrincipalName.slice(0, 120)}"`).join(', ')}.`
        : `Nothing changed: ${bad
            .slice(0, 20)
            .map((r) => `${r.userPrincipalName || `line ${r.line}`}: ${r.error}`)
            .join('; ')}.`,
    });
  }
  const users = await usersByUpn(
    ctx,
    rows.filter((r) => r.status === 'change').map((r) => r.userPrincipalName),
  );
  // A user deleted since the check is reported, not written.
  for (const r of rows)
    if (r.status === 'change' && !users.has(r.userPrincipalName.toLowerCase()))
      Object.assign(r, { status: 'error', error: 'unknown user' });
  await applyStates(
    ctx,
    actor,
    rows
      .filter((r) => r.status === 'change')
      .map((r) => ({ user: users.get(r.userPrincipalName.toLowerCase())!, state: r.state! })),
    opts.allOrNothing ? undefined : 'bulk',
    progress.write,
  );
  return summary(rows, true);
}
