/**
 * Guessing limits (issue 15): the rules, one per kind of key. A key counts
 * consecutive failures; the first `free` cost nothing, then each waits twice
 * as long as the last (2 s, 4 s, … at most 5 minutes); at `lockAt` the key
 * locks and no amount of waiting opens it (NIST SP 800-63B §5.2.2: at most 100
 * consecutive failed attempts on an account) — a success or an administrator
 * does. Keys with `resetAfterMs` start over after that long without a failure
 * (addresses are shared by many people; they never lock; an attempt's key
 * outlives its flow by far).
 */
export interface LimitRule {
  /** Failures that cost no wait. */
  free: number;
  /** Consecutive failures at which the key locks; null: never. */
  lockAt: number | null;
  /** A quiet period after which the count starts over; null: only a success or an unlock. */
  resetAfterMs: number | null;
}

export const DELAYS = { firstMs: 2_000, maxMs: 5 * 60_000 };

/** NIST SP 800-63B §5.2.2: "no more than 100 consecutive failed attempts on a single account". */
export const ACCOUNT_LOCK_AT = 100;
const QUIET = 15 * 60_000;

export const RULES = {
  /**
   * One sign-in attempt (or one registration): its codes; at the limit the
   * attempt ends. (A day on, its flow is long expired: the key may go.)
   */
  attempt: (max: number): LimitRule => ({ free: max, lockAt: max, resetAfterMs: 24 * 3_600_000 }),
  /** An account's password or second factor, across attempts, nodes and browser pages. */
  account: { free: 5, lockAt: ACCOUNT_LOCK_AT, resetAfterMs: null },
  /**
   * An account on the legacy fronts, across addresses: more free failures (a
   * user's devices share it), its own lock, kept apart from the browser's so a
   * stale mail client cannot lock its user out of browser sign-in.
   */
  legacyAccount: { free: 20, lockAt: ACCOUNT_LOCK_AT, resetAfterMs: null },
  /** An account from one address on the legacy fronts: that client slows down first. */
  legacyClient: { free: 5, lockAt: null, resetAfterMs: QUIET },
  /** A client address, whatever the account (password spraying; a mail server's many users). */
  address: { free: 100, lockAt: null, resetAfterMs: QUIET },
} satisfies Record<string, LimitRule | ((n: number) => LimitRule)>;

/** How long a key waits after `failures` consecutive failures under `free` (0: not at all). */
export function delayAfter(failures: number, free: number): number {
  const over = failures - free;
  if (over < 0) return 0;
  return Math.min(DELAYS.firstMs * 2 ** Math.min(over, 20), DELAYS.maxMs);
}

/** The steps of `delayAfter` below the cap, for the storage's one-statement reservation. */
export const delaySteps = (): number[] => {
  const steps: number[] = [];
  for (let over = 0; DELAYS.firstMs * 2 ** over < DELAYS.maxMs; over++)
    steps.push(DELAYS.firstMs * 2 ** over);
  return steps;
};
