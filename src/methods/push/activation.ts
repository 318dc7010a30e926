import { hmacSha256 } from '../../crypto/hash.ts';
import type { Random } from '../../crypto/random.ts';

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
