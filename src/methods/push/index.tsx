// PhoneAppNotification: approve a sign-in in the Portcullis Authenticator, typing the number shown.
import QRCode from 'qrcode';
import { AppError } from '../../errors.ts';
import { methodsStore } from '../../storage/methods.ts';
import { signinLogStore } from '../../storage/signin-log.ts';
import { methodInfo } from '../catalogue.ts';
import type { Attempt, AuthMethod, MethodContext, MethodUser, Registration } from '../types.ts';
import {
  ACTIVATION_MS,
  activationTotpSecret,
  activationUrl,
  hashActivation,
  newActivationCode,
  normaliseActivation,
} from './activation.ts';
import { notifyDevice } from './push-delivery.ts';
import { pushStore } from './store.ts';
import { AgainView, EnrolView, WaitView } from './views.tsx';

export const PUSH_ID = 'PhoneAppNotification';
/** The TOTP account the same activation adds to the app (codes while the phone is offline). */
export const APP_OTP_ID = 'PhoneAppOTP';
/** How long a request waits for an answer on the device. */
export const REQUEST_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Answered or unanswered requests are kept this long (at least the MFA fatigue window). */
const REQUEST_KEPT_MS = 24 * HOUR_MS;

interface EnrolState {
  /** The activation code, as shown (kept sealed in the flow). */
  code: string;
}

const deviceOf = (reg: Registration) => String(reg.details.deviceId ?? '');
const pollOf = (action: string, query: string) =>
  action.startsWith('/signin/') ? `/signin/step?poll=1${query}` : null;

/** Writes a request's life to the sign-in log (the flow logs the verification itself). */
async function log(ctx: MethodContext, user: MethodUser, attempt: Attempt, reason: string) {
  await signinLogStore(ctx.db).record({
    id: crypto.randomUUID(),
    at: ctx.clock.now(),
    upn: user.upn.toLowerCase(),
    user_id: user.id,
    result: 'interrupted',
    reason,
    method: PUSH_ID,
    client_ip: attempt.clientIp,
    user_agent: null,
    application: null,
    front: attempt.front ?? 'browser',
  });
}

/**
 * The sign-in page's way to the app's codes: the PhoneAppOTP registration the
 * same activation added (same device), where the organisation allows it.
 */
async function codeHrefOf(
  ctx: MethodContext,
  user: MethodUser,
  reg: Registration,
  action: string,
  attempt: Attempt,
): Promise<string | null> {
  if (!action.startsWith('/signin/') || !attempt.allowedMethods.includes(APP_OTP_ID)) return null;
  const rows = await methodsStore(ctx.db).listForUser(user.id);
  const companion = rows.find(
    (r) =>
      r.method_type === APP_OTP_ID &&
      (JSON.parse(r.details) as Record<string, unknown>).deviceId === deviceOf(reg),
  );
  return companion ? `/signin/step?method=${encodeURIComponent(companion.id)}` : null;
}

