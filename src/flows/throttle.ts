import type { AppContext } from '../context.ts';
import { delayAfter, THROTTLE } from '../policy/throttle.ts';

/**
 * Failure throttling per key ("password:<upn>", "code:<user id>"), on the
 * database counters so it holds across processes and restarts. The delays
 * themselves are policy (src/policy/throttle.ts).
 */
export function throttle(ctx: AppContext) {
  const { stores, clock } = ctx;
  const verdict = (until: number | undefined) => {
    const now = clock.now();
    return {
      wait: until !== undefined && until > now ? Math.ceil((until - now) / 1000) : 0,
      counted: until !== undefined,
    };
  };
  return {
    /** Seconds to wait before `key` may be tried again (0: go ahead), and whether failures are on record. */
    async check(key: string): Promise<{ wait: number; counted: boolean }> {
      return verdict(await stores.throttles.blockedUntil(key));
    },

    /** `check` for several keys at once (one query), in the order given. */
    async checkAll(keys: readonly string[]): Promise<{ wait: number; counted: boolean }[]> {
      const until = await stores.throttles.blockedUntilMany(keys);
      return keys.map((k) => verdict(until.get(k)));
    },

    /** Counts a failure; delays start after `freeFailures` of them. */
    async fail(key: string, freeFailures = THROTTLE.freeFailures): Promise<void> {
      const now = clock.now();
      const failures = await stores.throttles.increment(key, now, now - THROTTLE.resetAfterMs);
      const delay = delayAfter(failures, freeFailures);
      if (delay > 0) await stores.throttles.block(key, now + delay);
    },

    clear: (key: string) => stores.throttles.clear(key),
  };
}
