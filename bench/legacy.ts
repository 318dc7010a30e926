// `npm run bench` (part 2): app-password checks through HTTP verify and LDAP
// bind against a real `portcullis serve`, and — side by side, with the same
// LDAP client — OpenLDAP slapd answering simple binds for {SSHA} users.
// Measures and prints; asserts nothing. Loopback only.
//
// Options (environment): BENCH_SECONDS (10), BENCH_CONCURRENCY (32),
// BENCH_FRONTS (verify,ldap,radius,slapd — e.g. one of them while profiling),
// PORTCULLIS_WORKERS (auto),
// PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import dgram from 'node:dgram';
import http from 'node:http';
import os from 'node:os';
import radius from 'radius';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createAppPassword } from '../src/services/app-passwords.ts';
import { createLegacyApp } from '../src/services/applications.ts';
import { createUser } from '../src/services/users.ts';
import { LdapBindClient } from './ldap-client.ts';
import { benchEnvironment, processCpuMs, startBenchServer } from './setup.ts';
import { slapdAvailable, startSlapd } from './slapd.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const users = 200;
const fronts = new Set((process.env.BENCH_FRONTS ?? 'verify,ldap,radius,slapd').split(','));

const { env, cleanup } = benchEnvironment();
env.PORTCULLIS_LDAP_LISTEN = '127.0.0.1:0';
env.PORTCULLIS_RADIUS_LISTEN = '127.0.0.1:0';
const RADIUS_SECRET = 'bench radius shared secret';
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const app = (await createLegacyApp(ctx, { name: 'Bench IMAP', radiusSecret: RADIUS_SECRET })).id;
const accounts: { upn: string; password: string }[] = [];
for (let i = 0; i < users; i++) {
  const upn = `imap${i}@bench.example`;
  const user = await createUser(ctx, { upn, password: 'bench password 1', mfaState: 'Enforced' });
  for (let k = 0; k < 3; k++) await createAppPassword(ctx, user.id, { name: `device ${k}` });
  const { password } = await createAppPassword(ctx, user.id, { name: 'mail' });
  accounts.push({ upn, password });
}
await ctx.db.destroy();

const { server, port, stop, output } = await startBenchServer(env);
const ldapPort = Number(/"port":(\d+),"msg":"ldap listening"/.exec(output())![1]);
const radiusPort = Number(/"port":(\d+),"msg":"radius listening"/.exec(output())![1]);

interface Result {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time of the answering process (and its workers) per request, µs. */
  cpuPerRequest: number;
  /** Cores the answering server kept busy on average (CPU time ÷ wall time). */
  cores: number;
}

/** Runs `concurrency` workers for the warm-up plus `seconds`; each call returns success. */
async function measure(
  label: string,
  pid: number | undefined,
  worker: () => Promise<(i: number) => Promise<boolean>>,
): Promise<Result> {
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  const ops = await Promise.all(Array.from({ length: concurrency }, worker));
  const warmupEnd = performance.now() + 2000;
  const end = warmupEnd + seconds * 1000;
  let cpuAtStart = Number.NaN;
  setTimeout(() => (cpuAtStart = processCpuMs(pid)), 2000);
  await Promise.all(
    ops.map(async (op) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await op(n++ % users);
        if (t0 < warmupEnd) continue;
        if (ok) latencies.push(performance.now() - t0);
        else failures++;
      }
    }),
  );
  const cpuMs = processCpuMs(pid) - cpuAtStart;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ??
    Number.NaN;
  return {
    label,
    perSecond: latencies.length / seconds,
    p50: pct(50),
    p99: pct(99),
    failures,
    cpuPerRequest: (cpuMs * 1000) / (latencies.length + failures),
    cores: cpuMs / (seconds * 1000),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const basic = accounts.map(
  (a) => `Basic ${Buffer.from(`${a.upn}:${a.password}`).toString('base64')}`,
);
const results: Result[] = [];
if (fronts.has('verify'))
  results.push(
    await measure(
      'Portcullis HTTP verify',
      server.pid,
      async () => (i) =>
        new Promise<boolean>((resolve, reject) => {
          const req = http.request(
            {
              host: '127.0.0.1',
              port,
              path: `/legacy/v1/verify?app=${app}`,
              method: 'POST',
              agent,
              headers: { authorization: basic[i]! },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode === 200));
            },
          );
          req.on('error', reject);
          req.end();
        }),
    ),
  );
