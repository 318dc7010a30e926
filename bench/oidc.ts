// `npm run bench` (part 4): OpenID Connect token endpoint — client-credentials
// grants per second and p99 against a real `portcullis serve`. (Refresh-token
// grants join once the browser code flow is wired.) Measures and prints;
// asserts nothing. Loopback only.
//
// Options (environment): BENCH_SECONDS (10), BENCH_CONCURRENCY (16),
// PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import http from 'node:http';
import os from 'node:os';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createOidcApp } from '../src/services/applications.ts';
import { benchEnvironment, startBenchServer } from './setup.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const { application, clientSecret } = await createOidcApp(ctx, { name: 'bench', machine: true });
await ctx.db.destroy();

const { port, stop } = await startBenchServer(env);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const auth = `Basic ${Buffer.from(`${encodeURIComponent(application.id)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
const body = 'grant_type=client_credentials';
const grant = () =>
  new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/oidc/token',
        method: 'POST',
        agent,
        headers: {
          authorization: auth,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': body.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const latencies: number[] = [];
let failures = 0;
const warmupEnd = performance.now() + 2000;
const end = warmupEnd + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await grant();
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
const perSecond = latencies.length / seconds;
const cores = os.availableParallelism();
console.log('\nPortcullis benchmark: OpenID Connect token endpoint');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${concurrency} concurrent keep-alive clients; ${seconds} s after 2 s warm-up; one machine client\n`,
);
console.log('| grant              | per second | per core | p50      | p99      | failed |');
console.log('|--------------------|------------|----------|----------|----------|--------|');
console.log(
  `| client_credentials | ${perSecond.toFixed(0).padEnd(10)} | ${(perSecond / cores).toFixed(0).padEnd(8)} | ${`${pct(50).toFixed(2)} ms`.padEnd(8)} | ${`${pct(99).toFixed(2)} ms`.padEnd(8)} | ${String(failures).padEnd(6)} |`,
);
console.log(
  '\nAnchor: Keycloak sizing ≈ 120 client-credentials grants/s per vCPU; target ≥ 1,200 per core.',
);
process.exit(0);
