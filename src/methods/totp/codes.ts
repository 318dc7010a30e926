import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30 s. */
export const TOTP_PERIOD_SECONDS = 30;
const WINDOW = 1; // accept the step before and after, for clock drift

export const newSecret = (bytes: Uint8Array) =>
  new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32;

export const totpFor = (secretBase32: string, label = '', issuer = '') =>
  new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });

/** Normalises what a person typed ("123 456" → "123456"); null if it cannot be a code. */
export function normaliseCode(input: string | undefined): string | null {
  const code = (input ?? '').replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** The absolute time step a code matches at `now`, or null. */
export function matchingStep(secretBase32: string, code: string, now: number): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
