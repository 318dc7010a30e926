// Temporary Access Pass (issue 21): a time-limited pass an administrator
// issues for a user, shown once, with which the user signs in and registers
// methods — on the first day, or after losing the phone — without any other
// method. It counts as multi-factor (as in Microsoft Entra), never on the
// legacy fronts. Whether a user may have one, how long it may live, and how
// long it is, are the methods policy's (`temporaryAccessPass`).
import type { AppContext } from '../context.ts';
import { hmacSha256, safeEqual } from '../crypto/hash.ts';
import { generatePassword } from '../crypto/random.ts';
import { AppError } from '../errors.ts';
import { TAP_LENGTH, TAP_LIFETIME } from '../policy/methods-policy.ts';
import {
  type TemporaryAccessPassRow,
  temporaryAccessPassesStore,
} from '../storage/temporary-access-passes.ts';
import type { UserRow } from '../storage/users.ts';
import { type Actor, audit } from './audit.ts';
import { getMethodsPolicy, methodIsForUser } from './methods-policy.ts';
import { requireUser } from './users.ts';

export interface TemporaryAccessPassView {
  id: string;
  userPrincipalName: string;
  createdAt: string;
  createdBy: string;
  /** When it starts to work (its creation, unless issued for later). */
  startsAt: string;
  expiresAt: string;
  lifetimeMinutes: number;
  oneTime: boolean;
  /** When it was last used to sign in (a one-time pass: spent), or null. */
  usedAt: string | null;
  /** `active` (it can sign in now), `pending` (not yet started), `used` (one-time, spent) or `expired`. */
  state: 'active' | 'pending' | 'used' | 'expired';
}

export interface NewTemporaryAccessPass {
  /** 10 minutes to the policy's longest; the policy's default if not given. */
  lifetimeMinutes?: number | undefined;
  /** Good for one sign-in only (always, where the policy says so). */
  oneTime?: boolean | undefined;
  /** 8 to 48 characters; the policy's default if not given. */
  length?: number | undefined;
  /** When it starts to work (ms), up to 30 days ahead; now if not given or past. */
  startsAt?: number | undefined;
}

/** A request as the APIs and the command line give it (the start as ISO 8601), for issueTemporaryAccessPass. */
export const withStartTime = ({
  startsAt,
  ...rest
}: Omit<NewTemporaryAccessPass, 'startsAt'> & {
  startsAt?: string | undefined;
}): NewTemporaryAccessPass => ({
  ...rest,
  ...(startsAt !== undefined ? { startsAt: Date.parse(startsAt) } : {}),
});

/** How far ahead a pass may start. */
export const TAP_START_MAX_DAYS = 30;

const iso = (ms: number) => new Date(ms).toISOString();

function viewOf(
  ctx: AppContext,
  row: TemporaryAccessPassRow,
  upn: string,
): TemporaryAccessPassView {
  const expiresAt = Number(row.expires_at);
  const startsAt = Number(row.starts_at ?? row.created_at);
  const usedAt = row.used_at === null ? null : Number(row.used_at);
  const now = ctx.clock.now();
  return {
    id: row.id,
    userPrincipalName: upn,
    createdAt: iso(Number(row.created_at)),
    createdBy: row.created_by,
    startsAt: iso(startsAt),
    expiresAt: iso(expiresAt),
    lifetimeMinutes: Math.round((expiresAt - startsAt) / 60_000),
    oneTime: row.one_time === 1,
    usedAt: usedAt === null ? null : iso(usedAt),
    state:
      expiresAt <= now
        ? 'expired'
        : row.one_time === 1 && usedAt !== null
          ? 'used'
          : startsAt > now
            ? 'pending'
            : 'active',
  };
}

/** No user has this id: an unknown user's lookup costs what a known one's does. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

const hashOf = (ctx: AppContext, pass: string) => hmacSha256(ctx.methodContext.hmacKey, pass);

function whole(value: number | undefined, name: string, min: number, max: number, unit: string) {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new AppError('invalid_request', {
      detail: `${name} is ${min} to ${max} ${unit}.`,
    });
  return value;
}

/**
 * Issues a pass for the user (replacing any earlier one), returned once in
 * the clear and kept only as its HMAC; audited (without the pass).
 */
