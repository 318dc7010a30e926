// SCIM Groups (RFC 7643 §4.2) over Portcullis groups. Members are users, named
// by id. Membership changes are applied as such (add, remove, replace the
// list) whatever the group's size; other changes go through the same PATCH
// code as users. A directory group is read-only here.
import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { changeMembers, createGroup, deleteGroup, updateGroup } from '../services/groups.ts';
import { type GroupRow, groupsStore } from '../storage/groups.ts';
import type { UserRow } from '../storage/users.ts';
import { ScimError } from './errors.ts';
import type { FilterTarget, Operand } from './filter.ts';
import { parseFilter } from './filter.ts';
import { applyOperations, type Operation, readOperations } from './patch.ts';
import type { ResolvedPath } from './paths.ts';
import { canonical, iso, type Resource } from './resource.ts';
import { GROUP, PORTCULLIS_GROUP } from './schemas.ts';
import type { ScimCall } from './users.ts';

export const GROUP_SCHEMAS = [GROUP, PORTCULLIS_GROUP] as const;

export function toScimGroup(
  call: ScimCall,
  g: GroupRow,
  members: readonly { id: string; upn: string }[] | null,
): Resource {
  return {
    schemas: [...GROUP_SCHEMAS],
    id: g.id,
    ...(g.external_id ? { externalId: g.external_id } : {}),
    displayName: g.display_name,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.id,
            display: m.upn,
            $ref: `${call.base}/Users/${m.id}`,
            type: 'User',
          })),
        }
      : {}),
    [PORTCULLIS_GROUP]: {
      description: g.description,
      adminRole: g.admin_role === 1,
      source: g.source,
    },
    meta: {
      resourceType: 'Group',
      created: iso(g.created_at),
      lastModified: iso(g.updated_at),
      location: `${call.base}/Groups/${g.id}`,
    },
  };
}

async function allMembers(db: Db, groupId: string): Promise<{ id: string; upn: string }[]> {
  const out: { id: string; upn: string }[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await groupsStore(db).members(groupId, {
      limit: 5000,
      ...(after ? { after } : {}),
    });
    out.push(...page.map((m) => ({ id: m.id, upn: m.upn })));
    if (page.length < 5000) return out;
    after = page.at(-1)!.upn_normalized;
  }
}

async function requireScimGroup(call: ScimCall, id: string): Promise<GroupRow> {
  const g = await groupsStore(call.ctx.db).findById(id);
  if (!g) throw new ScimError(404, undefined, `No group has the id "${id.slice(0, 80)}".`);
  return g;
}

export async function getScimGroup(
  call: ScimCall,
  id: string,
  withMembers = true,
): Promise<Resource> {
  const g = await requireScimGroup(call, id);
  return toScimGroup(call, g, withMembers ? await allMembers(call.ctx.db, g.id) : null);
}

/** Member ids as SCIM sends them ([{ value }]); each must be a user. */
async function readMembers(call: ScimCall, list: unknown): Promise<UserRow[]> {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list))
    throw new ScimError(400, 'invalidValue', 'members is a list of { "value": user id }.');
  const ids = list.map((m) =>
    m && typeof m === 'object' ? (m as { value?: unknown }).value : undefined,
  );
  if (ids.some((id) => typeof id !== 'string'))
    throw new ScimError(400, 'invalidValue', 'Each member is { "value": a user id }.');
  const unique = [...new Set(ids as string[])];
  const users: UserRow[] = [];
  for (let i = 0; i < unique.length; i += 500)
    users.push(
      ...(await call.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', 'in', unique.slice(i, i + 500))
        .execute()),
    );
  if (users.length !== unique.length) {
    const found = new Set(users.map((u) => u.id));
    const missing = unique.filter((id) => !found.has(id));
    throw new ScimError(
      400,
      'invalidValue',
      `No user has the id ${missing
        .slice(0, 5)
        .map((m) => `"${m.slice(0, 80)}"`)
        .join(', ')}: members are users.`,
    );
  }
  return users;
}

interface GroupIntent {
  displayName: string;
  externalId: string | null;
  description?: string;
  members?: unknown;
}

