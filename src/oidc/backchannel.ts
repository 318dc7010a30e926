// OpenID Connect Back-Channel Logout 1.0: when a Portcullis session ends
// (its sign-out, a block, a new password…; src/services/sessions-end.ts
// queues it), the provider sessions that came from it end too, and each
// application signed in there that registered a back-channel logout URI is
// sent a logout token. oidc-provider signs and posts the token (as it does
// for RP-initiated logout); this finds the sessions and claims each once, so
// of several nodes one tells the application.
import type { AppContext } from '../context.ts';
import { isDatabaseUnavailable } from '../db/index.ts';
import type { OidcHost } from './host.ts';

/** How often each node looks for sessions ended elsewhere (another node, the command line). */
export const LOGOUT_POLL_MS = 1000;

interface BackchannelClient {
  backchannelLogout(sub: string, sid: string): Promise<void>;
}

interface SessionPayload {
  accountId?: string;
  authorizations?: Record<string, { sid?: string; grantId?: string; persistsLogout?: boolean }>;
}

/** Takes queued logouts, at most `limit`: each is claimed by the one node whose delete took it. */
async function claimLogouts(ctx: AppContext, limit: number) {
  const queued = await ctx.db
    .selectFrom('oidc_logouts')
    .selectAll()
    .orderBy('created_at')
    .limit(limit)
    .execute();
  const claimed: typeof queued = [];
  for (const q of queued) {
    const gone = await ctx.db.deleteFrom('oidc_logouts').where('id', '=', q.id).executeTakeFirst();
    if (gone.numDeletedRows > 0n) claimed.push(q);
  }
  return claimed;
}

/** The provider sessions a logout names, each deleted (claimed) here: their payloads. */
async function claimSessions(
  ctx: AppContext,
  which: { user_id: string; session_id: string | null; login_ts: number | null },
): Promise<SessionPayload[]> {
  let q = ctx.db
    .selectFrom('oidc_payloads')
    .select(['id', 'payload'])
    .where('model', '=', 'Session')
    .where('account_id', '=', which.user_id);
  if (which.session_id !== null) q = q.where('id', '=', which.session_id);
  else if (which.login_ts !== null) q = q.where('login_ts', '=', which.login_ts);
  const sessions: SessionPayload[] = [];
  for (const row of await q.execute()) {
    const gone = await ctx.db
      .deleteFrom('oidc_payloads')
      .where('model', '=', 'Session')
      .where('id', '=', row.id)
      .executeTakeFirst();
    if (gone.numDeletedRows > 0n) sessions.push(JSON.parse(row.payload) as SessionPayload);
  }
  return sessions;
}

/** Deletes a grant and everything issued under it (as oidc-provider's sign-out does). */
async function revokeGrant(ctx: AppContext, grantId: string) {
  await ctx.db
    .deleteFrom('oidc_payloads')
    .where('model', '=', 'Grant')
    .where('id', '=', grantId)
    .execute();
  await ctx.db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute();
}

/**
 * Ends the provider sessions of the queued logouts and tells their
 * applications. Failures to reach an application are logged; the session
 * has ended regardless.
 */
export async function runLogouts(ctx: AppContext, host: OidcHost): Promise<number> {
  const { provider } = await host.current();
  let told = 0;
  for (const logout of await claimLogouts(ctx, 100)) {
    for (const session of await claimSessions(ctx, logout)) {
      const accountId = session.accountId ?? logout.user_id;
      for (const [clientId, auth] of Object.entries(session.authorizations ?? {})) {
        if (auth.grantId && !auth.persistsLogout) await revokeGrant(ctx, auth.grantId);
        const client = await provider.Client.find(clientId);
        if (!client?.backchannelLogoutUri || !auth.sid) continue;
        try {
          // (Typed `unknown` in @types/oidc-provider: signs a logout token and posts it.)
          await (client as unknown as BackchannelClient).backchannelLogout(accountId, auth.sid);
          told++;
          ctx.log.info({ clientId, userId: accountId }, 'back-channel logout sent');
        } catch (e) {
          ctx.log.warn(
            { clientId, userId: accountId, err: (e as Error).message },
            'back-channel logout: the application could not be told',
          );
        }
      }
    }
  }
  return told;
}

/** Runs the queued logouts every `LOGOUT_POLL_MS`, one run at a time; stop() ends it. */
export function logoutRunner(ctx: AppContext, host: OidcHost) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runLogouts(ctx, host)
      .catch((e: unknown) =>
        // A database that is away is said where requests meet it; this tries again in a second.
        isDatabaseUnavailable(e)
          ? ctx.log.debug(
              { err: (e as Error).message },
              'back-channel logouts: database unavailable',
            )
          : ctx.log.warn({ err: (e as Error).message }, 'back-channel logouts failed; will retry'),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, LOGOUT_POLL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
