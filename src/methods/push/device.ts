// The Portcullis Authenticator's side: activation, its pending requests, its signed decisions.

import type { AppContext } from '../../context.ts';
import { randomToken } from '../../crypto/random.ts';
import type { AuthenticatorDevicesTable } from '../../db/schema.ts';
import { recordSignin } from '../../flows/signin-log.ts';
import { negotiate, translator, userLocale } from '../../i18n/index.ts';
import { placeOf } from '../../net/places.ts';
import { methodTypesForUser } from '../../services/methods-policy.ts';
import { reportSuspiciousActivity } from '../../services/risk.ts';
import { getServiceSettings } from '../../services/settings.ts';
import { TOTP_PERIOD_SECONDS } from '../totp/codes.ts';
import {
  activationTotpSecret,
  hashActivation,
  hashDeviceToken,
  normaliseActivation,
} from './activation.ts';
import { APP_OTP_ID, PUSH_ID } from './index.tsx';
import { checkSignature, readPublicKey, signedText, storedKey } from './signature.ts';
import { pushStore } from './store.ts';

export type Device = AuthenticatorDevicesTable;
export type Decision = 'approve' | 'deny' | 'fraud';
export type DecisionResult =
  | 'approved'
  | 'wrong_number'
  | 'denied'
  | 'fraud'
  | 'gone'
  | 'bad_signature';

/** Registers a device's public key with a one-time activation code; its token is shown once. */
export async function activateDevice(
  ctx: AppContext,
  code: unknown,
  publicKey: unknown,
): Promise<{
  deviceId: string;
  token: string;
  upn: string;
  /** The app's TOTP account (PhoneAppOTP), given once, here; absent where not allowed. */
  totp?: { secret: string; issuer: string; digits: number; period: number; algorithm: string };
} | null> {
  const normalised = normaliseActivation(code);
  const key = readPublicKey(publicKey);
  if (!normalised || !key) return null;
  const mc = ctx.methodContext;
  const token = randomToken(mc.random);
  const deviceId = crypto.randomUUID();
  const userId = await pushStore(ctx.db).activate(
    hashActivation(mc.hmacKey, normalised),
    { id: deviceId, publicKey: storedKey(key), tokenHash: hashDeviceToken(mc.hmacKey, token) },
    ctx.clock.now(),
  );
  if (!userId) return null;
  const user = await ctx.stores.users.findById(userId);
  const allowedMethods = user ? await methodTypesForUser(ctx, user.id, 'register') : [];
  const totp = allowedMethods.includes(APP_OTP_ID)
    ? {
        secret: activationTotpSecret(mc.hmacKey, normalised),
        issuer: await mc.issuer(),
        digits: 6,
        period: TOTP_PERIOD_SECONDS,
        algorithm: 'SHA-1',
      }
    : undefined;
  return { deviceId, token, upn: user?.upn ?? '', ...(totp ? { totp } : {}) };
}

/** The device a bearer token belongs to. */
export async function deviceFor(ctx: AppContext, token: string | undefined) {
  if (!token || token.length > 128) return undefined;
  return pushStore(ctx.db).deviceByToken(hashDeviceToken(ctx.methodContext.hmacKey, token));
}

/**
 * The device's pending requests, as the app shows them (never the number: the
 * user types it), with the approximate place of the client address if known
 * (the organisation's named locations; "Private network" in the user's language).
 */
export async function pendingRequests(ctx: AppContext, device: Device) {
  const store = pushStore(ctx.db);
  const now = ctx.clock.now();
  await store.seen(device.id, now);
  const user = await ctx.stores.users.findById(device.user_id);
  const { namedLocations } = await getServiceSettings(ctx);
  const privateNetwork = translator(user ? userLocale(user) : negotiate([]))(
    'place.privateNetwork',
  );
  const application = await ctx.methodContext.issuer();
  return (await store.pendingFor(device.id, now)).map((r) => ({
    id: r.id,
    upn: user?.upn ?? '',
    application,
    clientIp: r.client_ip,
    place: placeOf(r.client_ip, namedLocations, privateNetwork),
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
  }));
}

/**
 * A decision signed with the device key over the request, the number and the
 * decision. Each request is decided once (a conditional update) and before it
 * expires; a wrong number refuses it; "deny and report fraud" is a fraud alert.
 */
export async function decide(
  ctx: AppContext,
  device: Device,
  requestId: string,
  body: { decision?: unknown; number?: unknown; signature?: unknown },
): Promise<DecisionResult> {
  const { decision, number, signature } = body;
  if (
    (decision !== 'approve' && decision !== 'deny' && decision !== 'fraud') ||
    typeof number !== 'string' ||
    number.length > 8 ||
    typeof signature !== 'string'
  )
    return 'bad_signature';
  const store = pushStore(ctx.db);
  const request = await store.find(requestId);
  if (!request || request.device_id !== device.id) return 'gone';
  if (!checkSignature(device.public_key, signedText(requestId, number, decision), signature))
    return 'bad_signature';
  const now = ctx.clock.now();
  const to =
    decision === 'approve'
      ? number === request.number
        ? 'approved'
        : 'wrong_number'
      : decision === 'deny'
        ? 'denied'
        : 'fraud';
  const won = await store.move(requestId, 'pending', to, now);
  if (!won) return 'gone';
  const user = await ctx.stores.users.findById(request.user_id);
  await recordSignin(ctx, {
    upn: user?.upn ?? '',
    userId: request.user_id,
    result: to === 'approved' ? 'interrupted' : 'failure',
    reason: `authenticator request ${requestId}: ${to.replace('_', ' ')} on the device`,
    method: PUSH_ID,
    client: { ip: request.client_ip, userAgent: null },
  });
  // The fraud service takes the channel for its log line; 'app' is this one.
  if (to === 'fraud') await reportSuspiciousActivity(ctx, request.user_id, 'app');
  return to;
}
