import type { AppContext } from '../context.ts';
import type { Front } from '../db/schema.ts';
import { mayUseApp } from '../services/app-access.ts';
import {
  appPasswordUseDue,
  markAppPasswordUsed,
  matchAppPassword,
  stampAppPasswordUseNow,
} from '../services/app-passwords.ts';
import { findApp } from '../services/applications.ts';
import type { CacheView, EpochView } from '../services/cache.ts';
import { getServiceSettings, type ServiceSettings } from '../services/settings.ts';
import { printable } from '../services/validation.ts';
import { cacheEpochNow } from '../storage/cache-epoch.ts';
import { limitsNow } from '../storage/limits.ts';
import { recordSigninNow, signinLogStore } from '../storage/signin-log.ts';
import type { LegacyAppPassword, LegacyUser, UserRow } from '../storage/users.ts';
import { checkAccountPassword } from './account-password.ts';
import { type Guarded, limiter, limitKeys, settlements } from './limits.ts';
import { refusalReason } from './proofs.ts';
import type { ClientInfo } from './signin.ts';
import { recordSignin, type SigninEvent, signinEntry } from './signin-log.ts';

export interface LegacyAttempt {
  username: string;
  secret: string;
  /** The application the front names (query parameter, bind DN, NAS-Identifier); null if none. */
  appId: string | null;
  front: Front;
  client: ClientInfo;
  /**
   * The front's own view of the cache, if it took one (to look the
   * application up), which may be `assumed` (not read): the check then either
   * judges under exactly its epoch — confirmed under the write lock, or read
   * again — or throws StaleView before it writes anything.
   */
  cache?: EpochView;
}

export type LegacyResult =
  | {
      ok: true;
      user: LegacyUser;
      credential: 'app password' | 'password';
      application: string | null;
    }
  | { ok: false; retryAfter?: number };

/** The password is right (its limits settled as a success); the caller asks for the second factor. */
export type FirstFactorResult = LegacyResult | { ok: 'second-factor'; user: UserRow };

interface Attempt extends LegacyAttempt {
  /**
   * The application asks for a second factor after the account password
   * (RADIUS `mfa` mode): app passwords are refused, and a right password of a
   * user whose MFA state asks for more ends in `second-factor`, not in success.
   */
  secondFactor?: boolean;
}

/**
 * Sign-in for programs that cannot do MFA (Microsoft's rules): Disabled users,
 * and Enabled ones before proof-up, may use the account password or an app
 * password; Enforced users app passwords only. Scoped app passwords work only
 * for their applications. Every attempt is reserved under the limits before
 * it is judged — per account and address (a mail client hammering an old
 * password slows that client first), per account on these fronts (apart from
 * the browser's, so it never locks the user out of browser sign-in) and per
 * address — and every attempt goes to the sign-in log.
 */
export const legacySignIn = (ctx: AppContext, a: LegacyAttempt) =>
  signIn(ctx, a) as Promise<LegacyResult>;

/**
 * The first step of a sign-in whose application asks for a second factor
 * (RADIUS `mfa` mode), under the same limits and log as `legacySignIn`.
 */
export const legacyFirstFactor = (ctx: AppContext, a: LegacyAttempt) =>
  signIn(ctx, { ...a, secondFactor: true });

async function signIn(ctx: AppContext, a: Attempt): Promise<FirstFactorResult> {
  const upn = printable(a.username.trim()).slice(0, 256);
  // Both are written to the sign-in log: no control characters (PostgreSQL refuses NUL).
  const appId = a.appId === null ? null : printable(a.appId).slice(0, 128);
  const entry: Entry = (result, reason, userId, method) => ({
    upn,
    userId,
    result,
    reason,
    method,
    front: a.front,
    client: { ...a.client, application: appId },
  });
  const log = (...e: Parameters<Entry>) =>
    ctx.groupCommit.write((db) => recordSignin(ctx, entry(...e), signinLogStore(db)));
  const keys = [
    limitKeys.legacyClient(upn, a.client.ip),
    limitKeys.legacyAccount(upn),
    limitKeys.legacyAddress(a.client.ip),
  ];
  if (ctx.groupCommit.runNow && !a.secondFactor) {
    const judged = await appPasswordInOneWrite(ctx, a, {
      upn,
      appId,
      keys,
      entry,
      runNow: ctx.groupCommit.runNow,
    });
    if (judged) return judged;
  }
  const cache = a.cache ? await ctx.dataCache.confirm(a.cache) : await ctx.dataCache.view();
  // Reserve, then judge: the attempt counts as a failure before anything is checked.
  const r = await limiter(ctx).reserve(keys);
  if (!r.ok) {
    await log('failure', refusalReason(r, 'passwords'), null, null);
    return r.locked ? { ok: false } : { ok: false, retryAfter: r.wait };
  }
  /** A wrong credential: its reservation stays counted. */
  const refuse = async (
    reason: string,
    userId: string | null,
    method: string | null = null,
  ): Promise<FirstFactorResult> => {
    await Promise.all([r.wrong(), log('failure', reason, userId, method)]);
    return { ok: false };
  };
  try {
    return await judge(
      ctx,
      { ...a, cache },
      upn,
      appId,
      refuse,
      async (result) => {
        await Promise.all([
          r.right(),
          log('success', result.reason, result.user.id, result.method),
        ]);
      },
      () => r.right(),
    );
  } catch (e) {
    await r.void();
    throw e;
  }
}

