// What a user may do to their own sign-in methods (security info), with the
// rules the admin actions do not need: the last method stays while the
// account requires MFA, and the user hears of every change.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { isMessageKey, type Translate } from '../i18n/index.ts';
import { findMethodInfo } from '../methods/catalogue.ts';
import type { UserRow } from '../storage/users.ts';
import type { Actor } from './audit.ts';
import { notifyMethodChange } from './notices.ts';
import { deleteMethodOf } from './user-settings.ts';

/**
 * Deletes one of the user's own methods. Refused for the last one while the
 * user's state requires MFA: they would be locked out of their next sign-in
 * (or sent back to proof-up by anyone who has their password); and, whatever
 * the state, for the last one that works on its own while methods that only
 * back it up (recovery codes) remain. `t` names those in the page language.
 */
export async function deleteOwnMethod(
  ctx: AppContext,
  actor: Actor,
  user: UserRow,
  id: string,
  t: Translate,
): Promise<void> {
  const removed = await deleteMethodOf(ctx, actor, user, id, {
    notFound: () => new AppError('not_found', { detail: 'You have no such method.' }),
    onlyBackupsLeft: (backups) => {
      const methods = backups.map((type) => methodLabel(t, type)).join(', ');
      return new AppError('conflict', {
        detail: `You cannot delete the last method that works on its own: ${methods} only back up another method. Add another method first, or delete ${methods}.`,
        local: { key: 'security.onlyBackupsLeft', values: { methods } },
      });
    },
    ...(user.mfa_state === 'Disabled'
      ? {}
      : {
          nothingLeft: () =>
            new AppError('conflict', {
              detail:
                'This is your only verification method and your account requires multi-factor authentication: add another method before you delete this one.',
              local: { key: 'security.lastMethod' },
            }),
        }),
  });
  // Tell them on a channel that still exists after the deletion, or on this one.
  await notifyMethodChange(ctx, user, 'removed', removed);
}

/** A method type's name in the page language (its catalog label, or the registry's). */
function methodLabel(t: Translate, type: string): string {
  const key = `method.${type}.label`;
  return isMessageKey(key) ? t(key) : (findMethodInfo(type)?.label ?? type);
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
