import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Translate } from '../i18n/index.ts';
import { findMethod, methods } from '../methods/index.ts';
import type {
  Attempt,
  AuthMethod,
  Failure,
  Input,
  MethodUser,
  Pending as PendingResult,
  Registration,
} from '../methods/types.ts';
import { ipRanges } from '../net/cidr.ts';
import { type Assurance, assuranceOf } from '../policy/assurance.ts';
import { type CompletedFactor, type NextStep, nextStep } from '../policy/mfa.ts';
import { audit } from '../services/audit.ts';
import { addRegistration, companionOf, loadRegistrations } from '../services/registrations.ts';
import { isRememberedDevice, REMEMBERED_DEVICE } from '../services/remembered-devices.ts';
import { getServiceSettings, type ServiceSettings } from '../services/settings.ts';
import { checkNewPassword, printable } from '../services/validation.ts';
import type { FlowRow } from '../storage/flows.ts';
import { createStores } from '../storage/index.ts';
import type { UserRow } from '../storage/users.ts';
import { recordSignin } from './signin-log.ts';
import { throttle } from './throttle.ts';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  application?: string | null;
  /** The remember-this-device cookie the browser sent, if any. */
  deviceToken?: string | null;
}

/** Everything known about a sign-in in progress, and what it needs next. */
export interface FlowState {
  flow: FlowRow;
  user: UserRow;
  methodUser: MethodUser;
  factors: CompletedFactor[];
  registrations: Registration[];
  /** MethodTypes the organisation allows (service settings). */
  allowedMethods: string[];
  settings: ServiceSettings;
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

interface PendingEnrolment {
  methodId: string;
  state: unknown;
}

const passwordFactor = (at: number): CompletedFactor => ({
  method: 'password',
  factor: 'knowledge',
  amr: ['pwd'],
  at,
});

const pendingAad = (flowId: string) => `signin_flows:${flowId}:pending`;
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

  const limits = throttle(ctx);

  const toMethodUser = (u: UserRow): MethodUser => ({
    id: u.id,
    upn: u.upn,
    displayName: u.display_name,
    preferredLanguage: u.preferred_language,
  });

  /** Decides what the flow needs next from what is known (pure: no queries). */
  function evaluate(s: Omit<FlowState, 'next'>): FlowState {
    const usable = (m: AuthMethod<unknown>) => s.allowedMethods.includes(m.id);
    const next = nextStep({
      mfaState: s.user.mfa_state,
      registered: s.registrations.map((r) => r.methodType).filter((id) => findMethod(id)),
      allowed: methods.filter(usable).map((m) => m.id),
      enrollable: methods
        .filter((m) => usable(m) && m.enrol && m.standalone !== false)
        .map((m) => m.id),
      factors: s.factors,
      applicationRequiresMfa: s.flow.require_mfa === 1,
      trustedNetwork: ipRanges(s.settings.trustedIps)(s.flow.client_ip),
      grace: {
        days: s.settings.proofupGraceDays,
        since: s.user.proofup_postponed_at,
        now: clock.now(),
        postponed: s.flow.proofup_postponed === 1,
      },
      mustChangePassword: s.user.must_change_password === 1,
    });
    return { ...s, next };
  }

