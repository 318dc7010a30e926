// Who may use an application: the groups assigned to it (Microsoft's
// "assignment required" and its assigned groups), read and replaced whole.
import type { Db } from '../db/index.ts';

export const appAccessStore = (db: Db) => ({
  /** The groups assigned to each application named: application id → groups by name. */
  async groupsOf(appIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
    const out = new Map<string, { id: string; name: string }[]>();
    if (appIds.length === 0) return out;
    const rows = await db
      .selectFrom('application_groups')
      .innerJoin('groups', 'groups.id', 'application_groups.group_id')
      .select(['application_groups.application_id', 'groups.id', 'groups.display_name'])
      .where('application_groups.application_id', 'in', appIds)
      .orderBy('groups.name_normalized')
      .execute();
    for (const r of rows) {
      const list = out.get(r.application_id) ?? [];
      list.push({ id: r.id, name: r.display_name });
      out.set(r.application_id, list);
    }
    return out;
  },

  /** Sets whether assignment is required and replaces the assigned groups. */
  async replace(
    appId: string,
    access: { required: boolean; groupIds: readonly string[] },
    at: number,
  ): Promise<void> {
    await db
      .updateTable('applications')
      .set({ assignment_required: access.required ? 1 : 0 })
      .where('id', '=', appId)
      .execute();
    await db.deleteFrom('application_groups').where('application_id', '=', appId).execute();
    if (access.groupIds.length)
      await db
        .insertInto('application_groups')
        .values(
          access.groupIds.map((group_id) => ({ application_id: appId, group_id, added_at: at })),
        )
        .execute();
  },

  /** Whether the user is a member (directly, or through a directory group's mirror) of an assigned group. */
  async isAssigned(appId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('application_groups')
      .innerJoin('group_members', 'group_members.group_id', 'application_groups.group_id')
      .select('group_members.user_id')
      .where('application_groups.application_id', '=', appId)
      .where('group_members.user_id', '=', userId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
});
