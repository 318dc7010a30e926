import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';

/** What the device signs: the request, the number the user typed and the decision. */
export const signedText = (requestId: string, number: string, decision: string) =>
  `portcullis-push-v1\n${requestId}\n${number}\n${decision}`;

/**
 * Reads a device's public key: a P-256 JWK (WebCrypto's `exportKey('jwk')`) or
 * an SPKI in base64url. Null for anything else.
 */
export function readPublicKey(input: unknown): KeyObject | null {
  try {
    const key =
      typeof input === 'string'
        ? createPublicKey({ key: Buffer.from(input, 'base64url'), format: 'der', type: 'spki' })
        : typeof input === 'object' && input !== null
          ? createPublicKey({ key: input as JsonWebKey, format: 'jwk' })
          : null;
    if (key?.asymmetricKeyType !== 'ec') return null;
    return key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
}

/** The key as stored: its JWK, public part only. */
export const storedKey = (key: KeyObject) => {
  const { kty, crv, x, y } = key.export({ format: 'jwk' });
  return JSON.stringify({ kty, crv, x, y });
};

/**
 * ECDSA P-256 with SHA-256. WebCrypto signs in IEEE P1363 form (r‖s, 64
 * bytes, RFC 7518 §3.4); DER is accepted too.
 */
export function checkSignature(storedJwk: string, text: string, signature: string): boolean {
  const key = readPublicKey(JSON.parse(storedJwk));
  if (!key || !/^[A-Za-z0-9_-]{1,200}$/.test(signature)) return false;
  const sig = Buffer.from(signature, 'base64url');
  const data = Buffer.from(text, 'utf8');
  try {
    const dsaEncoding = sig.length === 64 ? 'ieee-p1363' : 'der';
    return verify('sha256', data, { key, dsaEncoding }, sig);
  } catch {
    return false;
  }
}
