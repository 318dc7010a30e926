// AuthnContextClassRef (docs/design/saml-idp.md "AuthnContextClassRef"): what
// a sign-in did, in the names SAML service providers use, and what a
// RequestedAuthnContext asks of it. Pure functions, like src/oidc/assurance.ts.
import { type AppStrength, meets, STRENGTHS, stronger } from '../policy/strength.ts';

/** Levels, weakest first: a password sign-in, then the three strengths. */
const LEVELS: readonly AppStrength[] = ['none', ...STRENGTHS];

/** The class references naming each level; the first is what we say unless asked for another. */
export const CLASS_REFS: Record<AppStrength, readonly string[]> = {
  none: [
    'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    'urn:oasis:names:tc:SAML:2.0:ac:classes:Password',
    'urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified',
  ],
  mfa: [
    'https://refeds.org/profile/mfa',
    'http://schemas.microsoft.com/claims/multipleauthn',
    'urn:portcullis:acr:mfa',
  ],
  passwordless: ['urn:portcullis:acr:passwordless'],
  'phishing-resistant': ['urn:portcullis:acr:phishing-resistant'],
};

const levelOf = (ref: string): AppStrength | undefined =>
  LEVELS.find((l) => CLASS_REFS[l].includes(ref));
const rank = (l: AppStrength) => LEVELS.indexOf(l);
const met = (amr: readonly string[], l: AppStrength) => l === 'none' || meets(amr, l);

export type Comparison = 'exact' | 'minimum' | 'better' | 'maximum';

export interface RequestedContext {
  comparison: Comparison;
  /** The class references asked for, known or not. */
  classRefs: string[];
}

/** A RequestedAuthnContext as read; an unknown comparison is `exact` (saml-core §3.3.2.2.1's default). */
export function requestedContext(
  rac: { comparison: string; classRefs: string[] } | undefined,
): RequestedContext | undefined {
  if (!rac || rac.classRefs.length === 0) return undefined;
  const comparison = (['exact', 'minimum', 'better', 'maximum'] as const).find(
    (c) => c === rac.comparison,
  );
  return { comparison: comparison ?? 'exact', classRefs: rac.classRefs };
}

/**
 * The level a sign-in must reach for this request: the application's, or
 * more where the request asks (the weakest level it names; above the
 * strongest it names for `better`). null: no sign-in can answer it.
 */
export function levelNeeded(
  app: AppStrength,
  req: RequestedContext | undefined,
): AppStrength | null {
  if (!req) return app;
  const levels = req.classRefs.map(levelOf).filter((l): l is AppStrength => l !== undefined);
  if (levels.length === 0) return null;
  const sorted = [...levels].sort((a, b) => rank(a) - rank(b));
  if (req.comparison === 'better') {
    const above = LEVELS[rank(sorted.at(-1)!) + 1];
    return above ? stronger(app, above) : null;
  }
  if (req.comparison === 'maximum' && rank(app) > rank(sorted.at(-1)!)) return null;
  return stronger(app, sorted[0]!);
}

/** The strongest level a sign-in with these amr values reached. */
const reached = (amr: readonly string[]) => [...LEVELS].reverse().find((l) => met(amr, l))!;

/**
 * The class reference to answer for a sign-in with these amr values, or null
 * when the request cannot be met by it: a reference the request listed,
 * verbatim (service providers check membership), the strongest the sign-in
 * meets; for `better`, or without a request, our own name for what it reached.
 */
export function classRefFor(
  amr: readonly string[],
  req: RequestedContext | undefined,
): string | null {
  const own = CLASS_REFS[reached(amr)][0]!;
  if (!req) return own;
  if (req.comparison === 'better') {
    const needed = levelNeeded('none', req);
    return needed && met(amr, needed) ? own : null;
  }
  const listed = req.classRefs
    .filter((r) => {
      const l = levelOf(r);
      return l !== undefined && met(amr, l);
    })
    .sort((a, b) => rank(levelOf(b)!) - rank(levelOf(a)!));
  return listed[0] ?? null;
}
