// What the browser sends back (the JSON of @simplewebauthn/browser), checked for shape only.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/** Far above any real response (an attestation with a certificate chain is a few kB). */
const MAX_LENGTH = 32_768;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseResponse(
  raw: string | undefined,
  kind: 'registration',
): RegistrationResponseJSON | null;
export function parseResponse(
  raw: string | undefined,
  kind: 'authentication',
): AuthenticationResponseJSON | null;
export function parseResponse(
  raw: string | undefined,
  kind: 'registration' | 'authentication',
): RegistrationResponseJSON | AuthenticationResponseJSON | null {
  if (!raw || raw.length > MAX_LENGTH) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.rawId !== 'string') return null;
  if (v.type !== 'public-key' || !isObject(v.response)) return null;
  const r = v.response;
  if (typeof r.clientDataJSON !== 'string') return null;
  if (kind === 'registration' && typeof r.attestationObject !== 'string') return null;
  if (
    kind === 'authentication' &&
    (typeof r.authenticatorData !== 'string' || typeof r.signature !== 'string')
  )
    return null;
  if (!isObject(v.clientExtensionResults)) v.clientExtensionResults = {};
  return v as unknown as RegistrationResponseJSON | AuthenticationResponseJSON;
}

/** The challenge the browser signed (from clientDataJSON), to consume before verifying. */
export function clientChallenge(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const data = JSON.parse(
      Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'),
    );
    return isObject(data) && typeof data.challenge === 'string' && data.challenge.length <= 512
      ? data.challenge
      : null;
  } catch {
    return null;
  }
}
