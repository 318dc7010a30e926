import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { hmacSha256 } from '../crypto/hash.ts';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import type { AppPasswordsTable } from '../db/schema.ts';
import type { WriteNow } from '../db/sqlite-dialect.ts';
import { AppError } from '../errors.ts';
import { type Actor, audit } from './audit.ts';
import { getServiceSettings } from './settings.ts';
import { printable } from './validation.ts';

/** Microsoft's limit. */
export const MAX_APP_PASSWORDS = 40;

// 32 lowercase letters and digits without look-alikes (no l, o, 0, 1): 5 bits each.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 7; // 7 × 4 characters × 5 bits = 140 random bits

/** A new app password, in groups of four people can type: xxxx-xxxx-…-xxxx. */
export function generateAppPassword(ctx: AppContext): string {
  const chars = Array.from({ length: GROUPS * 4 }, () => ALPHABET[ctx.random.int(ALPHABET.length)]);
  return Array.from({ length: GROUPS }, (_, g) => chars.slice(g * 4, g * 4 + 4).join('')).join('-');
}

/** What people type: case, spaces and dashes do not matter. */
const normalise = (typed: string) => typed.toLowerCase().replace(/[\s-]/g, '');

/**
 * Keyed hash of an app password. The secret is random and long, so a slow hash
 * adds nothing; HMAC-SHA-256 keeps legacy sign-ins fast.
 */
const hashOf = (ctx: AppContext, typed: string) =>
  hmacSha256(ctx.keys.credentialHmac, normalise(typed));

export interface AppPasswordView {
  id: string;
  name: string;
  /** Application ids it is limited to; empty = any application. */
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedFrom: string | null;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export const toAppPasswordView = (r: AppPasswordsTable): AppPasswordView => ({
  id: r.id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as string[],
  createdAt: new Date(r.created_at).toISOString(),
  expiresAt: iso(r.expires_at),
  lastUsedAt: iso(r.last_used_at),
  lastUsedFrom: r.last_used_ip,
});

export const listAppPasswords = async (
  ctx: AppContext,
  userId: string,
): Promise<AppPasswordView[]> =>
  (
    await ctx.db
      .selectFrom('app_passwords')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map(toAppPasswordView);

/**
 * Creates an app password; the secret is returned once and never stored.
 * Refused when the organisation turned app passwords off or at 40.
 */
export async function createAppPassword(
  ctx: AppContext,
  userId: string,
  input: { name: string; scopes?: readonly string[]; expiresAt?: number | null },
  /** Who created it, for the audit log (the user themselves, from security info). */
  by?: { actor: Pick<Actor, 'name' | 'ip'>; upn: string },
): Promise<{ password: string; appPassword: AppPasswordView }> {
  if (!(await getServiceSettings(ctx)).appPasswordsAllowed) {
    throw new AppError('forbidden', {
      detail: 'Your organisation does not allow app passwords.',
      local: { key: 'apppw.disabled' },
    });
  }
  const name = printable(input.name).trim();
  if (!name || name.length > 100) {
    throw new AppError('invalid_request', {
      detail: 'Give the app password a name of 1 to 100 characters.',
      local: { key: 'apppw.nameRequired' },
    });
  }
  const scopes = [...new Set(input.scopes ?? [])];
  if (scopes.length) {
    const known = await ctx.db
      .selectFrom('applications')
      .select('id')
      .where('id', 'in', scopes)
      .execute();
    if (known.length !== scopes.length)
      throw new AppError('invalid_request', { detail: 'Choose applications from the list.' });
  }
  const now = ctx.clock.now();
  if (input.expiresAt != null && input.expiresAt <= now)
    throw new AppError('invalid_request', { detail: 'The expiry must be in the future.' });
  const password = generateAppPassword(ctx);
  const row: AppPasswordsTable = {
    id: crypto.randomUUID(),
    user_id: userId,
    name,
    secret_hash: hashOf(ctx, password),
    scopes: JSON.stringify(scopes),
    created_at: now,
    expires_at: input.expiresAt ?? null,
    last_used_at: null,
    last_used_ip: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const { n } = await trx
      .selectFrom('app_passwords')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_APP_PASSWORDS) {
      throw new AppError('conflict', {
        detail: `You have ${MAX_APP_PASSWORDS} app passwords, the most allowed. Delete one first.`,
        local: { key: 'apppw.tooMany', values: { max: MAX_APP_PASSWORDS } },
      });
    }
    await trx.insertInto('app_passwords').values(row).execute();
    if (by)
      await audit(ctx, trx, by.actor, {
        action: 'app_password_created',
        target: { id: userId, upn: by.upn },
        detail: { name, scopes, expiresAt: row.expires_at },
      });
  });
  // (Loaded when needed: the notices bring the mail texts and their formatter.)
  await (await import('./notices.ts')).notifyAppPassword(ctx, userId, name);
  return { password, appPassword: toAppPasswordView(row) };
}

