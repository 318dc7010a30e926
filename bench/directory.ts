// `npm run bench:directory` (part of `npm run bench`): users from a directory,
// against a private OpenLDAP slapd. `portcullis directory sync` of 10,000
// entries, then again with nothing changed (targets: under 10 s and under 3 s);
// and password + TOTP sign-ins over HTTP of directory users (the password
// checked by a search and a bind) beside local users (argon2id). Measures and
// prints; asserts nothing. Loopback only; stops by itself.
//
// Options (environment): BENCH_ENTRIES (10000), BENCH_SECONDS (8),
// BENCH_CONCURRENCY (8), PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { loadConfig } from '../src/config/load.ts';
import { closeContext, createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { person, SERVICE_PASSWORD, slapdAvailable, startSlapd } from '../test/helpers/slapd.ts';
import {
  addTotp,
  benchEnvironment,
  httpClient,
  percentile,
  seedTotpUsers,
  signIn,
  startBenchServer,
} from './setup.ts';

const entries = Number(process.env.BENCH_ENTRIES ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PASSWORD = 'benchmark password 1';
const SUFFIX = 'dc=bench,dc=example';

if (!slapdAvailable()) {
  console.log('bench:directory skipped: slapd is not installed (apt-get install slapd)');
  process.exit(0);
}

const bin = new URL('../bin/portcullis.js', import.meta.url).pathname;
const slapd = await startSlapd({
  suffix: SUFFIX,
  ldif: [
    `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
    ...Array.from({ length: entries }, (_, n) =>
      person(SUFFIX, { uid: `user${n}`, password: PASSWORD, mail: `user${n}@bench.example` }),
    ),
  ].join('\n'),
});

/** Runs `portcullis directory sync --json`; its wall time and report. */
function cliSync(env: Record<string, string>) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'directory', 'sync', '--json'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`directory sync failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { created: number; unchanged: number; updated: number };
  return { wall, report };
}

/** Password + TOTP sign-ins for `seconds` against a running server; p50 and rate. */
async function signIns(env: Record<string, string>, secrets: string[]) {
  const { port, stop } = await startBenchServer(env);
  const { request, destroy } = httpClient(port, concurrency * 2);
  const latencies: number[] = [];
  const passwords: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end && next < secrets.length) {
        const n = next++;
        const r = await signIn(() => request, n, secrets[n]!, PASSWORD);
        if (r.ok) {
          latencies.push(r.total);
          passwords.push(r.password);
        } else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  destroy();
  await stop();
  return {
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    password50: percentile(passwords, 50),
    errors,
  };
}

const directoryEnv = {
  PORTCULLIS_DIRECTORY_URL: slapd.url,
  PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
  PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
  PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
  PORTCULLIS_DIRECTORY_SYNC_MINUTES: '0',
};

try {
  // 1. Sync: the first creates every user, the second finds nothing to change.
  const dir = benchEnvironment();
  const env = { ...dir.env, ...directoryEnv };
  const first = cliSync(env);
  const second = cliSync(env);

  // 2. Directory users signing in (each given an authenticator app).
  const ctx = createContext(loadConfig(env), { log: createLogger('silent') });
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'upn'])
    .where('source', '=', 'directory')
    .execute();
  const idOf = new Map(users.map((u) => [u.upn, u.id]));
  const ids = Array.from({ length: entries }, (_, n) => idOf.get(`user${n}@bench.example`)!);
  const directorySecrets = await addTotp(ctx, ids);
  await ctx.db
    .updateTable('users')
    .set({ mfa_state: 'Enforced' })
    .where('source', '=', 'directory')
    .execute();
  await closeContext(ctx);
  const fromDirectory = await signIns(env, directorySecrets);
  dir.cleanup();

  // 3. Local users signing in, the same way.
  const local = benchEnvironment();
  const lctx = createContext(loadConfig(local.env), { log: createLogger('silent') });
  await migrate(lctx.db, lctx.dialect);
  const localSecrets = await seedTotpUsers(lctx, entries, await lctx.hasher.hash(PASSWORD));
  await closeContext(lctx);
  const fromLocal = await signIns(local.env, localSecrets);
  local.cleanup();

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const rows: [string, string][] = [
    [
      `directory sync, first (${first.report.created} users created)`,
      `${first.wall.toFixed(2)} s (target < 10 s)`,
    ],
    [
      `directory sync, again (${second.report.unchanged} unchanged, ${second.report.updated} updated)`,
      `${second.wall.toFixed(2)} s (target < 3 s)`,
    ],
    ['sign-ins per second, directory users', fromDirectory.rate.toFixed(1)],
    ['sign-ins per second, local users', fromLocal.rate.toFixed(1)],
    ['p50 whole sign-in (5 requests), directory users', `${fromDirectory.p50.toFixed(1)} ms`],
    ['p50 whole sign-in (5 requests), local users', `${fromLocal.p50.toFixed(1)} ms`],
    [
      'p50 password step, directory users (search + bind)',
      `${fromDirectory.password50.toFixed(1)} ms`,
    ],
    ['p50 password step, local users (argon2id)', `${fromLocal.password50.toFixed(1)} ms`],
    ['failed sign-ins (directory, local)', `${fromDirectory.errors}, ${fromLocal.errors}`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\nPortcullis benchmark: users from a directory (OpenLDAP slapd)');
  console.log(
    `machine:    ${cpu}, ${os.availableParallelism()} cores, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `parameters: ${entries} entries; sign-ins for ${seconds} s each at concurrency ${concurrency}; database ${process.env.PORTCULLIS_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}\n`,
  );
  console.log(`| ${'measure'.padEnd(w)} | value |`);
  console.log(`|${'-'.repeat(w + 2)}|-------|`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
} finally {
  await slapd.close();
}
