// The one adapter through which oidc-provider keeps its state (sessions,
// grants, codes, tokens, interactions) in our database, SQLite or PostgreSQL.

import { sql } from 'kysely';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { AppContext } from '../context.ts';
import { isCrossedWrite } from '../db/index.ts';
import { type Prepared, prepared } from '../db/prepared.ts';
import { revokeGrant } from './grants.ts';
import { TTL } from './paths.ts';

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Seconds a record stays findable past its expiry. A device code is, for
 * another lifetime: a device still polling then hears expired_token, and
 * its user "code expired" (RFC 8628 §3.5), rather than an unknown code.
 */
const keptPast = (model: string) => (model === 'DeviceCode' ? TTL.DeviceCode : 0);

/** Every token, code and session written: compiled once (src/db/prepared.ts). */
const upsertQuery = prepared((db, slot) => {
  const changed = {
    payload: slot(2),
    grant_id: slot(3),
    uid: slot(4),
    user_code: slot(5),
    expires_at: slot(6),
    account_id: slot(7),
    login_ts: slot(8),
  };
  return db
    .insertInto('oidc_payloads')
    .values({ model: slot(0), id: slot(1), consumed_at: sql<null>`null`, ...changed })
    .onConflict((oc) =>
      oc.columns(['model', 'id']).doUpdateSet({
        payload: (eb) => eb.ref('excluded.payload'),
        grant_id: (eb) => eb.ref('excluded.grant_id'),
        uid: (eb) => eb.ref('excluded.uid'),
        user_code: (eb) => eb.ref('excluded.user_code'),
        expires_at: (eb) => eb.ref('excluded.expires_at'),
        account_id: (eb) => eb.ref('excluded.account_id'),
        login_ts: (eb) => eb.ref('excluded.login_ts'),
      }),
    );
});
/** A live record by one of its keys (compiled once per key). */
const liveQuery = prepared((db, slot, by: 'id' | 'uid' | 'user_code') =>
  db
    .selectFrom('oidc_payloads')
    .select(['payload', 'consumed_at'])
    .where('model', '=', slot(0))
    .where(by, '=', slot(1))
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', slot(2))])),
);
/** Marks a record used unless it already is: a row back only for the one consumer that did. */
const consumeQuery = prepared((db, slot) =>
  db
    .updateTable('oidc_payloads')
    .set({ consumed_at: slot(0) })
    .where('model', '=', slot(1))
    .where('id', '=', slot(2))
    .where('consumed_at', 'is', null)
    .returning('id'),
);
/** PostgreSQL text holds no NUL: an id with one (from a request) names nothing, and is not asked for. */
export const nameable = (id: string) => !id.includes('\u0000');

/**
 * An adapter class for oidc-provider's `adapter` option. `consume` is atomic:
 * of two racing redemptions of one authorization code or refresh token,
 * exactly one consumes it; the other gets invalid_grant. Writes share the
 * group commit (src/db/group-commit.ts): the records of grants issued at the
 * same moment are committed together, each request still answered only once
 * its own are stored.
 */
export function oidcAdapter(ctx: AppContext) {
  const { db, clock, groupCommit } = ctx;
  const write = groupCommit.write;
  /**
   * A prepared write in the next group commit: on SQLite run at once on the
   * writing connection (no trip through Kysely per statement), else queued.
   */
  const commit = <R>(query: Prepared<number, R>, values: readonly unknown[]): Promise<R[]> =>
    groupCommit.runNow
      ? groupCommit.runNow((w) => query.now(w, 0, values))
      : groupCommit.run(async (trx) => (await query(trx, 0, values)).rows);
  const live = async (model: string, by: 'id' | 'uid' | 'user_code', key: string) =>
    (await liveQuery(db, by, [model, key, clock.now()])).rows[0];
  const toPayload = (r: { payload: string; consumed_at: number | null } | undefined) =>
    r
      ? ({
          ...(JSON.parse(r.payload) as AdapterPayload),
          ...(r.consumed_at !== null ? { consumed: seconds(r.consumed_at) } : {}),
        } as AdapterPayload)
      : undefined;

  /** Reuse: the record's whole grant goes, the grant first (so the rest can no longer be issued under it). */
  const revokeGrantOf = async (model: string, id: string) => {
    const row = await db
      .selectFrom('oidc_payloads')
      .select('grant_id')
      .where('model', '=', model)
      .where('id', '=', id)
      .executeTakeFirst();
    if (row?.grant_id) await revokeGrant(db, row.grant_id);
  };

  return class DatabaseAdapter implements Adapter {
    constructor(readonly name: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const row = {
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        uid: payload.uid ?? null,
        user_code: payload.userCode ?? null,
        expires_at: expiresIn ? clock.now() + (expiresIn + keptPast(this.name)) * 1000 : null,
      };
      await commit(upsertQuery, [
        this.name,
        id,
        row.payload,
        row.grant_id,
        row.uid,
        row.user_code,
        row.expires_at,
        typeof payload.accountId === 'string' ? payload.accountId : null,
        typeof payload.loginTs === 'number' ? payload.loginTs : null,
      ]);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (!nameable(id)) return undefined;
      return toPayload(await live(this.name, 'id', id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      if (!nameable(uid)) return undefined;
      return toPayload(await live(this.name, 'uid', uid));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      if (!nameable(userCode)) return undefined;
      return toPayload(await live(this.name, 'user_code', userCode));
    }

    /**
     * Marks the record used, once: a second consumer is refused (one update
     * decides). Losing the race is a reuse, treated as oidc-provider treats a
     * later one: the whole grant goes — its record too, so even tokens the
     * winner is still issuing are dead on arrival.
     */
    async consume(id: string): Promise<void> {
      if ((await commit(consumeQuery, [clock.now(), this.name, id])).length === 1) return;
      await revokeGrantOf(this.name, id).catch(async (e: unknown) => {
        // Racing losers delete the same rows as the winner writes its own: on
        // PostgreSQL one may be undone to break a deadlock. Once more; the
        // answer is invalid_grant either way.
        if (!isCrossedWrite(e)) throw e;
        await revokeGrantOf(this.name, id);
      });
      throw new errors.InvalidGrant('grant already used');
    }

    async destroy(id: string): Promise<void> {
      await write((db) =>
        db
          .deleteFrom('oidc_payloads')
          .where('model', '=', this.name)
          .where('id', '=', id)
          .execute(),
      );
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await write((db) => db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute());
    }
  };
}
