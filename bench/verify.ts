// `npm run bench` (part 2): app-password checks through HTTP verify against a
// real `portcullis serve`. Measures and prints; asserts nothing. Loopback only.
//
// Options (environment): BENCH_SECONDS (10), BENCH_CONCURRENCY (32),
// PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import http from 'node:http';
import os from 'node:os';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createAppPassword } from '../src/services/app-passwords.ts';
import { createLegacyApp } from '../src/services/applications.ts';
import { createUser } from '../src/services/users.ts';
import { benchEnvironment, startBenchServer } from './setup.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const users = 200;

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const app = (await createLegacyApp(ctx, { name: 'Bench IMAP' })).id;
const credentials: string[] = [];
for (let i = 0; i < users; i++) {
  const user = await createUser(ctx, {
    upn: `imap${i}@bench.example`,
    password: 'bench password 1',
    mfaState: 'Enforced',
  });
  for (let k = 0; k < 3; k++) await createAppPassword(ctx, user.id, { name: `device ${k}` });
  const { password } = await createAppPassword(ctx, user.id, { name: 'mail' });
  credentials.push(`Basic ${Buffer.from(`imap${i}@bench.example:${password}`).toString('base64')}`);
}
await ctx.db.destroy();

const { port, stop } = await startBenchServer(env);

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const check = (authorization: string) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/legacy/v1/verify?app=${app}`,
        method: 'POST',
        agent,
        headers: { authorization },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });

const latencies: number[] = [];
let failures = 0;
let n = 0;
const warmupEnd = performance.now() + 2000;
const end = warmupEnd + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await check(credentials[n++ % users]!);
      if (t0 < warmupEnd) continue;
      if (status === 200) latencies.push(performance.now() - t0);
      else failures++;
    }
  }),
);
agent.destroy();
await stop();
cleanup();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
const rows: [string, string][] = [
  ['checks per second', (latencies.length / seconds).toFixed(0)],
  ['latency p50', `${pct(50).toFixed(2)} ms`],
  ['latency p99', `${pct(99).toFixed(2)} ms`],
  ['failed checks', String(failures)],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(
  '\nPortcullis benchmark: app-password checks through HTTP verify (POST /legacy/v1/verify)',
);
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${concurrency} concurrent keep-alive clients; ${seconds} s after 2 s warm-up; ${users} Enforced users with 4 app passwords each\n`,
);
console.log(`| ${'measure'.padEnd(w)} | value |`);
console.log(`|${'-'.repeat(w + 2)}|-------|`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
process.exit(0);
