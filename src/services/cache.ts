/**
 * A short-lived in-process cache for things read on every legacy check and
 * rarely changed (service settings, applications). A change made through this
 * process clears its entry at once; other processes see it within `ttlMs`.
 * Timed by the monotonic clock, not the (possibly hand-set) context clock.
 */
export class TtlCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(private readonly ttlMs: number) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 1000) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/** What one read of the epoch sees: entries good for it, or read again. */
export interface CacheView {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** A view that no longer holds: the check must start over with a fresh one, having written nothing. */
export class StaleView extends Error {
  constructor() {
    super('the cache epoch moved during the check');
  }
}

/** A view with the epoch it is good for. */
export interface EpochView extends CacheView {
  readonly epoch: number;
}

/**
 * A per-process cache of what every check reads (users with their app
 * passwords, applications, service settings), good while the database's cache
 * epoch (migration 0022) stands still. Every change those depend on moves the
 * epoch on in its own transaction, so once a change has returned, any check
 * that reads the epoch afterwards — on any node or worker — reads anew. A
 * check reads the epoch once (`view()`) for all it looks up. The epoch is
 * read before an entry is loaded, so an entry is never older than its epoch.
 * Misses are not kept: a new user needs no invalidation.
 */
export class EpochCache {
  private readonly entries = new Map<string, { epoch: number; value: Promise<unknown> }>();
  /** The latest epoch this process has read. */
  #known = 0;
  constructor(
    /** Synchronous where the database allows (SQLite's reading connection): one await fewer per lookup. */
    private readonly readEpoch: () => number | Promise<number>,
    private readonly max = 10_000,
  ) {}

  async view(): Promise<EpochView> {
    return this.#viewAt(this.saw(await this.readEpoch()));
  }

  /**
   * A view at the latest epoch this process has read, without reading it:
   * only for work that reads the epoch again where its answer is decided
   * (inside a write transaction) and starts over with `view()` unless it
   * stood still (`saw(epoch) === view.epoch`). Entries it loads count as of
   * that older epoch, so no other view takes them for fresher than they are.
   */
  assumed(): EpochView {
    return this.#viewAt(this.#known);
  }

  /**
   * `view` itself once the epoch, read now, is still the one it is good for
   * (an `assumed` view confirmed before anything rests on it); a StaleView
   * error when it has moved.
   */
  async confirm(view: EpochView): Promise<EpochView> {
    if (this.saw(await this.readEpoch()) !== view.epoch) throw new StaleView();
    return view;
  }

  /** Remembers an epoch read elsewhere (for `assumed`); returns it. */
  saw(epoch: number): number {
    if (epoch > this.#known) this.#known = epoch;
    return epoch;
  }

  #viewAt(epoch: number): EpochView {
    return { epoch, get: (key, load) => this.#get(epoch, key, load) };
  }

  /** One lookup with an epoch of its own. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let epoch: number | Promise<number>;
    try {
      epoch = this.readEpoch();
    } catch (e) {
      return Promise.reject(e);
    }
    return typeof epoch === 'number'
      ? this.#get(this.saw(epoch), key, load)
      : epoch.then((n) => this.#get(this.saw(n), key, load));
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  #get<T>(epoch: number, key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    // Read under this epoch or a later one: at least as fresh as this check needs.
    if (hit && hit.epoch >= epoch) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = load();
    const entry = { epoch, value };
    this.entries.set(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then((v) => v === undefined && drop(), drop);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
