// A user changing their own password (security info → password): the current
// password proves it is them, the new one follows the same rules as every new
// password, and the change ends what the old password let in.

import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { limiter, limitKeys } from '../flows/limits.ts';
import { refused } from '../flows/proofs.ts';
import type { UserRow } from '../storage/users.ts';
import { audit } from './audit.ts';
import { notifyPasswordChange } from './notices.ts';
import { remediateRisk } from './risk.ts';
import { endSessionsOf } from './sessions-end.ts';
import { getServiceSettings } from './settings.ts';
import { checkNewPassword } from './validation.ts';

/** Longer inputs are not hashed at all (argon2 on megabytes is a denial of service). */
const MAX_PASSWORD_INPUT = 1024;

export interface PasswordChanged {
  /** The user's other browser sessions that ended. */
  sessionsEnded: number;
  /** App passwords deleted (only when the organisation's setting says so). */
  appPasswordsDeleted: number;
  /** The user was at high risk: a password change after MFA remediates it. */
  riskRemediated: boolean;
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
 * default they survive, as in the original), a high risk remediated (the
 * session that changes it passed MFA), and one audit entry.
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
  // A directory user's password is the directory's: changed there, never here.
  if (user.source === 'directory') throw new AppError('managed_by_directory');
  if (next !== confirm)
    throw new AppError('invalid_request', {
      detail: 'The two passwords are not the same.',
      local: { key: 'password.mismatch' },
    });
  checkNewPassword(next);

  // Reserve, then judge: the current password is guessed like a sign-in's.
  const r = await limiter(ctx).reserve([limitKeys.password(user.upn), limitKeys.address(ip)]);
  if (!r.ok)
    throw r.locked
      ? refused(r, 'passwords')
      : new AppError('too_many_attempts', {
          retryAfter: r.wait,
          detail: `Too many wrong passwords. Try again in ${r.wait} seconds.`,
          local: { key: 'password.tooMany', values: { seconds: r.wait } },
        });
  const tooLong = current.length > MAX_PASSWORD_INPUT;
  let ok: boolean;
  try {
    ok = tooLong
      ? await ctx.hasher.verifyDummy('')
      : await ctx.hasher.verify(user.password_hash, current);
  } catch (e) {
    await r.void();
    throw e;
  }
  if (!ok || tooLong) {
    await r.wrong();
    ctx.log.info({ userId: user.id }, 'password change refused: wrong current password');
    throw new AppError('invalid_credentials', {
      detail: 'The current password is not right.',
      local: { key: 'password.currentWrong' },
    });
  }
  await r.right();
  if (next === current)
    throw new AppError('invalid_request', {
      detail: 'Choose a password other than your current one.',
      local: { key: 'password.reuse' },
    });

  const hash = await ctx.hasher.hash(next);
  const { passwordChangeRevokesAppPasswords } = await getServiceSettings(ctx);
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
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
    const ended = await endSessionsOf(trx, ctx, user.id, keepSessionIdHash);
    await trx.deleteFrom('remembered_devices').where('user_id', '=', user.id).execute();
    const deleted = passwordChangeRevokesAppPasswords
      ? await trx.deleteFrom('app_passwords').where('user_id', '=', user.id).executeTakeFirst()
      : undefined;
    const result: PasswordChanged = {
      sessionsEnded: ended,
      appPasswordsDeleted: Number(deleted?.numDeletedRows ?? 0),
      riskRemediated: await remediateRisk(trx, user.id, now),
    };
    await audit(
      ctx,
      trx,
      { name: user.upn, ip },
      {
        action: 'password_changed',
        target: { id: user.id, upn: user.upn },
        // A remediated risk is named; otherwise the entry reads as before.
        detail: {
          by: 'user',
          sessionsEnded: result.sessionsEnded,
          appPasswordsDeleted: result.appPasswordsDeleted,
          ...(result.riskRemediated ? { riskRemediated: true } : {}),
        },
      },
    );
    return result;
  });
  await notifyPasswordChange(ctx, user.id);
  return result;
}
