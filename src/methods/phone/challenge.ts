import { hmacSha256 } from '../../crypto/hash.ts';
import { DeliveryError } from '../../delivery/types.ts';
import { AppError } from '../../errors.ts';
import { negotiate, type Translate, translator } from '../../i18n/index.ts';
import type { ChallengeRow } from '../../storage/challenges.ts';
import { challengesStore } from '../../storage/challenges.ts';
import { rateLimitsStore } from '../../storage/rate-limits.ts';
import type { Attempt, MethodContext, MethodUser, VerifyResult } from '../types.ts';

const WINDOW_MS = 15 * 60_000;
/** At most this many wrong tries per code. */
export const MAX_CODE_TRIES = 5;

const userText = (user: MethodUser) => translator(negotiate([user.preferredLanguage]));
const hashCode = (ctx: MethodContext, challengeId: string, code: string) =>
  hmacSha256(ctx.hmacKey, `${challengeId}.${code}`);

/** Sending limits per user, per number and per client address, counted in the database. */
async function checkLimits(
  ctx: MethodContext,
  user: MethodUser,
  number: string,
  attempt: Attempt,
): Promise<void> {
  const rl = rateLimitsStore(ctx.db);
  const now = ctx.clock.now();
  const limits = await ctx.limits();
  const checks: [string, number][] = [
    [`send:user:${user.id}`, limits.sendLimitPerUser],
    [`send:number:${number}`, limits.sendLimitPerNumber],
    ...(attempt.clientIp
      ? [[`send:ip:${attempt.clientIp}`, limits.sendLimitPerAddress] as [string, number]]
      : []),
  ];
  for (const [key, limit] of checks) {
    const count = await rl.hit(key, now, WINDOW_MS);
    if (count > limit) {
      const start = (await rl.windowStart(key)) ?? now;
      const seconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
      throw new AppError('too_many_attempts', {
        retryAfter: seconds,
        detail: 'Too many messages or calls were sent. Wait and try again.',
        local: { key: 'error.rate_limited', values: { minutes: Math.ceil(seconds / 60) } },
      });
    }
  }
}

/** A new challenge for this attempt; any earlier one of the attempt stops working. */
async function newChallenge(
  ctx: MethodContext,
  user: MethodUser,
  attempt: Attempt,
  methodType: string,
  registrationId: string | null,
  lifetimeMs: number,
  code: string | null,
): Promise<ChallengeRow> {
  const store = challengesStore(ctx.db);
  const now = ctx.clock.now();
  await store.supersede(attempt.flowId, now);
  const id = crypto.randomUUID();
  const row: ChallengeRow = {
    id,
    flow_id: attempt.flowId,
    user_id: user.id,
    method_type: methodType,
    registration_id: registrationId,
    code_hash: code === null ? null : hashCode(ctx, id, code),
    status: 'pending',
    attempts: 0,
    created_at: now,
    expires_at: now + lifetimeMs,
    resolved_at: null,
  };
  await store.insert(row);
  return row;
}

/** Provider failures fail closed: the challenge is dead and the user is told plainly. */
async function deliver(
  ctx: MethodContext,
  challenge: ChallengeRow,
  send: () => Promise<void>,
): Promise<void> {
  try {
    await send();
  } catch (e) {
    await challengesStore(ctx.db).settle(challenge.id, 'failed', ctx.clock.now());
    // Whatever the provider's failure, the attempt fails closed; its message
    // (which never carries secrets or URLs) goes to the sign-in log.
    const reason = e instanceof DeliveryError ? e.message : 'the provider failed unexpectedly';
    throw new AppError('delivery_failed', {
      local: { key: 'error.delivery_failed' },
      cause: new DeliveryError(reason),
    });
  }
}

/** Texts a 6-digit code (CSPRNG) to `number`; only its keyed hash is stored. */
export async function textCode(
  ctx: MethodContext,
  user: MethodUser,
  attempt: Attempt,
  methodType: string,
  registrationId: string | null,
  number: string,
): Promise<void> {
  await checkLimits(ctx, user, number, attempt);
  const code = String(ctx.random.int(1_000_000)).padStart(6, '0');
  const minutes = (await ctx.limits()).phoneCodeMinutes;
  const challenge = await newChallenge(
    ctx,
    user,
    attempt,
    methodType,
    registrationId,
    minutes * 60_000,
    code,
  );
  const locale = negotiate([user.preferredLanguage]);
  const text = userText(user)('sms.text', { code, issuer: await ctx.issuer(), minutes });
  await deliver(ctx, challenge, () => ctx.telephony.sendText({ to: number, text, locale }));
}

