import type { CompletedFactor } from './mfa.ts';

export interface Assurance {
  /** RFC 8176 Authentication Method Reference values. */
  amr: string[];
  /** Authentication context class: single-factor or multi-factor. */
  acr: string;
}

export const ACR_SINGLE_FACTOR = 'urn:portcullis:acr:1fa';
export const ACR_MULTI_FACTOR = 'urn:portcullis:acr:mfa';

/** Assurance is computed from what the sign-in did, never stored and trusted later. */
export function assuranceOf(factors: readonly CompletedFactor[]): Assurance {
  const amr = new Set(factors.flatMap((f) => f.amr));
  const categories = new Set(factors.map((f) => f.factor));
  // RFC 8176 §2: "mfa" when more than one kind of factor was used.
  if (categories.size > 1) amr.add('mfa');
  return { amr: [...amr], acr: categories.size > 1 ? ACR_MULTI_FACTOR : ACR_SINGLE_FACTOR };
}
