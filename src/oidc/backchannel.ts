// OpenID Connect Back-Channel Logout 1.0: when a Portcullis session ends
// (its sign-out, a block, a new password…), the provider sessions that came
// from it end with it and what their applications are to hear is queued
// (src/services/sessions-end.ts). Here each node takes queued logouts — each
// claimed by one — revokes their grants and has oidc-provider sign and post
// a logout token to each application that registered a back-channel logout
// URI (as it does for RP-initiated logout).
import type { AppContext } from '../context.ts';
import { isDatabaseUnavailable } from '../db/index.ts';
import type { EndedAuthorization } from '../services/sessions-end.ts';
import { revokeGrant } from './grants.ts';
import type { OidcHost } from './host.ts';

/** How often each node looks for sessions ended elsewhere (another node, the command line). */
export const LOGOUT_POLL_MS = 1000;

interface BackchannelClient {
  backchannelLogout(sub: string, sid: string): Promise<void>;
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

/**
 * Ends the provider sessions of the queued logouts and tells their
 * applications. Failures to reach an application are logged; the session
 * has ended regardless.
 */
export async function runLogouts(ctx: AppContext, host: OidcHost): Promise<number> {
  const { provider } = await host.current();
  let told = 0;
  for (const logout of await claimLogouts(ctx, 100)) {
    const accountId = logout.user_id;
    for (const session of JSON.parse(logout.sessions) as EndedAuthorization[][]) {
      for (const auth of session) {
        if (auth.grantId && !auth.persistsLogout) await revokeGrant(ctx.db, auth.grantId);
        const client = await provider.Client.find(auth.clientId);
        if (!client?.backchannelLogoutUri || !auth.sid) continue;
        const clientId = auth.clientId;
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
