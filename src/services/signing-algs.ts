// The algorithms ID tokens may be signed with: a key for each (src/oidc/keys.ts), one
// chosen per client.
import { AppError } from '../errors.ts';

export const ID_TOKEN_ALGS = ['RS256', 'ES256'] as const;
export type IdTokenAlg = (typeof ID_TOKEN_ALGS)[number];

/** An algorithm as given (CLI, API, portal), or a clear error. */
export function idTokenAlgOf(value: string): IdTokenAlg {
  const alg = ID_TOKEN_ALGS.find((a) => a === value.trim().toUpperCase());
  if (!alg)
    throw new AppError('invalid_request', {
      detail: `ID tokens are signed with ${ID_TOKEN_ALGS.join(' or ')}, not "${value.slice(0, 20)}".`,
    });
  return alg;
}
