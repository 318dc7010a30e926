// Telephony that reaches no phone: the outbox (the default provider) keeps
// texts and calls in the database. Wherever phone methods are offered to an
// administrator — the portal, the start-up log, `portcullis settings` — they
// are told, rather than the codes being collected silently.
import type { Config } from '../config/schema.ts';
import { catalogue } from '../methods/catalogue.ts';

/**
 * The methods that text or call (of `among`, when given) while nothing
 * delivers texts and calls; none with a real provider.
 */
export function undeliveredMethods(
  config: Pick<Config, 'telephony'>,
  among?: readonly string[],
): string[] {
  if (config.telephony !== 'outbox') return [];
  return catalogue.filter((m) => m.telephony && (!among || among.includes(m.id))).map((m) => m.id);
}

/** One English line for the log and the command line. */
export const undeliveredWarning = (ids: readonly string[]) =>
  `${ids.join(', ')} allowed, but PORTCULLIS_TELEPHONY=outbox delivers no text or call to any phone (they stay in the outbox: \`portcullis outbox\`); set PORTCULLIS_TELEPHONY=webhook or twilio, or stop allowing these methods`;
