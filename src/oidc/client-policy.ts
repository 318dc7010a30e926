// Our own client metadata: what an application requires of a sign-in. Carried
// in oidc-provider's client (extraClientMetadata), so checks and the
// interaction read the one cached copy.
import type Provider from 'oidc-provider';
import { type AppStrength, isAppStrength } from '../policy/strength.ts';

export const REQUIRE_MFA = 'portcullis_require_mfa';
export const FIRST_PARTY = 'portcullis_first_party';
export const STRENGTH = 'portcullis_strength';

type Client = InstanceType<Provider['Client']>;

/** The Portcullis policy of a client. */
export function clientPolicy(client: Client | undefined) {
  const meta = (client?.metadata() ?? {}) as Record<string, unknown>;
  const strength: AppStrength = isAppStrength(meta[STRENGTH])
    ? meta[STRENGTH]
    : meta[REQUIRE_MFA] === true
      ? 'mfa'
      : 'none';
  return { strength, firstParty: meta[FIRST_PARTY] === true };
}