type Entry = (
  result: 'success' | 'failure',
  reason: string,
  userId: string | null,
  method: string | null,
) => SigninEvent;

/** Whether a matching app password may be used here, and the reason the sign-in log gives. */
function appPasswordVerdict(
  appPassword: LegacyAppPassword,
  appId: string | null,
  settings: ServiceSettings,
  now: number,
): { ok: boolean; reason: string } {
  const scopes = JSON.parse(appPassword.scopes) as string[];
  if (!settings.appPasswordsAllowed) return { ok: false, reason: 'app passwords are turned off' };
  if (appPassword.expires_at !== null && appPassword.expires_at <= now)
    return { ok: false, reason: `app password "${appPassword.name}" has expired` };
  if (scopes.length > 0 && (appId === null || !scopes.includes(appId)))
    return {
      ok: false,
      reason: `app password "${appPassword.name}" is not for ${appId ?? 'an unnamed application'}`,
    };
  return { ok: true, reason: `app password "${appPassword.name}"` };
}

/**
 * On SQLite, a right app password is answered in one write: under the write
 * lock (a place in the group commit's shared transaction), its limits are
 * read as a reservation would find them and, if open, the sign-in log entry,
 * the keys' fresh start and the last-used stamp commit together — no
 * reservation to write and settle, since no other guess can come between the
 * reading and the answer. What it read before (the application, the user and
 * their app passwords, the settings, from the cache as of the latest epoch
 * this process knows, without reading it) holds only if the cache epoch,
 * read again under the lock, has not moved since; and the comparison tells
 * the client nothing, as nothing is answered here unless all of that holds.
 * Everything else goes the usual way (null), which reserves before it judges:
 * an epoch that moved, a secret that is no app password, a right one refused
 * (expired, for another application), limits that refuse, an unknown or
 * blocked user. PostgreSQL's writers run side by side: it always goes the
 * usual way.
 */
async function appPasswordInOneWrite(
  ctx: AppContext,
  a: Attempt,
  o: {
    upn: string;
    appId: string | null;
    keys: Guarded[];
    entry: Entry;
    runNow: NonNullable<AppContext['groupCommit']['runNow']>;
  },
): Promise<LegacyResult | null> {
  const cache = a.cache ?? ctx.dataCache.assumed();
  const app = o.appId === null ? undefined : await findApp(ctx, o.appId, cache);
  if (o.appId !== null && (!app || !(JSON.parse(app.fronts) as string[]).includes(a.front)))
    return null;
  const found = o.upn ? await legacyUser(ctx, cache, o.upn) : undefined;
  if (!found || found.user.blocked) return null;
  const { user, appPasswords } = found;
  const appPassword = matchAppPassword(ctx, appPasswords, a.secret);
  if (!appPassword) return null;
  if (app && !(await mayUseApp(ctx, app, user.id))) return null;
  const settings = await getServiceSettings(ctx, cache);
  const keys = o.keys.map((k) => k.key);
  const clear = settlements(o.keys).right[0];
  return o.runNow((w): LegacyResult | null => {
    if (ctx.dataCache.saw(cacheEpochNow(w)) !== cache.epoch) return null;
    const limits = limitsNow(w);
    const now = ctx.clock.now();
    const standing = limits.standing(keys, now);
    if (!standing.open) return null;
    const v = appPasswordVerdict(appPassword, o.appId, settings, now);
    if (!v.ok) return null;
    limits.clear(standing.failing.filter((k) => clear.includes(k)));
    recordSigninNow(w, signinEntry(ctx, o.entry('success', v.reason, user.id, 'app password')));
    if (appPasswordUseDue(appPassword, a.client.ip, now))
      stampAppPasswordUseNow(w, appPassword, a.client.ip, now);
    return { ok: true, user, credential: 'app password', application: o.appId };
  });
}

/**
 * A user and their app passwords, as every legacy check reads them: kept per
 * process until a change to either commits (ctx.dataCache). Shared between
 * checks: read-only, but for the last-used stamp (stampAppPasswordUse).
 */
const legacyUser = (ctx: AppContext, cache: CacheView, upn: string) =>
  cache.get(`legacy-user:${upn.toLowerCase()}`, () => ctx.stores.users.findWithAppPasswords(upn));

type Refuse = (
  reason: string,
  userId: string | null,
  method?: string | null,
) => Promise<FirstFactorResult>;

