import { randomBytes, randomInt } from 'node:crypto';

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
