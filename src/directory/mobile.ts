// A directory user's mobile number, as the sync keeps it: sealed (personal
// data), bound to its user, and offered at proof-up.
import type { SecretBox } from '../crypto/secret-box.ts';
import type { UserRow } from '../storage/users.ts';

/** The associated data that binds a sealed mobile number to its user. */
export const mobileAad = (userId: string) => `directory-mobile:${userId}`;

export const sealMobile = (box: SecretBox, userId: string, mobile: string) =>
  box.seal(mobile, mobileAad(userId));

/** The number, or null when there is none or it cannot be opened (another key). */
export function openMobile(
  box: SecretBox,
  u: Pick<UserRow, 'id' | 'directory_mobile_sealed'>,
): string | null {
  if (!u.directory_mobile_sealed) return null;
  try {
    return box.open(u.directory_mobile_sealed, mobileAad(u.id));
  } catch {
    return null;
  }
}
