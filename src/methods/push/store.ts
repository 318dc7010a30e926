import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { PushRequestsTable, PushStatus } from '../../db/schema.ts';

export type PushRequest = PushRequestsTable;

/** Statuses that count against a user's notifications (MFA fatigue). */
export const UNWANTED: readonly PushStatus[] = [
  'denied',
  'fraud',
  'wrong_number',
  'refused',
  'expired',
];

/**
 * Authenticator devices, activation codes and sign-in requests. Every change of
 * state is one conditional UPDATE … RETURNING (STYLE.md, principle 4).
 */
export const pushStore = (db: Db) => ({
  async addActivation(codeHash: string, userId: string, at: number, expiresAt: number) {
    await db
      .insertInto('authenticator_activations')
      .values({
        code_hash: codeHash,
        user_id: userId,
        created_at: at,
        expires_at: expiresAt,
        device_id: null,
      })
      .execute();
  },

  activation: (codeHash: string) =>
    db
      .selectFrom('authenticator_activations')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst(),

  /** Claims an activation code for a new device: only one device wins it, before it expires. */
  async activate(
    codeHash: string,
    device: { id: string; publicKey: string; tokenHash: string },
    at: number,
  ): Promise<string | null> {
    return db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('authenticator_activations')
        .set({ device_id: device.id })
        .where('code_hash', '=', codeHash)
        .where('device_id', 'is', null)
        .where('expires_at', '>', at)
        .returning('user_id')
        .executeTakeFirst();
      if (!claimed) return null;
      await trx
        .insertInto('authenticator_devices')
        .values({
          id: device.id,
          user_id: claimed.user_id,
          public_key: device.publicKey,
          token_hash: device.tokenHash,
          created_at: at,
          last_seen_at: at,
        })
        .execute();
      return claimed.user_id;
    });
  },

  deviceByToken: (tokenHash: string) =>
    db
      .selectFrom('authenticator_devices')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst(),

  async seen(deviceId: string, at: number) {
    await db
      .updateTable('authenticator_devices')
      .set({ last_seen_at: at })
      .where('id', '=', deviceId)
      .execute();
  },

  /** Pending requests that have run out become `expired` (they count as unanswered). */
  async expire(userId: string, now: number) {
    await db
      .updateTable('push_requests')
      .set({ status: 'expired', resolved_at: now })
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .where('expires_at', '<=', now)
      .execute();
  },

  /** A new request of a flow replaces the flow's earlier pending one. */
  async supersede(flowId: string, now: number) {
    await db
      .updateTable('push_requests')
      .set({ status: 'superseded', resolved_at: now })
      .where('flow_id', '=', flowId)
      .where('status', 'in', ['pending', 'approved'])
      .execute();
  },

  /** Inserts a request; false if the user already has one pending (the unique index says so). */
  async insert(row: PushRequest): Promise<boolean> {
    const r = await db
      .insertInto('push_requests')
      .values(row)
      // The predicate is written out: it must match the partial index's, not be a parameter.
      .onConflict((oc) => oc.column('user_id').where(sql<boolean>`status = 'pending'`).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  find: (id: string) =>
    db.selectFrom('push_requests').selectAll().where('id', '=', id).executeTakeFirst(),

  latest: (flowId: string, deviceId: string) =>
    db
      .selectFrom('push_requests')
      .selectAll()
      .where('flow_id', '=', flowId)
      .where('device_id', '=', deviceId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  pendingFor: (deviceId: string, now: number) =>
    db
      .selectFrom('push_requests')
      .selectAll()
      .where('device_id', '=', deviceId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', now)
      .orderBy('created_at', 'asc')
      .execute(),

  /** Moves a request from one status to another once: the caller that gets it back won. */
  move: (id: string, from: PushStatus, to: PushStatus, now: number) =>
    db
      .updateTable('push_requests')
      .set({ status: to, resolved_at: now })
      .where('id', '=', id)
      .where('status', '=', from)
      .where(from === 'pending' ? sql<boolean>`expires_at > ${now}` : sql<boolean>`1 = 1`)
      .returningAll()
      .executeTakeFirst(),

  /** Denied, wrong or unanswered requests of the user since `since`. */
  async unwantedSince(userId: string, since: number): Promise<number> {
    const r = await db
      .selectFrom('push_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('status', 'in', UNWANTED)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
});

export type PushStore = ReturnType<typeof pushStore>;
