import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { readCertificates } from './config/pem.ts';
import type { Config } from './config/schema.ts';
import { deriveKeys, type Keys, loadMasterKey } from './crypto/keys.ts';
import { hashPoolShare, PasswordHasher } from './crypto/passwords.ts';
import { cryptoRandom, type Random } from './crypto/random.ts';
import { SecretBox } from './crypto/secret-box.ts';
import { type GroupCommit, groupCommit } from './db/group-commit.ts';
import { type Db, type Dialect, type OpenOptions, openDatabase } from './db/index.ts';
import { createTelephony } from './delivery/index.ts';
import type { Telephony } from './delivery/types.ts';
import { createLogger, type Logger } from './log.ts';
import type { MethodContext } from './methods/types.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { issuerOf } from './services/branding.ts';
import { EpochCache, TtlCache } from './services/cache.ts';
import { getMethodsPolicy } from './services/methods-policy.ts';
import { getServiceSettings } from './services/settings.ts';
import { readCacheEpoch } from './storage/cache-epoch.ts';
import { createStores, type Stores } from './storage/index.ts';
import { limitsStore } from './storage/limits.ts';

/** Everything services need, built once per process and injected (STYLE.md, principle 11). */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  stores: Stores;
  clock: Clock;
  random: Random;
  keys: Keys;
  box: SecretBox;
  hasher: PasswordHasher;
  log: Logger;
  methodContext: MethodContext;
  telephony: Telephony;
  /** Shared commits for small writes off the caller's transaction (src/db/group-commit.ts). */
  groupCommit: GroupCommit;
  /** What is checked at most once a second per process (the OpenID Connect provider's keys). */
  cache: TtlCache;
  /**
   * Users with their app passwords, applications and service settings, read on
   * every check: good until a change to them commits (src/services/cache.ts).
   */
  dataCache: EpochCache;
  /** Prometheus metrics (/metrics). */
  metrics: Metrics;
  /** What closeContext() closes before the database (e.g. directory connections). */
  closers: (() => Promise<void>)[];
}

export interface ContextOverrides {
  clock?: Clock;
  random?: Random;
  log?: Logger;
  db?: OpenOptions;
  telephony?: Telephony;
  /** This process is one of this many workers sharing the machine (src/workers.ts). */
  workers?: number;
}

export function createContext(config: Config, o: ContextOverrides = {}): AppContext {
  const { db, dialect, counters, cacheEpoch, writeNow } = openDatabase(config.databaseUrl, {
    pgPoolSize: config.databasePoolSize,
    ...o.db,
  });
  const keys = deriveKeys(loadMasterKey(config.secretKey, config.dataDir));
  const box = new SecretBox(keys.secretsAtRest);
  const clock = o.clock ?? systemClock;
  const random = o.random ?? cryptoRandom;
  const telephony = o.telephony ?? createTelephony(config, db, clock);
  const log = o.log ?? createLogger(config.logLevel);
  // Read once: loadConfig has checked the file.
  const attestationRoots = config.passkeyAttestationRoots
    ? readCertificates(config.passkeyAttestationRoots)
    : [];
  let metrics: Metrics | undefined;
  const ctx: AppContext = {
    config,
    db,
    dialect,
    stores: { ...createStores(db), limits: limitsStore(counters) },
    clock,
    random,
    keys,
    box,
    hasher: new PasswordHasher(
      {
        memoryCost: config.argon2MemoryKib,
        timeCost: config.argon2Iterations,
        parallelism: config.argon2Parallelism,
      },
      hashPoolShare(
        { concurrency: config.hashConcurrency, queue: config.hashQueue },
        o.workers ?? 1,
      ),
    ),
    log,
    methodContext: {
      db,
      clock,
      random,
      box,
      hmacKey: keys.credentialHmac,
      telephony,
      config,
      limits: () => getServiceSettings(ctx),
      issuer: async () => issuerOf(await getServiceSettings(ctx)),
      passkeyOptions: async () => ({ ...(await getMethodsPolicy(ctx)).passkey, attestationRoots }),
      log,
    },
    telephony,
    groupCommit: groupCommit(db, o.db?.writeTurns, writeNow),
    cache: new TtlCache(1000),
    dataCache: new EpochCache(cacheEpoch ?? (() => readCacheEpoch(db))),
    get metrics() {
      metrics ??= createMetrics(() => ctx.hasher.stats());
      return metrics;
    },
    closers: [],
  };
  return ctx;
}

/** Closes what the context opened: connections made on first use, then the database. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await Promise.allSettled(ctx.closers.splice(0).map((close) => close()));
  await ctx.db.destroy();
}
