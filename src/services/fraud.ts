import type { AppContext } from '../context.ts';
import { recordSignin } from '../flows/signin-log.ts';
import { audit } from './audit.ts';
import { getServiceSettings } from './settings.ts';

/**
 * Fraud alert (as Microsoft's): the user got a call or text they did not ask
 * for. It is recorded on the user and in the audit log; with "block user when
 * fraud is reported" on, sign-in is blocked and open sessions end until an
 * administrator unblocks the user.
 */
export async function reportFraud(
  ctx: AppContext,
  userId: string,
  via: 'call' | 'text' | 'app',
): Promise<void> {
  const user = await ctx.stores.users.findById(userId);
  if (!user) return;
  const now = ctx.clock.now();
  const { blockOnFraud, fraudAlertEnabled } = await getServiceSettings(ctx);
  if (!fraudAlertEnabled) {
    // The organisation turned fraud alerts off: the attempt fails, nothing is reported.
    await recordSignin(ctx, {
      upn: user.upn,
      userId,
      result: 'failure',
      reason: `the user answered "this wasn't me" (${via}); fraud alert is turned off`,
      method: null,
      client: { ip: null, userAgent: null },
    });
    return;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ fraud_reported_at: now, updated_at: now, ...(blockOnFraud ? { blocked: 1 } : {}) })
      .where('id', '=', userId)
      .execute();
    if (blockOnFraud) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(
      ctx,
      trx,
      { name: user.upn, ip: null },
      {
        action: 'fraud_reported',
        target: { id: user.id, upn: user.upn },
        detail: { via, blocked: blockOnFraud },
      },
    );
  });
  await recordSignin(ctx, {
    upn: user.upn,
    userId,
    result: 'failure',
    reason: `fraud reported by the user (${via})${blockOnFraud ? '; sign-in blocked' : ''}`,
    method: null,
    client: { ip: null, userAgent: null },
  });
}
