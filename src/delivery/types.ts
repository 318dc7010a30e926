/** A text message to send. */
export interface TextMessage {
  /** E.164, e.g. +420601234567. */
  to: string;
  text: string;
  locale: string;
}

/** What a verification call says. */
export interface CallScript {
  /** Played on answer: who is calling, press # to approve, 0# to report fraud. */
  prompt: string;
  /** Played after # was pressed. */
  approved: string;
  /** Played after 0# was pressed. */
  fraud: string;
}

/** A verification call to place. */
export interface CallRequest {
  to: string;
  extension: string | null;
  locale: string;
  script: CallScript;
  /** The challenge the call answers; the outcome comes back with this id. */
  challengeId: string;
  /** How long the call may ring and wait for # (service settings). */
  timeoutSeconds: number;
}

/** How a call ended, as reported by the provider. */
export type CallOutcome = 'approved' | 'fraud' | 'hung_up' | 'no_answer';

/**
 * A telephony provider (STYLE.md, principle 11: injected). Sending must
 * resolve once the provider accepted the message or call, or reject; call
 * outcomes arrive later through `recordCallOutcome` (src/delivery/calls.ts).
 */
export interface Telephony {
  readonly name: 'outbox' | 'webhook' | 'twilio';
  sendText(message: TextMessage): Promise<void>;
  placeCall(call: CallRequest): Promise<void>;
}

/** A provider that failed to accept a text or call (timeout, refusal, 5xx). */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
}
