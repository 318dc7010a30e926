import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Source of randomness, injected so tests can swap it (STYLE.md, principle 11). */
export interface Random {
  bytes(n: number): Buffer;
  /** A uniform integer in [0, max). */
  int(max: number): number;
}

export const cryptoRandom: Random = {
  bytes: (n) => randomBytes(n),
  int: (max) => randomInt(max),
};

/** A URL-safe random token with `bytes` bytes of entropy. */
export const randomToken = (random: Random, bytes = 32) =>
  random.bytes(bytes).toString('base64url');

const passwordAlphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A password people can type: 20 characters of an unambiguous alphabet (~115 bits). */
export function generatePassword(random: Random, length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += passwordAlphabet[random.int(passwordAlphabet.length)];
  return out;
}

/**
 * A UUID version 7 (RFC 9562): the time in milliseconds, then 74 random bits.
 * Ids made one after another sort in time order, so rows keyed by them are
 * appended to their index instead of landing all over it. The random bits are
 * a version 4 UUID's (Node draws those from a cached pool of entropy: a call
 * for 16 fresh bytes each time costs more than the rest of a sign-in log entry).
 */
export function uuidV7(now: number): string {
  const r = randomUUID();
  const t = now.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(15)}`;
}
