// `portcullis serve` on every core: a primary process readies the database,
// then forks workers that each run the whole server (src/server.ts). Node's
// cluster module shares the listeners: the primary owns the HTTP and LDAP
// sockets and hands connections to the workers in turn; the RADIUS socket is
// shared, each datagram read by one worker. Everything that matters is in the
// database already (several nodes can share one), so workers need nothing
// from each other. Worker 1 runs the periodic jobs; a worker that dies is
// replaced at once, in its slot, so the jobs come back with it.
import cluster, { type Worker } from 'node:cluster';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import type { Config } from './config/schema.ts';
import { closeContext, createContext } from './context.ts';
import { WriteTurns } from './db/write-turns.ts';
import { AppError } from './errors.ts';
import { createLogger, type Logger } from './log.ts';
import { renderClusterMetricsWith } from './metrics.ts';
import { announceLdap, prepareDatabase, type RunningServer, startServer } from './server.ts';

/** The worker processes `serve` runs: `auto` is one per core. */
export const workerCount = (config: Pick<Config, 'workers'>) =>
  config.workers === 'auto' ? availableParallelism() : config.workers;

/** What a worker tells the primary once it serves. */
interface Ready {
  portcullis: 'ready';
  port: number;
  ldapListeners: RunningServer['ldapListeners'];
  radiusPort: number | null;
}
const isReady = (m: unknown): m is Ready =>
  typeof m === 'object' && m !== null && (m as { portcullis?: unknown }).portcullis === 'ready';

/** A question between primary and worker over the IPC channel, and its answer. */
interface Ask {
  portcullis: 'ask';
  id: number;
  what: 'metrics' | 'metrics-json';
}
interface Answer {
  portcullis: 'answer';
  id: number;
  value: unknown;
}
const isAsk = (m: unknown): m is Ask => (m as { portcullis?: unknown })?.portcullis === 'ask';
const isAnswer = (m: unknown): m is Answer =>
  (m as { portcullis?: unknown })?.portcullis === 'answer';

interface Peer {
  send(m: unknown): unknown;
  on(event: 'message', listener: (m: unknown) => void): unknown;
  off(event: 'message', listener: (m: unknown) => void): unknown;
}
let asked = 0;
/** Asks the other end a question; null when it does not answer within two seconds. */
function ask<T>(peer: Peer, what: Ask['what']): Promise<T | null> {
  const id = ++asked;
  return new Promise((resolve) => {
    const done = (value: T | null) => {
      clearTimeout(timer);
      peer.off('message', listen);
      resolve(value);
    };
    const listen = (m: unknown) => {
      if (isAnswer(m) && m.id === id) done(m.value as T);
    };
    const timer = setTimeout(() => done(null), 2000);
    peer.on('message', listen);
    peer.send({ portcullis: 'ask', id, what } satisfies Ask);
  });
}

/** The environment a worker learns its slot from (set by the primary, read only by workers). */
const SLOT_ENV = 'PORTCULLIS_WORKER_SLOT';

/** A worker: serves, tells the primary, and stops with it. */
export async function runWorker(config: Config): Promise<void> {
  const slot = Number(process.env[SLOT_ENV]);
  const server = await startServer(config, console.log, false, {
    workers: workerCount(config),
    slot,
    jobs: slot === 1,
    prepared: true,
    writeTurns: turnsFromPrimary(),
  });
  const ready: Ready = {
    portcullis: 'ready',
    port: server.port,
    ldapListeners: server.ldapListeners,
    radiusPort: server.radiusPort,
  };
  // /metrics on any worker shows all of them added up: the primary gathers them.
  const primary = process as unknown as Peer;
  renderClusterMetricsWith(async () => {
    const text = await ask<string>(primary, 'metrics');
    if (text === null)
      throw new AppError('service_unavailable', {
        detail: "The other workers' figures did not arrive in time. Try again shortly.",
        retryAfter: 5,
      });
    return text;
  });
  process.on('message', (m: unknown) => {
    if (isAsk(m) && m.what === 'metrics-json')
      void server.ctx.metrics.json().then((value) => answer(primary, m, value));
  });
  process.send?.(ready);
  stopOn(server, ['SIGTERM', 'SIGINT']);
  // The primary is gone (even killed outright): stop serving rather than linger.
  process.once('disconnect', () => void close(server));
}

const answer = (peer: Peer, question: Ask, value: unknown) =>
  peer.send({ portcullis: 'answer', id: question.id, value } satisfies Answer);

/** Turns at writing to SQLite, granted by the primary one worker at a time. */
function turnsFromPrimary(): WriteTurns {
  const granted: (() => void)[] = [];
  process.on('message', (m: unknown) => {
    if ((m as { portcullis?: unknown })?.portcullis === 'turn') granted.shift()?.();
  });
  return new WriteTurns({
    ask: () =>
      new Promise<void>((resolve) => {
        granted.push(resolve);
        process.send?.({ portcullis: 'take-turn' });
      }),
    giveBack: () => void process.send?.({ portcullis: 'give-turn' }),
  });
}