export async function issueTemporaryAccessPass(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  upn: string,
  input: NewTemporaryAccessPass = {},
): Promise<TemporaryAccessPassView & { temporaryAccessPass: string }> {
  const user = await requireUser(ctx, upn);
  const policy = (await getMethodsPolicy(ctx)).temporaryAccessPass;
  if (!(await methodIsForUser(ctx, user.id, 'temporaryAccessPass')))
    throw new AppError('invalid_request', {
      detail: `The methods policy does not give ${user.upn} Temporary Access Passes: turn them on for the user (portcullis methods-policy set temporaryAccessPass --on).`,
    });
  const lifetime =
    whole(
      input.lifetimeMinutes,
      'The lifetime',
      TAP_LIFETIME.min,
      policy.maxLifetimeMinutes,
      'minutes (the methods policy’s longest)',
    ) ?? policy.defaultLifetimeMinutes;
  const length =
    whole(input.length, 'A pass', TAP_LENGTH.min, TAP_LENGTH.max, 'characters') ??
    policy.defaultLength;
  const oneTime = policy.oneTimeOnly || input.oneTime === true;
  const pass = generatePassword(ctx.random, length);
  const now = ctx.clock.now();
  if (
    input.startsAt !== undefined &&
    (!Number.isFinite(input.startsAt) || input.startsAt > now + TAP_START_MAX_DAYS * 86_400_000)
  )
    throw new AppError('invalid_request', {
      detail: `A pass starts at most ${TAP_START_MAX_DAYS} days ahead.`,
    });
  const start = Math.max(now, input.startsAt ?? now);
  const row: TemporaryAccessPassRow = {
    user_id: user.id,
    id: crypto.randomUUID(),
    pass_hash: hashOf(ctx, pass),
    created_at: now,
    created_by: actor.name.slice(0, 300),
    starts_at: start,
    expires_at: start + lifetime * 60_000,
    one_time: oneTime ? 1 : 0,
    used_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const store = temporaryAccessPassesStore(trx);
    const earlier = await store.find(user.id);
    await store.put(row);
    await audit(ctx, trx, actor, {
      action: 'tap_created',
      target: { id: user.id, upn: user.upn },
      detail: {
        ...(start > now ? { startsAt: iso(start) } : {}),
        expiresAt: iso(row.expires_at),
        oneTime,
        length,
        ...(earlier ? { replaced: earlier.id } : {}),
      },
    });
  });
  return { ...viewOf(ctx, row, user.upn), temporaryAccessPass: pass };
}

/** The user's pass, without the pass itself; null if there is none. */
export async function temporaryAccessPassOf(
  ctx: AppContext,
  upn: string,
): Promise<TemporaryAccessPassView | null> {
  const user = await requireUser(ctx, upn);
  const row = await temporaryAccessPassesStore(ctx.db).find(user.id);
  return row ? viewOf(ctx, row, user.upn) : null;
}

/** Deletes the user's pass (it signs in no more); audited. */
export async function revokeTemporaryAccessPass(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  upn: string,
): Promise<void> {
  const user = await requireUser(ctx, upn);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await temporaryAccessPassesStore(trx).remove(user.id);
    if (!removed)
      throw new AppError('not_found', {
        detail: `${user.upn} has no Temporary Access Pass.`,
      });
    await audit(ctx, trx, actor, {
      action: 'tap_revoked',
      target: { id: user.id, upn: user.upn },
      detail: { id: removed.id },
    });
  });
}

/** Why a pass did not sign a user in, for the sign-in log (the user is told only "wrong"). */
export type PassRefusal =
  | 'none'
  | 'wrong'
  | 'not yet valid'
  | 'expired'
  | 'used'
  | 'not allowed'
  | 'blocked';

/**
 * Signs in with the user's pass: right, unexpired, unspent, and the policy
 * still giving the user passes. A one-time pass is spent here, once.
 */
export async function useTemporaryAccessPass(
  ctx: AppContext,
  user: UserRow | undefined,
  pass: string,
  ip: string | null,
): Promise<{ ok: true; id: string } | { ok: false; why: PassRefusal }> {
  const store = temporaryAccessPassesStore(ctx.db);
  // The same work whether or not the user exists, has a pass, or typed it right.
  const row = await store.find(user?.id ?? NO_USER);
  const right = safeEqual(hashOf(ctx, pass), row?.pass_hash ?? hashOf(ctx, '\u0000'));
  if (!user || !row) return { ok: false, why: 'none' };
  if (!right) return { ok: false, why: 'wrong' };
  const now = ctx.clock.now();
  if (Number(row.expires_at) <= now) return { ok: false, why: 'expired' };
  if (row.starts_at !== null && Number(row.starts_at) > now)
    return { ok: false, why: 'not yet valid' };
  // A blocked user's one-time pass is not spent on a sign-in that cannot happen.
  if (user.blocked) return { ok: false, why: 'blocked' };
  if (!(await methodIsForUser(ctx, user.id, 'temporaryAccessPass')))
    return { ok: false, why: 'not allowed' };
  if (!(await store.use(user.id, row.id, now))) return { ok: false, why: 'used' };
  await audit(
    ctx,
    ctx.db,
    { name: user.upn, ip },
    {
      action: 'tap_used',
      target: { id: user.id, upn: user.upn },
      detail: { id: row.id, oneTime: row.one_time === 1 },
    },
  );
  return { ok: true, id: row.id };
}

/** Deletes expired passes, each audited as expired (housekeeping). */
export async function sweepTemporaryAccessPasses(ctx: AppContext): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await temporaryAccessPassesStore(trx).removeExpired(ctx.clock.now());
    if (gone.length === 0) return;
    const users = await trx
      .selectFrom('users')
      .select(['id', 'upn'])
      .where(
        'id',
        'in',
        gone.map((g) => g.user_id),
      )
      .execute();
    const upn = new Map(users.map((u) => [u.id, u.upn]));
    await audit(
      ctx,
      trx,
      { name: 'system', ip: null },
      gone.map((g) => ({
        action: 'tap_expired',
        target: { id: g.user_id, upn: upn.get(g.user_id) ?? '' },
        detail: { id: g.id, used: g.used_at !== null },
      })),
    );
  });
}
