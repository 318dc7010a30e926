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

/**
 * A person's authenticator app: a code for the current time step, never the
 * same step twice (Portcullis refuses a replayed step), moving to the next or
 * previous one within the accepted window.
 */
export function authenticatorApp(secret: string): () => string {
  const used = new Set<number>();
  return () => {
    const now = Math.floor(Date.now() / 30_000);
    const step = [now, now + 1, now - 1].find((s) => !used.has(s));
    if (step === undefined) throw new Error('no unused TOTP step within the accepted window');
    used.add(step);
    return codeAt(secret, step * 30_000);
  };
}
