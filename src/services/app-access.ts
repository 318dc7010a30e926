// Who may use a legacy application (Microsoft's "assignment required"): all
// users, or only the members of the groups assigned to it. Judged for every
// legacy sign-in naming the application (flows/legacy.ts), and what the
// application's LDAP service account may see (fronts/ldap.ts).
import type { AppContext } from '../context.ts';
import type { ApplicationsTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { appAccessStore } from '../storage/app-access.ts';
import type { GroupRow } from '../storage/groups.ts';
import { type ApplicationView, forgetApp, getApp } from './applications.ts';
import { type Actor, audit } from './audit.ts';
import { requireGroup } from './groups.ts';

/** Who may use an application: everyone, or the members of these groups (by id or name). */
export type AppAccess = { allUsers: true } | { groups: readonly string[] };

/** At most this many groups per application: a longer list is a different tool's job. */
const MAX_GROUPS = 100;

/**
 * Restricts a legacy application to the members of groups, or opens it to all
 * users again; the groups given replace the old list. All or nothing: an
 * unknown group changes nothing. Holds at once, on every node. Audited.
 */
export async function setAppAccess(
  ctx: AppContext,
  id: string,
  access: AppAccess,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView> {
  const app = await getApp(ctx, id);
  if (app.kind !== 'legacy')
    throw new AppError('invalid_request', {
      detail: `"${app.name}" is an OpenID Connect client: who may use it is set for legacy applications only.`,
    });
  const refs = 'groups' in access ? [...new Set(access.groups.map((g) => g.trim()))] : [];
  if ('groups' in access && refs.filter(Boolean).length === 0)
    throw new AppError('invalid_request', {
      detail: 'Name at least one group (or open the application to all users).',
    });
  if (refs.length > MAX_GROUPS)
    throw new AppError('invalid_request', {
      detail: `Assign at most ${MAX_GROUPS} groups to an application.`,
    });
  const groups: GroupRow[] = [];
  for (const ref of refs.filter(Boolean)) groups.push(await requireGroup(ctx, ref));
  const groupIds = [...new Set(groups.map((g) => g.id))];
  const required = 'groups' in access;
  await ctx.db.transaction().execute(async (trx) => {
    await appAccessStore(trx).replace(app.id, { required, groupIds }, ctx.clock.now());
    await audit(ctx, trx, actor, {
      action: 'application_changed',
      detail: {
        id: app.id,
        name: app.name,
        assignmentRequired: required,
        groups: groups.map((g) => g.display_name),
      },
    });
  });
  forgetApp(ctx, app.id);
  return getApp(ctx, app.id);
}

/**
 * Whether the user may use the application: it requires no assignment, or
 * the user is a member of one of its groups (a directory group counts through
 * its mirror; nested groups are not followed, as the mirror holds none).
 */
export async function mayUseApp(
  ctx: AppContext,
  app: Pick<ApplicationsTable, 'id' | 'assignment_required'>,
  userId: string,
): Promise<boolean> {
  if (app.assignment_required !== 1) return true;
  return appAccessStore(ctx.db).isAssigned(app.id, userId);
}
