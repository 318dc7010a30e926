// What an authorization request asks of the sign-in (acr_values, the claims
// parameter's acr) and what Portcullis can honestly answer. Pure functions:
// the provider's checks and the interaction both ask them, so the two never
// disagree (a disagreement would send the browser round in circles).
import { ACR_MULTI_FACTOR, ACR_SINGLE_FACTOR } from '../policy/assurance.ts';

export interface AcrRequest {
  /** Requested classes, in the relying party's order of preference. */
  values: string[];
  /** From the claims parameter with `essential: true`: not met means an error, not a fallback. */
  essential: boolean;
}

const KNOWN = [ACR_SINGLE_FACTOR, ACR_MULTI_FACTOR];

/** Reads acr_values and claims.id_token.acr from authorization parameters (already validated). */
export function acrRequestOf(params: Record<string, unknown>): AcrRequest {
  const values = String(params.acr_values ?? '')
    .split(' ')
    .filter(Boolean);
  let essential = false;
  try {
    const claims =
      typeof params.claims === 'string' ? (JSON.parse(params.claims) as unknown) : params.claims;
    const acr = (claims as { id_token?: { acr?: unknown } } | undefined)?.id_token?.acr as
      | { essential?: boolean; value?: unknown; values?: unknown }
      | undefined;
    if (acr && typeof acr === 'object') {
      const asked = [acr.value, ...(Array.isArray(acr.values) ? acr.values : [])].filter(
        (v): v is string => typeof v === 'string',
      );
      values.push(...asked);
      essential = acr.essential === true && asked.length > 0;
    }
  } catch {
    // oidc-provider refuses a malformed claims parameter before we are asked.
  }
  return { values: [...new Set(values)], essential };
}

/**
 * Whether this request needs multi-factor authentication: the application
 * requires it for everyone, or the relying party asks only for the MFA class
 * (step-up). A request that also accepts single-factor does not force it.
 */
export const mfaNeeded = (applicationRequiresMfa: boolean, req: AcrRequest): boolean =>
  applicationRequiresMfa ||
  (req.values.includes(ACR_MULTI_FACTOR) && !req.values.includes(ACR_SINGLE_FACTOR));

/**
 * The acr to put in the ID token for a session with these amr values, or null
 * when an essential request cannot be met. A voluntary request is a
 * preference: the answer is what the session did.
 */
export function acrFor(amr: readonly string[], req: AcrRequest): string | null {
  const actual = amr.includes('mfa') ? ACR_MULTI_FACTOR : ACR_SINGLE_FACTOR;
  const known = req.values.filter((v) => KNOWN.includes(v));
  if (known.length === 0 || known.includes(actual))
    return req.essential && known.length === 0 ? null : actual;
  if (!req.essential) return actual;
  // Only single-factor was demanded, and the session did more: that meets it,
  // and the answer must be one of the values asked for (OpenID Connect §5.5.1.1).
  return actual === ACR_MULTI_FACTOR ? ACR_SINGLE_FACTOR : null;
}