function readGroup(body: unknown): GroupIntent {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ScimError(400, 'invalidSyntax', 'The body is a JSON object: a SCIM Group.');
  const r = canonical(body as Resource, GROUP_SCHEMAS);
  if (typeof r.displayName !== 'string' || !r.displayName.trim())
    throw new ScimError(400, 'invalidValue', 'displayName is required.');
  const ext = r[PORTCULLIS_GROUP] as { description?: unknown } | undefined;
  return {
    displayName: r.displayName,
    externalId: typeof r.externalId === 'string' && r.externalId.trim() ? r.externalId : null,
    ...(typeof ext?.description === 'string' ? { description: ext.description } : {}),
    ...('members' in r ? { members: r.members } : {}),
  };
}

export async function createScimGroup(call: ScimCall, body: unknown): Promise<Resource> {
  const i = readGroup(body);
  const members = await readMembers(call, i.members);
  const { ctx, actor } = call;
  let id = '';
  await ctx.db.transaction().execute(async (trx) => {
    id = (
      await createGroup(
        ctx,
        actor,
        {
          displayName: i.displayName,
          source: 'scim',
          externalId: i.externalId,
          ...(i.description !== undefined ? { description: i.description } : {}),
        },
        trx,
      )
    ).id;
    const g = (await groupsStore(trx).findById(id))!;
    await changeMembers(ctx, trx, actor, g, { add: members }, 'scim');
  });
  return getScimGroup(call, id);
}

function refuseDirectory(g: GroupRow): void {
  if (g.source === 'directory')
    throw new AppError('managed_by_directory', {
      detail: `The group "${g.display_name}" comes from the directory: change it there.`,
    });
}

/** Renames and re-describes (services/groups.ts audits it). */
async function applyDetails(
  call: ScimCall,
  g: GroupRow,
  i: Omit<GroupIntent, 'members'>,
): Promise<void> {
  await updateGroup(call.ctx, call.actor, g.id, {
    displayName: i.displayName,
    externalId: i.externalId,
    ...(i.description !== undefined ? { description: i.description } : {}),
  });
}

/** Sets the members to exactly `users`: only the difference is written (and audited). */
async function setMembers(call: ScimCall, g: GroupRow, users: UserRow[]): Promise<void> {
  const { ctx, actor } = call;
  await ctx.db.transaction().execute(async (trx) => {
    const current = new Set(await groupsStore(trx).memberIds(g.id));
    const wanted = new Set(users.map((u) => u.id));
    const gone = [...current].filter((id) => !wanted.has(id));
    const remove: UserRow[] = [];
    for (let i = 0; i < gone.length; i += 500)
      remove.push(
        ...(await trx
          .selectFrom('users')
          .selectAll()
          .where('id', 'in', gone.slice(i, i + 500))
          .execute()),
      );
    await changeMembers(
      ctx,
      trx,
      actor,
      g,
      { add: users.filter((u) => !current.has(u.id)), remove },
      'scim',
    );
  });
}

export async function replaceScimGroup(
  call: ScimCall,
  id: string,
  body: unknown,
): Promise<Resource> {
  const g = await requireScimGroup(call, id);
  refuseDirectory(g);
  const i = readGroup(body);
  const members = await readMembers(call, i.members);
  await applyDetails(call, g, i);
  await setMembers(call, (await requireScimGroup(call, id))!, members);
  return getScimGroup(call, id);
}

