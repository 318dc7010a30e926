import type { AppContext } from '../context.ts';
import { methods } from '../methods/index.ts';
import { radiusStore } from '../storage/radius.ts';
import { sweepTemporaryAccessPasses } from './temporary-access-pass.ts';

const HOUR = 3_600_000;

/**
 * Deletes state that can no longer matter: expired sessions, sign-in flows
 * ended or expired an hour ago, throttle counters past their quiet period, and
 * used TOTP steps older than a day (a step that old is outside the ±1 window
 * anyway, so forgetting it cannot let a code be used twice), expired OpenID
 * Connect records, remembered devices, RADIUS States and Temporary Access
 * Passes; and each method's own state that no
 * registration uses any more.
 */
export async function housekeeping(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.stores.sessions.deleteExpired(now);
  await ctx.db
    .deleteFrom('signin_flows')
    .where('expires_at', '<', now - HOUR)
    .execute();
  // Guessing limits: account keys unlocked and quiet for 30 days go (a lock stays).
  await ctx.stores.limits.sweep(now, 30 * 24 * HOUR);
  await ctx.db
    .deleteFrom('totp_used_steps')
    .where('used_at', '<', now - 24 * HOUR)
    .execute();
  // OpenID Connect records past their lifetime (the adapter no longer finds them).
  await ctx.db.deleteFrom('oidc_payloads').where('expires_at', '<', now).execute();
  await ctx.db.deleteFrom('oauth_device_polls').where('expires_at', '<', now).execute();
  await ctx.db.deleteFrom('saml_requests').where('expires_at', '<', now).execute();
  await ctx.db.deleteFrom('remembered_devices').where('expires_at', '<', now).execute();
  // RADIUS challenges and answered requests past their life.
  await radiusStore(ctx.db).sweep(now);
  // Temporary Access Passes past their lifetime, each audited as expired.
  await sweepTemporaryAccessPasses(ctx);
  for (const m of methods) await m.sweep?.(ctx.methodContext);
}