/** Judges a reserved attempt: `refuse` a wrong one, `accept` a right one. */
async function judge(
  ctx: AppContext,
  a: Attempt,
  upn: string,
  appId: string | null,
  refuse: Refuse,
  accept: (r: { user: LegacyUser; reason: string; method: string }) => Promise<void>,
  passed: () => Promise<void>,
): Promise<FirstFactorResult> {
  const app = appId === null ? undefined : await findApp(ctx, appId, a.cache);
  if (appId !== null) {
    if (!app) return refuse('unknown application', null);
    if (!(JSON.parse(app.fronts) as string[]).includes(a.front))
      return refuse(`the application may not use the ${a.front} front`, null);
  }
  // The user and their app passwords, in one statement compiled once.
  const found = upn ? await legacyUser(ctx, a.cache ?? ctx.dataCache, upn) : undefined;
  if (!found) {
    await ctx.hasher.verifyDummy(a.secret.slice(0, 1024));
    return refuse('unknown user', null);
  }
  const { user, appPasswords } = found;
  if (user.blocked) return refuse('sign-in blocked by an administrator', user.id);
  // Microsoft's "assignment required": only members of the application's groups.
  if (app && !(await mayUseApp(ctx, app, user.id)))
    return refuse('not assigned to this application', user.id);
  if (a.secondFactor) return judgeBeforeSecondFactor(ctx, a, found, appId, refuse, accept, passed);

  const appPassword = matchAppPassword(ctx, appPasswords, a.secret);
  if (appPassword) {
    const settings = await getServiceSettings(ctx, a.cache);
    const v = appPasswordVerdict(appPassword, appId, settings, ctx.clock.now());
    if (!v.ok) return refuse(v.reason, user.id, 'app password');
    await Promise.all([
      markAppPasswordUsed(ctx, appPassword, a.client.ip),
      accept({ user, reason: v.reason, method: 'app password' }),
    ]);
    return { ok: true, user, credential: 'app password', application: appId };
  }

  // The account password, where the MFA state still allows it.
  const registered = (await ctx.stores.methods.listForUser(user.id)).length > 0;
  const passwordAllowed =
    user.mfa_state === 'Disabled' || (user.mfa_state === 'Enabled' && !registered);
  // The password is checked either way, so the sign-in log tells the helpdesk a
  // mistyped password from a right one that this user may no longer use here.
  // The client hears the same refusal in both cases.
  const rightPassword = await checkAccountPassword(ctx, user, a.secret.slice(0, 1024));
  if (!rightPassword) return refuse('wrong password', user.id, 'password');
  if (!passwordAllowed)
    return refuse(
      'MFA required: the account password is right, but this user needs an app password here',
      user.id,
      'password',
    );
  // An admin's one-time password is for choosing a new one in the browser, nothing else.
  if (user.must_change_password === 1)
    return refuse('password must be changed: sign in in the browser first', user.id, 'password');
  await accept({
    user,
    reason: 'account password (MFA not required for this user yet)',
    method: 'password',
  });
  return { ok: true, user, credential: 'password', application: appId };
}

/**
 * The first step where the application asks for a second factor (RADIUS
 * `mfa` mode; README "RADIUS"). App passwords exist for clients that cannot do
 * MFA: an application that asks for a second factor takes none (as Microsoft's
 * NPS extension), so one that leaked cannot skip the phone. Users whose MFA is
 * Disabled sign in with the password alone, as everywhere; every other right
 * password goes on to the second factor.
 */
async function judgeBeforeSecondFactor(
  ctx: AppContext,
  a: Attempt,
  { user, appPasswords }: { user: LegacyUser; appPasswords: LegacyAppPassword[] },
  appId: string | null,
  refuse: Refuse,
  accept: (r: { user: LegacyUser; reason: string; method: string }) => Promise<void>,
  passed: () => Promise<void>,
): Promise<FirstFactorResult> {
  if (matchAppPassword(ctx, appPasswords, a.secret))
    return refuse(
      'app passwords are not accepted here: the application asks for a second factor (RADIUS MFA mode)',
      user.id,
      'app password',
    );
  if (!(await checkAccountPassword(ctx, user, a.secret.slice(0, 1024))))
    return refuse('wrong password', user.id, 'password');
  if (user.must_change_password === 1)
    return refuse('password must be changed: sign in in the browser first', user.id, 'password');
  if (user.mfa_state === 'Disabled') {
    await accept({
      user,
      reason: 'account password (MFA Disabled for this user: no second factor asked)',
      method: 'password',
    });
    return { ok: true, user, credential: 'password', application: appId };
  }
  // The second factor's steps need the whole user (their language, their methods' state).
  const whole = await ctx.stores.users.findById(user.id);
  if (!whole) return refuse('unknown user', null);
  await passed();
  return { ok: 'second-factor', user: whole };
}
