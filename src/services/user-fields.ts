// The parts of a user beyond name, role and MFA: email address, mobile number,
// a provisioning system's id and the attributes kept for it. One parser for
// every way in (API, portal, CSV import, SCIM), one mapping to columns.
import type { SecretBox } from '../crypto/secret-box.ts';
import { sealMobile } from '../directory/mobile.ts';
import { AppError } from '../errors.ts';
import type { UserRow } from '../storage/users.ts';
import { printable } from './validation.ts';

export interface ProfileFields {
  /** null clears it. */
  email?: string | null;
  mobile?: string | null;
  externalId?: string | null;
  /** Attributes kept for a provisioning system (SCIM name, title, enterprise extension). */
  profile?: Record<string, unknown>;
}

// An address as mail servers take it: something@domain.tld, no spaces, at most 254 characters (RFC 5321 §4.5.3.1).
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

export function parseEmail(s: string): string {
  const email = s.trim();
  if (email.length > 254 || !EMAIL.test(email) || printable(email) !== email)
    throw new AppError('invalid_request', {
      detail: `"${printable(email).slice(0, 80)}" is not an email address.`,
    });
  return email;
}

/** A phone number as people write it: digits, spaces, + ( ) . - ; 4 to 20 digits. */
export function parseMobile(s: string): string {
  const mobile = s.trim();
  const digits = mobile.replace(/\D/g, '').length;
  if (!/^\+?[0-9 ().-]+$/.test(mobile) || digits < 4 || digits > 20)
    throw new AppError('invalid_request', {
      detail: `"${printable(mobile).slice(0, 40)}" is not a phone number.`,
    });
  return mobile;
}

function parseExternalId(s: string): string {
  const id = printable(s).trim();
  if (!id || id.length > 256)
    throw new AppError('invalid_request', {
      detail: 'An external id has 1 to 256 characters.',
    });
  return id;
}

/** The columns for the fields given (the mobile number sealed to its user). */
export function profileColumns(box: SecretBox, userId: string, f: ProfileFields): Partial<UserRow> {
  const set: Partial<UserRow> = {};
  if (f.email !== undefined)
    set.directory_mail = f.email === null || f.email.trim() === '' ? null : parseEmail(f.email);
  if (f.mobile !== undefined)
    set.directory_mobile_sealed =
      f.mobile === null || f.mobile.trim() === ''
        ? null
        : sealMobile(box, userId, parseMobile(f.mobile));
  if (f.externalId !== undefined)
    set.external_id = f.externalId === null ? null : parseExternalId(f.externalId);
  if (f.profile !== undefined) {
    const json = JSON.stringify(f.profile);
    if (json.length > 20_000)
      throw new AppError('invalid_request', {
        detail: 'The profile attributes are too large (20 kB at most).',
      });
    set.profile = json;
  }
  return set;
}
