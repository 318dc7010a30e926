// The groups the directory sync mirrors (PORTCULLIS_DIRECTORY_GROUPS): each
// becomes a Portcullis group of source "directory", found again by its DN,
// renamed with it, its members made exactly the synced users the directory
// says (nested groups followed); a group no longer named is deleted. Each
// group is its own transaction: one that cannot be written is reported, the
// others go on.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../services/audit.ts';
import { changeMembers, createGroup, dropGroup } from '../services/groups.ts';
import { groupsStore } from '../storage/groups.ts';
import type { UserRow } from '../storage/users.ts';
import { type DirectoryGroup, isMember, normalDn } from './groups.ts';
import type { SyncProblem } from './sync-plan.ts';

const VIA = 'directory sync';

export async function mirrorGroups(
  ctx: AppContext,
  groups: readonly DirectoryGroup[],
  actor: Pick<Actor, 'name' | 'ip'>,
): Promise<SyncProblem[]> {
  const problems: SyncProblem[] = [];
  const users = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('source', '=', 'directory')
    .execute();
  const wanted = new Set<string>();
  for (const g of groups) {
    const id = normalDn(g.dn);
    wanted.add(id);
    const members: UserRow[] = users.filter(
      (u) => u.directory_dn && isMember(g.members, normalDn(u.directory_dn)),
    );
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const store = groupsStore(trx);
        let row = await trx
          .selectFrom('groups')
          .selectAll()
          .where('directory_id', '=', id)
          .executeTakeFirst();
        if (!row) {
          const made = await createGroup(
            ctx,
            actor,
            { displayName: g.name, source: 'directory', directoryId: id, directoryDn: g.dn },
            trx,
          );
          row = (await store.findById(made.id))!;
        } else if (row.display_name !== g.name || row.directory_dn !== g.dn) {
          await store.rename(row.id, g.name, ctx.clock.now());
          await trx
            .updateTable('groups')
            .set({ directory_dn: g.dn })
            .where('id', '=', row.id)
            .execute();
        }
        const current = new Set(await store.memberIds(row.id));
        const keep = new Set(members.map((u) => u.id));
        const gone = [...current].filter((uid) => !keep.has(uid));
        const remove = gone.length
          ? await trx.selectFrom('users').selectAll().where('id', 'in', gone).execute()
          : [];
        await changeMembers(
          ctx,
          trx,
          actor,
          row,
          { add: members.filter((u) => !current.has(u.id)), remove },
          VIA,
        );
      });
    } catch (e) {
      problems.push({
        entry: g.dn,
        message: `Group not synced: ${e instanceof AppError ? e.publicMessage : (e as Error).message}`,
      });
    }
  }
  const stale = (
    await ctx.db.selectFrom('groups').selectAll().where('source', '=', 'directory').execute()
  ).filter((g) => !wanted.has(g.directory_id ?? ''));
  for (const g of stale)
    try {
      await ctx.db.transaction().execute((trx) => dropGroup(ctx, trx, actor, g, VIA));
    } catch (e) {
      problems.push({
        entry: g.directory_dn ?? g.display_name,
        message: `Group not removed: ${e instanceof AppError ? e.publicMessage : (e as Error).message}`,
      });
    }
  return problems;
}
