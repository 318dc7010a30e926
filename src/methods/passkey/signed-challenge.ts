// Challenges for passwordless sign-in, signed rather than stored: showing the
// sign-in page writes nothing (anyone may load it), and the challenge is
// recorded only when spent (store.spendSigned), which makes it single use.
import { hmacSha256, safeEqual } from '../../crypto/hash.ts';
import type { MethodContext } from '../types.ts';

const PURPOSE = 'passkey-signin-challenge';
const NONCE_BYTES = 18;

const mac = (ctx: MethodContext, body: string) =>
  hmacSha256(ctx.hmacKey, `${PURPOSE}:${body}`).slice(0, 22);

/** `nonce.expiry.mac`, all base64url: WebAuthn carries it as the challenge. */
export function signChallenge(ctx: MethodContext, lifetimeMs: number): string {
  const nonce = ctx.random.bytes(NONCE_BYTES).toString('base64url');
  const body = `${nonce}.${(ctx.clock.now() + lifetimeMs).toString(36)}`;
  return `${body}.${mac(ctx, body)}`;
}

/**
 * The expiry of a challenge this server signed, if it has not passed; null
 * for anything else. (The browser returns the challenge base64url-encoded.)
 */
export function signedChallengeExpiry(ctx: MethodContext, encoded: string): number | null {
  const challenge = Buffer.from(encoded, 'base64url').toString('utf8');
  const parts = challenge.split('.');
  if (parts.length !== 3) return null;
  const [nonce, expiry, tag] = parts as [string, string, string];
  if (!safeEqual(mac(ctx, `${nonce}.${expiry}`), tag)) return null;
  const expiresAt = Number.parseInt(expiry, 36);
  return Number.isSafeInteger(expiresAt) && expiresAt > ctx.clock.now() ? expiresAt : null;
}