  /** What the organisation's settings and the user's registrations add to a flow. */
  async function surroundings(userId: string) {
    const settings = await getServiceSettings(ctx);
    return {
      settings,
      allowedMethods: settings.allowedMethods,
      registrations: await loadRegistrations(ctx, userId),
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

  const log = (
    s: Pick<FlowState, 'user' | 'flow'>,
    result: 'success' | 'failure' | 'interrupted',
    reason: string,
    method: string | null,
  ) =>
    recordSignin(ctx, {
      upn: s.user.upn,
      userId: s.user.id,
      result,
      reason,
      method,
      client: { ip: s.flow.client_ip, userAgent: s.flow.user_agent },
    });

  /** A wrong code: counted against the attempt and the user; the attempt ends at the limit. */
  async function codeFailed(s: FlowState, methodId: string, result: Failure): Promise<never> {
    const reasons = {
      invalid: 'wrong code',
      replayed: 'code already used',
      malformed: 'malformed code',
      expired: 'code expired or no longer valid',
    };
    await limits.fail(`code:${s.user.id}`);
    const failures = await stores.flows.addFailure(s.flow.id);
    await log(s, 'failure', result.detail ?? reasons[result.reason], methodId);
    if (failures >= config.maxCodeAttempts) {
      await stores.flows.end(s.flow.id, clock.now());
      await log(s, 'failure', `sign-in attempt ended after ${failures} wrong codes`, methodId);
      throw new AppError('signin_expired', {
        detail: 'Too many wrong codes. Please sign in again.',
        local: { key: 'error.attempt_ended' },
      });
    }
    throw new AppError('invalid_code');
  }

  /** Not a wrong proof: waiting for a call, or something the user can correct. Nothing is counted. */
  function notYet(result: PendingResult): never {
    if (result.ok === 'waiting')
      throw new AppError('waiting', { ...(result.message ? { detail: result.message } : {}) });
    throw new AppError('invalid_request', { detail: result.message });
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
      : (candidates.find((r) => r.isDefault) ?? candidates[0]);
    const method = reg && findMethod(reg.methodType);
    if (!reg || !method)
      throw new AppError('invalid_request', { detail: 'Choose one of your verification methods.' });
    return { reg, method };
  }

  /** Delivery problems (provider down, sending limits) go to the sign-in log, then to the user. */
  async function logged<T>(s: FlowState, methodId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (
        e instanceof AppError &&
        (e.code === 'delivery_failed' || e.code === 'too_many_attempts')
      ) {
        await log(
          s,
          'failure',
          e.code === 'delivery_failed'
            ? `delivery failed: ${e.cause instanceof Error ? e.cause.message.slice(0, 200) : 'the telephony provider did not accept the message or call'}`
            : 'sending limit reached',
          methodId,
        );
      }
      throw e;
    }
  }

  /** Refuses while wrong codes are throttled; returns whether failures are on record. */
  async function guardCodes(s: FlowState, methodId: string): Promise<boolean> {
    const { wait, counted } = await limits.check(`code:${s.user.id}`);
    if (wait > 0) {
      await log(s, 'failure', 'throttled: too many wrong codes', methodId);
      throw new AppError('too_many_attempts', {
        retryAfter: wait,
        detail: `Too many wrong codes. Try again in ${wait} seconds.`,
        local: { key: 'error.too_many_codes', values: { seconds: wait } },
      });
    }
    return counted;
  }

  /** Why a finished sign-in needed no more, for the sign-in log. */
  function outcome(s: FlowState): string {
    const second = s.factors.find((f) => f.factor !== 'knowledge');
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
    opts: { stepUp: boolean; requireMfa?: boolean },
  ): Promise<FlowState> {
    const now = clock.now();
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
    const flow: FlowRow = {
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
      require_mfa: opts.requireMfa ? 1 : 0,
      step_up: opts.stepUp ? 1 : 0,
      remember_device: 0,
      proofup_postponed: 0,
    };
    await stores.flows.insert(flow);
    return evaluate({ flow, user, methodUser: toMethodUser(user), factors, ...around });
  }

  return {
    load,

    /** First step: the password. Any failure gives one generic error; the log gets the reason. */
    async start(
      upnInput: string,
      password: string,
      client: ClientInfo,
      returnTo: string | null = null,
    ): Promise<FlowState> {
      const upn = printable(upnInput.trim()).slice(0, MAX_UPN_INPUT);
      const key = `password:${upn.toLowerCase()}`;
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
      const { wait, counted } = await limits.check(key);
      if (wait > 0) {
        await fail('throttled: too many wrong passwords', null);
        throw new AppError('too_many_attempts', {
          retryAfter: wait,
          detail: `Too many failed sign-ins. Try again in ${wait} seconds.`,
          local: { key: 'error.too_many_passwords', values: { seconds: wait } },
        });
      }
      const user = upn ? await stores.users.findByUpn(upn) : undefined;
      const tooLong = password.length > MAX_PASSWORD_INPUT;
      const ok =
        user && !tooLong
          ? await ctx.hasher.verify(user.password_hash, password)
          : await ctx.hasher.verifyDummy(tooLong ? '' : password);
      if (!user || !ok) {
        await limits.fail(key);
        await fail(user ? 'wrong password' : 'unknown user', user?.id ?? null);
        throw new AppError('invalid_credentials');
      }
      if (user.blocked) {
        await fail('sign-in blocked by an administrator', user.id);
        throw new AppError('invalid_credentials');
      }
      if (counted) await limits.clear(key);
      return create(user, [passwordFactor(clock.now())], client, returnTo, { stepUp: false });
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
      const settings = await getServiceSettings(ctx);
      const method = findMethod(methodId);
      if (
        !settings.passwordlessSignin ||
        !method?.passwordless ||
        !settings.allowedMethods.includes(method.id)
      )
        throw new AppError('invalid_request', {
          detail: 'Sign-in without a password is not available: use your password.',
        });
      // Wrong proofs are counted per client address (no user is named before the proof).
      const key = `passwordless:${client.ip ?? 'unknown'}`;
      const { wait, counted } = await limits.check(key);
      const fail = (reason: string, user?: UserRow) =>
        recordSignin(ctx, {
          upn: user?.upn ?? '',
          userId: user?.id ?? null,
          result: 'failure',
          reason,
          method: method.id,
          client,
        });
      if (wait > 0) {
        await fail('throttled: too many failed passwordless sign-ins');
        throw new AppError('too_many_attempts', {
          retryAfter: wait,
          detail: `Too many failed sign-ins. Try again in ${wait} seconds.`,
          local: { key: 'error.too_many_passwords', values: { seconds: wait } },
        });
      }
      const result = await method.passwordless.identify(ctx.methodContext, input, {
        ip: client.ip,
      });
      const user = result.ok ? await stores.users.findById(result.userId) : undefined;
      if (!result.ok || !user) {
        await limits.fail(key);
        await fail(
          `passwordless: ${result.ok ? 'unknown user' : (result.detail ?? result.reason)}`,
        );
        throw new AppError('invalid_credentials');
      }
      if (user.blocked) {
        await fail('sign-in blocked by an administrator', user);
        throw new AppError('invalid_credentials');
      }
      if (counted) await limits.clear(key);
      const now = clock.now();
      await stores.methods.touch(result.registrationId, now);
      const factors = result.factors.map((f) => ({ method: method.id, ...f, at: now }));
      return create(user, factors, client, returnTo, { stepUp: false });
    },

    /**
     * Step-up: a signed-in session whose sign-in did not satisfy what an
     * application requires (MFA) continues from its password, which is not
     * asked again; the policy decides the rest, as for any sign-in.
     */
    async stepUp(
      session: { userId: string; authTime: number },
      client: ClientInfo,
      returnTo: string | null,
    ): Promise<FlowState> {
      const user = await stores.users.findById(session.userId);
      if (!user || user.blocked) throw new AppError('signin_expired');
      return create(user, [passwordFactor(session.authTime)], client, returnTo, {
        stepUp: true,
        requireMfa: true,
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
      const state = await method.enrol.begin(ctx.methodContext, s.methodUser, attemptOf(s));
      const pending: PendingEnrolment = { methodId, state };
      const sealed = ctx.box.seal(JSON.stringify(pending), pendingAad(flowId));
      await stores.flows.update(flowId, { pending_sealed: sealed });
      return evaluate({ ...s, flow: { ...s.flow, pending_sealed: sealed } });
    },

    /** The enrolment in progress, if any, for rendering. */
    pendingEnrolment(s: FlowState): { method: AuthMethod<unknown>; state: unknown } | null {
      if (!s.flow.pending_sealed) return null;
      const pending = JSON.parse(
        ctx.box.open(s.flow.pending_sealed, pendingAad(s.flow.id)),
      ) as PendingEnrolment;
      const method = findMethod(pending.methodId);
      return method?.enrol ? { method, state: pending.state } : null;
    },

    /**
     * Proof-up: the user sent the enrolment's form. The method registers (the
     * new method then counts as a factor), moves to its next phase, or asks again.
     */
    async completeEnrolment(flowId: string, input: Input, t: Translate): Promise<FlowState> {
      const s = await load(flowId);
      const pending = s.next.kind === 'proofup' ? this.pendingEnrolment(s) : null;
      if (!pending?.method.enrol)
        throw new AppError('conflict', { detail: 'Choose a method to register first.' });
      const { method } = pending;
      const counted = await guardCodes(s, method.id);
      const result = await logged(s, method.id, () =>
        method.enrol!.complete(
          ctx.methodContext,
          s.methodUser,
          pending.state,
          input,
          attemptOf(s),
          t,
        ),
      );
      if (result.ok === 'continue') {
        const next: PendingEnrolment = { methodId: method.id, state: result.state };
        const sealed = ctx.box.seal(JSON.stringify(next), pendingAad(flowId));
        await stores.flows.update(flowId, { pending_sealed: sealed });
        return evaluate({ ...s, flow: { ...s.flow, pending_sealed: sealed } });
      }
      if (result.ok === 'waiting' || result.ok === 'retry') return notYet(result);
      if (!result.ok) return codeFailed(s, method.id, result);
      // The method that was proven: the enrolling one, or the channel the user chose instead.
      const proven =
        (result.registerAs &&
          s.allowedMethods.includes(result.registerAs) &&
          findMethod(result.registerAs)) ||
        method;
      const reg = await addRegistration(ctx, s.user.id, proven.id, result);
      // Companion methods the same proof covers, where the organisation allows them.
      const companions: Registration[] = [];
      for (const c of result.companions ?? []) {
        const companion = companionOf(result, c);
        const id = companion.methodType;
        const registered = s.registrations.some(
          (r) => r.methodType === id && r.secret === companion.secret,
        );
        if (s.allowedMethods.includes(id) && findMethod(id) && !registered) {
          companions.push(await addRegistration(ctx, s.user.id, id, { ok: true, ...companion }));
        }
      }
      // Microsoft: completing registration moves an Enabled user to Enforced.
      await stores.users.transitionMfaState(s.user.id, 'Enabled', 'Enforced', clock.now());
      if (counted) await limits.clear(`code:${s.user.id}`);
      const mfaState = s.user.mfa_state === 'Enabled' ? 'Enforced' : s.user.mfa_state;
      return addFactor(
        {
          ...s,
          user: { ...s.user, mfa_state: mfaState },
          registrations: [...s.registrations, reg, ...companions],
        },
        proven,
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
      const counted = await guardCodes(s, method.id);
      const result = await method.verify(
        ctx.methodContext,
        s.methodUser,
        reg,
        input,
        attemptOf(s),
        t,
      );
      if (result.ok === 'waiting' || result.ok === 'retry') return notYet(result);
      if (!result.ok) return codeFailed(s, method.id, result);
      await stores.methods.touch(reg.id, clock.now());
      if (counted) await limits.clear(`code:${s.user.id}`);
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
     * After an admin reset: the user replaces the one-time password (MFA is
     * already satisfied). The new password must differ from it; audited.
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
        throw new AppError('invalid_request', {
          detail: 'Choose a password other than the one-time password.',
          local: { key: 'password.same' },
        });
      const hash = await ctx.hasher.hash(password);
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, must_change_password: 0, updated_at: clock.now() })
          .where('id', '=', s.user.id)
          .execute();
        await audit(
          ctx,
          trx,
          { name: s.user.upn, ip: s.flow.client_ip },
          {
            action: 'password_changed',
            target: { id: s.user.id, upn: s.user.upn },
            detail: { after: 'admin reset' },
          },
        );
      });
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
      await logged(s, method.id, () =>
        method.challenge!(ctx.methodContext, s.methodUser, reg, attemptOf(s), resend),
      );
    },

    /** Abandons a flow (sign out, "sign in as someone else"). */
    async cancel(flowId: string): Promise<void> {
      await stores.flows.end(flowId, clock.now());
    },
  };
}

export type SigninFlows = ReturnType<typeof signinFlows>;
