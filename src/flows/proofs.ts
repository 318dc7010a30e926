// The one place a second-factor proof is judged under the guessing limits,
// for a sign-in and for a registration alike (proof-up, security info): its
// slots are reserved per attempt, per account and per client address before
// the method looks at it; a wrong proof stays counted and, at the attempt's
// limit, ends the attempt; the sign-in log gets every outcome.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Failure, Pending } from '../methods/types.ts';
import type { FlowRow } from '../storage/flows.ts';
import type { UserRow } from '../storage/users.ts';
import { type Guarded, limiter, limitKeys, type Refusal } from './limits.ts';
import { recordSignin } from './signin-log.ts';

export interface Proving {
  user: Pick<UserRow, 'id' | 'upn'>;
  flow: Pick<FlowRow, 'id' | 'client_ip' | 'user_agent'>;
  methodId: string;
  /**
   * A legacy front (RADIUS) and its application: logged so, and the client
   * address is a NAS serving many users, counted as the legacy fronts count it.
   */
  legacy?: { front: string; application: string };
}

const REASONS: Record<Failure['reason'], string> = {
  invalid: 'wrong code',
  replayed: 'code already used',
  malformed: 'malformed code',
  expired: 'code expired or no longer valid',
};

export const logProof = (
  ctx: AppContext,
  p: Proving,
  result: 'success' | 'failure' | 'interrupted',
  reason: string,
) =>
  recordSignin(ctx, {
    upn: p.user.upn,
    userId: p.user.id,
    result,
    reason,
    method: p.methodId,
    client: {
      ip: p.flow.client_ip,
      userAgent: p.flow.user_agent,
      ...(p.legacy ? { application: p.legacy.application } : {}),
    },
    ...(p.legacy ? { front: p.legacy.front } : {}),
  });

/** Delivery problems (provider down, sending limits) go to the sign-in log, then to the user. */
export async function logDelivery(ctx: AppContext, p: Proving, e: unknown): Promise<void> {
  if (!(e instanceof AppError)) return;
  if (e.code === 'delivery_failed')
    await logProof(
      ctx,
      p,
      'failure',
      `delivery failed: ${e.cause instanceof Error ? e.cause.message.slice(0, 200) : 'the telephony provider did not accept the message or call'}`,
    );
  else if (e.code === 'too_many_attempts')
    await logProof(ctx, p, 'failure', 'sending limit reached');
}

/** The refusal of a guess by its limits, as the user sees it (the log says which limit). */
export function refused(r: Refusal, what: 'codes' | 'passwords'): AppError {
  if (r.key.key.startsWith('attempt:'))
    // Only guesses still in flight hold an attempt's last slots: retry in a moment.
    return new AppError('too_many_attempts', {
      retryAfter: 1,
      detail: 'Too many codes at once. Try again in a moment.',
      local: { key: 'error.too_many_at_once' },
    });
  if (r.locked)
    return new AppError('too_many_attempts', {
      detail: `Too many failed attempts: this account is locked. Ask your administrator to unlock it.`,
      local: { key: what === 'codes' ? 'error.codes_locked' : 'error.signin_locked' },
    });
  return new AppError('too_many_attempts', {
    retryAfter: r.wait,
    detail: `Too many failed attempts. Try again in ${r.wait} ${r.wait === 1 ? 'second' : 'seconds'}.`,
    local: {
      key: what === 'codes' ? 'error.too_many_codes' : 'error.too_many_passwords',
      values: { seconds: r.wait },
    },
  });
}

/** What the sign-in log says of a refused guess. */
export const refusalReason = (r: Refusal, what: string) =>
  r.key.key.startsWith('attempt:')
    ? `refused: the attempt's last ${what} are in flight`
    : r.locked
      ? `locked: too many consecutive wrong ${what}`
      : `throttled: too many wrong ${what}`;

/**
 * Judges one proof: `run` asks the method. Returns what the method said when
 * it is neither wrong nor "not yet"; throws the user's error otherwise.
 */
export async function judgeProof<R extends { ok: unknown }>(
  ctx: AppContext,
  p: Proving,
  run: () => Promise<R>,
): Promise<Exclude<R, Failure | Pending>> {
  const max = ctx.config.maxCodeAttempts;
  const attempt = limitKeys.attempt(p.flow.id, max);
  const address = p.legacy ? limitKeys.legacyAddress : limitKeys.address;
  const keys: Guarded[] = [attempt, limitKeys.codes(p.user), address(p.flow.client_ip)];
  const r = await limiter(ctx).reserve(keys);
  if (!r.ok) {
    await logProof(ctx, p, 'failure', refusalReason(r, 'codes'));
    throw refused(r, 'codes');
  }
  let result: R;
  try {
    result = await run();
  } catch (e) {
    await r.void();
    await logDelivery(ctx, p, e);
    throw e;
  }
  if (result.ok === true) {
    await r.right();
    return result as Exclude<R, Failure | Pending>;
  }
  if (result.ok !== false) {
    // Not a guess: still waiting, something to correct, or the next phase.
    await r.void();
    const pending = result as unknown as Pending | { ok: 'continue' };
    if (pending.ok === 'waiting')
      throw new AppError('waiting', pending.message ? { detail: pending.message } : {});
    if (pending.ok === 'retry') throw new AppError('invalid_request', { detail: pending.message });
    return result as Exclude<R, Failure | Pending>;
  }
  const failure = result as unknown as Failure;
  await r.wrong();
  await logProof(ctx, p, 'failure', failure.detail ?? REASONS[failure.reason]);
  const failures = r.counts.get(attempt.key) ?? max;
  if (failures >= max) {
    await ctx.stores.flows.end(p.flow.id, ctx.clock.now());
    await logProof(ctx, p, 'failure', `sign-in attempt ended after ${failures} wrong codes`);
    throw new AppError('signin_expired', {
      detail: 'Too many wrong codes. Please sign in again.',
      local: { key: 'error.attempt_ended' },
    });
  }
  if (failure.message) throw new AppError('invalid_code', { detail: failure.message });
  throw new AppError('invalid_code');
}
