// `npm run load`: a bounded load test against a real `portcullis serve` on
// loopback. Many concurrent browser sign-ins (password + TOTP) keep the
// password hash pool saturated while legacy app-password checks and health
// probes run beside them, for a fixed time; then it stops by itself.
//
// Pass: no 5xx but the hash pool's 503s (with Retry-After), no error in the
// server's log, and p99 of the TOTP verification under 50 ms while the pool is
// saturated. Prints a table and exits non-zero on a failed criterion.
//
// Options (environment): LOAD_SECONDS (20), LOAD_SIGNINS (24 concurrent
// sign-ins), LOAD_LEGACY (4 concurrent app-password clients), LOAD_USERS
// (6000), LOAD_HASH_QUEUE (8: the server's PORTCULLIS_HASH_QUEUE, small so the
// pool saturates), PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import os from 'node:os';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createAppPassword } from '../src/services/app-passwords.ts';
import { createLegacyApp } from '../src/services/applications.ts';
import {
  benchEnvironment,
  httpClient,
  percentile,
  postCode,
  postPassword,
  type Reply,
  seedTotpUsers,
  startBenchServer,
} from './setup.ts';

const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const signinClients = Number(process.env.LOAD_SIGNINS ?? 24);
const legacyClients = Number(process.env.LOAD_LEGACY ?? 4);
const userCount = Number(process.env.LOAD_USERS ?? 6000);
const hashQueue = Number(process.env.LOAD_HASH_QUEUE ?? 8);
const PASSWORD = 'load test password 1';
const LEGACY_USERS = 20;

const { env, cleanup } = benchEnvironment();
env.PORTCULLIS_HASH_QUEUE = String(hashQueue);
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const secrets = await seedTotpUsers(ctx, userCount, await ctx.hasher.hash(PASSWORD));
const mail = (await createLegacyApp(ctx, { name: 'Mail', fronts: ['verify'] })).id;
const appPasswords: string[] = [];
for (let n = 0; n < LEGACY_USERS; n++)
  appPasswords.push(
    (await createAppPassword(ctx, `bench-${n}`, { name: 'Mail client', scopes: [mail] })).password,
  );
await ctx.db.destroy();

const { port, output, stop } = await startBenchServer(env);
const { request, destroy } = httpClient(port, (signinClients + legacyClients) * 2 + 4);

type Kind = 'password' | 'totp' | 'legacy' | 'health' | 'page';
const latencies: Record<Kind, number[]> = {
  password: [],
  totp: [],
  legacy: [],
  health: [],
  page: [],
};
const statuses = new Map<string, number>();
const problems: string[] = [];
let busy = 0;
let busyWithoutRetryAfter = 0;
let signins = 0;
const deadline = performance.now() + seconds * 1000;
const running = () => performance.now() < deadline;

