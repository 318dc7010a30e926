// What a user may do to their own sign-in methods (security info), with the
// rules the admin actions do not need: the last method stays while the
// account requires MFA, and the user hears of every change.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { UserRow } from '../storage/users.ts';
import type { Actor } from './audit.ts';
import { notifyMethodChange } from './method-notices.ts';
import { deleteMethod } from './user-settings.ts';

/**
 * Deletes one of the user's own methods. Refused for the last one while the
 * user's state requires MFA: they would be locked out of their next sign-in
 * (or sent back to proof-up by anyone who has their password).
 */
export async function deleteOwnMethod(
  ctx: AppContext,
  actor: Actor,
  user: UserRow,
  id: string,
): Promise<void> {
  const mine = await ctx.stores.methods.listForUser(user.id);
  const method = mine.find((m) => m.id === id);
  if (!method) throw new AppError('not_found', { detail: 'You have no such method.' });
  if (mine.length === 1 && user.mfa_state !== 'Disabled')
    throw new AppError('conflict', {
      detail:
        'This is your only verification method and your account requires multi-factor authentication: add another method before you delete this one.',
      local: { key: 'security.lastMethod' },
    });
  // Tell them on a channel that still exists after the deletion, or on this one.
  const before = method.method_type;
  await deleteMethod(ctx, actor, user.upn, method.id);
  await notifyMethodChange(ctx, user, 'removed', before);
}

export interface SigninEntry {
  at: number;
  result: 'success' | 'failure' | 'interrupted';
  application: string | null;
  front: string | null;
  ip: string | null;
}

/** The user's latest sign-ins (any front), newest first, with application names. */
export async function recentSignins(
  ctx: AppContext,
  userId: string,
  limit: number,
): Promise<SigninEntry[]> {
  const rows = await ctx.db
    .selectFrom('signin_log')
    .leftJoin('applications', 'applications.id', 'signin_log.application')
    .select([
      'signin_log.at',
      'signin_log.result',
      'signin_log.front',
      'signin_log.client_ip as ip',
      'applications.name as application',
    ])
    .where('signin_log.user_id', '=', userId)
    .orderBy('signin_log.at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, at: Number(r.at) }));
}
