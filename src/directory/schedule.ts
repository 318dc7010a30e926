// The periodic directory sync of a running server: every minute (or sooner
// when the interval is shorter) a node checks when the last sync started, by
// any node; when one is due it syncs, holding the sync's lease, so in a
// cluster one node at a time does it. Failures are logged (the portal shows
// the run); the next check tries again.
import type { AppContext } from '../context.ts';
import { isAppError } from '../errors.ts';
import type { DirectoryClient } from './client.ts';
import { syncDirectory } from './sync.ts';

export const SCHEDULE_ACTOR = { name: 'directory sync', ip: null } as const;

/** When the last run started (any node, any trigger), or null. */
async function lastStart(ctx: AppContext): Promise<number | null> {
  const row = await ctx.db
    .selectFrom('directory_sync_runs')
    .select('started_at')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.started_at) : null;
}

/** Starts the schedule; returns a function that stops it (and waits for a run in progress). */
export function startDirectorySchedule(
  ctx: AppContext,
  client: DirectoryClient,
): () => Promise<void> {
  const everyMs = client.settings.syncMinutes * 60_000;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const last = await lastStart(ctx);
      if (last !== null && ctx.clock.now() - last < everyMs) return;
      const r = await syncDirectory(ctx, client, { trigger: 'schedule', actor: SCHEDULE_ACTOR });
      ctx.log.info(
        {
          entries: r.entries,
          created: r.created,
          updated: r.updated,
          blocked: r.blocked,
          unblocked: r.unblocked,
          deleted: r.deleted,
          notSynced: r.errors.length,
        },
        'directory synced',
      );
    })()
      .catch((e: unknown) => {
        // Another node holds the lease: it is syncing, nothing to say.
        if (isAppError(e) && e.code === 'conflict') return;
        ctx.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'directory sync failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, Math.min(everyMs, 60_000));
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
