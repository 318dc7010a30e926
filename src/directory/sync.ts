// The directory sync: read every entry in scope (paged), the groups the
// configuration names, and the users Portcullis has; work out the changes
// (src/directory/sync-plan.ts); apply them, each user's on its own — a change
// that fails is reported and the others go on — with an audit entry each. One
// sync at a time in a cluster (a lease). A run that cannot read the directory
// completely changes nothing: users are never blocked on a partial picture.

import { hostname } from 'node:os';
import { AndFilter } from 'ldapts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { type Actor, type AuditEntry, audit } from '../services/audit.ts';
import { endSessionsOf } from '../services/sessions-end.ts';
import { adminByGroup, keepAnAdmin } from '../services/user-admin.ts';
import { groupsStore } from '../storage/groups.ts';
import { leasesStore } from '../storage/leases.ts';
import { limitsStore } from '../storage/limits.ts';
import type { UserRow } from '../storage/users.ts';
import {
  type DirectoryClient,
  DirectoryServiceBindError,
  DirectoryUnavailableError,
} from './client.ts';
import { binaryAttributes, type DirectoryEntry, readEntry, userAttributes } from './entries.ts';
import {
  type DirectoryGroup,
  GroupNotFoundError,
  groupMembers,
  normalDn,
  readDirectoryGroup,
} from './groups.ts';
import { openMobile, sealMobile } from './mobile.ts';
import { checkAttributeMap } from './schema.ts';
import { mirrorGroups } from './sync-groups.ts';
import { type PlanItem, planSync, type SyncChange, type SyncProblem } from './sync-plan.ts';

export type { SyncChange, SyncProblem };

const LEASE = 'directory-sync';
const LEASE_MS = 10 * 60_000;
/** Changes written per transaction; a batch that fails is retried one user at a time. */
const BATCH = 100;

export interface SyncProgress {
  phase: 'reading' | 'applying';
  done: number;
  /** Unknown while reading. */
  total: number | null;
}

export interface SyncOptions {
  dryRun?: boolean;
  /** What started it: schedule, cli, portal, api. */
  trigger: string;
  actor: Pick<Actor, 'name' | 'ip'>;
  onProgress?: (p: SyncProgress) => void;
}

export interface SyncReport {
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** Entries the user search found. */
  entries: number;
  created: number;
  updated: number;
  blocked: number;
  unblocked: number;
  deleted: number;
  unchanged: number;
  changes: SyncChange[];
  errors: SyncProblem[];
}

