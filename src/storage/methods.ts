import type { Db } from '../db/index.ts';
import type { AuthMethodsTable } from '../db/schema.ts';

export type MethodRow = AuthMethodsTable;

/** Registered verification methods of users (the rows behind StrongAuthenticationMethods). */
export const methodsStore = (db: Db) => ({
  listForUser: (userId: string) =>
    db
      .selectFrom('auth_methods')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('is_default', 'desc')
      .orderBy('created_at')
      .execute(),

  listForUsers: async (userIds: string[]): Promise<MethodRow[]> =>
    userIds.length === 0
      ? []
      : db
          .selectFrom('auth_methods')
          .selectAll()
          .where('user_id', 'in', userIds)
          .orderBy('is_default', 'desc')
          .orderBy('created_at')
          .execute(),

  /** Registers a method; when it is to be the default, the previous default stops being one. */
  async add(row: MethodRow): Promise<void> {
    await db.transaction().execute(async (trx) => {
      if (row.is_default) {
        await trx
          .updateTable('auth_methods')
          .set({ is_default: 0 })
          .where('user_id', '=', row.user_id)
          .execute();
      }
      await trx.insertInto('auth_methods').values(row).execute();
    });
  },

  /** Makes one method the user's default: the old default stops being one first (one default a user). Run it in a transaction. */
  async makeDefault(userId: string, id: string): Promise<void> {
    await db
      .updateTable('auth_methods')
      .set({ is_default: 0 })
      .where('user_id', '=', userId)
      .execute();
    await db.updateTable('auth_methods').set({ is_default: 1 }).where('id', '=', id).execute();
  },

  async touch(id: string, at: number): Promise<void> {
    await db.updateTable('auth_methods').set({ last_used_at: at }).where('id', '=', id).execute();
  },
});

export type MethodsStore = ReturnType<typeof methodsStore>;
