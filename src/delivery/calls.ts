import type { AppContext } from '../context.ts';
import type { ChallengeStatus } from '../db/schema.ts';
import { reportSuspiciousActivity } from '../services/risk.ts';
import type { CallOutcome } from './types.ts';

const statusOf: Record<CallOutcome, ChallengeStatus> = {
  approved: 'approved',
  fraud: 'fraud',
  hung_up: 'declined',
  no_answer: 'no_answer',
};

/**
 * The one entry for call outcomes, whichever provider reports them (outbox
 * simulator or CLI, webhook callback, Twilio callback). A call settles once;
 * a later report for the same call changes nothing. Returns whether it settled.
 */
export async function recordCallOutcome(
  ctx: AppContext,
  challengeId: string,
  outcome: CallOutcome,
): Promise<boolean> {
  const settled = await ctx.stores.challenges.settleCall(
    challengeId,
    statusOf[outcome],
    ctx.clock.now(),
  );
  if (!settled) return false;
  if (outcome === 'fraud') await reportSuspiciousActivity(ctx, settled.user_id, 'call');
  return true;
}
