// `npm run bench` (part 4): OpenID Connect token endpoint — refresh-token and
// client-credentials grants per second and p99 against a real `portcullis
// serve`. Each refresh-token chain starts with one real authorization-code flow
// (password sign-in through the Portcullis pages); rotation is on, so a chain is
// sequential and the concurrency is the number of chains. Measures and prints;
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
import { createUser } from '../src/services/users.ts';
import { basicAuth, refreshTokenByCodeFlow, send, type Target } from './oidc-signin.ts';
import { benchEnvironment, startBenchServer } from './setup.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP_MS = 2000;
const REDIRECT_URI = 'http://127.0.0.1:9/cb';
const USER = 'bench@bench.example';
const PASSWORD = 'benchmark password 1';

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const machine = await createOidcApp(ctx, { name: 'bench machine', machine: true });
const web = await createOidcApp(ctx, {
  name: 'bench web',
  redirectUris: [REDIRECT_URI],
  firstParty: true,
});
await createUser(ctx, { upn: USER, password: PASSWORD, mfaState: 'Disabled' });
await ctx.db.destroy();

const { port, stop } = await startBenchServer(env);
const target: Target = {
  port,
  agent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
};
const token = (auth: string, form: Record<string, string>) =>
  send(target, 'POST', '/oidc/token', { authorization: auth }, form);

/** Runs `concurrency` sequential loops of `step` (true: success) through warm-up and the window. */
async function measure(step: (worker: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let failed = 0;
  const warmupEnd = performance.now() + WARMUP_MS;
  const end = warmupEnd + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await step(worker);
        if (t0 < warmupEnd) continue;
        if (ok) latencies.push(performance.now() - t0);
        else failed++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ??
    Number.NaN;
  return { perSecond: latencies.length / seconds, p50: pct(50), p99: pct(99), failed };
}

// Client credentials: one machine client, every request independent.
const machineAuth = basicAuth(machine.application.id, machine.clientSecret);
const clientCredentials = await measure(
  async () => (await token(machineAuth, { grant_type: 'client_credentials' })).status === 200,
);

// Refresh tokens: one code flow per chain (not measured), then rotate.
const chains = await Promise.all(
  Array.from({ length: concurrency }, () =>
    refreshTokenByCodeFlow(
      target,
      { id: web.application.id, secret: web.clientSecret, redirectUri: REDIRECT_URI },
      USER,
      PASSWORD,
    ),
  ),
);
const webAuth = basicAuth(web.application.id, web.clientSecret);
const refreshToken = await measure(async (chain) => {
  const res = await token(webAuth, { grant_type: 'refresh_token', refresh_token: chains[chain]! });
  if (res.status !== 200) return false;
  const next = (JSON.parse(res.body) as { refresh_token?: string }).refresh_token;
  if (!next) return false;
  chains[chain] = next;
  return true;
});

target.agent.destroy();
await stop();
cleanup();

const cores = os.availableParallelism();
const ANCHOR = 120; // Keycloak's sizing: grants per second per vCPU
const TARGET = ANCHOR * 10;
const rows = [
  ['refresh_token', refreshToken],
  ['client_credentials', clientCredentials],
] as const;
const ms = (v: number) => `${v.toFixed(2)} ms`;
console.log('\nPortcullis benchmark: OpenID Connect token endpoint');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${concurrency} concurrent keep-alive clients (${concurrency} rotating refresh-token chains); ${seconds} s after ${WARMUP_MS / 1000} s warm-up\n`,
);
console.log('| grant              | per second | per core | p50       | p99       | failed |');
console.log('|--------------------|------------|----------|-----------|-----------|--------|');
for (const [name, r] of rows)
  console.log(
    `| ${name.padEnd(18)} | ${r.perSecond.toFixed(0).padEnd(10)} | ${(r.perSecond / cores).toFixed(0).padEnd(8)} | ${ms(r.p50).padEnd(9)} | ${ms(r.p99).padEnd(9)} | ${String(r.failed).padEnd(6)} |`,
  );
console.log(
  `\nAnchor: Keycloak sizing ≈ ${ANCHOR} refresh-token or client-credentials grants/s per vCPU; target ≥ ${TARGET.toLocaleString('en')} per core (10×).`,
);
for (const [name, r] of rows)
  console.log(
    `  ${name.padEnd(18)} ${(r.perSecond / cores).toFixed(0)} per core: ${r.perSecond / cores >= TARGET ? 'met' : 'not met'}`,
  );
process.exit(0);
