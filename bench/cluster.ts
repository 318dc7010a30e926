// `npm run bench` (last part): browser sign-ins (password + TOTP) per second on
// one node and on two nodes sharing one PostgreSQL, on this machine, with the
// p99 latencies. The clients spread the requests of each sign-in round robin
// over the nodes, as a load balancer does (every request may land on either).
// Measures and prints; asserts nothing. Loopback only; stops by itself.
//
// Options (environment): BENCH_SECONDS (15), BENCH_CONCURRENCY (16),
// PORTCULLIS_DATABASE_URL (default: the local PostgreSQL of the test suite,
// postgres://portcullis:portcullis@127.0.0.1:5432/portcullis), in a schema of
// its own that is dropped at the end.
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import {
  benchEnvironment,
  httpClient,
  percentile,
  type Request,
  type SigninTiming,
  seedTotpUsers,
  signIn,
  startBenchServer,
} from './setup.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PASSWORD = 'cluster bench password 1';
const baseUrl =
  process.env.PORTCULLIS_DATABASE_URL ??
  'postgres://portcullis:portcullis@127.0.0.1:5432/portcullis';
if (!baseUrl.startsWith('postgres')) {
  console.log('bench/cluster.ts: needs PostgreSQL (PORTCULLIS_DATABASE_URL=postgres://…); skipped');
  process.exit(0);
}

// A schema of its own in that database.
const schema = `bench_${process.pid}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema}`);

const { env, cleanup } = benchEnvironment();
env.PORTCULLIS_DATABASE_URL = url.toString();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
// Enough users that none signs in twice (each TOTP step is accepted once).
const users = Math.max(4000, concurrency * seconds * 40);
const secrets = await seedTotpUsers(ctx, users, await ctx.hasher.hash(PASSWORD));
await ctx.db.destroy();

let next = 0;
interface Run {
  nodes: number;
  rate: number;
  done: SigninTiming[];
  failed: number;
}

/** Sign-ins for `seconds` (after 2 s of warm-up) against `count` fresh server processes. */
async function run(count: number): Promise<Run> {
  const servers = await Promise.all(Array.from({ length: count }, () => startBenchServer(env)));
  const clients = servers.map((s) => httpClient(s.port, concurrency * 2));
  let turn = 0;
  const pick = (): Request => clients[turn++ % clients.length]!.request;
  const done: SigninTiming[] = [];
  let failed = 0;
  const warm = performance.now() + 2000;
  const end = warm + seconds * 1000;
  let measuredFrom = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end && next < users) {
        const r = await signIn(pick, next, secrets[next++]!, PASSWORD);
        if (performance.now() < warm) continue;
        measuredFrom ||= performance.now();
        if (r.ok) done.push(r);
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - measuredFrom) / 1000;
  for (const c of clients) c.destroy();
  await Promise.all(servers.map((s) => s.stop()));
  return { nodes: count, rate: done.length / elapsed, done, failed };
}

const one = await run(1);
const two = await run(2);
await admin.query(`DROP SCHEMA ${schema} CASCADE`);
await admin.end();
cleanup();

const cores = os.availableParallelism();
console.log('\nPortcullis benchmark: one node versus two nodes on one PostgreSQL, this machine');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `parameters: argon2id m=${config.argon2MemoryKib} KiB, t=${config.argon2Iterations}; ${concurrency} concurrent clients; ${seconds} s measured after 2 s warm-up; each node hashes ${Math.max(1, cores - 1)} password(s) at a time (PORTCULLIS_HASH_CONCURRENCY=0); requests round robin over the nodes\n`,
);
const ms = (list: number[], p: number) => percentile(list, p).toFixed(1);
const rows = [one, two].map((r) => [
  String(r.nodes),
  r.rate.toFixed(1),
  String(r.failed),
  ms(
    r.done.map((d) => d.total),
    50,
  ),
  ms(
    r.done.map((d) => d.total),
    99,
  ),
  ms(
    r.done.map((d) => d.password),
    99,
  ),
  ms(
    r.done.map((d) => d.totp),
    99,
  ),
]);
const head = [
  'nodes',
  'sign-ins/s',
  'failed',
  'p50 sign-in ms',
  'p99 sign-in ms',
  'p99 password ms',
  'p99 TOTP ms',
];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map((h) => '-'.repeat(h.length + 2)).join('|')}|`);
for (const r of rows)
  console.log(`| ${r.map((v, i) => v.padStart(head[i]!.length)).join(' | ')} |`);
console.log(
  `\nratio two ÷ one: ${(two.rate / one.rate).toFixed(2)} (${cores} cores: the second node can only add what the cores the first left idle allow)`,
);
process.exit(0);
