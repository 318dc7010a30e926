// Where Portcullis sessions end (a block, a new password, risk, the
// directory, the user's own sign-out): the provider sessions that came from
// them end in the same transaction — deleted, so no application gets a new
// code from them, and no sign-in started afterwards is caught in between —
// and what their applications are to be told (OpenID Connect Back-Channel
// Logout) is queued for src/oidc/backchannel.ts to send.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';

type Ctx = Pick<AppContext, 'clock' | 'random'>;

/** One application of an ended provider session (oidc-provider's session `authorizations`). */
export interface EndedAuthorization {
  clientId: string;
  sid?: string;
  grantId?: string;
  persistsLogout?: boolean;
}

/** Which of a user's provider sessions: the one a browser holds (its id), those of some sign-ins (login times, seconds), or all. */
export type WhichSessions = { sessionId: string } | { loginTs: number[] } | 'all';

/**
 * Ends a user's provider sessions (deletes them) and queues the logout of
 * their applications. Returns how many ended.
 */
export async function endProviderSessions(
  db: Db,
  ctx: Ctx,
  userId: string,
  which: WhichSessions,
): Promise<number> {
  if (typeof which === 'object' && 'loginTs' in which && which.loginTs.length === 0) return 0;
  let q = db
    .deleteFrom('oidc_payloads')
    .where('model', '=', 'Session')
    .where('account_id', '=', userId);
  if (which !== 'all')
    q =
      'sessionId' in which
        ? q.where('id', '=', which.sessionId)
        : q.where('login_ts', 'in', which.loginTs);
  const ended = await q.returning('payload').execute();
  const sessions = ended.map((row) => {
    const payload = JSON.parse(row.payload) as {
      authorizations?: Record<string, Omit<EndedAuthorization, 'clientId'>>;
    };
    return Object.entries(payload.authorizations ?? {}).map(
      ([clientId, a]): EndedAuthorization => ({
        clientId,
        ...(a.sid ? { sid: a.sid } : {}),
        ...(a.grantId ? { grantId: a.grantId } : {}),
        ...(a.persistsLogout ? { persistsLogout: true } : {}),
      }),
    );
  });
  if (sessions.some((s) => s.length > 0))
    await db
      .insertInto('oidc_logouts')
      .values({
        id: ctx.random.bytes(9).toString('base64url'),
        user_id: userId,
        sessions: JSON.stringify(sessions),
        created_at: ctx.clock.now(),
      })
      .execute();
  return ended.length;
}

/**
 * Ends a user's sessions (all, or all but `keep`, by id hash) and the
 * provider sessions that came from them. Returns how many Portcullis sessions ended.
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
  await endProviderSessions(
    trx,
    ctx,
    userId,
    keep === null
      ? 'all'
      : {
          loginTs: [
            ...new Set(
              ended.flatMap((s) => (s.auth_time === null ? [] : [Math.floor(s.auth_time / 1000)])),
            ),
          ],
        },
  );
  return ended.length;
}
