// A user changing their own password (security info → password): the current
// password proves it is them, the new one follows the same rules as every new
// password, and the change ends what the old password let in.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { throttle } from '../flows/throttle.ts';
import type { UserRow } from '../storage/users.ts';
import { audit } from './audit.ts';
import { getServiceSettings } from './settings.ts';
import { checkNewPassword } from './validation.ts';

/** Longer inputs are not hashed at all (argon2 on megabytes is a denial of service). */
const MAX_PASSWORD_INPUT = 1024;

export interface PasswordChanged {
  /** The user's other browser sessions that ended. */
  sessionsEnded: number;
  /** App passwords deleted (only when the organisation's setting says so). */
  appPasswordsDeleted: number;
}

/**
 * Changes `user`'s password after checking the current one. The checks that
 * do not depend on the current password come first, so no answer tells a
 * guesser whether a guess was right before the guess itself is judged; wrong
 * guesses count on the same throttle as sign-in ("password:<upn>"), so this
 * page is no faster oracle than the sign-in page.
 *
 * Then, all or nothing: the new hash (and no forced change pending), every
 * other session of the user ended (all but `keepSessionIdHash`), remembered
 * devices invalidated (stamp and records, as an admin's "restore MFA" does),
 * app passwords deleted when `passwordChangeRevokesAppPasswords` is on (by
 * default they survive, as in the original), and one audit entry.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  user: UserRow,
  current: string,
  next: string,
  confirm: string,
  keepSessionIdHash: string | null,
  ip: string | null = null,
): Promise<PasswordChanged> {
  if (next !== confirm)
    throw new AppError('invalid_request', {
      detail: 'The two passwords are not the same.',
      local: { key: 'password.mismatch' },
    });
  checkNewPassword(next);

  const limits = throttle(ctx);
  const key = `password:${user.upn.toLowerCase()}`;
  const { wait, counted } = await limits.check(key);
  if (wait > 0)
    throw new AppError('too_many_attempts', {
      retryAfter: wait,
      detail: `Too many wrong passwords. Try again in ${wait} seconds.`,
      local: { key: 'password.tooMany', values: { seconds: wait } },
    });
  const tooLong = current.length > MAX_PASSWORD_INPUT;
  const ok = tooLong
    ? await ctx.hasher.verifyDummy('')
    : await ctx.hasher.verify(user.password_hash, current);
  if (!ok || tooLong) {
    await limits.fail(key);
    ctx.log.info({ userId: user.id }, 'password change refused: wrong current password');
    throw new AppError('invalid_credentials', {
      detail: 'The current password is not right.',
      local: { key: 'password.currentWrong' },
    });
  }
  if (counted) await limits.clear(key);
  if (next === current)
    throw new AppError('invalid_request', {
      detail: 'Choose a password other than your current one.',
      local: { key: 'password.reuse' },
    });

  const hash = await ctx.hasher.hash(next);
  const { passwordChangeRevokesAppPasswords } = await getServiceSettings(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 0,
        remembered_devices_not_before: now,
        updated_at: now,
      })
      .where('id', '=', user.id)
      .execute();
    let sessions = trx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (keepSessionIdHash !== null) sessions = sessions.where('id_hash', '!=', keepSessionIdHash);
    const ended = await sessions.executeTakeFirst();
    await trx.deleteFrom('remembered_devices').where('user_id', '=', user.id).execute();
    const deleted = passwordChangeRevokesAppPasswords
      ? await trx.deleteFrom('app_passwords').where('user_id', '=', user.id).executeTakeFirst()
      : undefined;
    const result: PasswordChanged = {
      sessionsEnded: Number(ended.numDeletedRows),
      appPasswordsDeleted: Number(deleted?.numDeletedRows ?? 0),
    };
    await audit(
      ctx,
      trx,
      { name: user.upn, ip },
      {
        action: 'password_changed',
        target: { id: user.id, upn: user.upn },
        detail: { by: 'user', ...result },
      },
    );
    return result;
  });
}
