import type { Db } from '../db/index.ts';
import type { AuditLogTable } from '../db/schema.ts';

export type AuditRow = AuditLogTable;

/** The audit log: who did what to whom (admin actions, fraud reports). */
export const auditStore = (db: Db) => ({
  async record(row: AuditRow): Promise<void> {
    await db.insertInto('audit_log').values(row).execute();
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
