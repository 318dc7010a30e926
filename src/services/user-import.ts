// Users from a CSV file (the template: UserPrincipalName,DisplayName,Mobile,
// Language,MFA Status,Email), as the bulk MFA update does it: every row is
// checked first (a preview), then the good rows are applied in one
// transaction — new users created (and invited by email), existing ones
// updated where a column says something new; rows with errors never.
import type { AppContext } from '../context.ts';
import type { MfaState } from '../db/schema.ts';
import { openMobile } from '../directory/mobile.ts';
import { AppError } from '../errors.ts';
import { newUserRow, type UserRow } from '../storage/users.ts';
import { type Actor, type AuditEntry, audit } from './audit.ts';
import type { Progress } from './bulk-mfa.ts';
import { readCsvRecords } from './csv-records.ts';
import { IMPORT_COLUMNS } from './import-template.ts';
import { exportCsv } from './logs.ts';
import { parseEmail, parseMobile, profileColumns } from './user-fields.ts';
import { listUsers, type UserQuery, type Viewer } from './users.ts';
import { isUpn, mfaStates, parseDisplayName, parseLanguage, printable } from './validation.ts';

export const MAX_IMPORT_ROWS = 50_000;

export interface ImportItem {
  line: number;
  userPrincipalName: string;
  displayName: string;
  mobile: string;
  language: string;
  mfaState: string;
  email: string;
}

export interface ImportRow {
  line: number;
  userPrincipalName: string;
  /** create and update are applied; unchanged: nothing new; error: never applied. */
  action: 'create' | 'update' | 'unchanged' | 'error';
  /** What changes (the fields), for create and update. */
  changes?: string[];
  error?: string;
}

export interface ImportResult {
  rows: ImportRow[];
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  /** New users sent an invitation. */
  invited: number;
  applied: boolean;
}

const KEYS: Record<string, keyof Omit<ImportItem, 'line'>> = {
  userprincipalname: 'userPrincipalName',
  username: 'userPrincipalName',
  upn: 'userPrincipalName',
  displayname: 'displayName',
  'display name': 'displayName',
  mobile: 'mobile',
  'mobile phone': 'mobile',
  language: 'language',
  'preferred language': 'language',
  'mfa status': 'mfaState',
  'mfa state': 'mfaState',
  email: 'email',
  mail: 'email',
};

/** Reads the file: UTF-8 with or without BOM, any line ending, quoted fields, columns by name. */
export function parseImportCsv(text: string): ImportItem[] {
  const records = readCsvRecords(text);
  const [header, ...rest] = records;
  const at = new Map<keyof Omit<ImportItem, 'line'>, number>();
  header?.record.forEach((h, i) => {
    const key = KEYS[h.toLowerCase().replace(/\s+/g, ' ')];
    if (key && !at.has(key)) at.set(key, i);
  });
  if (!at.has('userPrincipalName'))
    throw new AppError('invalid_request', {
      detail: `The first line must name the columns, as in the template: ${IMPORT_COLUMNS.join(',')}.`,
    });
  if (rest.length === 0)
    throw new AppError('invalid_request', { detail: 'The file has no rows after the header.' });
  if (rest.length > MAX_IMPORT_ROWS)
    throw new AppError('invalid_request', {
      detail: `A file may have at most ${MAX_IMPORT_ROWS} rows; split it.`,
    });
  // An export quotes a leading + = - @ away from spreadsheets' formulas ('+44…): undone here.
  const get = (r: string[], k: keyof Omit<ImportItem, 'line'>) => {
    const i = at.get(k);
    const v = i === undefined ? '' : (r[i] ?? '');
    return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
  };
  return rest.map((r) => ({
    line: r.info.lines,
    userPrincipalName: get(r.record, 'userPrincipalName'),
    displayName: get(r.record, 'displayName'),
    mobile: get(r.record, 'mobile'),
    language: get(r.record, 'language'),
    mfaState: get(r.record, 'mfaState'),
    email: get(r.record, 'email'),
  }));
}

/** A checked row and what it would write. */
interface Plan {
  row: ImportRow;
  user?: UserRow;
  set: {
    display_name?: string;
    preferred_language?: string;
    mfa_state?: MfaState;
    email?: string;
    mobile?: string;
  };
}

const message = (e: unknown) => (e instanceof AppError ? e.publicMessage : 'not valid');