/** Deletes one app password of a user (by the user or an admin); audited. */
export async function deleteAppPassword(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  user: { id: string; upn: string },
  id: string,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('app_passwords')
      .select('name')
      .where('user_id', '=', user.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom('app_passwords').where('id', '=', id).execute();
    await audit(ctx, trx, actor, {
      action: 'app_password_deleted',
      target: user,
      detail: { name: row.name },
    });
    return true;
  });
}

/**
 * Which of the user's app passwords (read with the user, at most 40) matches
 * what was typed, if any. Every candidate is compared in constant time.
 */
export function matchAppPassword<T extends Pick<AppPasswordsTable, 'secret_hash'>>(
  ctx: AppContext,
  candidates: readonly T[],
  typed: string,
): T | undefined {
  if (typed.length > 200) return undefined;
  const want = Buffer.from(hashOf(ctx, typed));
  let found: T | undefined;
  for (const r of candidates) {
    const have = Buffer.from(r.secret_hash);
    if (have.length === want.length && timingSafeEqual(have, want)) found = r;
  }
  return found;
}

/** "Last used" is kept to the minute: a busy client does not rewrite it on every check. */
export const LAST_USED_PRECISION_MS = 60_000;

/** Whether a use from `ip` at `now` is worth a new "last used" stamp (to the minute, or a new address). */
export const appPasswordUseDue = (
  row: Pick<AppPasswordsTable, 'last_used_at' | 'last_used_ip'>,
  ip: string | null,
  now: number,
) =>
  row.last_used_at === null ||
  row.last_used_ip !== ip ||
  now - row.last_used_at >= LAST_USED_PRECISION_MS;

/**
 * Stamps when and from where an app password was last used, on `db` (a
 * transaction, say), and on `row` itself: a row kept in a cache
 * (ctx.dataCache, which such stamps do not empty) stays current.
 */
export async function stampAppPasswordUse(
  db: Db,
  row: Pick<AppPasswordsTable, 'id' | 'last_used_at' | 'last_used_ip'>,
  ip: string | null,
  now: number,
): Promise<void> {
  await stampQuery(db, 0, [now, ip, row.id]);
  row.last_used_at = now;
  row.last_used_ip = ip;
}

/** `stampAppPasswordUse` at once inside a SQLite group commit (`runNow`). */
export function stampAppPasswordUseNow(
  w: WriteNow,
  row: Pick<AppPasswordsTable, 'id' | 'last_used_at' | 'last_used_ip'>,
  ip: string | null,
  now: number,
): void {
  stampQuery.now(w, 0, [now, ip, row.id]);
  row.last_used_at = now;
  row.last_used_ip = ip;
}

const stampQuery = prepared((db, slot) =>
  db
    .updateTable('app_passwords')
    .set({ last_used_at: slot(0), last_used_ip: slot(1) })
    .where('id', '=', slot(2)),
);

/** Stamps when and from where an app password was last used (through ctx.groupCommit). */
export async function markAppPasswordUsed(
  ctx: AppContext,
  row: Pick<AppPasswordsTable, 'id' | 'last_used_at' | 'last_used_ip'>,
  ip: string | null,
): Promise<void> {
  const now = ctx.clock.now();
  if (!appPasswordUseDue(row, ip, now)) return;
  await ctx.groupCommit.write((db) => stampAppPasswordUse(db, row, ip, now));
}
