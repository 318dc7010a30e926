import type { MfaState } from '../db/schema.ts';
import type { Factor } from '../methods/types.ts';
import { assuranceOf } from './assurance.ts';
import { type AppStrength, meets, methodsMeeting, type Strength } from './strength.ts';

/** A factor a sign-in has completed. */
export interface CompletedFactor {
  /** 'password' or a MethodType. */
  method: string;
  factor: Factor;
  amr: readonly string[];
  at: number;
  /** The method was registered in this sign-in (proof-up). */
  enrolled?: boolean;
  /**
   * A stand-in an administrator issued (a Temporary Access Pass): it counts as
   * multi-factor, but a user who must use MFA and has no method registers one.
   */
  temporary?: boolean;
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
  /** An application that requires MFA whatever the user's state. */
  applicationRequiresMfa?: boolean;
  /** The strength the application requires (implies MFA, whatever the user's state). */
  strength?: AppStrength;
  /**
   * The request comes from one of the organisation's trusted networks: the
   * user's own MFA state is waived (as the original's trusted IPs); an
   * application's requirement is not.
   */
  trustedNetwork?: boolean;
  /**
   * Enrolment grace for an Enabled user without methods: how many days the
   * organisation allows, since when the user has been postponing (null: not
   * yet), the time now, and whether they chose to postpone in this sign-in.
   */
  grace?: { days: number; since: number | null; now: number; postponed: boolean };
  /** An admin reset the password: the user chooses a new one before the session starts. */
  mustChangePassword?: boolean;
  /** The registration campaign, where it is for this user. */
  campaign?: CampaignInput | null;
}

/** What the registration campaign asks of a user who signed in with a text or a call. */
export interface CampaignInput {
  /** MethodTypes it asks users to set up (a user with one of them is not asked). */
  targets: readonly string[];
  /** Of those, the ones this user may register (what is offered). */
  offer: readonly string[];
  /** MethodTypes whose use in a sign-in brings the question (texts and calls). */
  triggers: readonly string[];
  /** They said "Not now" recently enough, or in this sign-in. */
  snoozed: boolean;
  /** How many more times they may; null: no limit. 0: they set one up now. */
  snoozesLeft: number | null;
  snoozeDays: number;
}

export type NextStep =
  | { kind: 'password' }
  | { kind: 'done' }
  | {
      kind: 'proofup';
      offer: readonly string[];
      /** Days the user may still postpone registering (only when they may). */
      graceDaysLeft?: number;
      /** The registration campaign asks (the user has a method already). */
      campaign?: { snoozesLeft: number | null; snoozeDays: number };
    }
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
  if (mfa.kind !== 'done') return mfa;
  const nudge = campaignStep(p);
  if (nudge) return nudge;
  // A one-time password from an admin is replaced only once MFA is satisfied,
  // so a leaked one-time password alone cannot choose the user's password.
  return p.mustChangePassword ? { kind: 'change_password' } : mfa;
}

/**
 * The registration campaign (Entra's "nudge"): a user who has just signed in
 * with a text or a call, and has none of the methods it targets, is asked to
 * set one up — unless they said "Not now" recently; once their snoozes are
 * used up, they set one up.
 */
function campaignStep(p: PolicyInput): NextStep | null {
  const c = p.campaign;
  if (!c || c.snoozed || c.offer.length === 0) return null;
  if (!p.factors.some((f) => c.triggers.includes(f.method))) return null;
  if (p.registered.some((m) => c.targets.includes(m))) return null;
  return {
    kind: 'proofup',
    offer: c.offer,
    campaign: { snoozesLeft: c.snoozesLeft, snoozeDays: c.snoozeDays },
  };
}

const DAY_MS = 86_400_000;

/** Days an Enabled user may still postpone proof-up, or 0 when they may not. */
export function graceDaysLeft(p: PolicyInput): number {
  if (!p.grace || p.mfaState !== 'Enabled' || appRequires(p)) return 0;
  const { days, since, now } = p.grace;
  const used = since === null ? 0 : Math.floor(Math.max(0, now - since) / DAY_MS);
  return Math.max(0, days - used);
}

const appRequires = (p: PolicyInput) =>
  p.applicationRequiresMfa === true || (p.strength ?? 'none') !== 'none';

function mfaStep(p: PolicyInput): NextStep {
  if (!p.factors.some((f) => f.factor === 'knowledge')) return { kind: 'password' };
  const userRequires = requiresMfa(p.mfaState) && !p.trustedNetwork;
  if (!userRequires && !appRequires(p)) return { kind: 'done' };
  // A strength beyond MFA: only the methods that meet it are asked for or offered.
  const strength = p.strength ?? 'none';
  const only = methodsMeeting(strength);
  const fit = (m: string) => !only || only.includes(m);
  const usable = p.registered.filter((m) => p.allowed.includes(m) && fit(m));
  const enrollable = p.enrollable.filter(fit);
  const beyond = p.factors.filter((f) => f.factor !== 'knowledge');
  const met = only ? meets(assuranceOf(p.factors).amr, strength as Strength) : beyond.length > 0;
  if (met) {
    // Only a stand-in, for a user who must use MFA and has nothing to use: register now.
    const onlyTemporary = beyond.every((f) => f.temporary);
    if (onlyTemporary && userRequires && usable.length === 0 && enrollable.length > 0)
      return { kind: 'proofup', offer: enrollable };
    return { kind: 'done' };
  }
  if (usable.length > 0) return { kind: 'verify', usable };
  const left = graceDaysLeft(p);
  if (left > 0 && p.grace?.postponed) return { kind: 'done' };
  if (enrollable.length > 0)
    return { kind: 'proofup', offer: enrollable, ...(left > 0 ? { graceDaysLeft: left } : {}) };
  return {
    kind: 'no_method',
    reason: only
      ? `no method meets the ${strength} strength the application requires`
      : p.registered.length > 0
        ? 'registered methods are not allowed'
        : 'no verification method is allowed',
  };
}
