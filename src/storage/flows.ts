import type { Db } from '../db/index.ts';
import type { SigninFlowsTable } from '../db/schema.ts';

export type FlowRow = SigninFlowsTable;

/** Sign-in flow records: the server-side state machine of one sign-in attempt. */
export const flowsStore = (db: Db) => ({
  async insert(row: FlowRow): Promise<void> {
    await db.insertInto('signin_flows').values(row).execute();
  },

  /** A flow that has neither ended nor expired. */
  findActive: (id: string, now: number) =>
    db
      .selectFrom('signin_flows')
      .selectAll()
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst(),

  async update(
    id: string,
    patch: Partial<
      Pick<
        FlowRow,
        'factors' | 'pending_sealed' | 'remember_device' | 'proofup_postponed' | 'campaign_snoozed'
      >
    >,
  ): Promise<void> {
    await db.updateTable('signin_flows').set(patch).where('id', '=', id).execute();
  },

  /** Takes the flow's pending registration once: true for the one caller that took it. */
  async takePending(id: string, sealed: string): Promise<boolean> {
    const r = await db
      .updateTable('signin_flows')
      .set({ pending_sealed: null })
      .where('id', '=', id)
      .where('pending_sealed', '=', sealed)
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Ends a flow once: true for the one caller that ended it. */
  async end(id: string, at: number): Promise<boolean> {
    const r = await db
      .updateTable('signin_flows')
      .set({ ended_at: at, pending_sealed: null })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },
});

export type FlowsStore = ReturnType<typeof flowsStore>;