/** Calls `number` (and extension); the answer comes back through recordCallOutcome. */
export async function callPhone(
  ctx: MethodContext,
  user: MethodUser,
  attempt: Attempt,
  methodType: string,
  registrationId: string | null,
  number: string,
  extension: string | null,
): Promise<void> {
  await checkLimits(ctx, user, number, attempt);
  const { callTimeoutSeconds: timeoutSeconds } = await ctx.limits();
  const challenge = await newChallenge(
    ctx,
    user,
    attempt,
    methodType,
    registrationId,
    timeoutSeconds * 1000,
    null,
  );
  const t = userText(user);
  const prompt = ctx.config.callGreeting ?? t('call.prompt', { issuer: await ctx.issuer() });
  const script = { prompt, approved: t('call.approved'), fraud: t('call.fraudRecorded') };
  const locale = negotiate([user.preferredLanguage]);
  await deliver(ctx, challenge, () =>
    ctx.telephony.placeCall({
      to: number,
      extension,
      locale,
      script,
      challengeId: challenge.id,
      timeoutSeconds,
    }),
  );
}

/** Whether this attempt already has a live challenge for the registration. */
export async function hasLiveChallenge(
  ctx: MethodContext,
  attempt: Attempt,
  registrationId: string | null,
): Promise<boolean> {
  const latest = await challengesStore(ctx.db).latest(attempt.flowId, registrationId);
  return (
    !!latest &&
    (latest.status === 'pending' || latest.status === 'approved') &&
    latest.expires_at > ctx.clock.now()
  );
}

/** Checks a typed code: consumed atomically by exactly one request; wrong tries counted per code. */
export async function checkCode(
  ctx: MethodContext,
  attempt: Attempt,
  registrationId: string | null,
  input: string | undefined,
  t?: Translate,
): Promise<VerifyResult> {
  const code = (input ?? '').replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'malformed' };
  const store = challengesStore(ctx.db);
  const challenge = await store.latest(attempt.flowId, registrationId);
  const now = ctx.clock.now();
  // Used a moment ago by this same attempt (the form sent twice): not a wrong code.
  if (challenge?.status === 'consumed') return { ok: 'waiting' };
  // An expired code says so, and the page offers a new one: the code's age decides
  // it, not the digits typed, so it tells a guesser nothing.
  if (challenge?.status !== 'pending' || challenge.expires_at <= now)
    return {
      ok: false,
      reason: 'expired',
      ...(t && challenge?.status === 'pending' ? { message: t('error.code_expired') } : {}),
    };
  if (await store.consumeCode(challenge.id, hashCode(ctx, challenge.id, code), now))
    return { ok: true };
  // Used a moment ago by this same attempt (the form sent twice): not a wrong code.
  if ((await store.find(challenge.id))?.status === 'consumed') return { ok: 'waiting' };
  await store.addAttempt(challenge.id, MAX_CODE_TRIES, now);
  return { ok: false, reason: 'invalid' };
}

/** Where the call of this attempt stands: approved (used once), still ringing, or ended. */
export async function checkCall(
  ctx: MethodContext,
  attempt: Attempt,
  registrationId: string | null,
  t: Translate,
): Promise<VerifyResult> {
  const store = challengesStore(ctx.db);
  const challenge = await store.latest(attempt.flowId, registrationId);
  const now = ctx.clock.now();
  if (!challenge) return { ok: 'retry', message: t('call.noAnswer') };
  if (challenge.status === 'approved' && (await store.consumeApproved(challenge.id, now)))
    return { ok: true };
  if (challenge.status === 'pending') {
    if (challenge.expires_at > now) return { ok: 'waiting', message: t('call.waiting') };
    await store.settle(challenge.id, 'no_answer', now);
    return { ok: 'retry', message: t('call.noAnswer') };
  }
  return {
    ok: 'retry',
    message: t(
      challenge.status === 'no_answer' || challenge.status === 'failed'
        ? 'call.noAnswer'
        : 'call.declined',
    ),
  };
}