const holderName = () => `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;

/** Turns a fault of the directory into an error an administrator can act on. */
export function directoryError(e: unknown): never {
  if (e instanceof DirectoryUnavailableError)
    throw new AppError('directory_error', { detail: `Cannot reach the directory: ${e.message}` });
  if (e instanceof DirectoryServiceBindError || e instanceof GroupNotFoundError)
    throw new AppError('directory_error', { detail: e.message });
  if (e instanceof Error && 'code' in e && typeof e.code === 'number')
    throw new AppError('directory_error', {
      detail: `The directory refused the search: ${e.message} (LDAP result ${e.code})`,
    });
  throw e;
}

interface Picture {
  entries: DirectoryEntry[];
  found: number;
  unreadable: { dn: string; id: string | null; error: string }[];
  admins: Awaited<ReturnType<typeof groupMembers>> | null;
  enabled: Awaited<ReturnType<typeof groupMembers>> | null;
  enforced: Awaited<ReturnType<typeof groupMembers>> | null;
  /** The groups mirrored as Portcullis groups. */
  groups: DirectoryGroup[];
}

/** Everything the sync needs from the directory, read completely or not at all. */
async function readDirectory(
  client: DirectoryClient,
  onProgress?: (p: SyncProgress) => void,
): Promise<Picture> {
  const s = client.settings;
  try {
    await checkAttributeMap(client);
    const raw = await client.search(
      {
        base: s.baseDn,
        filter: s.userFilter,
        attributes: userAttributes(s),
        buffers: binaryAttributes(s),
      },
      (done) => onProgress?.({ phase: 'reading', done, total: null }),
    );
    const disabled = new Set<string>();
    if (s.disabledFilter) {
      const off = await client.search({
        base: s.baseDn,
        filter: new AndFilter({ filters: [s.userFilter, s.disabledFilter] }),
        attributes: ['1.1'],
      });
      for (const e of off) disabled.add(normalDn(e.dn));
    }
    const entries: DirectoryEntry[] = [];
    const unreadable: Picture['unreadable'] = [];
    for (const r of raw) {
      const read = readEntry(r, s, disabled.has(normalDn(r.dn)));
      if (read.ok) entries.push(read.entry);
      else unreadable.push({ dn: read.dn, id: read.id, error: read.error });
    }
    const dns = new Set(raw.map((e) => normalDn(e.dn)));
    const isUser = (dn: string) => dns.has(dn);
    const members = (names: string[]) =>
      names.length ? groupMembers(client, names, isUser) : Promise.resolve(null);
    return {
      entries,
      found: raw.length,
      unreadable,
      admins: await members(s.adminGroups),
      enabled: await members(s.enabledGroups),
      enforced: await members(s.enforcedGroups),
      groups: await Promise.all(s.syncedGroups.map((g) => readDirectoryGroup(client, g, isUser))),
    };
  } catch (e) {
    directoryError(e);
  }
}

/** Every directory user, and the local users whose UPN an entry has. */
async function knownUsers(db: Db, entries: DirectoryEntry[]): Promise<UserRow[]> {
  const users = await db
    .selectFrom('users')
    .selectAll()
    .where('source', '=', 'directory')
    .execute();
  const upns = [...new Set(entries.map((e) => e.upn.toLowerCase()))];
  for (let i = 0; i < upns.length; i += 500)
    users.push(
      ...(await db
        .selectFrom('users')
        .selectAll()
        .where('source', '=', 'local')
        .where('upn_normalized', 'in', upns.slice(i, i + 500))
        .execute()),
    );
  return users;
}

const target = (u: Pick<UserRow, 'id' | 'upn'>) => ({ id: u.id, upn: u.upn });

function auditOf(item: PlanItem): AuditEntry[] {
  const via = { via: 'directory sync', entry: item.change.entry };
  switch (item.kind) {
    case 'create':
      return [
        {
          action: 'user_created',
          target: target(item.row),
          detail: {
            ...via,
            source: 'directory',
            mfaState: item.row.mfa_state,
            isAdmin: item.row.is_admin === 1,
          },
        },
      ];
    case 'delete':
      return [{ action: 'user_deleted', target: target(item.user), detail: via }];
    case 'update': {
      const entries: AuditEntry[] = [];
      const { fields } = item.change;
      const { blockCredential, mfaState, ...rest } = fields;
      if (blockCredential)
        entries.push({
          action: blockCredential.to === 1 ? 'user_blocked' : 'user_unblocked',
          target: target(item.user),
          detail: { ...via, ...(fields.reason ? { reason: fields.reason.to } : {}) },
        });
      if (mfaState)
        entries.push({
          action: 'mfa_state_set',
          target: target(item.user),
          detail: { ...via, field: 'mfa_state', from: mfaState.from, to: mfaState.to },
        });
      delete rest.reason;
      if (Object.keys(rest).length > 0)
        entries.push({
          action: item.change.action === 'adopt' ? 'user_adopted_by_directory' : 'user_updated',
          target: target(item.user),
          detail: { ...via, fields: rest },
        });
      return entries;
    }
  }
}

/** Writes one change inside the transaction `trx`. */
async function write(ctx: AppContext, trx: Db, item: PlanItem, actor: SyncOptions['actor']) {
  switch (item.kind) {
    case 'create': {
      const row = {
        ...item.row,
        directory_mobile_sealed: item.mobile ? sealMobile(ctx.box, item.row.id, item.mobile) : null,
      };
      await trx.insertInto('users').values(row).execute();
      break;
    }
    case 'delete':
      await keepAnAdmin(ctx, trx, item.user, 'deleting this user (gone from the directory)');
      await trx.deleteFrom('users').where('id', '=', item.user.id).execute();
      break;
    case 'update': {
      const { set, user } = item;
      if (set.blocked === 1)
        await keepAnAdmin(ctx, trx, user, 'blocking sign-in (disabled in the directory)');
      if (set.admin_direct === 0 && !(await adminByGroup(trx, user.id)))
        await keepAnAdmin(
          ctx,
          trx,
          user,
          'removing the administrator role (not in an admin group)',
        );
      const mobile =
        item.mobile === undefined
          ? {}
          : {
              directory_mobile_sealed: item.mobile
                ? sealMobile(ctx.box, user.id, item.mobile)
                : null,
            };
      await trx
        .updateTable('users')
        .set({ ...set, ...mobile })
        .where('id', '=', user.id)
        .execute();
      if (set.admin_direct !== undefined) await groupsStore(trx).refreshAdminRole([user.id]);
      if (item.endsSessions) await endSessionsOf(trx, ctx, user.id);
      // Guessing limits follow a renamed user (an unlock by the new name reaches them).
      if (set.upn_normalized)
        await limitsStore(trx).renameSubject(user.upn_normalized, set.upn_normalized);
      break;
    }
  }
  await audit(ctx, trx, actor, auditOf(item));
}

/** Applies the plan: batches in one transaction each, a failed batch again user by user. */
async function apply(
  ctx: AppContext,
  items: PlanItem[],
  opts: SyncOptions,
  renew: () => Promise<void>,
): Promise<{ applied: PlanItem[]; problems: SyncProblem[] }> {
  const applied: PlanItem[] = [];
  const problems: SyncProblem[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    opts.onProgress?.({ phase: 'applying', done: i, total: items.length });
    try {
      await ctx.db.transaction().execute(async (trx) => {
        for (const item of batch) await write(ctx, trx, item, opts.actor);
      });
      applied.push(...batch);
    } catch {
      for (const item of batch) {
        try {
          await ctx.db.transaction().execute((trx) => write(ctx, trx, item, opts.actor));
          applied.push(item);
        } catch (e) {
          problems.push({
            entry: item.change.entry ?? item.change.upn,
            message: `${item.change.upn}: ${e instanceof AppError ? e.publicMessage : `could not be saved (${(e as Error).message})`}`,
          });
        }
      }
    }
    await renew();
  }
  opts.onProgress?.({ phase: 'applying', done: items.length, total: items.length });
  return { applied, problems };
}

function count(items: PlanItem[]) {
  const n = { created: 0, updated: 0, blocked: 0, unblocked: 0, deleted: 0 };
  for (const { change } of items) {
    if (change.action === 'create') n.created++;
    else if (change.action === 'delete') n.deleted++;
    else if (change.action === 'block') n.blocked++;
    else if (change.action === 'unblock') n.unblocked++;
    else n.updated++;
  }
  return n;
}

/** Syncs users from the directory (or, with dryRun, says what a sync would change). */
export async function syncDirectory(
  ctx: AppContext,
  client: DirectoryClient,
  opts: SyncOptions,
): Promise<SyncReport> {
  const dryRun = opts.dryRun ?? false;
  const started = ctx.clock.now();
  const leases = leasesStore(ctx.db);
  const holder = holderName();
  if (!dryRun && !(await leases.take(LEASE, holder, started, LEASE_MS))) {
    const other = await leases.holder(LEASE, started);
    throw new AppError('conflict', {
      detail: `A directory sync is already running${other ? ` (${other.holder.split(':')[0]})` : ''}: wait for it to finish.`,
    });
  }
  const runId = crypto.randomUUID();
  if (!dryRun)
    await ctx.db
      .insertInto('directory_sync_runs')
      .values({
        id: runId,
        started_at: started,
        finished_at: null,
        trigger: opts.trigger,
        actor: opts.actor.name,
        status: 'running',
        entries: 0,
        created: 0,
        updated: 0,
        blocked: 0,
        unblocked: 0,
        deleted: 0,
        errors: '[]',
        error: null,
      })
      .execute();
  try {
    const picture = await readDirectory(client, opts.onProgress);
    const users = await knownUsers(ctx.db, picture.entries);
    if (picture.found === 0) {
      const kept = users.filter((u) => u.source === 'directory').length;
      throw new AppError('directory_error', {
        detail: `The user filter matched no entry under ${client.settings.baseDn}: nothing changed${kept ? ` (${kept} directory users kept as they are)` : ''}. Check PORTCULLIS_DIRECTORY_BASE_DN and PORTCULLIS_DIRECTORY_USER_FILTER.`,
      });
    }
    const plan = planSync({
      settings: client.settings,
      now: started,
      entries: picture.entries,
      unreadable: picture.unreadable,
      admins: picture.admins,
      enabled: picture.enabled,
      enforced: picture.enforced,
      users,
      // (A number that cannot be opened, under another key, is written again.)
      mobileOf: (u) => openMobile(ctx.box, u),
      newId: () => crypto.randomUUID(),
    });
    const readProblems = picture.unreadable.map((u) => ({
      entry: u.dn,
      message: `Not synced: ${u.error}.`,
    }));
    let applied = plan.items;
    let errors = [...readProblems, ...plan.problems];
    if (!dryRun) {
      const result = await apply(ctx, plan.items, opts, async () => {
        await leases.take(LEASE, holder, ctx.clock.now(), LEASE_MS);
      });
      applied = result.applied;
      errors = [
        ...errors,
        ...result.problems,
        ...(await mirrorGroups(ctx, picture.groups, opts.actor)),
      ];
    }
    const report: SyncReport = {
      dryRun,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(ctx.clock.now()).toISOString(),
      entries: picture.found,
      ...count(applied),
      unchanged: plan.unchanged,
      changes: applied.map((i) => i.change),
      errors,
    };
    if (!dryRun) await finish(ctx, runId, report, null);
    return report;
  } catch (e) {
    if (!dryRun)
      await finish(
        ctx,
        runId,
        null,
        e instanceof AppError ? e.publicMessage : (e as Error).message,
      ).catch(() => {});
    throw e;
  } finally {
    if (!dryRun) await leases.release(LEASE, holder).catch(() => {});
  }
}

async function finish(
  ctx: AppContext,
  runId: string,
  report: SyncReport | null,
  error: string | null,
) {
  await ctx.db
    .updateTable('directory_sync_runs')
    .set({
      finished_at: ctx.clock.now(),
      status: error ? 'failed' : report!.errors.length ? 'partial' : 'succeeded',
      ...(report
        ? {
            entries: report.entries,
            created: report.created,
            updated: report.updated,
            blocked: report.blocked,
            unblocked: report.unblocked,
            deleted: report.deleted,
            errors: JSON.stringify(report.errors.slice(0, 100)),
          }
        : {}),
      error,
    })
    .where('id', '=', runId)
    .execute();
}
