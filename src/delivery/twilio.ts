import type { Config } from '../config/schema.ts';
import { type ProviderOptions, postWithRetry } from './http.ts';
import type { CallRequest, Telephony, TextMessage } from './types.ts';

/** Where Twilio tells us what was pressed and how a call ended (src/http/routes/telephony.ts). */
export const TWILIO_GATHER_PATH = '/telephony/twilio/gather';
export const TWILIO_STATUS_PATH = '/telephony/twilio/status';

export type TwilioConfig = Pick<Config, 'publicUrl' | 'deliveryTimeoutMs' | 'twilioApiBase'> & {
  twilioAccountSid: string;
  twilioAuthToken: string;
  twilioFrom: string;
};

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);

export const say = (text: string, language: string) =>
  `<Say language="${escapeXml(language)}">${escapeXml(text)}</Say>`;

const callbackUrl = (publicUrl: string, path: string, challengeId: string) =>
  `${publicUrl}${path}?challenge=${encodeURIComponent(challengeId)}`;

/**
 * The call's TwiML. Twilio does not request the Gather action when the caller
 * presses the finishOnKey before any digit (TwiML <Gather> reference), so "#"
 * alone could never approve with finishOnKey="#". Instead no key finishes the
 * Gather and the first key decides: "#" approves, "0" reports fraud (the
 * prompt's "0 then #" works, the # is not needed), any other key declines.
 * Silence until the timeout falls through to the hang-up; the status callback
 * then reports the call as ended without approval.
 */
export function callTwiml(call: CallRequest, publicUrl: string, timeoutSeconds: number): string {
  const action = callbackUrl(publicUrl, TWILIO_GATHER_PATH, call.challengeId);
  return [
    '<Response>',
    `<Gather input="dtmf" numDigits="1" finishOnKey="" timeout="${timeoutSeconds}" action="${escapeXml(action)}" method="POST">`,
    say(call.script.prompt, call.locale),
    '</Gather>',
    '<Hangup/>',
    '</Response>',
  ].join('');
}

/** Texts and calls through Twilio's REST API (2010-04-01 Messages and Calls resources). */
export function twilioTelephony(config: TwilioConfig, o: ProviderOptions = {}): Telephony {
  const account = `${config.twilioApiBase.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.twilioAccountSid)}`;
  const authorization = `Basic ${Buffer.from(`${config.twilioAccountSid}:${config.twilioAuthToken}`).toString('base64')}`;
  const post = (resource: 'Messages' | 'Calls', fields: Record<string, string>) =>
    postWithRetry(
      'Twilio',
      `${account}/${resource}.json`,
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        body: new URLSearchParams(fields).toString(),
      },
      { timeoutMs: config.deliveryTimeoutMs, retryPauseMs: o.retryPauseMs ?? 200 },
    );
  return {
    name: 'twilio',
    sendText: (m: TextMessage) =>
      post('Messages', { To: m.to, From: config.twilioFrom, Body: m.text }),
    placeCall: (c: CallRequest) =>
      post('Calls', {
        To: c.to,
        From: config.twilioFrom,
        Twiml: callTwiml(c, config.publicUrl, c.timeoutSeconds),
        // The default StatusCallbackEvent is "completed", sent whatever the final
        // CallStatus (completed, busy, no-answer, failed, canceled).
        StatusCallback: callbackUrl(config.publicUrl, TWILIO_STATUS_PATH, c.challengeId),
        Timeout: String(c.timeoutSeconds),
        // "w" waits half a second before dialling the extension (Calls API, SendDigits).
        ...(c.extension ? { SendDigits: `ww${c.extension}` } : {}),
      }),
  };
}
