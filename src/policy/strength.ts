// Authentication strengths (Microsoft Entra's built-in three): what an
// application can require of a sign-in, judged from what the sign-in did (its
// amr), never from what was stored about it. Each is stronger than the one
// before: a phishing-resistant sign-in is passwordless and multi-factor too.
import { AppError } from '../errors.ts';
import { ACR_MULTI_FACTOR, ACR_SINGLE_FACTOR } from './assurance.ts';

export const STRENGTHS = ['mfa', 'passwordless', 'phishing-resistant'] as const;
export type Strength = (typeof STRENGTHS)[number];
/** What an application requires: a strength, or nothing beyond the user's own MFA state. */
export type AppStrength = Strength | 'none';
export const APP_STRENGTHS: readonly AppStrength[] = ['none', ...STRENGTHS];

export const ACR_PASSWORDLESS = 'urn:portcullis:acr:passwordless';
export const ACR_PHISHING_RESISTANT = 'urn:portcullis:acr:phishing-resistant';

/** The acr value naming each strength (and single-factor, the weakest class). */
export const ACR_OF: Record<Strength, string> = {
  mfa: ACR_MULTI_FACTOR,
  passwordless: ACR_PASSWORDLESS,
  'phishing-resistant': ACR_PHISHING_RESISTANT,
};
/** Every acr value Portcullis can answer, weakest first. */
export const ACR_VALUES = [ACR_SINGLE_FACTOR, ...STRENGTHS.map((s) => ACR_OF[s])];

/**
 * Whether a sign-in with these amr values meets a strength:
 * - `mfa`: two kinds of factor (RFC 8176 "mfa");
 * - `phishing-resistant`: that, with a passkey ("hwk"): bound to this site's
 *   origin, so a look-alike site cannot relay it;
 * - `passwordless`: phishing-resistant, or the Authenticator's notification
 *   (with number matching, "pop") standing in for the password ("pwd" absent).
 */
export function meets(amr: readonly string[], strength: Strength): boolean {
  if (!amr.includes('mfa')) return false;
  const phishingResistant = amr.includes('hwk');
  if (strength === 'phishing-resistant') return phishingResistant;
  if (strength === 'passwordless')
    return phishingResistant || (amr.includes('pop') && !amr.includes('pwd'));
  return true;
}

/** The strongest strength these amr values meet, or null (single-factor). */
export function strongestMet(amr: readonly string[]): Strength | null {
  return [...STRENGTHS].reverse().find((s) => meets(amr, s)) ?? null;
}

/** The stronger of two requirements. */
export function stronger(a: AppStrength, b: AppStrength): AppStrength {
  return APP_STRENGTHS.indexOf(a) >= APP_STRENGTHS.indexOf(b) ? a : b;
}

/**
 * The methods (by id) whose use, with the password, meets a strength beyond
 * `mfa`: a passkey. (The Authenticator meets `passwordless` only without a
 * password, which a second step after one cannot be.)
 */
export function methodsMeeting(strength: AppStrength): readonly string[] | null {
  return strength === 'passwordless' || strength === 'phishing-resistant' ? ['Passkey'] : null;
}

export const isAppStrength = (v: unknown): v is AppStrength =>
  typeof v === 'string' && (APP_STRENGTHS as readonly string[]).includes(v);

/** The application strength `value` names (trimmed, any case), or an error naming the choices. */
export function parseAppStrength(value: string): AppStrength {
  const s = value.trim().toLowerCase();
  if (isAppStrength(s)) return s;
  throw new AppError('invalid_request', {
    detail: `An application's strength is one of ${APP_STRENGTHS.join(', ')}, not "${value.slice(0, 30)}".`,
  });
}
