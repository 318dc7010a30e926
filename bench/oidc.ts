// `npm run bench` (part 4): OpenID Connect token endpoint — refresh-token and
// client-credentials grants per second, p99 and server CPU against a real
// `portcullis serve`, and side by side, with the same client, against a bare
// oidc-provider (its in-memory adapter; bench/oidc-bare.ts) with the same
// signing algorithm, lifetimes and client settings: what the library alone
// does on this machine. Each Portcullis refresh-token chain starts with one
// real authorization-code flow (password sign-in through the Portcullis
// pages); rotation is on, so a chain is sequential and the concurrency is the
// number of chains. Measures and prints; asserts nothing. Loopback only.
//
// Options (environment): BENCH_SECONDS (10), BENCH_CONCURRENCY (16),
// BENCH_ID_TOKEN_ALG (ES256, or RS256), PORTCULLIS_WORKERS (auto),
// PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createOidcApp } from '../src/services/applications.ts';
import { createUser } from '../src/services/users.ts';
import { measure, printTable, type Result, resultCells, WARMUP_MS } from './measure.ts';
import { basicAuth, refreshTokenByCodeFlow, send, type Target } from './oidc-signin.ts';
import { benchEnvironment, startBenchServer } from './setup.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const alg = process.env.BENCH_ID_TOKEN_ALG ?? 'ES256';
const REDIRECT_URI = 'http://127.0.0.1:9/cb';
const USER = 'bench@bench.example';
const PASSWORD = 'benchmark password 1';

/** Both grants against one server: the refresh-token chains, then client credentials. */
async function grants(
  target: Target,
  pid: number | undefined,
  clients: { machine: string; web: string; machineSecret: string; webSecret: string },
  chains: string[],
): Promise<{ refresh: Result; credentials: Result }> {
  const token = (auth: string, form: Record<string, string>) =>
    send(target, 'POST', '/oidc/token', { authorization: auth }, form);
  // Refresh first: oidc-provider's in-memory adapter keeps 1,000 records, which the
  // client-credentials tokens would push the seeded grants out of.
  const webAuth = basicAuth(clients.web, clients.webSecret);
  const refresh = await measure({ pid, seconds, concurrency }, async (chain) => {
    const res = await token(webAuth, {
      grant_type: 'refresh_token',
      refresh_token: chains[chain]!,
    });
    if (res.status !== 200) return false;
    const next = (JSON.parse(res.body) as { refresh_token?: string }).refresh_token;
    if (!next) return false;
    chains[chain] = next;
    return true;
  });
  const machineAuth = basicAuth(clients.machine, clients.machineSecret);
  const credentials = await measure(
    { pid, seconds, concurrency },
    async () => (await token(machineAuth, { grant_type: 'client_credentials' })).status === 200,
  );
  return { refresh, credentials };
}

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const machine = await createOidcApp(ctx, { name: 'bench machine', machine: true });
const web = await createOidcApp(ctx, {
  name: 'bench web',
  redirectUris: [REDIRECT_URI],
  firstParty: true,
  idTokenSigningAlg: alg,
});
await createUser(ctx, { upn: USER, password: PASSWORD, mfaState: 'Disabled' });
await ctx.db.destroy();

const { server, port, stop } = await startBenchServer(env);
const portcullisTarget: Target = {
  port,
  agent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
};
const chains = await Promise.all(
  Array.from({ length: concurrency }, () =>
    refreshTokenByCodeFlow(
      portcullisTarget,
      { id: web.application.id, secret: web.clientSecret!, redirectUri: REDIRECT_URI },
      USER,
      PASSWORD,
    ),
  ),
);
const portcullis = await grants(
  portcullisTarget,
  server.pid,
  {
    machine: machine.application.id,
    machineSecret: machine.clientSecret!,
    web: web.application.id,
    webSecret: web.clientSecret!,
  },
  chains,
);
portcullisTarget.agent.destroy();
await stop();
cleanup();

// The same, against oidc-provider alone: with its in-memory adapter, and
// with the least a durable store adds (bench/oidc-bare-sqlite.ts).
async function bareRun(adapter: 'memory' | 'sqlite') {
  const bareProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/oidc-bare.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      BARE_CHAINS: String(concurrency),
      BENCH_ID_TOKEN_ALG: alg,
      BARE_ADAPTER: adapter,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const seed = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      createInterface({ input: bareProcess.stdout! }).once('line', resolve);
      bareProcess.once('exit', (code) => reject(new Error(`bare oidc-provider exited (${code})`)));
    }),
  ) as {
    port: number;
    clients: { machine: string; web: string; secret: string };
    refreshTokens: string[];
  };
  const bareTarget: Target = {
    port: seed.port,
    agent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
  };
  const result = await grants(
    bareTarget,
    bareProcess.pid,
    {
      machine: seed.clients.machine,
      machineSecret: seed.clients.secret,
      web: seed.clients.web,
      webSecret: seed.clients.secret,
    },
    seed.refreshTokens,
  );
  bareTarget.agent.destroy();
  bareProcess.kill('SIGTERM');
  return result;
}
const bare = await bareRun('memory');
const durable = await bareRun('sqlite');

const rows: [string, string, Result][] = [
  ['refresh_token', 'Portcullis', portcullis.refresh],
  ['refresh_token', 'oidc-provider alone', bare.refresh],
  ['refresh_token', 'alone, durable SQLite', durable.refresh],
  ['client_credentials', 'Portcullis', portcullis.credentials],
  ['client_credentials', 'oidc-provider alone', bare.credentials],
  ['client_credentials', 'alone, durable SQLite', durable.credentials],
];
const head = ['grant', 'server', 'per second', 'p50', 'p99', 'CPU/grant', 'cores used', 'failed'];
const cells = rows.map(([grant, who, r]) => [grant, who, ...resultCells(r)]);
console.log('\nPortcullis benchmark: OpenID Connect token endpoint, beside oidc-provider alone');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}; oidc-provider alone: its in-memory adapter, one process; "alone, durable SQLite": the same with the least a durable store adds (bench/oidc-bare-sqlite.ts: one table, prepared statements, each write committed)`,
);
console.log(
  `parameters: ${concurrency} concurrent keep-alive clients (${concurrency} rotating refresh-token chains); ${seconds} s after ${WARMUP_MS / 1000} s warm-up; ID tokens signed with ${alg}; Portcullis workers: ${config.workers} (PORTCULLIS_WORKERS)\n`,
);
printTable(head, cells);
console.log('\nPortcullis ÷ oidc-provider alone (target ≥ 0.8):');
for (const [name, p, b] of [
  ['refresh_token', portcullis.refresh, bare.refresh],
  ['client_credentials', portcullis.credentials, bare.credentials],
] as const)
  console.log(
    `  ${name.padEnd(18)} ${(p.perSecond / b.perSecond).toFixed(2)} in grants per second, ${(b.cpuPerGrant / p.cpuPerGrant).toFixed(2)} in CPU per grant`,
  );
console.log('\nPortcullis ÷ oidc-provider with the least durable store:');
for (const [name, p, d] of [
  ['refresh_token', portcullis.refresh, durable.refresh],
  ['client_credentials', portcullis.credentials, durable.credentials],
] as const)
  console.log(
    `  ${name.padEnd(18)} ${(p.perSecond / d.perSecond).toFixed(2)} in grants per second, ${(d.cpuPerGrant / p.cpuPerGrant).toFixed(2)} in CPU per grant`,
  );
process.exit(0);
