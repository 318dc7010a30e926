import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Translate } from '../i18n/index.ts';
import { findMethod, methods } from '../methods/index.ts';
import type {
  Attempt,
  AuthMethod,
  Input,
  MethodUser,
  Registration,
  VerifyResult,
} from '../methods/types.ts';
import { ipRanges } from '../net/cidr.ts';
import { type Assurance, assuranceOf } from '../policy/assurance.ts';
import { methodTypesFor } from '../policy/methods-policy.ts';
import { type CompletedFactor, type NextStep, nextStep } from '../policy/mfa.ts';
import { firstToOffer } from '../policy/preferred-method.ts';
import type { AppStrength, Strength } from '../policy/strength.ts';
import { audit } from '../services/audit.ts';
import type { UserCampaign } from '../services/methods-policy.ts';
import {
  getMethodsPolicy,
  methodTypesForUser,
  userMethodTypes,
} from '../services/methods-policy.ts';
import { notifyPasswordChange } from '../services/notices.ts';
import {
  recordSnooze,
  type Snooze,
  snoozeOf,
  TELEPHONY_METHODS,
} from '../services/registration-campaign.ts';
import { loadRegistrations } from '../services/registrations.ts';
import { isRememberedDevice, REMEMBERED_DEVICE } from '../services/remembered-devices.ts';
import { remediateRisk } from '../services/risk.ts';
import { getServiceSettings, type ServiceSettings } from '../services/settings.ts';
import { useTemporaryAccessPass } from '../services/temporary-access-pass.ts';
import { checkNewPassword, printable } from '../services/validation.ts';
import type { FlowRow } from '../storage/flows.ts';
import { createStores } from '../storage/index.ts';
import type { UserRow } from '../storage/users.ts';
import { checkAccountPassword } from './account-password.ts';
import { enrolment, methodUserOf } from './enrolment.ts';
import { limiter, limitKeys } from './limits.ts';
import { judgeProof, logDelivery, refusalReason, refused } from './proofs.ts';
import { recordSignin } from './signin-log.ts';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  application?: string | null;
  /** The remember-this-device cookie the browser sent, if any. */
  deviceToken?: string | null;
  /** The supported language the browser asks for (Accept-Language), if it said. */
  language?: string | null;
}

/** Everything known about a sign-in in progress, and what it needs next. */
export interface FlowState {
  flow: FlowRow;
  user: UserRow;
  methodUser: MethodUser;
  factors: CompletedFactor[];
  registrations: Registration[];
  /** MethodTypes the user may sign in with (the authentication methods policy). */
  allowedMethods: string[];
  /** MethodTypes the user may register (the policy: texts kept for recovery only are here). */
  enrollableMethods: string[];
  settings: ServiceSettings;
  /** The registration campaign where it is for this user, with their "Not now"s. */
  campaign: (UserCampaign & Snooze) | null;
  next: NextStep;
  /** A method's message for the user, shown once the sign-in finishes (not stored). */
  notice?: string;
}

/** The outcome of a completed sign-in: who, and with what assurance. */
export interface SignedIn extends Assurance {
  userId: string;
  authTime: number;
  returnTo: string | null;
  /** A method was registered in this sign-in (proof-up just happened). */
  provedUp: boolean;
  /** The user asked to remember this device (and the organisation allows it). */
  rememberDevice: boolean;
  /** A method's message to show before going on (e.g. recovery codes left). */
  notice?: string;
}

const passwordFactor = (at: number): CompletedFactor => ({
  method: 'password',
  factor: 'knowledge',
  amr: ['pwd'],
  at,
});

/** The sign-in log's and the factors' name for a Temporary Access Pass (no registered method). */
export const TEMPORARY_ACCESS_PASS = 'TemporaryAccessPass';

const MAX_UPN_INPUT = 256;
const MAX_PASSWORD_INPUT = 1024;

/**
 * The sign-in flow: a state machine kept in the database (signin_flows) that
 * ends in "signed in with these factors". It does not care what started it —
 * the browser pages today, the OpenID Connect interaction later — and it knows
 * no method by name: it asks the policy what is needed and the registry how.
 */
