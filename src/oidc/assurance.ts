// What an authorization request asks of the sign-in (acr_values, the claims
// parameter's acr) and what Portcullis can honestly answer. Pure functions:
// the provider's checks and the interaction both ask them, so the two never
// disagree (a disagreement would send the browser round in circles).
import { ACR_MULTI_FACTOR, ACR_SINGLE_FACTOR } from '../policy/assurance.ts';
import {
  ACR_OF,
  ACR_VALUES,
  type AppStrength,
  meets,
  STRENGTHS,
  stronger,
} from '../policy/strength.ts';

export interface AcrRequest {
  /** Requested classes, in the relying party's order of preference. */
  values: string[];
  /** From the claims parameter with `essential: true`: not met means an error, not a fallback. */
  essential: boolean;
}

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

const rank = (acr: string) => ACR_VALUES.indexOf(acr);

/**
 * The strength this request needs: the application's, or stronger where the
 * relying party asks only for stronger classes (the weakest it names is the
 * least it accepts; one that also accepts single-factor forces nothing).
 */
export function strengthNeeded(app: AppStrength, req: AcrRequest): AppStrength {
  const known = req.values.filter((v) => ACR_VALUES.includes(v));
  if (known.length === 0 || known.includes(ACR_SINGLE_FACTOR)) return app;
  const weakest = STRENGTHS.find((s) => known.includes(ACR_OF[s]));
  return weakest ? stronger(app, weakest) : app;
}

/**
 * What the session did, as the class to answer when the request names none it
 * meets: the application's strength (met, or the sign-in would not be done),
 * else multi- or single-factor, as before strengths.
 */
function usualAcr(amr: readonly string[], app: AppStrength): string {
  if (app !== 'none' && meets(amr, app)) return ACR_OF[app];
  return amr.includes('mfa') ? ACR_MULTI_FACTOR : ACR_SINGLE_FACTOR;
}

/**
 * The acr to put in the ID token for a session with these amr values, or null
 * when an essential request cannot be met: the strongest class asked for that
 * the session meets (an essential request must be answered with one of its
 * values, OpenID Connect §5.5.1.1), or, for a voluntary request (a
 * preference), what the session usually claims if that says more.
 */
export function acrFor(
  amr: readonly string[],
  req: AcrRequest,
  app: AppStrength = 'none',
): string | null {
  const met = (acr: string) =>
    acr === ACR_SINGLE_FACTOR || STRENGTHS.some((s) => ACR_OF[s] === acr && meets(amr, s));
  const best = req.values
    .filter((v) => ACR_VALUES.includes(v) && met(v))
    .sort((a, b) => rank(b) - rank(a))[0];
  if (req.essential) return best ?? null;
  const usual = usualAcr(amr, app);
  return best && rank(best) > rank(usual) ? best : usual;
}