/** The primary's side: one worker at a time holds the turn; a worker that dies gives it up. */
function turnKeeper() {
  const queue: Worker[] = [];
  let holder: Worker | null = null;
  const next = () => {
    while (!holder && queue.length > 0) {
      const w = queue.shift()!;
      if (w.isDead()) continue;
      holder = w;
      w.send({ portcullis: 'turn' });
    }
  };
  return {
    message(worker: Worker, m: unknown) {
      const kind = (m as { portcullis?: unknown })?.portcullis;
      if (kind === 'take-turn') queue.push(worker);
      else if (kind === 'give-turn' && holder === worker) holder = null;
      else return;
      next();
    },
    gone(worker: Worker) {
      for (let i = queue.indexOf(worker); i >= 0; i = queue.indexOf(worker)) queue.splice(i, 1);
      if (holder === worker) holder = null;
      next();
    },
  };
}

let closing: Promise<void> | undefined;
const close = (server: RunningServer) => {
  closing ??= server.close().finally(() => process.exit(0));
  return closing;
};
/** Closes the server (in-flight requests finish) and exits on these signals. */
export function stopOn(server: RunningServer, signals: NodeJS.Signals[]) {
  for (const s of signals) process.once(s, () => void close(server));
}

/** A dying worker within this long of its start counts towards a crash loop. */
const EARLY_DEATH_MS = 10_000;

/**
 * The primary: readies the database once (migrations, first administrator),
 * forks `count` workers, says 'listening' once they all serve, and replaces
 * any that dies. It stops them all on SIGTERM or SIGINT.
 */
export async function runPrimary(config: Config, count: number): Promise<void> {
  const log = createLogger(config.logLevel);
  const ctx = createContext(config, { log });
  const database = ctx.dialect;
  try {
    await prepareDatabase(ctx, console.log, process.stdout.isTTY === true);
  } finally {
    await closeContext(ctx);
  }

  const slots = new Map<Worker, { slot: number; started: number; ready: boolean }>();
  const turns = turnKeeper();
  let stopping = false;
  let announced = false;
  let earlyDeaths = 0;
  const fork = (slot: number) => {
    const worker = cluster.fork({ [SLOT_ENV]: String(slot) });
    slots.set(worker, { slot, started: Date.now(), ready: false });
    worker.on('message', (m: unknown) => {
      turns.message(worker, m);
      if (isAsk(m) && m.what === 'metrics')
        void allMetrics([...slots.keys()]).then((text) => answer(worker, m, text));
      if (!isReady(m)) return;
      const w = slots.get(worker);
      if (w) w.ready = true;
      if (!announced && [...slots.values()].every((s) => s.ready)) {
        announced = true;
        announce(log, config, m, { workers: count, database });
      } else if (announced) {
        log.info({ worker: slot, pid: worker.process.pid }, 'worker serving');
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const w = slots.get(worker);
    slots.delete(worker);
    turns.gone(worker);
    if (stopping || !w) return;
    if (!announced) {
      // A worker that cannot start (a port taken, a bad certificate) says why on
      // its own output; the others would fail the same way.
      log.error({ worker: w.slot, exitCode: code, signal }, 'a worker failed to start: stopping');
      stopAll(1);
      return;
    }
    const early = Date.now() - w.started < EARLY_DEATH_MS;
    earlyDeaths = early ? earlyDeaths + 1 : 0;
    log.error(
      { worker: w.slot, pid: worker.process.pid, exitCode: code, signal },
      'worker died: starting another',
    );
    // Dying again and again straight after starting: wait a little longer each time.
    const wait = early ? Math.min(30_000, 250 * 2 ** Math.min(earlyDeaths, 7)) : 0;
    setTimeout(() => {
      if (!stopping) fork(w.slot);
    }, wait).unref();
  });

  const stopAll = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = [...slots.keys()];
    if (workers.length === 0) process.exit(exitCode);
    let left = workers.length;
    for (const worker of workers) {
      worker.once('exit', () => {
        if (--left === 0) process.exit(exitCode);
      });
      worker.process.kill('SIGTERM');
    }
    // Whatever has not finished in time is ended.
    setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, 10_000).unref();
  };
  process.once('SIGTERM', () => stopAll(0));
  process.once('SIGINT', () => stopAll(0));

  for (let slot = 1; slot <= count; slot++) fork(slot);
}

/** Every worker's figures, added up (counters and histograms summed, as prom-client's cluster mode does). */
async function allMetrics(workers: Worker[]): Promise<string> {
  const { AggregatorRegistry } = createRequire(import.meta.url)(
    'prom-client',
  ) as typeof import('prom-client');
  const each = await Promise.all(
    workers.map((w) => ask<MetricObjectWithValues<MetricValue<string>>[]>(w, 'metrics-json')),
  );
  return AggregatorRegistry.aggregate(each.filter((m) => m !== null)).metrics();
}

/** The lines a single process says when it listens, said once for all the workers. */
function announce(
  log: Logger,
  config: Config,
  ready: Ready,
  about: { workers: number; database: string },
) {
  if (ready.radiusPort !== null) log.info({ port: ready.radiusPort }, 'radius listening');
  announceLdap(log, ready.ldapListeners);
  log.info(
    {
      workers: about.workers,
      port: ready.port,
      host: config.host,
      database: about.database,
      publicUrl: config.publicUrl,
    },
    'listening',
  );
}
