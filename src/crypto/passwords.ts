import { availableParallelism } from 'node:os';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

export interface PasswordParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface HashPoolLimits {
  /** Hashes computed at once; 0: one fewer than the CPU cores (at least one). */
  concurrency: number;
  /** Checks that may wait for a free slot; more are refused at once. */
  queue: number;
}

/**
 * One process's part of the limits when `workers` processes share the
 * machine: the limits (and the default, one fewer than the cores) are for all
 * of them together, with at least one hash at a time in each.
 */
export function hashPoolShare(limits: HashPoolLimits, workers: number): HashPoolLimits {
  const all = limits.concurrency || Math.max(1, availableParallelism() - 1);
  return {
    concurrency: Math.max(1, Math.floor(all / workers)),
    queue: Math.ceil(limits.queue / workers),
  };
}

export interface HashPoolStats {
  active: number;
  queued: number;
  /** Checks refused because the queue was full, since start. */
  rejected: number;
  concurrency: number;
}

/**
 * A bounded pool for the expensive work: at most `concurrency` hashes run
 * (on libuv's threads) and at most `queue` wait. Past that a request is
 * refused at once with 503 and Retry-After — a burst of password checks
 * cannot make everyone's latency unbounded, and cheap requests never wait
 * behind it.
 */
class HashPool {
  readonly concurrency: number;
  #active = 0;
  #rejected = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly limits: HashPoolLimits) {
    // One core is left to the event loop, so cheap requests keep their latency
    // while every other core hashes.
    this.concurrency = limits.concurrency || Math.max(1, availableParallelism() - 1);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active >= this.concurrency) {
      if (this.#waiting.length >= this.limits.queue) {
        this.#rejected++;
        throw new AppError('service_unavailable', {
          retryAfter: 1,
          detail: 'Too many sign-ins at this moment. Try again in a second.',
          local: { key: 'error.busy' },
        });
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#active++;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter (active stays the same), or frees.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }

  stats(): HashPoolStats {
    return {
      active: this.#active,
      queued: this.#waiting.length,
      rejected: this.#rejected,
      concurrency: this.concurrency,
    };
  }
}

/**
 * argon2id password hashing. @node-rs/argon2 runs hashes on libuv's thread
 * pool, off the event loop; the pool above bounds how many run and wait.
 */
export class PasswordHasher {
  readonly params: PasswordParams;
  readonly #pool: HashPool;
  #dummy: Promise<string> | undefined;

  constructor(params: PasswordParams, limits: HashPoolLimits = { concurrency: 0, queue: 64 }) {
    this.params = params;
    this.#pool = new HashPool(limits);
  }

  hash(password: string): Promise<string> {
    return this.#pool.run(() => hash(password, { algorithm: Algorithm.Argon2id, ...this.params }));
  }

  verify(stored: string, password: string): Promise<boolean> {
    return this.#pool.run(() => this.#verify(stored, password));
  }

  async #verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /**
   * Verifies against a fixed hash, so that an unknown user costs the same time
   * as a known one with a wrong password (no user enumeration by timing).
   */
  async verifyDummy(password: string): Promise<false> {
    // A refused first hash (pool full) is not kept: the next call tries again.
    this.#dummy ??= this.hash('portcullis-dummy-password').catch((e: unknown) => {
      this.#dummy = undefined;
      throw e;
    });
    await this.verify(await this.#dummy, password);
    return false;
  }

  /** The pool's state now (for /metrics). */
  stats(): HashPoolStats {
    return this.#pool.stats();
  }
}
