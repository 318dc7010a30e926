// What administrators do to users: edit, delete, block, set the MFA state
// (one user, several, or a bulk file), reset the password. Portal, API and CLI
// all come here (STYLE.md, principle 8); every change is audited with its actor.

import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { MfaState } from '../db/schema.ts';
import { openMobile } from '../directory/mobile.ts';
import { AppError } from '../errors.ts';
import { groupsStore } from '../storage/groups.ts';
import { limitsStore } from '../storage/limits.ts';
import type { UserRow } from '../storage/users.ts';
import { type Actor, audit } from './audit.ts';
import { endSessionsOf } from './sessions-end.ts';
import { type ProfileFields, profileColumns } from './user-fields.ts';
import { getUser, requireUser, type UserView } from './users.ts';
import { checkNewPassword, parseDisplayName, parseLanguage, parseUpn } from './validation.ts';

const target = (u: UserRow) => ({ id: u.id, upn: u.upn });

/**
 * At least one administrator must remain who can sign in. Checked inside the
 * writing transaction; on PostgreSQL the administrators' rows are locked so two
 * admins demoting each other at the same moment cannot both succeed (SQLite
 * runs one writing transaction at a time anyway).
 */
export async function keepAnAdmin(
  ctx: AppContext,
  trx: Db,
  leaving: UserRow,
  what: string,
): Promise<void> {
  if (leaving.is_admin !== 1 || leaving.blocked === 1) return;
  let q = trx.selectFrom('users').select(['id', 'blocked']).where('is_admin', '=', 1);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  const others = (await q.execute()).filter((u) => u.id !== leaving.id && u.blocked === 0);
  if (others.length === 0)
    throw new AppError('conflict', {
      detail: `${leaving.upn} is the only administrator who can sign in: ${what} would lock everyone out. Make another user an administrator first.`,
    });
}

export interface UserPatch {
  /** A new user name (a rename): sessions, methods and logs follow the user. */
  userPrincipalName?: string;
  displayName?: string;
  preferredLanguage?: string;
  isAdmin?: boolean;
  blockCredential?: boolean;
  mfaState?: MfaState;
}

/** What the directory sync owns for a directory user. */
const DIRECTORY_OWNED = ['upn', 'directory_mail', 'directory_mobile_sealed'] as const;

/** Audit names for columns, and the ones whose values are not written there. */
const FIELD_NAMES: Record<string, string> = {
  admin_direct: 'is_admin', // audited as it always was
  directory_mail: 'email',
  directory_mobile_sealed: 'mobile',
  external_id: 'externalId',
};
const UNLOGGED = new Set(['directory_mobile_sealed', 'profile']);

