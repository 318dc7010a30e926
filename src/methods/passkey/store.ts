import type { Db } from '../../db/index.ts';
import type { PasskeysTable } from '../../db/schema.ts';

export type PasskeyRow = PasskeysTable;

/** The flow id recorded for challenges of passwordless sign-ins (no flow exists yet). */
const PASSWORDLESS = 'passwordless';

/** A user's passkeys (public keys and counters) and the single-use sign-in challenges. */
export const passkeysStore = (db: Db) => ({
  /**
   * Stores a new credential. A credential id belongs to one user: a row of the
   * same user left by an earlier, removed registration is replaced; another
   * user's is not (false).
   */
  async add(row: PasskeyRow): Promise<boolean> {
    await db
      .deleteFrom('passkeys')
      .where('credential_id', '=', row.credential_id)
      .where('user_id', '=', row.user_id)
      .execute();
    const r = await db
      .insertInto('passkeys')
      .values(row)
      .onConflict((oc) => oc.column('credential_id').doNothing())
      .returning('credential_id')
      .executeTakeFirst();
    return r !== undefined;
  },

  find: (userId: string, credentialId: string) =>
    db
      .selectFrom('passkeys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst(),

  /** A credential by its id, whoever's it is (passwordless sign-in: the assertion names it). */
  byId: (credentialId: string) =>
    db
      .selectFrom('passkeys')
      .selectAll()
      .where('credential_id', '=', credentialId)
      .executeTakeFirst(),

  /** The passkeys of these credential ids of a user (those of live registrations). */
  listByIds: async (userId: string, ids: readonly string[]): Promise<PasskeyRow[]> =>
    ids.length === 0
      ? []
      : db
          .selectFrom('passkeys')
          .selectAll()
          .where('user_id', '=', userId)
          .where('credential_id', 'in', ids)
          .execute(),

  /**
   * Moves the counter from the value read to a greater one: of racing
   * requests with the same assertion, one wins (STYLE.md, principle 4).
   */
  async advance(credentialId: string, from: number, to: number, at: number): Promise<boolean> {
    const r = await db
      .updateTable('passkeys')
      .set({ counter: to, last_used_at: at })
      .where('credential_id', '=', credentialId)
      .where('counter', '=', from)
      .where('flagged_at', 'is', null)
      .returning('credential_id')
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Marks a possibly cloned credential and records it in the audit log, together. */
  async flag(
    row: PasskeyRow,
    received: number,
    at: number,
    user: { id: string; upn: string },
    ip: string | null,
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('passkeys')
        .set({ flagged_at: at })
        .where('credential_id', '=', row.credential_id)
        .where('flagged_at', 'is', null)
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          id: crypto.randomUUID(),
          at,
          actor: user.upn,
          action: 'passkey_flagged',
          target_user_id: user.id,
          target: user.upn,
          detail: JSON.stringify({
            reason: 'passkey counter went backwards',
            credentialId: row.credential_id,
            name: row.name,
            stored: Number(row.counter),
            received,
          }),
          ip,
        })
        .execute();
    });
  },

  /** Keeps a sign-in challenge for this attempt until it is used once or expires. */
  async addChallenge(
    challenge: string,
    flowId: string,
    userId: string,
    at: number,
    lifetimeMs: number,
  ): Promise<void> {
    // Challenges no one used are kept an hour past their expiry, then go.
    await db
      .deleteFrom('passkey_challenges')
      .where('expires_at', '<', at - 3_600_000)
      .execute();
    await db
      .insertInto('passkey_challenges')
      .values({
        challenge,
        flow_id: flowId,
        user_id: userId,
        created_at: at,
        expires_at: at + lifetimeMs,
        used_at: null,
      })
      .execute();
  },

  /** Uses a challenge of this attempt: true only for the one caller whose conditional update won. */
  async consumeChallenge(challenge: string, flowId: string, at: number): Promise<boolean> {
    const r = await db
      .updateTable('passkey_challenges')
      .set({ used_at: at })
      .where('challenge', '=', challenge)
      .where('flow_id', '=', flowId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('challenge')
      .executeTakeFirst();
    return r !== undefined;
  },

  /**
   * Spends a challenge the server signed instead of storing (the sign-in page
   * writes nothing): recorded as used by one insert, so of racing requests with
   * the same challenge one wins, and it can never be used again.
   */
  async spendSigned(
    challenge: string,
    userId: string,
    at: number,
    expiresAt: number,
  ): Promise<boolean> {
    const r = await db
      .insertInto('passkey_challenges')
      .values({
        challenge,
        flow_id: PASSWORDLESS,
        user_id: userId,
        created_at: at,
        expires_at: expiresAt,
        used_at: at,
      })
      .onConflict((oc) => oc.column('challenge').doNothing())
      .returning('challenge')
      .executeTakeFirst();
    return r !== undefined;
  },

  /**
   * Deletes passkeys no registration names (their method was removed: they
   * can no longer be used) and challenges an hour past their expiry. A passkey
   * is stored just before its registration, so only those an hour old go.
   */
  async sweep(liveIds: ReadonlySet<string>, now: number): Promise<void> {
    await db
      .deleteFrom('passkey_challenges')
      .where('expires_at', '<', now - 3_600_000)
      .execute();
    const rows = await db
      .selectFrom('passkeys')
      .select('credential_id')
      .where('created_at', '<', now - 3_600_000)
      .execute();
    const dead = rows.map((r) => r.credential_id).filter((id) => !liveIds.has(id));
    for (let i = 0; i < dead.length; i += 500)
      await db
        .deleteFrom('passkeys')
        .where('credential_id', 'in', dead.slice(i, i + 500))
        .execute();
  },

  /** Whether the challenge of this attempt was used already. */
  challengeUsed: async (challenge: string, flowId: string) =>
    (await db
      .selectFrom('passkey_challenges')
      .select('used_at')
      .where('challenge', '=', challenge)
      .where('flow_id', '=', flowId)
      .where('used_at', 'is not', null)
      .executeTakeFirst()) !== undefined,
});
