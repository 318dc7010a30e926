import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import type { LimitsTable } from '../db/schema.ts';
import type { WriteNow } from '../db/sqlite-dialect.ts';
import { DELAYS, delayAfter, delaySteps, type LimitRule } from '../policy/limits.ts';

export interface LimitKey {
  key: string;
  /** The lowercased UPN an account key belongs to (an unlock clears it); null for addresses. */
  subject: string | null;
  rule: LimitRule;
}

export type LimitRow = LimitsTable;

/**
 * `delayAfter(n, free)` in SQL (2 s doubled per failure over the free ones, at
 * most 5 minutes), so a reservation sets its own wait in the same statement.
 */
function delaySql(n: RawBuilder<number>, free: RawBuilder<number>): RawBuilder<number> {
  const steps = delaySteps();
  return sql<number>`(case when ${n} - ${free} >= ${sql.lit(steps.length)} then ${sql.lit(DELAYS.maxMs)} else ${sql.lit(DELAYS.firstMs)} << (${n} - ${free}) end)`;
}

/** Values a reserved row takes: key, subject, now, its first wait's end, free, lock_at, reset_after. */
const ROW_VALUES = 7;

/**
 * Counts one failure in advance for each of `n` keys still open (one
 * conditional upsert), returning the keys reserved with their new counts.
 */
const reserveQuery = prepared((db, slot, n: number) => {
  // excluded.last_at is `now`: named once, as a value of the row.
  const at = sql<number>`excluded.last_at`;
  const fresh = sql<boolean>`(excluded.reset_after is not null and limits.last_at < ${at} - excluded.reset_after)`;
  const next = sql<number>`(case when ${fresh} then 1 else limits.failures + 1 end)`;
  const one = sql.lit(1);
  return db
    .insertInto('limits')
    .values(
      Array.from({ length: n }, (_, r) => {
        const value = (c: number) => slot(r * ROW_VALUES + c);
        return {
          key: value(0),
          subject: value(1),
          last_at: value(2),
          blocked_until: value(3),
          free: value(4),
          lock_at: value(5),
          reset_after: value(6),
          failures: one,
          inflight: one,
        };
      }),
    )
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: next,
          inflight: sql<number>`limits.inflight + 1`,
          last_at: at,
          // No wait is 0, not "now": another node whose clock reads a little earlier must not see a wait.
          blocked_until: sql<number>`case when ${next} < excluded.free then 0 else ${at} + ${delaySql(next, sql<number>`excluded.free`)} end`,
          subject: sql`excluded.subject`,
          free: sql`excluded.free`,
          lock_at: sql`excluded.lock_at`,
          reset_after: sql`excluded.reset_after`,
        })
        .where(
          sql<boolean>`${fresh} or (limits.blocked_until <= ${at} and (excluded.lock_at is null or limits.failures < excluded.lock_at))`,
        ),
    )
    .returning(['key', 'failures']);
});

/**
 * Settles keys in one statement. The shape is the counts of keys to clear,
 * release and keep, their values in that order. PostgreSQL's writers run side
 * by side, so there the rows are locked in key order first: a reservation
 * locks its rows in that order, and a settle doing the same can never close a
 * cycle with it (a deadlock). SQLite has one writer at a time.
 */
const settleQuery = prepared((db, slot, shape: string) => {
  const [c, r, k] = shape.split(',').map(Number) as [number, number, number];
  const lock = db.getExecutor().adapter instanceof PostgresAdapter;
  const slots = (from: number, n: number) => Array.from({ length: n }, (_, i) => slot(from + i));
  const none = sql<boolean>`1 = 0`;
  const cleared = c ? sql<boolean>`key in (${sql.join(slots(0, c))})` : none;
  const kept = k ? sql<boolean>`key in (${sql.join(slots(c + r, k))})` : none;
  const all = slots(0, c + r + k);
  return db
    .updateTable('limits')
    .set({
      failures: sql`case when ${kept} then failures when ${cleared} then 0 when failures > 0 then failures - 1 else 0 end`,
      inflight: sql`case when inflight > 0 then inflight - 1 else 0 end`,
      blocked_until: sql`case when ${kept} then blocked_until when ${cleared} or failures - 1 < free then 0 else blocked_until end`,
    })
    .where(
      'key',
      'in',
      lock
        ? db.selectFrom('limits').select('key').where('key', 'in', all).orderBy('key').forUpdate()
        : all,
    );
});

const standingQuery = prepared((db, slot, n: number) =>
  db
    .selectFrom('limits')
    .select(['key', 'failures', 'blocked_until', 'lock_at', 'reset_after', 'last_at'])
    .where(
      'key',
      'in',
      Array.from({ length: n }, (_, i) => slot(i)),
    ),
);

const clearQuery = prepared((db, slot, n: number) =>
  db
    .updateTable('limits')
    .set({ failures: sql.lit(0), blocked_until: sql.lit(0) })
    .where(
      'key',
      'in',
      Array.from({ length: n }, (_, i) => slot(i)),
    ),
);

type StandingRow = Pick<
  LimitRow,
  'key' | 'failures' | 'blocked_until' | 'lock_at' | 'reset_after' | 'last_at'
>;

