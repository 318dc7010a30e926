import type { Db } from '../db/index.ts';

/** Organisation-wide settings, one JSON value per key. */
export const settingsStore = (db: Db) => ({
  async get(key: string): Promise<unknown> {
    const r = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return r ? JSON.parse(r.value) : undefined;
  },
  async set(key: string, value: unknown, at: number): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
      .execute();
  },
});

export type SettingsStore = ReturnType<typeof settingsStore>;
