// `npm run bench` (part 8): provisioning — SCIM creates and PATCHes per second,
// `filter=userName eq "…"` latency at 100,000 users, and a 10,000-row CSV user
// import (new users get invitations, so no password hashing). A real server
// over loopback HTTP; measures and prints, asserts nothing.
//
// Options (environment): BENCH_USERS (100000), BENCH_SCIM_WRITES (500),
// BENCH_REQUESTS (300 filter queries), BENCH_IMPORT_ROWS (10000),
// BENCH_CONCURRENCY (4 sockets), PORTCULLIS_DATABASE_URL (default SQLite).
import os from 'node:os';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createApiToken } from '../src/services/api-tokens.ts';
import { cliActor } from '../src/services/audit.ts';
import { newUserRow } from '../src/storage/users.ts';
import { benchEnvironment, httpClient, percentile, startBenchServer } from './setup.ts';

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
const writes = Number(process.env.BENCH_SCIM_WRITES ?? 500);
const queries = Number(process.env.BENCH_REQUESTS ?? 300);
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const now = Date.now();
const seed0 = performance.now();
await ctx.db.transaction().execute(async (trx) => {
  for (let i = 0; i < userCount; i += 500)
    await trx
      .insertInto('users')
      .values(
        Array.from({ length: Math.min(500, userCount - i) }, (_, j) =>
          newUserRow(
            {
              id: `seed-${i + j}`,
              upn: `user${String(i + j).padStart(6, '0')}@bench.example`,
              display_name: `Person ${i + j}`,
              directory_mail: `user${i + j}@bench.example`,
            },
            now,
          ),
        ),
      )
      .execute();
});
const seedSeconds = (performance.now() - seed0) / 1000;
const scim = (await createApiToken(ctx, cliActor(), { name: 'idp', scope: 'scim' })).token;
const admin = (await createApiToken(ctx, cliActor(), { name: 'ops' })).token;
await ctx.db.destroy();

const { port, stop } = await startBenchServer(env);
const { request, destroy } = httpClient(port, concurrency);
const scimHeaders = { authorization: `Bearer ${scim}`, 'content-type': 'application/scim+json' };
const call = (method: string, path: string, body?: unknown, headers = scimHeaders) =>
  request(method, path, '', body === undefined ? undefined : JSON.stringify(body), {
    ...headers,
    ...(body === undefined
      ? {}
      : { 'content-length': String(Buffer.byteLength(JSON.stringify(body))) }),
  });

/** Runs `n` requests over `concurrency` sockets; returns requests per second and failures. */
async function rate(n: number, one: (i: number) => Promise<{ status: number }>, ok: number) {
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) if ((await one(i)).status !== ok) failed++;
    }),
  );
  return { perSecond: n / ((performance.now() - t0) / 1000), failed };
}

const created: string[] = [];
const create = await rate(
  writes,
  async (i) => {
    const r = await call('POST', '/scim/v2/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: `scim${i}@bench.example`,
      name: { givenName: 'Scim', familyName: `User ${i}` },
      emails: [{ value: `scim${i}@bench.example`, type: 'work', primary: true }],
      externalId: `ext-${i}`,
    });
    if (r.status === 201) created[i] = (JSON.parse(r.body) as { id: string }).id;
    return r;
  },
  201,
);
const patch = await rate(
  writes,
  (i) =>
    call('PATCH', `/scim/v2/Users/${created[i % created.length]}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'Replace', path: 'name.familyName', value: `Changed ${i}` },
        { op: 'Replace', path: 'active', value: i % 2 === 0 ? 'True' : 'False' },
      ],
    }),
  200,
);

// Filter latency: one socket, one request at a time, after a warm-up.
const latencies: number[] = [];
let filterFailed = 0;
for (let i = -20; i < queries; i++) {
  const n = Math.abs((i * 7919) % userCount);
  const q = encodeURIComponent(`userName eq "user${String(n).padStart(6, '0')}@bench.example"`);
  const t0 = performance.now();
  const r = await call('GET', `/scim/v2/Users?filter=${q}`);
  const ms = performance.now() - t0;
  if (i < 0) continue;
  latencies.push(ms);
  if (r.status !== 200 || !r.body.includes('"totalResults":1')) filterFailed++;
}

const csv = [
  'UserPrincipalName,DisplayName,Language,MFA Status',
  ...Array.from(
    { length: importRows },
    (_, n) => `import${n}@bench.example,Imported ${n},en,Enabled`,
  ),
].join('\r\n');
const i0 = performance.now();
const imported = await call(
  'POST',
  '/api/v1/users/import',
  { csv },
  { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
);
const importSeconds = (performance.now() - i0) / 1000;
const importResult = JSON.parse(imported.body) as {
  created?: number;
  invited?: number;
  errors?: number;
};
destroy();
await stop();
cleanup();

const fmt = (n: number) => n.toFixed(1);
const rows = [
  ['SCIM POST /Users', `${fmt(create.perSecond)}/s`, String(create.failed)],
  ['SCIM PATCH /Users/{id} (2 operations)', `${fmt(patch.perSecond)}/s`, String(patch.failed)],
  [
    `SCIM filter=userName eq, at ${userCount} users`,
    `p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms`,
    String(filterFailed),
  ],
  [
    `CSV import of ${importRows} users (invited)`,
    `${importSeconds.toFixed(2)} s (${importResult.created ?? '?'} created, ${importResult.invited ?? '?'} invited)`,
    String(importResult.errors ?? (imported.status === 200 ? 0 : '?')),
  ],
];
const head = ['measure', 'result', 'failed'];
const all = [head, ...rows];
const widths = head.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
console.log('\nPortcullis benchmark: provisioning (SCIM, CSV import)');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${userCount} users seeded (${seedSeconds.toFixed(1)} s); ${writes} SCIM creates then ${writes} PATCHes over ${concurrency} sockets; ${queries} filter queries one at a time after 20 warm-up\n`,
);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log('\ntargets: filter p99 under 20 ms; a 10,000-row import under 10 s');
process.exit(0);
