import type { MfaState } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { isCommonPassword } from './common-passwords.ts';

// A UPN is name@domain, as in Entra ID: at most 113 characters in all, 64 before the @.
const UPN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const isUpn = (s: string) => s.length <= 113 && UPN.test(s) && !s.includes('..');

export function parseUpn(s: string): string {
  const upn = s.trim();
  if (!isUpn(upn))
    throw new AppError('invalid_upn', {
      detail: `"${upn.slice(0, 120)}" is not a valid user name: it must look like name@domain.`,
    });
  return upn;
}

export const mfaStates: readonly MfaState[] = ['Disabled', 'Enabled', 'Enforced'];

export function parseMfaState(s: string): MfaState {
  const found = mfaStates.find((m) => m.toLowerCase() === s.trim().toLowerCase());
  if (!found)
    throw new AppError('invalid_mfa_state', {
      detail: `"${s.slice(0, 40)}" is not an MFA state: use Disabled, Enabled or Enforced.`,
    });
  return found;
}

/** BCP 47 language tag, e.g. "en", "en-GB", "nl-BE". */
/** A language tag such as en or en-GB; '' (none chosen: the browser's is used) stays ''. */
export function parseLanguage(s: string): string {
  const t = s.trim();
  if (t === '') return '';
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(t)) {
    throw new AppError('invalid_request', {
      detail: `"${t.slice(0, 40)}" is not a language code such as en or en-GB.`,
    });
  }
  return t;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/**
 * The rules for every new password (creation, admin reset, forced and own
 * change), after NIST SP 800-63B §5.1.1.2: a length of 8 to 256 and not on the
 * list of common or breached passwords — no composition rules, which only make
 * passwords harder to remember without making them harder to guess.
 */
export function checkNewPassword(p: string): string {
  if (p.length < PASSWORD_MIN || p.length > PASSWORD_MAX) {
    throw new AppError('weak_password', {
      local: { key: 'password.length', values: { min: PASSWORD_MIN, max: PASSWORD_MAX } },
    });
  }
  if (isCommonPassword(p)) {
    throw new AppError('weak_password', {
      detail: 'This password is too common: it is on a list of passwords that attackers try first.',
      local: { key: 'password.common' },
    });
  }
  return p;
}

/**
 * Removes control characters (NUL and friends) from text bound for storage or
 * the log: PostgreSQL refuses NUL in text, and none belongs in a name anyway.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
export const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, '');

/** A display name (of a user or a group): 1 to 256 characters, no control characters. */
export function parseDisplayName(s: string, what = 'A display name'): string {
  const name = s.trim();
  if (!name || name.length > 256 || printable(name) !== name)
    throw new AppError('invalid_request', {
      detail: `${what} has 1 to 256 characters and no control characters.`,
    });
  return name;
}
