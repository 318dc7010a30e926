// Verified attestation: a new passkey proves its make and model with a
// certificate chain that ends at a root the organisation trusts (WebAuthn §6.5,
// §8). simplewebauthn checks each format's signature; the chain is judged here,
// against the roots this node was given, so a missing roots file can never mean
// "anything goes" (simplewebauthn skips the path check when it has no roots).
import {
  convertCertBufferToPEM,
  decodeAttestationObject,
  validateCertificatePath,
} from '@simplewebauthn/server/helpers';

/** Formats whose statement carries the chain as `x5c` (android-safetynet, retired by Google, is not one). */
const CHAINED_FORMATS = new Set(['packed', 'fido-u2f', 'tpm', 'android-key', 'apple']);

export type AttestationVerdict = 'trusted' | 'missing' | 'untrusted';

/**
 * Whether a registration's attestation (already verified by simplewebauthn)
 * chains to one of `roots`: `missing` for none or self attestation (the key
 * vouching for itself), `untrusted` for a chain to no root given.
 */
export async function judgeAttestation(
  fmt: string,
  attestationObject: Parameters<typeof decodeAttestationObject>[0],
  roots: readonly string[],
): Promise<AttestationVerdict> {
  if (!CHAINED_FORMATS.has(fmt)) return 'missing';
  const x5c = decodeAttestationObject(attestationObject).get('attStmt').get('x5c');
  if (!x5c?.length) return 'missing';
  if (roots.length === 0) return 'untrusted';
  try {
    await validateCertificatePath(x5c.map(convertCertBufferToPEM), [...roots]);
    return 'trusted';
  } catch {
    return 'untrusted';
  }
}
