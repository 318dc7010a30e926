import type { AppContext } from '../context.ts';
import { type LimitRule, RULES } from '../policy/limits.ts';
import { type LimitKey, type LimitsStore, limitsStore } from '../storage/limits.ts';

/** A key, and what a success does to it: start the run of failures over, or give its slot back. */
export interface Guarded extends LimitKey {
  onSuccess: 'clear' | 'release';
}

const account = (kind: string, id: string, upn: string, rule: LimitRule): Guarded => ({
  key: `${kind}:${id}`,
  subject: upn.toLowerCase(),
  rule,
  onSuccess: 'clear',
});
const address = (kind: string, ip: string | null, rule: LimitRule): Guarded => ({
  key: `${kind}:${ip ?? 'unknown'}`,
  subject: null,
  rule,
  onSuccess: 'release',
});

/**
 * Every key a guess can be counted under (README "Limits" lists them). A UPN
 * is compared case-insensitively, so its keys are lowercased.
 */
export const limitKeys = {
  /** The account's password on browser pages (sign-in, password change). */
  password: (upn: string) => account('password', upn.toLowerCase(), upn, RULES.account),
  /** The account's Temporary Access Pass (a guessed secret like the password, counted apart). */
  temporaryAccessPass: (upn: string) => account('tap', upn.toLowerCase(), upn, RULES.account),
  /** The account's second factors, in every attempt and registration. */
  codes: (user: { id: string; upn: string }) => account('code', user.id, user.upn, RULES.account),
  /** One sign-in attempt or registration: its wrong codes end it. */
  attempt: (flowId: string, max: number): Guarded => ({
    key: `attempt:${flowId}`,
    subject: null,
    rule: RULES.attempt(max),
    onSuccess: 'release',
  }),
  /** Failures from one client address on browser pages, whatever the account. */
  address: (ip: string | null) => address('ip', ip, RULES.address),
  /** User codes typed at /device from one client address (RFC 8628 §5.1: they are short). */
  userCode: (ip: string | null) => address('user-code', ip, RULES.legacyClient),
  /** Passwordless proofs from one client address (no account is named before the proof). */
  passwordless: (ip: string | null) => address('passwordless', ip, RULES.legacyClient),
  /** The account on the legacy fronts, from any address. */
  legacyAccount: (upn: string) => account('legacy', upn.toLowerCase(), upn, RULES.legacyAccount),
  /** The account on the legacy fronts from one address: that client slows down first. */
  legacyClient: (upn: string, ip: string | null): Guarded => ({
    ...account('legacy', `${upn.toLowerCase()}:${ip ?? '-'}`, upn, RULES.legacyClient),
  }),
  /**
   * An application's LDAP service account from one address. Its secret is
   * random and long, so it never locks (a stranger could otherwise lock the
   * application out); wrong guesses slow that client down.
   */
  ldapService: (appId: string, ip: string | null): Guarded => ({
    key: `ldap-service:${appId.toLowerCase()}:${ip ?? '-'}`,
    subject: null,
    rule: RULES.legacyClient,
    onSuccess: 'clear',
  }),
  /** Failures from one client address on the legacy fronts (a mail server's many users). */
  legacyAddress: (ip: string | null) => address('legacy-ip', ip, RULES.address),
};

/** A guess that holds its slots; settle it once judged. */
export interface Reservation {
  ok: true;
  /** The new failure count of each key, this guess counted as a failure. */
  counts: Map<string, number>;
  /** The guess was right: account keys start over, other slots are given back. */
  right(): Promise<void>;
  /** It was no guess (still waiting, a form to correct, an error): every slot is given back. */
  void(): Promise<void>;
  /** The guess was wrong: it stays counted (as reserved); only "being judged" ends. */
  wrong(): Promise<void>;
}

export interface Refusal {
  ok: false;
  /** The first key that refused. */
  key: Guarded;
  /** Seconds until it may be tried again; 0 when locked. */
  wait: number;
  /** The key locked (a lock needs a success elsewhere or an administrator, not waiting). */
  locked: boolean;
  /** Guesses under the refusing keys are still being judged (their verdict may reopen them). */
  inFlight: boolean;
}