async function existingUsers(
  ctx: AppContext,
  upns: string[],
  progress?: Progress,
): Promise<Map<string, UserRow>> {
  const found = new Map<string, UserRow>();
  const wanted = [...new Set(upns.filter(isUpn).map((u) => u.toLowerCase()))];
  for (let i = 0; i < wanted.length; i += 500) {
    progress?.(i, wanted.length);
    for (const r of await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('upn_normalized', 'in', wanted.slice(i, i + 500))
      .execute())
      found.set(r.upn_normalized, r);
  }
  progress?.(wanted.length, wanted.length);
  return found;
}

async function plan(ctx: AppContext, items: ImportItem[], progress?: Progress): Promise<Plan[]> {
  const users = await existingUsers(
    ctx,
    items.map((i) => i.userPrincipalName.trim()),
    progress,
  );
  const lines = new Map<string, number[]>();
  for (const i of items) {
    const k = i.userPrincipalName.trim().toLowerCase();
    lines.set(k, [...(lines.get(k) ?? []), i.line]);
  }
  return items.map((item) => {
    const upn = printable(item.userPrincipalName).trim();
    const row: ImportRow = {
      line: item.line,
      userPrincipalName: upn.slice(0, 200),
      action: 'error',
    };
    const fail = (error: string): Plan => ({ row: { ...row, error }, set: {} });
    if (!upn) return fail('no user name');
    if (!isUpn(upn)) return fail('not a user name (name@domain)');
    const dup = lines.get(upn.toLowerCase()) ?? [];
    if (dup.length > 1) return fail(`duplicate row: this user is on lines ${dup.join(', ')}`);
    const set: Plan['set'] = {};
    try {
      if (item.displayName.trim()) set.display_name = parseDisplayName(item.displayName);
      if (item.language.trim()) set.preferred_language = parseLanguage(item.language);
      if (item.mobile.trim()) set.mobile = parseMobile(item.mobile);
      if (item.email.trim()) set.email = parseEmail(item.email);
    } catch (e) {
      return fail(message(e));
    }
    if (item.mfaState.trim()) {
      const state = mfaStates.find((s) => s.toLowerCase() === item.mfaState.trim().toLowerCase());
      if (!state)
        return fail(
          `"${item.mfaState.trim().slice(0, 40)}" is not an MFA state (Disabled, Enabled, Enforced)`,
        );
      set.mfa_state = state;
    }
    const user = users.get(upn.toLowerCase());
    if (!user) {
      set.email ??= upn;
      return { row: { ...row, action: 'create', changes: Object.keys(set).map(fieldName) }, set };
    }
    const changes: string[] = [];
    if (set.display_name !== undefined && set.display_name !== user.display_name)
      changes.push('display_name');
    if (set.preferred_language !== undefined && set.preferred_language !== user.preferred_language)
      changes.push('preferred_language');
    if (set.mfa_state !== undefined && set.mfa_state !== user.mfa_state) changes.push('mfa_state');
    if (set.email !== undefined && set.email !== user.directory_mail) changes.push('email');
    if (set.mobile !== undefined && set.mobile !== openMobile(ctx.box, user))
      changes.push('mobile');
    const owned = changes.find((c) => c === 'email' || c === 'mobile');
    if (user.source === 'directory' && owned)
      return fail(`the ${owned} of a directory user comes from the directory`);
    return {
      row: {
        ...row,
        action: changes.length ? 'update' : 'unchanged',
        changes: changes.map(fieldName),
      },
      user,
      set,
    };
  });
}

const fieldName = (k: string) =>
  ({ display_name: 'displayName', preferred_language: 'language', mfa_state: 'mfaState' })[k] ?? k;

const summary = (rows: ImportRow[], applied: boolean, invited: number): ImportResult => ({
  rows,
  created: rows.filter((r) => r.action === 'create').length,
  updated: rows.filter((r) => r.action === 'update').length,
  unchanged: rows.filter((r) => r.action === 'unchanged').length,
  errors: rows.filter((r) => r.action === 'error').length,
  invited,
  applied,
});

export async function previewImport(
  ctx: AppContext,
  items: ImportItem[],
  progress?: Progress,
): Promise<ImportResult> {
  return summary(
    (await plan(ctx, items, progress)).map((p) => p.row),
    false,
    0,
  );
}

/**
 * Checks again (the preview may be old) and applies the good rows in one
 * transaction: all of them or, if writing fails, none. New users get no
 * password: with `invite`, an email with a link to set one.
 */
