import type { Db } from '../db/index.ts';
import type { ApiTokensTable } from '../db/schema.ts';

export const apiTokensStore = (db: Db) => ({
  async insert(row: ApiTokensTable): Promise<void> {
    await db.insertInto('api_tokens').values(row).execute();
  },
  find: (id: string) =>
    db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst(),
  async touch(id: string, at: number): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
});

export type ApiTokensStore = ReturnType<typeof apiTokensStore>;
