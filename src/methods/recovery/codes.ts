import { hmacSha256 } from '../../crypto/hash.ts';
import type { Random } from '../../crypto/random.ts';

/** How many codes a set has. */
export const CODES_PER_SET = 10;
/**
 * Crockford's base32 (no i, l, o, u): 5 bits a character, nothing to confuse
 * when read aloud or typed from paper.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 12; // 60 bits a code (the issue asks for at least 50)
const GROUP = 4;
/** Bits of entropy in one code. */
export const CODE_BITS = LENGTH * Math.log2(ALPHABET.length);

/** One code for people: `xxxx-xxxx-xxxx`, each character uniform over the alphabet. */
export function newCode(random: Random): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[random.int(ALPHABET.length)];
  return raw.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

export const newCodeSet = (random: Random) =>
  Array.from({ length: CODES_PER_SET }, () => newCode(random));

const SHAPE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

/**
 * What a person typed, in the one form that is hashed: case, spaces and dashes
 * do not matter, and the letters Crockford's base32 leaves out read as the
 * digits they look like (o → 0, i and l → 1). Null if it cannot be a code.
 */
export function normaliseCode(input: string | undefined): string | null {
  if (!input || input.length > 64) return null;
  const code = input.replace(/[\s-]/g, '').toLowerCase().replace(/o/g, '0').replace(/[il]/g, '1');
  return SHAPE.test(code) ? code : null;
}

/** The keyed hash stored for a code (bound to its user: equal codes of two users differ). */
export const hashCode = (key: Buffer, userId: string, normalised: string) =>
  hmacSha256(key, `recovery-code:${userId}:${normalised}`);
