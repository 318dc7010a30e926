// System-preferred MFA (issue 21, item 4): sign-in starts with the strongest
// method the user has registered, not the one they made their default —
// passkey, then an app notification, then a code from an app, then a text or
// a call (whichever is the default) — so a user who added a passkey uses it without changing any
// setting. The user can still choose another. Off, the default comes first,
// as per-user MFA always did. Pure: the caller gives the registrations.
import type { MethodType } from '../methods/catalogue.ts';

/**
 * Strongest first, as Microsoft ranks them; texts and calls are one rank
 * (telephony), so the user's default decides between them. What is not
 * listed (recovery codes) comes after.
 */
const STRENGTH: readonly (readonly MethodType[])[] = [
  ['Passkey'],
  ['PhoneAppNotification'],
  ['PhoneAppOTP'],
  ['OneWaySMS', 'TwoWayVoiceMobile', 'TwoWayVoiceAlternateMobile', 'TwoWayVoiceOffice'],
];

const rank = (type: string) => {
  const i = STRENGTH.findIndex((r) => (r as readonly string[]).includes(type));
  return i === -1 ? STRENGTH.length : i;
};

/**
 * The registration a sign-in asks for first: the strongest (the default
 * breaking a tie between two of one kind), or — with `systemPreferred` off —
 * the default; else the first.
 */
export function firstToOffer<R extends { methodType: string; isDefault: boolean }>(
  regs: readonly R[],
  systemPreferred: boolean,
): R | undefined {
  if (!systemPreferred) return regs.find((r) => r.isDefault) ?? regs[0];
  let best: R | undefined;
  for (const r of regs) {
    if (!best) best = r;
    else {
      const d = rank(r.methodType) - rank(best.methodType);
      if (d < 0 || (d === 0 && r.isDefault && !best.isDefault)) best = r;
    }
  }
  return best;
}