agent.destroy();

const clients: LdapBindClient[] = [];
const ldapWorker = (portOf: number, dnOf: (i: number) => string) => async () => {
  const client = await LdapBindClient.connect(portOf);
  clients.push(client);
  return async (i: number) => (await client.bind(dnOf(i), accounts[i]!.password)) === 0;
};
if (fronts.has('ldap'))
  results.push(
    await measure(
      'Portcullis LDAP bind',
      server.pid,
      ldapWorker(ldapPort, (i) => `uid=${accounts[i]!.upn},ou=people,o=${app},dc=portcullis`),
    ),
  );
for (const c of clients.splice(0)) c.close();

// RADIUS PAP: each client a UDP socket with one Access-Request out at a time.
const sockets: dgram.Socket[] = [];
if (fronts.has('radius'))
  results.push(
    await measure('Portcullis RADIUS PAP', server.pid, async () => {
      const socket = dgram.createSocket('udp4');
      sockets.push(socket);
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
      let waiting: ((ok: boolean) => void) | null = null;
      let id = 0;
      socket.on('message', (m) => {
        const answer = radius.decode_without_secret({ packet: m });
        if (answer.identifier === id) waiting?.(answer.code === 'Access-Accept');
      });
      return (i) =>
        new Promise<boolean>((resolve) => {
          id = (id + 1) % 256;
          const packet = radius.encode({
            code: 'Access-Request',
            secret: RADIUS_SECRET,
            identifier: id,
            attributes: [
              ['User-Name', accounts[i]!.upn],
              ['User-Password', accounts[i]!.password],
              ['NAS-Identifier', app],
            ],
            add_message_authenticator: true,
          } as never);
          // A lost datagram counts as a failure after a second, as a NAS would retry.
          const timer = setTimeout(() => resolve(false), 1000);
          waiting = (ok) => {
            clearTimeout(timer);
            resolve(ok);
          };
          socket.send(packet, radiusPort, '127.0.0.1');
        });
    }),
  );
for (const s of sockets.splice(0)) s.close();
await stop();
cleanup();

let slapdNote = '';
if (!fronts.has('slapd')) {
  // not asked for
} else if (slapdAvailable()) {
  const slapd = await startSlapd(accounts.map((a) => [a.upn, a.password]));
  results.push(
    await measure(
      'OpenLDAP slapd bind ({SSHA})',
      slapd.pid,
      ldapWorker(slapd.port, (i) => slapd.dnOf(accounts[i]!.upn)),
    ),
  );
  for (const c of clients.splice(0)) c.close();
  await slapd.stop();
} else {
  slapdNote = 'slapd is not installed (Debian package slapd; .ci/run installs it): not measured';
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const rows = results.map((r) => [
  r.label,
  r.perSecond.toFixed(0),
  fmt(r.p50),
  fmt(r.p99),
  `${r.cpuPerRequest.toFixed(0)} µs`,
  r.cores.toFixed(2),
  String(r.failures),
]);
const head = ['front', 'per second', 'p50', 'p99', 'CPU/request', 'cores used', 'failed'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (cells: string[]) => `| ${cells.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
console.log('\nPortcullis benchmark: app-password checks on the legacy fronts');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${concurrency} concurrent keep-alive connections per front; ${seconds} s after 2 s warm-up; ${users} Enforced users with 4 app passwords each; the same LDAP client for Portcullis and slapd; Portcullis workers: ${config.workers} (PORTCULLIS_WORKERS)\n`,
);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
const ldap = results.find((r) => r.label === 'Portcullis LDAP bind');
const slapd = results.find((r) => r.label.startsWith('OpenLDAP'));
if (slapdNote) console.log(`\n${slapdNote}`);
if (ldap && slapd)
  console.log(
    `\nPortcullis LDAP / slapd: ${(ldap.perSecond / slapd.perSecond).toFixed(2)} (target ≥ 0.5); HTTP verify and RADIUS targets ≥ 10,000/s; server CPU per check target ≤ 80 µs`,
  );
process.exit(0);
