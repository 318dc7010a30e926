// Telephony: one interface (./types.ts), providers chosen by PORTCULLIS_TELEPHONY.
import type { Clock } from '../clock.ts';
import type { Config } from '../config/schema.ts';
import type { Db } from '../db/index.ts';
import { outboxTelephony } from './outbox.ts';
import type { Telephony } from './types.ts';

export function createTelephony(config: Config, db: Db, clock: Clock): Telephony {
  switch (config.telephony) {
    case 'outbox':
      return outboxTelephony(db, () => clock.now());
    default:
      throw new Error(`The ${config.telephony} telephony provider is not available yet`);
  }
}
