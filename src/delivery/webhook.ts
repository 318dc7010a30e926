import type { Config } from '../config/schema.ts';
import { type ProviderOptions, postWithRetry } from './http.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './signatures.ts';
import type { CallRequest, Telephony, TextMessage } from './types.ts';

/** Where the receiver of our webhook reports how a call ended (src/http/routes/telephony.ts). */
export const WEBHOOK_CALLBACK_PATH = '/telephony/webhook/callback';

export type WebhookConfig = Pick<Config, 'publicUrl' | 'deliveryTimeoutMs'> & {
  webhookUrl: string;
  webhookSecret: string;
};

/**
 * Delivers texts and calls as signed JSON to a URL of the operator's choice,
 * which reports call outcomes back to WEBHOOK_CALLBACK_PATH, signed alike.
 */
export function webhookTelephony(config: WebhookConfig, o: ProviderOptions = {}): Telephony {
  const now = o.now ?? Date.now;
  const send = (payload: object) => {
    const body = JSON.stringify(payload);
    return postWithRetry(
      'The webhook',
      config.webhookUrl,
      {
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(config.webhookSecret, body, now()),
          // The same key on the retry lets the receiver drop a duplicate when
          // the first attempt was delivered but its answer was lost.
          'idempotency-key': crypto.randomUUID(),
        },
        body,
      },
      { timeoutMs: config.deliveryTimeoutMs, retryPauseMs: o.retryPauseMs ?? 200 },
    );
  };
  return {
    name: 'webhook',
    sendText: (m: TextMessage) => send({ type: 'sms', to: m.to, text: m.text, locale: m.locale }),
    placeCall: (c: CallRequest) =>
      send({
        type: 'call',
        to: c.to,
        extension: c.extension,
        locale: c.locale,
        script: { prompt: c.script.prompt, approved: c.script.approved, fraud: c.script.fraud },
        challengeId: c.challengeId,
        callbackUrl: `${config.publicUrl}${WEBHOOK_CALLBACK_PATH}`,
      }),
  };
}