export async function applyImport(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  items: ImportItem[],
  opts: { invite: boolean },
  progress: { check?: Progress; write?: Progress } = {},
): Promise<ImportResult> {
  const plans = await plan(ctx, items, progress.check);
  const now = ctx.clock.now();
  const creates = plans.filter((p) => p.row.action === 'create');
  const updates = plans.filter((p) => p.row.action === 'update');
  const total = creates.length + updates.length;
  let done = 0;
  const rows = creates.map((p) => {
    const id = crypto.randomUUID();
    return newUserRow(
      {
        id,
        upn: p.row.userPrincipalName,
        ...(p.set.display_name ? { display_name: p.set.display_name } : {}),
        ...(p.set.preferred_language ? { preferred_language: p.set.preferred_language } : {}),
        ...(p.set.mfa_state ? { mfa_state: p.set.mfa_state } : {}),
        ...profileColumns(ctx.box, id, {
          ...(p.set.email ? { email: p.set.email } : {}),
          ...(p.set.mobile ? { mobile: p.set.mobile } : {}),
        }),
      },
      now,
    );
  });
  const { writeInvitations } = opts.invite
    ? await import('./invitations.ts')
    : { writeInvitations: null };
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      progress.write?.(done, total);
      await trx
        .insertInto('users')
        .values(rows.slice(i, i + 500))
        .execute();
      done += Math.min(500, rows.length - i);
    }
    for (const p of updates) {
      if (done % 500 === 0) progress.write?.(done, total);
      const changed = new Set(p.row.changes);
      const f = p.set;
      await trx
        .updateTable('users')
        .set({
          ...(changed.has('displayName') ? { display_name: f.display_name! } : {}),
          ...(changed.has('language') ? { preferred_language: f.preferred_language! } : {}),
          ...(changed.has('mfaState') ? { mfa_state: f.mfa_state! } : {}),
          ...profileColumns(ctx.box, p.user!.id, {
            ...(changed.has('email') ? { email: f.email! } : {}),
            ...(changed.has('mobile') ? { mobile: f.mobile! } : {}),
          }),
          updated_at: now,
        })
        .where('id', '=', p.user!.id)
        .execute();
      done++;
    }
    const entries: AuditEntry[] = [
      ...rows.map((r) => ({
        action: 'user_created',
        target: { id: r.id, upn: r.upn },
        detail: {
          via: 'import',
          mfaState: r.mfa_state,
          password: opts.invite ? 'invited' : 'none',
        },
      })),
      ...updates.map((p) => ({
        action: 'user_updated',
        target: { id: p.user!.id, upn: p.user!.upn },
        detail: { via: 'import', fields: p.row.changes },
      })),
    ];
    await audit(ctx, trx, actor, entries);
    if (writeInvitations) await writeInvitations(ctx, trx, actor, rows);
  });
  progress.write?.(total, total);
  return summary(
    plans.map((p) => p.row),
    true,
    writeInvitations ? rows.length : 0,
  );
}

/** The (filtered) users as CSV: the import's columns first (a file can go round), then more. */
export function exportUsersCsv(
  ctx: AppContext,
  viewer: Viewer,
  q: Omit<UserQuery, 'cursor' | 'limit'>,
): Promise<string> {
  return exportCsv(
    (cursor) => listUsers(ctx, { ...q, limit: 1000, ...(cursor ? { cursor } : {}) }, viewer),
    [
      { header: 'UserPrincipalName', value: (u) => u.userPrincipalName },
      { header: 'DisplayName', value: (u) => u.displayName },
      // A masked number would not go round: without the personal-data right, none.
      { header: 'Mobile', value: (u) => (viewer.personalData ? u.mobilePhone : '') },
      { header: 'Language', value: (u) => u.preferredLanguage ?? '' },
      { header: 'MFA Status', value: (u) => u.mfaState },
      { header: 'Email', value: (u) => u.email },
      { header: 'Source', value: (u) => u.source },
      { header: 'Admin', value: (u) => (u.isAdmin ? 'True' : 'False') },
      { header: 'Blocked', value: (u) => (u.blockCredential ? 'True' : 'False') },
      {
        header: 'Default method',
        value: (u) => u.strongAuthenticationMethods.find((m) => m.isDefault)?.methodType ?? '',
      },
      { header: 'Last sign-in', value: (u) => u.lastSignInAt },
    ],
  );
}
