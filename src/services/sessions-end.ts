// Where Portcullis sessions end for reasons other than their own sign-out
// (blocking, a new password, risk, the directory): the rows go, and the
// applications signed in from them are to hear of it (OpenID Connect
// Back-Channel Logout, src/oidc/backchannel.ts) — queued in the same
// transaction, so an ended session is never forgotten.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';

type Ctx = Pick<AppContext, 'clock' | 'random'>;

/**
 * Queues the back-channel logout of a user's provider sessions: the one a
 * browser holds (`sessionId`, oidc-provider's session cookie), those of one
 * sign-in (`loginTs`, seconds), or all of them.
 */
export async function queueLogout(
  db: Db,
  ctx: Ctx,
  userId: string,
  which: { sessionId?: string; loginTs?: number } = {},
): Promise<void> {
  await db
    .insertInto('oidc_logouts')
    .values({
      id: ctx.random.bytes(9).toString('base64url'),
      user_id: userId,
      session_id: which.sessionId ?? null,
      login_ts: which.loginTs ?? null,
      created_at: ctx.clock.now(),
    })
    .execute();
}

/**
 * Ends a user's sessions (all, or all but `keep`, by id hash) and queues the
 * logout of the applications signed in from them. Returns how many ended.
 */
export async function endSessionsOf(
  trx: Db,
  ctx: Ctx,
  userId: string,
  keep: string | null = null,
): Promise<number> {
  let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep !== null) q = q.where('id_hash', '!=', keep);
  const ended = await q.returning('auth_time').execute();
  if (keep === null) {
    await queueLogout(trx, ctx, userId);
  } else {
    const logins = new Set(
      ended.flatMap((s) => (s.auth_time === null ? [] : [Math.floor(s.auth_time / 1000)])),
    );
    for (const loginTs of logins) await queueLogout(trx, ctx, userId, { loginTs });
  }
  return ended.length;
}
