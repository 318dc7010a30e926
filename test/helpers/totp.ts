import { totpFor } from '../../src/methods/totp/codes.ts';

/** The code an authenticator app would show for `secret` at time `at` (ms). */
export const codeAt = (secret: string, at: number) =>
  totpFor(secret.replace(/\s/g, '')).generate({ timestamp: at });

/** Reads the secret key shown on the enrolment page. */
export function secretFromPage(html: string): string {
  const m = /id="secret-key">([A-Z2-7 ]+)</.exec(html);
  if (!m) throw new Error('no secret key on the page');
  return m[1]!.replace(/\s/g, '');
}
