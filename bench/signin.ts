// `npm run bench`: password + TOTP browser sign-ins over HTTP against a real
// `portcullis serve`, compared with its ceiling: argon2id alone, with as many
// verifies at once as the server's hash pool runs (all its workers together).
// Measures and prints; asserts nothing. Loopback only; stops by itself.
//
// Options (environment): BENCH_SECONDS (15), BENCH_CONCURRENCY (16),
// BENCH_USERS (3000), PORTCULLIS_WORKERS (auto), PORTCULLIS_DATABASE_URL
// (default: SQLite in a temp dir).
import os from 'node:os';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { hashPoolShare, PasswordHasher } from '../src/crypto/passwords.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { workerCount } from '../src/workers.ts';
import {
  benchEnvironment,
  eventLoopCpuMs,
  httpClient,
  processCpuMs,
  seedTotpUsers,
  signIn,
  startBenchServer,
} from './setup.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const userCount = Number(process.env.BENCH_USERS ?? 3000);
const PASSWORD = 'benchmark password 1';

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });

// 1. The ceiling: argon2id alone, as many verifies at a time as the server's
// hash pool runs (each worker's share, added up), for 3 seconds. Two vCPUs
// never reach cores ÷ one verify: they share caches, or are SMT siblings.
const stored = await ctx.hasher.hash(PASSWORD);
for (let i = 0; i < 5; i++) await ctx.hasher.verify(stored, PASSWORD);
const hashRuns = 50;
const h0 = performance.now();
for (let i = 0; i < hashRuns; i++) await ctx.hasher.verify(stored, PASSWORD);
const hashMs = (performance.now() - h0) / hashRuns;
const cores = os.availableParallelism();
const workers = workerCount(config);
const limits = { concurrency: config.hashConcurrency, queue: config.hashQueue };
const poolSize = workers * hashPoolShare(limits, workers).concurrency;
const alone = new PasswordHasher(ctx.hasher.params, { concurrency: poolSize, queue: 0 });
let parallelDone = 0;
const p0 = performance.now();
await Promise.all(
  Array.from({ length: poolSize }, async () => {
    while (performance.now() - p0 < 3000) {
      await alone.verify(stored, PASSWORD);
      parallelDone++;
    }
  }),
);
const ceiling = parallelDone / ((performance.now() - p0) / 1000);

// 2. Users, each Enforced with an authenticator app (sharing one hash string).
await migrate(ctx.db, ctx.dialect);
const secrets = await seedTotpUsers(ctx, userCount, stored);
await ctx.db.destroy();

// 3. A real server process.
const { server, port, stop } = await startBenchServer(env);

// 4. The load: each virtual user signs in as the next unused user.
const { request, destroy } = httpClient(port, concurrency * 2);

let next = 0;
let errors = 0;
const latencies: number[] = [];
async function signInOnce(n: number): Promise<void> {
  const r = await signIn(() => request, n, secrets[n]!, PASSWORD);
  if (r.ok) latencies.push(r.total);
  else errors++;
}

/** CPU seconds used so far by the server's processes, and by their event loops (main threads). */
function serverCpu(): { process: number; main: number } {
  return { process: processCpuMs(server.pid) / 1000, main: eventLoopCpuMs(server.pid) / 1000 };
}

let cpuAtStart = { process: 0, main: 0 };
let clientCpuAtStart = process.cpuUsage();
const warmupEnd = performance.now() + 2000;
const end = warmupEnd + seconds * 1000;
let measuredStart = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end && next < userCount) {
      const measuring = performance.now() >= warmupEnd;
      if (measuring && measuredStart === 0) {
        measuredStart = performance.now();
        cpuAtStart = serverCpu();
        clientCpuAtStart = process.cpuUsage();
        latencies.length = 0;
        errors = 0;
      }
      await signInOnce(next++);
    }
  }),
);
const elapsed = (performance.now() - (measuredStart || warmupEnd)) / 1000;
const cpuAtEnd = serverCpu();
const clientCpu = process.cpuUsage(clientCpuAtStart);
destroy();
await stop();
cleanup();

// 5. The figures.
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
const rate = latencies.length / elapsed;
const perSignin = (cpuSeconds: number) =>
  ((cpuSeconds * 1000) / Math.max(1, latencies.length)).toFixed(2);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const rows: [string, string][] = [
  ['one argon2id verify (mean of 50, one thread)', `${hashMs.toFixed(2)} ms`],
  [
    `ceiling: argon2id alone, ${poolSize} at a time (the server's hash pool)`,
    `${ceiling.toFixed(1)} /s`,
  ],
  ['sign-ins completed in the measured window', String(latencies.length)],
  ['sign-ins per second', rate.toFixed(1)],
  ['latency p50 (whole sign-in, 5 requests)', `${pct(50).toFixed(1)} ms`],
  ['latency p99 (whole sign-in, 5 requests)', `${pct(99).toFixed(1)} ms`],
  ['ratio: achieved ÷ ceiling', `${(rate / ceiling).toFixed(2)} (target ≥ 0.95)`],
  ['failed sign-ins', String(errors)],
  ['CPU per sign-in: server event loops', `${perSignin(cpuAtEnd.main - cpuAtStart.main)} ms`],
  [
    'CPU per sign-in: server other threads (argon2, GC)',
    `${perSignin(cpuAtEnd.process - cpuAtStart.process - (cpuAtEnd.main - cpuAtStart.main))} ms`,
  ],
  [
    'CPU per sign-in: load generator (this process)',
    `${perSignin((clientCpu.user + clientCpu.system) / 1e6)} ms`,
  ],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log('\nPortcullis benchmark: password + TOTP browser sign-in over HTTP');
console.log(
  `machine:    ${cpu}, ${cores} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: argon2id m=${config.argon2MemoryKib} KiB, t=${config.argon2Iterations}, p=${config.argon2Parallelism}; ${concurrency} concurrent clients; ${seconds} s measured after 2 s warm-up; ${userCount} users; Portcullis workers: ${workers}, hash pool ${poolSize} at a time`,
);
console.log(
  'sign-in:    GET / → POST /signin (password) → GET /signin/step → POST /signin/verify (TOTP) → GET / (My account)\n',
);
console.log(`| ${'measure'.padEnd(w)} | value |`);
console.log(`|${'-'.repeat(w + 2)}|-------|`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
process.exit(0);