/** One request, timed and counted by kind. */
async function timed(kind: Kind, run: () => Promise<Reply>): Promise<Reply> {
  const t0 = performance.now();
  const r = await run();
  latencies[kind].push(performance.now() - t0);
  const key = `${kind} ${r.status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  if (r.status === 503) {
    busy++;
    if (!r.headers['retry-after']) busyWithoutRetryAfter++;
  } else if (r.status >= 500) problems.push(`${kind}: ${r.status} ${r.body.slice(0, 120)}`);
  return r;
}

let nextUser = LEGACY_USERS;
async function signinLoop(): Promise<void> {
  while (running() && nextUser < userCount) {
    const n = nextUser++;
    const form = await timed('page', () => request('GET', '/', ''));
    let pw = await timed('password', () => postPassword(request, form, n, PASSWORD));
    // The pool is full: try again when the server says (Retry-After), as the page asks.
    while (pw.status === 503 && running()) {
      const wait = Number(pw.headers['retry-after'] ?? 1) * 1000;
      await new Promise((r) => setTimeout(r, Math.min(wait, deadline - performance.now())));
      pw = await timed('password', () => postPassword(request, form, n, PASSWORD));
    }
    if (pw.status !== 303) {
      if (pw.status !== 503) problems.push(`sign-in of user${n}: password answered ${pw.status}`);
      continue;
    }
    const step = await timed('page', () => request('GET', pw.location ?? '/', pw.cookie));
    const done = await timed('totp', () => postCode(request, step, secrets[n]!));
    if (done.status === 303) signins++;
    else problems.push(`sign-in of user${n}: code answered ${done.status}`);
  }
}

async function legacyLoop(i: number): Promise<void> {
  for (let k = i; running(); k += legacyClients) {
    const n = k % LEGACY_USERS;
    const basic = Buffer.from(`user${n}@bench.example:${appPasswords[n]}`).toString('base64');
    const r = await timed('legacy', () =>
      request('POST', `/legacy/v1/verify?app=${mail}`, '', undefined, {
        authorization: `Basic ${basic}`,
      }),
    );
    if (r.status !== 200) problems.push(`app password of user${n}: ${r.status}`);
  }
}

async function healthLoop(): Promise<void> {
  while (running()) {
    await timed('health', () => request('GET', '/healthz', ''));
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Samples the hash pool through /metrics (loopback, no proxy: allowed without a token). */
const poolSamples: { active: number; queued: number; size: number }[] = [];
async function poolLoop(): Promise<void> {
  const value = (text: string, name: string) =>
    Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  while (running()) {
    const r = await request('GET', '/metrics', '');
    poolSamples.push({
      active: value(r.body, 'portcullis_hash_pool_active'),
      queued: value(r.body, 'portcullis_hash_pool_queued'),
      size: value(r.body, 'portcullis_hash_pool_size'),
    });
    await new Promise((r) => setTimeout(r, 100));
  }
}

const started = performance.now();
await Promise.all([
  ...Array.from({ length: signinClients }, () => signinLoop()),
  ...Array.from({ length: legacyClients }, (_, i) => legacyLoop(i)),
  healthLoop(),
  poolLoop(),
]);
const elapsed = (performance.now() - started) / 1000;
destroy();
await stop();
cleanup();

// The figures.
const saturated = poolSamples.filter((s) => s.active >= s.size && s.queued > 0).length;
const logErrors = output()
  .split('\n')
  .filter((l) => /"level":(50|60)/.test(l));
const totpP99 = percentile(latencies.totp, 99);
const criteria: [string, boolean][] = [
  ['no 5xx but the hash pool 503s', problems.filter((p) => / 5\d\d/.test(p)).length === 0],
  ['every 503 carries Retry-After', busyWithoutRetryAfter === 0],
  ['the hash pool was saturated (503s given)', busy > 0],
  ['no errors in the server log', logErrors.length === 0],
  ['p99 TOTP verification under 50 ms', totpP99 < 50],
];

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log('\nPortcullis load test: sign-ins with a saturated password hash pool');
console.log(
  `machine:    ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${seconds} s; ${signinClients} concurrent browser sign-ins, ${legacyClients} app-password clients, health every 20 ms; hash queue ${hashQueue}; argon2id m=${config.argon2MemoryKib} KiB t=${config.argon2Iterations}\n`,
);
const rows: string[][] = (['password', 'totp', 'legacy', 'health', 'page'] as Kind[]).map((k) => [
  k,
  String(latencies[k].length),
  percentile(latencies[k], 50).toFixed(1),
  percentile(latencies[k], 99).toFixed(1),
  percentile(latencies[k], 100).toFixed(1),
]);
console.log('| request  | count  | p50 ms | p99 ms | max ms |');
console.log('|----------|--------|--------|--------|--------|');
for (const r of rows)
  console.log(
    `| ${r[0]!.padEnd(8)} | ${r
      .slice(1)
      .map((v) => v.padStart(6))
      .join(' | ')} |`,
  );
console.log(
  `\nsign-ins completed: ${signins} (${(signins / elapsed).toFixed(1)}/s); password checks refused with 503: ${busy}`,
);
console.log(
  `hash pool: saturated (all busy and a queue) in ${saturated} of ${poolSamples.length} samples`,
);
console.log(
  `statuses: ${[...statuses]
    .sort()
    .map(([k, v]) => `${k}×${v}`)
    .join(', ')}`,
);
if (problems.length) console.log(`problems (first 5): ${problems.slice(0, 5).join('; ')}`);
if (logErrors.length)
  console.log(`server log errors (first 3):\n${logErrors.slice(0, 3).join('\n')}`);
console.log('');
for (const [what, ok] of criteria) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
process.exit(criteria.every(([, ok]) => ok) ? 0 : 1);
