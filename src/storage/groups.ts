import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { GroupsTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from './errors.ts';

export type GroupRow = GroupsTable;
export type GroupWithCount = GroupRow & { member_count: number };

export interface GroupListQuery {
  /** Part of the name, any case. */
  search?: string;
  /** Exclusive lower bound on name_normalized (the cursor). */
  after?: string;
  limit: number;
}

const CHUNK = 500;

export const groupsStore = (db: Db) => ({
  async insert(group: GroupRow): Promise<void> {
    try {
      await db.insertInto('groups').values(group).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('group_name_taken');
      throw e;
    }
  },

  async rename(id: string, displayName: string, at: number): Promise<void> {
    try {
      await db
        .updateTable('groups')
        .set({
          display_name: displayName,
          name_normalized: displayName.toLowerCase(),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('group_name_taken');
      throw e;
    }
  },

  findById: (id: string) =>
    db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst(),

  findByName: (name: string) =>
    db
      .selectFrom('groups')
      .selectAll()
      .where('name_normalized', '=', name.trim().toLowerCase())
      .executeTakeFirst(),

  /** A page of groups by name, with how many members each has. */
  list({ search, after, limit }: GroupListQuery): Promise<GroupWithCount[]> {
    let q = db
      .selectFrom('groups')
      .selectAll('groups')
      .select((eb) =>
        eb
          .selectFrom('group_members')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('group_members.group_id', '=', 'groups.id')
          .as('member_count'),
      )
      .orderBy('name_normalized')
      .limit(limit);
    if (after) q = q.where('name_normalized', '>', after);
    if (search)
      q = q.where(
        'name_normalized',
        'like',
        `%${search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`,
      );
    return q
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) })));
  },

  /** Member ids of a group, in UPN order, one page at a time. */
  async members(
    groupId: string,
    page: { after?: string; limit: number },
  ): Promise<{ id: string; upn: string; upn_normalized: string; display_name: string }[]> {
    let q = db
      .selectFrom('group_members')
      .innerJoin('users', 'users.id', 'group_members.user_id')
      .select(['users.id', 'users.upn', 'users.upn_normalized', 'users.display_name'])
      .where('group_members.group_id', '=', groupId)
      .orderBy('users.upn_normalized')
      .limit(page.limit);
    if (page.after) q = q.where('users.upn_normalized', '>', page.after);
    return q.execute();
  },

  async memberIds(groupId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('group_members')
      .select('user_id')
      .where('group_id', '=', groupId)
      .execute();
    return rows.map((r) => r.user_id);
  },

  /** The groups a user is a member of, by id. */
  async groupIdsOf(userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('group_members')
      .select('group_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.group_id);
  },

  /** Adds members (already there: nothing happens); returns the ids newly added. */
  async addMembers(groupId: string, userIds: readonly string[], at: number): Promise<string[]> {
    const present = new Set(await this.memberIdsAmong(groupId, userIds));
    const fresh = [...new Set(userIds)].filter((id) => !present.has(id));
    for (let i = 0; i < fresh.length; i += CHUNK)
      await db
        .insertInto('group_members')
        .values(
          fresh
            .slice(i, i + CHUNK)
            .map((user_id) => ({ group_id: groupId, user_id, added_at: at })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    return fresh;
  },

  /** Removes members; returns the ids that were members. */
  async removeMembers(groupId: string, userIds: readonly string[]): Promise<string[]> {
    const present = await this.memberIdsAmong(groupId, userIds);
    for (let i = 0; i < present.length; i += CHUNK)
      await db
        .deleteFrom('group_members')
        .where('group_id', '=', groupId)
        .where('user_id', 'in', present.slice(i, i + CHUNK))
        .execute();
    return present;
  },

  async memberIdsAmong(groupId: string, userIds: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom('group_members')
        .select('user_id')
        .where('group_id', '=', groupId)
        .where('user_id', 'in', userIds.slice(i, i + CHUNK))
        .execute();
      out.push(...rows.map((r) => r.user_id));
    }
    return out;
  },

  /** The groups of several users (for user views): user id → group names. */
  async groupsOf(
    userIds: readonly string[],
  ): Promise<Map<string, { id: string; name: string; adminRole: boolean }[]>> {
    const out = new Map<string, { id: string; name: string; adminRole: boolean }[]>();
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .select(['group_members.user_id', 'groups.id', 'groups.display_name', 'groups.admin_role'])
        .where('group_members.user_id', 'in', userIds.slice(i, i + CHUNK))
        .orderBy('groups.name_normalized')
        .execute();
      for (const r of rows) {
        const list = out.get(r.user_id) ?? [];
        list.push({ id: r.id, name: r.display_name, adminRole: r.admin_role === 1 });
        out.set(r.user_id, list);
      }
    }
    return out;
  },

  /**
   * Makes `is_admin` true exactly for the users given the role themselves
   * (`admin_direct`) or through a group with it; for the users named, or all.
   */
  async refreshAdminRole(userIds?: readonly string[]): Promise<void> {
    const value = sql<number>`case when admin_direct = 1 or exists (select 1 from group_members gm join groups g on g.id = gm.group_id where gm.user_id = users.id and g.admin_role = 1) then 1 else 0 end`;
    if (!userIds) {
      await db.updateTable('users').set({ is_admin: value }).execute();
      return;
    }
    for (let i = 0; i < userIds.length; i += CHUNK)
      await db
        .updateTable('users')
        .set({ is_admin: value })
        .where('id', 'in', userIds.slice(i, i + CHUNK))
        .execute();
  },
});

export type GroupsStore = ReturnType<typeof groupsStore>;