export function signinFlows(ctx: AppContext) {
  const { stores, clock, config } = ctx;

  const limits = limiter(ctx);
  const enrol = enrolment(ctx);
  const toMethodUser = (u: UserRow): MethodUser => methodUserOf(u, ctx.box);

  /** Decides what the flow needs next from what is known (pure: no queries). */
  function evaluate(s: Omit<FlowState, 'next'>): FlowState {
    const usable = (m: AuthMethod<unknown>) => s.allowedMethods.includes(m.id);
    const next = nextStep({
      mfaState: s.user.mfa_state,
      registered: s.registrations.map((r) => r.methodType).filter((id) => findMethod(id)),
      allowed: methods.filter(usable).map((m) => m.id),
      enrollable: methods
        .filter((m) => s.enrollableMethods.includes(m.id) && m.enrol && m.standalone !== false)
        .map((m) => m.id),
      factors: s.factors,
      applicationRequiresMfa: s.flow.require_mfa === 1,
      strength: s.flow.strength,
      trustedNetwork: ipRanges(s.settings.trustedIps)(s.flow.client_ip),
      grace: {
        days: s.settings.proofupGraceDays,
        since: s.user.proofup_postponed_at,
        now: clock.now(),
        postponed: s.flow.proofup_postponed === 1,
      },
      mustChangePassword: s.user.must_change_password === 1,
      campaign: s.campaign && {
        targets: s.campaign.targets,
        offer: s.campaign.targets.filter((m) => s.enrollableMethods.includes(m)),
        triggers: TELEPHONY_METHODS,
        snoozed: s.flow.campaign_snoozed === 1 || s.campaign.snoozedUntil > clock.now(),
        snoozesLeft:
          s.campaign.snoozeLimit === 0
            ? null
            : Math.max(0, s.campaign.snoozeLimit - s.campaign.snoozes),
        snoozeDays: s.campaign.snoozeDays,
      },
    });
    return { ...s, next };
  }

  /** What the organisation's settings and the user's registrations add to a flow. */
  async function surroundings(userId: string) {
    const [settings, methods] = await Promise.all([
      getServiceSettings(ctx),
      userMethodTypes(ctx, userId),
    ]);
    return {
      settings,
      allowedMethods: methods.signin,
      enrollableMethods: methods.register,
      registrations: await loadRegistrations(ctx, userId),
      campaign: methods.campaign && { ...methods.campaign, ...(await snoozeOf(ctx.db, userId)) },
    };
  }

  async function load(flowId: string): Promise<FlowState> {
    const flow = await stores.flows.findActive(flowId, clock.now());
    const user = flow && (await stores.users.findById(flow.user_id));
    if (!flow || !user || user.blocked) throw new AppError('signin_expired');
    return evaluate({
      flow,
      user,
      methodUser: toMethodUser(user),
      factors: JSON.parse(flow.factors) as CompletedFactor[],
      ...(await surroundings(user.id)),
    });
  }

  /** Records a completed factor and returns the state that follows, without reading it back. */
  async function addFactor(
    s: FlowState,
    method: AuthMethod<unknown>,
    enrolled = false,
  ): Promise<FlowState> {
    const factor: CompletedFactor = {
      method: method.id,
      factor: method.factor,
      amr: method.amr,
      at: clock.now(),
      ...(enrolled ? { enrolled: true } : {}),
    };
    const factors = [...s.factors, factor];
    const json = JSON.stringify(factors);
    await stores.flows.update(s.flow.id, { factors: json, pending_sealed: null });
    return evaluate({ ...s, flow: { ...s.flow, factors: json, pending_sealed: null }, factors });
  }

  const attemptOf = (s: FlowState): Attempt => ({
    flowId: s.flow.id,
    clientIp: s.flow.client_ip,
    allowedMethods: s.allowedMethods,
  });

  /** The registration a verification is for: the one named, else the default. */
  function pick(s: FlowState, registrationId: string | undefined) {
    if (s.next.kind !== 'verify')
      throw new AppError('conflict', { detail: 'No verification is needed now.' });
    const usable = s.next.usable;
    const candidates = s.registrations.filter((r) => usable.includes(r.methodType));
    const reg = registrationId
      ? candidates.find((r) => r.id === registrationId)
      : firstToOffer(candidates, s.settings.systemPreferredMfa);
    const method = reg && findMethod(reg.methodType);
    if (!reg || !method)
      throw new AppError('invalid_request', { detail: 'Choose one of your verification methods.' });
    return { reg, method };
  }

  /** Why a finished sign-in needed no more, for the sign-in log. */
  function outcome(s: FlowState): string {
    const second = s.factors.find((f) => f.factor !== 'knowledge');
    if (s.factors.some((f) => f.method === TEMPORARY_ACCESS_PASS)) return 'Temporary Access Pass';
    if (!s.factors.some((f) => f.method === 'password')) return 'passwordless sign-in';
    if (second?.method === REMEMBERED_DEVICE) return 'MFA skipped: remembered device';
    if (second) return 'multi-factor authentication completed';
    if (s.flow.proofup_postponed === 1) return 'registration postponed (enrolment grace)';
    if (s.user.mfa_state !== 'Disabled') return 'MFA skipped: trusted network';
    return 'password only (MFA not required)';
  }

  /**
   * A new flow whose first step is done: the password (now, or when the
   * session signed in), or a passwordless proof standing for its factors.
   */
  async function create(
    user: UserRow,
    first: CompletedFactor[],
    client: ClientInfo,
    returnTo: string | null,
    opts: { stepUp: boolean; strength?: AppStrength },
  ): Promise<FlowState> {
    const now = clock.now();
    if (client.language && client.language !== user.browser_language) {
      // Kept for what reaches the user without a browser at hand (texts, calls, email).
      await stores.users.setBrowserLanguage(user.id, client.language);
      user = { ...user, browser_language: client.language };
    }
    const around = await surroundings(user.id);
    const factors = [...first];
    // A remembered device is something the user has: it stands for the second
    // factor while the user still has a method that could be asked for.
    const usable = around.registrations.some((r) => around.allowedMethods.includes(r.methodType));
    if (
      factors.every((f) => f.factor === 'knowledge') &&
      usable &&
      around.settings.rememberDevicesEnabled &&
      client.deviceToken &&
      (await isRememberedDevice(ctx, user, client.deviceToken))
    )
      factors.push({ method: REMEMBERED_DEVICE, factor: 'possession', amr: [], at: now });
    let flow: FlowRow = {
      id: crypto.randomUUID(),
      user_id: user.id,
      factors: JSON.stringify(factors),
      failed_codes: 0,
      pending_sealed: null,
      return_to: returnTo,
      client_ip: client.ip,
      user_agent: client.userAgent?.slice(0, 512) ?? null,
      created_at: now,
      expires_at: now + config.signinFlowMinutes * 60_000,
      ended_at: null,
      require_mfa: (opts.strength ?? 'none') === 'none' ? 0 : 1,
      strength: opts.strength ?? 'none',
      step_up: opts.stepUp ? 1 : 0,
      remember_device: 0,
      proofup_postponed: 0,
      campaign_snoozed: 0,
    };
    let state = evaluate({ flow, user, methodUser: toMethodUser(user), factors, ...around });
    // A strength asked for from the start that this user cannot meet: signed in
    // as usual instead, so that the application is told (a step-up then
    // answers it "unmet") rather than the person stuck here.
    if (state.next.kind === 'no_method' && !opts.stepUp && flow.strength !== 'none') {
      flow = { ...flow, strength: 'none', require_mfa: 0 };
      state = evaluate({ ...state, flow });
    }
    await stores.flows.insert(flow);
    return state;
  }

  /**
   * Registration campaign: "Not now" — counted, not asked again for the
   * campaign's days; refused once the user's snoozes are used up.
   */
  async function snooze(s: FlowState, snoozeDays: number): Promise<FlowState> {
    // The limit is judged by recordSnooze alone, atomically (two tabs at once).
    const limit = s.campaign?.snoozeLimit ?? 0;
    if (!(await recordSnooze(ctx.db, s.user.id, snoozeDays, clock.now(), limit)))
      throw new AppError('conflict', { detail: 'Set up one of the methods offered to go on.' });
    await stores.flows.update(s.flow.id, { campaign_snoozed: 1, pending_sealed: null });
    return evaluate({ ...s, flow: { ...s.flow, campaign_snoozed: 1, pending_sealed: null } });
  }

  return {
    load,

    /** First step: the password. Any failure gives one generic error; the log gets the reason. */
    async start(
      upnInput: string,
      password: string,
      client: ClientInfo,
      returnTo: string | null = null,
      strength: AppStrength = 'none',
    ): Promise<FlowState> {
      const upn = printable(upnInput.trim()).slice(0, MAX_UPN_INPUT);
      const fail = async (reason: string, userId: string | null) => {
        await recordSignin(ctx, {
          upn,
          userId,
          result: 'failure',
          reason,
          method: 'password',
          client,
        });
      };
      // Reserve, then judge: the guess counts before the hash is checked.
      const r = await limits.reserve([limitKeys.password(upn), limitKeys.address(client.ip)]);
      if (!r.ok) {
        await fail(refusalReason(r, 'passwords'), null);
        throw refused(r, 'passwords');
      }
      let user: UserRow | undefined;
      let ok: boolean;
      try {
        user = upn ? await stores.users.findByUpn(upn) : undefined;
        const tooLong = password.length > MAX_PASSWORD_INPUT;
        ok =
          user && !tooLong
            ? await checkAccountPassword(ctx, user, password)
            : await ctx.hasher.verifyDummy(tooLong ? '' : password);
      } catch (e) {
        await r.void(); // not judged (the hash pool is full, the database away)
        throw e;
      }
      if (!user || !ok) {
        await r.wrong();
        await fail(user ? 'wrong password' : 'unknown user', user?.id ?? null);
        throw new AppError('invalid_credentials');
      }
      await r.right();
      if (user.blocked) {
        await fail('sign-in blocked by an administrator', user.id);
        throw new AppError('invalid_credentials');
      }
      return create(user, [passwordFactor(clock.now())], client, returnTo, {
        stepUp: false,
        strength,
      });
    },

    /**
     * First step with a Temporary Access Pass instead of the password: it
     * stands for both factors (as in Microsoft Entra), so the user can
     * register methods with nothing else. Guesses are limited like passwords
     * (reserve, then judge); any failure gets the one generic error.
     */
    async startWithPass(
      upnInput: string,
      pass: string,
      client: ClientInfo,
      returnTo: string | null = null,
    ): Promise<FlowState> {
      const upn = printable(upnInput.trim()).slice(0, MAX_UPN_INPUT);
      const fail = (reason: string, userId: string | null) =>
        recordSignin(ctx, {
          upn,
          userId,
          result: 'failure',
          reason,
          method: TEMPORARY_ACCESS_PASS,
          client,
        });
      const r = await limits.reserve([
        limitKeys.temporaryAccessPass(upn),
        limitKeys.address(client.ip),
      ]);
      if (!r.ok) {
        await fail(refusalReason(r, 'Temporary Access Passes'), null);
        throw refused(r, 'passwords');
      }
      let user: UserRow | undefined;
      let used: Awaited<ReturnType<typeof useTemporaryAccessPass>>;
      try {
        user = upn ? await stores.users.findByUpn(upn) : undefined;
        used = await useTemporaryAccessPass(
          ctx,
          user,
          pass.length <= MAX_PASSWORD_INPUT ? pass : '',
          client.ip,
        );
      } catch (e) {
        await r.void();
        throw e;
      }
      if (user && !used.ok && used.why === 'blocked') {
        await r.right(); // the pass was right; the block decides
        await fail('sign-in blocked by an administrator', user.id);
        throw new AppError('invalid_credentials');
      }
      if (!user || !used.ok) {
        await r.wrong();
        await fail(
          user && !used.ok ? `Temporary Access Pass: ${used.why}` : 'unknown user',
          user?.id ?? null,
        );
        throw new AppError('invalid_credentials');
      }
      await r.right();
      if (user.blocked) {
        await fail('sign-in blocked by an administrator', user.id);
        throw new AppError('invalid_credentials');
      }
      const now = clock.now();
      const factors: CompletedFactor[] = [
        {
          method: TEMPORARY_ACCESS_PASS,
          factor: 'knowledge',
          amr: ['tap'],
          at: now,
          temporary: true,
        },
        { method: TEMPORARY_ACCESS_PASS, factor: 'possession', amr: [], at: now, temporary: true },
      ];
      return create(user, factors, client, returnTo, { stepUp: false });
    },

    /**
     * First step without a password, where the organisation allows it: a
     * method's proof names the user and stands for its factors (a passkey with
     * user verification). A proof that fails gets the one generic error.
     */
    async startPasswordless(
      methodId: string,
      input: Input,
      client: ClientInfo,
      returnTo: string | null = null,
    ): Promise<FlowState> {
      const [settings, policy] = await Promise.all([
        getServiceSettings(ctx),
        getMethodsPolicy(ctx),
      ]);
      const method = findMethod(methodId);
      if (
        !settings.passwordlessSignin ||
        !method?.passwordless ||
        !methodTypesFor(policy, 'anyone', 'signin').includes(method.id)
      )
        throw new AppError('invalid_request', {
          detail: 'Sign-in without a password is not available: use your password.',
        });
      const fail = (reason: string, user?: UserRow) =>
        recordSignin(ctx, {
          upn: user?.upn ?? '',
          userId: user?.id ?? null,
          result: 'failure',
          reason,
          method: method.id,
          client,
        });
      // Wrong proofs are counted per client address (no user is named before the proof).
      const r = await limits.reserve([limitKeys.passwordless(client.ip)]);
      if (!r.ok) {
        await fail(refusalReason(r, 'passwordless sign-ins'));
        throw refused(r, 'passwords');
      }
      let result: Awaited<ReturnType<typeof method.passwordless.identify>>;
      let user: UserRow | undefined;
      try {
        result = await method.passwordless.identify(ctx.methodContext, input, { ip: client.ip });
        user = result.ok ? await stores.users.findById(result.userId) : undefined;
      } catch (e) {
        await r.void();
        throw e;
      }
      if (!result.ok || !user) {
        await r.wrong();
        await fail(
          `passwordless: ${result.ok ? 'unknown user' : (result.detail ?? result.reason)}`,
        );
        throw new AppError('invalid_credentials');
      }
      await r.right();
      if (user.blocked) {
        await fail('sign-in blocked by an administrator', user);
        throw new AppError('invalid_credentials');
      }
      if (!(await methodTypesForUser(ctx, user.id, 'signin')).includes(method.id)) {
        await fail(`passwordless: ${method.id} is not for this user (methods policy)`, user);
        throw new AppError('invalid_credentials');
      }
      const now = clock.now();
      await stores.methods.touch(result.registrationId, now);
      const factors = result.factors.map((f) => ({ method: method.id, ...f, at: now }));
      return create(user, factors, client, returnTo, { stepUp: false });
    },

    /**
     * Step-up: a signed-in session whose sign-in did not meet the strength an
     * application requires continues from its password, which is not asked
     * again; the policy asks for what is missing (any second factor for `mfa`,
     * a passkey for the stronger ones), as for any sign-in.
     */
    async stepUp(
      session: { userId: string; authTime: number },
      client: ClientInfo,
      returnTo: string | null,
      strength: Strength = 'mfa',
    ): Promise<FlowState> {
      const user = await stores.users.findById(session.userId);
      if (!user || user.blocked) throw new AppError('signin_expired');
      return create(user, [passwordFactor(session.authTime)], client, returnTo, {
        stepUp: true,
        strength,
      });
    },

    /** Proof-up: the user picked a method to register; its enrolment begins. */
    async beginEnrolment(flowId: string, methodId: string): Promise<FlowState> {
      const s = await load(flowId);
      if (s.next.kind !== 'proofup')
        throw new AppError('conflict', { detail: 'No registration is needed now.' });
      const method = s.next.offer.includes(methodId) ? findMethod(methodId) : undefined;
      if (!method?.enrol)
        throw new AppError('invalid_request', { detail: 'Choose one of the offered methods.' });
      const sealed = await enrol.begin({ ...s, allowedMethods: s.enrollableMethods }, method);
      return evaluate({ ...s, flow: { ...s.flow, pending_sealed: sealed } });
    },

    /** Proof-up: back to the list of methods; the registration under way is dropped (nothing was added). */
    async chooseAnotherMethod(flowId: string): Promise<FlowState> {
      const s = await load(flowId);
      if (s.next.kind !== 'proofup')
        throw new AppError('conflict', { detail: 'No registration is needed now.' });
      await stores.flows.update(flowId, { pending_sealed: null });
      return evaluate({ ...s, flow: { ...s.flow, pending_sealed: null } });
    },

    /** The enrolment in progress, if any, for rendering. */
    pendingEnrolment: (s: FlowState) => enrol.pending(s.flow),

    /**
     * Proof-up: the user sent the enrolment's form. The method registers (the
     * new method then counts as a factor), moves to its next phase, or asks again.
     */
    async completeEnrolment(flowId: string, input: Input, t: Translate): Promise<FlowState> {
      const s = await load(flowId);
      if (s.next.kind !== 'proofup')
        throw new AppError('conflict', { detail: 'Choose a method to register first.' });
      const step = await enrol.complete(
        { ...s, allowedMethods: s.enrollableMethods },
        input,
        t,
        'proof-up',
      );
      if (step.ok === 'continue')
        return evaluate({ ...s, flow: { ...s.flow, pending_sealed: step.sealed } });
      // Microsoft: completing registration moves an Enabled user to Enforced (audited).
      const now = clock.now();
      if (await stores.users.transitionMfaState(s.user.id, 'Enabled', 'Enforced', now))
        await audit(
          ctx,
          ctx.db,
          { name: s.user.upn, ip: s.flow.client_ip },
          {
            action: 'mfa_state_set',
            target: { id: s.user.id, upn: s.user.upn },
            detail: { field: 'mfa_state', from: 'Enabled', to: 'Enforced', via: 'proof-up' },
          },
        );
      const mfaState = s.user.mfa_state === 'Enabled' ? 'Enforced' : s.user.mfa_state;
      return addFactor(
        {
          ...s,
          user: { ...s.user, mfa_state: mfaState },
          registrations: [...s.registrations, ...step.added],
        },
        step.proven,
        true,
      );
    },

    /** Second step: a code (or other proof) for one of the user's registered methods. */
    async verify(
      flowId: string,
      registrationId: string | undefined,
      input: Input,
      t: Translate,
    ): Promise<FlowState> {
      const s = await load(flowId);
      const { reg, method } = pick(s, registrationId);
      const result = await judgeProof<VerifyResult>(
        ctx,
        { user: s.user, flow: s.flow, methodId: method.id },
        () => method.verify(ctx.methodContext, s.methodUser, reg, input, attemptOf(s), t),
      );
      await stores.methods.touch(reg.id, clock.now());
      // "Don't ask again on this device": kept until the sign-in finishes.
      if (input.remember === 'on' && s.settings.rememberDevicesEnabled) {
        await stores.flows.update(s.flow.id, { remember_device: 1 });
        s.flow = { ...s.flow, remember_device: 1 };
      }
      const next = await addFactor(s, method);
      return result.notice ? { ...next, notice: result.notice } : next;
    },

    /**
     * Enrolment grace: an Enabled user without methods signs in now and
     * registers later, while the organisation's days last (counted from the
     * first time they postponed).
     */
    async postponeProofup(flowId: string): Promise<FlowState> {
      const s = await load(flowId);
      if (s.next.kind === 'proofup' && s.next.campaign)
        return snooze(s, s.next.campaign.snoozeDays);
      if (s.next.kind !== 'proofup' || !s.next.graceDaysLeft)
        throw new AppError('conflict', { detail: 'Registration cannot be postponed now.' });
      const now = clock.now();
      await ctx.db
        .updateTable('users')
        .set({ proofup_postponed_at: now })
        .where('id', '=', s.user.id)
        .where('proofup_postponed_at', 'is', null)
        .execute();
      await stores.flows.update(flowId, { proofup_postponed: 1, pending_sealed: null });
      return evaluate({
        ...s,
        user: { ...s.user, proofup_postponed_at: s.user.proofup_postponed_at ?? now },
        flow: { ...s.flow, proofup_postponed: 1, pending_sealed: null },
      });
    },

    /**
     * After an admin reset, or high risk: the user replaces the password (MFA
     * is already satisfied). The new password must differ from it; audited.
     */
    async changePassword(flowId: string, password: string, confirm: string): Promise<FlowState> {
      const s = await load(flowId);
      if (s.next.kind !== 'change_password')
        throw new AppError('conflict', { detail: 'No password change is needed now.' });
      if (password !== confirm)
        throw new AppError('invalid_request', {
          detail: 'The two passwords are not the same.',
          local: { key: 'password.mismatch' },
        });
      checkNewPassword(password);
      if (await ctx.hasher.verify(s.user.password_hash, password))
        throw s.user.risk_level === 'high'
          ? new AppError('invalid_request', {
              detail: 'Choose a password other than your current one.',
              local: { key: 'password.reuse' },
            })
          : new AppError('invalid_request', {
              detail: 'Choose a password other than the one-time password.',
              local: { key: 'password.same' },
            });
      const hash = await ctx.hasher.hash(password);
      const now = clock.now();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, must_change_password: 0, updated_at: now })
          .where('id', '=', s.user.id)
          .execute();
        // MFA is satisfied: a secure password change remediates a high risk.
        const remediated = await remediateRisk(trx, s.user.id, now);
        await audit(
          ctx,
          trx,
          { name: s.user.upn, ip: s.flow.client_ip },
          {
            action: 'password_changed',
            target: { id: s.user.id, upn: s.user.upn },
            detail: { after: remediated ? 'high risk' : 'admin reset' },
          },
        );
      });
      await notifyPasswordChange(ctx, s.user.id);
      return evaluate({ ...s, user: { ...s.user, password_hash: hash, must_change_password: 0 } });
    },

    /**
     * The one way from a sign-in flow into a session: refuses unless the policy
     * says nothing more is needed, and ends the flow exactly once.
     */
    async finish(state: FlowState): Promise<SignedIn> {
      const s = evaluate(state);
      const flowId = s.flow.id;
      if (s.next.kind !== 'done')
        throw new AppError('conflict', { detail: 'This sign-in is not complete.' });
      const now = clock.now();
      const second = s.factors.find((f) => f.factor !== 'knowledge');
      // Ending the flow, stamping the user and logging the success: all or nothing.
      const ended = await ctx.db.transaction().execute(async (trx) => {
        const tx = createStores(trx);
        if (!(await tx.flows.end(flowId, now))) return false;
        await tx.users.markSignedIn(s.user.id, now);
        await recordSignin(
          ctx,
          {
            upn: s.user.upn,
            userId: s.user.id,
            result: 'success',
            reason: outcome(s),
            method: second?.method ?? 'password',
            client: { ip: s.flow.client_ip, userAgent: s.flow.user_agent },
          },
          tx.signinLog,
        );
        return true;
      });
      if (!ended) throw new AppError('signin_expired');
      return {
        userId: s.user.id,
        authTime: now,
        returnTo: s.flow.return_to,
        provedUp: s.factors.some((f) => f.enrolled),
        rememberDevice: s.flow.remember_device === 1 && s.settings.rememberDevicesEnabled,
        ...(state.notice ? { notice: state.notice } : {}),
        ...assuranceOf(s.factors),
      };
    },

    /**
     * Makes sure the chosen registration has a challenge under way (sends the
     * code, places the call) — or a fresh one, with `resend`. Methods without
     * challenges (authenticator apps) need nothing.
     */
    async challenge(
      s: FlowState,
      registrationId: string | undefined,
      resend: boolean,
    ): Promise<void> {
      const { reg, method } = pick(s, registrationId);
      if (!method.challenge) return;
      try {
        await method.challenge(ctx.methodContext, s.methodUser, reg, attemptOf(s), resend);
      } catch (e) {
        await logDelivery(ctx, { user: s.user, flow: s.flow, methodId: method.id }, e);
        throw e;
      }
    },

    /** Abandons a flow (sign out, "sign in as someone else"). */
    async cancel(flowId: string): Promise<void> {
      await stores.flows.end(flowId, clock.now());
    },
  };
}

export type SigninFlows = ReturnType<typeof signinFlows>;
