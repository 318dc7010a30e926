/**
 * Growing delays for repeated failures (passwords, codes) per user. The first
 * few are free; after that each failure doubles the wait, capped so an attacker
 * can slow a user down but never lock them out for long.
 */
export const THROTTLE = {
  freeFailures: 5,
  firstDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  /** A quiet period after which the count starts over. */
  resetAfterMs: 15 * 60_000,
};

/**
 * A whole client address (a mail server checking many users' app passwords
 * through one connection) gets far more free failures than one account does.
 */
export const ADDRESS_FREE_FAILURES = 100;

export function delayAfter(failures: number, freeFailures = THROTTLE.freeFailures): number {
  const over = failures - freeFailures;
  if (over < 0) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** Math.min(over, 20), THROTTLE.maxDelayMs);
}
