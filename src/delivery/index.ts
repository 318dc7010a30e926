// Telephony: one interface (./types.ts), providers chosen by PORTCULLIS_TELEPHONY.
import type { Clock } from '../clock.ts';
import { ConfigError } from '../config/load.ts';
import { type Config, configSchema } from '../config/schema.ts';
import type { Db } from '../db/index.ts';
import { outboxTelephony } from './outbox.ts';
import { twilioTelephony } from './twilio.ts';
import type { Telephony } from './types.ts';
import { webhookTelephony } from './webhook.ts';

const listed = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

/** The provider's settings, present; otherwise one line naming every missing variable. */
function settings<K extends keyof Config>(
  config: Config,
  keys: readonly K[],
): { [P in K]: NonNullable<Config[P]> } {
  const missing = keys.filter((k) => config[k] === undefined || config[k] === '');
  if (missing.length > 0) {
    const names = missing.map((k) => configSchema[k as keyof typeof configSchema].env);
    throw new ConfigError(`PORTCULLIS_TELEPHONY=${config.telephony} needs ${listed(names)}`);
  }
  return config as { [P in K]: NonNullable<Config[P]> };
}

export function createTelephony(config: Config, db: Db, clock: Clock): Telephony {
  const now = () => clock.now();
  switch (config.telephony) {
    case 'outbox':
      return outboxTelephony(db, now);
    case 'webhook':
      return webhookTelephony(
        { ...config, ...settings(config, ['webhookUrl', 'webhookSecret']) },
        { now },
      );
    case 'twilio':
      return twilioTelephony({
        ...config,
        ...settings(config, ['twilioAccountSid', 'twilioAuthToken', 'twilioFrom']),
      });
  }
}
