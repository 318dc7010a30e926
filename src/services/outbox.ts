import type { AppContext } from '../context.ts';
import { recordCallOutcome } from '../delivery/calls.ts';
import { type OutboxEntry, outboxStore } from '../delivery/outbox.ts';
import type { CallOutcome } from '../delivery/types.ts';
import { AppError } from '../errors.ts';

/** What a person did on a simulated call: pressed keys, or hung up. */
export type CallAnswer = { keys: string } | { hangUp: true };

/** Keys as the original reads them: # approves, 0# reports fraud, anything else declines. */
export function outcomeOf(answer: CallAnswer): CallOutcome {
  if ('hangUp' in answer) return 'hung_up';
  const keys = answer.keys.replace(/\s/g, '');
  if (keys === '#') return 'approved';
  if (keys === '0#') return 'fraud';
  return 'hung_up';
}

export interface OutboxView {
  id: string;
  kind: 'sms' | 'call';
  to: string;
  extension: string | null;
  locale: string;
  text: string;
  status: string;
  createdAt: string;
  answeredAt: string | null;
}

export const toOutboxView = (r: OutboxEntry): OutboxView => ({
  id: r.id,
  kind: r.kind,
  to: r.to_number,
  extension: r.extension,
  locale: r.locale,
  text: r.body,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
  answeredAt: r.answered_at === null ? null : new Date(r.answered_at).toISOString(),
});

export async function listOutbox(
  ctx: AppContext,
  q: { number?: string; limit?: number },
): Promise<OutboxView[]> {
  const rows = await outboxStore(ctx.db).list({
    limit: Math.min(q.limit ?? 50, 500),
    ...(q.number ? { number: q.number } : {}),
  });
  return rows.map(toOutboxView);
}

/** Answers a ringing call of the outbox (simulator page, CLI); a call is answered once. */
export async function answerCall(
  ctx: AppContext,
  callId: string,
  answer: CallAnswer,
): Promise<OutboxView> {
  const store = outboxStore(ctx.db);
  const call = await store.find(callId);
  if (call?.kind !== 'call')
    throw new AppError('not_found', { detail: `No call has the id "${callId.slice(0, 60)}".` });
  const outcome = outcomeOf(answer);
  const status = outcome === 'approved' ? 'answered' : outcome === 'fraud' ? 'fraud' : 'hung_up';
  const answered = await store.answer(callId, status, ctx.clock.now());
  if (!answered)
    throw new AppError('conflict', { detail: `The call ${callId} is no longer ringing.` });
  if (answered.challenge_id) await recordCallOutcome(ctx, answered.challenge_id, outcome);
  return toOutboxView(answered);
}
