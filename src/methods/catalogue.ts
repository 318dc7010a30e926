// What each verification method is, without what it does: its MethodType, names,
// factor and amr values. Administration (settings, user views, the command line)
// needs only this; the implementations (./index.ts) bring WebAuthn, phone numbers,
// QR codes and pages with them, and load only where a method is used.
import type { Factor } from './types.ts';

export interface MethodInfo {
  /** The MethodType, as in StrongAuthenticationMethods. */
  readonly id: string;
  /** English name (pages use the catalog's method.<id>.label). */
  readonly label: string;
  readonly description: string;
  readonly factor: Factor;
  /** RFC 8176 amr values this method contributes. */
  readonly amr: readonly string[];
  /**
   * False for a method that backs up another and must not be a user's only
   * one (recovery codes): proof-up does not offer it.
   */
  readonly standalone?: boolean;
  /**
   * Reaches the user through the telephony provider (a text, a call): while
   * that provider is the outbox, nothing arrives, and administrators are told.
   */
  readonly telephony?: boolean;
}

const entries = [
  {
    id: 'PhoneAppOTP',
    label: 'Authenticator app',
    description: 'Use a code from an authenticator app on your phone.',
    factor: 'possession',
    amr: ['otp'],
  },
  {
    id: 'OneWaySMS',
    label: 'Text message',
    description: 'Get a code by text message on your mobile phone.',
    factor: 'possession',
    amr: ['sms'],
    telephony: true,
  },
  {
    id: 'TwoWayVoiceMobile',
    label: 'Phone call',
    description: 'Answer a call on your mobile phone and press #.',
    factor: 'possession',
    amr: ['tel'],
    telephony: true,
  },
  {
    id: 'TwoWayVoiceAlternateMobile',
    label: 'Call to alternate phone',
    description: 'Answer a call on another mobile phone and press #.',
    factor: 'possession',
    amr: ['tel'],
    telephony: true,
  },
  {
    id: 'TwoWayVoiceOffice',
    label: 'Office phone call',
    description: 'Answer a call on your office phone and press #.',
    factor: 'possession',
    amr: ['tel'],
    telephony: true,
  },
  {
    id: 'Passkey',
    label: 'Passkey',
    description: 'Use a passkey: your device unlock, or a security key.',
    factor: 'possession',
    // RFC 8176 §2: "hwk" is proof of possession of a hardware-secured key. WebAuthn
    // does not reliably say whether a key is hardware- or software-secured
    // (attestation is not requested), so every passkey counts as "hwk".
    amr: ['hwk'],
  },
  {
    id: 'PhoneAppNotification',
    label: 'Portcullis Authenticator',
    description: 'Approve sign-ins with a notification in the Portcullis Authenticator.',
    factor: 'possession',
    // RFC 8176: a proof of possession of a key held by the device.
    amr: ['pop'],
  },
  {
    id: 'RecoveryCode',
    label: 'Recovery codes',
    description:
      'Use one of ten single-use codes you saved when you cannot use your other methods.',
    factor: 'possession',
    // Codes back up another method: a user's only method they must not be.
    standalone: false,
    // RFC 8176 has no value for recovery codes; each is a one-time password.
    amr: ['otp'],
  },
] as const satisfies readonly MethodInfo[];

export type MethodType = (typeof entries)[number]['id'];

/** Every method, in the order pages offer them (the registry in ./index.ts follows it). */
export const catalogue: readonly MethodInfo[] = entries;

const byId = new Map<string, MethodInfo>(catalogue.map((m) => [m.id, m]));

/** A method's catalogue entry; implementations take theirs from here (one source of names). */
export function methodInfo(id: MethodType): MethodInfo {
  return byId.get(id)!;
}

export const findMethodInfo = (id: string): MethodInfo | undefined => byId.get(id);

export const methodTypes: readonly string[] = catalogue.map((m) => m.id);

/**
 * Whether a registered method of this type can be a user's only method (and
 * their default): a known method that backs up no other (`standalone`).
 */
export function worksAlone(type: string): boolean {
  const m = byId.get(type);
  return m !== undefined && m.standalone !== false;
}
