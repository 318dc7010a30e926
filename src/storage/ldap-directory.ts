// What an application's LDAP service account reads: the users who may use the
// application (not blocked; members of its groups when it requires
// assignment) and the groups, a page at a time in name order, narrowed in SQL
// by what the search filter names (uid, mail, memberOf, cn, member) so that
// `(uid=alice@contoso.com)` reads one row, not the whole directory.
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';

/** The application whose service account reads. */
export interface DirectoryScope {
  appId: string;
  /** Only members of the application's groups. */
  assignmentRequired: boolean;
}

/** Which users a search may match, at most: any user named by one of these (null: no narrowing). */
export interface UserNarrowing {
  /** Lowercased UPNs (uid). */
  upns: string[];
  /** Lowercased mail addresses (the directory's mail, else the UPN). */
  mails: string[];
  /** Members of these groups (lowercased names). */
  groupNames: string[];
}

/** Which groups a search may match, at most (null: no narrowing). */
export interface GroupNarrowing {
  /** Lowercased names (cn). */
  names: string[];
  /** Groups of these users (lowercased UPNs: member). */
  memberUpns: string[];
}

export interface DirectoryUser {
  id: string;
  upn: string;
  upn_normalized: string;
  display_name: string;
  directory_mail: string | null;
  profile: string;
}

export interface DirectoryGroup {
  id: string;
  display_name: string;
  name_normalized: string;
  description: string;
}

type Eb = ExpressionBuilder<Database, 'users'>;

/** The users the scope lets the service account see. */
const visible = (eb: Eb, scope: DirectoryScope) => {
  const open = eb('users.blocked', '=', 0);
  if (!scope.assignmentRequired) return open;
  return eb.and([
    open,
    eb.exists(
      eb
        .selectFrom('application_groups')
        .innerJoin('group_members', 'group_members.group_id', 'application_groups.group_id')
        .select(sql.lit(1).as('one'))
        .where('application_groups.application_id', '=', scope.appId)
        .whereRef('group_members.user_id', '=', 'users.id'),
    ),
  ]);
};

export const ldapDirectoryStore = (db: Db) => ({
  /** A page of visible users in UPN order, after `after`, narrowed. */
  users(
    scope: DirectoryScope,
    page: { after?: string; limit: number },
    narrow: UserNarrowing | null,
  ): Promise<DirectoryUser[]> {
    let q = db
      .selectFrom('users')
      .select(['id', 'upn', 'upn_normalized', 'display_name', 'directory_mail', 'profile'])
      .where((eb) => visible(eb, scope))
      .orderBy('upn_normalized')
      .limit(page.limit);
    if (page.after !== undefined) q = q.where('upn_normalized', '>', page.after);
    if (narrow) {
      const { upns, mails, groupNames } = narrow;
      q = q.where((eb) =>
        eb.or([
          ...(upns.length ? [eb('upn_normalized', 'in', upns)] : []),
          ...(mails.length
            ? [
                eb(sql`lower(directory_mail)`, 'in', mails),
                eb.and([eb('directory_mail', 'is', null), eb('upn_normalized', 'in', mails)]),
              ]
            : []),
          ...(groupNames.length
            ? [
                eb(
                  'users.id',
                  'in',
                  eb
                    .selectFrom('group_members')
                    .innerJoin('groups', 'groups.id', 'group_members.group_id')
                    .select('group_members.user_id')
                    .where('groups.name_normalized', 'in', groupNames),
                ),
              ]
            : []),
          // Nothing named: nothing matches (an OR of no terms).
          ...(upns.length + mails.length + groupNames.length === 0 ? [sql<boolean>`1 = 0`] : []),
        ]),
      );
    }
    return q.execute();
  },

  /** A page of groups in name order, after `after`, narrowed. */
  groups(page: { after?: string; limit: number }, narrow: GroupNarrowing | null) {
    let q = db
      .selectFrom('groups')
      .select(['id', 'display_name', 'name_normalized', 'description'])
      .orderBy('name_normalized')
      .limit(page.limit);
    if (page.after !== undefined) q = q.where('name_normalized', '>', page.after);
    if (narrow) {
      const { names, memberUpns } = narrow;
      q = q.where((eb) =>
        eb.or([
          ...(names.length ? [eb('name_normalized', 'in', names)] : []),
          ...(memberUpns.length
            ? [
                eb(
                  'groups.id',
                  'in',
                  eb
                    .selectFrom('group_members')
                    .innerJoin('users', 'users.id', 'group_members.user_id')
                    .select('group_members.group_id')
                    .where('users.upn_normalized', 'in', memberUpns),
                ),
              ]
            : []),
          ...(names.length + memberUpns.length === 0 ? [sql<boolean>`1 = 0`] : []),
        ]),
      );
    }
    return q.execute() as Promise<DirectoryGroup[]>;
  },

  /** The visible members of groups: group id → UPNs, in UPN order. */
  async members(
    scope: DirectoryScope,
    groupIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (groupIds.length === 0) return out;
    const rows = await db
      .selectFrom('group_members')
      .innerJoin('users', 'users.id', 'group_members.user_id')
      .select(['group_members.group_id', 'users.upn'])
      .where('group_members.group_id', 'in', groupIds)
      .where((eb) => visible(eb as unknown as Eb, scope))
      .orderBy('users.upn_normalized')
      .execute();
    for (const r of rows) {
      const list = out.get(r.group_id) ?? [];
      list.push(r.upn);
      out.set(r.group_id, list);
    }
    return out;
  },

  /** The groups of users: user id → group names, in name order. */
  async groupsOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (userIds.length === 0) return out;
    const rows = await db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.user_id', 'groups.display_name'])
      .where('group_members.user_id', 'in', userIds)
      .orderBy('groups.name_normalized')
      .execute();
    for (const r of rows) {
      const list = out.get(r.user_id) ?? [];
      list.push(r.display_name);
      out.set(r.user_id, list);
    }
    return out;
  },
});