export const pushMethod = {
  ...methodInfo(PUSH_ID),

  enrol: {
    async begin(ctx, user) {
      const code = newActivationCode(ctx.random);
      const now = ctx.clock.now();
      const hash = hashActivation(ctx.hmacKey, normaliseActivation(code)!);
      await pushStore(ctx.db).addActivation(hash, user.id, now, now + ACTIVATION_MS);
      return { code };
    },
    async render(ctx, _user, state, form) {
      const url = activationUrl(ctx.config.publicUrl, state.code);
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return EnrolView({ svg, url, code: state.code, form, pollHref: pollOf(form.action, '') });
    },
    async complete(ctx, user, state, _input, _attempt, t) {
      const hash = hashActivation(ctx.hmacKey, normaliseActivation(state.code)!);
      const activation = await pushStore(ctx.db).activation(hash);
      if (!activation || activation.user_id !== user.id)
        return { ok: 'retry', message: t('push.activationExpired') };
      if (activation.device_id) {
        const deviceId = activation.device_id;
        const secret = activationTotpSecret(ctx.hmacKey, normaliseActivation(state.code)!);
        return {
          ok: true,
          secret: null,
          details: { deviceId },
          companions: [{ methodType: APP_OTP_ID, secret, details: { deviceId } }],
        };
      }
      if (activation.expires_at <= ctx.clock.now())
        return { ok: 'retry', message: t('push.activationExpired') };
      return { ok: 'waiting', message: t('push.waitingDevice') };
    },
  },

  /**
   * Sends a request to the device unless this attempt has one already (a new
   * one only when asked). Refused while another live sign-in of the user
   * waits, and paused after too many unwanted requests in the organisation's
   * window (MFA fatigue, from the service settings).
   */
  async challenge(ctx, user, reg, attempt, resend) {
    const store = pushStore(ctx.db);
    const now = ctx.clock.now();
    const deviceId = deviceOf(reg);
    await store.expire(user.id, now);
    if (!resend && (await store.latest(attempt.flowId, deviceId))) return;
    const { pushFatigueLimit, pushFatigueMinutes } = await ctx.limits();
    if (
      (await store.unwantedSince(user.id, now - pushFatigueMinutes * 60_000)) >= pushFatigueLimit
    ) {
      await log(ctx, user, attempt, 'authenticator notifications paused (MFA fatigue)');
      throw new AppError('too_many_attempts', { local: { key: 'push.paused' } });
    }
    await store.supersede(attempt.flowId, now);
    await store.supersedeEnded(user.id, now);
    const id = crypto.randomUUID();
    const inserted = await store.insert({
      id,
      flow_id: attempt.flowId,
      user_id: user.id,
      device_id: deviceId,
      number: String(10 + ctx.random.int(90)),
      status: 'pending',
      client_ip: attempt.clientIp,
      created_at: now,
      expires_at: now + REQUEST_MS,
      resolved_at: null,
    });
    if (!inserted) throw new AppError('too_many_attempts', { local: { key: 'push.busy' } });
    // Web Push (issue 8): wakes the closed app; not awaited, never fails the sign-in.
    void notifyDevice(ctx, deviceId, id);
    await log(ctx, user, attempt, `authenticator request ${id} sent`);
  },

  /**
   * Forgets requests a day old (never any the fatigue window still counts),
   * activation codes an hour expired, and devices no registration names any
   * more. A device is kept while its activation code is (so never within the
   * code's lifetime): the enrolment that made it registers it only when the
   * user continues, within the sign-in flow's life (at most an hour,
   * PORTCULLIS_SIGNIN_FLOW_MINUTES), and an expired code is kept an hour longer.
   */
  async sweep(ctx) {
    const store = pushStore(ctx.db);
    const now = ctx.clock.now();
    const { pushFatigueMinutes } = await ctx.limits();
    await store.deleteRequests(now - Math.max(REQUEST_KEPT_MS, pushFatigueMinutes * 60_000));
    await store.deleteActivations(now - HOUR_MS);
    const used = await store.registeredDevices([PUSH_ID, APP_OTP_ID]);
    await store.deleteDevices((await store.deviceIds()).filter((id) => !used.has(id)));
  },

  /**
   * Over RADIUS the number to pick is shown in the Access-Challenge; the reply
   * to it waits for the decision (number matching needs the number shown
   * somewhere, and a waiting Access-Request shows nothing).
   */
  remote: {
    proof: 'approval',
    async prompt(ctx, _user, reg, attempt, t) {
      const latest = await pushStore(ctx.db).latest(attempt.flowId, deviceOf(reg));
      return t('radius.push', { number: latest?.number ?? '' });
    },
  },

  async renderVerify(ctx, user, reg, form, attempt) {
    const latest = await pushStore(ctx.db).latest(attempt.flowId, deviceOf(reg));
    const query = `&method=${encodeURIComponent(reg.id)}`;
    const codeHref = await codeHrefOf(ctx, user, reg, form.action, attempt);
    if (latest?.status === 'pending' && latest.expires_at > ctx.clock.now())
      return WaitView({
        number: latest.number,
        form,
        pollHref: pollOf(form.action, query),
        codeHref,
      });
    const resendAction = form.action.startsWith('/signin/')
      ? `/signin/resend?method=${encodeURIComponent(reg.id)}`
      : form.action;
    return AgainView({ form, resendAction, codeHref });
  },

  async verify(ctx, user, reg, _input, attempt, t) {
    const store = pushStore(ctx.db);
    const now = ctx.clock.now();
    const latest = await store.latest(attempt.flowId, deviceOf(reg));
    if (!latest) return { ok: 'retry', message: t('push.notWaiting') };
    switch (latest.status) {
      case 'approved':
        // Used once: of two racing checks, one signs in; the other is the same attempt.
        return (await store.move(latest.id, 'approved', 'consumed', now))
          ? { ok: true }
          : { ok: 'waiting' };
      case 'consumed':
        return { ok: 'waiting' };
      case 'pending':
        if (latest.expires_at > now) return { ok: 'waiting', message: t('push.waiting') };
        await store.expire(user.id, now);
        return { ok: 'retry', message: t('push.noAnswer') };
      case 'wrong_number':
        // A wrong number counts once against the attempt, as a wrong code.
        return (await store.move(latest.id, 'wrong_number', 'refused', now))
          ? { ok: false, reason: 'invalid', message: t('push.wrongNumber') }
          : { ok: 'retry', message: t('push.wrongNumber') };
      case 'refused':
        return { ok: 'retry', message: t('push.wrongNumber') };
      case 'denied':
      case 'fraud':
        return { ok: 'retry', message: t('push.denied') };
      default:
        return { ok: 'retry', message: t('push.notWaiting') };
    }
  },
} satisfies AuthMethod<EnrolState>;
