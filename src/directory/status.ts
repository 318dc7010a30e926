// What an administrator sees of the directory (portal, API, CLI): the
// connection's settings and health, the last sync runs and the next one; and a
// test of the settings — bind as the service account, read one page of users
// with the attribute map applied, or look one user name up.
import { AndFilter, EqualityFilter } from 'ldapts';
import type { AppContext } from '../context.ts';
import type { DirectorySyncRunsTable } from '../db/schema.ts';
import { maskNumber } from '../mask.ts';
import type { DirectoryClient, DirectoryHealth } from './client.ts';
import { binaryAttributes, readEntry, userAttributes } from './entries.ts';
import { normalDn } from './groups.ts';
import { checkAttributeMap } from './schema.ts';
import type { SyncProblem } from './sync-plan.ts';

export interface SyncRunView {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: string;
  actor: string;
  status: DirectorySyncRunsTable['status'];
  entries: number;
  created: number;
  updated: number;
  blocked: number;
  unblocked: number;
  deleted: number;
  errors: SyncProblem[];
  error: string | null;
}

export interface DirectoryStatus {
  configured: boolean;
  flavour: string | null;
  urls: string[];
  baseDn: string | null;
  bindDn: string | null;
  syncMinutes: number;
  /** This node's view of the connection. */
  connection: { up: boolean | null; since: string | null; lastError: string | null };
  lastRun: SyncRunView | null;
  /** When the periodic sync is next due (null when off or not configured). */
  nextSyncAt: string | null;
  runs: SyncRunView[];
  /** Users by source. */
  users: { local: number; directory: number; blockedByDirectory: number };
}

const iso = (t: number | null) => (t === null ? null : new Date(Number(t)).toISOString());

export async function directoryStatus(
  ctx: AppContext,
  client: DirectoryClient | null,
): Promise<DirectoryStatus> {
  const rows = await ctx.db
    .selectFrom('directory_sync_runs')
    .selectAll()
    .orderBy('started_at', 'desc')
    .limit(10)
    .execute();
  const runs: SyncRunView[] = rows.map((r) => ({
    id: r.id,
    startedAt: iso(r.started_at)!,
    finishedAt: iso(r.finished_at),
    trigger: r.trigger,
    actor: r.actor,
    status: r.status,
    entries: r.entries,
    created: r.created,
    updated: r.updated,
    blocked: r.blocked,
    unblocked: r.unblocked,
    deleted: r.deleted,
    errors: JSON.parse(r.errors) as SyncProblem[],
    error: r.error,
  }));
  const counts = await ctx.db
    .selectFrom('users')
    .select(['source', 'blocked_by', ({ fn }) => fn.countAll<number>().as('n')])
    .groupBy(['source', 'blocked_by'])
    .execute();
  const sum = (f: (c: (typeof counts)[number]) => boolean) =>
    counts.filter(f).reduce((n, c) => n + Number(c.n), 0);
  const s = client?.settings;
  const health: DirectoryHealth = client?.health() ?? { up: null, since: null, lastError: null };
  const last = rows[0];
  return {
    configured: client !== null,
    flavour: s?.flavour ?? null,
    urls: s?.urls ?? [],
    baseDn: s?.baseDn ?? null,
    bindDn: s?.bindDn ?? null,
    syncMinutes: s?.syncMinutes ?? 0,
    connection: { up: health.up, since: iso(health.since), lastError: health.lastError },
    lastRun: runs[0] ?? null,
    nextSyncAt:
      s && s.syncMinutes > 0
        ? iso(last ? Number(last.started_at) + s.syncMinutes * 60_000 : ctx.clock.now())
        : null,
    runs,
    users: {
      local: sum((c) => c.source === 'local'),
      directory: sum((c) => c.source === 'directory'),
      blockedByDirectory: sum((c) => c.blocked_by === 'directory'),
    },
  };
}

export interface TestedEntry {
  dn: string;
  userPrincipalName: string | null;
  displayName: string | null;
  mail: string | null;
  /** Masked: personal data. */
  mobile: string | null;
  preferredLanguage: string | null;
  disabled: boolean;
  id: string | null;
  /** Why the entry could not become a user, if it could not. */
  problem: string | null;
}

export interface DirectoryTest {
  /** The service account bound and the search ran. */
  ok: boolean;
  /** What was searched. */
  baseDn: string;
  filter: string;
  /** Entries read (one page at most), with the attribute map applied. */
  entries: TestedEntry[];
}

/**
 * Tests the settings: binds as the service account and reads a few users (or
 * the one with user name `upn`), each as Portcullis would read it. A fault of
 * the directory is thrown (the caller reports it).
 */
export async function testDirectory(
  client: DirectoryClient,
  opts: { upn?: string; size?: number } = {},
): Promise<DirectoryTest> {
  const s = client.settings;
  await checkAttributeMap(client);
  // A user name travels as the value of an equality filter (BER), never spliced
  // into filter text: `*` or `)(` in it are characters, not syntax.
  const filter = opts.upn
    ? new AndFilter({
        filters: [
          s.userFilter,
          new EqualityFilter({ attribute: s.attributes.upn, value: opts.upn }),
        ],
      })
    : s.userFilter;
  const found = await client.sample(
    {
      base: s.baseDn,
      filter,
      attributes: userAttributes(s),
      buffers: binaryAttributes(s),
    },
    opts.size ?? 10,
  );
  let disabled = new Set<string>();
  if (s.disabledFilter && found.length > 0) {
    const off = await client.sample(
      {
        base: s.baseDn,
        filter: new AndFilter({ filters: [filter, s.disabledFilter] }),
        attributes: ['1.1'],
      },
      1000,
    );
    disabled = new Set(off.map((e) => normalDn(e.dn)));
  }
  return {
    ok: true,
    baseDn: s.baseDn,
    filter: filter.toString(),
    entries: found.map((raw) => {
      const r = readEntry(raw, s, disabled.has(normalDn(raw.dn)));
      if (!r.ok)
        return {
          dn: r.dn,
          userPrincipalName: null,
          displayName: null,
          mail: null,
          mobile: null,
          preferredLanguage: null,
          disabled: false,
          id: r.id,
          problem: r.error,
        };
      const e = r.entry;
      return {
        dn: e.dn,
        userPrincipalName: e.upn,
        displayName: e.displayName,
        mail: e.mail,
        mobile: e.mobile ? maskNumber(e.mobile) : null,
        preferredLanguage: e.language,
        disabled: e.disabled,
        id: e.id,
        problem: null,
      };
    }),
  };
}
