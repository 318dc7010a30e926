// `npm run bench` (part 3): administration at 100,000 users — the users page
// (first page, a filtered page, a search) and the list API, p50/p99 latency —
// and the time to apply a 10,000-row bulk CSV. Measures and prints; asserts
// nothing. Loopback only.
//
// Options (environment): BENCH_USERS (100000), BENCH_REQUESTS (200 per case),
// BENCH_BULK_ROWS (10000), PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir; for
// PostgreSQL give an empty database, e.g. one made with createdb for the run).
import http from 'node:http';
import os from 'node:os';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { sha256 } from '../src/crypto/hash.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createApiToken } from '../src/services/api-tokens.ts';
import { cliActor } from '../src/services/audit.ts';
import { newUserRow } from '../src/storage/users.ts';
import { benchEnvironment, startBenchServer } from './setup.ts';

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const bulkRows = Math.min(Number(process.env.BENCH_BULK_ROWS ?? 10_000), userCount);

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);

// 1. Users: a third each Disabled, Enabled, Enforced; one admin with a session.
const states = ['Disabled', 'Enabled', 'Enforced'] as const;
const hash = await ctx.hasher.hash('bench password 1');
const now = Date.now();
const seed0 = performance.now();
await ctx.db.transaction().execute(async (trx) => {
  for (let i = 0; i < userCount; i += 500) {
    const batch = Array.from({ length: Math.min(500, userCount - i) }, (_, j) => i + j);
    await trx
      .insertInto('users')
      .values(
        batch.map((n) =>
          newUserRow(
            {
              id: `bench-${n}`,
              upn: `user${String(n).padStart(6, '0')}@bench.example`,
              display_name: `Person ${n} Example`,
              is_admin: n === 0 ? 1 : 0,
              mfa_state: states[n % 3]!,
              password_hash: hash,
              last_signin_at: n % 7 === 0 ? now - n * 1000 : null,
            },
            now,
          ),
        ),
      )
      .execute();
  }
});
const seedSeconds = (performance.now() - seed0) / 1000;
const cookieToken = 'bench-admin-session-token-0123456789';
await ctx.db
  .insertInto('sessions')
  .values({
    id_hash: sha256(cookieToken),
    csrf_token: 'bench-csrf',
    user_id: 'bench-0',
    flow_id: null,
    amr: '["pwd","otp","mfa"]',
    auth_time: now,
    created_at: now,
    expires_at: now + 3_600_000,
  })
  .execute();
const { token } = await createApiToken(ctx, cliActor(), { name: 'bench', scope: 'read-write' });
await ctx.db.destroy();

const { port, stop } = await startBenchServer(env);
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const get = (path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
const post = (path: string, body: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let out = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (out += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: out }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const portal = { cookie: `portcullis=${cookieToken}` };
const api = { authorization: `Bearer ${token}` };
// Search terms vary so no answer is cached anywhere; a rare term scans the most.
const cases: [string, (i: number) => [string, Record<string, string>]][] = [
  ['users page, first page', () => ['/admin/users', portal]],
  ['users page, filtered (Enforced)', () => ['/admin/users?state=Enforced', portal]],
  [
    'users page, search (one match)',
    (i) => [`/admin/users?q=user${String((i * 7919) % userCount).padStart(6, '0')}`, portal],
  ],
  [
    'users page, search (display name)',
    (i) => [`/admin/users?q=Person%20${(i * 7919) % userCount}%20`, portal],
  ],
  ['list API, 100 users', () => ['/api/v1/users?limit=100', api]],
  [
    'list API, page 500 (cursor)',
    () => [
      '/api/v1/users?limit=100&cursor=' +
        Buffer.from('user050000@bench.example').toString('base64url'),
      api,
    ],
  ],
  [
    'list API, filtered + search',
    (i) => [`/api/v1/users?mfaState=Enabled&search=user0${i % 10}`, api],
  ],
];
const rows: string[][] = [];
for (const [label, at] of cases) {
  const ms: number[] = [];
  let failed = 0;
  for (let i = 0; i < requests + 10; i++) {
    const [path, headers] = at(i);
    const t0 = performance.now();
    const r = await get(path, headers);
    if (i < 10) continue; // warm-up
    if (r.status === 200) ms.push(performance.now() - t0);
    else failed++;
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) =>
    ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? Number.NaN;
  rows.push([label, `${pct(50).toFixed(1)} ms`, `${pct(99).toFixed(1)} ms`, String(failed)]);
}

// 2. A bulk CSV of bulkRows rows (every row a change: Disabled users → Enforced and so on).
const csv = [
  'Username,MFA Status',
  ...Array.from(
    { length: bulkRows },
    (_, n) => `user${String(n).padStart(6, '0')}@bench.example,${states[(n + 1) % 3]}`,
  ),
].join('\r\n');
const b0 = performance.now();
const bulk = await post('/api/v1/users/mfa-state', JSON.stringify({ csv }));
const bulkSeconds = (performance.now() - b0) / 1000;
const bulkResult = JSON.parse(bulk.body) as { changed?: number; errors?: number };
agent.destroy();
await stop();
cleanup();

const head = ['measure', 'p50', 'p99', 'failed'];
const all = [head, ...rows];
const widths = head.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
console.log('\nPortcullis benchmark: administration at scale');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${userCount} users (seeded in ${seedSeconds.toFixed(1)} s); ${requests} sequential requests per case after 10 warm-up; pages of 50 (portal) and 100 (API)\n`,
);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(
  `\nbulk CSV of ${bulkRows} rows through POST /api/v1/users/mfa-state: ${bulkSeconds.toFixed(2)} s (HTTP ${bulk.status}; ${bulkResult.changed ?? '?'} changed, ${bulkResult.errors ?? '?'} errors) — target under 10 s; p99 target under 100 ms`,
);
process.exit(0);
