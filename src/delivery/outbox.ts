import type { Db } from '../db/index.ts';
import type { OutboxTable } from '../db/schema.ts';
import type { CallRequest, Telephony, TextMessage } from './types.ts';

export type OutboxEntry = OutboxTable;

/**
 * The built-in provider: texts and calls are rows in the database, read by the
 * phone simulator (/_dev/phone) and `portcullis outbox`. Nothing leaves the machine.
 */
export function outboxTelephony(db: Db, now: () => number): Telephony {
  const insert = (row: Omit<OutboxEntry, 'id' | 'created_at' | 'answered_at'>) =>
    db
      .insertInto('outbox')
      .values({ ...row, id: crypto.randomUUID(), created_at: now(), answered_at: null })
      .execute();
  return {
    name: 'outbox',
    async sendText(m: TextMessage) {
      await insert({
        kind: 'sms',
        to_number: m.to,
        extension: null,
        locale: m.locale,
        body: m.text,
        challenge_id: null,
        status: 'sent',
      });
    },
    async placeCall(c: CallRequest) {
      await insert({
        kind: 'call',
        to_number: c.to,
        extension: c.extension,
        locale: c.locale,
        body: c.script.prompt,
        challenge_id: c.challengeId,
        status: 'ringing',
      });
    },
  };
}

/** Reading and answering the outbox (simulator page and CLI). */
export const outboxStore = (db: Db) => ({
  list: (q: { number?: string; limit: number }) => {
    let query = db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit);
    if (q.number) query = query.where('to_number', '=', q.number);
    return query.execute();
  },
  find: (id: string) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Marks a ringing call answered once; the one caller that did gets the row. */
  answer: (id: string, status: 'answered' | 'fraud' | 'hung_up', at: number) =>
    db
      .updateTable('outbox')
      .set({ status, answered_at: at })
      .where('id', '=', id)
      .where('kind', '=', 'call')
      .where('status', '=', 'ringing')
      .returningAll()
      .executeTakeFirst(),
});