/** Changes a user's details, role, block and MFA state at once: all or nothing, audited. */
export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  upn: string,
  patch: UserPatch & ProfileFields,
): Promise<UserView> {
  const user = await requireUser(ctx, upn);
  const set: Partial<UserRow> = profileColumns(ctx.box, user.id, patch);
  // A sealed number differs at every sealing: compare the numbers.
  if (
    set.directory_mobile_sealed !== undefined &&
    (set.directory_mobile_sealed === null
      ? user.directory_mobile_sealed === null
      : openMobile(ctx.box, {
          id: user.id,
          directory_mobile_sealed: set.directory_mobile_sealed,
        }) === openMobile(ctx.box, user))
  )
    delete set.directory_mobile_sealed;
  if (patch.userPrincipalName !== undefined) {
    const upn = parseUpn(patch.userPrincipalName);
    if (upn !== user.upn) {
      set.upn = upn;
      set.upn_normalized = upn.toLowerCase();
      if (set.upn_normalized !== user.upn_normalized && (await ctx.stores.users.findByUpn(upn)))
        throw new AppError('upn_taken');
    }
  }
  if (patch.displayName !== undefined) set.display_name = parseDisplayName(patch.displayName);
  if (patch.preferredLanguage !== undefined)
    set.preferred_language = parseLanguage(patch.preferredLanguage);
  // The role given to the user themselves; a group with the role may still give it (is_admin).
  if (patch.isAdmin !== undefined) set.admin_direct = patch.isAdmin ? 1 : 0;
  if (patch.blockCredential !== undefined) {
    set.blocked = patch.blockCredential ? 1 : 0;
    // Only the directory lifts its own block (the account is disabled or gone there).
    if (set.blocked === 0 && user.blocked === 1 && user.blocked_by === 'directory')
      throw new AppError('managed_by_directory', {
        detail: `${user.upn} is blocked because the directory disabled or no longer has the account: enable it in the directory, then sync.`,
      });
    set.blocked_by = set.blocked === 1 ? (user.blocked === 1 ? user.blocked_by : 'admin') : null;
  }
  if (patch.mfaState !== undefined) set.mfa_state = patch.mfaState;
  // (Who blocked is bookkeeping beside `blocked`, audited with it; upn_normalized beside upn.)
  const changed = Object.entries(set).filter(
    ([k, v]) =>
      k !== 'blocked_by' &&
      k !== 'upn_normalized' &&
      (user as unknown as Record<string, unknown>)[k] !== v,
  );
  const owned = changed.find(([k]) => (DIRECTORY_OWNED as readonly string[]).includes(k));
  if (user.source === 'directory' && owned)
    throw new AppError('managed_by_directory', {
      detail: `The ${FIELD_NAMES[owned[0]] ?? 'user name'} of ${user.upn} comes from the directory: change it there, then sync.`,
    });
  if (changed.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      if (set.admin_direct === 0 && !(await adminByGroup(trx, user.id)))
        await keepAnAdmin(ctx, trx, user, 'removing the administrator role');
      if (set.blocked === 1) await keepAnAdmin(ctx, trx, user, 'blocking sign-in');
      await trx
        .updateTable('users')
        .set({ ...set, updated_at: ctx.clock.now() })
        .where('id', '=', user.id)
        .execute();
      if (set.admin_direct !== undefined) await groupsStore(trx).refreshAdminRole([user.id]);
      // Guessing limits follow a renamed user (an unlock by the new name reaches them).
      if (set.upn_normalized && set.upn_normalized !== user.upn_normalized)
        await limitsStore(trx).renameSubject(user.upn_normalized, set.upn_normalized);
      // Blocking ends every open session at once.
      if (set.blocked === 1) await endSessionsOf(trx, ctx, user.id);
      await audit(
        ctx,
        trx,
        actor,
        changed.map(([column, to]) => ({
          action:
            column === 'blocked'
              ? to === 1
                ? 'user_blocked'
                : 'user_unblocked'
              : column === 'mfa_state'
                ? 'mfa_state_set'
                : 'user_updated',
          target: target(user),
          detail: {
            field: FIELD_NAMES[column] ?? column,
            ...(UNLOGGED.has(column)
              ? {}
              : { from: (user as unknown as Record<string, unknown>)[column], to }),
          },
        })),
      );
    });
  }
  return getUser(ctx, set.upn ?? user.upn, actor);
}

/** Deletes a user and everything theirs (methods, app passwords, sessions); audited. */
export async function deleteUser(ctx: AppContext, actor: Actor, upn: string): Promise<void> {
  const user = await requireUser(ctx, upn);
  if (user.upn_normalized === actor.name.toLowerCase())
    throw new AppError('conflict', { detail: 'You cannot delete your own account.' });
  await ctx.db.transaction().execute(async (trx) => {
    await keepAnAdmin(ctx, trx, user, 'deleting this user');
    await endSessionsOf(trx, ctx, user.id);
    await trx.deleteFrom('users').where('id', '=', user.id).execute();
    await audit(ctx, trx, actor, { action: 'user_deleted', target: target(user) });
  });
}

export const setBlocked = (
  ctx: AppContext,
  actor: Actor,
  upn: string,
  blocked: boolean,
): Promise<UserView> => updateUser(ctx, actor, upn, { blockCredential: blocked });

/**
 * Sets the MFA state of several users: all or nothing — if any UPN is
 * unknown, nothing changes and the error names the unknown ones.
 */
export async function setMfaState(
  ctx: AppContext,
  actor: Actor,
  upns: readonly string[],
  state: MfaState,
): Promise<UserView[]> {
  if (upns.length === 0)
    throw new AppError('invalid_request', { detail: 'Name at least one user.' });
  const users = await Promise.all(upns.map((u) => ctx.stores.users.findByUpn(u.trim())));
  const missing = upns.filter((_, i) => !users[i]);
  if (missing.length > 0) {
    throw new AppError('user_not_found', {
      detail: `No user has the user name ${missing.map((m) => `"${m.trim().slice(0, 120)}"`).join(', ')}.`,
    });
  }
  const found = [...new Map((users as UserRow[]).map((u) => [u.id, u])).values()];
  await applyStates(
    ctx,
    actor,
    found.map((u) => ({ user: u, state })),
  );
  return Promise.all(found.map((u) => getUser(ctx, u.upn, actor)));
}