const isMembers = (path: string | undefined) => !!path && /^members(\[|$)/i.test(path.trim());

/**
 * PATCH: membership operations are done as such (a large group is never
 * loaded to add one member); the rest (name, externalId, description) is
 * applied to the group's other attributes.
 */
export async function patchScimGroup(
  call: ScimCall,
  id: string,
  body: unknown,
): Promise<Resource | null> {
  const g = await requireScimGroup(call, id);
  refuseDirectory(g);
  const ops = readOperations(body);
  const others: Operation[] = [];
  const { ctx, actor } = call;
  const membership: {
    add: Set<string>;
    remove: Set<string>;
    replace: string[] | null;
    clear: boolean;
  } = {
    add: new Set(),
    remove: new Set(),
    replace: null,
    clear: false,
  };
  const ids = (value: unknown) =>
    (Array.isArray(value) ? value : [value]).map((m) =>
      m && typeof m === 'object' ? (m as { value?: unknown }).value : m,
    );
  for (const op of ops) {
    const path = op.path;
    const valueMembers =
      !path && op.value && typeof op.value === 'object' && 'members' in (op.value as Resource)
        ? (op.value as Resource).members
        : undefined;
    if (!isMembers(path) && valueMembers === undefined) {
      others.push(op);
      continue;
    }
    if (!path && op.value && typeof op.value === 'object') {
      const rest = { ...(op.value as Resource) };
      delete rest.members;
      if (Object.keys(rest).length > 0) others.push({ ...op, value: rest });
    }
    const list = path ? op.value : valueMembers;
    if (op.op === 'remove') {
      const filter = /^members\[(.*)\]$/is.exec(path!.trim());
      if (filter) {
        const f = parseFilter(filter[1]!);
        if (
          f.op !== 'eq' ||
          f.attrPath.toLowerCase() !== 'value' ||
          typeof f.compValue !== 'string'
        )
          throw new ScimError(
            400,
            'invalidFilter',
            'Members are removed by members[value eq "user id"].',
          );
        membership.remove.add(f.compValue);
      } else if (list === undefined) membership.clear = true;
      else for (const v of ids(list)) if (typeof v === 'string') membership.remove.add(v);
      continue;
    }
    if (list === undefined || list === null)
      throw new ScimError(400, 'invalidValue', 'Give the members as a list.');
    const values = ids(list);
    if (values.some((v) => typeof v !== 'string'))
      throw new ScimError(400, 'invalidValue', 'Each member is { "value": a user id }.');
    if (op.op === 'replace') {
      membership.replace = values as string[];
      membership.add.clear();
      membership.remove.clear();
      membership.clear = false;
    } else
      for (const v of values as string[]) {
        membership.add.add(v);
        membership.remove.delete(v);
      }
  }
  // Everything is read and checked first (an unknown member, a bad name), then written.
  const details =
    others.length > 0 ? readGroup(applyOperations(toScimGroup(call, g, null), others)) : null;
  const replace = membership.replace
    ? await readMembers(
        call,
        membership.replace.map((value) => ({ value })),
      )
    : null;
  const add = await readMembers(
    call,
    [...membership.add].map((value) => ({ value })),
  );
  if (details) await applyDetails(call, g, details);
  const fresh = await requireScimGroup(call, id);
  if (replace) await setMembers(call, fresh, replace);
  else if (membership.clear) await setMembers(call, fresh, []);
  if (add.length > 0 || membership.remove.size > 0) {
    // Removing someone who is not a member (or no longer a user) is no error: the end state holds.
    const remove = membership.remove.size
      ? await ctx.db
          .selectFrom('users')
          .selectAll()
          .where('id', 'in', [...membership.remove])
          .execute()
      : [];
    await ctx.db
      .transaction()
      .execute((trx) => changeMembers(ctx, trx, actor, fresh, { add, remove }, 'scim'));
  }
  return getScimGroup(call, id);
}

export async function deleteScimGroup(call: ScimCall, id: string): Promise<void> {
  const g = await requireScimGroup(call, id);
  await deleteGroup(call.ctx, call.actor, g.id);
}

export function groupFilterTarget(dialect: 'sqlite' | 'postgres'): FilterTarget {
  const col = (c: string) => sql.ref(`groups.${c}`);
  return {
    schemas: GROUP_SCHEMAS,
    dialect,
    operand(p: ResolvedPath): Operand | null {
      if (p.schema === PORTCULLIS_GROUP) {
        if (p.attr === 'description')
          return { kind: 'text', sql: col('description'), caseExact: false };
        if (p.attr === 'adminRole') return { kind: 'bool', sql: col('admin_role') };
        if (p.attr === 'source') return { kind: 'text', sql: col('source'), caseExact: false };
        return null;
      }
      switch (p.attr) {
        case 'id':
          return { kind: 'text', sql: col('id'), caseExact: true };
        case 'externalId':
          return { kind: 'text', sql: col('external_id'), caseExact: true };
        case 'displayName':
          return { kind: 'text', sql: col('name_normalized'), caseExact: false, lowered: true };
        case 'members':
          if (p.sub && p.sub !== 'value') return null;
          return {
            kind: 'member',
            eq: (id) =>
              sql<SqlBool>`exists (select 1 from group_members gm where gm.group_id = ${col('id')} and gm.user_id = ${id})`,
            any: sql<SqlBool>`exists (select 1 from group_members gm where gm.group_id = ${col('id')})`,
          };
        case 'meta':
          if (p.sub === 'created') return { kind: 'time', sql: col('created_at') };
          if (p.sub === 'lastModified') return { kind: 'time', sql: col('updated_at') };
          if (p.sub === 'resourceType')
            return { kind: 'const', value: 'Group', present: sql<SqlBool>`1 = 1` };
          return null;
        default:
          return null;
      }
    },
  };
}