type Settle = [clear: string[], release: string[], keep: string[]];

/**
 * What settling a reservation held under every one of `keys` writes, by
 * verdict (`LimitsStore.settle`'s arguments): right, void, wrong.
 */
export function settlements(keys: readonly Guarded[]): Record<'right' | 'void' | 'wrong', Settle> {
  const all = keys.map((k) => k.key);
  return {
    right: [
      keys.filter((k) => k.onSuccess === 'clear').map((k) => k.key),
      keys.filter((k) => k.onSuccess === 'release').map((k) => k.key),
      [],
    ],
    void: [[], all, []],
    wrong: [[], [], all],
  };
}

/**
 * The one limiter for everything guessable: reserve, then judge. A guess
 * counts as a failure before it is judged, in one statement for all its keys;
 * a right answer (or no answer at all) gives the slots back afterwards. A
 * wrong one needs nothing more: it was counted already.
 */
export function limiter(ctx: AppContext) {
  const { clock } = ctx;
  // SQLite has one writer and pays per commit: its limit writes share the group
  // commit (one transaction for all that queued meanwhile). PostgreSQL's go
  // alone, on the counters pool, so no transaction holds one key's lock while
  // waiting for another's.
  const limits = <T>(work: (s: LimitsStore) => Promise<T>): Promise<T> =>
    ctx.dialect === 'sqlite'
      ? ctx.groupCommit.run((db) => work(limitsStore(db)))
      : work(ctx.stores.limits);
  const settle = (clear: string[], release: string[], keep: string[] = []) =>
    limits((s) => s.settle(clear, release, keep));

  async function once(keys: readonly Guarded[]): Promise<Reservation | Refusal> {
    const now = clock.now();
    const counts = await limits((s) => s.reserve(keys, now));
    const held = keys.filter((k) => counts.has(k.key)).map((k) => k.key);
    if (held.length < keys.length) {
      await settle([], held);
      const refused = keys.filter((k) => !counts.has(k.key));
      const rows = await ctx.stores.limits.find(refused.map((k) => k.key));
      const lockedRow = rows.find((r) => r.lock_at !== null && r.failures >= r.lock_at);
      const key = (lockedRow && refused.find((k) => k.key === lockedRow.key)) || refused[0]!;
      const until = Math.max(0, ...rows.map((r) => r.blocked_until));
      return {
        ok: false,
        key,
        locked: lockedRow !== undefined,
        // Still being judged, or judged right since (the key open again): worth another try.
        inFlight:
          rows.some((r) => r.inflight > 0) ||
          (lockedRow === undefined && rows.every((r) => r.blocked_until <= clock.now())),
        wait: lockedRow ? 0 : Math.max(1, Math.ceil((until - now) / 1000)),
      };
    }
    const s = settlements(keys);
    return {
      ok: true,
      counts,
      right: () => settle(...s.right),
      void: () => settle(...s.void),
      wrong: () => settle(...s.wrong),
    };
  }

  return {
    /**
     * Reserves a slot under every key, or says which refused. A refusal while
     * guesses are still being judged (a mail client's five connections
     * signing in at once: each counts as a failure until judged) is tried
     * again for a moment, in case they were right — never for longer than
     * the first wait, so guesses judged wrong meanwhile still hold it back.
     */
    async reserve(keys: readonly Guarded[]): Promise<Reservation | Refusal> {
      const start = Date.now();
      for (let i = 0; ; i++) {
        const r = await once(keys);
        if (r.ok || !r.inFlight || i >= IN_FLIGHT_RETRIES_MS.length) return r;
        if (Date.now() - start > IN_FLIGHT_BUDGET_MS) return r;
        await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_RETRIES_MS[i]));
      }
    },
  };
}

/** Pauses before trying a refused reservation again, within a budget well under the first wait (2 s). */
const IN_FLIGHT_RETRIES_MS = [25, 50, 100, 200, 400];
const IN_FLIGHT_BUDGET_MS = 750;
