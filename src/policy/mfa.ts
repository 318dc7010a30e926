import type { MfaState } from '../db/schema.ts';
import type { Factor } from '../methods/types.ts';

/** A factor a sign-in has completed. */
export interface CompletedFactor {
  /** 'password' or a MethodType. */
  method: string;
  factor: Factor;
  amr: readonly string[];
  at: number;
  /** The method was registered in this sign-in (proof-up). */
  enrolled?: boolean;
}

export interface PolicyInput {
  mfaState: MfaState;
  /** MethodTypes the user has registered. */
  registered: readonly string[];
  /** MethodTypes the organisation allows and that can be used here. */
  allowed: readonly string[];
  /** MethodTypes that can be enrolled in proof-up (allowed and enrollable). */
  enrollable: readonly string[];
  factors: readonly CompletedFactor[];
  /** An application that requires MFA whatever the user's state (a later issue). */
  applicationRequiresMfa?: boolean;
  /** An admin reset the password: the user chooses a new one before the session starts. */
  mustChangePassword?: boolean;
}

export type NextStep =
  | { kind: 'password' }
  | { kind: 'done' }
  | { kind: 'proofup'; offer: readonly string[] }
  | { kind: 'verify'; usable: readonly string[] }
  | { kind: 'change_password' }
  | { kind: 'no_method'; reason: string };

export const requiresMfa = (mfaState: MfaState, applicationRequiresMfa = false) =>
  mfaState !== 'Disabled' || applicationRequiresMfa;

/**
 * The one function that decides what a sign-in still needs (STYLE.md,
 * principle 2). Every way into a session asks it; it knows no method by name.
 */
export function nextStep(p: PolicyInput): NextStep {
  const mfa = mfaStep(p);
  // A one-time password from an admin is replaced only once MFA is satisfied,
  // so a leaked one-time password alone cannot choose the user's password.
  return mfa.kind === 'done' && p.mustChangePassword ? { kind: 'change_password' } : mfa;
}

function mfaStep(p: PolicyInput): NextStep {
  if (!p.factors.some((f) => f.factor === 'knowledge')) return { kind: 'password' };
  if (!requiresMfa(p.mfaState, p.applicationRequiresMfa)) return { kind: 'done' };
  if (p.factors.some((f) => f.factor !== 'knowledge')) return { kind: 'done' };
  const usable = p.registered.filter((m) => p.allowed.includes(m));
  if (usable.length > 0) return { kind: 'verify', usable };
  if (p.enrollable.length > 0) return { kind: 'proofup', offer: p.enrollable };
  return {
    kind: 'no_method',
    reason:
      p.registered.length > 0
        ? 'registered methods are not allowed'
        : 'no verification method is allowed',
  };
}
