// User risk (issue 21), as Microsoft's "report suspicious activity" keeps it:
// a user who answers "this wasn't me" (0# on a call, the link in a text, the
// Authenticator's report) is at high risk; the organisation's high-risk
// action says what that does; a secure password change remediates it, and an
// administrator can dismiss it.

import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { RiskDetail } from '../db/schema.ts';
import { recordSignin } from '../flows/signin-log.ts';
import type { UserRow } from '../storage/users.ts';
import { type Actor, audit } from './audit.ts';
import { endSessionsOf } from './sessions-end.ts';
import { getServiceSettings, type HighRiskAction } from './settings.ts';
import { requireUser } from './users.ts';

/** How the high-risk action applies to this user: a directory user's password is the directory's. */
const actionFor = (user: UserRow, action: HighRiskAction): HighRiskAction =>
  action === 'changePassword' && user.source === 'directory' ? 'block' : action;

/** What a report says happened, for the sign-in log. */
const CONSEQUENCE: Record<HighRiskAction, string> = {
  block: '; sign-in blocked',
  changePassword: '; a password change is required',
  reregister: '; methods removed, to be registered again',
  none: '',
};

/**
 * The user reported a call, text or notification they did not ask for. With
 * reports turned off the attempt only fails. Otherwise, all at once: risk
 * high, the high-risk action (block sign-in; or require a password change
 * after MFA, which a directory user cannot make here, so they are blocked; or
 * remove their methods, to be registered again), open sessions ended unless
 * the action is none, and an audit entry.
 */
export async function reportSuspiciousActivity(
  ctx: AppContext,
  userId: string,
  via: 'call' | 'text' | 'app',
): Promise<void> {
  const user = await ctx.stores.users.findById(userId);
  if (!user) return;
  const now = ctx.clock.now();
  const settings = await getServiceSettings(ctx);
  if (!settings.fraudAlertEnabled) {
    // The organisation turned reports off: the attempt fails, nothing is reported.
    await recordSignin(ctx, {
      upn: user.upn,
      userId,
      result: 'failure',
      reason: `the user answered "this wasn't me" (${via}); reporting suspicious activity is turned off`,
      method: null,
      client: { ip: null, userAgent: null },
    });
    return;
  }
  const action = actionFor(user, settings.highRiskAction);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        fraud_reported_at: now,
        risk_level: 'high',
        risk_state: 'atRisk',
        risk_detail: 'userReportedSuspiciousActivity',
        risk_at: now,
        updated_at: now,
        ...(action === 'block' && user.blocked === 0
          ? { blocked: 1, blocked_by: 'risk' as const }
          : {}),
        ...(action === 'changePassword' ? { must_change_password: 1 } : {}),
      })
      .where('id', '=', userId)
      .execute();
    if (action === 'reregister')
      await trx.deleteFrom('auth_methods').where('user_id', '=', userId).execute();
    if (action !== 'none') await endSessionsOf(trx, ctx, userId);
    await audit(
      ctx,
      trx,
      { name: user.upn, ip: null },
      {
        action: 'fraud_reported',
        target: { id: user.id, upn: user.upn },
        detail: { via, riskLevel: 'high', action },
      },
    );
  });
  await recordSignin(ctx, {
    upn: user.upn,
    userId,
    result: 'failure',
    reason: `suspicious activity reported by the user (${via})${CONSEQUENCE[action]}`,
    method: null,
    client: { ip: null, userAgent: null },
  });
}

/** Lowers a high risk, in the caller's transaction; whether it was high. */
async function lowerRisk(
  trx: Db,
  userId: string,
  detail: RiskDetail,
  state: 'remediated' | 'dismissed',
  now: number,
): Promise<boolean> {
  const r = await trx
    .updateTable('users')
    .set({ risk_level: 'none', risk_state: state, risk_detail: detail, risk_at: now })
    .where('id', '=', userId)
    .where('risk_level', '=', 'high')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * The user changed their password after MFA (at sign-in or in security
 * info): a secure password change remediates their risk, in the changing
 * transaction.
 */
export const remediateRisk = (trx: Db, userId: string, now: number) =>
  lowerRisk(trx, userId, 'userPerformedSecuredPasswordChange', 'remediated', now);

/**
 * An administrator dismisses a user's risk: it is none again, and a block the
 * high-risk action set is lifted (a block by an administrator or the
 * directory stays). Audited; dismissing no risk changes nothing.
 */
export async function dismissRisk(ctx: AppContext, actor: Actor, upn: string): Promise<boolean> {
  const user = await requireUser(ctx, upn);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await lowerRisk(trx, user.id, 'adminDismissedAllRiskForUser', 'dismissed', now)))
      return false;
    const unblocked = await trx
      .updateTable('users')
      .set({ blocked: 0, blocked_by: null, updated_at: now })
      .where('id', '=', user.id)
      .where('blocked_by', '=', 'risk')
      .executeTakeFirst();
    await audit(ctx, trx, actor, {
      action: 'risk_dismissed',
      target: { id: user.id, upn: user.upn },
      detail: { unblocked: Number(unblocked.numUpdatedRows) > 0 },
    });
    return true;
  });
}
