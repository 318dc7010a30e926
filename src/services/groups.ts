// Groups: sets of users that roles and policies name. Made by hand (portal,
// API, CLI), by a provisioning system (SCIM) or by the directory sync; a
// directory group's name and members are the directory's. A group may carry
// the administrator role: its members are administrators while they are in it.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { GroupSource, MfaState } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type GroupRow, groupsStore } from '../storage/groups.ts';
import type { UserRow } from '../storage/users.ts';
import { type Actor, audit } from './audit.ts';
import { applyStates } from './user-admin.ts';
import { decodeCursor, encodeCursor } from './users.ts';
import { parseDisplayName, printable } from './validation.ts';

export interface GroupView {
  id: string;
  displayName: string;
  description: string;
  /** local (made by hand), scim (a provisioning system), directory (synced). */
  source: GroupSource;
  externalId: string | null;
  /** Members are administrators. */
  adminRole: boolean;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface GroupMember {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

export const toGroupView = (g: GroupRow, memberCount: number): GroupView => ({
  id: g.id,
  displayName: g.display_name,
  description: g.description,
  source: g.source,
  externalId: g.external_id,
  adminRole: g.admin_role === 1,
  memberCount,
  createdAt: new Date(g.created_at).toISOString(),
  updatedAt: new Date(g.updated_at).toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A group by its id or its name (any case). */
export async function requireGroup(ctx: AppContext, ref: string): Promise<GroupRow> {
  const store = groupsStore(ctx.db);
  const group =
    (UUID.test(ref.trim()) ? await store.findById(ref.trim().toLowerCase()) : undefined) ??
    (await store.findByName(ref));
  if (!group)
    throw new AppError('group_not_found', {
      detail: `No group is named "${printable(ref).trim().slice(0, 120)}".`,
    });
  return group;
}

const memberCount = async (db: Db, id: string) => (await groupsStore(db).memberIds(id)).length;

export async function getGroup(ctx: AppContext, ref: string): Promise<GroupView> {
  const g = await requireGroup(ctx, ref);
  return toGroupView(g, await memberCount(ctx.db, g.id));
}

export interface GroupPage {
  items: GroupView[];
  nextCursor: string | null;
}

export async function listGroups(
  ctx: AppContext,
  q: { search?: string; cursor?: string; limit?: number },
): Promise<GroupPage> {
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const search = printable(q.search ?? '')
    .trim()
    .slice(0, 120);
  const rows = await groupsStore(ctx.db).list({
    limit: limit + 1,
    ...(search ? { search } : {}),
    ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((g) => toGroupView(g, g.member_count)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.name_normalized) : null,
  };
}

export interface NewGroup {
  displayName: string;
  description?: string;
  adminRole?: boolean;
  /** Members by UPN; all must exist. */
  members?: string[];
  source?: GroupSource;
  externalId?: string | null;
  directoryId?: string | null;
  directoryDn?: string | null;
}

const parseDescription = (s: string) => {
  const d = printable(s).trim();
  if (d.length > 1000)
    throw new AppError('invalid_request', {
      detail: 'A description has at most 1,000 characters.',
    });
  return d;
};

const groupAudit = (
  g: Pick<GroupRow, 'id' | 'display_name'>,
  detail: Record<string, unknown> = {},
) => ({
  group: g.display_name,
  groupId: g.id,
  ...detail,
});

/** Creates a group (with members, all or nothing); audited. */
export async function createGroup(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  input: NewGroup,
  trx: Db = ctx.db,
): Promise<GroupView> {
  const name = parseDisplayName(input.displayName, 'A group name');
  const now = ctx.clock.now();
  const row: GroupRow = {
    id: crypto.randomUUID(),
    display_name: name,
    name_normalized: name.toLowerCase(),
    description: parseDescription(input.description ?? ''),
    source: input.source ?? 'local',
    external_id: input.externalId ?? null,
    directory_id: input.directoryId ?? null,
    directory_dn: input.directoryDn ?? null,
    admin_role: input.adminRole ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  const members = await usersByUpn(ctx, input.members ?? []);
  const write = async (t: Db) => {
    await groupsStore(t).insert(row);
    await groupsStore(t).addMembers(
      row.id,
      members.map((m) => m.id),
      now,
    );
    if (row.admin_role === 1) await groupsStore(t).refreshAdminRole(members.map((m) => m.id));
    await audit(ctx, t, actor, {
      action: 'group_created',
      detail: groupAudit(row, {
        source: row.source,
        adminRole: row.admin_role === 1,
        members: members.length,
      }),
    });
  };
  if (trx === ctx.db) await ctx.db.transaction().execute(write);
  else await write(trx);
  return toGroupView(row, members.length);
}

/** Users by UPN, all or nothing: an unknown name is an error naming it. */
export async function usersByUpn(ctx: AppContext, upns: readonly string[]): Promise<UserRow[]> {
  const found = await Promise.all(upns.map((u) => ctx.stores.users.findByUpn(u.trim())));
  const missing = upns.filter((_, i) => !found[i]);
  if (missing.length > 0)
    throw new AppError('user_not_found', {
      detail: `No user has the user name ${missing
        .slice(0, 10)
        .map((m) => `"${printable(m).trim().slice(0, 120)}"`)
        .join(', ')}${missing.length > 10 ? ` (and ${missing.length - 10} more)` : ''}.`,
    });
  return [...new Map((found as UserRow[]).map((u) => [u.id, u])).values()];
}

function refuseDirectory(g: GroupRow, what: string): void {
  if (g.source === 'directory')
    throw new AppError('managed_by_directory', {
      detail: `The group "${g.display_name}" comes from the directory: ${what} there, then sync.`,
    });
}

/**
 * Runs a change that may take the administrator role from users, then checks
 * that an administrator who can sign in remains. On PostgreSQL the
 * administrators' rows are locked first, so two such changes at once cannot
 * both pass the check (SQLite runs one writing transaction at a time).
 */
export async function keepAdmins(
  ctx: AppContext,
  trx: Db,
  what: string,
  change: () => Promise<void>,
): Promise<void> {
  let q = trx.selectFrom('users').select('id').where('is_admin', '=', 1).where('blocked', '=', 0);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  const before = (await q.execute()).length;
  await change();
  if (before === 0) return;
  const after = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_admin', '=', 1)
    .where('blocked', '=', 0)
    .executeTakeFirstOrThrow();
  if (Number(after.n) === 0)
    throw new AppError('conflict', {
      detail: `${what} would leave no administrator who can sign in. Make another user an administrator first.`,
    });
}

export interface GroupPatch {
  displayName?: string;
  description?: string;
  adminRole?: boolean;
  externalId?: string | null;
}

/** Renames a group, changes its description or its administrator role; audited. */
export async function updateGroup(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  patch: GroupPatch,
): Promise<GroupView> {
  const g = await requireGroup(ctx, ref);
  const name =
    patch.displayName === undefined
      ? undefined
      : parseDisplayName(patch.displayName, 'A group name');
  if (name !== undefined && name !== g.display_name) refuseDirectory(g, 'rename it');
  const description =
    patch.description === undefined ? undefined : parseDescription(patch.description);
  const adminRole = patch.adminRole === undefined ? undefined : patch.adminRole ? 1 : 0;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const store = groupsStore(trx);
    const changes: Record<string, unknown> = {};
    if (name !== undefined && name !== g.display_name) {
      await store.rename(g.id, name, now);
      changes.displayName = { from: g.display_name, to: name };
    }
    const set: Partial<GroupRow> = {};
    if (description !== undefined && description !== g.description) set.description = description;
    if (patch.externalId !== undefined && patch.externalId !== g.external_id)
      set.external_id = patch.externalId;
    if (adminRole !== undefined && adminRole !== g.admin_role) set.admin_role = adminRole;
    if (Object.keys(set).length > 0) {
      const apply = async () => {
        await trx
          .updateTable('groups')
          .set({ ...set, updated_at: now })
          .where('id', '=', g.id)
          .execute();
        if (set.admin_role !== undefined) await store.refreshAdminRole(await store.memberIds(g.id));
      };
      if (set.admin_role === 0)
        await keepAdmins(ctx, trx, `Taking the administrator role from "${g.display_name}"`, apply);
      else await apply();
      for (const [k, v] of Object.entries(set))
        changes[k === 'admin_role' ? 'adminRole' : k === 'external_id' ? 'externalId' : k] = {
          from:
            k === 'admin_role' ? g.admin_role === 1 : (g as unknown as Record<string, unknown>)[k],
          to: k === 'admin_role' ? v === 1 : v,
        };
    }
    if (Object.keys(changes).length > 0)
      await audit(ctx, trx, actor, { action: 'group_updated', detail: groupAudit(g, { changes }) });
  });
  return getGroup(ctx, g.id);
}

/** Deletes a group (its members stay users); audited. */
export async function deleteGroup(ctx: AppContext, actor: Actor, ref: string): Promise<void> {
  const g = await requireGroup(ctx, ref);
  refuseDirectory(g, 'delete it');
  await ctx.db.transaction().execute((trx) => dropGroup(ctx, trx, actor, g));
}

/** Deletes a group in the caller's transaction (also the directory sync's, for a group it no longer mirrors). */
export async function dropGroup(
  ctx: AppContext,
  trx: Db,
  actor: Pick<Actor, 'name' | 'ip'>,
  g: GroupRow,
  via?: string,
): Promise<void> {
  const store = groupsStore(trx);
  const members = await store.memberIds(g.id);
  await keepAdmins(ctx, trx, `Deleting the group "${g.display_name}"`, async () => {
    await trx.deleteFrom('groups').where('id', '=', g.id).execute();
    if (g.admin_role === 1) await store.refreshAdminRole(members);
  });
  await audit(ctx, trx, actor, {
    action: 'group_deleted',
    detail: groupAudit(g, { members: members.length, ...(via ? { via } : {}) }),
  });
}

/**
 * Adds and removes members by user id in the caller's transaction; audited
 * with the users' names. The one place membership changes (API, CLI, portal,
 * SCIM, the directory sync).
 */
export async function changeMembers(
  ctx: AppContext,
  trx: Db,
  actor: Pick<Actor, 'name' | 'ip'>,
  g: GroupRow,
  change: { add?: readonly UserRow[]; remove?: readonly UserRow[] },
  via?: string,
): Promise<{ added: number; removed: number }> {
  const store = groupsStore(trx);
  const now = ctx.clock.now();
  let added: string[] = [];
  let removed: string[] = [];
  const apply = async () => {
    added = change.add?.length
      ? await store.addMembers(
          g.id,
          change.add.map((u) => u.id),
          now,
        )
      : [];
    removed = change.remove?.length
      ? await store.removeMembers(
          g.id,
          change.remove.map((u) => u.id),
        )
      : [];
    if (g.admin_role === 1) await store.refreshAdminRole([...added, ...removed]);
  };
  if (g.admin_role === 1 && change.remove?.length)
    await keepAdmins(
      ctx,
      trx,
      `Removing members from "${g.display_name}" (a group with the administrator role)`,
      apply,
    );
  else await apply();
  const byId = new Map([...(change.add ?? []), ...(change.remove ?? [])].map((u) => [u.id, u]));
  const entry = (action: string) => (id: string) => ({
    action,
    target: { id, upn: byId.get(id)!.upn },
    detail: groupAudit(g, via ? { via } : {}),
  });
  await audit(ctx, trx, actor, [
    ...added.map(entry('group_member_added')),
    ...removed.map(entry('group_member_removed')),
  ]);
  if (added.length + removed.length > 0)
    await trx.updateTable('groups').set({ updated_at: now }).where('id', '=', g.id).execute();
  return { added: added.length, removed: removed.length };
}

/**
 * Adds and removes members by UPN in one transaction, all or nothing: an
 * unknown user name changes nothing. A name in both lists is refused.
 */
export async function editGroupMembers(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  edit: { add?: readonly string[]; remove?: readonly string[] },
): Promise<GroupView> {
  const g = await requireGroup(ctx, ref);
  refuseDirectory(g, 'change its members');
  const add = await usersByUpn(ctx, edit.add ?? []);
  const remove = await usersByUpn(ctx, edit.remove ?? []);
  const both = add.filter((u) => remove.some((r) => r.id === u.id));
  if (both.length > 0)
    throw new AppError('invalid_request', {
      detail: `${both[0]!.upn} is both added and removed: name each user once.`,
    });
  await ctx.db.transaction().execute((trx) => changeMembers(ctx, trx, actor, g, { add, remove }));
  return getGroup(ctx, g.id);
}

export interface MemberPage {
  items: GroupMember[];
  nextCursor: string | null;
}

export async function groupMembers(
  ctx: AppContext,
  ref: string,
  q: { cursor?: string; limit?: number } = {},
): Promise<MemberPage> {
  const g = await requireGroup(ctx, ref);
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const rows = await groupsStore(ctx.db).members(g.id, {
    limit: limit + 1,
    ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ id: r.id, userPrincipalName: r.upn, displayName: r.display_name })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.upn_normalized) : null,
  };
}

/** Sets the MFA state of every member of a group at once (one transaction); audited. */
export async function setGroupMfaState(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  state: MfaState,
): Promise<{ group: GroupView; changed: number; members: number }> {
  const g = await requireGroup(ctx, ref);
  const ids = await groupsStore(ctx.db).memberIds(g.id);
  const users: UserRow[] = [];
  for (let i = 0; i < ids.length; i += 500)
    users.push(
      ...(await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  const changed = await applyStates(
    ctx,
    actor,
    users.map((user) => ({ user, state })),
    `group ${g.display_name}`,
  );
  return { group: toGroupView(g, ids.length), changed, members: ids.length };
}
