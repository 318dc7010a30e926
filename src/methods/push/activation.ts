import { createHmac } from 'node:crypto';
import { hmacSha256 } from '../../crypto/hash.ts';
import type { Random } from '../../crypto/random.ts';
import { newSecret } from '../totp/codes.ts';

/** An activation code lives this long and is claimed by one device. */
export const ACTIVATION_MS = 10 * 60_000;
const DIGITS = 12; // ~40 bits, single use, ten minutes

/** `1234 5678 9012`: typed on the device when the QR code cannot be scanned. */
export function newActivationCode(random: Random): string {
  let code = '';
  for (let i = 0; i < DIGITS; i++) code += String(random.int(10));
  return code.match(/.{4}/g)!.join(' ');
}

/** Digits only, or null if it cannot be a code. */
export function normaliseActivation(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${DIGITS}}$`).test(code) ? code : null;
}

export const hashActivation = (key: Buffer, normalised: string) =>
  hmacSha256(key, `authenticator-activation:${normalised}`);

export const hashDeviceToken = (key: Buffer, token: string) =>
  hmacSha256(key, `authenticator-device:${token}`);

/** What the QR code holds: the app's address with the code in the fragment (never sent to a server log). */
export const activationUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/$/, '')}/authenticator#activate=${code.replace(/\s/g, '')}`;

/**
 * The TOTP secret (base32, 160 bits) of the PhoneAppOTP account an activation
 * adds to the app: a keyed derivation of the one-time code, so the device API
 * (which gives it to the device once, in the activation response) and the
 * enrolment (which registers it) agree without storing it anywhere else. Fresh
 * for every activation; only the one device that claims the code receives it.
 */
export const activationTotpSecret = (key: Buffer, normalised: string) =>
  newSecret(
    createHmac('sha256', key).update(`authenticator-totp:${normalised}`).digest().subarray(0, 20),
  );
