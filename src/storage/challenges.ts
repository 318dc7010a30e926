import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { ChallengeStatus, ChallengesTable } from '../db/schema.ts';

export type ChallengeRow = ChallengesTable;

/**
 * Phone challenges (a code sent, a call placed). Every change of state is one
 * conditional UPDATE … RETURNING, so racing requests cannot both win.
 */
export const challengesStore = (db: Db) => ({
  async insert(row: ChallengeRow): Promise<void> {
    await db.insertInto('challenges').values(row).execute();
  },

  find: (id: string) =>
    db.selectFrom('challenges').selectAll().where('id', '=', id).executeTakeFirst(),

  /** The newest challenge of a flow for one registration (or enrolment, with null). */
  latest: (flowId: string, registrationId: string | null) =>
    db
      .selectFrom('challenges')
      .selectAll()
      .where('flow_id', '=', flowId)
      .where(
        registrationId === null
          ? sql<boolean>`registration_id is null`
          : sql<boolean>`registration_id = ${registrationId}`,
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  /** A resend makes every earlier pending challenge of the flow worthless. */
  async supersede(flowId: string, at: number): Promise<void> {
    await db
      .updateTable('challenges')
      .set({ status: 'superseded', resolved_at: at })
      .where('flow_id', '=', flowId)
      .where('status', 'in', ['pending', 'approved'])
      .execute();
  },

  /** Consumes a pending code if it matches and has not expired: true for the one winner. */
  async consumeCode(id: string, codeHash: string, now: number): Promise<boolean> {
    const r = await db
      .updateTable('challenges')
      .set({ status: 'consumed', resolved_at: now })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('expires_at', '>', now)
      .where('code_hash', '=', codeHash)
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Counts a wrong code; at `max` the challenge fails. Returns the new count. */
  async addAttempt(id: string, max: number, now: number): Promise<number> {
    const r = await db
      .updateTable('challenges')
      .set({
        attempts: sql`attempts + 1`,
        status: sql`case when attempts + 1 >= ${max} then 'failed' else status end`,
        resolved_at: sql`case when attempts + 1 >= ${max} then ${now} else resolved_at end`,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning('attempts')
      .executeTakeFirst();
    return r?.attempts ?? max;
  },

  /** Settles a pending challenge once (a call's outcome, a failed delivery, a timeout). */
  settle: (id: string, status: ChallengeStatus, at: number) =>
    db
      .updateTable('challenges')
      .set({ status, resolved_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst(),

  /** Settles a pending call (never a texted code: only calls are approved out of band). */
  settleCall: (id: string, status: ChallengeStatus, at: number) =>
    db
      .updateTable('challenges')
      .set({ status, resolved_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('code_hash', 'is', null)
      .returningAll()
      .executeTakeFirst(),

  /** Uses an approved call once. */
  async consumeApproved(id: string, at: number): Promise<boolean> {
    const r = await db
      .updateTable('challenges')
      .set({ status: 'consumed', resolved_at: at })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },
});

export type ChallengesStore = ReturnType<typeof challengesStore>;