/** `limitsNow(w).standing` from the keys' rows. */
function judgeStanding(rows: StandingRow[], now: number): { open: boolean; failing: string[] } {
  const fresh = (r: StandingRow) =>
    r.reset_after !== null && Number(r.last_at) < now - Number(r.reset_after);
  const open = rows.every(
    (r) =>
      fresh(r) ||
      (Number(r.blocked_until) <= now && (r.lock_at === null || r.failures < r.lock_at)),
  );
  return { open, failing: rows.filter((r) => r.failures > 0).map((r) => r.key) };
}

/**
 * What a success without a reservation needs (src/flows/legacy.ts), run at
 * once inside a SQLite group commit (`runNow`), where the answers hold until
 * it commits.
 */
export const limitsNow = (w: WriteNow) => ({
  /**
   * Whether a reservation under every key would be counted at `now` (the
   * condition of the reservation's upsert: no wait, no lock, or quiet long
   * enough to start over), and which keys count failures.
   */
  standing: (keys: readonly string[], now: number) =>
    judgeStanding(standingQuery.now(w, keys.length, keys), now),
  /** These keys start over. */
  clear(keys: readonly string[]): void {
    if (keys.length > 0) clearQuery.now(w, keys.length, keys);
  },
});

/**
 * Guessing limits (src/policy/limits.ts) in the database, so they hold across
 * nodes and restarts. A guess *reserves* its slot before it is judged: one
 * conditional upsert counts it only where the key is neither waiting nor
 * locked, so guesses fired together can never get past a limit. The hot
 * statements are compiled once (src/db/prepared.ts).
 */
export const limitsStore = (db: Db) => ({
  /**
   * Counts one failure in advance for each key still open; returns the keys
   * reserved with their new counts (a key missing from the answer refused).
   */
  async reserve(keys: readonly LimitKey[], now: number): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    // One order for every caller: PostgreSQL locks the rows of a multi-row upsert in it.
    const sorted = [...new Map(keys.map((k) => [k.key, k])).values()].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    const values = sorted.flatMap((k) => {
      const wait = delayAfter(1, k.rule.free);
      return [
        k.key,
        k.subject,
        now,
        wait > 0 ? now + wait : 0,
        k.rule.free,
        k.rule.lockAt,
        k.rule.resetAfterMs,
      ];
    });
    const { rows } = await reserveQuery(db, sorted.length, values);
    return new Map(rows.map((r) => [r.key, Number(r.failures)]));
  },

  /**
   * Settles judged reservations: `clear` keys start over (a success ends a run
   * of consecutive failures), `release` keys give back one slot, `keep` keys
   * keep theirs (a wrong guess, counted when it was reserved).
   */
  async settle(
    clear: readonly string[],
    release: readonly string[],
    keep: readonly string[] = [],
  ): Promise<void> {
    if (clear.length + release.length + keep.length === 0) return;
    const shape = `${clear.length},${release.length},${keep.length}`;
    await settleQuery(db, shape, [...clear, ...release, ...keep]);
  },

  /** The rows of these keys (absent: never failed), for telling how long to wait. */
  find: (keys: readonly string[]) =>
    keys.length === 0
      ? Promise.resolve([] as LimitRow[])
      : db.selectFrom('limits').selectAll().where('key', 'in', keys).execute(),

  /** Keys of an account that now refuse (waiting or locked). */
  closedFor: (subject: string, now: number) =>
    db
      .selectFrom('limits')
      .selectAll()
      .where('subject', '=', subject)
      .where((eb) =>
        eb.or([
          eb('blocked_until', '>', now),
          eb.and([eb('lock_at', 'is not', null), eb('failures', '>=', eb.ref('lock_at'))]),
        ]),
      )
      .execute(),

  /** An administrator's unlock (or a password reset): every key of the account starts over. */
  async clearSubject(subject: string): Promise<number> {
    const r = await db
      .updateTable('limits')
      .set({ failures: 0, blocked_until: 0 })
      .where('subject', '=', subject)
      .where('failures', '>', 0)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** A renamed account keeps its counts under the new name. */
  async renameSubject(from: string, to: string): Promise<void> {
    await db.updateTable('limits').set({ subject: to }).where('subject', '=', from).execute();
  },

  /**
   * Housekeeping: rows with nothing to count, quiet address keys, and account
   * keys unlocked and quiet for `staleMs` (a lock stays until it is lifted).
   */
  async sweep(now: number, staleMs: number): Promise<void> {
    // Reservations a node took down with it (killed while judging) are in flight no more.
    await db
      .updateTable('limits')
      .set({ inflight: 0 })
      .where('inflight', '>', 0)
      .where('last_at', '<', now - 60_000)
      .execute();
    await db
      .deleteFrom('limits')
      .where('blocked_until', '<', now)
      .where((eb) =>
        eb.or([
          eb('failures', '=', 0),
          eb.and([
            eb('reset_after', 'is not', null),
            eb('last_at', '<', sql<number>`${sql.val(now)} - reset_after`),
          ]),
          eb.and([
            eb('last_at', '<', now - staleMs),
            eb.or([eb('lock_at', 'is', null), eb('failures', '<', eb.ref('lock_at'))]),
          ]),
        ]),
      )
      .execute();
  },
});

export type LimitsStore = ReturnType<typeof limitsStore>;
