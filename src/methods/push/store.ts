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

  /**
   * Pending requests of the user's sign-ins that are over (ended, expired or
   * deleted: finished another way, e.g. with a code from the app) stop holding
   * the user's one pending place. Superseded is not unwanted (MFA fatigue).
   */
  async supersedeEnded(userId: string, now: number) {
    await db
      .updateTable('push_requests')
      .set({ status: 'superseded', resolved_at: now })
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('signin_flows')
              .select('signin_flows.id')
              .whereRef('signin_flows.id', '=', 'push_requests.flow_id')
              .where('signin_flows.ended_at', 'is', null)
              .where('signin_flows.expires_at', '>', now),
          ),
        ),
      )
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

  // Housekeeping (pushMethod.sweep).

  /** Requests whose life ended (expired, and resolved if they were) before `before`. */
  async deleteRequests(before: number) {
    await db
      .deleteFrom('push_requests')
      .where('expires_at', '<', before)
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '<', before)]))
      .execute();
  },

  async deleteActivations(before: number) {
    await db.deleteFrom('authenticator_activations').where('expires_at', '<', before).execute();
  },

  /** Devices the registrations of these MethodTypes name (their JSON read here, not in SQL). */
  async registeredDevices(methodTypes: readonly string[]): Promise<Set<string>> {
    const rows = await db
      .selectFrom('auth_methods')
      .select('details')
      .where('method_type', 'in', methodTypes)
      .execute();
    return new Set(rows.map((r) => String(JSON.parse(r.details).deviceId ?? '')));
  },

  deviceIds: async () =>
    (await db.selectFrom('authenticator_devices').select('id').execute()).map((r) => r.id),

  /**
   * Deletes devices (their push subscriptions go too: ON DELETE CASCADE) — but
   * not one an activation code still names: its enrolment may yet register it.
   */
  async deleteDevices(ids: readonly string[]) {
    for (let i = 0; i < ids.length; i += 500)
      await db
        .deleteFrom('authenticator_devices')
        .where('id', 'in', ids.slice(i, i + 500))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('authenticator_activations')
                .select('authenticator_activations.code_hash')
                .whereRef('authenticator_activations.device_id', '=', 'authenticator_devices.id'),
            ),
          ),
        )
        .execute();
  },
});

export type PushStore = ReturnType<typeof pushStore>;