/** Writes new states in one transaction, a few statements however many users; audited. */
export async function applyStates(
  ctx: AppContext,
  actor: Actor,
  changes: { user: UserRow; state: MfaState }[],
  via?: string,
  progress?: (done: number, total: number) => void,
): Promise<number> {
  const real = changes.filter((c) => c.user.mfa_state !== c.state);
  if (real.length === 0) return 0;
  const now = ctx.clock.now();
  let done = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const state of ['Disabled', 'Enabled', 'Enforced'] as const) {
      const ids = real.filter((c) => c.state === state).map((c) => c.user.id);
      for (let i = 0; i < ids.length; i += 500) {
        progress?.(done, real.length);
        done += Math.min(500, ids.length - i);
        await trx
          .updateTable('users')
          .set({ mfa_state: state, updated_at: now })
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
    }
    await audit(
      ctx,
      trx,
      actor,
      real.map((c) => ({
        action: 'mfa_state_set',
        target: target(c.user),
        detail: {
          field: 'mfa_state',
          from: c.user.mfa_state,
          to: c.state,
          ...(via ? { via } : {}),
        },
      })),
    );
  });
  progress?.(real.length, real.length);
  return real.length;
}

/**
 * Sets a password a provisioning system chose (SCIM's `password`): checked
 * like every new password, open sessions end. Audited (without the password).
 */
export async function setPassword(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  user: UserRow,
  password: string,
): Promise<void> {
  if (user.source === 'directory')
    throw new AppError('managed_by_directory', {
      detail: `The password of ${user.upn} is kept by your organisation's directory: change it there.`,
    });
  const hash = await ctx.hasher.hash(checkNewPassword(password));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, updated_at: ctx.clock.now() })
      .where('id', '=', user.id)
      .execute();
    await endSessionsOf(trx, ctx, user.id);
    await audit(ctx, trx, actor, { action: 'password_set', target: target(user) });
  });
  // (Loaded when needed: the notices bring the mail texts and their formatter.)
  await (await import('./notices.ts')).notifyPasswordChange(ctx, user.id);
}

/**
 * Resets a user's password: the admin never picks it. A one-time password is
 * generated, shown once to the admin, and must be changed at next sign-in;
 * open sessions end. Audited (without the password).
 */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  upn: string,
): Promise<{ user: UserView; oneTimePassword: string }> {
  const user = await requireUser(ctx, upn);
  if (user.source === 'directory')
    throw new AppError('managed_by_directory', {
      detail: `The password of ${user.upn} is kept by your organisation's directory: reset it there.`,
    });
  const oneTimePassword = oneTimePasswordFrom(ctx.random.bytes(15));
  const hash = await ctx.hasher.hash(oneTimePassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 1, updated_at: ctx.clock.now() })
      .where('id', '=', user.id)
      .execute();
    await endSessionsOf(trx, ctx, user.id);
    // A new password is stronger than waiting: the user's failed attempts start over.
    await limitsStore(trx).clearSubject(user.upn.toLowerCase());
    await audit(ctx, trx, actor, { action: 'password_reset', target: target(user) });
  });
  return { user: await getUser(ctx, user.upn, actor), oneTimePassword };
}

// 120 random bits in three groups of seven from a typeable alphabet (no 0/O, 1/l/I).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function oneTimePasswordFrom(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  for (let i = 0; i < 21; i++) {
    out += ALPHABET[Number(n % BigInt(ALPHABET.length))];
    n /= BigInt(ALPHABET.length);
  }
  return out.match(/.{1,7}/g)!.join('-');
}

/** Whether a group with the administrator role has the user as a member. */
export async function adminByGroup(trx: Db, userId: string): Promise<boolean> {
  const groups = (await groupsStore(trx).groupsOf([userId])).get(userId) ?? [];
  return groups.some((g) => g.adminRole);
}
