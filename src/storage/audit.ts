import type { Db } from '../db/index.ts';
import type { AuditLogTable } from '../db/schema.ts';

export type AuditRow = AuditLogTable;

/** The audit log: who did what to whom (admin actions, fraud reports). */
export const auditStore = (db: Db) => ({
  /** Newest first, filtered; `before` is the cursor (entries strictly older than it). */
  list(q: {
    target?: string;
    actor?: string;
    action?: string;
    since?: number;
    until?: number;
    before?: { at: number; id: string };
    limit: number;
  }): Promise<AuditRow[]> {
    let s = db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit);
    if (q.target) s = s.where((eb) => eb.fn('lower', ['target']), '=', q.target.toLowerCase());
    if (q.actor) s = s.where((eb) => eb.fn('lower', ['actor']), '=', q.actor.toLowerCase());
    if (q.action) s = s.where('action', '=', q.action);
    if (q.since !== undefined) s = s.where('at', '>=', q.since);
    if (q.until !== undefined) s = s.where('at', '<=', q.until);
    const before = q.before;
    if (before)
      s = s.where((eb) =>
        eb.or([
          eb('at', '<', before.at),
          eb.and([eb('at', '=', before.at), eb('id', '<', before.id)]),
        ]),
      );
    return s.execute();
  },

  forUser: (userId: string, limit = 50) =>
    db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_user_id', '=', userId)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute(),
});
