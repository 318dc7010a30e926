// The authentication methods policy as the service keeps it (the model:
// src/policy/methods-policy.ts). Until an administrator saves one, the
// policy is the one the organisation-wide list of allowed methods
// (`allowedMethods`) makes, so nothing changes for an organisation that has
// not touched it. Kept in the settings table: a change moves the cache epoch
// (migration 0022) like any setting, and so does a change of group members.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  CAMPAIGN_METHODS,
  fromAllowedMethods,
  groupsNamed,
  isFor,
  type MethodsPolicy,
  MethodsPolicySchema,
  methodTypesFor,
  type PolicyMethod,
  policyMethods,
  StoredMethodsPolicySchema,
} from '../policy/methods-policy.ts';
import { groupsStore } from '../storage/groups.ts';
import { settingsStore } from '../storage/settings.ts';
import { type Actor, audit, changesBetween } from './audit.ts';
import type { CacheView } from './cache.ts';
import {
  getServiceSettings,
  lockSettings,
  METHODS_POLICY_KEY,
  serviceSettingsIn,
} from './settings.ts';

/** The policy, as it stands when `cache` read its epoch. */
export function getMethodsPolicy(
  ctx: AppContext,
  cache: CacheView = ctx.dataCache,
): Promise<MethodsPolicy> {
  return cache.get('methods-policy', async () => {
    const stored = await ctx.stores.settings.get(METHODS_POLICY_KEY);
    if (stored !== undefined) return StoredMethodsPolicySchema.parse(stored);
    return fromAllowedMethods((await getServiceSettings(ctx, cache)).allowedMethods);
  });
}

/**
 * Changes one method's entry (what is not named stays): `enabled`, `include`
 * ('all' or groups), `exclude`, and the method's own options. Merged with the
 * policy as it stands under the lock, so two changes to different methods at
 * once both hold.
 */
export async function changeMethodPolicy(
  ctx: AppContext,
  method: string,
  patch: Record<string, unknown>,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<MethodsPolicy> {
  if (!(policyMethods as string[]).includes(method))
    throw new AppError('not_found', {
      detail: `There is no method "${method.slice(0, 40)}" in the policy: use ${policyMethods.join(', ')}.`,
    });
  const m = method as PolicyMethod;
  return changePolicy(ctx, (before) => ({ ...before, [m]: { ...before[m], ...patch } }), actor);
}

/** The groups a user is a member of, by id. */
const groupsOf = (ctx: AppContext, userId: string, cache: CacheView) =>
  cache.get(
    `user-groups:${userId}`,
    async () => new Set(await groupsStore(ctx.db).groupIdsOf(userId)),
  );

/** Whether the policy gives the user this method (one not registered, such as a Temporary Access Pass). */
export async function methodIsForUser(
  ctx: AppContext,
  userId: string,
  method: PolicyMethod,
  cache: CacheView = ctx.dataCache,
): Promise<boolean> {
  const [policy, groups] = await Promise.all([
    getMethodsPolicy(ctx, cache),
    groupsOf(ctx, userId, cache),
  ]);
  return isFor(policy, method, groups);
}

/**
 * The MethodTypes a user may register (`register`) or sign in with
 * (`signin`), as the policy gives them to the user's groups.
 */
export const methodTypesForUser = (
  ctx: AppContext,
  userId: string,
  purpose: 'register' | 'signin',
  cache: CacheView = ctx.dataCache,
): Promise<string[]> => userMethodTypes(ctx, userId, cache).then((m) => m[purpose]);

/** Both of `methodTypesForUser`'s lists, from one read of the policy and the user's groups. */
export async function userMethodTypes(
  ctx: AppContext,
  userId: string,
  cache: CacheView = ctx.dataCache,
): Promise<{ signin: string[]; register: string[]; campaign: UserCampaign | null }> {
  const [policy, groups] = await Promise.all([
    getMethodsPolicy(ctx, cache),
    groupsOf(ctx, userId, cache),
  ]);
  const c = policy.registrationCampaign;
  return {
    signin: methodTypesFor(policy, groups, 'signin'),
    register: methodTypesFor(policy, groups, 'register'),
    campaign: isFor(policy, 'registrationCampaign', groups)
      ? {
          targets: c.methods.map((m) => CAMPAIGN_METHODS[m]),
          snoozeDays: c.snoozeDays,
          snoozeLimit: c.snoozeLimit,
        }
      : null,
  };
}

/** The registration campaign as it applies to one user (null: it does not). */
export interface UserCampaign {
  /** The MethodTypes it asks them to set up. */
  targets: string[];
  snoozeDays: number;
  /** 0: no limit. */
  snoozeLimit: number;
}

/**
 * Replaces the policy (all or nothing), after checking that every group it
 * names exists; audited with the methods that changed.
 */
export const setMethodsPolicy = (
  ctx: AppContext,
  input: unknown,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<MethodsPolicy> => changePolicy(ctx, () => input, actor);

/** A valid policy from `input`, or the error that says what is wrong with it. */
function parsePolicy(input: unknown, withRoots: boolean): MethodsPolicy {
  const parsed = MethodsPolicySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_request', {
      detail: `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid policy'}`,
    });
  }
  const policy = parsed.data;
  // Without roots no passkey could prove its model, and none could be registered.
  if (policy.passkey.attestationRequired && !withRoots)
    throw new AppError('invalid_request', {
      detail:
        'passkey: requiring attestation needs the roots of the makers you trust: set PORTCULLIS_PASSKEY_ATTESTATION_ROOTS on every node first.',
    });
  return policy;
}

/**
 * The policy `next` makes of the one stored, read in the writing transaction
 * under the settings' lock (lockSettings).
 */
async function changePolicy(
  ctx: AppContext,
  next: (before: MethodsPolicy) => unknown,
  actor: Pick<Actor, 'name' | 'ip'>,
): Promise<MethodsPolicy> {
  const policy = await ctx.db.transaction().execute(async (trx) => {
    // One at a time with settings changes too: a change of allowedMethods at the same time waits.
    await lockSettings(ctx, trx);
    const row = await trx
      .selectFrom('settings')
      .select('value')
      .where('key', '=', METHODS_POLICY_KEY)
      .executeTakeFirst();
    const before = row
      ? StoredMethodsPolicySchema.parse(JSON.parse(row.value))
      : fromAllowedMethods((await serviceSettingsIn(ctx, trx)).allowedMethods);
    const policy = parsePolicy(next(before), Boolean(ctx.config.passkeyAttestationRoots));
    // Groups may be named by id or by name; the policy keeps ids.
    const groups = groupsStore(trx);
    const ids = new Map<string, string>();
    for (const ref of groupsNamed(policy)) {
      const g = (await groups.findById(ref)) ?? (await groups.findByName(ref));
      if (!g) throw new AppError('invalid_request', { detail: `There is no group "${ref}".` });
      ids.set(ref, g.id);
    }
    const id = (ref: string) => ids.get(ref)!;
    for (const m of policyMethods) {
      const p = policy[m];
      policy[m] = {
        ...p,
        include: p.include === 'all' ? 'all' : [...new Set(p.include.map(id))],
        exclude: [...new Set(p.exclude.map(id))],
      } as never;
    }
    await settingsStore(trx).set(METHODS_POLICY_KEY, policy, ctx.clock.now());
    const detail = changesBetween(before, policy, Object.keys(policy) as (keyof MethodsPolicy)[]);
    if (detail) await audit(ctx, trx, actor, { action: 'methods_policy_changed', detail });
    return policy;
  });
  ctx.dataCache.forget('methods-policy');
  ctx.dataCache.forget('settings');
  return policy;
}
